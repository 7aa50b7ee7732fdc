import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankedUnit, Unit } from './dashboard-figures';
import { differenceText, languageOf, ValueWithRemark } from './figure-text';
import { formatCount } from '../../format/figures';
import type { PeopleSet } from './PeopleDrawer';

/**
 * The children ranked on one indicator, lagging units named and marked with words (below the
 * milestone, below the level above), not colour alone; numerator and denominator open the
 * people behind them. A reported indicator (docs/reported-indicators.md) has no people behind
 * it: its counts are plain figures, and a 来源 column says whether each unit's figure is its own
 * report (本级上报) or the sum of the reports below it (下级汇总), with the report's source and
 * any remark (a missing quarter, the survey's period).
 */
export function ChildrenRanking({
  unit,
  rows,
  loading,
  reported = false,
  onOpenPeople,
}: {
  unit: Unit;
  rows: readonly RankedUnit[];
  loading: boolean;
  /** The indicator is reported, not computed (catalogue `period: 'reported'`). */
  reported?: boolean;
  /** Null when the role may not see people. */
  onOpenPeople: ((row: RankedUnit, set: PeopleSet) => void) | null;
}): ReactNode {
  const { t, i18n } = useTranslation('dashboard');
  const language = languageOf(i18n.language);
  const count = (row: RankedUnit, n: number | null, set: PeopleSet, label: string): ReactNode => {
    if (n === null) return '—';
    const text = formatCount(n, language);
    if (!onOpenPeople || reported || n === 0) return <span className="gw-figure">{text}</span>;
    return (
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        aria-label={`${text} ${label} ${row.orgName}`}
        onClick={() => onOpenPeople(row, set)}
      >
        <span className="gw-figure">{text}</span>
      </Button>
    );
  };
  return (
    <Table<RankedUnit>
      rowKey="org"
      size="small"
      loading={loading}
      dataSource={[...rows]}
      pagination={false}
      scroll={{ x: 760 }}
      data-testid="children-ranking"
      columns={[
        { title: t('rank'), dataIndex: 'rank', key: 'rank', width: 64 },
        { title: t('unit'), dataIndex: 'orgName', key: 'orgName' },
        {
          title: t('value'),
          key: 'value',
          render: (_: unknown, row) => <ValueWithRemark unit={unit} value={row.value} />,
        },
        {
          title: t('numerator'),
          key: 'numerator',
          render: (_: unknown, row) => count(row, row.numerator, 'numerator', t('numerator')),
        },
        {
          title: t('denominator'),
          key: 'denominator',
          render: (_: unknown, row) => count(row, row.denominator, 'gap', t('denominator')),
        },
        {
          title: t('milestone'),
          key: 'milestone',
          render: (_: unknown, row) =>
            row.milestone === null ? '—' : <ValueWithRemark unit={unit} value={row.milestone} />,
        },
        {
          title: t('gap'),
          key: 'gap',
          render: (_: unknown, row) => (
            <span className="gw-figure">{differenceText(unit, row.gap, i18n.language)}</span>
          ),
        },
        ...(reported
          ? [
              {
                title: t('source'),
                key: 'source',
                render: (_: unknown, row: RankedUnit) => (
                  <Space size={4} wrap>
                    {row.source === undefined ? (
                      <Typography.Text type="secondary">{t('source.none')}</Typography.Text>
                    ) : (
                      <Tooltip title={row.reportSource}>
                        <Tag color={row.source === 'reported' ? 'blue' : 'default'}>
                          {t(`source.${row.source}`)}
                        </Tag>
                      </Tooltip>
                    )}
                    {row.remark && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {language === 'en' ? row.remark.en : row.remark.zh}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
            ]
          : []),
        {
          title: t('lagging'),
          key: 'lagging',
          render: (_: unknown, row) => (
            <Space size={4} wrap>
              {row.belowMilestone && <Tag color="red">{t('belowMilestone')}</Tag>}
              {row.belowParent && <Tag color="orange">{t('belowParent')}</Tag>}
              {!row.belowMilestone && !row.belowParent && row.value !== null && (
                <Tag color="green">{t('onTrack')}</Tag>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
