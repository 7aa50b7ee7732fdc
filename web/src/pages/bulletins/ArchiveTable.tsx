import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api, download } from '../../api/client';
import { formatDate } from '../../format/figures';
import { useScope } from '../../scope/scope';
import {
  BULLETINS_KEY,
  bulletinFile,
  errorText,
  fileSize,
  useLanguage,
  type ArchivedBulletin,
} from './bulletin-data';

/** The archive of the chosen org's subtree, newest first: download any, preview HTML ones. */
export function ArchiveTable({ onPreview }: { onPreview(id: number): void }): ReactNode {
  const { t } = useTranslation('bulletins');
  const language = useLanguage();
  const { orgCode } = useScope();
  const { message } = App.useApp();
  const archive = useQuery({
    queryKey: [BULLETINS_KEY, 'archive', orgCode],
    queryFn: () => answer(api.GET('/api/bulletins', { params: { query: { org: orgCode, limit: 100 } } })),
  });
  const columns: ColumnsType<ArchivedBulletin> = [
    { key: 'id', title: t('col.id'), dataIndex: 'id', width: 64 },
    {
      key: 'title',
      title: t('col.title'),
      render: (_, b) => (
        <Space size={4} wrap>
          <span>{b.title}</span>
          {b.scheduleId !== null && <Tag>{t('scheduled')}</Tag>}
        </Space>
      ),
    },
    { key: 'format', title: t('col.format'), render: (_, b) => b.format },
    {
      key: 'generatedAt',
      title: t('col.generatedAt'),
      render: (_, b) => `${formatDate(b.generatedAt, language)} ${b.generatedAt.slice(11, 16)}`,
    },
    { key: 'generatedBy', title: t('col.generatedBy'), render: (_, b) => b.generatedBy ?? '—' },
    { key: 'size', title: t('col.size'), align: 'right', render: (_, b) => fileSize(b.size) },
    {
      key: 'actions',
      title: t('col.actions'),
      render: (_, b) => (
        <Space size={4}>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            data-action="download"
            onClick={() => {
              const file = bulletinFile(b);
              download(file.path, file.name).catch(
                (error: unknown) => void message.error(errorText(error, language)),
              );
            }}
          >
            {t('download')}
          </Button>
          {b.format === 'html' && (
            <Button size="small" icon={<EyeOutlined />} onClick={() => onPreview(b.id)} data-action="preview">
              {t('preview')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Card size="small" title={t('archive.title')}>
      {archive.error ? (
        <Alert type="error" showIcon message={errorText(archive.error, language)} />
      ) : (
        <Table<ArchivedBulletin>
          size="small"
          data-table="archive"
          rowKey="id"
          loading={archive.isPending}
          columns={columns}
          dataSource={archive.data ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: t('empty') }}
        />
      )}
    </Card>
  );
}
