/**
 * Vaccines of the national immunisation programme (国家免疫规划) whose coverage is reported,
 * and the cohort rule of their coverage. A vaccination counts for a vaccine when its payload
 * `vaccine` matches one of the aliases (case-insensitive, surrounding spaces ignored).
 *
 * Coverage is counted among the children who are due the vaccine, not among all children:
 * the programme's 应种人数 of a dose are the children who reached that dose's age under the
 * national schedule (国家免疫规划疫苗儿童免疫程序, src/domain/due/parameters.ts). A child is in
 * a vaccine's cohort at E from the day it reaches the age of the vaccine's first dose until
 * its 7th birthday (0～6岁适龄儿童), and counts as vaccinated when it has every dose whose age
 * it has reached (a child of 5 months needs three doses of DTaP, one of 19 months four).
 */
import { NATIONAL_IMMUNISATION_SCHEDULE } from '../due/parameters.js';
import { addMonthsIso } from '../periods/period.js';

export interface Vaccine {
  readonly id: string;
  readonly name: { zh: string; en: string };
  /** Lower-case names as source systems write them. */
  readonly aliases: readonly string[];
}

/** The reported vaccines. */
export const VACCINES: readonly Vaccine[] = [
  { id: 'bcg', name: { zh: '卡介苗', en: 'BCG' }, aliases: ['bcg', '卡介苗'] },
  { id: 'hepb', name: { zh: '乙肝疫苗', en: 'Hepatitis B' }, aliases: ['hepb', '乙肝疫苗', '乙肝'] },
  {
    id: 'polio',
    name: { zh: '脊灰疫苗', en: 'Polio (IPV/bOPV)' },
    aliases: ['polio', 'ipv', 'bopv', 'opv', '脊灰疫苗', '脊灰'],
  },
  { id: 'dtap', name: { zh: '百白破疫苗', en: 'DTaP' }, aliases: ['dtap', 'dtp', '百白破疫苗', '百白破'] },
  {
    id: 'mmr',
    name: { zh: '麻腮风疫苗', en: 'Measles-mumps-rubella' },
    aliases: ['mmr', 'mr', '麻腮风疫苗', '麻腮风', '麻风'],
  },
  { id: 'je', name: { zh: '乙脑疫苗', en: 'Japanese encephalitis' }, aliases: ['je', '乙脑疫苗', '乙脑'] },
  {
    id: 'mening',
    name: { zh: '流脑疫苗', en: 'Meningococcal' },
    aliases: ['mpsv', 'mena', 'menac', '流脑疫苗', '流脑'],
  },
  { id: 'hepa', name: { zh: '甲肝疫苗', en: 'Hepatitis A' }, aliases: ['hepa', '甲肝疫苗', '甲肝'] },
];

/** The vaccine id a payload name stands for, or null when it is none of the reported ones. */
export function vaccineOf(name: string | null): string | null {
  if (!name) return null;
  const key = name.trim().toLowerCase();
  return VACCINES.find((v) => v.aliases.includes(key))?.id ?? null;
}

/**
 * Children leave every vaccine's cohort on their 7th birthday: the programme vaccinates
 * 0～6岁适龄儿童 (seed 000), and the schedule's last dose is due at 6 years.
 */
export const VACCINATION_COHORT_MONTHS_BELOW = 84;

/**
 * The ages in months at which the doses of a vaccine are due under the national schedule, in
 * dose order (hepatitis B: 0, 1, 6).
 *
 * @example vaccineDoseAges('dtap') // [3, 4, 5, 18]
 */
export function vaccineDoseAges(vaccineId: string): readonly number[] {
  return NATIONAL_IMMUNISATION_SCHEDULE.filter((d) => d.vaccine === vaccineId)
    .sort((a, b) => a.dose - b.dose)
    .map((d) => d.ageMonths);
}

/**
 * True when a child born on `birth` has reached the age of `months` months on `end`: its
 * `months`-month birthday is on or before `end`. The birthday is the same day of the month,
 * or the month's last day when the month has no such day (born 31 August → 6 months on
 * 29 February 2020; born 29 February 2020 → 12 months on 28 February 2021), as the due list
 * dates a dose (src/domain/due/calendar.ts), so a child enters the cohort the day its dose
 * shows as due.
 *
 * @example reachedAge('2019-10-30', 8, '2020-06-30') // true: 8 months on the period end
 * @example reachedAge('2019-10-31', 8, '2020-06-30') // true: June has no 31st
 * @example reachedAge('2019-11-01', 8, '2020-06-30') // false
 */
export function reachedAge(birth: string, months: number, end: string): boolean {
  return addMonthsIso(birth, months) <= end;
}

/**
 * How many doses of a vaccine a child born on `birth` is due at `end`: the doses whose age it
 * has reached; 0 before the first dose's age, after its 7th birthday and before its birth.
 *
 * @example dosesDue('2020-01-15', 'dtap', '2020-06-30') // 3 (3, 4 and 5 months reached)
 */
export function dosesDue(birth: string, vaccineId: string, end: string): number {
  if (birth > end || reachedAge(birth, VACCINATION_COHORT_MONTHS_BELOW, end)) return 0;
  return vaccineDoseAges(vaccineId).filter((age) => reachedAge(birth, age, end)).length;
}

/**
 * The doses of one vaccine a child has received, from its recorded vaccinations of that
 * vaccine: the highest dose number recorded, or the number of records when that is more (a
 * dose recorded without its predecessors still says the predecessors were given; records
 * without dose numbers count one each), as the due list counts them.
 *
 * @example dosesReceived([1, 2]) // 2
 * @example dosesReceived([3]) // 3
 */
export function dosesReceived(doseNumbers: readonly (number | null)[]): number {
  let highest = 0;
  for (const d of doseNumbers) if (d !== null && d > highest) highest = d;
  return Math.max(highest, doseNumbers.length);
}
