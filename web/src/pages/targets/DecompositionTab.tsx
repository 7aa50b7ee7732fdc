import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/client';
import { formatCount, formatRate } from '../../format/figures';
import { useScope } from '../../scope/scope';
import { Allowed } from '../../session/session';
import type { Decomposition, Target } from './answers';
import {
  CurveError,
  MILESTONE_PLANS,
  milestoneLabel,
  planBody,
  type MilestonePlanKind,
} from './milestone-plans';
import { ErrorLine, useIndicatorName, useLanguage } from './shared';

interface PreviewRow {
  readonly key: string;
  readonly target: Target;
  readonly decomposed: Decomposition['areas'][number]['indicators'][string] | undefined;
}

/**
 * 任务分解: the stored target of the chosen org and of the units it was split to, decomposed
 * under a milestone plan (half-year or whole year, by month or by 旬) by POST
 * /api/targets/decompose, which stores nothing. Each unit's annual target is its stored one
 * (given as base × 100 %), so the preview shows exactly the stage and cumulative milestones
 * the plan would give it. A role with targets.write saves the plan for the org and splits
 * the target downwards (POST /api/targets/split).
 */
export function DecompositionTab(): ReactNode {
  const { t } = useTranslation('targets');
  const language = useLanguage();
  const indicatorName = useIndicatorName();
  const queries = useQueryClient();
  const [note, context] = message.useMessage();
  const { orgCode, org, periodChoice } = useScope();
  const year = periodChoice.year;
  const [chosen, setChosen] = useState<string | null>(null);
  const [plan, setPlan] = useState<MilestonePlanKind>('h1Months');
  const [curve, setCurve] = useState('');

  const own = useQuery({
    queryKey: ['targets', 'list', orgCode, year, 0],
    queryFn: () => answer(api.GET('/api/targets', { params: { query: { org: orgCode, depth: 0, year } } })),
  });
  const ownTargets = (own.data ?? []).filter((x) => x.orgCode === orgCode);
  const indicator = chosen ?? ownTargets[0]?.indicator ?? null;
  const subtree = useQuery({
    queryKey: ['targets', 'list', orgCode, year, 2, indicator],
    enabled: indicator !== null,
    queryFn: () =>
      answer(
        api.GET('/api/targets', {
          params: { query: { org: orgCode, depth: 2, year, indicator: indicator ?? '' } },
        }),
      ),
  });
  const units = useMemo(
    () => [...(subtree.data ?? [])].sort((a, b) => a.level - b.level || (a.orgCode < b.orgCode ? -1 : 1)),
    [subtree.data],
  );

  let body: ReturnType<typeof planBody> | null = null;
  let curveError: string | null = null;
  try {
    body = planBody(plan, year, curve);
  } catch (error) {
    if (!(error instanceof CurveError)) throw error;
    curveError = t('curve.mismatch', { given: error.given, needed: error.needed });
  }

  const preview = useQuery({
    queryKey: [
      'targets',
      'decompose',
      orgCode,
      year,
      indicator,
      plan,
      body?.curve.join('/'),
      units.map((u) => u.target).join(','),
    ],
    enabled: indicator !== null && body !== null && units.length > 0,
    queryFn: () =>
      answer(
        api.POST('/api/targets/decompose', {
          body: {
            halfYearShare: body?.share ?? 1,
            milestones: body?.due ?? [],
            curves: { [indicator ?? '']: body?.curve ?? [] },
            areas: units.map((u) => ({
              name: `${u.orgCode} ${u.orgName}`,
              inputs: { [indicator ?? '']: { base: u.target, annualRate: 1 } },
            })),
          },
        }),
      ),
  });

  const rows: PreviewRow[] = units.map((u, i) => ({
    key: u.orgCode,
    target: u,
    decomposed: preview.data?.areas[i]?.indicators[indicator ?? ''],
  }));
  const topLevel = units[0]?.level ?? 0;
  const ownTarget = units.find((u) => u.orgCode === orgCode);

  const applyPlan = useMutation({
    mutationFn: () => {
      if (!ownTarget || !body) throw new Error('no target');
      return answer(
        api.PUT('/api/targets', {
          body: {
            targets: [
              {
                orgCode,
                indicator: ownTarget.indicator,
                year,
                rate: ownTarget.rate,
                base: ownTarget.base,
                plan: body,
              },
            ],
          },
        }),
      );
    },
    onSuccess: async (r) => {
      void note.success(t('saved', { inserted: r.inserted, updated: r.updated }));
      await queries.invalidateQueries({ queryKey: ['targets'] });
    },
  });
  const split = useMutation({
    mutationFn: (depth: number) =>
      answer(
        api.POST('/api/targets/split', { body: { org: orgCode, indicator: indicator ?? '', year, depth } }),
      ),
    onSuccess: async (written) => {
      void note.success(t('decomp.splitDone', { count: written.length }));
      await queries.invalidateQueries({ queryKey: ['targets'] });
    },
  });

  if (!own.isPending && ownTargets.length === 0)
    return (
      <>
        <ErrorLine error={own.error} />
        <Alert type="info" showIcon message={t('decomp.noTarget', { year })} />
      </>
    );

  return (
    <div>
      {context}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('decomp.indicator')}
          style={{ minWidth: 240 }}
          value={indicator}
          onChange={setChosen}
          options={ownTargets.map((x) => ({ value: x.indicator, label: indicatorName(x.indicator) }))}
        />
        <Select
          aria-label={t('decomp.plan')}
          style={{ minWidth: 280 }}
          value={plan}
          onChange={setPlan}
          options={MILESTONE_PLANS.map((p) => ({ value: p, label: t(`plan.${p}`) }))}
        />
        <Input
          aria-label={t('form.curve')}
          placeholder={`${t('form.curve')} 40/30/30`}
          value={curve}
          onChange={(e) => setCurve(e.target.value)}
          status={curveError ? 'error' : undefined}
          style={{ width: 200 }}
        />
        <Allowed permission="targets.write">
          <Button
            onClick={() => applyPlan.mutate()}
            loading={applyPlan.isPending}
            disabled={!ownTarget || !body}
            data-action="apply-plan"
          >
            {t('decomp.apply')}
          </Button>
          {[1, 2].map((depth) => (
            <Popconfirm
              key={depth}
              title={t(`decomp.split${depth}` as 'decomp.split1')}
              onConfirm={() => split.mutate(depth)}
            >
              <Button loading={split.isPending && split.variables === depth} data-action={`split-${depth}`}>
                {t(`decomp.split${depth}` as 'decomp.split1')}
              </Button>
            </Popconfirm>
          ))}
        </Allowed>
      </Space>
      {curveError && <Alert type="error" showIcon message={curveError} style={{ marginBottom: 12 }} />}
      <ErrorLine error={own.error ?? subtree.error ?? preview.error ?? applyPlan.error ?? split.error} />
      <Card
        size="small"
        title={`${org?.name ?? orgCode} · ${t('decomp.preview')}`}
        extra={<Typography.Text type="secondary">{t('decomp.previewHelp')}</Typography.Text>}
      >
        <Table<PreviewRow>
          size="small"
          data-table="decomposition"
          loading={subtree.isPending || preview.isFetching}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          columns={[
            {
              title: t('col.org'),
              key: 'org',
              fixed: 'left',
              render: (_v, r) => (
                <span style={{ paddingLeft: (r.target.level - topLevel) * 16 }}>
                  {r.target.orgName}
                  {r.target.source === 'split' && <Tag style={{ marginLeft: 4 }}>{t('source.split')}</Tag>}
                </span>
              ),
            },
            {
              title: t('col.base'),
              key: 'base',
              align: 'right',
              render: (_v, r) => formatCount(r.target.baseValue, language),
            },
            {
              title: t('col.rate'),
              key: 'rate',
              align: 'right',
              render: (_v, r) => formatRate(r.target.rate),
            },
            {
              title: t('col.annual'),
              key: 'annual',
              align: 'right',
              render: (_v, r) => <b>{formatCount(r.target.target, language)}</b>,
            },
            {
              title: t('col.half'),
              key: 'half',
              align: 'right',
              render: (_v, r) =>
                r.decomposed ? (
                  <span
                    title={r.decomposed.mismatch ? t('decomp.mismatch', r.decomposed.mismatch) : undefined}
                  >
                    {formatCount(r.decomposed.half, language)}
                  </span>
                ) : (
                  '…'
                ),
            },
            ...(body?.due ?? []).map((due, i) => ({
              title: milestoneLabel(due, language),
              key: due,
              align: 'right' as const,
              render: (_v: unknown, r: PreviewRow) =>
                r.decomposed ? formatCount(r.decomposed.cumulative[i] ?? 0, language) : '…',
            })),
          ]}
        />
      </Card>
    </div>
  );
}
