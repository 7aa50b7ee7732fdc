import { describe, expect, it } from 'vitest';
import { elderlyCheckupPayload } from '../../../domain/records/service-payloads.js';
import { checkupValues, followupGlucose, followupPressure } from './measurements.js';
import { DemoRandom } from './random.js';

describe('followupPressure', () => {
  it('agrees with the asked control status (< 140/90)', () => {
    const r = new DemoRandom(1);
    for (let i = 0; i < 3000; i += 1) {
      const controlled = i % 2 === 0;
      const bp = followupPressure(r, controlled, i % 3 === 0);
      expect(bp.sbp < 140 && bp.dbp < 90).toBe(controlled);
    }
  });

  it('shows terminal-digit preference only where asked', () => {
    const r = new DemoRandom(2);
    const zeroShare = (pref: boolean): number => {
      let zeros = 0;
      for (let i = 0; i < 2000; i += 1) if (followupPressure(r, i % 2 === 0, pref).sbp % 10 === 0) zeros += 1;
      return zeros / 2000;
    };
    expect(zeroShare(true)).toBeGreaterThan(0.5);
    expect(zeroShare(false)).toBeLessThan(0.2);
  });
});

describe('followupGlucose', () => {
  it('is under 7.0 exactly when controlled', () => {
    const r = new DemoRandom(3);
    for (let i = 0; i < 2000; i += 1) {
      expect(followupGlucose(r, true)).toBeLessThan(7);
      expect(followupGlucose(r, false)).toBeGreaterThanOrEqual(7);
    }
  });
});

describe('checkupValues', () => {
  it('passes the check-up schema and keeps the arm difference in its class', () => {
    const r = new DemoRandom(4);
    for (let i = 0; i < 1500; i += 1) {
      const kind = (['none', 'over10', 'over20'] as const)[i % 3]!;
      const v = checkupValues(r, i % 2 === 0, i % 5 === 0, i % 7 === 0, kind);
      expect(elderlyCheckupPayload.safeParse(v).success).toBe(true);
      expect(v.sbp - v.dbp).toBeGreaterThanOrEqual(25);
      expect(v.sbpRight).toBeGreaterThan(v.dbpRight);
      const d = Math.abs(v.sbp - v.sbpRight);
      if (kind === 'none') expect(d).toBeLessThanOrEqual(6);
      if (kind === 'over10') expect(d > 10 && d <= 20).toBe(true);
      if (kind === 'over20') expect(d).toBeGreaterThan(20);
    }
  });
});
