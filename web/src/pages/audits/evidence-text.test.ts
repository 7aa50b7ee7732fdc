import { describe, expect, it } from 'vitest';
import { evidenceText, unusedRecordsEvidence } from './evidence-text';

describe('the evidence of a finding on one line', () => {
  it('lays out values, lists and nested objects as the server sent them', () => {
    expect(evidenceText({ sbpLeft: 150, sbpRight: 128 })).toBe('sbpLeft: 150; sbpRight: 128');
    expect(evidenceText({ recordNos: ['A1', 'A2'], match: { k: 4 } })).toBe(
      'recordNos: A1, A2; match: {k: 4}',
    );
    expect(evidenceText(null)).toBe('—');
  });
});

describe('the evidence of an unused_records finding', () => {
  it('reads the records of the org and the period of use, its months from the dates', () => {
    expect(
      unusedRecordsEvidence({ records: 1234, noServiceSince: '2019-06-30', asOf: '2020-06-30' }),
    ).toEqual({ records: 1234, noServiceSince: '2019-06-30', asOf: '2020-06-30', months: 12 });
    // A period set to 6 months, ending at the end of a month the day of which the start lacks.
    expect(
      unusedRecordsEvidence({ records: 5, noServiceSince: '2019-09-30', asOf: '2020-03-31' })?.months,
    ).toBe(6);
  });

  it('is null for evidence of another shape, such as a record-by-record finding of before', () => {
    expect(unusedRecordsEvidence({ noServiceSince: '2019-06-30', asOf: '2020-06-30' })).toBeNull();
    expect(
      unusedRecordsEvidence({ records: '12', noServiceSince: '2019-06-30', asOf: '2020-06-30' }),
    ).toBeNull();
    expect(
      unusedRecordsEvidence({ records: 12, noServiceSince: '30/06/2019', asOf: '2020-06-30' }),
    ).toBeNull();
    expect(unusedRecordsEvidence(null)).toBeNull();
    expect(unusedRecordsEvidence([1, 2])).toBeNull();
  });
});
