import { describe, expect, it } from 'vitest';
import {
  DEMO_COUNTIES,
  RATE_CALIBRATION,
  countyRates,
  managedTarget,
  type CalibratedRate,
} from './calibration.js';

const ids = Object.keys(RATE_CALIBRATION) as CalibratedRate[];

describe('countyRates', () => {
  it.each(ids)('%s: the weighted county rates give the city figure', (id) => {
    const cal = RATE_CALIBRATION[id];
    const rates = countyRates(id);
    const weights = DEMO_COUNTIES.map((c) => cal.weights?.[c.code] ?? c.population);
    const total = weights.reduce((a, b) => a + b, 0);
    const city = DEMO_COUNTIES.reduce((s, c, i) => s + rates[c.code] * weights[i]!, 0) / total;
    expect(Math.abs(city - cal.city)).toBeLessThan(0.001);
  });

  it.each(ids)('%s: named counties keep their printed rates and stay lowest', (id) => {
    const cal = RATE_CALIBRATION[id];
    const rates = countyRates(id);
    for (const l of cal.lagging) expect(rates[l.county]).toBe(l.rate);
    const named = new Set(cal.lagging.map((l) => l.county));
    const highestNamed = Math.max(-1, ...cal.lagging.map((l) => l.rate));
    for (const c of DEMO_COUNTIES) {
      if (named.has(c.code)) continue;
      expect(rates[c.code]).toBeGreaterThan(highestNamed + 0.015);
      expect(rates[c.code]).toBeLessThanOrEqual(0.995);
    }
  });

  it('records: counties named under 90 % are the only ones under 90 %', () => {
    const rates = countyRates('records');
    const under = DEMO_COUNTIES.filter((c) => rates[c.code] < 0.9).map((c) => c.name);
    expect(under.sort()).toEqual(['华亭市', '崆峒区'].sort());
  });
});

describe('managedTarget', () => {
  it('splits the city figure over the counties at full scale', () => {
    const sum = DEMO_COUNTIES.reduce((s, c) => s + managedTarget('elderly', c.code, 1), 0);
    expect(Math.abs(sum - 242_600)).toBeLessThanOrEqual(4);
  });

  it('keeps a floor per county for rare programmes', () => {
    expect(managedTarget('tuberculosis', '620823', 1 / 50)).toBe(25);
    expect(managedTarget('tuberculosis', '620826', 1)).toBe(211);
    expect(managedTarget('tuberculosis', '620826', 1 / 50)).toBe(100);
  });

  it('keeps no floor above the small scale: the county scale manages about 600 / 8 TB patients', () => {
    const tb = DEMO_COUNTIES.map((c) => managedTarget('tuberculosis', c.code, 1 / 8));
    expect(Math.abs(tb.reduce((a, b) => a + b, 0) - 600 / 8)).toBeLessThanOrEqual(2);
    expect(managedTarget('tuberculosis', '620826', 1 / 8)).toBe(26);
    expect(managedTarget('tuberculosis', '620823', 1 / 8)).toBe(3);
  });

  it('keeps the severe mental disorder floor under the patients the population lets expect', () => {
    // 崇信县 at 1/50: 2 000 residents × 4.5‰ = 9 expected; the floor of 30 would print 333 %.
    expect(managedTarget('severeMental', '620823', 1 / 50)).toBe(8);
    for (const c of DEMO_COUNTIES)
      for (const fraction of [1 / 50, 1 / 8, 1])
        expect(managedTarget('severeMental', c.code, fraction)).toBeLessThanOrEqual(
          Math.ceil(c.population * fraction * 0.0045),
        );
    // A test demo at 1/500 keeps a few per county, so that rates still rank.
    expect(managedTarget('severeMental', '620823', 1 / 500)).toBe(8);
  });

  it('refuses a county outside the scenario', () => {
    expect(() => managedTarget('elderly', '620100' as never, 1)).toThrow(/not a county/);
  });
});
