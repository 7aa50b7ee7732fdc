import { describe, expect, it } from 'vitest';
import { PERSON_KEY_FIELDS } from '../../../db/migrations/022-resident-person-keys.js';
import { duplicateRecords, judgeDuplicates, type DuplicateCandidate } from './duplicate-records.js';

const candidate = (residentId: number, groupKey: string, orgCode = '620881100201'): DuplicateCandidate => ({
  residentId,
  groupKey,
  recordNo: `${orgCode}${String(residentId).padStart(5, '0')}`,
  orgCode,
  countyCode: orgCode.slice(0, 6),
});

describe('duplicate_records', () => {
  const p = duplicateRecords.parameters.parse({});

  it('defaults to the ID number, and to name + birth date + sex within a county', () => {
    expect(p.keys).toEqual([['id_number'], ['county_code', 'name', 'birth_date', 'sex']]);
    expect(duplicateRecords.parameters.safeParse({ keys: [] }).success).toBe(false);
    expect(duplicateRecords.parameters.safeParse({ keys: [['phone']] }).success).toBe(true);
    expect(duplicateRecords.parameters.safeParse({ keys: [['password']] }).success).toBe(false);
  });

  it('joins groups of different keys into one set, named by its smallest record and weighing its extra copies', () => {
    const byId = [candidate(5, 'a'), candidate(9, 'a', '620881100202')];
    const byName = [
      candidate(9, 'x', '620881100202'),
      candidate(12, 'x'),
      candidate(20, 'y'),
      candidate(21, 'y'),
    ];
    const found = judgeDuplicates([byId, byName], p.keys);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({
      severity: 'error',
      subject: 'set:5',
      orgCode: '620881100201',
      countyCode: '620881',
      residentId: 5,
      weight: 2,
      evidence: {
        residentIds: [5, 9, 12],
        orgCodes: ['620881100201', '620881100202', '620881100201'],
        keys: ['id_number', 'county_code+name+birth_date+sex'],
      },
    });
    expect(found[1]).toMatchObject({
      subject: 'set:20',
      weight: 1,
      evidence: { keys: ['county_code+name+birth_date+sex'] },
    });
  });

  it('ignores a group of one (a key value no one else has)', () => {
    expect(judgeDuplicates([[candidate(1, 'a'), candidate(2, 'b')]], [['id_number']])).toEqual([]);
  });

  it("keeps the person key index's columns the rule's second default key (a change needs a new index)", () => {
    expect([...PERSON_KEY_FIELDS]).toEqual(p.keys[1]);
  });
});
