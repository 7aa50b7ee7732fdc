/**
 * Plausible ranges (合理区间) of the catalogue's indicators for a city or a county: a value
 * outside its range is no fine result but a sign of a wrong denominator, a wrong generator or
 * a data error (issue 13 point 3: no impossible value printed as if it were fine).
 *
 * The bounds come from the national service specification (国家基本公共卫生服务规范 第三版)
 * and the assessment targets of the programme (建档率 ≥ 80 %, 接种率 ≥ 90 %, 规范管理率 ≥ 60 %,
 * 签约率 of key populations ≥ 60 % …), widened to what real cities print: the Pingliang
 * bulletin on 2020Q2 (平卫函发〔2020〕367号) shows follow-up rates as low as 22.77 % (肺结核,
 * 静宁) and 43.6 % (产后42天, 庄浪), so a minimum is the lowest figure a lagging county may
 * plausibly report, not the target. A rate above 100 % is never plausible.
 *
 * A year-to-date figure of people served builds up through the year (a follow-up rate is
 * near 0 in January): its minimum is judged from the half year on (`accumulates`), its
 * maximum always. Counts are judged ≥ 0 and whole.
 */

/** The plausible range of one indicator: fractions for percentages, numbers for counts. */
export interface PlausibleRange {
  readonly min: number;
  /** Null: no upper bound (counts). */
  readonly max: number | null;
  /** A year-to-date figure that builds up: `min` applies only from six months elapsed on. */
  readonly accumulates?: boolean;
  /** Why these bounds (the target or the real figure they rest on). */
  readonly basis: string;
}

/** Months elapsed from which the minimum of an accumulating figure is judged. */
export const ACCUMULATES_FROM_MONTHS = 6;

const COUNT: PlausibleRange = { min: 0, max: null, basis: 'a count: whole and never negative' };

const rate = (min: number, max: number, basis: string): PlausibleRange => ({ min, max, basis });
const ytdRate = (min: number, max: number, basis: string): PlausibleRange => ({
  min,
  max,
  accumulates: true,
  basis,
});

const RECORDS = 'target 建档率 ≥ 80 % (half year ≥ 50 %); bulletin 82.07 % (华亭) to 92.73 % (province)';
const VACCINE = 'target 适龄儿童国家免疫规划疫苗接种率 ≥ 90 %; a county under 80 % is no routine figure';
const KEY_CONTRACT = 'target 重点人群签约率 ≥ 60 %; a group below 20 % is none the programme reports';

/**
 * Every indicator of the catalogue with its range, each listed once (the compiler rejects a
 * repeated key; plausible-ranges.test.ts checks that the keys are exactly the catalogue's ids).
 */
