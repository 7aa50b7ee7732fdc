/**
 * SQL of the indicator engine: reading the raw rows of changed residents, keeping the
 * maintained facts (memberships and tallies), and the grouped aggregate that answers a
 * period for a subtree.
 */
import { sql, type Compilable, type Kysely } from 'kysely';
import type { Database, OrgLevel } from '../../db/schema.js';
import { SLOTS_PER_YEAR } from '../../domain/periods/period.js';
import { executeBatch } from '../records/compiled-batches.js';

/** Tables of migration 002 (a type alias, not an interface, to satisfy Kysely's table-map constraint). */
export type IndicatorTables = {
  indicator_fact_years: { year: number };
  indicator_residents: { resident_id: number; county_code: string; id_key: string | null };
  indicator_memberships: {
    resident_id: number;
    year: number;
    county_code: string;
    org_code: string;
    /** `|term=mask|term=mask|`, mask = 36-bit 旬 membership. */
    terms: string;
  };
  indicator_tallies: {
    year: number;
    /** The node of the slot tree (src/domain/indicators/slot-tree.ts), not the 旬 itself. */
    slot: number;
    org_code: string;
    term: string;
    county_code: string;
    n: number;
  };
};

type Q = Kysely<Database & IndicatorTables>;
/** A Kysely handle (database or transaction) with the foundation tables. */
export type Handle = Kysely<Database>;

function q(h: Handle): Q {
  return h.withTables<IndicatorTables>();
}

/** Splits `items` into chunks small enough for any dialect's bind-parameter limit. */
function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const ID_CHUNK = 2000;
const PARAMS_PER_STATEMENT = 8000;

/** The years whose facts are maintained. */
export async function loadFactYears(h: Handle): Promise<number[]> {
  const rows = await q(h).selectFrom('indicator_fact_years').select('year').orderBy('year').execute();
  return rows.map((r) => Number(r.year));
}

/** Marks years as maintained. */
export async function addFactYears(h: Handle, years: readonly number[]): Promise<void> {
  if (years.length === 0) return;
  await q(h)
    .insertInto('indicator_fact_years')
    .values(years.map((year) => ({ year })))
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
}

/** A resident row as the engine reads it. */
export interface ResidentRow {
  id: number;
  county_code: string;
  org_code: string;
  id_number: string | null;
  birth_date: string | null;
  electronic: number;
  record_created: string;
  death_date: string | null;
  moved_out_date: string | null;
}

/** Residents by id (missing ids are deleted residents). */
export async function loadResidents(h: Handle, ids: readonly number[]): Promise<ResidentRow[]> {
  const out: ResidentRow[] = [];
  for (const part of chunks(ids, ID_CHUNK)) {
    const rows = await h
      .selectFrom('residents')
      .select([
        'id',
        'county_code',
        'org_code',
        'id_number',
        'birth_date',
        'electronic',
        'record_created',
        'death_date',
        'moved_out_date',
      ])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) out.push({ ...r, id: Number(r.id), electronic: Number(r.electronic) });
  }
  return out;
}

