/**
 * The indicator catalogue (指标目录): every indicator the engine computes, declaratively.
 * An indicator is a numerator term (optionally minus another term) over a denominator
 * term, a population base (optionally times a named prevalence parameter), or nothing
 * (a count). Terms are defined in ./terms.ts; sources are the national service
 * specification (国家基本公共卫生服务规范 第三版) and the WHO HEARTS technical package.
 */
import type { IndicatorParameters } from './parameters.js';
import { VACCINES } from './vaccines.js';

/** Text in Chinese first, with English. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** A population column of org_population that can be a denominator. */
export type PopulationBase =
  'total' | 'age_0_6' | 'age_65_plus' | 'age_15_plus' | 'age_18_plus' | 'women_15_49' | 'live_births';

/** What an indicator divides by. */
export type Denominator =
  | { readonly kind: 'term'; readonly term: string }
  | {
      readonly kind: 'population';
      readonly base: PopulationBase;
      readonly factor?: keyof IndicatorParameters;
    };

/** One catalogue entry. */
export interface IndicatorDefinition {
  /** `program.metric`, stable: other modules and saved targets refer to it. */
  readonly id: string;
  readonly name: Bilingual;
  readonly unit: 'percent' | 'count';
  /** Programme or area: a `Program`, or 'records', 'vaccination', 'health_education'. */
  readonly program: string;
  /** Numerator: a term, minus another term when set. */
  readonly numerator: { readonly term: string; readonly minus?: string };
  /** Null for counts. */
  readonly denominator: Denominator | null;
  /** ytd: services from 1 January to the period end; as_of: state at the period end; window: rolling months. */
  readonly period: 'ytd' | 'as_of' | 'window';
  readonly formula: Bilingual;
  readonly source: Bilingual;
  readonly parameters: readonly (keyof IndicatorParameters)[];
}

const SPEC: Bilingual = {
  zh: '国家基本公共卫生服务规范（第三版）',
  en: 'National service specification, 3rd ed.',
};
const HEARTS: Bilingual = {
  zh: 'WHO HEARTS技术包 / Simple仪表盘',
  en: 'WHO HEARTS technical package / Simple dashboard',
};

type Def = Omit<IndicatorDefinition, 'source' | 'parameters'> & {
  source?: Bilingual;
  parameters?: readonly (keyof IndicatorParameters)[];
};

function def(d: Def): IndicatorDefinition {
  return { ...d, source: d.source ?? SPEC, parameters: d.parameters ?? [] };
}

const term = (t: string): Denominator => ({ kind: 'term', term: t });
const pop = (base: PopulationBase, factor?: keyof IndicatorParameters): Denominator =>
  factor ? { kind: 'population', base, factor } : { kind: 'population', base };

