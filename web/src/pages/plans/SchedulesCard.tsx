import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Popconfirm, Radio, Space, Table, Tag, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import type { paths } from '../../api/schema';
import { formatDate } from '../../format/figures';
import { useScope } from '../../scope/scope';
import { Allowed } from '../../session/session';
import { ErrorLine, useLanguage } from '../targets/shared';
import { periodEnd } from './plan-dates';

type Schedule =
  paths['/api/push-plan-schedules']['get']['responses'][200]['content']['application/json'][number];

/**
 * 定时攻坚计划: the schedules of the chosen org's subtree with their last run; a role with
 * targets.write creates one for the chosen period (deadline, day counting) and stops one.
 */
export function SchedulesCard(): ReactNode {
  const { t } = useTranslation('plans');
  const language = useLanguage();
  const queries = useQueryClient();
  const [note, context] = message.useMessage();
  const { orgCode, period, periodChoice } = useScope();
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const [days, setDays] = useState<'calendar' | 'working'>('calendar');
  const schedules = useQuery({
    queryKey: ['plans', 'schedules', orgCode],
    queryFn: () => answer(api.GET('/api/push-plan-schedules', { params: { query: { org: orgCode } } })),
  });
  const create = useMutation({
    mutationFn: () =>
      answer(
        api.POST('/api/push-plan-schedules', {
          body: {
            org: orgCode,
            period,
            deadline: (deadline ?? dayjs(periodEnd(periodChoice))).format('YYYY-MM-DD'),
            days,
          },
        }),
      ),
    onSuccess: async (s) => {
      void note.success(t('sched.created', { id: s.id, next: s.next ? formatDate(s.next, language) : '—' }));
      await queries.invalidateQueries({ queryKey: ['plans', 'schedules'] });
    },
  });
  const stop = useMutation({
    mutationFn: (id: number) =>
      answer(api.DELETE('/api/push-plan-schedules/{id}', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['plans', 'schedules'] }),
  });
  const date = (v: string | null): string => (v ? formatDate(v, language) : '—');

  return (
    <Card
      size="small"
      title={t('schedules')}
      style={{ marginTop: 16 }}
      extra={<Typography.Text type="secondary">{t('schedules.help')}</Typography.Text>}
    >
      {context}
      <Allowed permission="targets.write">
        <Space wrap style={{ marginBottom: 12 }}>
          <span>{period}</span>
          <DatePicker
            aria-label={t('sched.deadline')}
            placeholder={`${t('sched.deadline')} ${periodEnd(periodChoice)}`}
            value={deadline}
            onChange={setDeadline}
          />
          <Radio.Group value={days} onChange={(e) => setDays(e.target.value as 'calendar' | 'working')}>
            <Radio.Button value="calendar">{t('days.calendar')}</Radio.Button>
            <Radio.Button value="working">{t('days.working')}</Radio.Button>
          </Radio.Group>
          <Button
            icon={<PlusOutlined />}
            onClick={() => create.mutate()}
            loading={create.isPending}
            data-action="create-schedule"
          >
            {t('sched.create')}
          </Button>
        </Space>
      </Allowed>
      <ErrorLine error={schedules.error ?? create.error ?? stop.error} />
      <Table<Schedule>
        size="small"
        data-table="schedules"
        rowKey="id"
        scroll={{ x: 900 }}
        loading={schedules.isPending}
        locale={{ emptyText: t('noSchedules') }}
        dataSource={[...(schedules.data ?? [])].reverse()}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: '#', dataIndex: 'id', width: 56 },
          { title: t('sched.period'), dataIndex: 'period' },
          { title: t('sched.deadline'), dataIndex: 'deadline', render: date },
          { title: t('sched.days'), dataIndex: 'days', render: (v: Schedule['days']) => t(`days.${v}`) },
          {
            title: t('sched.active'),
            key: 'active',
            render: (_v, s) =>
              s.active ? (
                <Tag color="green">{t('sched.on')}</Tag>
              ) : (
                <Tag>{s.endedReason ? t(`sched.ended.${s.endedReason}`) : t('sched.off')}</Tag>
              ),
          },
          { title: t('sched.lastRun'), dataIndex: 'lastRunOn', render: date },
          {
            title: t('sched.lastError'),
            dataIndex: 'lastError',
            render: (v: string | null) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : '—'),
          },
          { title: t('sched.createdBy'), dataIndex: 'createdBy' },
          {
            title: '',
            key: 'stop',
            render: (_v, s) =>
              s.active ? (
                <Allowed permission="targets.write">
                  <Popconfirm title={t('sched.confirm', { id: s.id })} onConfirm={() => stop.mutate(s.id)}>
                    <Button danger size="small" data-action="stop-schedule">
                      {t('sched.delete')}
                    </Button>
                  </Popconfirm>
                </Allowed>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
