/**
 * SQL of the maintained facts (migration 002): the years maintained, the ID keys of the
 * residents, their membership rows and the tally nodes. Written by the fact maintainer in the
 * writing transaction; the read path reads the tallies (./values-repository.ts).
 */
import { sql, type Compilable, type InsertQueryBuilder, type InsertResult, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { chunks, KEYS_PER_LOOKUP, rowsPerStatement } from '../../db/statement-chunks.js';
import { SLOTS_PER_YEAR } from '../../domain/periods/period.js';
import type { MembershipRow } from '../../domain/indicators/fact-changes.js';
import type { TallyNode } from '../../domain/indicators/tally-changes.js';
import { executeBatch } from '../records/compiled-batches.js';

/** Tables of migration 002 (a type alias, not an interface, to satisfy Kysely's table-map constraint). */
export type IndicatorTables = {
  indicator_fact_years: { year: number };
  /** Migration 013: years being prepared, complete up to resident `prepared_through`. */
  indicator_fact_years_preparing: { year: number; prepared_through: number };
  /** Migration 014: the fingerprint of the definitions the facts were computed with. */
  indicator_fact_definitions: { fingerprint: string };
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

/** A Kysely handle (database or transaction) with the foundation tables. */
export type Handle = Kysely<Database>;

/** The handle with the indicator tables. */
export function factTables(h: Handle): Kysely<Database & IndicatorTables> {
  return h.withTables<IndicatorTables>();
}

/** The years whose facts are maintained. */
export async function loadFactYears(h: Handle): Promise<number[]> {
  const rows = await factTables(h)
    .selectFrom('indicator_fact_years')
    .select('year')
    .orderBy('year')
    .execute();
  return rows.map((r) => Number(r.year));
}

/** Marks years as maintained. */
export async function addFactYears(h: Handle, years: readonly number[]): Promise<void> {
  if (years.length === 0) return;
  await factTables(h)
    .insertInto('indicator_fact_years')
    .values(years.map((year) => ({ year })))
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
}

/** A year being prepared: every resident with an id up to `preparedThrough` has its facts. */
export interface YearInPreparation {
  readonly year: number;
  readonly preparedThrough: number;
}

/** The years being prepared (ADR 0021), by year. */
export async function loadYearsInPreparation(h: Handle): Promise<YearInPreparation[]> {
  const rows = await factTables(h)
    .selectFrom('indicator_fact_years_preparing')
    .select(['year', 'prepared_through'])
    .orderBy('year')
    .execute();
  return rows.map((r) => ({ year: Number(r.year), preparedThrough: Number(r.prepared_through) }));
}

/** Starts preparing `years` from the first resident (a year already started keeps its place). */
export async function startPreparingYears(h: Handle, years: readonly number[]): Promise<void> {
  if (years.length === 0) return;
  await factTables(h)
    .insertInto('indicator_fact_years_preparing')
    .values(years.map((year) => ({ year, prepared_through: 0 })))
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
}

/** Records that every resident up to `preparedThrough` has its facts for `year`. */
export async function advancePreparation(h: Handle, year: number, preparedThrough: number): Promise<void> {
  await factTables(h)
    .updateTable('indicator_fact_years_preparing')
    .set({ prepared_through: preparedThrough })
    .where('year', '=', year)
    .execute();
}

/** Makes a prepared year a maintained one: reads now trust its tallies. */
export async function finishPreparation(h: Handle, year: number): Promise<void> {
  await factTables(h).deleteFrom('indicator_fact_years_preparing').where('year', '=', year).execute();
  await addFactYears(h, [year]);
}

/** The fingerprint stored with the facts, or null before any was stored. */
export async function loadFactFingerprint(h: Handle): Promise<string | null> {
  const row = await factTables(h)
    .selectFrom('indicator_fact_definitions')
    .select('fingerprint')
    .executeTakeFirst();
  return row?.fingerprint ?? null;
}

/** Stores the fingerprint of the definitions the facts are (or will be) computed with. */
export async function saveFactFingerprint(h: Handle, fingerprint: string): Promise<void> {
  await factTables(h).deleteFrom('indicator_fact_definitions').execute();
  await factTables(h).insertInto('indicator_fact_definitions').values({ fingerprint }).execute();
}

/**
 * Turns `years` into years being prepared from the first resident: they leave the maintained
 * years (reads take the raw rows until they are complete again) and the preparation goes
 * over every resident, writing the difference between its stored and its computed facts.
 */
export async function prepareYearsAgain(h: Handle, years: readonly number[]): Promise<void> {
  if (years.length === 0) return;
  await factTables(h).deleteFrom('indicator_fact_years').where('year', 'in', years).execute();
  await factTables(h)
    .insertInto('indicator_fact_years_preparing')
    .values(years.map((year) => ({ year, prepared_through: 0 })))
    .onConflict((oc) => oc.column('year').doUpdateSet({ prepared_through: 0 }))
    .execute();
}

/** Stored ID keys of residents (before this write). */
export async function loadIdKeys(h: Handle, ids: readonly number[]): Promise<Map<number, string | null>> {
  const out = new Map<number, string | null>();
  for (const part of chunks(ids, KEYS_PER_LOOKUP)) {
    const rows = await factTables(h)
      .selectFrom('indicator_residents')
      .select(['resident_id', 'id_key'])
      .where('resident_id', 'in', part)
      .execute();
    for (const r of rows) out.set(Number(r.resident_id), r.id_key);
  }
  return out;
}

/** Replaces the stored ID keys of residents `ids` by `rows`; residents absent from `rows` are removed. */
export async function replaceIdKeys(
  h: Handle,
  ids: readonly number[],
  rows: readonly { residentId: number; countyCode: string; idKey: string | null }[],
): Promise<void> {
  for (const part of chunks(ids, KEYS_PER_LOOKUP))
    await factTables(h).deleteFrom('indicator_residents').where('resident_id', 'in', part).execute();
  for (const part of chunks(rows, rowsPerStatement(3)))
    await factTables(h)
      .insertInto('indicator_residents')
      .values(part.map((r) => ({ resident_id: r.residentId, county_code: r.countyCode, id_key: r.idKey })))
      .execute();
}

/** Stored memberships of residents (of `fromYear` and later when given). */
export async function loadMemberships(
  h: Handle,
  ids: readonly number[],
  fromYear: number | null = null,
): Promise<MembershipRow[]> {
  const out: MembershipRow[] = [];
  for (const part of chunks(ids, KEYS_PER_LOOKUP)) {
    let query = factTables(h)
      .selectFrom('indicator_memberships')
      .selectAll()
      .where('resident_id', 'in', part);
    if (fromYear !== null) query = query.where('year', '>=', fromYear);
    const rows = await query.execute();
    for (const r of rows)
      out.push({
        residentId: Number(r.resident_id),
        year: Number(r.year),
        countyCode: r.county_code,
        orgCode: r.org_code,
        terms: r.terms,
      });
  }
  return out;
}

/** Deletes the membership rows of the given residents, per year. */
export async function deleteMemberships(
  h: Handle,
  residentsByYear: ReadonlyMap<number, readonly number[]>,
): Promise<void> {
  for (const [year, ids] of residentsByYear)
    for (const part of chunks(ids, KEYS_PER_LOOKUP))
      await factTables(h)
        .deleteFrom('indicator_memberships')
        .where('resident_id', 'in', part)
        .where('year', '=', year)
        .execute();
}

/** Inserts membership rows (none of which is stored). */
export async function insertMemberships(h: Handle, rows: readonly MembershipRow[]): Promise<void> {
  await writeMembershipRows(h, 'indicator_memberships.insert', rows, (insert) => insert);
}

/**
 * Rewrites the terms of stored membership rows (same resident, year and org). An upsert whose
 * conflict always hits: one multi-row statement that changes the `terms` column alone, so
 * neither the primary key nor the (year, org) index is rewritten (a delete and an insert
 * would rewrite both and move the row).
 */
export async function updateMembershipTerms(h: Handle, rows: readonly MembershipRow[]): Promise<void> {
  await writeMembershipRows(h, 'indicator_memberships.terms', rows, (insert) =>
    insert.onConflict((oc) =>
      oc.columns(['resident_id', 'year']).doUpdateSet({ terms: sql`excluded.terms` }),
    ),
  );
}

/** The insert of membership rows, before it is finished. */
type MembershipInsert = InsertQueryBuilder<Database & IndicatorTables, 'indicator_memberships', InsertResult>;

/** Membership rows as one multi-row insert per shape, finished by `finish` (e.g. an upsert). */
async function writeMembershipRows(
  h: Handle,
  shape: string,
  rows: readonly MembershipRow[],
  finish: (insert: MembershipInsert) => Compilable<unknown>,
): Promise<void> {
  if (rows.length === 0) return;
  const values: unknown[] = [];
  for (const r of rows) values.push(r.residentId, r.year, r.countyCode, r.orgCode, r.terms);
  await writeCompiled(h, shape, 5, values, (positions) =>
    finish(
      factTables(h)
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
    ),
  );
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

/** Rows per multi-row write: a power of two, × 6 columns under both dialects' parameter limits. */
const ROWS_PER_WRITE = 1024;

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

const EVERY_SLOT = Array.from({ length: SLOTS_PER_YEAR }, (_, slot) => slot);

const TALLY_COLUMNS = ['year', 'slot', 'org_code', 'term', 'county_code', 'n'] as const;

/** Adds node changes to the tallies (creating rows as needed). Sorted so concurrent writers lock in one order. */
export async function addToTallies(h: Handle, changes: readonly TallyNode[]): Promise<void> {
  if (changes.length === 0) return;
  const sorted = [...changes].sort(
    (a, b) =>
      a.year - b.year ||
      a.node - b.node ||
      (a.orgCode < b.orgCode ? -1 : a.orgCode > b.orgCode ? 1 : 0) ||
      (a.term < b.term ? -1 : a.term > b.term ? 1 : 0),
  );
  const values: unknown[] = [];
  for (const d of sorted) values.push(d.year, d.node, d.orgCode, d.term, d.countyCode, d.n);
  await writeCompiled(h, 'indicator_tallies.add', TALLY_COLUMNS.length, values, (rows) =>
    factTables(h)
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
  for (const part of chunks(orgCodes, KEYS_PER_LOOKUP))
    await factTables(h)
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
    'indicator_fact_years_preparing',
    'indicator_tallies',
    'indicator_memberships',
    'indicator_residents',
    'indicator_fact_years',
  ] as const)
    await factTables(h).deleteFrom(t).execute();
}
