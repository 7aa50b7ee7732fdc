/**
 * What an `unused_records` finding of the work list stands for, and the list of its records
 * read on demand (GET /api/audits/findings/:id/records), a page at a time.
 */
import { DownloadOutlined, FileSearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api, download } from '../../api/client';
import type { paths } from '../../api/schema';
import { formatCount, formatDate } from '../../format/figures';
import { AUDITS_KEY, errorText, PAGE_SIZE, useLanguage, type Finding } from './audit-data';
import { unusedRecordsEvidence, type UnusedRecordsEvidence } from './evidence-text';

/** One record of an `unused_records` finding, personal data masked by the server. */
type UnusedRecord =
  paths['/api/audits/findings/{id}/records']['get']['responses'][200]['content']['application/json']['items'][number];

/**
 * The evidence of a finding that stands for the unused records of its org, or null: only
 * those findings have a list of records to open.
 */
export function unusedOf(finding: Finding): UnusedRecordsEvidence | null {
  return finding.rule === 'unused_records' ? unusedRecordsEvidence(finding.evidence) : null;
}

/**
 * What an `unused_records` finding stands for (its org's records neither updated nor served
 * in the period) and a button opening those records, paged by the server: an org may have
 * thousands, so they are read only when asked for, a page at a time.
 */
export function UnusedRecords({
  finding,
  evidence,
}: {
  finding: Finding;
  evidence: UnusedRecordsEvidence;
}): ReactNode {
  const { t } = useTranslation('audits');
  const language = useLanguage();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState(1);
  const records = useQuery({
    queryKey: [AUDITS_KEY, 'unused-records', finding.id, page],
    queryFn: () =>
      answer(
        api.GET('/api/audits/findings/{id}/records', {
          params: { path: { id: finding.id }, query: { page, pageSize: PAGE_SIZE } },
        }),
      ),
    enabled: open,
    placeholderData: keepPreviousData,
    // A refusal (another rule, outside the scope, no such finding) is not cured by asking again.
    retry: false,
  });
  // The whole list as the server writes it (Excel names its file after the org and period).
  const exported = useMutation({
    mutationFn: () => download(`/api/audits/findings/${finding.id}/records.xlsx`, 'unused-records.xlsx'),
    onError: (error) => void message.error(errorText(error, language)),
  });
  // The server's answer names the period it listed; until it comes, the finding's own.
  const period = records.data ?? evidence;
  const date = (value: string | null): string => (value ? formatDate(value, language) : '—');
  const columns: ColumnsType<UnusedRecord> = [
    {
      key: 'recordNo',
      title: t('unused.recordNo'),
      className: 'gw-figure',
      render: (_, r) => r.recordNo ?? '—',
    },
    { key: 'name', title: t('unused.name'), render: (_, r) => r.name ?? '—' },
    {
      key: 'idNumber',
      title: t('unused.idNumber'),
      className: 'gw-figure',
      render: (_, r) => r.idNumber ?? '—',
    },
    { key: 'recordUpdated', title: t('unused.recordUpdated'), render: (_, r) => date(r.recordUpdated) },
    { key: 'lastService', title: t('unused.lastService'), render: (_, r) => date(r.lastService) },
  ];

  return (
    <Space direction="vertical" size={4} align="start">
      <span>
        {t('unused.summary', { n: formatCount(finding.weight, language), months: evidence.months })}
      </span>
      <Button
        size="small"
        icon={<FileSearchOutlined />}
        onClick={() => {
          setPage(1);
          setOpen(true);
        }}
        data-action="unused-records"
      >
        {t('unused.view')}
      </Button>
      <Modal
        open={open}
        width={860}
        title={t('unused.title', {
          org: records.data?.orgName ?? finding.orgName ?? finding.org,
          from: formatDate(period.noServiceSince, language),
          to: formatDate(period.asOf, language),
        })}
        onCancel={() => setOpen(false)}
        footer={
          <Space>
            <Button
              icon={<DownloadOutlined />}
              loading={exported.isPending}
              onClick={() => exported.mutate()}
              data-action="export-unused-records"
            >
              {t('unused.export')}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('close')}</Button>
          </Space>
        }
        destroyOnHidden
      >
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('unused.note')}</Typography.Text>
          {records.error ? (
            <Alert type="error" showIcon message={errorText(records.error, language)} />
          ) : (
            <Table<UnusedRecord>
              size="small"
              data-table="unused-records"
              rowKey="residentId"
              loading={records.isFetching}
              columns={columns}
              dataSource={records.data?.items ?? []}
              scroll={{ x: 'max-content' }}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: records.data?.total ?? 0,
                showSizeChanger: false,
                showTotal: (n) => t('unused.total', { n: formatCount(n, language) }),
                onChange: setPage,
              }}
            />
          )}
        </Space>
      </Modal>
    </Space>
  );
}
