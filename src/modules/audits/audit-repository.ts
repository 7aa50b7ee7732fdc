/**
 * SQL of the audits: the set-based candidate queries of every rule, storing findings across
 * runs (upsert on the stable finding key, closing what vanished), counts, hotspots, the
 * work list, and the statements of a merge. The only file of the module with SQL.
 */
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { Db, SqlDialect } from '../../db/database.js';
import type { Database, EnrollmentTable, OrgLevel, ResidentTable } from '../../db/schema.js';
import type { DraftFinding } from '../../domain/audits/classify.js';
import { EARLIEST_BIRTH_DATE, PROVINCES } from '../../domain/id-number/id-number.js';
import {
  CHECKUP_VALUE_FIELDS,
  type CheckupValueField,
  type DuplicateKeyField,
  type Severity,
} from '../../domain/audits/rules.js';

/** Tables of migration 004. */
export type AuditTables = {
  audit_runs: {
    id: number;
    started_at: string;
    finished_at: string | null;
    status: string;
    org_code: string | null;
    period: string | null;
    window_from: string | null;
    window_to: string;
    as_of: string;
    rules: string;
    parameters: string;
    summary: string | null;
  };
  audit_findings: {
    id: number;
    finding_key: string;
    rule: string;
    severity: string;
    /** 'open' | 'resolved' | 'closed' */
    status: string;
    county_code: string;
    org_code: string;
    resident_id: number | null;
    service_id: number | null;
    subject: string;
    subject_date: string | null;
    weight: number;
    evidence: string;
    first_run_id: number;
    last_run_id: number;
    first_seen_at: string;
    last_seen_at: string;
    resolved_by: string | null;
    resolved_at: string | null;
    resolution_note: string | null;
    closed_at: string | null;
    closed_run_id: number | null;
  };
  audit_run_counts: {
    run_id: number;
    org_code: string;
    rule: string;
    severity: string;
    count: number;
    affected: number;
  };
  audit_merges: {
    id: number;
    merged_at: string;
    merged_by: string;
    county_code: string;
    org_code: string;
    finding_id: number | null;
    survivor_id: number;
    survivor_record_no: string;
    absorbed_record_nos: string;
    field_sources: string;
    before: string;
    moved_enrollments: number;
    dropped_enrollments: string;
    moved_services: number;
    rekeyed_services: number;
  };
};

/** A Kysely handle (database or transaction) with the foundation tables. */
export type Handle = Kysely<Database>;
type Q = Kysely<Database & AuditTables>;
const q = (h: Handle): Q => h.withTables<AuditTables>();

/** The org subtree a query is confined to; null for the whole database. */
export interface OrgScope {
  readonly code: string;
  readonly level: OrgLevel;
  /** County of the org (levels 3–5), used to reach the county index first. */
  readonly countyCode: string | null;
}

/** The dates a run examines: services from `from` (null: any) to `to`, states as of `asOf`. */
export interface AuditWindow {
  readonly from: string | null;
  readonly to: string;
  readonly asOf: string;
}

/**
 * Condition confining rows of a table carrying `county_code` and `org_code` to a subtree.
 * Orgs of each level carry the code of every ancestor (subtreeColumn of the orgs module).
 */
export function inScope(scope: OrgScope | null, countyRef: string, orgRef: string): RawBuilder<unknown> {
  if (!scope) return sql`1 = 1`;
  const county = sql.ref(countyRef);
  const org = sql.ref(orgRef);
  switch (scope.level) {
    case 1:
      return sql`${county} in (select code from orgs where level = 3 and province_code = ${scope.code})`;
    case 2:
      return sql`${county} in (select code from orgs where level = 3 and city_code = ${scope.code})`;
    case 3:
      return sql`${county} = ${scope.code}`;
    case 4:
      return sql`${county} = ${scope.countyCode ?? ''} and ${org} in (select code from orgs where township_code = ${scope.code})`;
    case 5:
      return sql`${county} = ${scope.countyCode ?? ''} and ${org} = ${scope.code}`;
  }
}

/** The scope of an org code; null when the org does not exist. */
export async function findScope(h: Handle, code: string): Promise<OrgScope | null> {
  const row = await h
    .selectFrom('orgs')
    .select(['code', 'level', 'county_code'])
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? { code: row.code, level: Number(row.level) as OrgLevel, countyCode: row.county_code } : null;
}

const inWindow = (w: AuditWindow, dateRef: string): RawBuilder<unknown> =>
  w.from === null
    ? sql`${sql.ref(dateRef)} <= ${w.to}`
    : sql`${sql.ref(dateRef)} >= ${w.from} and ${sql.ref(dateRef)} <= ${w.to}`;

/** Residents whose record exists at `asOf` and who neither died nor moved out by then. */
const activeAt = (asOf: string, alias: string): RawBuilder<unknown> => sql`
  ${sql.ref(`${alias}.record_created`)} <= ${asOf}
  and (${sql.ref(`${alias}.death_date`)} is null or ${sql.ref(`${alias}.death_date`)} > ${asOf})
  and (${sql.ref(`${alias}.moved_out_date`)} is null or ${sql.ref(`${alias}.moved_out_date`)} > ${asOf})`;

/**
 * The SQL value of a duplicate key: the columns joined by '|', the ID number trimmed and
 * upper-cased (the normalisation of the indicator engine's `idKey`), null when any column
 * is missing or blank.
 */
function duplicateKeyExpression(fields: readonly DuplicateKeyField[]): RawBuilder<string | null> {
  const parts = fields.map((f) =>
    f === 'id_number'
      ? sql`nullif(upper(trim(r.id_number)), '')`
      : sql`nullif(trim(cast(${sql.ref(`r.${f}`)} as text)), '')`,
  );
  return sql<string | null>`(${sql.join(parts, sql` || '|' || `)})`;
}

/** A resident in a group of records equal on one duplicate key. */
export interface DuplicateCandidate {
  residentId: number;
  groupKey: string;
  recordNo: string;
  orgCode: string;
  countyCode: string;
}

/**
 * Residents equal to another active resident on the key, in groups with at least one member
 * in scope, ordered by group. The key values themselves are personal data: they are only
 * used to group and never leave this function's caller.
 */
