import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Popconfirm, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import type { paths } from '../../api/schema';
import { formatDate } from '../../format/figures';
import { useScope } from '../../scope/scope';
import { Allowed } from '../../session/session';
import { BULLETIN_FORMATS, BULLETINS_KEY, errorText, SCHEDULE_EVERY, useLanguage } from './bulletin-data';

type Schedule =
  paths['/api/bulletin-schedules']['get']['responses'][200]['content']['application/json'][number];

/** The schedules in the caller's scope; create and stop them with bulletins.write. */
export function SchedulesTable(): ReactNode {
  const { t } = useTranslation('bulletins');
  const language = useLanguage();
  const { orgCode, org } = useScope();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<{
    every: (typeof SCHEDULE_EVERY)[number];
    format: (typeof BULLETIN_FORMATS)[number];
  }>();
  const schedules = useQuery({
    queryKey: [BULLETINS_KEY, 'schedules'],
    queryFn: () => answer(api.GET('/api/bulletin-schedules')),
  });
  const create = useMutation({
    mutationFn: (v: { every: (typeof SCHEDULE_EVERY)[number]; format: (typeof BULLETIN_FORMATS)[number] }) =>
      answer(api.POST('/api/bulletin-schedules', { body: { orgCode, every: v.every, format: v.format } })),
    onSuccess: async (created) => {
      void message.success(t('schedules.added', { date: formatDate(created.nextRun, language) }));
      await queries.invalidateQueries({ queryKey: [BULLETINS_KEY, 'schedules'] });
    },
    onError: (error) => void message.error(errorText(error, language)),
  });
  const stop = useMutation({
    mutationFn: (id: number) =>
      answer(api.DELETE('/api/bulletin-schedules/{id}', { params: { path: { id } } })),
    onSuccess: async (_, id) => {
      void message.success(t('schedules.deleted', { id }));
      await queries.invalidateQueries({ queryKey: [BULLETINS_KEY, 'schedules'] });
    },
    onError: (error) => void message.error(errorText(error, language)),
  });

  const columns: ColumnsType<Schedule> = [
    { key: 'id', title: t('col.id'), dataIndex: 'id', width: 64 },
    {
      key: 'org',
      title: t('col.org'),
      render: (_, s) => (s.orgCode === orgCode ? (org?.name ?? s.orgCode) : s.orgCode),
    },
    { key: 'every', title: t('col.every'), render: (_, s) => t(`every.${s.every}` as 'every.quarter') },
    { key: 'format', title: t('col.format'), render: (_, s) => s.format },
    { key: 'nextRun', title: t('col.nextRun'), render: (_, s) => formatDate(s.nextRun, language) },
    {
      key: 'lastRun',
      title: t('col.lastRun'),
      render: (_, s) => (s.lastRunAt ? formatDate(s.lastRunAt, language) : '—'),
    },
    {
      key: 'lastError',
      title: t('col.lastError'),
      render: (_, s) => (s.lastError ? <Typography.Text type="danger">{s.lastError}</Typography.Text> : '—'),
    },
    { key: 'createdBy', title: t('col.createdBy'), render: (_, s) => s.createdBy ?? '—' },
    {
      key: 'actions',
      title: t('col.actions'),
      render: (_, s) => (
        <Allowed permission="bulletins.write">
          <Popconfirm
            title={t('schedules.deleteConfirm', { id: s.id })}
            okText={t('ok')}
            cancelText={t('cancel')}
            onConfirm={() => stop.mutate(s.id)}
          >
            <Button size="small" danger icon={<DeleteOutlined />} data-action="stop-schedule">
              {t('schedules.delete')}
            </Button>
          </Popconfirm>
        </Allowed>
      ),
    },
  ];

  return (
    <Card size="small" title={t('schedules.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('schedules.hint')}</Typography.Text>
        <Allowed permission="bulletins.write">
          <Form
            form={form}
            layout="inline"
            initialValues={{ every: 'quarter', format: 'docx' }}
            onFinish={(v) => create.mutate(v)}
          >
            <Form.Item name="every" label={t('col.every')}>
              <Select
                style={{ width: 120 }}
                options={SCHEDULE_EVERY.map((e) => ({ value: e, label: t(`every.${e}`) }))}
              />
            </Form.Item>
            <Form.Item name="format" label={t('col.format')}>
              <Select
                style={{ width: 160 }}
                options={BULLETIN_FORMATS.map((f) => ({ value: f, label: t(`format.${f}`) }))}
              />
            </Form.Item>
            <Button
              htmlType="submit"
              icon={<PlusOutlined />}
              loading={create.isPending}
              data-action="add-schedule"
            >
              {t('schedules.add')}
            </Button>
          </Form>
        </Allowed>
        {schedules.error ? (
          <Alert type="error" showIcon message={errorText(schedules.error, language)} />
        ) : (
          <Table<Schedule>
            size="small"
            data-table="schedules"
            rowKey="id"
            loading={schedules.isPending}
            columns={columns}
            dataSource={(schedules.data ?? []).filter((s) => s.active)}
            scroll={{ x: 'max-content' }}
            pagination={false}
            locale={{ emptyText: t('empty') }}
          />
        )}
      </Space>
    </Card>
  );
}
