/**
 * Where each table would live on a Citus cluster distributed by county (ADR 0020), and the
 * rules its schema must keep for that to work. Nothing here runs on a cluster today: the
 * layout is checked against the migrated PostgreSQL schema by `citus-layout.int.test.ts`,
 * so that a new table or key that would not distribute is seen when it is written, not
 * when the nation's deployment is attempted.
 */

/**
 * How Citus holds a table: `distributed` — hash-partitioned by a column (the county),
 * each county's rows on one shard, colocated with the residents; `reference` — small, copied
 * to every node so that any shard can join it; `coordinator` — administrative tables kept
 * on the coordinator only (accounts, targets, bulletins, the trail).
 */
export type CitusPlacement =
  | { readonly kind: 'distributed'; readonly by: string }
  | { readonly kind: 'reference' }
  | { readonly kind: 'coordinator' };

const byCounty: CitusPlacement = { kind: 'distributed', by: 'county_code' };
const reference: CitusPlacement = { kind: 'reference' };
const coordinator: CitusPlacement = { kind: 'coordinator' };

/** The placement of every table the migrations create (one line each, checked complete). */
export const CITUS_LAYOUT: Readonly<Record<string, CitusPlacement>> = {
  // The person-level tables and what is derived per person: one county, one shard.
  residents: byCounty,
  enrollments: byCounty,
  services: byCounty,
  indicator_residents: byCounty,
  indicator_memberships: byCounty,
  indicator_tallies: byCounty,
  // Bumped by the tally triggers in the writing transaction: beside the tallies.
  tally_org_versions: byCounty,
  audit_findings: byCounty,
  audit_merges: byCounty,
  family_doctor_teams: byCounty,
  family_doctor_contracts: byCounty,
  // A report per org and period, keyed by county so the tallies' shard holds it beside them
  // and its data-version trigger bumps the county's row there.
  reported_values: byCounty,
  // One row per county (the scope is the county code) and '*': bumped by the tally triggers
  // in the writing transaction, so it must sit on the shard of the tallies it counts.
  data_versions: { kind: 'distributed', by: 'scope' },
  // Small, read by every shard's joins.
  orgs: reference,
  org_population: reference,
  indicator_fact_years: reference,
  indicator_fact_years_preparing: reference,
  indicator_fact_definitions: reference,
  assessment_schemes: reference,
  // Administrative: few rows, written by few people.
  users: coordinator,
  sessions: coordinator,
  api_tokens: coordinator,
  access_trail: coordinator,
  targets: coordinator,
  target_changes: coordinator,
  target_parameters: coordinator,
  reported_value_changes: coordinator,
  push_plan_snapshots: coordinator,
  push_plan_rows: coordinator,
  push_plan_schedules: coordinator,
  bulletins: coordinator,
  bulletin_schedules: coordinator,
  audit_runs: coordinator,
  audit_run_counts: coordinator,
  assessment_runs: coordinator,
  assessment_unit_results: coordinator,
  assessment_item_results: coordinator,
  assessment_manual_entries: coordinator,
  funding_allocations: coordinator,
  funding_allocation_units: coordinator,
  funding_disbursements: coordinator,
  kysely_migration: coordinator,
  kysely_migration_lock: coordinator,
};

/** What the check needs to know of a schema: tables, columns, keys and foreign keys. */
export interface SchemaFacts {
  readonly columns: readonly {
    readonly table: string;
    readonly column: string;
    readonly type: string;
    readonly notNull: boolean;
    readonly sequence: boolean;
  }[];
  readonly keys: readonly {
    readonly table: string;
    readonly kind: 'primary' | 'unique';
    readonly columns: readonly string[];
  }[];
  readonly foreignKeys: readonly {
    readonly table: string;
    readonly columns: readonly string[];
    readonly references: string;
    readonly referencedColumns: readonly string[];
  }[];
}

/** The rules a table breaks, each a stable text so that a list of them can be reviewed. */
export type CitusRule =
  | 'unplaced'
  | 'no-distribution-column'
  | 'nullable-distribution-column'
  | 'key-without-distribution-column'
  | 'foreign-key-across-shards'
  | 'foreign-key-to-coordinator'
  | 'foreign-key-into-distributed'
  | 'sequence-not-bigint';

/** One broken rule: `residents key-without-distribution-column (id)`. */
export interface CitusViolation {
  readonly table: string;
  readonly rule: CitusRule;
  readonly detail: string;
}

/** The violation as one line, the form {@link PENDING_REKEYING} lists. */
export function violationText(v: CitusViolation): string {
  return `${v.table} ${v.rule} (${v.detail})`;
}

