/**
 * Test support for src/server/access-walk.int.test.ts: a database of two counties with
 * residents, enrolments, services, findings, a merge, targets, bulletins, push plans and
 * schedules (the demo city, then the rest through the API as a city administrator); the
 * request the walk sends for each operation; what identifies a county's rows; and a
 * snapshot of every table to prove a walk changed nothing.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { SignedInClient } from '../../test/sign-in.js';
import type { Db } from '../db/database.js';
import { idCheckChar } from '../domain/id-number/id-number.js';
import { generateDemo } from '../modules/demo/generate-demo.js';
import {
  siteValues,
  WALK,
  type Site,
  type SiteResident,
  type WalkContext,
  type WalkEntry,
} from './access-walk-table.fixture.js';
import {
  fitToSchema,
  operationsOf,
  sampleOf,
  urlOf,
  type OpenApiDocument,
  type Operation,
} from './openapi-walk.fixture.js';
import type { CountyMarkers, KnownPersonalData } from './response-scan.fixture.js';

/** The request the walk sends for one operation, and every value it names. */
export interface WalkRequest {
  readonly method: string;
  readonly url: string;
  readonly payload?: unknown;
  /** Values of the URL and the body (an answer may repeat them without leaking anything). */
  readonly named: ReadonlySet<string>;
}

function leaves(value: unknown, out: Set<string>): void {
  if (typeof value === 'string' || typeof value === 'number') out.add(String(value));
  else if (Array.isArray(value)) for (const v of value) leaves(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) leaves(v, out);
}

const ORG_PARAMETERS = new Set(['org', 'orgCode', 'code']);

/**
 * The request for `op` as `entry` describes it, in the site of `c`; a string naming the
 * problem when a required parameter has no value.
 */
export function requestOf(
  op: Operation,
  entry: WalkEntry,
  c: WalkContext,
  doc: OpenApiDocument,
): WalkRequest | string {
  const site = siteValues(c);
  const own = entry.values?.(c) ?? {};
  const values: Record<string, string> = {};
  for (const p of op.parameters) {
    const value = Object.hasOwn(own, p.name)
      ? own[p.name]
      : p.required || ORG_PARAMETERS.has(p.name)
        ? site[p.name]
        : undefined;
    if (value !== undefined) values[p.name] = String(value);
    else if (p.required) return `${op.key}: no value for the required ${p.in} parameter '${p.name}'`;
  }
  const named = new Set(Object.values(values));
  if (!op.body) return { method: op.method, url: urlOf(op, values), named };
  const given = entry.body ? entry.body(c) : sampleOf(op.body, 'body', site, doc);
  const payload = fitToSchema(given, op.body, site, doc);
  leaves(payload, named);
  return { method: op.method, url: urlOf(op, values), payload, named };
}

/** The operations in walking order: those that end the caller's session last. */
export function walkingOrder(ops: readonly Operation[]): Operation[] {
  const rank = (op: Operation): number => WALK[op.key]?.last ?? 0;
  return [...ops].sort((a, b) => rank(a) - rank(b));
}

/** Everything the walk needs to know of its database. */
export interface WalkData {
  readonly sites: Readonly<Record<string, Site>>;
  readonly known: KnownPersonalData;
  readonly probeIdNumber: string;
}

type Row = Record<string, unknown>;

async function rows(db: Db, query: ReturnType<typeof sql<Row>>): Promise<Row[]> {
  return (await query.execute(db.kysely)).rows;
}

