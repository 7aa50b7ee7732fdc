/**
 * Check `identical-checkup` (体检数据雷同): an elderly check-up whose six key values match at
 * least 4 of another person's recent check-up of the same unit is warned about — the audit
 * rule `identical_checkups` applied at the source, with the same definition
 * (IDENTICAL_CHECKUP_RULE) and the same matching (findIdenticalCheckups). The server looks
 * the recent check-ups up in the caller's scope. Source: seed 002 (“6项体检指标中4项以上指标
 * 完全一致的个案数为495人…数据雷同问题务必全面禁绝”).
 */
import { findIdenticalCheckups } from '../../audits/identical-checkups.js';
import { CHECKUP_VALUE_PAYLOAD_FIELDS, IDENTICAL_CHECKUP_RULE } from '../../audits/vocabulary.js';
import type { EntryCheck, EntryFinding } from './entry-check.js';
import { payloadNumber, payloadOf } from './entry-check.js';

/** The service id the entered check-up takes in the comparison (stored ids are positive). */
const ENTERED = 0;
/** A resident id no stored resident has, for a check-up of a person not yet stored. */
const UNKNOWN_PERSON = -1;

/** The entered check-up's key values, in the order of IDENTICAL_CHECKUP_RULE.fields. */
export function keyValuesOf(payload: Readonly<Record<string, unknown>>): (number | null)[] {
  return IDENTICAL_CHECKUP_RULE.fields.map((f) => payloadNumber(payload, CHECKUP_VALUE_PAYLOAD_FIELDS[f]));
}

/** Check `identical-checkup`. */
export const identicalCheckup: EntryCheck = {
  id: 'identical-checkup',
  description: {
    zh: '老年人体检6项关键指标中有4项以上与他人近期体检完全一致时提示',
    en: 'an elderly check-up matching ≥ 4 of the 6 key values of another person’s recent check-up is warned about',
  },
  source: 'seed 002; audit rule identical_checkups (src/domain/audits/identical-checkups.ts)',
  run(context): EntryFinding[] {
    if (context.service.type !== 'elderly_checkup' || context.recentCheckups.length === 0) return [];
    const self = context.residentId ?? UNKNOWN_PERSON;
    const others = context.recentCheckups.filter((c) => c.residentId !== self);
    const result = findIdenticalCheckups(
      [
        { serviceId: ENTERED, residentId: self, unit: null, values: keyValuesOf(payloadOf(context)) },
        ...others.map((c) => ({
          serviceId: c.serviceId,
          residentId: c.residentId,
          unit: null,
          values: c.values,
        })),
      ],
      IDENTICAL_CHECKUP_RULE.k,
    );
    const entered = result.checkups.find((c) => c.serviceId === ENTERED);
    if (entered === undefined || entered.partners.length === 0) return [];
    const fields = entered.matchedFields.map(
      (i) => CHECKUP_VALUE_PAYLOAD_FIELDS[IDENTICAL_CHECKUP_RULE.fields[i]!],
    );
    return [
      {
        check: 'identical-checkup',
        kind: 'warning',
        field: `payload.${fields[0] ?? 'sbp'}`,
        reason: {
          zh: `6项关键指标中有${IDENTICAL_CHECKUP_RULE.k}项以上与他人近期体检完全一致（${fields.join('、')}）：请核实`,
          en: `at least ${IDENTICAL_CHECKUP_RULE.k} of the 6 key values equal another person’s recent check-up (${fields.join(', ')}): please verify`,
        },
      },
    ];
  },
};
