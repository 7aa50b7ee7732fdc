import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { flagReasons, totalsOf, yuan, type FundsStatus, type UnitStatus } from './funding-data';

/** A reason wraps under its tag in a column of its own width, rather than widening the table. */
const REASON_STYLE = { display: 'block', maxWidth: 300, whiteSpace: 'normal' } as const;

/**
 * The allocation table down to the health centres: allocated, of which villages and the new
 * earmark, paid, balance, days since the allocation, and the late and idle flags as tags with
 * the reason written beside them (a tooltip alone would hide it from a printout and a phone).
 */
export function AllocationTable({
  status,
  units,
}: {
  status: FundsStatus;
  units: readonly UnitStatus[];
}): ReactNode {
  const { t } = useTranslation('funding');
  const money = (fen: number): ReactNode => <span className="gw-figure">{yuan(fen)}</span>;
  const flags = (u: UnitStatus): ReactNode => {
    const why = flagReasons(u, status.allocation);
    if (!why.late && !why.idle) return <Tag color="green">{t('flag.none')}</Tag>;
    return (
      <Space direction="vertical" size={2}>
        {why.late && (
          <span data-flag="late" style={REASON_STYLE}>
            <Tag color="orange">{t('flag.late')}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(why.late.key, why.late.values)}
            </Typography.Text>
          </span>
        )}
        {why.idle && (
          <span data-flag="idle" style={REASON_STYLE}>
            <Tag color="red">{t('flag.idle')}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(why.idle.key, why.idle.values)}
            </Typography.Text>
          </span>
        )}
      </Space>
    );
  };
  const columns: ColumnsType<UnitStatus> = [
    {
      key: 'unit',
      title: t('col.unit'),
      fixed: 'left',
      render: (_, u) => (
        <Tooltip title={u.unitCode}>
          <span>{u.unitName}</span>
        </Tooltip>
      ),
    },
    { key: 'population', title: t('col.population'), align: 'right', render: (_, u) => u.population },
    { key: 'amount', title: t('col.amount'), align: 'right', render: (_, u) => money(u.amountFen) },
    { key: 'village', title: t('col.village'), align: 'right', render: (_, u) => money(u.villageFen) },
    { key: 'earmark', title: t('col.earmark'), align: 'right', render: (_, u) => money(u.earmarkFen) },
    { key: 'disbursed', title: t('col.disbursed'), align: 'right', render: (_, u) => money(u.disbursedFen) },
    { key: 'balance', title: t('col.balance'), align: 'right', render: (_, u) => money(u.balanceFen) },
    { key: 'days', title: t('col.days'), align: 'right', render: (_, u) => u.daysSinceAllocation },
    { key: 'flags', title: t('col.flags'), width: 300, render: (_, u) => flags(u) },
  ];
  const sum = totalsOf(units);
  return (
    <Table<UnitStatus>
      size="small"
      data-table="allocation"
      rowKey="unitCode"
      columns={columns}
      dataSource={[...units]}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
      summary={() => (
        <Table.Summary.Row className="gw-total-row">
          <Table.Summary.Cell index={0}>{t('total')}</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            {sum.population}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {yuan(sum.amountFen)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            {yuan(sum.villageFen)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">
            {yuan(sum.earmarkFen)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={5} align="right">
            {yuan(sum.disbursedFen)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={6} align="right">
            {yuan(sum.balanceFen)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={7} colSpan={2} />
        </Table.Summary.Row>
      )}
    />
  );
}
