import { describe, expect, it } from 'vitest';
import { judgeUnusedRecords, unusedRecords, unusedSince } from './unused-records.js';

describe('unused_records', () => {
  it('defaults to 12 months and refuses less than one', () => {
    expect(unusedRecords.parameters.parse({})).toEqual({ months: 12 });
    expect(unusedRecords.parameters.safeParse({ months: 0 }).success).toBe(false);
    expect(unusedRecords.parameters.safeParse({ months: 1.5 }).success).toBe(false);
  });

  it('counts the months of use back from the as-of date', () => {
    expect(unusedSince('2020-06-30', 12)).toBe('2019-06-30');
    expect(unusedSince('2020-03-31', 1)).toBe('2020-02-29');
  });
});

describe('judgeUnusedRecords', () => {
  const period = { noServiceSince: '2019-06-30', asOf: '2020-06-30' };

  it('gives one finding per org with unused records, weighing them, keyed by the org alone', () => {
    const found = judgeUnusedRecords(
      [
        { countyCode: '620881', orgCode: '620881100201', records: 5 },
        { countyCode: '620826', orgCode: '620826105201', records: 0 },
        { countyCode: '620826', orgCode: '620826105202', records: 1 },
      ],
      period,
    );
    expect(found).toEqual([
      {
        severity: 'info',
        subject: 'unit:620881100201:records',
        orgCode: '620881100201',
        countyCode: '620881',
        residentId: null,
        serviceId: null,
        subjectDate: null,
        weight: 5,
        evidence: { records: 5, noServiceSince: '2019-06-30', asOf: '2020-06-30' },
      },
      expect.objectContaining({ subject: 'unit:620826105202:records', weight: 1 }),
    ]);
  });

  it('keeps the key from one as-of date to the next, so that a resolution persists', () => {
    const at = (asOf: string) =>
      judgeUnusedRecords([{ countyCode: '620881', orgCode: '620881100201', records: 2 }], {
        noServiceSince: unusedSince(asOf, 12),
        asOf,
      })[0]!.subject;
    expect(at('2020-06-30')).toBe(at('2020-09-30'));
  });
});