export const PLAUSIBLE_RANGES: Readonly<Record<string, PlausibleRange>> = {
  'records.total': COUNT,
  'records.duplicates': COUNT,
  'records.effective': COUNT,
  'records.coverage': rate(0.6, 1, RECORDS),
  'records.effective_rate': rate(0.6, 1, RECORDS),
  'records.electronic_coverage': rate(0.6, 1, RECORDS),
  'records.use_rate': rate(
    0.2,
    1,
    'records served within 12 months: at least the key populations (elderly, chronic, maternal, children) are',
  ),
  'elderly.managed': COUNT,
  'elderly.checked_up': COUNT,
  'elderly.checkup_rate': ytdRate(
    0.3,
    1,
    'bulletin 2020Q2: 39.98 % (崇信) to 49.05 % (city) at the half year',
  ),
  'elderly.management_rate': rate(
    0.2,
    1,
    'target 老年人健康管理率 ≥ 67 %; bulletin 242,600 of about 270,000 aged 65+',
  ),
  'elderly.tcm_management_rate': ytdRate(0.2, 1, 'target 老年人中医药健康管理率 ≥ 65 %'),
  'hypertension.managed': COUNT,
  'hypertension.management_rate': rate(
    0.2,
    1,
    'managed ÷ expected patients (27 % of adults): bulletin 171,200 ≈ 40 %; never above all expected',
  ),
  'hypertension.followup2_rate': ytdRate(0.5, 1, 'bulletin 2020Q2: 94.06 % (city)'),
  'hypertension.effectively_managed': COUNT,
  'hypertension.standardized_rate': ytdRate(0.4, 1, 'target 高血压患者规范管理率 ≥ 60 %'),
  'hypertension.control_rate': rate(
    0.3,
    0.9,
    'target 血压控制率 ≥ 40 %; above 90 % of all managed is not seen',
  ),
  'hypertension.guidance_rate': rate(0.5, 1, 'bulletin 2020Q2: 95.46 % (city)'),
  'hypertension.hearts_cohort': COUNT,
  'hypertension.hearts_under_care': COUNT,
  'hypertension.hearts_controlled_rate': rate(0.1, 0.9, 'HEARTS programmes report 10–80 % controlled'),
  'hypertension.hearts_uncontrolled_rate': rate(0.05, 0.9, 'HEARTS: the complement of controlled and missed'),
  'hypertension.hearts_visit_no_bp_rate': rate(0, 0.5, 'HEARTS: most visits record a BP'),
  'hypertension.hearts_missed_visit_rate': rate(0, 0.8, 'HEARTS: quarterly follow-up reaches most patients'),
  'hypertension.hearts_ltfu_rate': rate(0, 0.6, 'HEARTS: yearly contact reaches most patients'),
  'diabetes.managed': COUNT,
  'diabetes.management_rate': rate(
    0.1,
    1,
    'managed ÷ expected patients (10 % of adults): bulletin 24,300 ≈ 15 %; never above all expected',
  ),
  'diabetes.followup2_rate': ytdRate(0.5, 1, 'bulletin 2020Q2: 95.26 % (city)'),
  'diabetes.effectively_managed': COUNT,
  'diabetes.standardized_rate': ytdRate(0.4, 1, 'target 糖尿病患者规范管理率 ≥ 60 %'),
  'diabetes.control_rate': rate(0.3, 0.9, 'target 血糖控制率 ≥ 40 %; above 90 % of all managed is not seen'),
  'diabetes.guidance_rate': rate(0.5, 1, 'bulletin 2020Q2: 91.84 % (city)'),
  'maternal.managed': COUNT,
  'maternal.early_registration_rate': rate(0.3, 1, 'target 早孕建册率 ≥ 85 %'),
  'maternal.postpartum_visit_rate': ytdRate(0.3, 1, 'target 产后访视率 ≥ 85 %; bulletin service rate 56.4 %'),
  'maternal.postpartum_42d_rate': ytdRate(0.3, 1, 'bulletin 2020Q2: 43.6 % (庄浪) to 46.52 % (city)'),
  'maternal.effectively_managed': COUNT,
  'maternal.service_rate': ytdRate(0.3, 1, 'bulletin 2020Q2: 56.4 % (city)'),
  'child.managed': COUNT,
  'child.followup_rate': ytdRate(0.4, 1, 'bulletin 2020Q2: 57.69 % (泾川) to 64.66 % (city)'),
  'child.newborn_visit_rate': rate(0.3, 1, 'target 新生儿访视率 ≥ 90 %'),
  'child.health_management_rate': ytdRate(0.3, 1, 'target 儿童健康管理率 ≥ 85 % over the year'),
  'child.systematic_management_rate': ytdRate(0.3, 1, 'target 3岁以下儿童系统管理率 ≥ 85 % over the year'),
  'child.tcm_management_rate': ytdRate(0.2, 1, 'target 儿童中医药健康管理率 ≥ 65 %'),
  'vaccination.bcg_coverage': rate(0.8, 1, VACCINE),
  'vaccination.hepb_coverage': rate(0.8, 1, VACCINE),
  'vaccination.polio_coverage': rate(0.8, 1, VACCINE),
  'vaccination.dtap_coverage': rate(0.8, 1, VACCINE),
  'vaccination.mmr_coverage': rate(0.8, 1, VACCINE),
  'vaccination.je_coverage': rate(0.8, 1, VACCINE),
  'vaccination.mening_coverage': rate(0.8, 1, VACCINE),
  'vaccination.hepa_coverage': rate(0.8, 1, VACCINE),
  'tuberculosis.managed': COUNT,
  'tuberculosis.followup_rate': ytdRate(0.2, 1, 'bulletin 2020Q2: 22.77 % (静宁) to 84.48 % (灵台)'),
  'tuberculosis.regular_medication_rate': ytdRate(
    0.15,
    1,
    'target 规则服药率 ≥ 90 %, but never above the follow-up rate (22.77 % in 静宁)',
  ),
  'severe_mental.managed': COUNT,
  'severe_mental.management_rate': rate(
    0.2,
    1,
    'managed ÷ expected patients (4.5 ‰): bulletin 8,852 ≈ 93 %; never above all expected',
  ),
  'severe_mental.followup_rate': ytdRate(0.5, 1, 'bulletin 2020Q2: 68.3 % (庄浪) to 88.5 % (city)'),
  'severe_mental.standardized_rate': ytdRate(0.2, 1, 'target 严重精神障碍患者规范管理率 ≥ 80 %'),
  'health_education.activities': COUNT,
  'health_education.lectures': COUNT,
  'health_education.consultations': COUNT,
  'health_education.boards': COUNT,
  'health_education.materials': COUNT,
  'health_education.participants': COUNT,
  'contracts.contract_rate': rate(0.1, 0.8, 'target 家庭医生签约率 ≥ 30–35 % of residents (2020)'),
  'contracts.contract_rate_key': rate(0.3, 1, KEY_CONTRACT),
  'contracts.contract_rate_key_elderly': rate(0.2, 1, KEY_CONTRACT),
  'contracts.contract_rate_key_hypertension': rate(0.2, 1, KEY_CONTRACT),
  'contracts.contract_rate_key_diabetes': rate(0.2, 1, KEY_CONTRACT),
  'contracts.contract_rate_key_maternal': rate(0.1, 1, 'pregnancies are short: fewer sign than other groups'),
  'contracts.contract_rate_key_child': rate(0.2, 1, KEY_CONTRACT),
  'contracts.contract_rate_key_severe_mental': rate(0.2, 1, KEY_CONTRACT),
  'contracts.contract_rate_key_tuberculosis': rate(
    0.1,
    1,
    'treatment is short: fewer sign than other groups',
  ),
  'contracts.contract_rate_key_disabled': rate(0.2, 1, KEY_CONTRACT),
  'contracts.renewal_rate': rate(0.5, 1, 'target 续约率: most contracts that end are renewed'),
  'contracts.fulfilment_rate': ytdRate(
    0.1,
    1,
    'a package is delivered over the year; some of it by the half year',
  ),
  'infectious_disease.report_rate': rate(0.9, 1, 'target 传染病疫情报告率 100 %, at least 95 %'),
  'infectious_disease.timely_report_rate': rate(0.9, 1, 'target 传染病疫情报告及时率 100 %, at least 95 %'),
  'infectious_disease.emergency_report_rate': rate(0.8, 1, 'target 突发公共卫生事件相关信息报告率 100 %'),
  'health_supervision.report_rate': rate(0.8, 1, 'target 卫生监督协管信息报告率 ≥ 95 %'),
  'health_supervision.inspections': COUNT,
  'health_literacy.level': rate(0.1, 0.5, 'national 居民健康素养水平 23.15 % (2020), lower in the west'),
  'health_literacy.knowledge_awareness': rate(
    0.3,
    0.95,
    'basic knowledge is known by more than have literacy',
  ),
};

