/**
 * Random services for the property tests of the terms (fast-check): every column and payload
 * field some family reads, drawn in ranges that cross the rules' thresholds.
 */
import fc from 'fast-check';
import type { ServiceFact } from './term-family.js';

/**
 * A service of a type drawn from `type`, dated by `date`, with blood pressure, glucose,
 * control and guidance each present or not, and a payload carrying the fields the maternal,
 * vaccination and TB families read.
 *
 * @example fc.array(drawnServiceFact(fc.constantFrom(...SERVICE_TYPES), dateInYears))
 */
export function drawnServiceFact(
  type: fc.Arbitrary<string>,
  date: fc.Arbitrary<string>,
): fc.Arbitrary<Omit<ServiceFact, 'id'>> {
  return fc.record({
    type,
    date,
    sbp: fc.option(fc.integer({ min: 100, max: 180 })),
    dbp: fc.option(fc.integer({ min: 60, max: 110 })),
    fastingGlucose: fc.option(fc.double({ min: 4, max: 12, noNaN: true })),
    controlled: fc.option(fc.constantFrom(0, 1)),
    guidance: fc.option(fc.constantFrom(0, 1)),
    payload: fc.record({
      gestationalWeeks: fc.integer({ min: 5, max: 40 }),
      vaccine: fc.constantFrom('卡介苗', 'MMR', '麻腮风', '乙肝'),
      dose: fc.integer({ min: 1, max: 3 }),
      medicationRegular: fc.boolean(),
    }),
  });
}
