import { describe, expect, it } from 'vitest';
import { GongweiError } from '../gongwei-error.js';
import { allocate, type AllocationParameters, type AllocationUnit } from './allocation.js';

const P2020: AllocationParameters = {
  year: 2020,
  perCapitaFen: 7400,
  earmarkFen: 500,
  villageShareBp: 4000,
  advanceShareBp: 7000,
  countyShareBp: 600,
};

function unit(code: string, county: string, population: number): AllocationUnit {
  return { code, name: `u${code}`, countyCode: county, countyName: `c${county}`, population };
}

describe('allocate', () => {
  it('gives each unit standard × population when the split is even', () => {
    const a = allocate(P2020, [unit('1', 'A', 100), unit('2', 'A', 300), unit('3', 'B', 600)]);
    expect(a.totalFen).toBe(7400 * 1000);
    expect(a.units.map((u) => u.amountFen)).toEqual([740000, 2220000, 4440000]);
    expect(a.units.map((u) => u.earmarkFen)).toEqual([50000, 150000, 300000]);
    // villages: earmark + 40 % of the rest
    expect(a.units[0]).toMatchObject({ villageFen: 50000 + 276000, centreFen: 740000 - 326000 });
    expect(a.units[0]).toMatchObject({ advanceFen: 518000, settlementBaseFen: 222000 });
    expect(a.counties).toMatchObject([
      { code: 'A', population: 400, amountFen: 2960000, countyMatchFen: 177600 },
      { code: 'B', population: 600, amountFen: 4440000 },
    ]);
  });

  it('sums exactly when shares are not whole fen, the remainder to the largest remainders', () => {
    // 1 fen per resident split three ways within one county is trivial; force a remainder
    // with a per-capita amount over uneven bases through the county split.
    const p = { ...P2020, perCapitaFen: 1, earmarkFen: 0 };
    const a = allocate(p, [unit('1', 'A', 1), unit('2', 'A', 1), unit('3', 'A', 1)]);
    expect(a.units.map((u) => u.amountFen)).toEqual([1, 1, 1]);
    // Within a county whose share was rounded: 10 fen over three equal units → 4, 3, 3 (first tie wins).
    const b = allocate({ ...p, perCapitaFen: 10 }, [unit('x', 'A', 3), unit('y', 'B', 3), unit('z', 'C', 3)]);
    expect(b.totalFen).toBe(90);
    expect(b.units.map((u) => u.amountFen)).toEqual([30, 30, 30]);
  });

  it('places the county remainder by the largest remainder, ties to the larger base then order', () => {
    // Total 7400 × 7 = 51800 over counties 1:2:4 → exact 7400, 14800, 29600 (no remainder);
    // a county of 3 units 1:1:1 with 7400 × 3 = 22200 → 7400 each; with odd fen:
    const p = { ...P2020, perCapitaFen: 101, earmarkFen: 0 };
    const a = allocate(p, [unit('1', 'A', 1), unit('2', 'A', 1), unit('3', 'A', 1)]);
    expect(a.units.map((u) => u.amountFen)).toEqual([101, 101, 101]);
    // Villages: 40 % of 101 = 40.4 → 40; advance 70 % of 101 = 70.7 → 71.
    expect(a.units[0]).toMatchObject({
      villageFen: 40,
      centreFen: 61,
      advanceFen: 71,
      settlementBaseFen: 30,
    });
  });

  it('sums to the whole at every level for uneven populations (property over many cases)', () => {
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    for (let k = 0; k < 200; k += 1) {
      const units = Array.from({ length: 1 + rnd(12) }, (_, i) =>
        unit(String(i), String.fromCharCode(65 + rnd(4)), rnd(50000)),
      );
      if (units.every((u) => u.population === 0)) continue;
      const p = { ...P2020, perCapitaFen: 1 + rnd(9999), earmarkFen: 0, villageShareBp: rnd(10001) };
      const a = allocate({ ...p, earmarkFen: rnd(p.perCapitaFen + 1) }, units);
      const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
      expect(sum(a.units.map((u) => u.amountFen))).toBe(a.totalFen);
      expect(sum(a.counties.map((c) => c.amountFen))).toBe(a.totalFen);
      expect(sum(a.units.map((u) => u.earmarkFen))).toBe(a.earmarkTotalFen);
      for (const u of a.units) {
        expect(u.villageFen + u.centreFen).toBe(u.amountFen);
        expect(u.advanceFen + u.settlementBaseFen).toBe(u.amountFen);
        expect(u.earmarkFen).toBeLessThanOrEqual(u.villageFen);
        // each unit is within 2 fen of its exact share (one rounding per level)
        expect(Math.abs(u.amountFen - a.parameters.perCapitaFen * u.population)).toBeLessThanOrEqual(2);
      }
      for (const c of a.counties) {
        expect(sum(a.units.filter((u) => u.countyCode === c.code).map((u) => u.amountFen))).toBe(c.amountFen);
      }
    }
  });

  it('refuses a zero population, a negative population, duplicates and bad shares', () => {
    expect(() => allocate(P2020, [unit('1', 'A', 0)])).toThrow(GongweiError);
    expect(() => allocate(P2020, [unit('1', 'A', -1)])).toThrow(/population/);
    expect(() => allocate(P2020, [unit('1', 'A', 1), unit('1', 'A', 1)])).toThrow(/twice|重复/);
    expect(() => allocate({ ...P2020, villageShareBp: 10001 }, [unit('1', 'A', 1)])).toThrow(GongweiError);
    expect(() => allocate({ ...P2020, earmarkFen: 7500 }, [unit('1', 'A', 1)])).toThrow(GongweiError);
  });

  it('a village share of 0 % and 100 % leaves the earmark with the villages', () => {
    const u = [unit('1', 'A', 10)];
    expect(allocate({ ...P2020, villageShareBp: 0 }, u).units[0]!.villageFen).toBe(5000);
    expect(allocate({ ...P2020, villageShareBp: 10000 }, u).units[0]!.villageFen).toBe(74000);
  });
});