export async function selectDuplicateCandidates(
  h: Handle,
  fields: readonly DuplicateKeyField[],
  scope: OrgScope | null,
  asOf: string,
): Promise<DuplicateCandidate[]> {
  const key = duplicateKeyExpression(fields);
  const result = await sql<{
    id: number;
    k: string;
    record_no: string;
    org_code: string;
    county_code: string;
  }>`
    with k as (
      select r.id, r.record_no, r.org_code, r.county_code, ${key} as k,
        case when ${inScope(scope, 'r.county_code', 'r.org_code')} then 1 else 0 end as in_scope
      from residents r
      where ${activeAt(asOf, 'r')}
    ), g as (
      select k from k where k is not null group by k having count(*) > 1 and max(in_scope) = 1
    )
    select k.id, k.k, k.record_no, k.org_code, k.county_code from k join g on g.k = k.k
    order by k.k, k.id`.execute(h);
  return result.rows.map((r) => ({
    residentId: Number(r.id),
    groupKey: r.k,
    recordNo: r.record_no,
    orgCode: r.org_code,
    countyCode: r.county_code,
  }));
}

/** The ID key of `upper(trim(id_number))` computed as SQL does it (trim removes spaces only). */
function sqlIdKey(value: string): string {
  return value.replace(/^ +| +$/g, '').toUpperCase();
}

/**
 * Residents sharing a normalised ID number with another active resident, in groups with a
 * member in scope — the same answer as `selectDuplicateCandidates(['id_number'])`, found
 * through the index on `id_number` instead of sorting every record by an expression: equal
 * stored values come from a grouped index scan, and the rare values that are not in normal
 * form (spaces, lower-case x) are read and normalised here.
 */
export async function selectIdDuplicateCandidates(
  h: Handle,
  scope: OrgScope | null,
  asOf: string,
): Promise<DuplicateCandidate[]> {
  const repeated = await sql<{ id_number: string }>`
    select id_number from residents where id_number is not null
    group by id_number having count(*) > 1`.execute(h);
  const odd = await sql<{ id_number: string }>`
    select distinct id_number from residents
    where id_number is not null and id_number <> upper(trim(id_number))`.execute(h);
  const values = new Set<string>();
  for (const r of [...repeated.rows, ...odd.rows]) {
    values.add(r.id_number);
    values.add(sqlIdKey(r.id_number));
  }
  const list = [...values].filter((v) => sqlIdKey(v) !== '');
  const rows: {
    id: number;
    id_number: string;
    record_no: string;
    org_code: string;
    county_code: string;
    in_scope: number;
  }[] = [];
  for (let i = 0; i < list.length; i += 2000) {
    const chunk = await sql<(typeof rows)[number]>`
      select r.id, r.id_number, r.record_no, r.org_code, r.county_code,
        case when ${inScope(scope, 'r.county_code', 'r.org_code')} then 1 else 0 end as in_scope
      from residents r
      where r.id_number in (${sql.join(list.slice(i, i + 2000))}) and ${activeAt(asOf, 'r')}`.execute(h);
    rows.push(...chunk.rows);
  }
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = sqlIdKey(r.id_number);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    if (!g.some((m) => Number(m.id) === Number(r.id))) g.push(r);
  }
  const out: DuplicateCandidate[] = [];
  for (const [key, g] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (g.length < 2 || !g.some((m) => Number(m.in_scope) === 1)) continue;
    for (const m of g.sort((a, b) => Number(a.id) - Number(b.id)))
      out.push({
        residentId: Number(m.id),
        groupKey: key,
        recordNo: m.record_no,
        orgCode: m.org_code,
        countyCode: m.county_code,
      });
  }
  return out;
}

/** The ID facts of a resident, for the ID rule. */
export interface ResidentIdRow {
  id: number;
  idNumber: string | null;
  birthDate: string | null;
  sex: string | null;
  orgCode: string;
  countyCode: string;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/**
 * True (in SQL) for an ID number that is certainly fine: 18 characters with no space, 17
 * digits then a digit or X, a correct check character, a known province, and the birth date
 * and sex of the record (within 1880-01-01 .. as-of). Everything else goes to the ID module
 * (`checkIdNumber`), which decides; this only spares it the millions of good numbers. The
 * checksum is only computed under CASE once the characters are known to be digits, so that
 * PostgreSQL never casts a letter.
 */
function idCertainlyFine(dialect: SqlDialect, asOf: string): RawBuilder<unknown> {
  const id = sql.ref('r.id_number');
  const digits17 = dialect.allDigits(sql`substr(${id}, 1, 17)`);
  const sum = sql.join(
    ID_WEIGHTS.map((w, i) => sql`cast(substr(${id}, ${i + 1}, 1) as integer) * ${w}`),
    sql` + `,
  );
  const provinces = Object.keys(PROVINCES);
  return sql`(
    ${id} is not null and length(${id}) = 18 and ${digits17}
    and substr(${id}, 18, 1) in ('0','1','2','3','4','5','6','7','8','9','X')
    and substr(${id}, 1, 2) in (${sql.join(provinces)})
    and r.birth_date = substr(${id}, 7, 4) || '-' || substr(${id}, 11, 2) || '-' || substr(${id}, 13, 2)
    and r.birth_date >= ${EARLIEST_BIRTH_DATE} and r.birth_date <= ${asOf}
    and r.sex = case when substr(${id}, 17, 1) in ('1','3','5','7','9') then 'M' else 'F' end
    and substr(${id}, 18, 1) = substr('10X98765432', (case when length(${id}) = 18 and ${digits17} then ${sum} else 0 end) % 11 + 1, 1)
  )`;
}

/**
 * One page (keyset on id) of active residents in scope whose ID number may have a problem,
 * for the ID rule; residents whose number is certainly fine are skipped in SQL.
 */
export async function selectResidentIdPage(
  h: Handle,
  dialect: SqlDialect,
  scope: OrgScope | null,
  asOf: string,
  afterId: number,
  limit: number,
): Promise<ResidentIdRow[]> {
  const rows = await h
    .selectFrom('residents as r')
    .select(['r.id', 'r.id_number', 'r.birth_date', 'r.sex', 'r.org_code', 'r.county_code'])
    .where(inScope(scope, 'r.county_code', 'r.org_code') as RawBuilder<boolean>)
    .where(activeAt(asOf, 'r') as RawBuilder<boolean>)
    .where(sql<boolean>`(case when ${idCertainlyFine(dialect, asOf)} then 1 else 0 end) = 0`)
    .where('r.id', '>', afterId)
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    idNumber: r.id_number,
    birthDate: r.birth_date,
    sex: r.sex,
    orgCode: r.org_code,
    countyCode: r.county_code,
  }));
}

