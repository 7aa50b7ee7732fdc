import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Select, message } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { URBAN_RURAL_DEFAULTS } from '../../../../src/domain/targets/urban-rural-defaults';
import { answer, api } from '../../api/client';
import { formatRate } from '../../format/figures';
import type { ChildOrg, TargetToSet } from './answers';
import { CurveError, MILESTONE_PLANS, planBody, type MilestonePlanKind } from './milestone-plans';
import { errorText, useIndicatorName, useLanguage } from './shared';

/** The population bands a rate may apply to (src/domain/targets/target-rule.ts). */
export const BANDS = [
  'total',
  'age0to6',
  'age65plus',
  'age15plus',
  'age18plus',
  'women15to49',
  'liveBirths',
] as const;

type BaseKind = 'default' | 'population' | 'expected' | 'count';

interface Values {
  org: string;
  indicator: string;
  rate?: number | null;
  baseKind: BaseKind;
  band?: (typeof BANDS)[number];
  parameter?: string;
  count?: number;
  plan: MilestonePlanKind;
  curve?: string;
  person?: string;
}

function baseOf(v: Values): TargetToSet['base'] {
  if (v.baseKind === 'population') return { kind: 'population', band: v.band ?? 'total' };
  if (v.baseKind === 'expected')
    return { kind: 'expected', band: v.band ?? 'age18plus', parameter: v.parameter ?? '' };
  if (v.baseKind === 'count') return { kind: 'count', count: v.count ?? 0 };
  return null;
}

/**
 * The form that sets one target (rate × base) for the chosen org or one of its children:
 * an empty rate or base takes the urban/rural default of seeds/001, which the form shows for
 * the org picked. Calls PUT /api/targets; the server records who set it.
 */
export function SetTargetForm({
  year,
  orgs,
  onSaved,
}: {
  year: number;
  /** The chosen org and its children. */
  orgs: readonly ChildOrg[];
  onSaved(org: string, indicator: string): void;
}): ReactNode {
  const { t } = useTranslation('targets');
  const language = useLanguage();
  const indicatorName = useIndicatorName();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [note, context] = message.useMessage();
  const chosenOrg = Form.useWatch('org', form);
  const chosenIndicator = Form.useWatch('indicator', form);
  const baseKind = Form.useWatch('baseKind', form);
  const urbanRural = orgs.find((o) => o.code === chosenOrg)?.urbanRural ?? null;
  const preset = URBAN_RURAL_DEFAULTS.find((d) => d.indicator === chosenIndicator);

  const save = useMutation({
    mutationFn: (v: Values) =>
      answer(
        api.PUT('/api/targets', {
          body: {
            targets: [
              {
                orgCode: v.org,
                indicator: v.indicator,
                year,
                rate: v.rate === null || v.rate === undefined ? null : v.rate / 100,
                base: baseOf(v),
                plan: planBody(v.plan, year, v.curve),
                ...(v.person ? { responsiblePerson: v.person } : {}),
              },
            ],
          },
        }),
      ),
    onSuccess: async (result, v) => {
      void note.success(t('saved', { inserted: result.inserted, updated: result.updated }));
      await queries.invalidateQueries({ queryKey: ['targets'] });
      onSaved(v.org, v.indicator);
    },
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        org: orgs[1]?.code ?? orgs[0]?.code,
        indicator: URBAN_RURAL_DEFAULTS[0]?.indicator,
        baseKind: 'default',
        plan: 'h1Months',
      }}
      onFinish={(v) => save.mutate(v)}
    >
      {context}
      {save.error && (
        <Alert type="error" showIcon message={errorText(save.error, language)} style={{ marginBottom: 12 }} />
      )}
      <Form.Item name="org" label={t('form.org')} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={orgs.map((o) => ({ value: o.code, label: `${o.name}（${o.code}）` }))}
        />
      </Form.Item>
      <Form.Item name="indicator" label={t('form.indicator')} rules={[{ required: true }]}>
        <Select
          options={URBAN_RURAL_DEFAULTS.map((d) => ({
            value: d.indicator,
            label: indicatorName(d.indicator),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="rate"
        label={t('form.rate')}
        extra={
          preset && urbanRural
            ? t('form.rateDefault', { kind: t(urbanRural), rate: formatRate(preset.rate[urbanRural]) })
            : urbanRural === null
              ? t('form.rateRequired')
              : t('form.rateHelp')
        }
        // Without an urban/rural type (a county or a city) there is no default to fall back on.
        rules={[
          { required: urbanRural === null && chosenOrg !== undefined, message: t('form.rateRequired') },
        ]}
      >
        <InputNumber min={0} max={100} step={1} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="baseKind" label={t('form.base')}>
        <Select
          options={(['default', 'population', 'expected', 'count'] as const).map((k) => ({
            value: k,
            label: t(`form.base${k[0]?.toUpperCase()}${k.slice(1)}` as 'form.baseDefault'),
          }))}
        />
      </Form.Item>
      {(baseKind === 'population' || baseKind === 'expected') && (
        <Form.Item name="band" label={t('form.band')} rules={[{ required: true }]}>
          <Select options={BANDS.map((b) => ({ value: b, label: t(`band.${b}`) }))} />
        </Form.Item>
      )}
      {baseKind === 'expected' && (
        <Form.Item name="parameter" label={t('form.parameter')} rules={[{ required: true }]}>
          <Select
            options={['hypertensionPrevalence', 'diabetesPrevalence', 'severeMentalPrevalence'].map((p) => ({
              value: p,
              label: p,
            }))}
          />
        </Form.Item>
      )}
      {baseKind === 'count' && (
        <Form.Item name="count" label={t('form.count')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item name="plan" label={t('form.plan')}>
        <Select options={MILESTONE_PLANS.map((p) => ({ value: p, label: t(`plan.${p}`) }))} />
      </Form.Item>
      <Form.Item
        name="curve"
        label={t('form.curve')}
        extra={t('form.curveHelp')}
        dependencies={['plan']}
        rules={[
          {
            validator: async (_rule, value: string | undefined) => {
              try {
                planBody(form.getFieldValue('plan') as MilestonePlanKind, year, value);
              } catch (error) {
                if (error instanceof CurveError)
                  throw new Error(t('curve.mismatch', { given: error.given, needed: error.needed }), {
                    cause: error,
                  });
                throw error;
              }
            },
          },
        ]}
      >
        <Input placeholder="40/30/30" />
      </Form.Item>
      <Form.Item name="person" label={t('form.person')}>
        <Input maxLength={100} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-action="save-target">
        {t('save')}
      </Button>
    </Form>
  );
}
