import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, InputNumber, Space, Table, Tooltip, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import { cellKey, findingsByCell } from './check-cells';
import { readTableFile, withHeader, type Cell, type HeadedTable } from './read-table';
import { ErrorLine, useLanguage } from './shared';

class NoHeader extends Error {}

/**
 * 计划核对: a hand-made decomposition table (.xlsx or .csv, layout of docs/targets.md) is read
 * in the browser, sent to POST /api/plans/check, and shown with every cell that disagrees
 * with the rule highlighted: the stated number, what it should be, and the reason.
 */
export function PlanCheckTab(): ReactNode {
  const { t } = useTranslation('targets');
  const language = useLanguage();
  const [halfShare, setHalfShare] = useState(50);
  const [table, setTable] = useState<HeadedTable | null>(null);
  const check = useMutation({
    mutationFn: async (file: File) => {
      const found = withHeader(await readTableFile(file), ['区域', 'area']);
      if (!found) throw new NoHeader(t('check.noHeader'));
      setTable(found);
      return answer(
        api.POST('/api/plans/check', {
          body: { headers: found.headers, rows: found.rows, halfShare: halfShare / 100 },
        }),
      );
    },
  });
  const report = check.data;
  const cells = findingsByCell(report?.findings ?? []);

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Upload
          accept=".xlsx,.csv"
          showUploadList={false}
          beforeUpload={(file) => {
            check.mutate(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={check.isPending} data-action="check-upload">
            {t('check.upload')}
          </Button>
        </Upload>
        <span>{t('check.halfShare')}</span>
        <InputNumber
          aria-label={t('check.halfShare')}
          min={1}
          max={100}
          value={halfShare}
          onChange={(v) => setHalfShare(v ?? 50)}
          addonAfter="%"
          style={{ width: 120 }}
        />
      </Space>
      <Typography.Paragraph type="secondary">{t('check.help')}</Typography.Paragraph>
      <ErrorLine error={check.error} />
      {report && (
        <Alert
          style={{ marginBottom: 12 }}
          type={report.findings.length > 0 ? 'warning' : 'success'}
          showIcon
          data-check-summary=""
          message={
            report.findings.length > 0
              ? t('check.summary', {
                  areas: report.areas,
                  cells: report.cellsChecked,
                  findings: report.findings.length,
                })
              : `${t('check.summary', { areas: report.areas, cells: report.cellsChecked, findings: 0 })} · ${t('check.ok')}`
          }
        />
      )}
      {report && table && (
        <Table<{ key: number; cells: Cell[] }>
          size="small"
          bordered
          data-table="plan-check"
          scroll={{ x: 'max-content' }}
          pagination={false}
          dataSource={table.rows.map((r, i) => ({ key: i, cells: r }))}
          columns={[
            { title: '#', key: 'row', width: 48, render: (_v, r) => r.key + 2 },
            ...table.headers.map((header, c) => ({
              title: header,
              key: `${c}`,
              render: (_v: unknown, r: { key: number; cells: Cell[] }) => {
                const value = r.cells[c];
                const finding = cells.get(cellKey(r.key, header));
                if (!finding) return value ?? '';
                return (
                  <Tooltip title={language === 'en' ? finding.note.en : finding.note.zh}>
                    <span className="gw-disagrees" data-finding={`${finding.row}|${header}`}>
                      {value ?? ''} → {finding.computed}
                    </span>
                  </Tooltip>
                );
              },
              onCell: (r: { key: number }) =>
                cells.has(cellKey(r.key, header))
                  ? { style: { background: '#fff1f0', color: '#a8071a' } }
                  : {},
            })),
          ]}
        />
      )}
      {report && report.findings.length > 0 && (
        <Table
          style={{ marginTop: 16 }}
          size="small"
          title={() => t('check.findings')}
          rowKey={(f) => `${f.row}|${f.column}`}
          pagination={false}
          dataSource={report.findings}
          columns={[
            { title: t('check.row'), dataIndex: 'row', width: 64 },
            { title: t('check.column'), dataIndex: 'column' },
            { title: t('check.stated'), dataIndex: 'stated', align: 'right' },
            { title: t('check.computed'), dataIndex: 'computed', align: 'right' },
            {
              title: t('check.note'),
              key: 'note',
              render: (_v, f) => (language === 'en' ? f.note.en : f.note.zh),
            },
          ]}
        />
      )}
    </div>
  );
}