/** A service row with the values the service rules read. */
export interface ServiceRow {
  id: number;
  residentId: number | null;
  type: string;
  serviceDate: string;
  orgCode: string;
  countyCode: string;
  institution: string | null;
  values: Record<CheckupValueField, number | null>;
  controlled: number | null;
  guidance: number | null;
}

type RawService = {
  id: number;
  resident_id: number | null;
  type: string;
  service_date: string;
  org_code: string;
  county_code: string;
  institution: string | null;
  controlled: number | null;
  guidance: number | null;
} & Record<CheckupValueField, number | null>;

function toServiceRow(r: RawService): ServiceRow {
  const values = {} as Record<CheckupValueField, number | null>;
  for (const c of CHECKUP_VALUE_FIELDS) values[c] = r[c] === null ? null : Number(r[c]);
  return {
    id: Number(r.id),
    residentId: r.resident_id === null ? null : Number(r.resident_id),
    type: r.type,
    serviceDate: r.service_date,
    orgCode: r.org_code,
    countyCode: r.county_code,
    institution: r.institution,
    values,
    controlled: r.controlled,
    guidance: r.guidance,
  };
}

async function selectServices(h: Handle, condition: RawBuilder<unknown>): Promise<ServiceRow[]> {
  const result = await sql<RawService>`
    select s.id, s.resident_id, s.type, s.service_date, s.org_code, s.county_code, s.institution,
      s.controlled, s.guidance, ${sql.join(CHECKUP_VALUE_FIELDS.map((c) => sql.ref(`s.${c}`)))}
    from services s where ${condition} order by s.id`.execute(h);
  return result.rows.map(toServiceRow);
}

/** Unit of comparison of a check-up, as SQL. */
export type CheckupUnitColumn = 'all' | 'county' | 'township' | 'village' | 'institution';

/** A check-up with its compared values and comparison unit. */
export interface CheckupRow {
  id: number;
  residentId: number;
  serviceDate: string;
  orgCode: string;
  countyCode: string;
  institution: string | null;
  unit: string | null;
  values: (number | null)[];
}

/** Elderly check-ups of residents in the window and scope, with the compared values. */
export async function selectCheckups(
  h: Handle,
  fields: readonly CheckupValueField[],
  within: CheckupUnitColumn,
  scope: OrgScope | null,
  w: AuditWindow,
): Promise<CheckupRow[]> {
  const unit = {
    all: sql`null`,
    county: sql`s.county_code`,
    township: sql`coalesce(o.township_code, s.org_code)`,
    village: sql`s.org_code`,
    institution: sql`s.institution`,
  }[within];
  const result = await sql<Record<string, unknown>>`
    select s.id, s.resident_id, s.service_date, s.org_code, s.county_code, s.institution, ${unit} as unit,
      ${sql.join(fields.map((f, i) => sql`${sql.ref(`s.${f}`)} as ${sql.ref(`v${i}`)}`))}
    from services s left join orgs o on o.code = s.org_code
    where s.type = 'elderly_checkup' and s.resident_id is not null
      and ${inWindow(w, 's.service_date')} and ${inScope(scope, 's.county_code', 's.org_code')}`.execute(h);
  return result.rows.map((r) => ({
    id: Number(r.id),
    residentId: Number(r.resident_id),
    serviceDate: r.service_date as string,
    orgCode: r.org_code as string,
    countyCode: r.county_code as string,
    institution: (r.institution as string | null) ?? null,
    unit: r.unit === null || r.unit === undefined ? null : String(r.unit),
    values: fields.map((_, i) => {
      const v = r[`v${i}`];
      return v === null || v === undefined ? null : Number(v);
    }),
  }));
}

/** Services whose left and right systolic differ by more than `over` mmHg. */
export async function selectArmBpCandidates(
  h: Handle,
  over: number,
  scope: OrgScope | null,
  w: AuditWindow,
): Promise<ServiceRow[]> {
  return selectServices(
    h,
    sql`s.sbp is not null and s.sbp_right is not null and abs(s.sbp - s.sbp_right) > ${over}
      and ${inWindow(w, 's.service_date')} and ${inScope(scope, 's.county_code', 's.org_code')}`,
  );
}

/** Follow-ups judged uncontrolled with no guidance or referral recorded. */
export async function selectUncontrolledWithoutGuidance(
  h: Handle,
  types: readonly string[],
  scope: OrgScope | null,
  w: AuditWindow,
): Promise<ServiceRow[]> {
  if (types.length === 0) return [];
  return selectServices(
    h,
    sql`s.type in (${sql.join(types)}) and s.controlled = 0 and (s.guidance is null or s.guidance = 0)
      and ${inWindow(w, 's.service_date')} and ${inScope(scope, 's.county_code', 's.org_code')}`,
  );
}

/** Services with a measured value outside its range or a systolic not above its diastolic. */
export async function selectOutOfRangeCandidates(
  h: Handle,
  ranges: Readonly<Record<CheckupValueField, { min: number; max: number }>>,
  types: readonly string[],
  scope: OrgScope | null,
  w: AuditWindow,
): Promise<ServiceRow[]> {
  if (types.length === 0) return [];
  const tests = (Object.entries(ranges) as [CheckupValueField, { min: number; max: number }][]).map(
    ([f, r]) => sql`(${sql.ref(`s.${f}`)} < ${r.min} or ${sql.ref(`s.${f}`)} > ${r.max})`,
  );
  tests.push(sql`(s.sbp <= s.dbp)`, sql`(s.sbp_right <= s.dbp_right)`);
  return selectServices(
    h,
    sql`s.type in (${sql.join(types)}) and (${sql.join(tests, sql` or `)}) and ${inWindow(w, 's.service_date')}
      and ${inScope(scope, 's.county_code', 's.org_code')}`,
  );
}

