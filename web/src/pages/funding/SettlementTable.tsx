import { Alert, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { points } from '../assessment/assessment-data';
import { totalsOf, yuan, type UnitStatus } from './funding-data';

/**
 * The settlement by the assessment score: advance, settlement base, the converted score of the
 * latest run of the year, what the score pays, what it withholds, and the year's total. Shown
 * once a run exists; before that, a note that the settlement waits.
 */
export function SettlementTable({ units }: { units: readonly UnitStatus[] }): ReactNode {
  const { t } = useTranslation('funding');
  const scored = units.filter((u) => u.score !== null);
  if (scored.length === 0) return <Alert type="info" showIcon message={t('settlement.none')} />;
  const runs = [...new Set(scored.map((u) => `${u.score!.period} #${u.score!.runId}`))].join('、');
  const money = (fen: number | null): ReactNode =>
    fen === null ? <Typography.Text type="secondary">{t('settlement.waiting')}</Typography.Text> : yuan(fen);
  const columns: ColumnsType<UnitStatus> = [
    { key: 'unit', title: t('col.unit'), fixed: 'left', render: (_, u) => u.unitName },
    { key: 'advance', title: t('col.advance'), align: 'right', render: (_, u) => yuan(u.advanceFen) },
    { key: 'base', title: t('col.base'), align: 'right', render: (_, u) => yuan(u.settlementBaseFen) },
    {
      key: 'score',
      title: t('col.score'),
      align: 'right',
      render: (_, u) => (u.score ? `${points(u.score.centi)} / ${points(u.score.maxCenti)}` : '—'),
    },
    { key: 'settled', title: t('col.settled'), align: 'right', render: (_, u) => money(u.settledFen) },
    { key: 'withheld', title: t('col.withheld'), align: 'right', render: (_, u) => money(u.withheldFen) },
    { key: 'final', title: t('col.final'), align: 'right', render: (_, u) => money(u.finalFen) },
  ];
  const sum = totalsOf(units);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('settlement.intro', { runs })}</Typography.Paragraph>
      <Table<UnitStatus>
        size="small"
        data-table="settlement"
        rowKey="unitCode"
        columns={columns}
        dataSource={[...units]}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t('total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {yuan(sum.advanceFen)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {yuan(sum.settlementBaseFen)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} />
            <Table.Summary.Cell index={4} align="right">
              {yuan(sum.settledFen)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              {yuan(sum.withheldFen)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right">
              {yuan(sum.finalFen)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Space>
  );
}
