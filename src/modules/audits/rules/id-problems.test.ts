import { describe, expect, it } from 'vitest';
import { ID_SUSPECT_PROVINCES } from '../../../db/migrations/019-resident-id-suspects.js';
import { idCheckChar, PROVINCES } from '../../../domain/id-number/id-number.js';
import { Q2_2020 } from './rules.fixture.js';
import { idProblems, type ResidentIdRow } from './id-problems.js';

const validId = (body17: string): string => body17 + idCheckChar(body17);
const male1950 = validId('62088119500307123');

const resident = (
  id: number,
  idNumber: string | null,
  birthDate = '1950-03-07',
  sex = 'M',
): ResidentIdRow => ({
  id,
  idNumber,
  birthDate,
  sex,
  orgCode: '620881100201',
  countyCode: '620881',
});

describe('id_problems', () => {
  it('reports empty numbers as warnings by default, and not at all when asked', () => {
    const rows = [resident(1, null), resident(2, male1950)];
    expect(idProblems.judge(rows, idProblems.parameters.parse({}), Q2_2020)).toEqual([
      {
        severity: 'warning',
        subject: 'resident:1',
        orgCode: '620881100201',
        countyCode: '620881',
        residentId: 1,
        serviceId: null,
        subjectDate: null,
        weight: 1,
        evidence: { codes: ['EMPTY'] },
      },
    ]);
    expect(idProblems.judge(rows, idProblems.parameters.parse({ reportEmpty: false }), Q2_2020)).toEqual([]);
  });

  it('reports a bad check digit and a number disagreeing with the record as errors, with codes only', () => {
    const bad = male1950.slice(0, 17) + (male1950.endsWith('1') ? '2' : '1');
    const found = idProblems.judge(
      [resident(3, bad), resident(4, male1950, '1950-03-08', 'F')],
      idProblems.parameters.parse({}),
      Q2_2020,
    );
    expect(found.map((f) => [f.residentId, f.severity, f.evidence.codes])).toEqual([
      [3, 'error', ['CHECKSUM']],
      [4, 'error', ['BIRTH_DATE_MISMATCH', 'SEX_MISMATCH']],
    ]);
    expect(JSON.stringify(found)).not.toContain(male1950.slice(6, 14));
  });

  it("keeps the suspects index's provinces those of the ID module (a change needs a new index)", () => {
    expect([...ID_SUSPECT_PROVINCES].sort()).toEqual(Object.keys(PROVINCES).sort());
  });
});
