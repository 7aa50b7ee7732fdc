import { CheckOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { answer, api } from '../../api/client';
import type { paths } from '../../api/schema';
import { formatDate } from '../../format/figures';
import { useScope } from '../../scope/scope';
import { Allowed } from '../../session/session';
import { AUDITS_KEY, errorText, PAGE_SIZE, useAuditRules, useLanguage, type Finding } from './audit-data';
import { evidenceText } from './evidence-text';
import { UnusedRecords, unusedOf } from './UnusedRecords';

type FindingQuery = NonNullable<paths['/api/audits/findings']['get']['parameters']['query']>;

const STATUSES = ['open', 'resolved', 'closed', 'current', 'all'] as const;
type Status = (typeof STATUSES)[number];
const SEVERITY_COLOR: Record<string, string> = { error: 'red', warning: 'orange', info: 'blue' };
const STATUS_COLOR: Record<string, string> = { open: 'gold', resolved: 'green', closed: 'default' };

/** Resolve with a note, or reopen: what the role may do with one finding. */
function FindingActions({ finding }: { finding: Finding }): ReactNode {
  const { t } = useTranslation('audits');
  const language = useLanguage();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ note?: string }>();
  const done = async (text: string): Promise<void> => {
    void message.success(text);
    await queries.invalidateQueries({ queryKey: [AUDITS_KEY] });
  };
  const resolve = useMutation({
    mutationFn: (note: string | null) =>
      answer(
        api.POST('/api/audits/findings/{id}/resolve', {
          params: { path: { id: finding.id } },
          body: { note },
        }),
      ),
    onSuccess: async () => {
      setOpen(false);
      form.resetFields();
      await done(t('resolve.done', { id: finding.id }));
    },
    onError: (error) => void message.error(errorText(error, language)),
  });
  const reopen = useMutation({
    mutationFn: () =>
      answer(api.POST('/api/audits/findings/{id}/reopen', { params: { path: { id: finding.id } } })),
    onSuccess: () => done(t('reopen.done', { id: finding.id })),
    onError: (error) => void message.error(errorText(error, language)),
  });

  if (finding.status === 'closed') return null;
  if (finding.status === 'resolved')
    return (
      <Popconfirm
        title={t('reopen.confirm', { id: finding.id })}
        okText={t('ok')}
        cancelText={t('cancel')}
        onConfirm={() => reopen.mutate()}
      >
        <Button size="small" icon={<UndoOutlined />} loading={reopen.isPending} data-action="reopen">
          {t('reopen')}
        </Button>
      </Popconfirm>
    );
  return (
    <>
      <Button
        size="small"
        type="primary"
        ghost
        icon={<CheckOutlined />}
        onClick={() => setOpen(true)}
        data-action="resolve"
      >
        {t('resolve')}
      </Button>
      <Modal
        open={open}
        title={t('resolve.title', { id: finding.id })}
        okText={t('resolve')}
        cancelText={t('cancel')}
        confirmLoading={resolve.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => {
          const note = (form.getFieldValue('note') as string | undefined)?.trim();
          resolve.mutate(note ? note : null);
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="note" label={t('resolve.note')}>
            <Input.TextArea rows={3} maxLength={1000} placeholder={t('resolve.notePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/**
 * The work list of the chosen org: filtered by rule, unit and status (kept in the address),
 * paged by the server, personal data masked by the server. Resolve and reopen only for roles
 * with findings.resolve; the server records who did it.
 */
export function WorkList(): ReactNode {
  const { t } = useTranslation('audits');
  const language = useLanguage();
  const { orgCode, org } = useScope();
  const { rules, nameOf } = useAuditRules();
  const [params, setParams] = useSearchParams();
  const rule = params.get('rule') ?? undefined;
  const unit = params.get('unit') ?? orgCode;
  const status: Status = (STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as Status)
    : 'open';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);

  const set = (changes: Record<string, string | undefined>): void =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) next.delete(key);
        else next.set(key, value);
      }
      if (!('page' in changes)) next.delete('page');
      return next;
    });

  const children = useQuery({
    queryKey: ['org-children', orgCode],
    queryFn: () => answer(api.GET('/api/orgs/{code}/children', { params: { path: { code: orgCode } } })),
    staleTime: 5 * 60_000,
  });
  const query: FindingQuery = {
    org: unit,
    status,
    page,
    pageSize: PAGE_SIZE,
    ...(rule ? { rule: rule as FindingQuery['rule'] } : {}),
  };
  const findings = useQuery({
    queryKey: [AUDITS_KEY, 'findings', query],
    queryFn: () => answer(api.GET('/api/audits/findings', { params: { query } })),
  });

  const columns: ColumnsType<Finding> = [
    { key: 'id', title: t('col.id'), dataIndex: 'id', width: 72 },
    { key: 'rule', title: t('col.rule'), render: (_, f) => nameOf(f.rule) },
    {
      key: 'severity',
      title: t('col.severity'),
      render: (_, f) => (
        <Tag color={SEVERITY_COLOR[f.severity]}>{t(`severity.${f.severity}` as 'severity.error')}</Tag>
      ),
    },
    { key: 'unit', title: t('col.unit'), width: 120, render: (_, f) => f.orgName ?? f.org },
    {
      key: 'resident',
      title: t('col.resident'),
      render: (_, f) => {
        const unused = unusedOf(f);
        if (unused) return <UnusedRecords finding={f} evidence={unused} />;
        return f.resident ? (
          <Space direction="vertical" size={0}>
            <span>{f.resident.name ?? '—'}</span>
            <Typography.Text type="secondary" className="gw-figure">
              {f.resident.recordNo ?? ''}
            </Typography.Text>
            <Typography.Text type="secondary" className="gw-figure">
              {f.resident.idNumber ?? ''}
            </Typography.Text>
          </Space>
        ) : (
          '—'
        );
      },
    },
    {
      key: 'service',
      title: t('col.service'),
      render: (_, f) =>
        f.service ? (
          <Space direction="vertical" size={0}>
            <span>
              {f.service.type
                ? t(`service.${f.service.type}` as 'service.vaccination', { defaultValue: f.service.type })
                : '—'}
            </span>
            {f.service.date && (
              <Typography.Text type="secondary">{formatDate(f.service.date, language)}</Typography.Text>
            )}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      key: 'evidence',
      title: t('col.evidence'),
      width: 220,
      render: (_, f) => {
        const unused = unusedOf(f);
        // The period of use in the reader's words rather than the evidence's keys, on two
        // lines: on one, two dates in Chinese overflow the column.
        if (unused)
          return (
            <Space direction="vertical" size={0}>
              <span>{t('unused.from', { date: formatDate(unused.noServiceSince, language) })}</span>
              <span>{t('unused.to', { date: formatDate(unused.asOf, language) })}</span>
            </Space>
          );
        return (
          <Typography.Text style={{ width: 200 }} ellipsis={{ tooltip: evidenceText(f.evidence) }}>
            {evidenceText(f.evidence)}
          </Typography.Text>
        );
      },
    },
    {
      key: 'status',
      title: t('col.status'),
      render: (_, f) => (
        <Space direction="vertical" size={0}>
          <Tag color={STATUS_COLOR[f.status]} data-status={f.status}>
            {t(`status.${f.status}` as 'status.open')}
          </Tag>
          {f.resolvedBy && f.resolvedAt && (
            <Typography.Text type="secondary">
              {t('resolvedBy', { by: f.resolvedBy, at: formatDate(f.resolvedAt, language) })}
            </Typography.Text>
          )}
          {f.resolutionNote && <Typography.Text type="secondary">{f.resolutionNote}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('col.actions'),
      fixed: 'right',
      render: (_, f) => (
        <Allowed permission="findings.resolve">
          <FindingActions finding={f} />
        </Allowed>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label={t('filter.rule')}
          style={{ minWidth: 180 }}
          value={rule ?? ''}
          onChange={(value) => set({ rule: value || undefined })}
          options={[
            { value: '', label: t('filter.allRules') },
            ...rules.map((r) => ({ value: r.id, label: nameOf(r.id) })),
          ]}
        />
        <Select
          aria-label={t('filter.unit')}
          style={{ minWidth: 160 }}
          value={unit}
          onChange={(value) => set({ unit: value })}
          options={[
            { value: orgCode, label: org?.name ?? orgCode },
            ...(children.data ?? []).map((c) => ({ value: c.code, label: c.name })),
          ]}
        />
        <Select
          aria-label={t('filter.status')}
          style={{ minWidth: 140 }}
          value={status}
          onChange={(value) => set({ status: value })}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Typography.Text type="secondary">{t('masked')}</Typography.Text>
      </Space>
      {findings.error ? (
        <Alert type="error" showIcon message={errorText(findings.error, language)} />
      ) : (
        <Table<Finding>
          size="small"
          data-table="findings"
          rowKey="id"
          loading={findings.isPending}
          columns={columns}
          dataSource={findings.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          onRow={(f) => ({ 'data-finding': f.id }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: findings.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t('total', { n }),
            onChange: (next) => set({ page: String(next) }),
          }}
        />
      )}
    </Space>
  );
}
