import { describe, expect, it } from 'vitest';
import { identicalCheckups, type CheckupRow } from './identical-checkups.js';
import { Q2_2020 } from './rules.fixture.js';

const checkup = (id: number, residentId: number, unit: string, values: number[]): CheckupRow => ({
  id,
  residentId,
  serviceDate: '2020-04-10',
  orgCode: `${unit}201`,
  countyCode: unit.slice(0, 6),
  institution: '东华镇卫生院',
  unit,
  values,
});

describe('identical_checkups', () => {
  const p = identicalCheckups.parameters.parse({});

  it('defaults to 4 of 6 key values compared within a township', () => {
    expect(p).toEqual({
      k: 4,
      fields: ['sbp', 'dbp', 'heart_rate', 'fasting_glucose', 'weight', 'waist'],
      within: 'township',
    });
  });

  it('refuses repeated fields and a k above the number of fields', () => {
    expect(identicalCheckups.parameters.safeParse({ fields: ['sbp', 'sbp', 'dbp'], k: 2 }).success).toBe(
      false,
    );
    const tooMany = identicalCheckups.parameters.safeParse({ fields: ['sbp', 'dbp', 'weight'], k: 4 });
    expect(tooMany.success).toBe(false);
    expect(tooMany.error?.issues[0]?.path).toEqual(['k']);
    expect(identicalCheckups.parameters.safeParse({ fields: ['sbp', 'dbp', 'weight'], k: 3 }).success).toBe(
      true,
    );
  });

  it('finds the check-ups of different people sharing 4 values in one township, not 3 nor across townships', () => {
    const rows = [
      checkup(10, 1, '620881100', [130, 80, 72, 5.6, 60.5, 82]),
      checkup(11, 2, '620881100', [130, 80, 72, 5.6, 61, 90]),
      checkup(12, 3, '620881100', [130, 80, 75, 5.9, 60.5, 95]),
      checkup(13, 4, '620881101', [130, 80, 72, 5.6, 60.5, 82]),
    ];
    const found = identicalCheckups.judge(rows, p, Q2_2020);
    expect(found.map((f) => f.serviceId)).toEqual([10, 11]);
    expect(found[0]).toMatchObject({
      severity: 'error',
      subject: 'service:10',
      subjectDate: '2020-04-10',
      countyCode: '620881',
      evidence: {
        clusterId: 10,
        clusterSize: 2,
        k: 4,
        matchedFields: ['sbp', 'dbp', 'heart_rate', 'fasting_glucose'],
        values: { sbp: 130, dbp: 80, heart_rate: 72, fasting_glucose: 5.6, weight: 60.5, waist: 82 },
        partners: [11],
      },
    });
  });
});
