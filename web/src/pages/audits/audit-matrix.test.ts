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

describe('the matrix of findings per unit and rule', () => {
  it('puts the chosen org first, adds severities of one rule, and sums a unit', () => {
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
    expect(rows[0]!.sum).toBe(11);
    expect(rows[1]!.cells['id_problems']).toBeUndefined();
  });

  it('keeps a child unit without findings, with no cells', () => {
    const { rows } = auditMatrix([row('620800', 'id_problems', 'error', 1)], '620800', [
      { code: '620826', name: '静宁县' },
    ]);
    expect(rows.map((r) => [r.org, r.orgName, r.sum])).toEqual([
      ['620800', '名620800', 1],
      ['620826', '静宁县', 0],
    ]);
  });
});