/** Residents ids in id order after `afterId`, for full recomputation in batches. */
export async function residentIdsAfter(h: Handle, afterId: number, limit: number): Promise<number[]> {
  const rows = await h
    .selectFrom('residents')
    .select('id')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Enrolments of residents. */
export async function loadEnrollments(
  h: Handle,
  ids: readonly number[],
): Promise<{ resident_id: number; program: string; start_date: string; end_date: string | null }[]> {
  const out: { resident_id: number; program: string; start_date: string; end_date: string | null }[] = [];
  for (const part of chunks(ids, ID_CHUNK)) {
    const rows = await h
      .selectFrom('enrollments')
      .select(['resident_id', 'program', 'start_date', 'end_date'])
      .where('resident_id', 'in', part)
      .execute();
    for (const r of rows) out.push({ ...r, resident_id: Number(r.resident_id) });
  }
  return out;
}

/** A service row as the engine reads it; payload only for the types whose rules read it. */
export interface ServiceRow {
  id: number;
  resident_id: number;
  type: string;
  service_date: string;
  sbp: number | null;
  dbp: number | null;
  fasting_glucose: number | null;
  controlled: number | null;
  guidance: number | null;
  payload: string | null;
}

/** Services of residents. */
export async function loadServices(h: Handle, ids: readonly number[]): Promise<ServiceRow[]> {
  const out: ServiceRow[] = [];
  for (const part of chunks(ids, ID_CHUNK)) {
    const rows = await h
      .selectFrom('services')
      .select([
        'id',
        'resident_id',
        'type',
        'service_date',
        'sbp',
        'dbp',
        'fasting_glucose',
        'controlled',
        'guidance',
        sql<
          string | null
        >`case when type in ('vaccination', 'prenatal_registration', 'tb_followup') then payload end`.as(
          'payload',
        ),
      ])
      .where('resident_id', 'in', part)
      .execute();
    for (const r of rows) out.push({ ...r, id: Number(r.id), resident_id: Number(r.resident_id) });
  }
  return out;
}

/** Stored ID keys of residents (before this write). */
export async function loadIdKeys(h: Handle, ids: readonly number[]): Promise<Map<number, string | null>> {
  const out = new Map<number, string | null>();
  for (const part of chunks(ids, ID_CHUNK)) {
    const rows = await q(h)
      .selectFrom('indicator_residents')
      .select(['resident_id', 'id_key'])
      .where('resident_id', 'in', part)
      .execute();
    for (const r of rows) out.set(Number(r.resident_id), r.id_key);
  }
  return out;
}

/** Replaces the stored ID keys of residents; residents absent from `rows` are removed. */
export async function replaceIdKeys(
  h: Handle,
  ids: readonly number[],
  rows: readonly { resident_id: number; county_code: string; id_key: string | null }[],
): Promise<void> {
  for (const part of chunks(ids, ID_CHUNK))
    await q(h).deleteFrom('indicator_residents').where('resident_id', 'in', part).execute();
  for (const part of chunks(rows, Math.floor(PARAMS_PER_STATEMENT / 3)))
    await q(h).insertInto('indicator_residents').values(part).execute();
}

/** Residents holding any of the ID keys, with their record span. */
export async function residentsWithKeys(
  h: Handle,
  keys: readonly string[],
): Promise<
  {
    id: number;
    id_key: string;
    record_created: string;
    death_date: string | null;
    moved_out_date: string | null;
  }[]
> {
  const out: {
    id: number;
    id_key: string;
    record_created: string;
    death_date: string | null;
    moved_out_date: string | null;
  }[] = [];
  for (const part of chunks(keys, ID_CHUNK)) {
    const rows = await q(h)
      .selectFrom('indicator_residents as k')
      .innerJoin('residents as r', 'r.id', 'k.resident_id')
      .select(['r.id', 'k.id_key', 'r.record_created', 'r.death_date', 'r.moved_out_date'])
      .where('k.id_key', 'in', part)
      .execute();
    for (const r of rows) out.push({ ...r, id: Number(r.id), id_key: r.id_key! });
  }
  return out;
}

/** A stored membership row. */
export interface MembershipRow {
  resident_id: number;
  year: number;
  county_code: string;
  org_code: string;
  terms: string;
}

/** Stored memberships of residents. */
export async function loadMemberships(h: Handle, ids: readonly number[]): Promise<MembershipRow[]> {
  const out: MembershipRow[] = [];
  for (const part of chunks(ids, ID_CHUNK)) {
    const rows = await q(h)
      .selectFrom('indicator_memberships')
      .selectAll()
      .where('resident_id', 'in', part)
      .execute();
    for (const r of rows) out.push({ ...r, resident_id: Number(r.resident_id), year: Number(r.year) });
  }
  return out;
}

/** Replaces the memberships of residents in `years` by `rows`. */
export async function replaceMemberships(
  h: Handle,
  ids: readonly number[],
  years: readonly number[],
  rows: readonly MembershipRow[],
): Promise<void> {
  if (years.length === 0) return;
  for (const part of chunks(ids, ID_CHUNK))
    if (part.length > 0)
      await q(h)
        .deleteFrom('indicator_memberships')
        .where('resident_id', 'in', part)
        .where('year', 'in', years)
        .execute();
  if (rows.length === 0) return;
  const values: unknown[] = [];
  for (const r of rows) values.push(r.resident_id, r.year, r.county_code, r.org_code, r.terms);
  await writeCompiled(h, 'indicator_memberships.insert', 5, values, (positions) =>
    q(h)
      .insertInto('indicator_memberships')
      .values(
        positions.map(([id, year, county, org, terms]) => ({
          resident_id: id!,
          year: year!,
          county_code: county as never,
          org_code: org as never,
          terms: terms as never,
        })),
      ),
  );
}

/** A change of one tally node. */
export interface TallyDelta {
  year: number;
  /** Slot-tree node (0..35). */
  node: number;
  org_code: string;
  term: string;
  county_code: string;
  n: number;
}

/**
 * Row counts of the statements writing `total` rows: full statements of `max` rows (a power
 * of two), then the rest as powers of two, so a compiled statement is reused across writes
 * (at most log2(max) + 1 shapes) instead of compiling one per odd tail.
 */
function statementRows(total: number, max: number): number[] {
  const out: number[] = [];
  let left = total;
  for (; left >= max; left -= max) out.push(max);
  for (let size = max / 2; size >= 1; size /= 2)
    if (left >= size) {
      out.push(size);
      left -= size;
    }
  return out;
}

/** Writes `rows` (flattened, `width` values each) with one compiled statement per shape. */
async function writeCompiled(
  h: Handle,
  shape: string,
  width: number,
  values: readonly unknown[],
  build: (rows: number[][]) => Compilable<unknown>,
): Promise<void> {
  let at = 0;
  for (const rows of statementRows(values.length / width, ROWS_PER_WRITE)) {
    await executeBatch(h, shape, width, values.slice(at, at + rows * width), build);
    at += rows * width;
  }
}

/** Rows per multi-row write: a power of two, × 6 columns under both dialects' parameter limits. */
const ROWS_PER_WRITE = 1024;

const EVERY_SLOT = Array.from({ length: SLOTS_PER_YEAR }, (_, slot) => slot);

const TALLY_COLUMNS = ['year', 'slot', 'org_code', 'term', 'county_code', 'n'] as const;

/** Adds deltas to the tallies (creating rows as needed). Sorted so concurrent writers lock in one order. */
export async function addToTallies(h: Handle, deltas: readonly TallyDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const sorted = [...deltas].sort(
    (a, b) =>
      a.year - b.year ||
      a.node - b.node ||
      (a.org_code < b.org_code ? -1 : a.org_code > b.org_code ? 1 : 0) ||
      (a.term < b.term ? -1 : a.term > b.term ? 1 : 0),
  );
  const values: unknown[] = [];
  for (const d of sorted) values.push(d.year, d.node, d.org_code, d.term, d.county_code, d.n);
  await writeCompiled(h, 'indicator_tallies.add', TALLY_COLUMNS.length, values, (rows) =>
    q(h)
      .insertInto('indicator_tallies')
      .values(
        rows.map(([year, slot, org, term, county, n]) => ({
          year: year!,
          slot: slot!,
          org_code: org as never,
          term: term as never,
          county_code: county as never,
          n: n!,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['year', 'slot', 'county_code', 'org_code', 'term'])
          .doUpdateSet({ n: sql`indicator_tallies.n + excluded.n` }),
      ),
  );
}

/** Health-education activities of orgs. */
export async function loadActivities(
  h: Handle,
  orgCodes: readonly string[],
): Promise<{ org_code: string; county_code: string; service_date: string; payload: string | null }[]> {
  const out: { org_code: string; county_code: string; service_date: string; payload: string | null }[] = [];
  for (const part of chunks(orgCodes, ID_CHUNK)) {
    const rows = await h
      .selectFrom('services')
      .select(['org_code', 'county_code', 'service_date', 'payload'])
      .where('type', '=', 'health_education')
      .where('resident_id', 'is', null)
      .where('org_code', 'in', part)
      .execute();
    out.push(...rows);
  }
  return out;
}

/** Every org that has a health-education activity. */
export async function activityOrgs(h: Handle): Promise<string[]> {
  const rows = await h
    .selectFrom('services')
    .select('org_code')
    .distinct()
    .where('type', '=', 'health_education')
    .where('resident_id', 'is', null)
    .execute();
  return rows.map((r) => r.org_code);
}

/** The counties of orgs: a tally's county is the first 6 digits of its org's code, as every writer stores it. */
function countiesOf(orgCodes: readonly string[]): string[] {
  return [...new Set(orgCodes.map((code) => code.slice(0, 6)))];
}

/** Removes the tallies of `terms` for orgs in `years` (before writing them anew). */
export async function deleteTallies(
  h: Handle,
  orgCodes: readonly string[],
  terms: readonly string[],
  years: readonly number[],
): Promise<void> {
  for (const part of chunks(orgCodes, ID_CHUNK))
    await q(h)
      .deleteFrom('indicator_tallies')
      // Every node and county named, so that the primary key (year, slot, county, org, term) finds the rows.
      .where('year', 'in', years)
      .where('slot', 'in', EVERY_SLOT)
      .where('county_code', 'in', countiesOf(part))
      .where('org_code', 'in', part)
      .where('term', 'in', terms)
      .execute();
}

/** Empties every maintained fact (before a full recomputation). */
export async function clearFacts(h: Handle): Promise<void> {
  for (const t of [
    'indicator_tallies',
    'indicator_memberships',
    'indicator_residents',
    'indicator_fact_years',
  ] as const)
    await q(h).deleteFrom(t).execute();
}

/** Distinct years of service dates (the years reports are asked about). */
export async function serviceYears(h: Handle): Promise<number[]> {
  const rows = await h
    .selectFrom('services')
    .select(sql<string>`substr(service_date, 1, 4)`.as('y'))
    .distinct()
    .execute();
  return rows.map((r) => Number(r.y)).filter((y) => Number.isInteger(y));
}

/** An org of a subtree, with its ancestors' codes. */
export interface OrgRow {
  code: string;
  name: string;
  level: number;
  province_code: string;
  city_code: string | null;
  county_code: string | null;
  township_code: string | null;
}

const LEVEL_COLUMN = { 1: 'province_code', 2: 'city_code', 3: 'county_code', 4: 'township_code' } as const;

/** The column that holds an org's ancestor at `level` (1..4), or the code itself at level 5. */
function subtreeFilter(root: OrgRow) {
  const col = root.level >= 5 ? 'code' : LEVEL_COLUMN[root.level as 1 | 2 | 3 | 4];
  return sql<boolean>`(o.code = ${root.code} or o.${sql.ref(col)} = ${root.code})`;
}

/** One org by code, or undefined. */
export async function findOrg(h: Handle, code: string): Promise<OrgRow | undefined> {
  const row = await h
    .selectFrom('orgs')
    .select(['code', 'name', 'level', 'province_code', 'city_code', 'county_code', 'township_code'])
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? { ...row, level: Number(row.level) } : undefined;
}

/** The orgs of `root`'s subtree down to `maxLevel`. */
export async function listSubtreeOrgs(h: Handle, root: OrgRow, maxLevel: number): Promise<OrgRow[]> {
  const rows = await h
    .selectFrom('orgs as o')
    .select([
      'o.code',
      'o.name',
      'o.level',
      'o.province_code',
      'o.city_code',
      'o.county_code',
      'o.township_code',
    ])
    .where(subtreeFilter(root))
    .where('o.level', '<=', maxLevel as OrgLevel)
    .orderBy('o.level')
    .orderBy('o.code')
    .execute();
  return rows.map((r) => ({ ...r, level: Number(r.level) }));
}

/**
 * The tally nodes of a year of the orgs of a subtree (several rows per org and term: their
 * sum is the count): by county when the subtree is made of whole counties, else by org
 * code. No join: the caller knows the orgs.
 */
export async function subtreeTallies(
  h: Handle,
  scope: { countyCodes: readonly string[] } | { orgCodes: readonly string[] },
  year: number,
  nodes: readonly number[],
): Promise<{ org_code: string; term: string; n: number }[]> {
  const codes = 'countyCodes' in scope ? scope.countyCodes : scope.orgCodes;
  const out: { org_code: string; term: string; n: number }[] = [];
  for (const part of chunks(codes, ID_CHUNK)) {
    let query = q(h)
      .selectFrom('indicator_tallies')
      .select(['org_code', 'term', 'n'])
      .where('year', '=', year)
      .where('slot', 'in', nodes);
    query =
      'countyCodes' in scope
        ? query.where('county_code', 'in', part)
        : query.where('county_code', 'in', countiesOf(part)).where('org_code', 'in', part);
    const rows = await query.execute();
    for (const r of rows) out.push({ org_code: r.org_code, term: r.term, n: Number(r.n) });
  }
  return out;
}

/** Village-level population rows of the subtree for a year (a parent's population is the sum of its villages). */
export async function subtreePopulation(
  h: Handle,
  root: OrgRow,
  year: number,
): Promise<
  (OrgRow &
    Record<
      'total' | 'age_0_6' | 'age_65_plus' | 'age_15_plus' | 'age_18_plus' | 'women_15_49' | 'live_births',
      number | null
    >)[]
> {
  const rows = await h
    .selectFrom('org_population as p')
    .innerJoin('orgs as o', 'o.code', 'p.org_code')
    .select([
      'o.code',
      'o.name',
      'o.level',
      'o.province_code',
      'o.city_code',
      'o.county_code',
      'o.township_code',
      'p.total',
      'p.age_0_6',
      'p.age_65_plus',
      'p.age_15_plus',
      'p.age_18_plus',
      'p.women_15_49',
      'p.live_births',
    ])
    .where('p.year', '=', year)
    .where('o.level', '=', 5 as const)
    .where(subtreeFilter(root))
    .execute();
  return rows.map((r) => ({ ...r, level: Number(r.level) }));
}

/** Memberships of the subtree for a year that mention `term` (drill-down). */
export async function subtreeMemberships(
  h: Handle,
  root: OrgRow,
  year: number,
  term: string,
): Promise<{ resident_id: number; terms: string }[]> {
  const rows = await q(h)
    .selectFrom('indicator_memberships as m')
    .innerJoin('orgs as o', 'o.code', 'm.org_code')
    .select(['m.resident_id', 'm.terms'])
    .where('m.year', '=', year)
    .where('m.terms', 'like', `%|${term}=%`)
    .where(subtreeFilter(root))
    .orderBy('m.resident_id')
    .execute();
  return rows.map((r) => ({ resident_id: Number(r.resident_id), terms: r.terms }));
}

/** A person of a drill-down list, before masking. */
export interface PersonRow {
  id: number;
  record_no: string;
  name: string;
  sex: string | null;
  birth_date: string | null;
  id_number: string | null;
  phone: string | null;
  org_code: string;
  org_name: string | null;
}

/** Residents of a drill-down page. */
export async function loadPeople(h: Handle, ids: readonly number[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  const rows = await h
    .selectFrom('residents as r')
    .leftJoin('orgs as o', 'o.code', 'r.org_code')
    .select([
      'r.id',
      'r.record_no',
      'r.name',
      'r.sex',
      'r.birth_date',
      'r.id_number',
      'r.phone',
      'r.org_code',
      'o.name as org_name',
    ])
    .where('r.id', 'in', ids)
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
