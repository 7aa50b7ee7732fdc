/**
 * 上报指标: the reports of the chosen org and the units below it for the chosen period
 * (GET /api/reported-values), and for a role with targets.write a form to enter or change one
 * (POST /api/reported-values), a delete per row (DELETE /api/reported-values, kept in the
 * history) and a file import (POST /api/reported-values/import, all rows or none, every
 * problem named by row and column). Rules: docs/reported-indicators.md.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api, ApiError } from '../../api/client';
import { formatDate } from '../../format/figures';
import { periodLabel } from '../../scope/period-choice';
import { useScope } from '../../scope/scope';
import { Allowed, useSignedIn } from '../../session/session';
import { errorText, useLanguage } from '../bulletins/bulletin-data';
import { useCatalogue } from '../indicators/catalogue-data';
import {
  entryItem,
  entryValuesOf,
  reportValueText,
  type EntryValues,
  type StoredReport,
} from './reported-data';
import { FileImportButton } from '../import/FileImportButton';

const REPORTED_KEY = 'reported-values';

/** The reported indicators page. */
export default function ReportedPage(): ReactNode {
  const { t } = useTranslation('reported');
  const language = useLanguage();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const session = useSignedIn();
  const { orgCode, org, period, periodChoice } = useScope();
  const [form] = Form.useForm<EntryValues>();
  const [refused, setRefused] = useState<ApiError | null>(null);
  // The chosen period's reports, or every period of its year (the quarters a year sums).
  const [wholeYear, setWholeYear] = useState(false);
  const year = periodChoice.year;
  const catalogue = useCatalogue();
  const reportedEntries = (catalogue.data ?? []).filter((e) => e.period === 'reported');
  const nameOf = (id: string): string => {
    const e = reportedEntries.find((x) => x.id === id);
    return e ? (language === 'en' ? e.name.en : e.name.zh) : id;
  };

  const list = useQuery({
    queryKey: [REPORTED_KEY, orgCode, wholeYear ? year : period],
    queryFn: () =>
      answer(
        api.GET('/api/reported-values', {
          params: { query: wholeYear ? { org: orgCode, year } : { org: orgCode, period } },
        }),
      ),
  });
  const children = useQuery({
    queryKey: ['org-children', orgCode],
    queryFn: () => answer(api.GET('/api/orgs/{code}/children', { params: { path: { code: orgCode } } })),
  });
  const orgOptions = [
    ...(org ? [{ value: org.code, label: org.name }] : []),
    ...(children.data ?? []).map((c) => ({ value: c.code, label: c.name })),
  ];

  const refresh = async (): Promise<void> => {
    // The indicator table and dashboard show the reports too.
    await queries.invalidateQueries({ queryKey: [REPORTED_KEY] });
    await queries.invalidateQueries({ queryKey: ['indicators'] });
  };
  const save = useMutation({
    mutationFn: (v: EntryValues) =>
      answer(api.POST('/api/reported-values', { body: { items: [entryItem(v)] } })),
    onSuccess: async (r) => {
      void message.success(t('entry.saved', r));
      form.resetFields(['numerator', 'denominator', 'percent']);
      await refresh();
    },
    onError: (error) => void message.error(errorText(error, language)),
  });
  const remove = useMutation({
    mutationFn: (r: StoredReport) =>
      answer(
        api.DELETE('/api/reported-values', {
          params: { query: { org: r.orgCode, period: r.period, indicator: r.indicator } },
        }),
      ),
    onSuccess: async () => {
      void message.success(t('delete.done'));
      await refresh();
    },
    onError: (error) => void message.error(errorText(error, language)),
  });
  const upload = useMutation({
    mutationFn: (file: File) =>
      answer(
        api.POST('/api/reported-values/import', {
          params: { query: { file: file.name } },
          body: file as unknown as Record<string, never>,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { 'Content-Type': 'application/octet-stream' },
        }),
      ),
    onMutate: () => setRefused(null),
    onSuccess: async (r) => {
      void message.success(t('import.done', r));
      await refresh();
    },
    onError: (error) =>
      error instanceof ApiError && error.issues.length > 0
        ? setRefused(error)
        : void message.error(errorText(error, language)),
  });

  const mayWrite = session.can('targets.write');
  const chosenIndicator = Form.useWatch('indicator', form);
  const kind = reportedEntries.find((e) => e.id === chosenIndicator)?.reported?.kind;
  const columns: ColumnsType<StoredReport> = [
    {
      key: 'org',
      title: t('col.org'),
      render: (_, r) => <span data-org={r.orgCode}>{r.orgName ?? r.orgCode}</span>,
    },
    { key: 'period', title: t('col.period'), dataIndex: 'period' },
    { key: 'indicator', title: t('col.indicator'), render: (_, r) => nameOf(r.indicator) },
    {
      key: 'numerator',
      title: t('col.numerator'),
      align: 'right',
      render: (_, r) => <span data-cell="numerator">{r.numerator ?? '—'}</span>,
    },
    {
      key: 'denominator',
      title: t('col.denominator'),
      align: 'right',
      render: (_, r) => r.denominator ?? '—',
    },
    {
      key: 'value',
      title: t('col.value'),
      align: 'right',
      render: (_, r) => <span className="gw-figure">{reportValueText(r, language)}</span>,
    },
    { key: 'source', title: t('col.source'), dataIndex: 'source' },
    { key: 'enteredBy', title: t('col.enteredBy'), dataIndex: 'enteredBy' },
    { key: 'enteredAt', title: t('col.enteredAt'), render: (_, r) => formatDate(r.enteredAt, language) },
    ...(mayWrite
      ? [
          {
            key: 'actions',
            title: t('col.actions'),
            render: (_: unknown, r: StoredReport) => (
              <Space size={4}>
                <Button
                  size="small"
                  type="link"
                  data-action="edit"
                  onClick={() => {
                    form.setFieldsValue(entryValuesOf(r));
                    setRefused(null);
                  }}
                >
                  {t('edit')}
                </Button>
                <Popconfirm
                  title={t('delete.confirm', {
                    org: r.orgName ?? r.orgCode,
                    period: r.period,
                    indicator: nameOf(r.indicator),
                  })}
                  okText={t('delete.ok')}
                  cancelText={t('delete.cancel')}
                  onConfirm={() => remove.mutate(r)}
                >
                  <Button size="small" type="link" danger data-action="delete">
                    {t('delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
  const required = [{ required: true, message: t('entry.required') }];
  // A select's rule checks without `required`: antd would put aria-required on the select's
  // outer element, which may not carry it (axe: aria-allowed-attr).
  const chosen = [
    {
      validator: (_: unknown, value: unknown) =>
        value ? Promise.resolve() : Promise.reject(new Error(t('entry.required'))),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('intro', {
          org: org?.name ?? orgCode,
          period: wholeYear ? t('show.year', { year }) : periodLabel(periodChoice, language),
        })}
      </Typography.Paragraph>
      <Segmented
        aria-label={t('show.label')}
        data-control="show"
        value={wholeYear ? 'year' : 'period'}
        onChange={(v) => setWholeYear(v === 'year')}
        options={[
          { value: 'period', label: t('show.period', { period: periodLabel(periodChoice, language) }) },
          { value: 'year', label: t('show.year', { year }) },
        ]}
      />
      <Allowed permission="targets.write">
        <Card size="small" title={t('entry.title')}>
          <Form<EntryValues>
            form={form}
            layout="inline"
            data-form="reported"
            initialValues={{ orgCode, period }}
            onFinish={(v) => save.mutate(v)}
            style={{ rowGap: 8 }}
          >
            <Form.Item name="orgCode" label={t('entry.org')} rules={chosen}>
              <Select showSearch optionFilterProp="label" style={{ width: 200 }} options={orgOptions} />
            </Form.Item>
            <Form.Item
              name="period"
              label={t('entry.period')}
              rules={required}
              tooltip={t('entry.periodHint')}
            >
              <Input maxLength={12} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item name="indicator" label={t('entry.indicator')} rules={chosen}>
              <Select
                showSearch
                optionFilterProp="label"
                style={{ width: 260 }}
                options={reportedEntries.map((e) => ({
                  value: e.id,
                  label: language === 'en' ? e.name.en : e.name.zh,
                }))}
              />
            </Form.Item>
            <Form.Item name="numerator" label={t('entry.numerator')}>
              <InputNumber min={0} precision={0} style={{ width: 110 }} disabled={kind === undefined} />
            </Form.Item>
            <Form.Item name="denominator" label={t('entry.denominator')}>
              <InputNumber min={0} precision={0} style={{ width: 110 }} disabled={kind === 'count'} />
            </Form.Item>
            <Form.Item name="percent" label={t('entry.percent')}>
              <InputNumber min={0} max={100} style={{ width: 100 }} disabled={kind !== 'survey'} />
            </Form.Item>
            <Form.Item name="source" label={t('entry.source')} rules={required}>
              <Input maxLength={200} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" loading={save.isPending} data-action="save-report">
                  {t('entry.save')}
                </Button>
                <Button onClick={() => form.resetFields()}>{t('entry.clear')}</Button>
              </Space>
            </Form.Item>
          </Form>
          {kind && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
              {t(`entry.kind.${kind}`)}
            </Typography.Text>
          )}
          <FileImportButton
            onFile={(file) => upload.mutate(file)}
            pending={upload.isPending}
            buttonText={t('import.button')}
            hint={t('import.hint')}
            refused={refused}
            refusedText={t('import.refused')}
            name="reported"
          />
        </Card>
      </Allowed>
      {list.error ? (
        <Alert type="error" showIcon message={errorText(list.error, language)} />
      ) : (
        <Table<StoredReport>
          size="small"
          data-table="reported"
          rowKey={(r) => `${r.orgCode}|${r.period}|${r.indicator}`}
          loading={list.isPending}
          columns={columns}
          dataSource={list.data ?? []}
          locale={{ emptyText: t('empty') }}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        />
      )}
    </Space>
  );
}
