import { TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { answer, api } from '../../api/client';
import { useSession } from '../../session/session';
import { errorText, useLanguage } from '../bulletins/bulletin-data';
import { PeopleDrawer, type PeopleRequest } from '../dashboard/PeopleDrawer';
import {
  ASSESSMENT_KEY,
  figure,
  isRateItem,
  points,
  ruleText,
  type RankedUnit,
  type RunReport,
  type ScoredItem,
} from './assessment-data';

/** The items of one unit as a table: value, target, rule, score and the explanation. */
export function UnitItemsTable({
  report,
  items,
  onPeople,
}: {
  report: Pick<RunReport, 'sections' | 'run'>;
  items: readonly ScoredItem[];
  onPeople?: (item: ScoredItem) => void;
}): ReactNode {
  const { t } = useTranslation('assessment');
  const language = useLanguage();
  const names = new Map(report.sections.flatMap((s) => s.items.map((i) => [i.id, i.name] as const)));
  const columns: ColumnsType<ScoredItem> = [
    {
      key: 'item',
      title: t('col.item'),
      render: (_, i) => {
        const name = names.get(i.itemId);
        return name ? (language === 'en' ? name.en : name.zh) : i.itemId;
      },
    },
    {
      key: 'score',
      title: t('col.score'),
      align: 'right',
      render: (_, i) => (
        <Space size={4}>
          <span data-cell="score">{i.centi === null ? '—' : points(i.centi)}</span>
          <span>/ {points(i.pointsCenti)}</span>
          {i.status !== 'scored' && (
            <Tag color={i.status === 'missing' ? 'warning' : 'default'}>{t(`status.${i.status}`)}</Tag>
          )}
        </Space>
      ),
    },
    {
      key: 'value',
      title: t('col.value'),
      align: 'right',
      render: (_, i) => figure(i.value, isRateItem(i)),
    },
    {
      key: 'target',
      title: t('col.target'),
      align: 'right',
      render: (_, i) =>
        i.target === null
          ? '—'
          : `${figure(i.target, isRateItem(i))}${i.targetSource === 'targets' ? ` (${t('target.targets')})` : ''}`,
    },
    { key: 'rule', title: t('col.rule'), render: (_, i) => ruleText(i.scoring) },
    {
      key: 'explanation',
      title: t('col.explanation'),
      render: (_, i) => (language === 'en' ? i.explanation.en : i.explanation.zh),
    },
    {
      key: 'actions',
      title: t('col.actions'),
      render: (_, i) =>
        i.indicator === null ? null : (
          <Space size={4}>
            <Link
              data-action="indicator"
              to={`/indicators/${encodeURIComponent(i.indicator)}?${new URLSearchParams({ org: i.unitCode, period: report.run.period }).toString()}`}
            >
              {t('items.indicator')}
            </Link>
            {onPeople && (
              <Button size="small" icon={<TeamOutlined />} onClick={() => onPeople(i)} data-action="people">
                {t('items.people')}
              </Button>
            )}
          </Space>
        ),
    },
  ];
  return (
    <Table<ScoredItem>
      size="small"
      data-table="items"
      rowKey="itemId"
      columns={columns}
      dataSource={[...items]}
      scroll={{ x: 'max-content' }}
      pagination={false}
    />
  );
}

/** A drawer with the items of one unit of a run; an indicator item leads to its page and its people. */
export function UnitItemsDrawer({
  report,
  unit,
  onClose,
}: {
  report: RunReport;
  unit: RankedUnit | null;
  onClose(): void;
}): ReactNode {
  const { t } = useTranslation('assessment');
  const language = useLanguage();
  const { can } = useSession();
  const [people, setPeople] = useState<PeopleRequest | null>(null);
  const items = useQuery({
    queryKey: [ASSESSMENT_KEY, 'run', report.run.id, unit?.unitCode],
    queryFn: () =>
      answer(
        api.GET('/api/assessment/runs/{id}', {
          params: { path: { id: report.run.id }, query: { items: 'true', unit: unit!.unitCode } },
        }),
      ),
    enabled: unit !== null,
  });
  const names = new Map(report.sections.flatMap((s) => s.items.map((i) => [i.id, i.name] as const)));
  return (
    <Drawer
      open={unit !== null}
      onClose={onClose}
      width="min(960px, 100vw)"
      title={unit ? t('items.title', { unit: unit.unitName }) : ''}
    >
      {items.error ? (
        <Alert type="error" showIcon message={errorText(items.error, language)} />
      ) : (
        <UnitItemsTable
          report={report}
          items={items.data?.items ?? []}
          {...(can('personal.read')
            ? {
                onPeople: (i: ScoredItem) =>
                  setPeople({
                    indicator: i.indicator!,
                    indicatorName:
                      (language === 'en' ? names.get(i.itemId)?.en : names.get(i.itemId)?.zh) ?? i.itemId,
                    org: i.unitCode,
                    orgName: unit?.unitName ?? i.unitCode,
                    period: report.run.period,
                    periodName: report.run.period,
                    set: 'numerator',
                  }),
              }
            : {})}
        />
      )}
      {can('personal.read') && <PeopleDrawer request={people} onClose={() => setPeople(null)} />}
    </Drawer>
  );
}
