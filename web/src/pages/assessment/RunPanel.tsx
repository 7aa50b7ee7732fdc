import { PlayCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import { formatDate } from '../../format/figures';
import { useScope } from '../../scope/scope';
import { Allowed } from '../../session/session';
import { errorText, useLanguage } from '../bulletins/bulletin-data';
import { ASSESSMENT_KEY, type RankedUnit, type RunSummary } from './assessment-data';
import { ResultsView } from './ResultsView';
import { UnitItemsDrawer } from './UnitItemsDrawer';

/**
 * Runs an assessment of the children of the org chosen in the org picker for the period of the
 * period picker (assessment.write), lists the runs of that org and period, and shows the
 * chosen run's ranking with the drill-down to a unit's items.
 */
export function RunPanel(): ReactNode {
  const { t } = useTranslation('assessment');
  const language = useLanguage();
  const { orgCode, org, period } = useScope();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [schemeCode, setSchemeCode] = useState('national-basic');
  const [picked, setPicked] = useState<number | null>(null);
  const [unit, setUnit] = useState<RankedUnit | null>(null);

  const schemes = useQuery({
    queryKey: [ASSESSMENT_KEY, 'schemes'],
    queryFn: () => answer(api.GET('/api/assessment/schemes')),
  });
  const runs = useQuery({
    queryKey: [ASSESSMENT_KEY, 'runs', orgCode, period],
    queryFn: () =>
      answer(api.GET('/api/assessment/runs', { params: { query: { org: orgCode, period, limit: 50 } } })),
  });
  const shownId =
    picked !== null && runs.data?.some((r) => r.id === picked) ? picked : (runs.data?.[0]?.id ?? null);
  const report = useQuery({
    queryKey: [ASSESSMENT_KEY, 'run', shownId],
    queryFn: () =>
      answer(api.GET('/api/assessment/runs/{id}', { params: { path: { id: shownId! }, query: {} } })),
    enabled: shownId !== null,
  });
  const run = useMutation({
    mutationFn: () => answer(api.POST('/api/assessment/runs', { body: { schemeCode, orgCode, period } })),
    onSuccess: async (r) => {
      void message.success(t('run.done', { id: r.run.id }));
      setPicked(r.run.id);
      await queries.invalidateQueries({ queryKey: [ASSESSMENT_KEY, 'runs'] });
    },
    onError: (error) => void message.error(errorText(error, language)),
  });

  const codes = [...new Map((schemes.data ?? []).map((s) => [s.code, s])).values()];
  const columns: ColumnsType<RunSummary> = [
    { key: 'id', title: t('col.id'), dataIndex: 'id', width: 56 },
    { key: 'scheme', title: t('col.scheme'), render: (_, r) => `${r.schemeCode} v${r.schemeVersion}` },
    {
      key: 'createdAt',
      title: t('col.createdAt'),
      render: (_, r) => `${formatDate(r.createdAt, language)} ${r.createdAt.slice(11, 16)}`,
    },
    { key: 'createdBy', title: t('col.createdBy'), dataIndex: 'createdBy' },
    {
      key: 'actions',
      title: t('col.actions'),
      render: (_, r) => (
        <Button size="small" type={r.id === shownId ? 'primary' : 'default'} onClick={() => setPicked(r.id)}>
          {t('runs.pick')}
        </Button>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Allowed permission="assessment.write">
        <Card size="small" title={t('run.title')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>{t('run.units', { org: org?.name ?? orgCode, period })}</Typography.Text>
            <Space wrap>
              <Select
                aria-label={t('run.scheme')}
                style={{ minWidth: 220, maxWidth: '100%' }}
                value={schemeCode}
                onChange={setSchemeCode}
                options={codes.map((s) => ({
                  value: s.code,
                  label: language === 'en' ? s.name.en : s.name.zh,
                }))}
              />
              <Button
                type="primary"
                icon={<PlayCircleOutlined />}
                loading={run.isPending}
                onClick={() => run.mutate()}
                data-action="run"
              >
                {t('run.button')}
              </Button>
            </Space>
          </Space>
        </Card>
      </Allowed>
      {runs.error ? (
        <Alert type="error" showIcon message={errorText(runs.error, language)} />
      ) : runs.data && runs.data.length === 0 ? (
        <Card size="small">
          <Empty description={t('results.none')} />
        </Card>
      ) : null}
      {report.error && <Alert type="error" showIcon message={errorText(report.error, language)} />}
      {report.data && <ResultsView report={report.data} onUnit={setUnit} />}
      {report.data && <UnitItemsDrawer report={report.data} unit={unit} onClose={() => setUnit(null)} />}
      {runs.data && runs.data.length > 0 && (
        <Card size="small" title={t('runs.title')}>
          <Table<RunSummary>
            size="small"
            data-table="runs"
            rowKey="id"
            columns={columns}
            dataSource={runs.data}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          />
        </Card>
      )}
    </Space>
  );
}
