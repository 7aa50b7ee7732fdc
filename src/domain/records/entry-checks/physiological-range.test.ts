import { describe, expect, it } from 'vitest';
import { PLAUSIBLE_RANGES } from '../../audits/vocabulary.js';
import { checkup, entered } from './entry-checks.fixture.js';
import { physiologicalRange } from './physiological-range.js';

const run = (extra: Record<string, unknown>, type = 'elderly_checkup') =>
  physiologicalRange.run(entered(type, checkup(extra)));

describe('entry check physiological-range', () => {
  it('accepts the range bounds themselves', () => {
    expect(run({ sbp: PLAUSIBLE_RANGES.sbp.min, sbpRight: PLAUSIBLE_RANGES.sbp.max })).toEqual([]);
    expect(run({ fastingGlucose: 33.3, weight: 25, waist: 170 })).toEqual([]);
  });
  it('refuses each value just outside, naming the field (zh and en)', () => {
    const found = run({ sbp: 59, heartRate: 201, fastingGlucose: 1.4 });
    expect(found.map((f) => f.field)).toEqual(['payload.sbp', 'payload.heartRate', 'payload.fastingGlucose']);
    expect(found.every((f) => f.kind === 'refusal')).toBe(true);
    expect(found[0]!.reason.zh).toContain('sbp');
    expect(found[0]!.reason.en).toContain('60–260');
  });
  it('judges follow-ups too, but not children', () => {
    expect(run({ dbp: 170 }, 'hypertension_followup')[0]?.field).toBe('payload.dbp');
    expect(run({ weight: 3.2 }, 'child_visit')).toEqual([]);
  });
  it('ignores missing values', () => {
    expect(run({ sbp: null, waist: null })).toEqual([]);
  });
});
