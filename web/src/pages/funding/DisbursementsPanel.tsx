import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api, ApiError } from '../../api/client';
import { formatDate } from '../../format/figures';
import { Allowed } from '../../session/session';
import { errorText, useLanguage } from '../bulletins/bulletin-data';
import { FUNDING_KEY, yuan, type DisbursementRecord, type UnitStatus } from './funding-data';
import { FileImportButton } from '../import/FileImportButton';

interface EntryValues {
  paidOn: Dayjs;
  payer: string;
  payeeCode: string;
  amount: string;
  purpose?: string;
}

/**
 * The payments recorded against the allocation (GET /api/funds/disbursements), newest first, and for a role
 * with funds.write a form to record one. The amount is typed in yuan with two decimals and sent
 * as text, so the server parses it to fen exactly (no float on the way).
 */
export function DisbursementsPanel({
  orgCode,
  year,
  units,
}: {
  orgCode: string;
  year: number;
  units: readonly UnitStatus[];
}): ReactNode {
  const { t } = useTranslation('funding');
  const language = useLanguage();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<EntryValues>();
  const names = new Map(units.map((u) => [u.unitCode, u.unitName]));
  const list = useQuery({
    queryKey: [FUNDING_KEY, 'disbursements', orgCode, year],
    queryFn: () => answer(api.GET('/api/funds/disbursements', { params: { query: { org: orgCode, year } } })),
  });
  const save = useMutation({
    mutationFn: (v: EntryValues) =>
      answer(
        api.POST('/api/funds/disbursements', {
          body: {
            orgCode,
            year,
            rows: [
              {
                paidOn: v.paidOn.format('YYYY-MM-DD'),
                payer: v.payer,
                payeeCode: v.payeeCode,
                amount: v.amount,
                ...(v.purpose ? { purpose: v.purpose } : {}),
              },
            ],
          },
        }),
      ),
    onSuccess: async () => {
      void message.success(t('entry.saved'));
      form.resetFields(['amount', 'purpose']);
      await queries.invalidateQueries({ queryKey: [FUNDING_KEY] });
    },
    onError: (error) => void message.error(errorText(error, language)),
  });
  // Newest first: the payment just recorded is on the first page.
  const [refused, setRefused] = useState<ApiError | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) =>
      answer(
        api.POST('/api/funds/disbursements/file', {
          params: { query: { org: orgCode, year, file: file.name } },
          body: file as unknown as Record<string, never>,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { 'Content-Type': 'application/octet-stream' },
        }),
      ),
    onMutate: () => setRefused(null),
    onSuccess: async (r) => {
      void message.success(t('import.done', { count: r.recorded }));
      await queries.invalidateQueries({ queryKey: [FUNDING_KEY] });
    },
    onError: (error) =>
      error instanceof ApiError && error.issues.length > 0
        ? setRefused(error)
        : void message.error(errorText(error, language)),
  });
  const shown = (list.data ?? [])
    .filter((d) => names.has(d.unitCode))
    .sort((a, b) => b.paidOn.localeCompare(a.paidOn) || b.id - a.id);
  const columns: ColumnsType<DisbursementRecord> = [
    { key: 'paidOn', title: t('col.paidOn'), render: (_, d) => formatDate(d.paidOn, language) },
    { key: 'payer', title: t('col.payer'), dataIndex: 'payer' },
    { key: 'payee', title: t('col.payee'), render: (_, d) => names.get(d.unitCode) ?? d.unitCode },
    {
      key: 'amount',
      title: t('col.amountYuan'),
      align: 'right',
      render: (_, d) => yuan(d.amountFen),
    },
    { key: 'purpose', title: t('col.purpose'), dataIndex: 'purpose' },
    { key: 'createdBy', title: t('col.createdBy'), dataIndex: 'createdBy' },
  ];
  const required = [{ required: true, message: t('entry.required') }];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Allowed permission="funds.write">
        <Card size="small" title={t('entry.title')}>
          <Form<EntryValues>
            form={form}
            layout="inline"
            data-form="disbursement"
            onFinish={(v) => save.mutate(v)}
            style={{ rowGap: 8 }}
          >
            <Form.Item name="paidOn" label={t('entry.paidOn')} rules={required}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="payer" label={t('entry.payer')} rules={required}>
              <Input maxLength={100} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="payeeCode" label={t('entry.payee')} rules={required}>
              <Select
                showSearch
                optionFilterProp="label"
                style={{ width: 200 }}
                options={units.map((u) => ({ value: u.unitCode, label: u.unitName }))}
              />
            </Form.Item>
            <Form.Item name="amount" label={t('entry.amount')} rules={required}>
              <InputNumber<string> stringMode min="0.01" precision={2} step="0.01" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="purpose" label={t('entry.purpose')}>
              <Input maxLength={200} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('entry.save')}
              </Button>
            </Form.Item>
          </Form>
          <FileImportButton
            onFile={(file) => upload.mutate(file)}
            pending={upload.isPending}
            buttonText={t('import.button')}
            hint={t('import.hint')}
            refused={refused}
            refusedText={t('import.refused')}
            name="disbursements"
          />
        </Card>
      </Allowed>
      {list.error ? (
        <Alert type="error" showIcon message={errorText(list.error, language)} />
      ) : (
        <Table<DisbursementRecord>
          size="small"
          data-table="disbursements"
          rowKey="id"
          loading={list.isPending}
          columns={columns}
          dataSource={shown}
          locale={{ emptyText: t('disbursements.empty') }}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        />
      )}
    </Space>
  );
}
