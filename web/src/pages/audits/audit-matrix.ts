/**
 * The counts of GET /api/audits/counts (one row per org and rule) as the matrix the 质控
 * page shows: a row per unit (the chosen org first, as the total, then its children in
 * code order), a column per rule, each cell the records that the findings of that unit's
 * whole subtree stand for. Records rather than findings, because a finding may stand for many
 * (one `unused_records` finding per org weighs all its unused records).
 */

/** One row of GET /api/audits/counts. */
export interface CountRow {
  readonly org: string;
  readonly orgName: string;
  readonly level: number;
  readonly rule: string;
  readonly severity: string;
  readonly count: number;
  readonly affected: number;
}

/** The findings of one rule in one unit, summed over severities. */
export interface MatrixCell {
  /** How many findings. */
  readonly count: number;
  /** How many records they stand for: the figure a user reads. */
  readonly affected: number;
}

/** One unit of the matrix. */
export interface MatrixRow {
  readonly org: string;
  readonly orgName: string;
  /** True for the chosen org (the total of its children and itself). */
  readonly total: boolean;
  readonly cells: Readonly<Record<string, MatrixCell>>;
  /** The records affected in the unit, all rules together. */
  readonly sum: number;
  /** The findings of the unit, all rules together. */
  readonly findings: number;
}

/**
 * Builds the matrix: severities of one rule are added, a rule without findings in a unit is
 * absent from its cells (shown as 0), units without any finding keep their row when they are
 * in `units` (the children the org has, so a clean unit is seen to be clean).
 *
 * @example
 * auditMatrix(rows, '620800', [{ code: '620802', name: '崆峒区' }]).rows[0].total // true
 */
export function auditMatrix(
  rows: readonly CountRow[],
  orgCode: string,
  units: readonly { readonly code: string; readonly name: string }[] = [],
): { rows: MatrixRow[]; rules: string[] } {
  const byOrg = new Map<
    string,
    { orgName: string; cells: Record<string, { count: number; affected: number }> }
  >();
  const rules = new Set<string>();
  const entry = (
    org: string,
    orgName: string,
  ): { orgName: string; cells: Record<string, { count: number; affected: number }> } => {
    let found = byOrg.get(org);
    if (!found) {
      found = { orgName, cells: {} };
      byOrg.set(org, found);
    }
    return found;
  };
  for (const unit of units) entry(unit.code, unit.name);
  for (const row of rows) {
    rules.add(row.rule);
    const cells = entry(row.org, row.orgName).cells;
    const cell = (cells[row.rule] ??= { count: 0, affected: 0 });
    cell.count += row.count;
    cell.affected += row.affected;
  }
  const ordered = [...byOrg.entries()].sort(([a], [b]) =>
    a === orgCode ? -1 : b === orgCode ? 1 : a.localeCompare(b),
  );
  return {
    rules: [...rules],
    rows: ordered.map(([org, { orgName, cells }]) => ({
      org,
      orgName,
      total: org === orgCode,
      cells,
      sum: Object.values(cells).reduce((s, c) => s + c.affected, 0),
      findings: Object.values(cells).reduce((s, c) => s + c.count, 0),
    })),
  };
}
