/**
 * Check `physiological-range` (生理范围): a blood pressure, heart rate, fasting glucose, weight
 * or waist outside what an adult body can show is refused, naming the field. The ranges are
 * the audits' (PLAUSIBLE_RANGES of src/domain/audits/vocabulary.ts), narrower than the
 * payload schemas' storage bounds, so what the audits would flag as implausible is stopped
 * where it is typed. Children's visits are not judged on adult ranges.
 */
import {
  CHECKUP_VALUE_FIELDS,
  CHECKUP_VALUE_PAYLOAD_FIELDS,
  PLAUSIBLE_RANGES,
} from '../../audits/vocabulary.js';
import type { EntryCheck, EntryFinding } from './entry-check.js';
import { payloadNumber, payloadOf } from './entry-check.js';

/** Service types of children, whose weights and rates are not an adult's. */
const CHILD_TYPES: ReadonlySet<string> = new Set(['child_visit', 'newborn_visit']);

/** Check `physiological-range`. */
export const physiologicalRange: EntryCheck = {
  id: 'physiological-range',
  description: {
    zh: '血压、心率、空腹血糖、体重、腰围超出成人生理范围时拒绝保存',
    en: 'blood pressure, heart rate, fasting glucose, weight or waist outside the adult physiological range is refused',
  },
  source: 'src/domain/audits/vocabulary.ts PLAUSIBLE_RANGES (the audits’ plausibility rule)',
  run(context): EntryFinding[] {
    if (CHILD_TYPES.has(context.service.type)) return [];
    const p = payloadOf(context);
    const found: EntryFinding[] = [];
    for (const column of CHECKUP_VALUE_FIELDS) {
      const field = CHECKUP_VALUE_PAYLOAD_FIELDS[column];
      const value = payloadNumber(p, field);
      const range = PLAUSIBLE_RANGES[column];
      if (value === null || (value >= range.min && value <= range.max)) continue;
      found.push({
        check: 'physiological-range',
        kind: 'refusal',
        field: `payload.${field}`,
        reason: {
          zh: `${field} 超出生理范围（${range.min}–${range.max}）`,
          en: `${field} is outside the physiological range (${range.min}–${range.max})`,
        },
      });
    }
    return found;
  },
};