/** A service whose date is impossible for its person or for the as-of date. */
export interface DateProblemRow {
  service: ServiceRow;
  problem: 'before_birth' | 'after_death' | 'after_move_out' | 'future';
  /** The date the service date contradicts. */
  against: string;
}

/** Services before their person's birth, after death or move-out (in the window), or after the as-of date. */
export async function selectDateProblems(
  h: Handle,
  scope: OrgScope | null,
  w: AuditWindow,
): Promise<DateProblemRow[]> {
  const scoped = inScope(scope, 's.county_code', 's.org_code');
  // One pass joining each service to its person; the person's dates ride along as extra columns.
  const result = await sql<
    RawService & { birth_date: string | null; death_date: string | null; moved_out_date: string | null }
  >`
    select s.id, s.resident_id, s.type, s.service_date, s.org_code, s.county_code, s.institution,
      s.controlled, s.guidance, ${sql.join(CHECKUP_VALUE_FIELDS.map((c) => sql.ref(`s.${c}`)))},
      r.birth_date, r.death_date, r.moved_out_date
    from services s join residents r on r.id = s.resident_id
    where ${inWindow(w, 's.service_date')} and ${scoped}
      and (s.service_date < r.birth_date or s.service_date > r.death_date or s.service_date > r.moved_out_date)
    order by s.id`.execute(h);
  const out: DateProblemRow[] = [];
  for (const r of result.rows) {
    const service = toServiceRow(r);
    if (r.birth_date !== null && r.service_date < r.birth_date)
      out.push({ service, problem: 'before_birth', against: r.birth_date });
    if (r.death_date !== null && r.service_date > r.death_date)
      out.push({ service, problem: 'after_death', against: r.death_date });
    if (r.moved_out_date !== null && r.service_date > r.moved_out_date)
      out.push({ service, problem: 'after_move_out', against: r.moved_out_date });
  }
  const future = await selectServices(h, sql`s.service_date > ${w.asOf} and ${scoped}`);
  for (const service of future) out.push({ service, problem: 'future', against: w.asOf });
  return out;
}

/** Services of `type` whose person had no enrolment in `program` active on the service date. */
export async function selectNotEnrolled(
  h: Handle,
  type: string,
  program: string,
  scope: OrgScope | null,
  w: AuditWindow,
): Promise<ServiceRow[]> {
  return selectServices(
    h,
    sql`s.type = ${type} and s.resident_id is not null and ${inWindow(w, 's.service_date')}
      and ${inScope(scope, 's.county_code', 's.org_code')}
      and not exists (select 1 from enrollments e where e.resident_id = s.resident_id and e.program = ${program}
        and e.start_date <= s.service_date and (e.end_date is null or e.end_date >= s.service_date))`,
  );
}

/** A service following another of the same person and type within the window of days. */
export interface RepeatedServiceRow {
  service: ServiceRow;
  previousId: number;
  days: number;
}

/** Services following one of the same person and type at most `days` days earlier (one sort, no self-join). */
export async function selectRepeatedServices(
  h: Handle,
  dialect: SqlDialect,
  types: readonly string[],
  days: number,
  scope: OrgScope | null,
  w: AuditWindow,
): Promise<RepeatedServiceRow[]> {
  if (types.length === 0) return [];
  const result = await sql<{ id: number; prev_id: number; gap: number }>`
    select id, prev_id, gap from (
      select x.id, x.prev_id, ${dialect.daysBetween('x.prev_date', 'x.service_date')} as gap from (
        select s.id, s.service_date,
          lag(s.id) over (partition by s.resident_id, s.type order by s.service_date, s.id) as prev_id,
          lag(s.service_date) over (partition by s.resident_id, s.type order by s.service_date, s.id) as prev_date
        from services s
        where s.resident_id is not null and s.type in (${sql.join(types)})
          and ${inWindow(w, 's.service_date')} and ${inScope(scope, 's.county_code', 's.org_code')}
      ) x where x.prev_id is not null
    ) y where gap <= ${days}`.execute(h);
  if (result.rows.length === 0) return [];
  const byId = new Map(result.rows.map((r) => [Number(r.id), r]));
  const services: ServiceRow[] = [];
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += 2000) {
    services.push(...(await selectServices(h, sql`s.id in (${sql.join(ids.slice(i, i + 2000))})`)));
  }
  return services.map((s) => ({
    service: s,
    previousId: Number(byId.get(s.id)!.prev_id),
    days: Number(byId.get(s.id)!.gap),
  }));
}

/** BP reading statistics of one unit. */
export interface UnitDigitRow {
  unit: string;
  countyCode: string;
  readings: number;
  endingZeroFive: number;
  endingZero: number;
  sbp130to139: number;
  sbp140to149: number;
}

/** Per unit (county, township or village), the terminal digits and 130–149 bands of BP readings. */
export async function selectDigitStats(
  h: Handle,
  types: readonly string[],
  unitLevel: 3 | 4 | 5,
  scope: OrgScope | null,
  w: AuditWindow,
): Promise<UnitDigitRow[]> {
  if (types.length === 0) return [];
  const unit = { 3: sql`s.county_code`, 4: sql`coalesce(o.township_code, s.org_code)`, 5: sql`s.org_code` }[
    unitLevel
  ];
  const count = (cond: RawBuilder<unknown>) => sql`sum(case when ${cond} then 1 else 0 end)`;
  const result = await sql<Record<string, number | string>>`
    select ${unit} as unit, min(s.county_code) as county_code,
      ${count(sql`s.sbp is not null`)} + ${count(sql`s.dbp is not null`)} as readings,
      ${count(sql`s.sbp % 5 = 0`)} + ${count(sql`s.dbp % 5 = 0`)} as zero_five,
      ${count(sql`s.sbp % 10 = 0`)} + ${count(sql`s.dbp % 10 = 0`)} as zero,
      ${count(sql`s.sbp between 130 and 139`)} as b130,
      ${count(sql`s.sbp between 140 and 149`)} as b140
    from services s left join orgs o on o.code = s.org_code
    where s.type in (${sql.join(types)}) and ${inWindow(w, 's.service_date')}
      and ${inScope(scope, 's.county_code', 's.org_code')}
    group by ${unit}`.execute(h);
  return result.rows.map((r) => ({
    unit: String(r.unit),
    countyCode: String(r.county_code),
    readings: Number(r.readings),
    endingZeroFive: Number(r.zero_five),
    endingZero: Number(r.zero),
    sbp130to139: Number(r.b130),
    sbp140to149: Number(r.b140),
  }));
}

