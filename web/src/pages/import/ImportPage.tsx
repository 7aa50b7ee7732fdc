import { CheckOutlined, CloudUploadOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api, ApiError } from '../../api/client';
import type { paths } from '../../api/schema';
import { formatCount } from '../../format/figures';
import type { Language } from '../../i18n/i18n';
import { saveFile } from './save-file';

/** What the server answers for a check or a landing (POST /api/import/check). */
export type ImportReport =
  paths['/api/import/check']['post']['responses'][200]['content']['application/json'];
type Kind = ImportReport['kind'];
type Rejection = ImportReport['rejections'][number];

const KINDS: readonly Kind[] = ['residents', 'enrollments', 'services', 'population'];

/** The request of every import route: the file's bytes as the body, its name and kind in the query. */
function fileRequest(kind: Kind, file: File) {
  return {
    params: { query: { kind, file: file.name } },
    body: file as unknown as Record<string, never>,
    bodySerializer: (body: unknown) => body as BodyInit,
    headers: { 'Content-Type': 'application/octet-stream' },
  };
}

/** The counts and the table of refused rows of a report. */
export function ImportReportView({ report }: { report: ImportReport }): ReactNode {
  const { t, i18n } = useTranslation('import');
  const language = i18n.language as Language;
  const count = (n: number): string => formatCount(n, language);
  const figures: [string, number][] = [
    [t('rowsRead'), report.rowsRead],
    [t('valid'), report.valid],
    [report.landed ? t('inserted') : t('wouldInsert'), report.inserted],
    [report.landed ? t('updated') : t('wouldUpdate'), report.updated],
    [t('rejected'), report.rejected],
  ];
  return (
    <Card
      title={`${report.landed ? t('landedReport') : t('report')} · ${report.file}`}
      extra={<Typography.Text type="secondary">{`${t('encoding')}: ${report.encoding}`}</Typography.Text>}
      data-testid="import-report"
    >
      <Row gutter={[16, 16]}>
        {figures.map(([title, value]) => (
          <Col key={title} xs={12} sm={8} md={4}>
            <Statistic title={title} value={count(value)} className="gw-figure" />
          </Col>
        ))}
      </Row>
      <Alert
        style={{ margin: '16px 0' }}
        showIcon
        type={report.rejected === 0 ? 'success' : report.landed ? 'info' : 'warning'}
        message={
          report.landed
            ? t('landed', { valid: count(report.valid), rejected: count(report.rejected) })
            : report.rejected === 0
              ? t('allValid')
              : t('someRejected', { count: report.rejected })
        }
      />
      {report.ignoredColumns.length > 0 && (
        <Typography.Paragraph type="secondary">
          {t('ignored', { columns: report.ignoredColumns.join('、') })}
        </Typography.Paragraph>
      )}
      {report.totalRows.length > 0 && (
        <Typography.Paragraph type="secondary">
          {t('totalRows', { rows: report.totalRows.join('、') })}
        </Typography.Paragraph>
      )}
      {report.rejections.length > 0 && (
        <>
          <Typography.Title level={5}>{t('rejections')}</Typography.Title>
          {!report.rejectionsListed && (
            <Typography.Paragraph type="warning">
              {t('notListed', { count: report.rejections.length })}
            </Typography.Paragraph>
          )}
          <Table<Rejection>
            size="small"
            rowKey={(r) => `${r.row}:${r.field}:${r.column}`}
            dataSource={report.rejections}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 600 }}
            columns={[
              { title: t('row'), dataIndex: 'row', width: 80 },
              { title: t('column'), dataIndex: 'column', width: 160 },
              { title: t('value'), dataIndex: 'value', width: 200 },
              {
                title: t('reason'),
                key: 'reason',
                render: (_, r) => (language === 'en' ? r.reason.en : r.reason.zh),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** 导入: check an uploaded file, read its report, land the valid rows, download the refused ones. */
export default function ImportPage(): ReactNode {
  const { t, i18n } = useTranslation(['import', 'common']);
  const [kind, setKind] = useState<Kind>('residents');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  const check = useMutation({
    mutationFn: (chosen: File) => answer(api.POST('/api/import/check', fileRequest(kind, chosen))),
    onSuccess: setReport,
  });
  const land = useMutation({
    mutationFn: (chosen: File) => answer(api.POST('/api/import/land', fileRequest(kind, chosen))),
    onSuccess: setReport,
  });
  const rejected = useMutation({
    mutationFn: async (chosen: File) => {
      const blob = await answer(
        api.POST('/api/import/rejected', { ...fileRequest(kind, chosen), parseAs: 'blob' }),
      );
      saveFile(blob as unknown as Blob, `${chosen.name}.rejected.csv`);
    },
  });
  const error = check.error ?? land.error ?? rejected.error;
  const choose = (next: File | null): void => {
    setFile(next);
    setReport(null);
    check.reset();
    land.reset();
  };

  return (
    <div>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label={t('kind')} htmlFor="import-kind">
            <Select<Kind>
              id="import-kind"
              style={{ width: 200 }}
              value={kind}
              onChange={(next) => {
                setKind(next);
                setReport(null);
              }}
              options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('file')}>
            <Upload
              accept=".csv,.xlsx"
              maxCount={1}
              beforeUpload={(chosen) => {
                choose(chosen);
                return false;
              }}
              onRemove={() => choose(null)}
              fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
            >
              <Button icon={<UploadOutlined />}>{t('choose')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item>
            <Space wrap>
              <Button
                type="primary"
                icon={<CheckOutlined />}
                disabled={!file}
                loading={check.isPending}
                onClick={() => file && check.mutate(file)}
              >
                {t('check')}
              </Button>
              {report && !report.landed && report.valid > 0 && file && (
                <Button
                  icon={<CloudUploadOutlined />}
                  loading={land.isPending}
                  onClick={() => land.mutate(file)}
                >
                  {t('land')}
                </Button>
              )}
              {report && report.rejected > 0 && file && (
                <Button
                  icon={<DownloadOutlined />}
                  loading={rejected.isPending}
                  onClick={() => rejected.mutate(file)}
                >
                  {t('download')}
                </Button>
              )}
            </Space>
          </Form.Item>
        </Form>
      </Card>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={error instanceof ApiError ? error.messageIn(i18n.language) : String(error)}
        />
      )}
      {report && <ImportReportView report={report} />}
      {report && !report.landed && report.valid === 0 && report.rowsRead > 0 && (
        <Alert type="warning" showIcon style={{ marginTop: 16 }} message={t('nothingToLand')} />
      )}
    </div>
  );
}