function placementOf(table: string, layout: Readonly<Record<string, CitusPlacement>>): CitusPlacement | null {
  return Object.hasOwn(layout, table) ? layout[table]! : null;
}

/**
 * The rules of `layout` that `facts` break: every table placed; a distributed table has its
 * distribution column, not null, in every primary and unique key; a foreign key between
 * distributed tables joins on the distribution column (so it stays on one shard); no foreign
 * key from a distributed table to a coordinator table, nor from a reference or coordinator
 * table into a distributed one; a distributed table's sequence is bigint (Citus gives each
 * node its own range of a bigint sequence, so inserts need no round trip to the coordinator).
 *
 * @example citusViolations(facts, CITUS_LAYOUT).map(violationText)
 * // ['residents key-without-distribution-column (id)', …]
 */
export function citusViolations(
  facts: SchemaFacts,
  layout: Readonly<Record<string, CitusPlacement>>,
): CitusViolation[] {
  const out: CitusViolation[] = [];
  const tables = [...new Set(facts.columns.map((c) => c.table))].sort();
  for (const table of tables) {
    const placement = placementOf(table, layout);
    if (placement === null) {
      out.push({ table, rule: 'unplaced', detail: 'not in CITUS_LAYOUT' });
      continue;
    }
    if (placement.kind !== 'distributed') continue;
    const columns = facts.columns.filter((c) => c.table === table);
    const by = columns.find((c) => c.column === placement.by);
    if (by === undefined) out.push({ table, rule: 'no-distribution-column', detail: placement.by });
    else if (!by.notNull) out.push({ table, rule: 'nullable-distribution-column', detail: placement.by });
    for (const key of facts.keys.filter((k) => k.table === table))
      if (!key.columns.includes(placement.by))
        out.push({ table, rule: 'key-without-distribution-column', detail: key.columns.join(', ') });
    for (const c of columns)
      if (c.sequence && c.type !== 'bigint')
        out.push({ table, rule: 'sequence-not-bigint', detail: `${c.column} ${c.type}` });
  }
  for (const fk of facts.foreignKeys) {
    const from = placementOf(fk.table, layout);
    const to = placementOf(fk.references, layout);
    if (from === null || to === null) continue;
    const detail = `${fk.columns.join(', ')} → ${fk.references}(${fk.referencedColumns.join(', ')})`;
    if (from.kind === 'distributed' && to.kind === 'distributed') {
      const i = fk.columns.indexOf(from.by);
      if (i < 0 || fk.referencedColumns[i] !== to.by)
        out.push({ table: fk.table, rule: 'foreign-key-across-shards', detail });
    } else if (from.kind === 'distributed' && to.kind === 'coordinator')
      out.push({ table: fk.table, rule: 'foreign-key-to-coordinator', detail });
    else if (from.kind !== 'distributed' && to.kind === 'distributed')
      out.push({ table: fk.table, rule: 'foreign-key-into-distributed', detail });
  }
  return out;
}

/**
 * The violations the schema has today, each to be removed by the re-keying migration that
 * ADR 0020 plans (county_code first in the keys and foreign keys of the person-level
 * tables). The int test fails when the schema's violations differ from this list either way:
 * a new one must be fixed or argued here; a fixed one must leave the list.
 */
export const PENDING_REKEYING: readonly string[] = [
  'audit_findings key-without-distribution-column (finding_key)',
  'audit_findings key-without-distribution-column (id)',
  'audit_merges key-without-distribution-column (id)',
  'enrollments foreign-key-across-shards (resident_id → residents(id))',
  'enrollments key-without-distribution-column (id)',
  'enrollments key-without-distribution-column (resident_id, program, start_date)',
  'family_doctor_contracts foreign-key-across-shards (previous_contract_id → family_doctor_contracts(id))',
  'family_doctor_contracts foreign-key-across-shards (resident_id → residents(id))',
  'family_doctor_contracts foreign-key-across-shards (team_id → family_doctor_teams(id))',
  'family_doctor_contracts key-without-distribution-column (contract_no)',
  'family_doctor_contracts key-without-distribution-column (id)',
  'family_doctor_teams key-without-distribution-column (code)',
  'family_doctor_teams key-without-distribution-column (id)',
  'indicator_memberships key-without-distribution-column (resident_id, year)',
  'indicator_residents key-without-distribution-column (resident_id)',
  'residents key-without-distribution-column (id)',
  'residents key-without-distribution-column (record_no)',
  'services foreign-key-across-shards (resident_id → residents(id))',
  'services key-without-distribution-column (id)',
  'services key-without-distribution-column (service_key)',
];