/**
 * Stores, set-based, an `unused_records` finding for every active resident in scope whose
 * record was neither created nor updated after `since` and who had no service from `since`
 * (exclusive) to `asOf` (非动态使用: a record updated or served within the year is in use).
 * A city may have hundreds of thousands, so they never travel through the application.
 * Same upsert rules as `upsertFindings`. Returns the number of findings seen.
 */
export async function upsertUnusedFindings(
  h: Handle,
  runId: number,
  now: string,
  since: string,
  scope: OrgScope | null,
  asOf: string,
): Promise<number> {
  const evidence = JSON.stringify({ noServiceSince: since, asOf });
  const result = await sql`
    insert into audit_findings (finding_key, rule, severity, status, county_code, org_code, resident_id,
      service_id, subject, subject_date, weight, evidence, first_run_id, last_run_id, first_seen_at, last_seen_at)
    select 'unused_records|resident:' || cast(r.id as text), 'unused_records', 'info', 'open', r.county_code,
      r.org_code, r.id, null, 'resident:' || cast(r.id as text), null, 1, ${evidence}, ${runId}, ${runId}, ${now}, ${now}
    from residents r
    where ${activeAt(asOf, 'r')} and coalesce(r.record_updated, r.record_created) <= ${since}
      and ${inScope(scope, 'r.county_code', 'r.org_code')}
      and not exists (select 1 from services s where s.resident_id = r.id
        and s.service_date > ${since} and s.service_date <= ${asOf})
    on conflict (finding_key) do update set
      county_code = excluded.county_code, org_code = excluded.org_code, evidence = excluded.evidence,
      last_run_id = excluded.last_run_id, last_seen_at = excluded.last_seen_at, closed_at = null, closed_run_id = null,
      status = case when audit_findings.status = 'closed' then 'open' else audit_findings.status end`.execute(
    h,
  );
  return Number(result.numAffectedRows ?? 0);
}

/** A stored run's identity and settings. */
export interface RunInsert {
  startedAt: string;
  orgCode: string | null;
  period: string | null;
  window: AuditWindow;
  rules: readonly string[];
  parameters: unknown;
}

