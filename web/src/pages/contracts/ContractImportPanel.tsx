/**
 * The import of family-doctor teams or contracts (POST /api/contracts/import), for a role
 * with contracts.write: the file is sent as soon as it is chosen; the import is all or
 * nothing, so the answer either says what was stored or lists every refused row with its
 * column, value and reason, and nothing was stored.
 */
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Select, Space, Table, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api, ApiError } from '../../api/client';
import type { paths } from '../../api/schema';
import type { Language } from '../../i18n/i18n';

/** What the server answers for an import. */
export type ContractImportReport =
  paths['/api/contracts/import']['post']['responses'][200]['content']['application/json'];
type Kind = ContractImportReport['kind'];

/** The outcome of one import: the counts, or the refused rows. */
export function ContractImportResult({ report }: { readonly report: ContractImportReport }): ReactNode {
  const { t, i18n } = useTranslation('contracts');
  const language = i18n.language as Language;
  if (report.landed)
    return (
      <Alert
        type="success"
        showIcon
        message={t('import.landed', {
          rows: report.rowsRead,
          inserted: report.inserted,
          updated: report.updated,
          renewals: report.renewals,
        })}
      />
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="error" showIcon message={t('import.refused', { rejected: report.rejected })} />
      <Table
        size="small"
        rowKey={(r) => `${r.row}:${r.field}`}
        dataSource={report.rejections}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('import.row'), dataIndex: 'row', key: 'row', width: 80 },
          { title: t('import.column'), dataIndex: 'column', key: 'column' },
          { title: t('import.value'), dataIndex: 'value', key: 'value' },
          {
            title: t('import.reason'),
            key: 'reason',
            render: (_, r) => (language === 'en' ? r.reason.en : r.reason.zh),
          },
        ]}
      />
    </Space>
  );
}

/** The kind chooser, the file button and the outcome. */
export function ContractImportPanel(): ReactNode {
  const { t, i18n } = useTranslation('contracts');
  const language = i18n.language as Language;
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [kind, setKind] = useState<Kind>('teams');
  const send = useMutation({
    mutationFn: (file: File) =>
      answer(
        api.POST('/api/contracts/import', {
          params: { query: { kind, file: file.name } },
          body: file as unknown as Record<string, never>,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { 'Content-Type': 'application/octet-stream' },
        }),
      ),
    onSuccess: async (report) => {
      if (!report.landed) return;
      for (const key of ['contract-teams', 'contracts', 'contract-indicators'])
        await queries.invalidateQueries({ queryKey: [key] });
    },
    onError: (error: unknown) =>
      message.error(error instanceof ApiError ? error.messageIn(language) : String(error)),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
      <Space wrap>
        <Select
          aria-label={t('import.kind')}
          className="gw-contract-import-kind"
          style={{ width: 160 }}
          value={kind}
          onChange={(next: Kind) => {
            setKind(next);
            send.reset();
          }}
          options={(['teams', 'contracts'] as const).map((k) => ({ value: k, label: t(`import.kind.${k}`) }))}
        />
        <Upload
          accept=".csv,.xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            send.mutate(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={send.isPending}>
            {t('import.choose')}
          </Button>
        </Upload>
      </Space>
      {send.data && <ContractImportResult report={send.data} />}
    </Space>
  );
}
