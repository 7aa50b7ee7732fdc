import { MergeCellsOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Pagination, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import type { paths } from '../../api/schema';
import { formatDate } from '../../format/figures';
import { useScope } from '../../scope/scope';
import { Allowed } from '../../session/session';
import { AUDITS_KEY, errorText, useLanguage } from './audit-data';
import type { Finding } from './audit-data';

/** What a merge would do, as GET /api/audits/duplicate-sets/{id}/preview answers. */
export type MergePreview =
  paths['/api/audits/duplicate-sets/{id}/preview']['get']['responses'][200]['content']['application/json'];

const PAGE_SIZE = 5;

/** The words of a duplicate key (id_number, county_code+name+birth_date+sex). */
function keyText(key: string, t: (k: 'dup.keyIdNumber' | 'dup.keyNameBirthSex') => string): string {
  if (key === 'id_number') return t('dup.keyIdNumber');
  if (key === 'county_code+name+birth_date+sex') return t('dup.keyNameBirthSex');
  return key;
}

interface FieldRow {
  readonly key: string;
  readonly label: string;
  readonly agree: boolean | null;
  readonly values: Readonly<Record<string, ReactNode>>;
  readonly merged: ReactNode;
  readonly source: string | null;
}

/**
 * The records of a set side by side, one column each (the survivor marked), and the merged
 * record: each field's value and the record it comes from. Fields the records disagree on
 * are marked. Values arrive masked; birth date and sex are withheld by the server and only
 * their agreement is shown.
 */
export function MergePreviewTable({ preview }: { preview: MergePreview }): ReactNode {
  const { t } = useTranslation('audits');
  const language = useLanguage();
  const withheld = (agree: boolean): ReactNode => (
    <Typography.Text type="secondary">{agree ? '＝' : '≠'}</Typography.Text>
  );
  const rows: FieldRow[] = [
    ...preview.fields.map((f) => {
      const values: Record<string, ReactNode> = {};
      for (const r of preview.records) {
        const value = r.values[f.field] ?? null;
        values[r.recordNo] =
          f.field === 'birth_date' || f.field === 'sex' ? withheld(f.agree) : (value ?? '—');
      }
      return {
        key: f.field,
        label: t(`field.${f.field}` as 'field.name'),
        agree: f.agree,
        values,
        merged: f.field === 'birth_date' || f.field === 'sex' ? withheld(f.agree) : (f.merged ?? '—'),
        source: f.source,
      };
    }),
    {
      key: 'services',
      label: t('dup.services'),
      agree: null,
      values: Object.fromEntries(preview.records.map((r) => [r.recordNo, r.services])),
      merged: preview.records.reduce((s, r) => s + r.services, 0),
      source: null,
    },
    {
      key: 'enrollments',
      label: t('dup.enrollments'),
      agree: null,
      values: Object.fromEntries(preview.records.map((r) => [r.recordNo, r.enrollments])),
      merged: preview.records.reduce((s, r) => s + r.enrollments, 0),
      source: null,
    },
    {
      key: 'created',
      label: t('field.record_created'),
      agree: null,
      values: Object.fromEntries(
        preview.records.map((r) => [r.recordNo, formatDate(r.recordCreated, language)]),
      ),
      merged: null,
      source: null,
    },
  ];
  const columns: ColumnsType<FieldRow> = [
    {
      key: 'field',
      title: t('dup.field'),
      fixed: 'left',
      render: (_, row) =>
        row.agree === false ? <Typography.Text type="danger">{row.label}</Typography.Text> : row.label,
    },
    ...preview.records.map((r) => ({
      key: r.recordNo,
      title: (
        <Space direction="vertical" size={0}>
          <span className="gw-figure">{r.recordNo}</span>
          {r.survivor ? <Tag color="green">{t('dup.survivor')}</Tag> : <Tag>{t('dup.absorbed')}</Tag>}
        </Space>
      ),
      render: (_: unknown, row: FieldRow) => row.values[r.recordNo],
    })),
    {
      key: 'merged',
      title: t('dup.merged'),
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <strong>{row.merged}</strong>
          {row.source && (
            <Typography.Text type="secondary" className="gw-figure">
              {t('dup.source')} {row.source}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table<FieldRow>
      size="small"
      data-table="merge-preview"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}

/** One duplicate set: its records side by side with the merge preview, and the merge. */
function DuplicateSet({ set }: { set: Finding }): ReactNode {
  const { t } = useTranslation('audits');
  const language = useLanguage();
  const { message, modal } = App.useApp();
  const queries = useQueryClient();
  const [into, setInto] = useState<string | null>(null);
  const preview = useQuery({
    queryKey: [AUDITS_KEY, 'merge-preview', set.id, into],
    queryFn: () =>
      answer(
        api.GET('/api/audits/duplicate-sets/{id}/preview', {
          params: { path: { id: set.id }, query: into ? { into } : {} },
        }),
      ),
  });
  const merge = useMutation({
    mutationFn: (survivor: string) =>
      answer(
        api.POST('/api/audits/duplicate-sets/{id}/merge', {
          params: { path: { id: set.id } },
          body: { into: survivor },
        }),
      ),
    onSuccess: async (result) => {
      void message.success(
        t('dup.done', { survivor: result.survivorRecordNo, services: result.movedServices }),
      );
      await queries.invalidateQueries({ queryKey: [AUDITS_KEY] });
    },
    onError: (error) => void message.error(errorText(error, language)),
  });

  const confirm = (p: MergePreview): void => {
    const absorbed = p.records.filter((r) => !r.survivor).map((r) => r.recordNo);
    modal.confirm({
      title: t('dup.confirmTitle', { id: set.id }),
      width: 720,
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>
            {t('dup.confirmBody', { survivor: p.survivorRecordNo, absorbed: absorbed.join('、') })}
          </Typography.Paragraph>
          <MergePreviewTable preview={p} />
        </Space>
      ),
      okText: t('dup.confirmOk'),
      okButtonProps: { danger: true },
      cancelText: t('cancel'),
      onOk: () => merge.mutateAsync(p.survivorRecordNo),
    });
  };

  return (
    <Card
      size="small"
      data-set={set.id}
      title={
        <Space wrap>
          <span>{t('dup.title', { id: set.id })}</span>
          <Typography.Text type="secondary">{set.orgName ?? set.org}</Typography.Text>
        </Space>
      }
      extra={
        preview.data && (
          <Allowed permission="merges.write">
            <Button
              danger
              icon={<MergeCellsOutlined />}
              loading={merge.isPending}
              disabled={preview.data.status !== 'open'}
              onClick={() => confirm(preview.data)}
              data-action="merge"
            >
              {t('dup.merge')}
            </Button>
          </Allowed>
        )
      }
    >
      {preview.error ? (
        <Alert type="warning" showIcon message={errorText(preview.error, language)} />
      ) : preview.data ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text>{t('dup.keys')}:</Typography.Text>
            {preview.data.keys.map((key) => (
              <Tag key={key}>{keyText(key, t)}</Tag>
            ))}
            <Allowed permission="merges.write">
              <Typography.Text>{t('dup.survivor')}:</Typography.Text>
              {preview.data.records.map((r) => (
                <Tag.CheckableTag key={r.recordNo} checked={r.survivor} onChange={() => setInto(r.recordNo)}>
                  {r.recordNo}
                </Tag.CheckableTag>
              ))}
            </Allowed>
          </Space>
          <MergePreviewTable preview={preview.data} />
        </Space>
      ) : (
        <Typography.Text type="secondary">…</Typography.Text>
      )}
    </Card>
  );
}

/** The open duplicate sets of the chosen org, a few per page, each with its merge preview. */
export function DuplicateSets(): ReactNode {
  const { t } = useTranslation('audits');
  const language = useLanguage();
  const { orgCode } = useScope();
  const [page, setPage] = useState(1);
  const sets = useQuery({
    queryKey: [AUDITS_KEY, 'duplicate-sets', orgCode, page],
    queryFn: () =>
      answer(
        api.GET('/api/audits/duplicate-sets', {
          params: { query: { org: orgCode, status: 'open', page, pageSize: PAGE_SIZE } },
        }),
      ),
  });
  if (sets.error) return <Alert type="error" showIcon message={errorText(sets.error, language)} />;
  if (sets.data && sets.data.items.length === 0) return <Empty description={t('dup.none')} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('masked')}</Typography.Text>
      {(sets.data?.items ?? []).map((set) => (
        <DuplicateSet key={set.id} set={set} />
      ))}
      {sets.data && (
        <Pagination
          current={page}
          pageSize={PAGE_SIZE}
          total={sets.data.total}
          showSizeChanger={false}
          showTotal={(n) => t('total', { n })}
          onChange={setPage}
        />
      )}
    </Space>
  );
}
