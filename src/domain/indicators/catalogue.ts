/**
 * The indicator catalogue (指标目录): every indicator the engine computes, declaratively.
 * An indicator is a numerator term (optionally minus another term) over a denominator
 * term, a population base (optionally times a named prevalence parameter), or nothing
 * (a count). Terms are defined in ./terms.ts; sources are the national service
 * specification (国家基本公共卫生服务规范 第三版) and the WHO HEARTS technical package.
 */
import { chronicIndicators, HEARTS_INDICATORS } from './catalogue-chronic.js';
import { CONTRACT_CATALOGUE } from './catalogue-contracts.js';
import { REPORTED_INDICATORS } from './catalogue-reported.js';
import {
  def,
  pop,
  term,
  type Bilingual,
  type IndicatorDefinition,
  type PopulationBase,
} from './catalogue-definition.js';
import type { IndicatorParameters } from './parameters.js';
import { vaccineDoseAges, VACCINES, type Vaccine } from './vaccines.js';
import { roundProductHalfUp } from '../targets/rounding.js';

export type {
  Bilingual,
  Denominator,
  IndicatorDefinition,
  PopulationBase,
  ReportedSpec,
} from './catalogue-definition.js';

/** Every indicator, in display order. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  def({
    id: 'records.total',
    name: { zh: '建档人数', en: 'Health records' },
    unit: 'count',
    program: 'records',
    numerator: { term: 'records.total' },
    denominator: null,
    period: 'as_of',
    formula: {
      zh: '期末前建档、在世且未迁出的居民数',
      en: 'records created by the period end, alive and not moved out',
    },
  }),
  def({
    id: 'records.duplicates',
    name: { zh: '重复档案数', en: 'Duplicate records' },
    unit: 'count',
    program: 'records',
    numerator: { term: 'records.duplicate' },
    denominator: null,
    period: 'as_of',
    formula: {
      zh: '身份证号（去空格、大写）与本集合中编号更小的档案相同的档案数',
      en: 'records whose normalised ID number is shared with a record of the set with a smaller id',
    },
  }),
  def({
    id: 'records.effective',
    name: { zh: '有效档案数', en: 'Effective records' },
    unit: 'count',
    program: 'records',
    numerator: { term: 'records.total', minus: 'records.duplicate' },
    denominator: null,
    period: 'as_of',
    formula: { zh: '建档人数 − 重复档案数', en: 'records − duplicates' },
  }),
  def({
    id: 'records.coverage',
    name: { zh: '健康档案建档率', en: 'Health record coverage' },
    unit: 'percent',
    program: 'records',
    numerator: { term: 'records.total' },
    denominator: pop('total'),
    period: 'as_of',
    formula: { zh: '建档人数 ÷ 常住人口数', en: 'records ÷ resident population' },
  }),
  def({
    id: 'records.effective_rate',
    name: { zh: '有效建档率', en: 'Effective record coverage' },
    unit: 'percent',
    program: 'records',
    numerator: { term: 'records.total', minus: 'records.duplicate' },
    denominator: pop('total'),
    period: 'as_of',
    formula: { zh: '有效档案数 ÷ 常住人口数', en: 'effective records ÷ resident population' },
  }),
  def({
    id: 'records.electronic_coverage',
    name: { zh: '电子健康档案建档率', en: 'Electronic record coverage' },
    unit: 'percent',
    program: 'records',
    numerator: { term: 'records.electronic' },
    denominator: pop('total'),
    period: 'as_of',
    formula: { zh: '电子档案人数 ÷ 常住人口数', en: 'electronic records ÷ resident population' },
  }),
  def({
    id: 'records.use_rate',
    name: { zh: '健康档案使用率', en: 'Record use rate' },
    unit: 'percent',
    program: 'records',
    numerator: { term: 'records.used' },
    denominator: term('records.total'),
    period: 'window',
    formula: {
      zh: '近12个月内有服务记录的档案数 ÷ 建档人数',
      en: 'records with a service in the last 12 months ÷ records',
    },
    parameters: ['recordUseMonths'],
  }),
  def({
    id: 'elderly.managed',
    name: { zh: '老年人管理人数', en: 'Elderly managed' },
    unit: 'count',
    program: 'elderly',
    numerator: { term: 'elderly.managed' },
    denominator: null,
    period: 'as_of',
    formula: { zh: '期末在管65岁及以上老年人数', en: 'elderly with an active enrolment at the period end' },
  }),
  def({
    id: 'elderly.checked_up',
    name: { zh: '老年人体检人数', en: 'Elderly checked up' },
    unit: 'count',
    program: 'elderly',
    numerator: { term: 'elderly.checked_up' },
    denominator: null,
    period: 'ytd',
    formula: { zh: '年初至期末有体检的在管老年人数', en: 'managed elderly with a check-up year to date' },
  }),
  def({
    id: 'elderly.checkup_rate',
    name: { zh: '老年人体检率', en: 'Elderly check-up rate' },
    unit: 'percent',
    program: 'elderly',
    numerator: { term: 'elderly.checked_up' },
    denominator: term('elderly.managed'),
    period: 'ytd',
    formula: { zh: '体检人数 ÷ 在管老年人数', en: 'checked up ÷ managed elderly' },
  }),
  def({
    id: 'elderly.management_rate',
    name: { zh: '老年人健康管理率', en: 'Elderly health management rate' },
    unit: 'percent',
    program: 'elderly',
    numerator: { term: 'elderly.managed' },
    denominator: pop('age_65_plus'),
    period: 'as_of',
    formula: { zh: '在管老年人数 ÷ 65岁及以上常住人口数', en: 'managed elderly ÷ population 65+' },
  }),
  def({
    id: 'elderly.tcm_management_rate',
    name: { zh: '老年人中医药健康管理率', en: 'Elderly TCM health management rate' },
    unit: 'percent',
    program: 'elderly',
    numerator: { term: 'elderly.tcm' },
    denominator: term('elderly.managed'),
    period: 'ytd',
    formula: {
      zh: '年初至期末接受中医药健康管理服务（中医体质辨识和中医药保健指导）的在管65岁及以上老年人数 ÷ 期末在管65岁及以上老年人数',
      en: 'managed elderly (65+) given TCM health management (constitution identification and guidance) year to date ÷ managed elderly at the period end',
    },
  }),
  ...chronicIndicators('hypertension', '高血压', 'Hypertension'),
  ...HEARTS_INDICATORS,
  ...chronicIndicators('diabetes', '糖尿病', 'Diabetes'),
  def({
    id: 'maternal.managed',
    name: { zh: '孕产妇管理人数', en: 'Pregnant women managed' },
    unit: 'count',
    program: 'maternal',
    numerator: { term: 'maternal.managed' },
    denominator: null,
    period: 'ytd',
    formula: {
      zh: '年初至期末任一时点在管的孕产妇数',
      en: 'maternal enrolments active at any time from 1 January to the period end',
    },
  }),
  def({
    id: 'maternal.early_registration_rate',
    name: { zh: '早孕建册率', en: 'Early pregnancy registration rate' },
    unit: 'percent',
    program: 'maternal',
    numerator: { term: 'maternal.early_registered' },
    denominator: term('maternal.managed'),
    period: 'ytd',
    formula: {
      zh: '孕13周前建册的孕产妇数 ÷ 在管孕产妇数',
      en: 'registered before 13 weeks ÷ managed pregnant women',
    },
    parameters: ['earlyPregnancyWeeksBelow'],
  }),
  def({
    id: 'maternal.postpartum_visit_rate',
    name: { zh: '产后访视率', en: 'Postpartum visit rate' },
    unit: 'percent',
    program: 'maternal',
    numerator: { term: 'maternal.postpartum_visited' },
    denominator: term('maternal.managed'),
    period: 'ytd',
    formula: {
      zh: '有产后访视的孕产妇数 ÷ 在管孕产妇数',
      en: 'with a postpartum visit ÷ managed pregnant women',
    },
  }),
  def({
    id: 'maternal.postpartum_42d_rate',
    name: { zh: '产后42天健康检查率', en: '42-day postpartum check rate' },
    unit: 'percent',
    program: 'maternal',
    numerator: { term: 'maternal.closed_42d' },
    denominator: term('maternal.managed'),
    period: 'ytd',
    formula: {
      zh: '年初至期末有产后42天检查的孕产妇数 ÷ 在管孕产妇数',
      en: 'with a 42-day check year to date ÷ managed pregnant women',
    },
  }),
  def({
    id: 'maternal.effectively_managed',
    name: { zh: '孕产妇规范管理人数', en: 'Pregnant women fully served' },
    unit: 'count',
    program: 'maternal',
    numerator: { term: 'maternal.effective' },
    denominator: null,
    period: 'ytd',
    formula: {
      zh: '有早孕建册且有产后访视的孕产妇数',
      en: 'with a prenatal registration and a postpartum visit',
    },
  }),
  def({
    id: 'maternal.service_rate',
    name: { zh: '孕产妇健康管理率', en: 'Maternal health management rate' },
    unit: 'percent',
    program: 'maternal',
    numerator: { term: 'maternal.effective' },
    denominator: term('maternal.managed'),
    period: 'ytd',
    formula: { zh: '规范管理人数 ÷ 在管孕产妇数', en: 'fully served ÷ managed pregnant women' },
  }),
  def({
    id: 'child.managed',
    name: { zh: '0-6岁儿童管理人数', en: 'Children managed' },
    unit: 'count',
    program: 'child',
    numerator: { term: 'child.managed' },
    denominator: null,
    period: 'as_of',
    formula: { zh: '期末在管0-6岁儿童数', en: 'children with an active enrolment at the period end' },
  }),
  def({
    id: 'child.followup_rate',
    name: { zh: '儿童随访率', en: 'Child follow-up rate' },
    unit: 'percent',
    program: 'child',
    numerator: { term: 'child.followed' },
    denominator: term('child.managed'),
    period: 'ytd',
    formula: {
      zh: '年初至期末有儿童健康检查或新生儿访视的在管儿童数 ÷ 在管儿童数',
      en: 'managed children with a child or newborn visit year to date ÷ managed children',
    },
  }),
  def({
    id: 'child.newborn_visit_rate',
    name: { zh: '新生儿访视率', en: 'Newborn visit rate' },
    unit: 'percent',
    program: 'child',
    numerator: { term: 'child.newborn_visited' },
    denominator: term('child.newborn'),
    period: 'ytd',
    formula: {
      zh: '年内出生且有新生儿访视的在管儿童数 ÷ 年内出生的在管儿童数',
      en: 'managed children born this year with a newborn visit ÷ managed children born this year',
    },
  }),
  def({
    id: 'child.health_management_rate',
    name: { zh: '0-6岁儿童健康管理率', en: 'Child (0–6) health management rate' },
    unit: 'percent',
    program: 'child',
    numerator: { term: 'child.checked' },
    denominator: pop('age_0_6'),
    period: 'ytd',
    formula: {
      zh: '年初至期末接受1次及以上健康检查的儿童数 ÷ 0-6岁常住儿童数',
      en: 'children with ≥1 child visit year to date ÷ population aged 0–6',
    },
  }),
  def({
    id: 'child.systematic_management_rate',
    name: { zh: '0-3岁儿童系统管理率', en: 'Child (0–3) systematic management rate' },
    unit: 'percent',
    program: 'child',
    numerator: { term: 'child.systematic' },
    denominator: term('child.under3'),
    period: 'ytd',
    formula: {
      zh: '3岁以下在管儿童中年内健康检查次数 ≥ ⌈2 × 已过月数 ÷ 12⌉ 者 ÷ 3岁以下在管儿童数',
      en: 'managed children under 3 with ≥ ceil(2 × months elapsed / 12) child visits year to date ÷ managed children under 3',
    },
    parameters: ['childSystematicAgeMonths', 'childSystematicVisitsPerYear'],
  }),
  def({
    id: 'child.tcm_management_rate',
    name: { zh: '儿童中医药健康管理率', en: 'Child TCM health management rate' },
    unit: 'percent',
    program: 'child',
    numerator: { term: 'child.tcm' },
    denominator: term('child.tcm_cohort'),
    period: 'ytd',
    formula: {
      zh: '年初至期末按月龄（6、12、18、24、30、36月龄）接受中医药健康管理服务的0～36月龄在管儿童数 ÷ 期末0～36月龄（未满37月龄）在管儿童数',
      en: 'managed children aged 0–36 months given TCM health management at a scheduled age (6, 12, 18, 24, 30, 36 months) year to date ÷ managed children aged 0–36 months (under 37 months) at the period end',
    },
  }),
  ...VACCINES.map((v) =>
    def({
      id: `vaccination.${v.id}_coverage`,
      name: { zh: `${v.name.zh}接种率`, en: `${v.name.en} vaccination coverage` },
      unit: 'percent',
      program: 'vaccination',
      numerator: { term: `vaccination.${v.id}` },
      denominator: term(`vaccination.${v.id}_due`),
      period: 'as_of',
      formula: vaccinationFormula(v),
    }),
  ),
  def({
    id: 'tuberculosis.managed',
    name: { zh: '肺结核患者管理人数', en: 'TB patients managed' },
    unit: 'count',
    program: 'tuberculosis',
    numerator: { term: 'tuberculosis.managed' },
    denominator: null,
    period: 'as_of',
    formula: { zh: '期末在管肺结核患者数', en: 'TB patients with an active enrolment at the period end' },
  }),
  def({
    id: 'tuberculosis.followup_rate',
    name: { zh: '肺结核患者随访率', en: 'TB patient follow-up rate' },
    unit: 'percent',
    program: 'tuberculosis',
    numerator: { term: 'tuberculosis.followed' },
    denominator: term('tuberculosis.managed'),
    period: 'ytd',
    formula: {
      zh: '年初至期末有随访的在管患者数 ÷ 在管患者数',
      en: 'managed patients with a follow-up year to date ÷ managed patients',
    },
  }),
  def({
    id: 'tuberculosis.regular_medication_rate',
    name: { zh: '肺结核患者规则服药率', en: 'TB regular medication rate' },
    unit: 'percent',
    program: 'tuberculosis',
    numerator: { term: 'tuberculosis.regular' },
    denominator: term('tuberculosis.managed'),
    period: 'ytd',
    formula: {
      zh: '年内最近一次随访规则服药的在管患者数 ÷ 在管患者数',
      en: 'managed patients taking medication regularly at the latest follow-up this year ÷ managed patients',
    },
  }),
  def({
    id: 'severe_mental.managed',
    name: { zh: '严重精神障碍患者管理人数', en: 'Severe mental disorder patients managed' },
    unit: 'count',
    program: 'severe_mental',
    numerator: { term: 'severe_mental.managed' },
    denominator: null,
    period: 'as_of',
    formula: { zh: '期末在管患者数', en: 'patients with an active enrolment at the period end' },
  }),
  def({
    id: 'severe_mental.management_rate',
    name: { zh: '严重精神障碍患者管理率', en: 'Severe mental disorder management rate' },
    unit: 'percent',
    program: 'severe_mental',
    numerator: { term: 'severe_mental.managed' },
    denominator: pop('total', 'severeMentalPrevalence'),
    period: 'as_of',
    formula: { zh: '在管患者数 ÷（常住人口 × 患病率）', en: 'managed patients ÷ (population × prevalence)' },
    parameters: ['severeMentalPrevalence'],
  }),
  def({
    id: 'severe_mental.followup_rate',
    name: { zh: '严重精神障碍患者随访率', en: 'Severe mental disorder follow-up rate' },
    unit: 'percent',
    program: 'severe_mental',
    numerator: { term: 'severe_mental.followed' },
    denominator: term('severe_mental.managed'),
    period: 'ytd',
    formula: {
      zh: '年初至期末有随访的在管患者数 ÷ 在管患者数',
      en: 'managed patients with a follow-up year to date ÷ managed patients',
    },
  }),
  def({
    id: 'severe_mental.standardized_rate',
    name: { zh: '严重精神障碍患者规范管理率', en: 'Severe mental disorder standardised management rate' },
    unit: 'percent',
    program: 'severe_mental',
    numerator: { term: 'severe_mental.effective' },
    denominator: term('severe_mental.managed'),
    period: 'ytd',
    formula: {
      zh: '年初至期末随访次数 ≥ ⌈4 × 已过月数 ÷ 12⌉ 的在管患者数 ÷ 在管患者数',
      en: 'managed patients with ≥ ceil(4 × months elapsed / 12) follow-ups year to date ÷ managed patients',
    },
    parameters: ['standardizedFollowupsPerYear'],
  }),
  ...(
    [
      [
        'activities',
        '健康教育活动次数',
        'Health-education activities',
        '各类健康教育活动',
        'activities of every kind',
      ],
      ['lectures', '健康知识讲座次数', 'Health lectures', '健康知识讲座', 'lectures'],
      [
        'consultations',
        '公众健康咨询次数',
        'Public health consultations',
        '公众健康咨询活动',
        'consultations',
      ],
      ['boards', '宣传栏更换次数', 'Bulletin-board updates', '宣传栏更换', 'bulletin-board updates'],
      [
        'materials',
        '健康教育资料发放次数',
        'Education materials distributed',
        '资料发放',
        'material distributions',
      ],
    ] as const
  ).map(([metric, zh, en, fzh, fen]) =>
    def({
      id: `health_education.${metric}`,
      name: { zh, en },
      unit: 'count',
      program: 'health_education',
      numerator: {
        term: `health_education.${metric === 'activities' ? 'activities' : { lectures: 'lecture', consultations: 'consultation', boards: 'board', materials: 'materials' }[metric]}`,
      },
      denominator: null,
      period: 'ytd',
      formula: { zh: `年初至期末${fzh}次数`, en: `${fen} from 1 January to the period end` },
    }),
  ),
  def({
    id: 'health_education.participants',
    name: { zh: '健康教育参与人次', en: 'Health-education participants' },
    unit: 'count',
    program: 'health_education',
    numerator: { term: 'health_education.participants' },
    denominator: null,
    period: 'ytd',
    formula: {
      zh: '年初至期末各类活动参与人次之和',
      en: 'participants of all activities from 1 January to the period end',
    },
  }),
  // Family-doctor contracts (issue 15, ADR 0018): a block of their own.
  ...CONTRACT_CATALOGUE,
  ...REPORTED_INDICATORS,
];

/**
 * The words of a vaccine's coverage: the denominator is the cohort due the vaccine (reached
 * the age of its first dose under the national schedule by the period end, not yet 7), the
 * numerator those of it with every dose of their age (src/domain/indicators/vaccines.ts).
 */