function chronic(program: 'hypertension' | 'diabetes', zh: string, en: string): IndicatorDefinition[] {
  const type = program === 'hypertension' ? '高血压随访' : '糖尿病随访';
  const typeEn = program === 'hypertension' ? 'hypertension follow-ups' : 'diabetes follow-ups';
  const control =
    program === 'hypertension'
      ? {
          zh: '最近一次随访测得血压<140/90mmHg（随访时65岁及以上<150/90mmHg；未测血压或年内未随访为未达标）',
          en: 'latest follow-up measured BP < 140/90 mmHg (< 150/90 when 65 or over at the follow-up; no BP measured, or no follow-up this year, is not controlled)',
        }
      : { zh: '最近一次随访空腹血糖<7.0mmol/L', en: 'latest follow-up fasting glucose < 7.0 mmol/L' };
  const controlParams: (keyof IndicatorParameters)[] =
    program === 'hypertension'
      ? [
          'controlledSystolicBelow',
          'controlledDiastolicBelow',
          'controlledElderlyAgeFrom',
          'controlledElderlySystolicBelow',
          'controlledElderlyDiastolicBelow',
        ]
      : ['controlledGlucoseBelow'];
  return [
    def({
      id: `${program}.managed`,
      name: { zh: `${zh}管理人数`, en: `${en} patients managed` },
      unit: 'count',
      program,
      numerator: { term: `${program}.managed` },
      denominator: null,
      period: 'as_of',
      formula: { zh: '期末在管患者数', en: 'patients with an active enrolment at the period end' },
    }),
    def({
      id: `${program}.management_rate`,
      name: { zh: `${zh}患者健康管理率`, en: `${en} management rate` },
      unit: 'percent',
      program,
      numerator: { term: `${program}.managed` },
      denominator: pop(
        'age_18_plus',
        program === 'hypertension' ? 'hypertensionPrevalence' : 'diabetesPrevalence',
      ),
      period: 'as_of',
      formula: {
        zh: `在管患者数 ÷（18岁及以上常住人口 × 患病率）`,
        en: 'managed patients ÷ (population 18+ × prevalence)',
      },
      parameters: [program === 'hypertension' ? 'hypertensionPrevalence' : 'diabetesPrevalence'],
    }),
    def({
      id: `${program}.followup2_rate`,
      name: { zh: `${zh}患者随访率`, en: `${en} follow-up rate` },
      unit: 'percent',
      program,
      numerator: { term: `${program}.followup2` },
      denominator: term(`${program}.managed`),
      period: 'ytd',
      formula: {
        zh: `年初至期末${type}≥2次的在管患者数 ÷ 在管患者数`,
        en: `managed patients with ≥2 ${typeEn} year to date ÷ managed patients`,
      },
      parameters: ['followupRateMinimum'],
    }),
    def({
      id: `${program}.effectively_managed`,
      name: { zh: `${zh}规范管理人数`, en: `${en} patients under standardised management` },
      unit: 'count',
      program,
      numerator: { term: `${program}.effective` },
      denominator: null,
      period: 'ytd',
      formula: {
        zh: `年初至期末${type}次数 ≥ ⌈4 × 已过月数 ÷ 12⌉ 的在管患者数`,
        en: `managed patients with ≥ ceil(4 × months elapsed / 12) ${typeEn} year to date`,
      },
      parameters: ['standardizedFollowupsPerYear'],
    }),
    def({
      id: `${program}.standardized_rate`,
      name: { zh: `${zh}患者规范管理率`, en: `${en} standardised management rate` },
      unit: 'percent',
      program,
      numerator: { term: `${program}.effective` },
      denominator: term(`${program}.managed`),
      period: 'ytd',
      formula: {
        zh: '规范管理人数 ÷ 在管患者数',
        en: 'patients under standardised management ÷ managed patients',
      },
      parameters: ['standardizedFollowupsPerYear'],
    }),
    def({
      id: `${program}.control_rate`,
      name: { zh: `${zh}患者控制率`, en: `${en} control rate` },
      unit: 'percent',
      program,
      numerator: { term: `${program}.controlled` },
      denominator: term(`${program}.managed`),
      period: 'ytd',
      formula: {
        zh: `年内${control.zh}的在管患者数 ÷ 在管患者数`,
        en: `managed patients whose ${control.en} (this year) ÷ managed patients`,
      },
      parameters: controlParams,
    }),
    def({
      id: `${program}.guidance_rate`,
      name: { zh: `${zh}控制不满意患者干预率`, en: `${en} guidance rate among uncontrolled` },
      unit: 'percent',
      program,
      numerator: { term: `${program}.guided` },
      denominator: term(`${program}.uncontrolled`),
      period: 'ytd',
      formula: {
        zh: '年内最近一次随访控制不满意且该次有指导/转诊的患者数 ÷ 年内最近一次随访控制不满意的患者数',
        en: 'patients whose latest follow-up this year was uncontrolled and recorded guidance/referral ÷ patients whose latest follow-up was uncontrolled',
      },
      parameters: controlParams,
    }),
  ];
}

function heartsRate(
  id: string,
  zh: string,
  en: string,
  t: string,
  fzh: string,
  fen: string,
): IndicatorDefinition {
  return def({
    id: `hypertension.${id}`,
    name: { zh, en },
    unit: 'percent',
    program: 'hypertension',
    numerator: { term: `hypertension.${t}` },
    denominator: term(
      id === 'hearts_ltfu_rate' ? 'hypertension.hearts_cohort' : 'hypertension.hearts_under_care',
    ),
    period: 'window',
    formula: { zh: fzh, en: fen },
    source: HEARTS,
    parameters: ['heartsRegisteredMonths', 'heartsVisitWindowMonths', 'heartsLostMonths'],
  });
}

