/**
 * Chronic disease follow-up (高血压、2型糖尿病患者健康管理): managed, followed up at least
 * twice, under standardised management (pro-rated follow-ups), and controlled, uncontrolled
 * or uncontrolled with guidance at the latest follow-up of the year.
 *
 * Hypertension control is the national specification's (3rd ed., 管理人群血压控制率): the
 * BP measured at the latest follow-up of the year below 140/90 mmHg, below 150/90 for a
 * patient aged 65 or over on that day; a latest follow-up without a measured BP (by phone)
 * is not controlled, and a patient with no follow-up this year (失访) is in no control term
 * but stays in the denominator (managed), so counts as not controlled. Docs:
 * docs/indicators.md, "血压控制 Blood pressure control".
 */
import type { IndicatorParameters } from '../parameters.js';
import { requiredFollowups } from '../parameters.js';
import { latest, type PersonTermFamily, type ServiceColumn, type ServiceFact } from '../term-family.js';

/**
 * True when a person born on `birthDate` is `years` old or older on `date` (ISO dates). The
 * birthday is reached on the same month and day; someone born on 29 February reaches it on
 * 1 March of a common year.
 *
 * @example agedAtLeast('1955-07-01', '2020-07-01', 65) // true
 * @example agedAtLeast('1955-07-02', '2020-07-01', 65) // false
 */
export function agedAtLeast(birthDate: string, date: string, years: number): boolean {
  const year = String(Number(date.slice(0, 4)) - years).padStart(4, '0');
  return birthDate <= `${year}${date.slice(4, 10)}`;
}

/**
 * A BP reading below the general limits (140/90 by default): the WHO HEARTS control, for
 * every age. False without a reading.
 */
export function bpControlled(s: ServiceFact, p: IndicatorParameters): boolean {
  return (
    s.sbp !== null &&
    s.dbp !== null &&
    s.sbp < p.controlledSystolicBelow &&
    s.dbp < p.controlledDiastolicBelow
  );
}

/**
 * National hypertension control of one follow-up (管理人群血压控制率): the measured BP below
 * 140/90 mmHg, or below 150/90 when the patient is 65 or over on the follow-up's date (no
 * birth date: the general limits). A follow-up without a measured BP is not controlled,
 * whatever judgement it records.
 *
 * @example nationalBpControlled({ ...visit, date: '2020-05-01', sbp: 145, dbp: 85 }, '1950-01-01', p) // true (70 years old)
 */
export function nationalBpControlled(
  s: ServiceFact,
  birthDate: string | null,
  p: IndicatorParameters,
): boolean {
  if (s.sbp === null || s.dbp === null) return false;
  if (birthDate !== null && agedAtLeast(birthDate, s.date, p.controlledElderlyAgeFrom))
    return s.sbp < p.controlledElderlySystolicBelow && s.dbp < p.controlledElderlyDiastolicBelow;
  return s.sbp < p.controlledSystolicBelow && s.dbp < p.controlledDiastolicBelow;
}

/** Diabetes control of one follow-up: fasting glucose below the limit, else the recorded judgement. */
export function glucoseControlled(s: ServiceFact, p: IndicatorParameters): boolean {
  if (s.fastingGlucose !== null) return s.fastingGlucose < p.controlledGlucoseBelow;
  return s.controlled === 1;
}

/** The metrics of each chronic programme (`<program>.<metric>`). */
const METRICS = ['managed', 'followup2', 'effective', 'controlled', 'uncontrolled', 'guided'] as const;

function chronicTerms(
  program: 'hypertension' | 'diabetes',
  type: 'hypertension_followup' | 'diabetes_followup',
  columns: readonly ServiceColumn[],
  controlled: (s: ServiceFact, birthDate: string | null, p: IndicatorParameters) => boolean,
): PersonTermFamily {
  const [managed, followup2, effective, isControlled, uncontrolled, guided] = METRICS.map(
    (m) => `${program}.${m}`,
  ) as [string, string, string, string, string, string];
  return {
    id: program,
    terms: [managed, followup2, effective, isControlled, uncontrolled, guided],
    program,
    reads: [{ type, columns }],
    membersAt(view, out) {
      if (!view.enrolled(program)) return;
      const p = view.parameters;
      out.push(managed);
      const followups = view.yearToDate(type);
      if (followups.length >= p.followupRateMinimum) out.push(followup2);
      if (followups.length >= requiredFollowups(p.standardizedFollowupsPerYear, view.dates.months))
        out.push(effective);
      const last = latest(followups);
      if (last) {
        if (controlled(last, view.resident.birthDate, p)) out.push(isControlled);
        else {
          out.push(uncontrolled);
          if (last.guidance === 1) out.push(guided);
        }
      }
    },
  };
}

/** The hypertension follow-up terms. */
export const HYPERTENSION_TERMS: PersonTermFamily = chronicTerms(
  'hypertension',
  'hypertension_followup',
  ['sbp', 'dbp', 'guidance'],
  nationalBpControlled,
);

/** The type 2 diabetes follow-up terms. */
export const DIABETES_TERMS: PersonTermFamily = chronicTerms(
  'diabetes',
  'diabetes_followup',
  ['fastingGlucose', 'controlled', 'guidance'],
  (s, _birthDate, p) => glucoseControlled(s, p),
);
