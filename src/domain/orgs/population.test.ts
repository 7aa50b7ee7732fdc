import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POPULATION_SHARES,
  estimatePopulationBands,
  validatePopulation,
  type PopulationInput,
} from './population.js';

const valid: PopulationInput = {
  orgCode: '620881100200',
  year: 2020,
  total: 1000,
  age0to6: 80,
  age65plus: 120,
  age15plus: 800,
  age18plus: 760,
  women15to49: 230,
  liveBirths: 10,
};

const fieldsOf = (input: PopulationInput): string[] => validatePopulation(input).map((i) => i.field);

describe('validatePopulation', () => {
  it('accepts a consistent row and a row with unknown bands', () => {
    expect(validatePopulation(valid)).toEqual([]);
    expect(
      validatePopulation({
        ...valid,
        age0to6: null,
        age65plus: null,
        age15plus: null,
        age18plus: null,
        women15to49: null,
        liveBirths: null,
      }),
    ).toEqual([]);
    expect(
      validatePopulation({
        ...valid,
        orgCode: '620881',
        total: 0,
        age0to6: 0,
        age65plus: 0,
        age15plus: 0,
        age18plus: 0,
        women15to49: 0,
        liveBirths: 0,
      }),
    ).toEqual([]);
  });

  it('refuses malformed org codes and years', () => {
    expect(fieldsOf({ ...valid, orgCode: '62088' })).toEqual(['orgCode']);
    expect(fieldsOf({ ...valid, orgCode: '6208811002001' })).toEqual(['orgCode']);
    expect(fieldsOf({ ...valid, orgCode: '62088110020A' })).toEqual(['orgCode']);
    expect(fieldsOf({ ...valid, year: 1900 })).toEqual(['year']);
    expect(fieldsOf({ ...valid, year: 2020.5 })).toEqual(['year']);
  });

  it('refuses negative, fractional and missing counts', () => {
    expect(fieldsOf({ ...valid, total: -1 })).toEqual(['total']);
    expect(fieldsOf({ ...valid, total: 10.5 })).toEqual(['total']);
    expect(fieldsOf({ ...valid, total: null as unknown as number })).toEqual(['total']);
    expect(fieldsOf({ ...valid, liveBirths: -3 })).toEqual(['liveBirths']);
    expect(fieldsOf({ ...valid, age0to6: 1.5 })).toEqual(['age0to6']);
    expect(fieldsOf({ ...valid, women15to49: Number.NaN })).toEqual(['women15to49']);
  });

  it('refuses bands above the total', () => {
    expect(fieldsOf({ ...valid, liveBirths: 1001 })).toEqual(['liveBirths']);
    expect(validatePopulation({ ...valid, age0to6: 1001, age15plus: null })[0]?.reason.zh).toBe(
      '不能大于总人口',
    );
  });

  it('refuses bands that do not nest', () => {
    expect(fieldsOf({ ...valid, age65plus: 761 })).toEqual(['age65plus']);
    expect(fieldsOf({ ...valid, age18plus: 801 })).toEqual(['age18plus']);
    expect(fieldsOf({ ...valid, women15to49: 801 })).toEqual(['women15to49']);
    expect(fieldsOf({ ...valid, age0to6: 201 })).toEqual(['age0to6']);
    expect(fieldsOf({ ...valid, age0to6: 200 })).toEqual([]);
  });
});

describe('estimatePopulationBands', () => {
  it('applies the default shares', () => {
    const bands = estimatePopulationBands(100_000);
    expect(bands.total).toBe(100_000);
    expect(bands.age65plus).toBe(Math.round(100_000 * DEFAULT_POPULATION_SHARES.age65plus));
    expect(bands.liveBirths).toBe(Math.round(100_000 * DEFAULT_POPULATION_SHARES.liveBirths));
  });

  it('always yields a valid row for any total', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), (total) => {
        const bands = estimatePopulationBands(total);
        expect(validatePopulation({ orgCode: '620881', year: 2020, ...bands })).toEqual([]);
      }),
    );
  });

  it('yields a valid row for any consistent shares', () => {
    const shares = fc
      .record({
        a15: fc.double({ min: 0, max: 1, noNaN: true }),
        f18: fc.double({ min: 0, max: 1, noNaN: true }),
        f65: fc.double({ min: 0, max: 1, noNaN: true }),
        fw: fc.double({ min: 0, max: 1, noNaN: true }),
        f06: fc.double({ min: 0, max: 1, noNaN: true }),
        births: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map((s) => ({
        age15plus: s.a15,
        age18plus: s.a15 * s.f18,
        age65plus: s.a15 * s.f18 * s.f65,
        women15to49: s.a15 * s.fw,
        age0to6: (1 - s.a15) * s.f06,
        liveBirths: s.births,
      }));
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), shares, (total, s) => {
        const bands = estimatePopulationBands(total, s);
        expect(validatePopulation({ orgCode: '620881', year: 2020, ...bands })).toEqual([]);
      }),
    );
  });

  it('refuses inconsistent shares and bad totals', () => {
    expect(() => estimatePopulationBands(-1)).toThrow(RangeError);
    expect(() => estimatePopulationBands(1.5)).toThrow(RangeError);
    expect(() => estimatePopulationBands(100, { ...DEFAULT_POPULATION_SHARES, age65plus: 0.9 })).toThrow(
      RangeError,
    );
    expect(() => estimatePopulationBands(100, { ...DEFAULT_POPULATION_SHARES, liveBirths: 2 })).toThrow(
      RangeError,
    );
  });
});
