import { useQuery } from '@tanstack/react-query';
import { Button, Card, Drawer, Table } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import type { paths } from '../../api/schema';
import { formatDate } from '../../format/figures';
import { useScope } from '../../scope/scope';
import { ErrorLine, useLanguage } from '../targets/shared';
import { PushPlanTable } from './PushPlanTable';

type Snapshot =
  paths['/api/plans/push/snapshots']['get']['responses'][200]['content']['application/json'][number];

function SnapshotRows({ id }: { id: number }): ReactNode {
  const one = useQuery({
    queryKey: ['plans', 'snapshot', id],
    queryFn: () => answer(api.GET('/api/plans/push/snapshots/{id}', { params: { path: { id } } })),
  });
  return (
    <>
      <ErrorLine error={one.error} />
      {one.data && (
        <PushPlanTable rows={one.data.rows.map((r) => ({ ...r, task: r.taskName }))} name="snapshot" />
      )}
    </>
  );
}

/** 节点记录: the push plans kept for the chosen org and period (by hand or by a schedule). */
export function SnapshotsCard(): ReactNode {
  const { t } = useTranslation('plans');
  const language = useLanguage();
  const { orgCode, period } = useScope();
  const [open, setOpen] = useState<Snapshot | null>(null);
  const snapshots = useQuery({
    queryKey: ['plans', 'snapshots', orgCode, period],
    queryFn: () =>
      answer(api.GET('/api/plans/push/snapshots', { params: { query: { org: orgCode, period } } })),
  });
  const date = (v: string): string => formatDate(v, language);
  return (
    <Card size="small" title={t('snapshots')} style={{ marginTop: 16 }}>
      <ErrorLine error={snapshots.error} />
      <Table<Snapshot>
        size="small"
        data-table="snapshots"
        rowKey="id"
        scroll={{ x: 760 }}
        loading={snapshots.isPending}
        locale={{ emptyText: t('noSnapshots') }}
        dataSource={[...(snapshots.data ?? [])].reverse()}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: '#', dataIndex: 'id', width: 56 },
          { title: t('snap.asOf'), dataIndex: 'asOf', render: date },
          { title: t('snap.doneAsOf'), dataIndex: 'doneAsOf', render: date },
          { title: t('snap.deadline'), dataIndex: 'deadline', render: date },
          { title: t('snap.daysLeft'), dataIndex: 'daysLeft', align: 'right' },
          { title: t('snap.createdBy'), dataIndex: 'createdBy' },
          { title: t('snap.createdAt'), dataIndex: 'createdAt', render: date },
          {
            title: '',
            key: 'open',
            render: (_v, s) => (
              <Button type="link" size="small" onClick={() => setOpen(s)}>
                {t('snap.open')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        width="min(960px, 100vw)"
        title={open ? t('snap.title', { id: open.id, asOf: date(open.asOf) }) : ''}
      >
        {open && <SnapshotRows id={open.id} />}
      </Drawer>
    </Card>
  );
}
