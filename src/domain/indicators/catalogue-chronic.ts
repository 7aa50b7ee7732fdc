/**
 * The catalogue entries of the chronic-disease programmes (hypertension, type 2 diabetes:
 * national specification) and of the WHO HEARTS hypertension set, listed by ./catalogue.ts.
 * The rules are in ./term-families/chronic.ts and ./term-families/hearts.ts; the two
 * hypertension definitions are compared in docs/indicators.md (./hypertension-doc.ts).
 */
import { def, HEARTS, pop, term, type IndicatorDefinition } from './catalogue-definition.js';
import type { IndicatorParameters } from './parameters.js';

/** The national indicators of a chronic-disease programme. */
export function chronicIndicators(
  program: 'hypertension' | 'diabetes',
  zh: string,
  en: string,
): IndicatorDefinition[] {
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

/** The WHO HEARTS hypertension indicators. */
export const HEARTS_INDICATORS: readonly IndicatorDefinition[] = [
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
];
