import { describe, expect, it } from 'vitest';
import { checkup, entered } from './entry-checks.fixture.js';
import { identicalCheckup, keyValuesOf } from './identical-checkup.js';

/** Key values: sbp, dbp, heartRate, fastingGlucose, weight, waist. */
const mine = checkup();
const other = (values: (number | null)[], residentId = 2, serviceId = 10) => ({
  serviceId,
  residentId,
  values,
});

describe('entry check identical-checkup (seed 002, audit rule identical_checkups)', () => {
  it('reads the six key values in the audit rule’s order', () => {
    expect(keyValuesOf(mine)).toEqual([130, 80, 72, 5.6, 60, 80]);
  });
  it('warns at 4 of 6 equal with another person, naming the matched fields', () => {
    const found = identicalCheckup.run(entered('elderly_checkup', mine, [other([130, 80, 72, 5.6, 61, 81])]));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ check: 'identical-checkup', kind: 'warning', field: 'payload.sbp' });
    expect(found[0]!.reason.en).toContain('sbp, dbp, heartRate, fastingGlucose');
  });
  it('says nothing at 3 of 6', () => {
    expect(
      identicalCheckup.run(entered('elderly_checkup', mine, [other([130, 80, 72, 5.7, 61, 81])])),
    ).toEqual([]);
  });
  it('ignores the same person’s own earlier check-up and missing values', () => {
    expect(
      identicalCheckup.run(entered('elderly_checkup', mine, [other([130, 80, 72, 5.6, 60, 80], 1)])),
    ).toEqual([]);
    expect(
      identicalCheckup.run(
        entered('elderly_checkup', checkup({ sbp: null, dbp: null, heartRate: null }), [
          other([null, null, null, 5.6, 60, 80]),
        ]),
      ),
    ).toEqual([]);
  });
  it('compares a person not yet stored too', () => {
    expect(
      identicalCheckup.run(entered('elderly_checkup', mine, [other([130, 80, 72, 5.6, 0, 0])], null)),
    ).toHaveLength(1);
  });
});