/** A value to judge: an indicator of the catalogue and its figure (null: no figure, not judged). */
export interface JudgedValue {
  readonly indicator: string;
  readonly value: number | null;
  /** The rate's denominator, when known: a bound is judged only over enough people (see `judgeIndicators`). */
  readonly denominator?: number | null;
}

/** A value outside its plausible range, with the reason. */
export interface ImplausibleValue {
  readonly indicator: string;
  readonly value: number;
  /** Null for an indicator the catalogue does not have. */
  readonly range: PlausibleRange | null;
  readonly reason: string;
}

/** How to judge: the months of the year elapsed at the period end (default: the half year). */
export interface JudgeOptions {
  readonly monthsElapsed?: number;
}

/** A figure as printed: a count as it is, a fraction as a percentage with two decimals. */
function shown(range: PlausibleRange, x: number): string {
  return range.max === null ? String(x) : `${Math.round(x * 10_000) / 100} %`;
}

/**
 * The values outside their plausible range, each with why, in the order given. An indicator
 * without a range (not of the catalogue) is reported as such; a null value has no figure and
 * is not judged; an accumulating minimum is judged only from six months elapsed on. A rate's
 * minimum (or a maximum under 100 %) is judged only when its denominator, if given, holds at
 * least one person at that bound: 0 of 3 tuberculosis patients under contract is no sign of
 * anything, 0 of 30 is. A rate above 100 % is judged whatever its denominator.
 *
 * @example judgeIndicators([{ indicator: 'severe_mental.management_rate', value: 3.33 }])
 * // → [{ indicator: 'severe_mental.management_rate', value: 3.33, reason: '333 % is above 100 % …' }]
 */
export function judgeIndicators(
  values: readonly JudgedValue[],
  options: JudgeOptions = {},
): ImplausibleValue[] {
  const months = options.monthsElapsed ?? ACCUMULATES_FROM_MONTHS;
  const out: ImplausibleValue[] = [];
  for (const v of values) {
    if (v.value === null) continue;
    const range = PLAUSIBLE_RANGES[v.indicator];
    if (!range) {
      out.push({
        indicator: v.indicator,
        value: v.value,
        range: null,
        reason: `${v.indicator} has no plausible range`,
      });
      continue;
    }
    const reason = outOfRange(v.value, range, months, v.denominator ?? null);
    if (reason) out.push({ indicator: v.indicator, value: v.value, range, reason });
  }
  return out;
}

function outOfRange(
  value: number,
  range: PlausibleRange,
  months: number,
  denominator: number | null,
): string | null {
  const text = shown(range, value);
  if (!Number.isFinite(value)) return `${text} is no number`;
  if (range.max === null && !Number.isInteger(value)) return `${text} is no whole count`;
  const enough = (share: number): boolean => denominator === null || denominator * share >= 1 - 1e-9;
  if (range.max !== null && value > range.max && (range.max >= 1 || value > 1 || enough(1 - range.max))) {
    const over = range.max === 1 ? 'above 100 %' : `above the plausible ${shown(range, range.max)}`;
    return `${text} is ${over} (${range.basis})`;
  }
  const judgedMin = (!range.accumulates || months >= ACCUMULATES_FROM_MONTHS) && enough(range.min);
  if (judgedMin && value < range.min)
    return `${text} is below the plausible ${shown(range, range.min)} (${range.basis})`;
  return null;
}
