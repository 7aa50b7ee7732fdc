import { InputNumber, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { points, ruleText } from './assessment-data';

/** The parts of a scheme the page shows (the API serves the definition as JSON). */
export interface SchemeDefinition {
  readonly code: string;
  readonly name: { zh: string; en: string };
  readonly sections: ReadonlyArray<{
    readonly id: string;
    readonly name: { zh: string; en: string };
    readonly items: ReadonlyArray<SchemeDefinitionItem>;
  }>;
}

/** One item of a scheme as written. */
export interface SchemeDefinitionItem {
  readonly id: string;
  readonly kind: 'indicator' | 'audit' | 'manual';
  readonly name: { zh: string; en: string };
  readonly points: number;
  readonly indicator?: string;
  readonly target?: { source: 'targets'; basis?: string } | { source: 'fixed'; value: number };
  readonly scoring: Record<string, unknown>;
}

/** The scheme with `points` of item `id` set to `value`: what the simple editor saves as a new version. */
export function withPoints<S extends SchemeDefinition>(scheme: S, id: string, value: number): S {
  return {
    ...scheme,
    sections: scheme.sections.map((s) => ({
      ...s,
      items: s.items.map((i) => (i.id === id ? { ...i, points: value } : i)),
    })),
  };
}

/** The full marks of a section, in centipoints (points have at most two decimals). */
function sectionCenti(items: readonly SchemeDefinitionItem[]): number {
  return items.reduce((sum, i) => sum + Math.round(i.points * 100), 0);
}

/**
 * A scheme's sections and items: points, what is measured against which target, and the rule.
 * With `onPoints`, each item's points can be changed (the simple editor).
 */
export function SchemeView({
  scheme,
  onPoints,
}: {
  scheme: SchemeDefinition;
  onPoints?: (id: string, value: number) => void;
}): ReactNode {
  const { t, i18n } = useTranslation('assessment');
  const en = i18n.language === 'en';
  const columns: ColumnsType<SchemeDefinitionItem> = [
    { key: 'id', title: 'id', render: (_, i) => <Typography.Text code>{i.id}</Typography.Text> },
    { key: 'name', title: t('col.item'), render: (_, i) => (en ? i.name.en : i.name.zh) },
    { key: 'kind', title: t('col.kind'), render: (_, i) => <Tag>{t(`kind.${i.kind}`)}</Tag> },
    {
      key: 'points',
      title: t('col.points'),
      align: 'right',
      render: (_, i) =>
        onPoints ? (
          <InputNumber
            size="small"
            aria-label={`${t('col.points')} ${i.id}`}
            min={0.01}
            max={1000}
            step={0.5}
            precision={2}
            value={i.points}
            onChange={(v) => v !== null && onPoints(i.id, v)}
            style={{ width: 88 }}
          />
        ) : (
          i.points
        ),
    },
    {
      key: 'target',
      title: t('col.target'),
      render: (_, i) =>
        i.indicator === undefined
          ? '—'
          : `${i.indicator} · ${i.target?.source === 'fixed' ? String(i.target.value) : t('target.targets')}`,
    },
    { key: 'rule', title: t('col.rule'), render: (_, i) => ruleText(i.scoring) },
  ];
  return (
    <div>
      {scheme.sections.map((section) => (
        <div key={section.id} data-section={section.id} style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>
            {en ? section.name.en : section.name.zh} ·{' '}
            {t('schemes.full', { points: points(sectionCenti(section.items)) })}
          </Typography.Title>
          <Table<SchemeDefinitionItem>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={[...section.items]}
            scroll={{ x: 'max-content' }}
            pagination={false}
          />
        </div>
      ))}
    </div>
  );
}