const REGISTERED = {
  zh: '登记满3个月（按日历月：6月底为3月31日及以前登记）、期末在管且在世的患者',
  en: 'patients registered ≥3 calendar months before the period end (by 31 March for June), enrolled and alive',
};
const UNDER_CARE = {
  zh: '其中近12个日历月有就诊（高血压随访、糖尿病随访、老年人体检）或在此期间登记者（在治患者）',
  en: 'of those, with a visit (hypertension or diabetes follow-up, elderly check-up) or registered in the last 12 calendar months (under care)',
};

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
  ...chronic('hypertension', '高血压', 'Hypertension'),
  def({
    id: 'hypertension.hearts_cohort',
    name: { zh: 'HEARTS登记满3个月患者数', en: 'HEARTS patients registered ≥3 months' },
    unit: 'count',
    program: 'hypertension',
    numerator: { term: 'hypertension.hearts_cohort' },
    denominator: null,
    period: 'window',
    formula: REGISTERED,
    source: HEARTS,
    parameters: ['heartsRegisteredMonths'],
  }),
  def({
    id: 'hypertension.hearts_under_care',
    name: { zh: 'HEARTS在治患者数', en: 'HEARTS patients under care' },
    unit: 'count',
    program: 'hypertension',
    numerator: { term: 'hypertension.hearts_under_care' },
    denominator: null,
    period: 'window',
    formula: { zh: `${REGISTERED.zh}${UNDER_CARE.zh}`, en: `${REGISTERED.en}, ${UNDER_CARE.en}` },
    source: HEARTS,
    parameters: ['heartsRegisteredMonths', 'heartsLostMonths'],
  }),
  heartsRate(
    'hearts_controlled_rate',
    'HEARTS血压控制率',
    'HEARTS BP controlled',
    'hearts_controlled',
    '近3个日历月内最近一次血压（任一就诊）<140/90的在治患者 ÷ 在治患者',
    'under-care patients whose latest BP (any visit) in the last 3 calendar months was < 140/90 ÷ under-care patients',
  ),
  heartsRate(
    'hearts_uncontrolled_rate',
    'HEARTS血压未控制率',
    'HEARTS BP not controlled',
    'hearts_uncontrolled',
    '近3个日历月内最近一次血压（任一就诊）≥140/90的在治患者 ÷ 在治患者',
    'under-care patients whose latest BP (any visit) in the last 3 calendar months was ≥ 140/90 ÷ under-care patients',
  ),
  heartsRate(
    'hearts_visit_no_bp_rate',
    'HEARTS就诊未测血压率',
    'HEARTS visit but no BP taken',
    'hearts_no_bp',
    '近3个日历月有就诊（含电话随访）但无血压记录的在治患者 ÷ 在治患者',
    'under-care patients with a visit (phone follow-ups included) but no BP in the last 3 calendar months ÷ under-care patients',
  ),
  heartsRate(
    'hearts_missed_visit_rate',
    'HEARTS漏诊率',
    'HEARTS missed visits',
    'hearts_missed',
    '近3个日历月无就诊的在治患者 ÷ 在治患者',
    'under-care patients with no visit in the last 3 calendar months ÷ under-care patients',
  ),
  heartsRate(
    'hearts_ltfu_rate',
    'HEARTS失访率',
    'HEARTS lost to follow-up',
    'hearts_ltfu',
    '近12个日历月既无就诊也非新登记的患者 ÷ 登记满3个月患者',
    'patients with neither a visit nor their registration in the last 12 calendar months ÷ patients registered ≥3 months',
  ),
  ...chronic('diabetes', '糖尿病', 'Diabetes'),
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
  ...VACCINES.map((v) =>
    def({
      id: `vaccination.${v.id}_coverage`,
      name: { zh: `${v.name.zh}接种率`, en: `${v.name.en} vaccination coverage` },
      unit: 'percent',
      program: 'vaccination',
      numerator: { term: `vaccination.${v.id}` },
      denominator: term('child.managed'),
      period: 'as_of',
      formula: {
        zh: `期末前接种过${v.name.zh}的在管儿童数 ÷ 在管儿童数`,
        en: `managed children vaccinated with ${v.name.en} by the period end ÷ managed children`,
      },
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
    name: { zh: '肺结核患者管理率', en: 'TB patient management (follow-up) rate' },
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
];

/** The catalogue entry of an id, or undefined. */
export function findIndicator(id: string): IndicatorDefinition | undefined {
  return INDICATORS.find((i) => i.id === id);
}

/** Terms an indicator reads (numerator, subtracted term, denominator term). */
export function termsOf(indicator: IndicatorDefinition): string[] {
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
  const numerator =
    term(indicator.numerator.term) - (indicator.numerator.minus ? term(indicator.numerator.minus) : 0);
  const d = indicator.denominator;
  if (!d) return { numerator, denominator: null, value: numerator };
  let denominator: number;
  if (d.kind === 'term') denominator = term(d.term);
  else {
    const base = population(d.base);
    // Expected patients stay unrounded so a parent's denominator is exactly the sum of its children's.
    denominator = d.factor ? base * parameters[d.factor] : base;
  }
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}