function vaccinationFormula(v: Vaccine): Bilingual {
  const ages = vaccineDoseAges(v.id);
  const zhAges = ages.map((a) => (a === 0 ? '出生' : a % 12 === 0 ? `${a / 12}岁` : `${a}月龄`)).join('、');
  const enAges = ages
    .map((a) => (a === 0 ? 'birth' : a % 12 === 0 ? `${a / 12} years` : `${a} month${a === 1 ? '' : 's'}`))
    .join(', ');
  return {
    zh: `已接种按月龄应种的全部${v.name.zh}剂次的儿童数 ÷ 应种儿童数（期末已满第1剂接种月龄、未满7周岁的在管儿童；免疫程序：${zhAges}）`,
    en: `children with every ${v.name.en} dose due at their age ÷ children due (managed children who reached the age of the first dose by the period end and are not yet 7; schedule: ${enAges})`,
  };
}

/** The catalogue entry of an id, or undefined. */
export function findIndicator(id: string): IndicatorDefinition | undefined {
  return INDICATORS.find((i) => i.id === id);
}

/** Terms an indicator reads (numerator, subtracted term, denominator term); none for a reported one. */
export function termsOf(indicator: IndicatorDefinition): string[] {
  if (indicator.reported) return [];
  const out = [indicator.numerator.term];
  if (indicator.numerator.minus) out.push(indicator.numerator.minus);
  if (indicator.denominator?.kind === 'term') out.push(indicator.denominator.term);
  return out;
}

