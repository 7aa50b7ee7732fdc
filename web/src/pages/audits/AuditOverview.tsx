import { PlayCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import { formatCount, formatDate } from '../../format/figures';
import { periodLabel } from '../../scope/period-choice';
import { useScope } from '../../scope/scope';
import { Allowed } from '../../session/session';
import { AUDITS_KEY, errorText, useAuditRules, useLanguage } from './audit-data';
import { auditMatrix, type MatrixRow } from './audit-matrix';

/** The rules whose findings cluster by place, in the order a bulletin names them. */
const HOTSPOT_RULES = [
  'identical_checkups',
  'arm_bp_difference',
  'uncontrolled_without_guidance',
  'id_problems',
  'duplicate_records',
  'implausible_values',
  'unused_records',
];

/** Runs the audits on the chosen org and period (audits.run), and shows the last run. */
function RunPanel(): ReactNode {
  const { t } = useTranslation(['audits', 'common']);
  const language = useLanguage();
  const { orgCode, org, period, periodChoice } = useScope();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const runs = useQuery({
    queryKey: [AUDITS_KEY, 'runs'],
    queryFn: () => answer(api.GET('/api/audits/runs', { params: { query: { limit: 1 } } })),
  });
  const run = useMutation({
    mutationFn: () => answer(api.POST('/api/audits/runs', { body: { orgCode, period } })),
    onSuccess: async (result) => {
      const found = result.summary.reduce((s, r) => s + r.found, 0);
      const added = result.summary.reduce((s, r) => s + r.new, 0);
      void message.success(t('run.done', { found, new: added }));
      await queries.invalidateQueries({ queryKey: [AUDITS_KEY] });
    },
    onError: (error) => void message.error(errorText(error, language)),
  });
  const last = runs.data?.[0];
  const periodName = periodLabel(periodChoice, language);

  return (
    <Card size="small">
      <Space wrap align="start" size="large">
        <Allowed permission="audits.run">
          <Popconfirm
            title={t('run.confirm', { org: org?.name ?? orgCode, period: periodName })}
            okText={t('ok')}
            cancelText={t('cancel')}
            onConfirm={() => run.mutate()}
          >
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              loading={run.isPending}
              data-action="run-audits"
            >
              {t('run.button')}
            </Button>
          </Popconfirm>
        </Allowed>
        {last ? (
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            title={t('run.last')}
            items={[
              {
                key: 'at',
                label: t('run.id'),
                children: `${last.id} · ${formatDate(last.startedAt, language)} ${last.startedAt.slice(11, 16)}`,
              },
              {
                key: 'window',
                label: t('run.window'),
                children: `${last.windowFrom ? formatDate(last.windowFrom, language) : '—'} – ${formatDate(last.windowTo, language)}`,
              },
              {
                key: 'status',
                label: t('run.status'),
                children: t(`runStatus.${last.status}` as 'runStatus.done', { defaultValue: last.status }),
              },
            ]}
          />
        ) : (
          runs.isSuccess && <Typography.Text type="secondary">{t('run.none')}</Typography.Text>
        )}
      </Space>
    </Card>
  );
}

/**
 * Records affected per unit and rule (the number of findings in a tooltip when it differs); a
 * number opens the work list when the role may read it.
 */
function CountsMatrix({
  openWorkList,
}: {
  openWorkList: ((filter: Record<string, string>) => void) | null;
}): ReactNode {
  const { t } = useTranslation('audits');
  const language = useLanguage();
  const { orgCode } = useScope();
  const { rules, nameOf } = useAuditRules();
  const counts = useQuery({
    queryKey: [AUDITS_KEY, 'counts', orgCode],
    queryFn: () => answer(api.GET('/api/audits/counts', { params: { query: { org: orgCode, depth: 1 } } })),
  });
  const children = useQuery({
    queryKey: ['org-children', orgCode],
    queryFn: () => answer(api.GET('/api/orgs/{code}/children', { params: { path: { code: orgCode } } })),
    staleTime: 5 * 60_000,
  });
  if (counts.error) return <Alert type="error" showIcon message={errorText(counts.error, language)} />;
  const matrix = auditMatrix(counts.data ?? [], orgCode, children.data ?? []);
  // Every rule of the catalogue is a column, in its order, so a clean rule is seen as 0.
  const ruleIds = rules.length > 0 ? rules.map((r) => r.id) : matrix.rules;
  const other = (id: string): string => {
    const rule = rules.find((r) => r.id === id);
    return rule ? (language === 'en' ? rule.name.zh : rule.name.en) : '';
  };

  const cell = (row: MatrixRow, rule: string | null): ReactNode => {
    const value = rule ? (row.cells[rule]?.affected ?? 0) : row.sum;
    const findings = rule ? (row.cells[rule]?.count ?? 0) : row.findings;
    const text = formatCount(value, language);
    const shown =
      openWorkList && value > 0 ? (
        <Typography.Link
          onClick={() => openWorkList({ ...(rule ? { rule } : {}), unit: row.org, status: 'current' })}
        >
          {text}
        </Typography.Link>
      ) : (
        text
      );
    return findings !== value ? (
      <Tooltip title={t('matrix.findings', { n: formatCount(findings, language) })}>{shown}</Tooltip>
    ) : (
      shown
    );
  };

  const columns: ColumnsType<MatrixRow> = [
    {
      key: 'unit',
      title: t('matrix.unit'),
      fixed: 'left',
      width: 140,
      render: (_, row) => (row.total ? <strong>{row.orgName}</strong> : row.orgName),
    },
    ...ruleIds.map((rule) => ({
      key: rule,
      title: (
        <Tooltip title={other(rule)}>
          <span data-rule={rule}>{nameOf(rule)}</span>
        </Tooltip>
      ),
      align: 'right' as const,
      render: (_: unknown, row: MatrixRow) => cell(row, rule),
    })),
    {
      key: 'sum',
      title: t('matrix.total'),
      align: 'right',
      render: (_, row) => <strong>{cell(row, null)}</strong>,
    },
  ];

  return (
    <Card
      size="small"
      title={t('matrix.title')}
      extra={openWorkList && <Typography.Text type="secondary">{t('matrix.hint')}</Typography.Text>}
    >
      <Table<MatrixRow>
        className="gw-figure"
        data-table="audit-matrix"
        size="small"
        rowKey="org"
        loading={counts.isPending}
        columns={columns}
        dataSource={matrix.rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowClassName={(row) => (row.total ? 'gw-total-row' : '')}
        locale={{ emptyText: t('matrix.empty') }}
      />
    </Card>
  );
}

/** Where the findings of a rule concentrate (townships, or the village holding most). */
function Hotspots(): ReactNode {
  const { t } = useTranslation('audits');
  const language = useLanguage();
  const { orgCode } = useScope();
  const { nameOf } = useAuditRules();
  const [rule, setRule] = useState('identical_checkups');
  const [level, setLevel] = useState<0 | 4 | 5>(0);
  const hotspots = useQuery({
    queryKey: [AUDITS_KEY, 'hotspots', orgCode, rule, level],
    queryFn: () =>
      answer(
        api.GET('/api/audits/hotspots', {
          params: {
            query: {
              org: orgCode,
              rule: rule as 'identical_checkups',
              limit: 10,
              ...(level ? { level } : {}),
            },
          },
        }),
      ),
  });
  return (
    <Card
      size="small"
      title={t('hotspots.title')}
      extra={
        <Space wrap>
          <Select
            aria-label={t('hotspots.rule')}
            value={rule}
            onChange={setRule}
            style={{ minWidth: 160 }}
            options={HOTSPOT_RULES.map((id) => ({ value: id, label: nameOf(id) }))}
          />
          <Select
            aria-label={t('hotspots.level')}
            value={level}
            onChange={setLevel}
            style={{ minWidth: 120 }}
            options={[
              { value: 0, label: t('hotspots.levelAuto') },
              { value: 4, label: t('hotspots.level4') },
              { value: 5, label: t('hotspots.level5') },
            ]}
          />
        </Space>
      }
    >
      {hotspots.error ? (
        <Alert type="error" showIcon message={errorText(hotspots.error, language)} />
      ) : (
        <Table
          size="small"
          data-table="hotspots"
          rowKey="org"
          loading={hotspots.isPending}
          pagination={false}
          dataSource={hotspots.data ?? []}
          columns={[
            { key: 'rank', title: t('hotspots.rank'), width: 64, render: (_, __, index) => index + 1 },
            { key: 'place', title: t('hotspots.place'), dataIndex: 'fullName' },
            {
              key: 'count',
              title: t('hotspots.count'),
              align: 'right',
              className: 'gw-figure',
              render: (_, row) => formatCount(row.count, language),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** The overview tab: run, matrix, hotspots. */
export function AuditOverview({
  openWorkList,
}: {
  openWorkList: ((filter: Record<string, string>) => void) | null;
}): ReactNode {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <RunPanel />
      <CountsMatrix openWorkList={openWorkList} />
      <Hotspots />
    </Space>
  );
}
