/**
 * The section of docs/indicators.md on the denominators that are cohorts by age: the
 * vaccination coverage of each vaccine (the children due it under the national schedule)
 * and the TCM health management rates. Kept beside the rules (./vaccines.ts,
 * ./term-families/vaccination.ts, ./term-families/child.ts) and generated into the document
 * by ./catalogue-doc.ts.
 */
import { NATIONAL_IMMUNISATION_SCHEDULE } from '../due/parameters.js';
import { TCM_CHILD_COHORT_MONTHS_BELOW } from './term-families/child.js';
import { VACCINATION_COHORT_MONTHS_BELOW, VACCINES, vaccineDoseAges } from './vaccines.js';

/** The markdown lines of the section. */
export function cohortDefinitionLines(): string[] {
  return [
    '## 按月龄的分母 Denominators by age: vaccination and TCM health management',
    '',
    '### 预防接种 Vaccination coverage',
    '',
    "A vaccine's coverage is counted among the children due it (应种人数), not among all children: the denominator",
    '`vaccination.<vaccine>_due` is the managed children (child enrolment active, alive and not moved out at the period end E) who',
    "reached the age of the vaccine's first dose under 国家免疫规划疫苗儿童免疫程序 (2016) by E and are not yet",
    `${VACCINATION_COHORT_MONTHS_BELOW / 12} (0～6岁适龄儿童). The numerator \`vaccination.<vaccine>\` is those of them who have every dose whose age they`,
    'have reached: a child of 5 months is due three doses of DTaP, one of 19 months four. The doses received are the highest dose',
    'number recorded for the vaccine up to E, or the number of its records when that is more (a dose recorded without its',
    'predecessors says they were given), as the due list counts them.',
    '',
    "A child reaches the age of N months on its N-month birthday: the same day of the month, or the month's last day when the month",
    'has none (born 31 August 2019: 6 months on 29 February 2020; born 29 February 2020: 12 months on 28 February 2021), the day the',
    'due list shows the dose as due. A child born on the period end is in the BCG and first hepatitis B cohorts of that period.',
    'Ageing needs no record: the terms are decided from the birth date at every 旬 end, so a child enters a cohort at the 旬 in',
    'which it reaches the age (and leaves every cohort at its 7th birthday) whether or not anything was written about it.',
    '',
    '| vaccine | doses due at (months) |',
    '| --- | --- |',
    ...VACCINES.map(
      (v) => `| ${v.name.zh} ${v.name.en} (\`${v.id}\`) | ${vaccineDoseAges(v.id).join(', ')} |`,
    ),
    '',
    `The schedule (${NATIONAL_IMMUNISATION_SCHEDULE.length} doses) is \`NATIONAL_IMMUNISATION_SCHEDULE\` of src/domain/due/parameters.ts, shared with the due list.`,
    '',
    '### 中医药健康管理 TCM health management',
    '',
    '- 老年人中医药健康管理率 `elderly.tcm_management_rate`: managed elderly (65+, elderly enrolment active at E) with a',
    '  `tcm_elderly` service (中医体质辨识 and 中医药保健指导) from 1 January to E, over the managed elderly at E.',
    '- 儿童中医药健康管理率 `child.tcm_management_rate`: managed children aged 0–36 months at E with a `tcm_child` service',
    '  (TCM guidance at the 6, 12, 18, 24, 30 or 36-month visit) from 1 January to E, over the managed children aged 0–36 months',
    `  at E: born on or before E and not yet ${TCM_CHILD_COHORT_MONTHS_BELOW} months old, so a child keeps its 36th month (the month of the 36-month visit).`,
    '',
    'A database whose indicator facts were computed before these terms existed prepares them again when it is opened (ADR 0021, "When the definitions change"): in the background on a server, at once with `gongwei indicators-recompute`; answers come from the records meanwhile.',
    '',
  ];
}
