import { describe, expect, it } from 'vitest';
import { armDifference } from './arm-difference.js';
import { checkup, entered } from './entry-checks.fixture.js';

const run = (sbp: number, sbpRight: number, advice: string | null = null) =>
  armDifference.run(entered('elderly_checkup', checkup({ sbp, sbpRight, advice })));

describe('entry check arm-difference (seed 002)', () => {
  it('says nothing up to 10 mmHg either way', () => {
    expect(run(130, 140)).toEqual([]);
    expect(run(140, 130)).toEqual([]);
  });
  it('warns from 11 up to 20 mmHg, naming the right arm', () => {
    for (const right of [141, 150]) {
      const found = run(130, right);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ check: 'arm-difference', kind: 'warning', field: 'payload.sbpRight' });
    }
    expect(run(150, 130)[0]?.kind).toBe('warning');
  });
  it('refuses above 20 mmHg without advice, naming the advice field in zh and en', () => {
    const found = run(130, 151);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'refusal', field: 'payload.advice' });
    expect(found[0]!.reason.zh).toContain('21');
    expect(found[0]!.reason.en).toContain('21');
    expect(run(130, 151, '   ')[0]?.kind).toBe('refusal');
  });
  it('only warns above 20 mmHg when the advice is filled in', () => {
    expect(run(130, 151, '建议就诊')).toEqual([expect.objectContaining({ kind: 'warning' })]);
  });
  it('judges elderly check-ups only, and only with both arms', () => {
    expect(armDifference.run(entered('hypertension_followup', { sbp: 130, sbpRight: 170 }))).toEqual([]);
    expect(armDifference.run(entered('elderly_checkup', checkup({ sbpRight: null })))).toEqual([]);
  });
});