/**
 * Numerator, denominator and value of one indicator from summed terms and population.
 * Value: a fraction for percentages, the count for counts, null when the denominator is 0.
 *
 * @example indicatorValue(def, (t) => ({ 'hypertension.managed': 10, 'hypertension.followup2': 7 })[t] ?? 0, () => 0, p)
 *   // { numerator: 7, denominator: 10, value: 0.7 }
 */
export function indicatorValue(
  indicator: IndicatorDefinition,
  term: (id: string) => number,
  population: (base: PopulationBase) => number,
  parameters: IndicatorParameters,
): { numerator: number; denominator: number | null; value: number | null } {
  // A reported indicator is never computed: its cells are filled from the reports (see
  // src/modules/reported/reported-overlay.ts); without a report it has no value.
  if (indicator.reported)
    return { numerator: 0, denominator: indicator.denominator === null ? null : 0, value: null };
  const numerator =
    term(indicator.numerator.term) - (indicator.numerator.minus ? term(indicator.numerator.minus) : 0);
  const d = indicator.denominator;
  if (!d) return { numerator, denominator: null, value: numerator };
  let denominator: number;
  if (d.kind === 'term') denominator = term(d.term);
  else {
    const base = population(d.base);
    // Expected patients are whole persons, rounded half up from each unit's own population
    // (as a bureau computes them); a parent's may differ from the sum of its children's.
    denominator = d.factor ? roundProductHalfUp(base, parameters[d.factor]) : base;
  }
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}
