import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../../api/client';
import { errorText, useLanguage } from '../bulletins/bulletin-data';
import { changeText, points, type RankedUnit, type RunReport } from './assessment-data';

/**
 * The ranking of a run: rank, converted score, score out of the applicable maximum, the change
 * since the previous run and the manual items still to enter; a unit's score opens its items.
 * The Word report and the Excel table are the API's own files.
 */
export function ResultsView({
  report,
  onUnit,
}: {
  report: RunReport;
  onUnit(unit: RankedUnit): void;
}): ReactNode {
  const { t } = useTranslation('assessment');
  const language = useLanguage();
  const { message } = App.useApp();
  const { run } = report;
  const file = (format: 'docx' | 'xlsx'): void => {
    download(`/api/assessment/runs/${run.id}/report.${format}`, `assessment-${run.id}.${format}`).catch(
      (error: unknown) => void message.error(errorText(error, language)),
    );
  };
  const columns: ColumnsType<RankedUnit> = [
    { key: 'rank', title: t('col.rank'), dataIndex: 'rank', width: 56 },
    { key: 'unit', title: t('col.unit'), render: (_, u) => u.unitName },
    {
      key: 'converted',
      title: t('col.converted'),
      align: 'right',
      render: (_, u) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          data-action="unit-items"
          aria-label={`${u.unitName} ${points(u.convertedCenti)}`}
          onClick={() => onUnit(u)}
        >
          {points(u.convertedCenti)}
        </Button>
      ),
    },
    {
      key: 'total',
      title: t('col.total'),
      align: 'right',
      render: (_, u) => `${points(u.totalCenti)} / ${points(u.applicableCenti)}`,
    },
    { key: 'change', title: t('col.change'), align: 'right', render: (_, u) => changeText(u) },
    {
      key: 'missing',
      title: t('col.missing'),
      align: 'right',
      render: (_, u) => (u.missing > 0 ? <Tag color="warning">{u.missing}</Tag> : '0'),
    },
  ];
  return (
    <Card
      size="small"
      title={t('results.title', { org: run.orgName, period: run.period })}
      extra={
        <Space size={4} wrap>
          <Button
            size="small"
            icon={<FileWordOutlined />}
            onClick={() => file('docx')}
            data-action="report-docx"
          >
            {t('results.word')}
          </Button>
          <Button
            size="small"
            icon={<FileExcelOutlined />}
            onClick={() => file('xlsx')}
            data-action="report-xlsx"
          >
            {t('results.excel')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" size="small" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t('results.cutoff', {
            scheme: run.schemeCode,
            version: run.schemeVersion,
            cutoff: run.dataCutoff,
          })}
          {' · '}
          {report.previousRunId === null
            ? t('results.noPrevious')
            : t('results.previous', { id: report.previousRunId })}
        </Typography.Text>
        <Table<RankedUnit>
          size="small"
          data-table="ranking"
          rowKey="unitCode"
          columns={columns}
          dataSource={report.units}
          scroll={{ x: 'max-content' }}
          pagination={false}
        />
      </Space>
    </Card>
  );
}
