import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import { formatCount, formatDate, formatRate } from '../../format/figures';
import { useScope } from '../../scope/scope';
import { Allowed } from '../../session/session';
import type { ChildOrg, Target, TargetChange } from './answers';
import { milestoneLabel } from './milestone-plans';
import { SetTargetForm } from './SetTargetForm';
import { ErrorLine, useIndicatorName, useLanguage } from './shared';

/** The chosen org and its children, as the set-target form offers them. */
export function useOrgAndChildren(): readonly ChildOrg[] {
  const { orgCode, org } = useScope();
  const children = useQuery({
    queryKey: ['org-children', orgCode],
    queryFn: () => answer(api.GET('/api/orgs/{code}/children', { params: { path: { code: orgCode } } })),
    staleTime: 5 * 60_000,
  });
  return org ? [org as ChildOrg, ...(children.data ?? [])] : (children.data ?? []);
}

function History({
  of,
  year,
}: {
  of: { org: string; name: string; indicator: string };
  year: number;
}): ReactNode {
  const { t } = useTranslation('targets');
  const language = useLanguage();
  const history = useQuery({
    queryKey: ['targets', 'history', of.org, of.indicator, year],
    queryFn: () =>
      answer(
        api.GET('/api/targets/history', {
          params: { query: { org: of.org, indicator: of.indicator, year } },
        }),
      ),
  });
  return (
    <>
      <ErrorLine error={history.error} />
      <Table<TargetChange>
        size="small"
        rowKey={(r) => `${r.changedAt}-${r.action}-${r.target}`}
        loading={history.isPending}
        dataSource={[...(history.data ?? [])].reverse()}
        pagination={false}
        data-table="history"
        columns={[
          {
            title: t('col.changedAt'),
            dataIndex: 'changedAt',
            render: (v: string) => `${formatDate(v, language)} ${v.slice(11, 16)}`,
          },
          {
            title: t('col.action'),
            dataIndex: 'action',
            render: (v: TargetChange['action']) => t(`action.${v}`),
          },
          {
            title: t('col.base'),
            dataIndex: 'baseValue',
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : formatCount(v, language)),
          },
          {
            title: t('col.rate'),
            dataIndex: 'rate',
            align: 'right',
            render: (v: number | null) => formatRate(v),
          },
          {
            title: t('col.target'),
            dataIndex: 'target',
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : formatCount(v, language)),
          },
          { title: t('col.changedBy'), dataIndex: 'changedBy' },
        ]}
      />
    </>
  );
}

/**
 * 任务设定: the targets of the chosen org and its children for the period's year, each with
 * its history; a role with targets.write sets one (rate × base, urban/rural defaults).
 */
export function TargetsTab(): ReactNode {
  const { t } = useTranslation('targets');
  const language = useLanguage();
  const indicatorName = useIndicatorName();
  const { orgCode, periodChoice } = useScope();
  const year = periodChoice.year;
  const orgs = useOrgAndChildren();
  const [setting, setSetting] = useState(false);
  const [historyOf, setHistoryOf] = useState<{ org: string; name: string; indicator: string } | null>(null);
  const targets = useQuery({
    queryKey: ['targets', 'list', orgCode, year, 1],
    queryFn: () => answer(api.GET('/api/targets', { params: { query: { org: orgCode, depth: 1, year } } })),
  });

  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text strong>{t('year', { year })}</Typography.Text>
        <Allowed permission="targets.write">
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setSetting(true)}
            data-action="set-target"
          >
            {t('setTarget')}
          </Button>
        </Allowed>
      </Space>
      <ErrorLine error={targets.error} />
      <Table<Target>
        size="small"
        scroll={{ x: 900 }}
        rowKey={(r) => `${r.orgCode}|${r.indicator}`}
        loading={targets.isPending}
        dataSource={targets.data ?? []}
        locale={{ emptyText: t('noTargets', { year }) }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-table="targets"
        columns={[
          {
            title: t('col.org'),
            dataIndex: 'orgName',
            render: (v: string, r) => <span data-org={r.orgCode}>{v}</span>,
          },
          { title: t('col.indicator'), dataIndex: 'indicator', render: (v: string) => indicatorName(v) },
          {
            title: t('col.base'),
            dataIndex: 'baseValue',
            align: 'right',
            render: (v: number, r) => (
              <span title={r.base.kind === 'count' ? undefined : t(`band.${r.base.band}`)}>
                {formatCount(v, language)}
              </span>
            ),
          },
          { title: t('col.rate'), dataIndex: 'rate', align: 'right', render: (v: number) => formatRate(v) },
          {
            title: t('col.target'),
            dataIndex: 'target',
            align: 'right',
            render: (v: number) => <b>{formatCount(v, language)}</b>,
          },
          {
            title: t('col.milestones'),
            dataIndex: 'milestones',
            render: (v: Target['milestones']) => {
              const last = v.at(-1);
              return last
                ? `${v.length} · ${milestoneLabel(last.due, language)} ${formatCount(last.cumulative, language)}`
                : '—';
            },
          },
          {
            title: t('col.source'),
            dataIndex: 'source',
            render: (v: Target['source']) => <Tag>{t(`source.${v}`)}</Tag>,
          },
          { title: t('col.setBy'), dataIndex: 'setBy' },
          { title: t('col.setAt'), dataIndex: 'setAt', render: (v: string) => formatDate(v, language) },
          {
            title: t('history'),
            key: 'history',
            render: (_v, r) => (
              <Button
                type="link"
                size="small"
                data-action="history"
                onClick={() => setHistoryOf({ org: r.orgCode, name: r.orgName, indicator: r.indicator })}
              >
                {t('history')}
              </Button>
            ),
          },
        ]}
      />
      <Allowed permission="targets.write">
        <Drawer
          open={setting}
          onClose={() => setSetting(false)}
          title={t('setTarget')}
          width={480}
          destroyOnClose
        >
          {orgs.length > 0 && (
            <SetTargetForm
              year={year}
              orgs={orgs}
              onSaved={(org, indicator) => {
                setSetting(false);
                setHistoryOf({ org, name: orgs.find((o) => o.code === org)?.name ?? org, indicator });
              }}
            />
          )}
        </Drawer>
      </Allowed>
      <Drawer
        open={historyOf !== null}
        onClose={() => setHistoryOf(null)}
        width={720}
        title={
          historyOf
            ? t('historyOf', { org: historyOf.name, indicator: indicatorName(historyOf.indicator) })
            : ''
        }
      >
        {historyOf && <History of={historyOf} year={year} />}
      </Drawer>
    </div>
  );
}