/** Sends a setup request through the document's schema (as the walk does); throws unless 2xx. */
async function setupCall(
  client: SignedInClient,
  doc: OpenApiDocument,
  key: string,
  site: Site,
  values: Record<string, string | number>,
  body?: unknown,
): Promise<Row> {
  const op = operationsOf(doc).find((o) => o.key === key);
  if (!op) throw new Error(`setup: the document has no operation ${key}`);
  const entry: WalkEntry = {
    personal: 'none',
    values: () => values,
    ...(body === undefined ? {} : { body: () => body }),
  };
  const request = requestOf(
    op,
    entry,
    { site, credentials: { username: '', password: '' }, probeIdNumber: '', password: '' },
    doc,
  );
  if (typeof request === 'string') throw new Error(`setup: ${request}`);
  const res = await client.inject({
    method: request.method as 'GET',
    url: request.url,
    ...(request.payload === undefined ? {} : { payload: request.payload as object }),
  });
  if (res.statusCode >= 300)
    throw new Error(`setup: ${key} answered ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.body === '' ? {} : (res.json() as Row);
}

function residentBody(r: Row): Record<string, unknown> {
  return {
    recordNo: r.record_no,
    idNumber: r.id_number,
    name: r.name,
    sex: r.sex,
    birthDate: r.birth_date,
    ethnicity: r.ethnicity,
    orgCode: r.org_code,
    phone: r.phone,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    electronic: Number(r.electronic) === 1 || r.electronic === true,
    recordCreated: r.record_created,
    recordUpdated: r.record_updated,
    deathDate: r.death_date,
    movedOutDate: r.moved_out_date,
  };
}

/**
 * Fills one county through the API as `admin` (a city administrator): two duplicate
 * records, an audit run, a merge, targets, a bulletin and its schedule, a push-plan
 * snapshot and schedule. Returns the site the walk names.
 */
async function buildSite(db: Db, admin: SignedInClient, doc: OpenApiDocument, county: string): Promise<Site> {
  const living = await rows(
    db,
    sql<Row>`select r.*, min(e.program) as program from residents r
      join enrollments e on e.resident_id = r.id and e.end_date is null
      where r.county_code = ${county} and r.death_date is null and r.moved_out_date is null
        and length(r.id_number) = 18
      group by r.id order by r.id`,
  );
  // The residents of the fullest village first: the site's village is the first one's.
  const perVillage = new Map<string, number>();
  for (const r of living) perVillage.set(String(r.org_code), (perVillage.get(String(r.org_code)) ?? 0) + 1);
  const people = [...living].sort(
    (a, b) => perVillage.get(String(b.org_code))! - perVillage.get(String(a.org_code))!,
  );
  if (people.length < 7) throw new Error(`setup: ${people.length} living residents in ${county}, 7 wanted`);
  const village = String(people[0]!.org_code);
  const resident = (r: Row): SiteResident => ({
    body: residentBody(r),
    recordNo: String(r.record_no),
    program: String(r.program),
  });
  const [other] = await rows(
    db,
    sql<Row>`select code from orgs where county_code = ${county} and level = 5 and code <> ${village}
      order by case when parent_code = ${village.slice(0, 9)} then 0 else 1 end, code limit 1`,
  );
  const [service] = await rows(
    db,
    sql<Row>`select s.id from services s join residents r on r.id = s.resident_id
      where r.record_no = ${people[0]!.record_no} order by s.id limit 1`,
  );
  let site: Site = {
    org: county,
    county,
    township: village.slice(0, 9),
    village,
    otherVillage: String(other!.code),
    residents: {
      read: resident(people[0]!),
      death: resident(people[1]!),
      moveOut: resident(people[2]!),
      move: resident(people[3]!),
      endEnrollment: resident(people[4]!),
    },
    serviceId: Number(service?.id ?? 0),
    findingId: 0,
    rule: '',
    unusedFindingId: 0,
    duplicateSetId: 0,
    mergeId: 0,
    runId: 0,
    bulletinId: 0,
    bulletinScheduleId: 0,
    snapshotId: 0,
    pushScheduleId: 0,
  };
  if (!service) throw new Error(`setup: resident ${site.residents.read.recordNo} has no service`);

  // Two residents recorded twice: two duplicate sets, one merged here, one left for the walk.
  const copies = [people[5]!, people[6]!].map((r, i) => ({
    ...residentBody(r),
    recordNo: `${String(r.org_code)}9900${i + 1}`,
    phone: null,
    recordCreated: '2020-03-01',
  }));
  await setupCall(admin, doc, 'POST /api/residents', site, {}, copies);
  const run = await setupCall(
    admin,
    doc,
    'POST /api/audits/runs',
    site,
    {},
    { orgCode: county, period: '2020Q2' },
  );
  const sets = await rows(
    db,
    sql<Row>`select id from audit_findings where county_code = ${county} and rule = 'duplicate_records'
      and status = 'open' order by id`,
  );
  if (sets.length < 2) throw new Error(`setup: ${sets.length} duplicate sets in ${county}, 2 wanted`);
  const merge = await setupCall(
    admin,
    doc,
    'POST /api/audits/duplicate-sets/{id}/merge',
    site,
    { id: Number(sets[0]!.id) },
    { by: 'setup' },
  );
  const [finding] = await rows(
    db,
    sql<Row>`select id, rule from audit_findings where county_code = ${county} and status = 'open'
      and rule <> 'duplicate_records' and resident_id is not null order by id limit 1`,
  );
  if (!finding) throw new Error(`setup: no open finding about a resident in ${county}`);
  const [unused] = await rows(
    db,
    sql<Row>`select id from audit_findings where county_code = ${county} and status = 'open'
      and rule = 'unused_records' order by id limit 1`,
  );
  if (!unused) throw new Error(`setup: no open unused_records finding in ${county}`);
  const target = { orgCode: county, indicator: 'elderly.management_rate', year: 2020, rate: 0.6 };
  await setupCall(admin, doc, 'PUT /api/targets', site, {}, { setBy: 'setup', targets: [target] });
  await setupCall(
    admin,
    doc,
    'POST /api/targets/split',
    site,
    {},
    { ...target, org: county, setBy: 'setup' },
  );
  const bulletin = await setupCall(
    admin,
    doc,
    'POST /api/bulletins',
    site,
    {},
    { orgCode: county, period: '2020Q2', format: 'html' },
  );
  const schedule = await setupCall(
    admin,
    doc,
    'POST /api/bulletin-schedules',
    site,
    {},
    { orgCode: county, every: 'month', format: 'html' },
  );
  const snapshot = await setupCall(
    admin,
    doc,
    'POST /api/plans/push/snapshots',
    site,
    {},
    { org: county, period: '2020H1', asOf: '2020-06-20', createdBy: 'setup' },
  );
  const pushSchedule = await setupCall(
    admin,
    doc,
    'POST /api/push-plan-schedules',
    site,
    {},
    { org: county, period: '2099H1', deadline: '2099-06-30', createdBy: 'setup' },
  );
  site = {
    ...site,
    findingId: Number(finding.id),
    rule: String(finding.rule),
    unusedFindingId: Number(unused.id),
    duplicateSetId: Number(sets[1]!.id),
    mergeId: Number(merge.mergeId),
    runId: Number(run.runId),
    bulletinId: Number(bulletin.id),
    bulletinScheduleId: Number(schedule.id),
    snapshotId: Number(snapshot.snapshotId),
    pushScheduleId: Number(pushSchedule.id),
  };
  return site;
}

/** The residents' personal data as stored, less what other columns share (so that a match is a leak). */
async function knownPersonalData(db: Db): Promise<KnownPersonalData> {
  const residents = await rows(db, sql<Row>`select * from residents`);
  const otherDates = new Set(
    (
      await rows(
        db,
        sql<Row>`select service_date as d from services union select start_date from enrollments
          union select end_date from enrollments union select record_created from residents
          union select record_updated from residents union select death_date from residents
          union select moved_out_date from residents`,
      )
    ).map((r) => String(r.d)),
  );
  const orgNames = new Set((await rows(db, sql<Row>`select name from orgs`)).map((r) => String(r.name)));
  const recordNos = new Set(residents.map((r) => String(r.record_no)));
  const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  const idNumbers = new Set<string>();
  const phones = new Set<string>();
  const birthDates = new Set<string>();
  const names = new Set<string>();
  for (const r of residents) {
    const id = text(r.id_number);
    if (id && id.length >= 15 && !recordNos.has(id)) idNumbers.add(id);
    for (const p of [text(r.phone), text(r.contact_phone)]) if (p && p.length >= 11) phones.add(p);
    const birth = text(r.birth_date);
    // Children of the data's own years share their birth dates with services and periods.
    if (birth && birth < '2019-01-01' && !otherDates.has(birth)) birthDates.add(birth);
    const name = text(r.name);
    if (name && !orgNames.has(name)) names.add(name);
  }
  return { idNumbers, phones, birthDates, names };
}

/** What identifies the rows of `county`: its org codes and names, its residents' record and ID numbers and names. */
export async function countyMarkers(db: Db, county: string): Promise<CountyMarkers> {
  const orgs = await rows(db, sql<Row>`select code, name, county_code from orgs`);
  const residents = await rows(db, sql<Row>`select record_no, id_number, name, county_code from residents`);
  const inCounty = (r: Row): boolean => r.county_code === county;
  const outside = new Set([...orgs, ...residents].filter((r) => !inCounty(r)).map((r) => String(r.name)));
  const digits = new Set<string>();
  const words = new Set<string>();
  for (const o of orgs.filter(inCounty)) {
    digits.add(String(o.code));
    if (!outside.has(String(o.name))) words.add(String(o.name));
  }
  for (const r of residents.filter(inCounty)) {
    digits.add(String(r.record_no));
    if (typeof r.id_number === 'string' && r.id_number.length >= 15) digits.add(r.id_number);
    if (!outside.has(String(r.name))) words.add(String(r.name));
  }
  return { digits, words };
}

/**
 * Builds the walk's database: the demo city (1/2000 of Pingliang, 7 counties) and, through
 * the API as `admin` (an administrator of the city), the rest in each of `counties`.
 */
export async function buildWalkData(
  db: Db,
  admin: SignedInClient,
  doc: OpenApiDocument,
  counties: readonly string[],
): Promise<WalkData> {
  const sites: Record<string, Site> = {};
  for (const county of counties) sites[county] = await buildSite(db, admin, doc, county);
  // Born on 1 January 1901 in the first county: valid, and nobody's.
  const body = `${counties[0]}19010101999`;
  return { sites, known: await knownPersonalData(db), probeIdNumber: body + idCheckChar(body) };
}

/** Generates the demo city the walk runs on (about 1,000 residents in 7 counties). */
export async function generateWalkCity(db: Db): Promise<void> {
  await generateDemo(db, { scale: 'small', seed: 7, fraction: 1 / 2000, residentsPerBatch: 5000 });
}

/**
 * Tables left out of a snapshot: those a walk changes whoever walks (sign-ins, sessions,
 * the access trail), and the indicator tallies — 50,000 rows derived from the residents,
 * enrolments and services, which the snapshot holds.
 */
const UNCOMPARED_TABLES = /^(users|sessions|api_tokens|access_trail|indicator_tallies|kysely_migration.*)$/;

/**
 * Every row of every table (but those above), as sorted JSON lines per
 * table; with `county`, only rows naming one of its codes (a code, record or ID number
 * starting with the county code).
 */
export async function tableRows(db: Db, county?: string): Promise<Record<string, string[]>> {
  const schema =
    db.dialect.name === 'postgres'
      ? String((await rows(db, sql<Row>`select current_schema() as s`))[0]!.s)
      : undefined;
  const tables = (await db.kysely.introspection.getTables())
    .filter((t) => schema === undefined || t.schema === schema)
    .map((t) => t.name)
    .filter((name) => !UNCOMPARED_TABLES.test(name))
    .sort();
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const all = await rows(db, sql<Row>`select * from ${sql.table(table)}`);
    const kept = county
      ? all.filter((r) =>
          Object.values(r).some(
            (v) => typeof v === 'string' && /^\d{6,}[Xx]?$/.test(v) && v.startsWith(county),
          ),
        )
      : all;
    out[table] = kept.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** The tables whose rows differ between two snapshots, with how many rows went and came. */
export function changedTables(before: Record<string, string[]>, after: Record<string, string[]>): string[] {
  const out: string[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = new Set(before[table] ?? []);
    const is = new Set(after[table] ?? []);
    const gone = [...was].filter((r) => !is.has(r)).length;
    const came = [...is].filter((r) => !was.has(r)).length;
    if (gone + came > 0) out.push(`${table}: ${gone} rows changed or gone, ${came} new or changed`);
  }
  return out;
}

/** The app's OpenAPI document (read anonymously: the docs are public). */
export async function readDocument(app: FastifyInstance): Promise<OpenApiDocument> {
  const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
  if (res.statusCode !== 200) throw new Error(`GET /api/docs/json answered ${res.statusCode}`);
  return res.json() as OpenApiDocument;
}
