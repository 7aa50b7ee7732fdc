import { CloseOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../../api/client';
import { useScope } from '../../scope/scope';
import { Allowed } from '../../session/session';
import { ArchiveTable } from './ArchiveTable';
import { BulletinPreview } from './BulletinPreview';
import { errorText, useLanguage } from './bulletin-data';
import { GenerateForm } from './GenerateForm';
import { SchedulesTable } from './SchedulesTable';

/**
 * 通报: the parameters form and the generated bulletin (bulletins.write), the HTML preview,
 * the indicator table as Excel, the archive and the schedules. Bulletins hold aggregates
 * only, so every role that reads aggregates sees the archive.
 */
export default function BulletinsPage(): ReactNode {
  const { t } = useTranslation('bulletins');
  const language = useLanguage();
  const { orgCode, org, period } = useScope();
  const { message } = App.useApp();
  const [previewId, setPreviewId] = useState<number | null>(null);

  const indicatorTable = (): void => {
    const query = new URLSearchParams({ org: orgCode, period }).toString();
    download(`/api/bulletins/indicator-table.xlsx?${query}`, `indicators-${orgCode}-${period}.xlsx`).catch(
      (error: unknown) => void message.error(errorText(error, language)),
    );
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {org?.name ?? orgCode} · {t('title')}
        </Typography.Title>
        <Button icon={<FileExcelOutlined />} onClick={indicatorTable} data-action="indicator-xlsx">
          {t('xlsx.button')}
        </Button>
      </Space>
      <Allowed permission="bulletins.write">
        <GenerateForm onPreview={setPreviewId} />
      </Allowed>
      {previewId !== null && (
        <Card
          size="small"
          title={`${t('preview.title')} #${previewId}`}
          extra={
            <Button size="small" icon={<CloseOutlined />} onClick={() => setPreviewId(null)}>
              {t('preview.close')}
            </Button>
          }
        >
          <BulletinPreview id={previewId} />
        </Card>
      )}
      <ArchiveTable onPreview={setPreviewId} />
      <SchedulesTable />
    </Space>
  );
}
