/**
 * Chronic disease follow-up (高血压、2型糖尿病患者健康管理): managed, followed up at least
 * twice, under standardised management (pro-rated follow-ups), and controlled, uncontrolled
 * or uncontrolled with guidance at the latest follow-up of the year.
 */
import type { IndicatorParameters } from '../parameters.js';
import { requiredFollowups } from '../parameters.js';
import { latest, type PersonTermFamily, type ServiceColumn, type ServiceFact } from '../term-family.js';

/** Hypertension control of one follow-up: measured BP below the limits, else the recorded judgement. */
export function bpControlled(s: ServiceFact, p: IndicatorParameters): boolean {
  if (s.sbp !== null && s.dbp !== null)
    return s.sbp < p.controlledSystolicBelow && s.dbp < p.controlledDiastolicBelow;
  return s.controlled === 1;
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
  controlled: (s: ServiceFact, p: IndicatorParameters) => boolean,
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
        if (controlled(last, p)) out.push(isControlled);
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
  ['sbp', 'dbp', 'controlled', 'guidance'],
  bpControlled,
);

/** The type 2 diabetes follow-up terms. */
export const DIABETES_TERMS: PersonTermFamily = chronicTerms(
  'diabetes',
  'diabetes_followup',
  ['fastingGlucose', 'controlled', 'guidance'],
  glucoseControlled,
);
