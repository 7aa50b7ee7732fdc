import { describe, expect, it } from 'vitest';
import { entered } from './entry-checks.fixture.js';
import { uncontrolledNeedsGuidance } from './uncontrolled-needs-guidance.js';

const bp = (sbp: number | null, dbp: number | null, guidance: boolean, controlled = true) =>
  uncontrolledNeedsGuidance.run(entered('hypertension_followup', { sbp, dbp, guidance, controlled }));
const glucose = (fastingGlucose: number, guidance: boolean) =>
  uncontrolledNeedsGuidance.run(
    entered('diabetes_followup', { fastingGlucose, guidance, controlled: fastingGlucose < 7 }),
  );

describe('entry check uncontrolled-needs-guidance', () => {
  it('lets a controlled reading pass without guidance (139/89)', () => {
    expect(bp(139, 89, false)).toEqual([]);
  });
  it('refuses an uncontrolled reading without guidance at the boundaries 140 and 90', () => {
    expect(bp(140, 80, false)[0]).toMatchObject({ kind: 'refusal', field: 'payload.guidance' });
    expect(bp(120, 90, false)[0]?.kind).toBe('refusal');
  });
  it('lets an uncontrolled reading pass with guidance', () => {
    expect(bp(160, 100, true)).toEqual([]);
  });
  it('judges a follow-up without BP by its recorded control', () => {
    expect(bp(null, null, false, true)).toEqual([]);
    expect(bp(null, null, false, false)[0]?.kind).toBe('refusal');
  });
  it('judges diabetes by fasting glucose (6.9 passes, 7.0 needs guidance)', () => {
    expect(glucose(6.9, false)).toEqual([]);
    expect(glucose(7.0, false)[0]?.field).toBe('payload.guidance');
    expect(glucose(7.0, true)).toEqual([]);
  });
  it('says nothing about other services', () => {
    expect(uncontrolledNeedsGuidance.run(entered('elderly_checkup', { sbp: 180, dbp: 110 }))).toEqual([]);
  });
});
