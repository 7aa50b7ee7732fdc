import { useQuery } from '@tanstack/react-query';
import { Alert, Select, Space, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import { formatCount, formatRate, isOverHundred } from '../../format/figures';
import { useScope } from '../../scope/scope';
import type { ProgressRow } from './answers';
import { progressStatus, rankProgress } from './progress-ranking';
import { ErrorLine, useIndicatorName, useLanguage } from './shared';

const STATUS_COLOR = { lagging: 'red', onTrack: 'green', notDue: 'default' } as const;

/**
 * 进度: the children of the chosen org against the milestone due by the end of the chosen
 * period (GET /api/targets/progress), one indicator at a time, ranked, lagging units marked.
 */
export function ProgressTab(): ReactNode {
  const { t } = useTranslation('targets');
  const language = useLanguage();
  const indicatorName = useIndicatorName();
  const { orgCode, period } = useScope();
  const [chosen, setChosen] = useState<string | null>(null);
  const progress = useQuery({
    queryKey: ['targets', 'progress', orgCode, period],
    queryFn: () => answer(api.GET('/api/targets/progress', { params: { query: { org: orgCode, period } } })),
  });
  const indicators = [...new Set((progress.data ?? []).map((r) => r.indicator))];
  const indicator = chosen !== null && indicators.includes(chosen) ? chosen : (indicators[0] ?? null);
  const rows = rankProgress((progress.data ?? []).filter((r) => r.indicator === indicator));
  const lagging = rows.filter((r) => progressStatus(r) === 'lagging').length;

  return (
    <div>
      <ErrorLine error={progress.error} />
      {!progress.isPending && indicators.length === 0 && !progress.error ? (
        <Alert type="info" showIcon message={t('progress.empty')} />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Select
              aria-label={t('col.indicator')}
              style={{ minWidth: 260 }}
              value={indicator}
              onChange={setChosen}
              options={indicators.map((i) => ({ value: i, label: indicatorName(i) }))}
            />
            {lagging > 0 && <Tag color="red">{`${t('progress.lagging')} ${lagging}`}</Tag>}
            <Typography.Text type="secondary">{t('progress.help')}</Typography.Text>
          </Space>
          <Table<ProgressRow & { rank: number | null }>
            size="small"
            data-table="progress"
            rowKey={(r) => `${r.org}|${r.indicator}`}
            loading={progress.isPending}
            dataSource={rows}
            scroll={{ x: 760 }}
            pagination={{ pageSize: 30, hideOnSinglePage: true }}
            rowClassName={(r) => (progressStatus(r) === 'lagging' ? 'gw-lagging' : '')}
            columns={[
              { title: t('col.rank'), dataIndex: 'rank', width: 64, render: (v: number | null) => v ?? '—' },
              { title: t('col.org'), dataIndex: 'orgName' },
              {
                title: t('col.target'),
                dataIndex: 'target',
                align: 'right',
                render: (v: number) => formatCount(v, language),
              },
              {
                title: t('col.milestone'),
                dataIndex: 'milestone',
                align: 'right',
                render: (v: number) => formatCount(v, language),
              },
              {
                title: t('col.achieved'),
                dataIndex: 'achieved',
                align: 'right',
                render: (v: number) => formatCount(v, language),
              },
              {
                title: t('col.gap'),
                dataIndex: 'gap',
                align: 'right',
                render: (v: number) =>
                  v > 0 ? <Typography.Text type="danger">{formatCount(v, language)}</Typography.Text> : 0,
              },
              {
                title: t('col.completion'),
                dataIndex: 'completion',
                align: 'right',
                render: (v: number | null) => (
                  <span title={isOverHundred(v) ? t('progress.ahead') : undefined}>
                    {formatRate(v)}
                    {isOverHundred(v) && (
                      <Tag color="green" style={{ marginLeft: 4 }}>
                        {t('progress.ahead')}
                      </Tag>
                    )}
                  </span>
                ),
              },
              {
                title: t('col.status'),
                key: 'status',
                render: (_v, r) => {
                  const status = progressStatus(r);
                  return <Tag color={STATUS_COLOR[status]}>{t(`progress.${status}`)}</Tag>;
                },
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
