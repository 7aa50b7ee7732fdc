import { describe, expect, it } from 'vitest';
import { auditMatrix, type CountRow } from './audit-matrix';

const row = (org: string, rule: string, severity: string, count: number, affected = count): CountRow => ({
  org,
  orgName: `名${org}`,
  level: org === '620800' ? 2 : 3,
  rule,
  severity,
  count,
  affected,
});

describe('the matrix of records affected per unit and rule', () => {
  it('puts the chosen org first, adds severities of one rule, and sums the records of a unit', () => {
    const { rows, rules } = auditMatrix(
      [
        row('620821', 'id_problems', 'error', 3),
        row('620800', 'id_problems', 'error', 5),
        row('620800', 'id_problems', 'warning', 2),
        row('620802', 'duplicate_records', 'error', 4, 5),
        row('620800', 'duplicate_records', 'error', 4, 5),
      ],
      '620800',
    );
    expect(rules.sort()).toEqual(['duplicate_records', 'id_problems']);
    expect(rows.map((r) => r.org)).toEqual(['620800', '620802', '620821']);
    expect(rows[0]!.total).toBe(true);
    expect(rows[0]!.cells['id_problems']).toEqual({ count: 7, affected: 7 });
    expect(rows[0]!.cells['duplicate_records']).toEqual({ count: 4, affected: 5 });
    expect(rows[0]!.sum).toBe(12);
    expect(rows[0]!.findings).toBe(11);
    expect(rows[1]!.cells['id_problems']).toBeUndefined();
  });

  it('counts an unused_records finding per org as the records it stands for', () => {
    const { rows } = auditMatrix(
      [
        // Two counties with unused records, one finding each weighing its records; the city holds both.
        row('620800', 'unused_records', 'info', 2, 1_530),
        row('620800', 'id_problems', 'error', 3),
        row('620802', 'unused_records', 'info', 1, 1_200),
        row('620821', 'unused_records', 'info', 1, 330),
      ],
      '620800',
    );
    expect(rows.map((r) => [r.org, r.cells['unused_records']?.affected, r.sum, r.findings])).toEqual([
      ['620800', 1_530, 1_533, 5],
      ['620802', 1_200, 1_200, 1],
      ['620821', 330, 330, 1],
    ]);
  });

  it('keeps a child unit without findings, with no cells', () => {
    const { rows } = auditMatrix([row('620800', 'id_problems', 'error', 1)], '620800', [
      { code: '620826', name: '静宁县' },
    ]);
    expect(rows.map((r) => [r.org, r.orgName, r.sum, r.findings])).toEqual([
      ['620800', '名620800', 1, 1],
      ['620826', '静宁县', 0, 0],
    ]);
  });
});
