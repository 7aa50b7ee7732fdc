import { describe, expect, it } from 'vitest';
import { MERGEABLE_FIELDS, MergeError, mergeRecords, type MergeRecord } from './merge-fields.js';

const empty = Object.fromEntries(MERGEABLE_FIELDS.map((f) => [f, null])) as MergeRecord['fields'];
const older: MergeRecord = {
  id: 1,
  recordNo: '62088110020100001',
  fields: { ...empty, name: '张三', phone: '13800000001', ethnicity: '汉族', org_code: '620881100201' },
  electronic: 0,
  recordCreated: '2015-01-01',
  recordUpdated: '2018-01-01',
};
const newer: MergeRecord = {
  id: 2,
  recordNo: '62088110020100002',
  fields: { ...empty, name: '张三', phone: ' ', contact_name: '李四', org_code: '620881100202' },
  electronic: 1,
  recordCreated: '2019-05-01',
  recordUpdated: null,
};

describe('mergeRecords', () => {
  it('takes the newest non-empty value of each field', () => {
    const m = mergeRecords([older, newer]);
    expect(m.fields.org_code).toBe('620881100202');
    expect(m.sources.org_code).toBe(newer.recordNo);
    expect(m.fields.phone).toBe('13800000001');
    expect(m.sources.phone).toBe(older.recordNo);
    expect(m.fields.contact_name).toBe('李四');
    expect(m.fields.death_date).toBeNull();
    expect(m.sources.death_date).toBeNull();
    expect(m.electronic).toBe(1);
    expect(m.recordCreated).toBe('2015-01-01');
    expect(m.recordUpdated).toBe('2019-05-01');
  });
  it('takes a preferred record’s value for a field named by the user', () => {
    const m = mergeRecords([older, newer], { org_code: older.recordNo });
    expect(m.fields.org_code).toBe('620881100201');
    expect(m.sources.org_code).toBe(older.recordNo);
  });
  it('breaks a tie in freshness by the larger id', () => {
    const twin = { ...older, id: 3, recordNo: 'x3', fields: { ...older.fields, ethnicity: '回族' } };
    expect(mergeRecords([older, twin]).fields.ethnicity).toBe('回族');
  });
  it('refuses unknown fields, records outside the set, and single records', () => {
    expect(() => mergeRecords([older, newer], { record_no: older.recordNo })).toThrow(MergeError);
    expect(() => mergeRecords([older, newer], { phone: '999' })).toThrow(/not in the duplicate set/);
    expect(() => mergeRecords([older])).toThrow(MergeError);
  });
});
