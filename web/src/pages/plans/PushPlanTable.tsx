import { Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/figures';
import { useLanguage } from '../targets/shared';

/** A row of a push plan as every push-plan answer carries it (phones masked by the server). */
export interface PushRow {
  readonly unit: string;
  readonly task: string;
  readonly target: number;
  readonly done: number;
  readonly remaining: number;
  readonly daysLeft: number;
  readonly perDay: number;
  readonly leader: string | null;
  readonly phone: string | null;
  readonly total: boolean;
}

/**
 * The per-day quotas of a push plan: each task's units, then its total row (whose quota is
 * its own remaining over the days left, not the sum of the units' quotas).
 */
export function PushPlanTable({ rows, name }: { rows: readonly PushRow[]; name: string }): ReactNode {
  const { t } = useTranslation('plans');
  const language = useLanguage();
  const count = (v: number): string => formatCount(v, language);
  const bold = (r: PushRow, text: ReactNode): ReactNode => (r.total ? <b>{text}</b> : text);
  return (
    <Table<PushRow & { key: number }>
      size="small"
      data-table={name}
      scroll={{ x: 900 }}
      pagination={false}
      dataSource={rows.map((r, i) => ({ ...r, key: i }))}
      rowClassName={(r) => (r.total ? 'gw-total-row' : '')}
      columns={[
        { title: t('col.task'), dataIndex: 'task', render: (v: string, r) => bold(r, v) },
        { title: t('col.unit'), dataIndex: 'unit', render: (v: string, r) => bold(r, v) },
        {
          title: t('col.target'),
          dataIndex: 'target',
          align: 'right',
          render: (v: number, r) => bold(r, count(v)),
        },
        {
          title: t('col.done'),
          dataIndex: 'done',
          align: 'right',
          render: (v: number, r) => bold(r, count(v)),
        },
        {
          title: t('col.remaining'),
          dataIndex: 'remaining',
          align: 'right',
          render: (v: number, r) => bold(r, count(v)),
        },
        { title: t('col.daysLeft'), dataIndex: 'daysLeft', align: 'right' },
        {
          title: t('col.perDay'),
          dataIndex: 'perDay',
          align: 'right',
          render: (v: number, r) => (
            <Typography.Text type={v > 0 ? 'danger' : undefined} strong={r.total}>
              {count(v)}
            </Typography.Text>
          ),
        },
        { title: t('col.leader'), dataIndex: 'leader', render: (v: string | null) => v ?? '—' },
        { title: t('col.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}