/** Inserts a run in state 'running' and returns its id. */
export async function insertRun(h: Handle, run: RunInsert): Promise<number> {
  const row = await q(h)
    .insertInto('audit_runs')
    .values({
      started_at: run.startedAt,
      finished_at: null,
      status: 'running',
      org_code: run.orgCode,
      period: run.period,
      window_from: run.window.from,
      window_to: run.window.to,
      as_of: run.window.asOf,
      rules: JSON.stringify(run.rules),
      parameters: JSON.stringify(run.parameters),
      summary: null,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Marks a run done with its summary. */
export async function finishRun(
  h: Handle,
  runId: number,
  finishedAt: string,
  summary: unknown,
): Promise<void> {
  await q(h)
    .updateTable('audit_runs')
    .set({ status: 'done', finished_at: finishedAt, summary: JSON.stringify(summary) })
    .where('id', '=', runId)
    .execute();
}

/** A finding with its county, ready to store. */
export interface StoredDraft extends DraftFinding {
  readonly rule: string;
  readonly countyCode: string;
}

const FINDING_COLUMNS = 19;

/**
 * Upserts the findings of a run on their stable key: new ones open, persisting ones keep
 * their status (a resolved finding stays resolved) and take the new evidence, closed ones
 * reopen.
 */
export async function upsertFindings(
  h: Handle,
  dialect: SqlDialect,
  runId: number,
  now: string,
  findings: readonly StoredDraft[],
): Promise<void> {
  const chunk = Math.floor(Math.min(dialect.maxParameters, 30_000) / FINDING_COLUMNS);
  for (let i = 0; i < findings.length; i += chunk) {
    const rows = findings.slice(i, i + chunk).map((f) => ({
      finding_key: `${f.rule}|${f.subject}`,
      rule: f.rule,
      severity: f.severity,
      status: 'open',
      county_code: f.countyCode,
      org_code: f.orgCode,
      resident_id: f.residentId,
      service_id: f.serviceId,
      subject: f.subject,
      subject_date: f.subjectDate,
      weight: f.weight,
      evidence: JSON.stringify(f.evidence),
      first_run_id: runId,
      last_run_id: runId,
      first_seen_at: now,
      last_seen_at: now,
      resolved_by: null,
      resolved_at: null,
      closed_at: null,
    }));
    await q(h)
      .insertInto('audit_findings')
      .values(rows as never)
      .onConflict((oc) =>
        oc.column('finding_key').doUpdateSet({
          severity: sql`excluded.severity`,
          county_code: sql`excluded.county_code`,
          org_code: sql`excluded.org_code`,
          resident_id: sql`excluded.resident_id`,
          service_id: sql`excluded.service_id`,
          subject_date: sql`excluded.subject_date`,
          weight: sql`excluded.weight`,
          evidence: sql`excluded.evidence`,
          last_run_id: sql`excluded.last_run_id`,
          last_seen_at: sql`excluded.last_seen_at`,
          status: sql`case when audit_findings.status = 'closed' then 'open' else audit_findings.status end`,
          closed_at: null,
          closed_run_id: null,
        }),
      )
      .execute();
  }
}

/**
 * Closes the findings of the run's rules and scope that this run did not see again. Service
 * findings dated outside the run's window were not examined and stay as they are.
 */
export async function closeVanished(
  h: Handle,
  runId: number,
  now: string,
  rules: readonly string[],
  scope: OrgScope | null,
  w: AuditWindow,
): Promise<Map<string, number>> {
  const closed = new Map<string, number>();
  for (const rule of rules) {
    const result = await sql`
      update audit_findings set status = 'closed', closed_at = ${now}, closed_run_id = ${runId}
      where rule = ${rule} and last_run_id < ${runId} and status <> 'closed'
        and ${inScope(scope, 'county_code', 'org_code')}
        and (subject_date is null or (${inWindow(w, 'subject_date')}))`.execute(h);
    closed.set(rule, Number(result.numAffectedRows ?? 0));
  }
  return closed;
}

/** Per rule: findings seen by the run, new in it, seen but already resolved, closed by it. */
export interface RunRuleSummary {
  rule: string;
  found: number;
  affected: number;
  new: number;
  resolved: number;
  closed: number;
}

/**
 * Stores the run's counts per org, rule and severity, and returns its per-rule summary
 * (`closed` as counted by `closeVanished`). Reads only the run's own findings.
 */
export async function storeRunCounts(
  h: Handle,
  runId: number,
  rules: readonly string[],
  closed: ReadonlyMap<string, number>,
): Promise<RunRuleSummary[]> {
  if (rules.length === 0) return [];
  const own = sql`rule in (${sql.join(rules)}) and last_run_id = ${runId}`;
  await sql`
    insert into audit_run_counts (run_id, org_code, rule, severity, count, affected)
    select ${runId}, org_code, rule, severity, count(*), sum(weight) from audit_findings
    where ${own} group by org_code, rule, severity`.execute(h);
  const rows = await sql<{ rule: string; found: number; affected: number; new: number; resolved: number }>`
    select rule, count(*) as found, sum(weight) as affected,
      sum(case when first_run_id = ${runId} then 1 else 0 end) as new,
      sum(case when status = 'resolved' then 1 else 0 end) as resolved
    from audit_findings where ${own} group by rule`.execute(h);
  const byRule = new Map(rows.rows.map((r) => [r.rule, r]));
  return rules.map((rule) => {
    const r = byRule.get(rule);
    return {
      rule,
      found: Number(r?.found ?? 0),
      affected: Number(r?.affected ?? 0),
      new: Number(r?.new ?? 0),
      resolved: Number(r?.resolved ?? 0),
      closed: closed.get(rule) ?? 0,
    };
  });
}

/** Counts of findings per finding org, rule and severity (before rolling up). */
export interface OrgRuleCount {
  orgCode: string;
  rule: string;
  severity: Severity;
  count: number;
  affected: number;
}

/** Current findings (open and resolved) or a run's stored counts, per finding org, in scope. */
export async function selectOrgRuleCounts(
  h: Handle,
  scope: OrgScope | null,
  runId: number | null,
  rule: string | null,
): Promise<OrgRuleCount[]> {
  const ruleCond = rule === null ? sql`1 = 1` : sql`rule = ${rule}`;
  const rows =
    runId === null
      ? await sql<{ org_code: string; rule: string; severity: string; n: number; affected: number }>`
        select org_code, rule, severity, count(*) as n, sum(weight) as affected from audit_findings
        where status <> 'closed' and ${ruleCond} and ${inScope(scope, 'county_code', 'org_code')}
        group by org_code, rule, severity`.execute(h)
      : await sql<{ org_code: string; rule: string; severity: string; n: number; affected: number }>`
        select c.org_code, c.rule, c.severity, c.count as n, c.affected from audit_run_counts c
        left join orgs o on o.code = c.org_code
        where c.run_id = ${runId} and ${ruleCond}
          and ${inScope(scope, 'o.county_code', 'c.org_code')}`.execute(h);
  return rows.rows.map((r) => ({
    orgCode: r.org_code,
    rule: r.rule,
    severity: r.severity as Severity,
    count: Number(r.n),
    affected: Number(r.affected),
  }));
}

/** An org with the codes of its ancestors, for rolling counts up the tree. */
export interface OrgLineage {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  provinceCode: string;
  cityCode: string | null;
  countyCode: string | null;
  townshipCode: string | null;
}

/** The orgs with the given codes. */
export async function selectOrgs(h: Handle, codes: readonly string[]): Promise<OrgLineage[]> {
  const out: OrgLineage[] = [];
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += 2000) {
    const rows = await h
      .selectFrom('orgs')
      .select([
        'code',
        'name',
        'level',
        'parent_code',
        'province_code',
        'city_code',
        'county_code',
        'township_code',
      ])
      .where('code', 'in', unique.slice(i, i + 2000))
      .execute();
    for (const r of rows)
      out.push({
        code: r.code,
        name: r.name,
        level: Number(r.level),
        parentCode: r.parent_code,
        provinceCode: r.province_code,
        cityCode: r.city_code,
        countyCode: r.county_code,
        townshipCode: r.township_code,
      });
  }
  return out;
}

/** Orgs of the subtree of `code` down to `depth` levels below it. */
export async function selectSubtree(h: Handle, scope: OrgScope, depth: number): Promise<OrgLineage[]> {
  const column = (['province_code', 'city_code', 'county_code', 'township_code', 'code'] as const)[
    scope.level - 1
  ]!;
  const rows = await h
    .selectFrom('orgs')
    .select(['code'])
    .where(column, '=', scope.code)
    .where('level', '<=', Math.min(5, scope.level + depth) as OrgLevel)
    .execute();
  return selectOrgs(
    h,
    rows.map((r) => r.code),
  );
}

/** Filters of the work list. */
export interface FindingFilter {
  scope: OrgScope | null;
  rule?: string | undefined;
  severity?: string | undefined;
  /** Default: open. 'current' = open or resolved; 'all' = any. */
  status?: 'open' | 'resolved' | 'closed' | 'current' | 'all' | undefined;
  runId?: number | undefined;
  residentId?: number | undefined;
}

/** A finding row joined with what the work list shows of its person and service. */
export interface FindingRow {
  id: number;
  rule: string;
  severity: string;
  status: string;
  orgCode: string;
  orgName: string | null;
  countyCode: string;
  residentId: number | null;
  recordNo: string | null;
  name: string | null;
  idNumber: string | null;
  serviceId: number | null;
  serviceType: string | null;
  serviceDate: string | null;
  subject: string;
  weight: number;
  evidence: string;
  firstRunId: number;
  lastRunId: number;
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
  closedAt: string | null;
}

function findingConditions(f: FindingFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [inScope(f.scope, 'f.county_code', 'f.org_code')];
  if (f.rule) parts.push(sql`f.rule = ${f.rule}`);
  if (f.severity) parts.push(sql`f.severity = ${f.severity}`);
  const status = f.status ?? 'open';
  if (status === 'current') parts.push(sql`f.status <> 'closed'`);
  else if (status !== 'all') parts.push(sql`f.status = ${status}`);
  if (f.runId !== undefined) parts.push(sql`f.last_run_id = ${f.runId}`);
  if (f.residentId !== undefined) parts.push(sql`f.resident_id = ${f.residentId}`);
  return sql.join(parts, sql` and `);
}

/** One page of findings (ordered by org, rule, id) and the total matching the filter. */
export async function selectFindings(
  h: Handle,
  f: FindingFilter,
  page: number,
  pageSize: number,
): Promise<{ total: number; rows: FindingRow[] }> {
  const where = findingConditions(f);
  const total = await sql<{ n: number }>`select count(*) as n from audit_findings f where ${where}`.execute(
    h,
  );
  const rows = await sql<Record<string, unknown>>`
    select f.*, o.name as org_name, r.record_no, r.name, r.id_number, s.type as service_type, s.service_date
    from audit_findings f
    left join orgs o on o.code = f.org_code
    left join residents r on r.id = f.resident_id
    left join services s on s.id = f.service_id
    where ${where}
    order by f.org_code, f.rule, f.id
    limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(h);
  return { total: Number(total.rows[0]?.n ?? 0), rows: rows.rows.map(toFindingRow) };
}

/**
 * Up to `limit` findings with an id above `afterId`, by id: keyset paging for streaming
 * every finding of a large run (offsets would rescan what was already sent).
 */
export async function selectFindingsAfter(
  h: Handle,
  f: FindingFilter,
  afterId: number,
  limit: number,
): Promise<FindingRow[]> {
  const rows = await sql<Record<string, unknown>>`
    select f.*, o.name as org_name, r.record_no, r.name, r.id_number, s.type as service_type, s.service_date
    from audit_findings f
    left join orgs o on o.code = f.org_code
    left join residents r on r.id = f.resident_id
    left join services s on s.id = f.service_id
    where ${findingConditions(f)} and f.id > ${afterId}
    order by f.id
    limit ${limit}`.execute(h);
  return rows.rows.map(toFindingRow);
}

function toFindingRow(r: Record<string, unknown>): FindingRow {
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  return {
    id: Number(r.id),
    rule: String(r.rule),
    severity: String(r.severity),
    status: String(r.status),
    orgCode: String(r.org_code),
    orgName: str(r.org_name),
    countyCode: String(r.county_code),
    residentId: num(r.resident_id),
    recordNo: str(r.record_no),
    name: str(r.name),
    idNumber: str(r.id_number),
    serviceId: num(r.service_id),
    serviceType: str(r.service_type),
    serviceDate: str(r.service_date),
    subject: String(r.subject),
    weight: Number(r.weight),
    evidence: String(r.evidence),
    firstRunId: Number(r.first_run_id),
    lastRunId: Number(r.last_run_id),
    firstSeenAt: String(r.first_seen_at),
    lastSeenAt: String(r.last_seen_at),
    resolvedBy: str(r.resolved_by),
    resolvedAt: str(r.resolved_at),
    resolutionNote: str(r.resolution_note),
    closedAt: str(r.closed_at),
  };
}

/** One finding by id. */
export async function selectFinding(h: Handle, id: number): Promise<FindingRow | null> {
  const rows = await sql<Record<string, unknown>>`
    select f.*, o.name as org_name, r.record_no, r.name, r.id_number, s.type as service_type, s.service_date
    from audit_findings f
    left join orgs o on o.code = f.org_code
    left join residents r on r.id = f.resident_id
    left join services s on s.id = f.service_id
    where f.id = ${id}`.execute(h);
  const row = rows.rows[0];
  return row ? toFindingRow(row) : null;
}

/** Sets a finding's status to resolved (or back to open) with who, when and a note. */
export async function setFindingResolution(
  h: Handle,
  id: number,
  resolution: { status: 'resolved' | 'open'; by: string | null; at: string | null; note: string | null },
): Promise<void> {
  await q(h)
    .updateTable('audit_findings')
    .set({
      status: resolution.status,
      resolved_by: resolution.by,
      resolved_at: resolution.at,
      resolution_note: resolution.note,
    })
    .where('id', '=', id)
    .execute();
}

/** A run as stored. */
export interface RunRow {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  orgCode: string | null;
  period: string | null;
  windowFrom: string | null;
  windowTo: string;
  asOf: string;
  rules: string[];
  summary: RunRuleSummary[] | null;
}

/** The latest runs, newest first. */
export async function selectRuns(h: Handle, limit: number, id?: number): Promise<RunRow[]> {
  let query = q(h).selectFrom('audit_runs').selectAll().orderBy('id', 'desc').limit(limit);
  if (id !== undefined) query = query.where('id', '=', id);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status,
    orgCode: r.org_code,
    period: r.period,
    windowFrom: r.window_from,
    windowTo: r.window_to,
    asOf: r.as_of,
    rules: JSON.parse(r.rules) as string[],
    summary: r.summary === null ? null : (JSON.parse(r.summary) as RunRuleSummary[]),
  }));
}

/** Findings grouped by the institution of their service, most first. */
export async function selectInstitutionCounts(
  h: Handle,
  rule: string,
  scope: OrgScope | null,
  limit: number,
): Promise<{ institution: string; countyCode: string; count: number }[]> {
  const rows = await sql<{ institution: string; county_code: string; n: number }>`
    select s.institution, min(f.county_code) as county_code, count(*) as n
    from audit_findings f join services s on s.id = f.service_id
    where f.rule = ${rule} and f.status <> 'closed' and s.institution is not null
      and ${inScope(scope, 'f.county_code', 'f.org_code')}
    group by s.institution order by count(*) desc, s.institution limit ${limit}`.execute(h);
  return rows.rows.map((r) => ({
    institution: r.institution,
    countyCode: r.county_code,
    count: Number(r.n),
  }));
}

// ---- merge ---------------------------------------------------------------------------

/** A resident row, as the merge reads and logs it. */
export type ResidentRow = Omit<Selectable<ResidentTable>, 'id'> & { id: number };

/** An enrolment row, as the merge reads and logs it. */
export type EnrollmentRow = Omit<Selectable<EnrollmentTable>, 'id' | 'resident_id'> & {
  id: number;
  resident_id: number;
};

/** Full resident rows by id. */
export async function selectResidentsById(h: Handle, ids: readonly number[]): Promise<ResidentRow[]> {
  const rows = await h
    .selectFrom('residents')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Counts of enrolments and services of the given residents (to prove a merge loses nothing). */
export async function countRecordsOf(
  h: Handle,
  ids: readonly number[],
): Promise<{ enrollments: number; services: number }> {
  const e = await h
    .selectFrom('enrollments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('resident_id', 'in', [...ids])
    .executeTakeFirstOrThrow();
  const s = await h
    .selectFrom('services')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('resident_id', 'in', [...ids])
    .executeTakeFirstOrThrow();
  return { enrollments: Number(e.n), services: Number(s.n) };
}

/** Enrolments of the given residents. */
export async function selectEnrollmentsOf(h: Handle, ids: readonly number[]): Promise<EnrollmentRow[]> {
  const rows = await h
    .selectFrom('enrollments')
    .selectAll()
    .where('resident_id', 'in', [...ids])
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), resident_id: Number(r.resident_id) }));
}

/** Services (id and key) of the given residents. */
export async function selectServiceKeysOf(
  h: Handle,
  ids: readonly number[],
): Promise<{ id: number; serviceKey: string; residentId: number }[]> {
  const rows = await h
    .selectFrom('services')
    .select(['id', 'service_key', 'resident_id'])
    .where('resident_id', 'in', [...ids])
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    serviceKey: r.service_key,
    residentId: Number(r.resident_id),
  }));
}

/** Which of the given service keys exist. */
export async function existingServiceKeys(h: Handle, keys: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < keys.length; i += 2000) {
    const rows = await h
      .selectFrom('services')
      .select('service_key')
      .where('service_key', 'in', keys.slice(i, i + 2000))
      .execute();
    for (const r of rows) out.add(r.service_key);
  }
  return out;
}

/** Moves services to the survivor; optionally gives one a new key. */
export async function moveService(
  h: Handle,
  id: number,
  survivorId: number,
  newKey: string | null,
): Promise<void> {
  await h
    .updateTable('services')
    .set(newKey === null ? { resident_id: survivorId } : { resident_id: survivorId, service_key: newKey })
    .where('id', '=', id)
    .execute();
}

/** Moves an enrolment to the survivor (and the survivor's county). */
export async function moveEnrollment(
  h: Handle,
  id: number,
  survivorId: number,
  countyCode: string,
): Promise<void> {
  await h
    .updateTable('enrollments')
    .set({ resident_id: survivorId, county_code: countyCode })
    .where('id', '=', id)
    .execute();
}

/** Fills an enrolment's empty end from a duplicate of it. */
export async function completeEnrollment(
  h: Handle,
  id: number,
  fill: { end_date: string | null; end_reason: string | null; detail: string | null },
): Promise<void> {
  await h.updateTable('enrollments').set(fill).where('id', '=', id).execute();
}

/** Deletes enrolments by id. */
export async function deleteEnrollments(h: Handle, ids: readonly number[]): Promise<void> {
  if (ids.length)
    await h
      .deleteFrom('enrollments')
      .where('id', 'in', [...ids])
      .execute();
}

/** Writes the merged values onto the survivor. */
export async function updateSurvivor(
  h: Handle,
  id: number,
  values: Partial<Record<string, string | number | null>>,
): Promise<void> {
  await h
    .updateTable('residents')
    .set(values as never)
    .where('id', '=', id)
    .execute();
}

/** Deletes the absorbed residents (their enrolments and services were moved first). */
export async function deleteResidents(h: Handle, ids: readonly number[]): Promise<void> {
  await h
    .deleteFrom('residents')
    .where('id', 'in', [...ids])
    .execute();
}

/**
 * Keeps findings true to a merge: service findings follow their service to the survivor;
 * findings about the absorbed records themselves are closed.
 */
export async function retargetFindingsAfterMerge(
  h: Handle,
  survivorId: number,
  absorbedIds: readonly number[],
  now: string,
): Promise<void> {
  await q(h)
    .updateTable('audit_findings')
    .set({ resident_id: survivorId })
    .where('resident_id', 'in', [...absorbedIds])
    .where('service_id', 'is not', null)
    .execute();
  await q(h)
    .updateTable('audit_findings')
    .set({ status: 'closed', closed_at: now })
    .where('resident_id', 'in', [...absorbedIds])
    .where('service_id', 'is', null)
    .where('status', '<>', 'closed')
    .execute();
}

/** Inserts a merge log entry and returns its id. */
export async function insertMergeLog(
  h: Handle,
  entry: Omit<AuditTables['audit_merges'], 'id'>,
): Promise<number> {
  const row = await q(h)
    .insertInto('audit_merges')
    .values(entry as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Merge log entries in scope, newest first, or one by id. */
export async function selectMergeLog(
  h: Handle,
  scope: OrgScope | null,
  limit: number,
  id?: number,
): Promise<AuditTables['audit_merges'][]> {
  const rows = await sql<AuditTables['audit_merges']>`
    select * from audit_merges m
    where ${inScope(scope, 'm.county_code', 'm.org_code')} ${id === undefined ? sql`` : sql`and m.id = ${id}`}
    order by m.id desc limit ${limit}`.execute(h);
  return rows.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Opens a Kysely handle on a Db; exported for use-cases that need the raw handle. */
export function handleOf(db: Db): Handle {
  return db.kysely;
}
