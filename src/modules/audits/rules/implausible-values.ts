/**
 * Rule `implausible_values` (数据不合理): adult values out of physiological range, services
 * before birth, after death or move-out or after the as-of date, follow-ups of people not
 * enrolled in the programme on that date, the same service repeated within days, and
 * resident records whose own dates contradict each other (born after the record was
 * created, dead or moved out before birth) — rows stored before the write paths refused them.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { z } from 'zod';
import type { SqlDialect } from '../../../db/database.js';
import {
  RANGE_SUSPECT_RANGES,
  RANGE_SUSPECT_TYPES,
  serviceRangeSuspect,
} from '../../../db/migrations/020-service-range-suspects.js';
import { residentDateSuspect } from '../../../db/migrations/023-resident-date-suspects.js';
import { residentLeft } from '../../../db/migrations/026-resident-audit-indexes.js';
import { findingSubject, outOfRange, type DraftFinding } from '../../../domain/audits/classify.js';
import { residentOrderIssues } from '../../../domain/records/record-dates.js';
import {
  CHECKUP_VALUE_FIELDS,
  CHRONIC_FOLLOWUPS,
  PLAUSIBLE_RANGES,
  rangesContain,
  spansCounties,
  type AuditWindow,
  type CheckupValueField,
  type PlausibleRange,
} from '../../../domain/audits/vocabulary.js';
import type { Program } from '../../../domain/programs.js';
import { SERVICE_PROGRAM, isServiceType } from '../../../domain/service-types.js';
import { chunks, KEYS_PER_LOOKUP } from '../../../db/statement-chunks.js';
import { rowsInScope, type OrgScope } from '../../orgs/org-scope.js';
import type { Handle } from '../audit-tables.js';
import { judgedRule, serviceFinding, ServiceTypes } from './audit-rule.js';
import {
  SERVICE_ROW_COLUMNS,
  inWindow,
  selectServices,
  toServiceRow,
  type RawService,
  type ServiceRow,
} from './candidate-repository.js';

const Range = z.object({ min: z.number(), max: z.number() });

const parameters = z.object({
  ranges: z
    .object(
      Object.fromEntries(CHECKUP_VALUE_FIELDS.map((f) => [f, Range])) as Record<
        CheckupValueField,
        typeof Range
      >,
    )
    .default({ ...PLAUSIBLE_RANGES })
    .describe('成人各项指标的合理范围（闭区间） / the plausible closed range of each adult value'),
  rangeCheckedTypes: ServiceTypes.default([...CHRONIC_FOLLOWUPS, 'elderly_checkup']).describe(
    '按成人范围检查数值的服务类型（儿童体重不是成人的） / service types whose values are adults’ and checked against `ranges`',
  ),
  enrolmentRequiredFor: ServiceTypes.default([
    ...CHRONIC_FOLLOWUPS,
    'tb_followup',
    'mental_followup',
  ]).describe(
    '服务日期须在相应项目管理期内的服务类型 / service types that require an enrolment in their programme on the service date',
  ),
  duplicateWindowDays: z
    .number()
    .int()
    .min(0)
    .max(60)
    .default(3)
    .describe(
      '同一人同类服务相隔不超过此天数即为重复 / two services of one person and type at most this many days apart are a duplicated event',
    ),
  duplicateEventTypes: ServiceTypes.default([
    ...CHRONIC_FOLLOWUPS,
    'elderly_checkup',
    'tb_followup',
    'mental_followup',
    'postpartum_visit',
    'postpartum_42d',
    'newborn_visit',
    'child_visit',
  ]).describe('检查重复服务的服务类型 / service types checked for duplicated events'),
});

/**
 * Services with a measured value outside its range or a systolic not above its diastolic.
 * When the ranges contain the ones frozen in migration 020 and the types are among its
 * types, every such service is a row of the partial index `services_range_suspect`: the
 * query reads that index (a few thousand rows at city scale) instead of every service of
 * the types in the window; otherwise it reads them all ({@link selectOutOfRangeByScan}).
 */
export async function selectOutOfRangeCandidates(
  h: Handle,
  dialect: SqlDialect,
  ranges: Readonly<Record<CheckupValueField, PlausibleRange>>,
  types: readonly string[],
  scope: OrgScope,
  w: AuditWindow,
): Promise<ServiceRow[]> {
  if (types.length === 0) return [];
  if (!rangeSuspectsHold(ranges, types)) return selectOutOfRangeByScan(h, ranges, types, scope, w);
  const result = await sql<RawService>`
    select ${SERVICE_ROW_COLUMNS}
    from ${dialect.tableThroughIndex('services', 's', 'services_range_suspect')}
    where ${serviceRangeSuspect('s')} and ${outOfRangeCondition(ranges, types, scope, w)}
    order by s.id`.execute(h);
  return result.rows.map(toServiceRow);
}

/**
 * True when the services breaking `ranges` among `types` are all rows of the index of
 * migration 020: the ranges contain its ranges and the types are among its types.
 */
export function rangeSuspectsHold(
  ranges: Readonly<Record<CheckupValueField, PlausibleRange>>,
  types: readonly string[],
): boolean {
  return rangesContain(ranges, RANGE_SUSPECT_RANGES) && types.every((t) => RANGE_SUSPECT_TYPES.includes(t));
}

/** The rule's condition on `services s`: a type checked, a value out of range, in the window and the scope. */
function outOfRangeCondition(
  ranges: Readonly<Record<CheckupValueField, PlausibleRange>>,
  types: readonly string[],
  scope: OrgScope,
  w: AuditWindow,
): RawBuilder<SqlBool> {
  const tests = (Object.entries(ranges) as [CheckupValueField, PlausibleRange][]).map(
    ([f, r]) => sql`(${sql.ref(`s.${f}`)} < ${r.min} or ${sql.ref(`s.${f}`)} > ${r.max})`,
  );
  tests.push(sql`(s.sbp <= s.dbp)`, sql`(s.sbp_right <= s.dbp_right)`);
  return sql<SqlBool>`s.type in (${sql.join(types)}) and (${sql.join(tests, sql` or `)}) and ${inWindow(w, 's.service_date')}
      and ${rowsInScope(scope, { county: 's.county_code', org: 's.org_code' })}`;
}

/**
 * {@link selectOutOfRangeCandidates} reading every service of the types in the window:
 * for ranges narrower than the index's, and the reference the index is tested against.
 */
export async function selectOutOfRangeByScan(
  h: Handle,
  ranges: Readonly<Record<CheckupValueField, PlausibleRange>>,
  types: readonly string[],
  scope: OrgScope,
  w: AuditWindow,
): Promise<ServiceRow[]> {
  if (types.length === 0) return [];
  return selectServices(h, outOfRangeCondition(ranges, types, scope, w));
}

/** A service whose date is impossible for its person or for the as-of date. */
export interface DateProblemRow {
  service: ServiceRow;
  problem: 'before_birth' | 'after_death' | 'after_move_out' | 'future';
  /** The date the service date contradicts. */
  against: string;
}

/** True (on `services s` joined to `residents r`) for a service before birth, after death or after move-out. */
const beyondLife = sql<SqlBool>`(s.service_date < r.birth_date or s.service_date > r.death_date or s.service_date > r.moved_out_date)`;

/**
 * The service types held in `services` (its type is never null), in order, each found by one
 * seek in the index by type and date (a loose scan of the index: a handful of seeks instead
 * of reading it whole); the last row is null.
 */
const typesHeld = sql`
  with recursive held(type) as (
    select min(type) from services
    union all
    select (select min(x.type) from services x where x.type > held.type) from held where held.type is not null)
  select type from held`;

/** How the services beyond a life are looked for in a scope spanning counties. */
export type BeyondLifeSearch = 'people' | 'services';

/**
 * Services before their person's birth, after death or move-out (in the window), or after
 * the as-of date. For a scope spanning counties the few such services are found first by id
 * and only they are then read whole, with their person's dates, and confined to the scope:
 * reading every service of the window from the table cost seconds at city scale. With a
 * window's start (`search` 'people', the default) they come from the people who can have
 * one ({@link selectBeyondLifeIds}); without one, or with `search` 'services' (the
 * reference the people's way is tested against), from every service of the window in the
 * index of services by person (resident, type, date), each joined to its person by key.
 * The future ones come from the index by type and date. A county or below reads its own
 * services through the county index, fewer than a whole index.
 */
export async function selectDateProblems(
  h: Handle,
  dialect: SqlDialect,
  scope: OrgScope,
  w: AuditWindow,
  search: BeyondLifeSearch = 'people',
): Promise<DateProblemRow[]> {
  const scoped = rowsInScope(scope, { county: 's.county_code', org: 's.org_code' });
  const out: DateProblemRow[] = [];
  // The person's dates ride along as extra columns.
  const read = async (among: RawBuilder<unknown>): Promise<void> => {
    const result = await sql<
      RawService & { birth_date: string | null; death_date: string | null; moved_out_date: string | null }
    >`
      select ${SERVICE_ROW_COLUMNS},
        r.birth_date, r.death_date, r.moved_out_date
      from services s join residents r on r.id = s.resident_id
      where ${among} and ${inWindow(w, 's.service_date')} and ${scoped} and ${beyondLife}
      order by s.id`.execute(h);
    for (const r of result.rows) {
      const service = toServiceRow(r);
      if (r.birth_date !== null && r.service_date < r.birth_date)
        out.push({ service, problem: 'before_birth', against: r.birth_date });
      if (r.death_date !== null && r.service_date > r.death_date)
        out.push({ service, problem: 'after_death', against: r.death_date });
      if (r.moved_out_date !== null && r.service_date > r.moved_out_date)
        out.push({ service, problem: 'after_move_out', against: r.moved_out_date });
    }
  };
  if (!spansCounties(scope)) {
    await read(sql`1 = 1`);
    for (const service of await selectServices(h, sql`s.service_date > ${w.asOf} and ${scoped}`))
      out.push({ service, problem: 'future', against: w.asOf });
    return out;
  }
  const found =
    search === 'people' && w.from !== null
      ? await selectBeyondLifeIds(h, dialect, { ...w, from: w.from })
      : (
          await sql<{ id: number }>`
    select s.id from ${dialect.tableThroughIndex('services', 's', 'services_resident')}
      join residents r on r.id = s.resident_id
    where s.resident_id is not null and ${inWindow(w, 's.service_date')} and ${beyondLife}`.execute(h)
        ).rows.map((r) => Number(r.id));
  for (const part of chunks(
    found.sort((a, b) => a - b),
    KEYS_PER_LOOKUP,
  ))
    await read(sql`s.id in (${sql.join(part)})`);
  // Every type's future dates from the index by type and date, the types found by one seek
  // each (a loose scan): no index leads with the date, and the scan of a whole index it
  // replaces read every service.
  const future = await sql<{
    id: number;
  }>`select s.id from services s where s.type in (${typesHeld}) and s.service_date > ${w.asOf}`.execute(h);
  for (const part of chunks(
    future.rows.map((r) => Number(r.id)).sort((a, b) => a - b),
    KEYS_PER_LOOKUP,
  ))
    for (const service of await selectServices(h, sql`s.id in (${sql.join(part)}) and ${scoped}`))
      out.push({ service, problem: 'future', against: w.asOf });
  return out;
}

/**
 * The ids of the services from `w.from` to `w.to` beyond their person's life, found from the
 * people who can have one: a service of the window before birth belongs to someone born
 * after the window's start (index `residents_birth_date`), one after death or move-out to
 * someone who left before the window's end (the partial index `residents_left`, its
 * condition repeated verbatim); their services come from the index of services by person.
 * A few thousand people at city scale instead of every service of the window. The people
 * are a list the services are sought by (`in`): joined, SQLite read every service to
 * look each one's person up in the partial index.
 */
export async function selectBeyondLifeIds(
  h: Handle,
  dialect: SqlDialect,
  w: AuditWindow & { readonly from: string },
): Promise<number[]> {
  const found = await sql<{ id: number }>`
    select s.id from ${dialect.tableThroughIndex('services', 's', 'services_resident')}
      join residents r on r.id = s.resident_id
    where s.resident_id in (
        select b.id from ${dialect.tableThroughIndex('residents', 'b', 'residents_birth_date')}
        where b.birth_date > ${w.from}
        union all
        select l.id from ${dialect.tableThroughIndex('residents', 'l', 'residents_left')}
        where ${residentLeft('l')} and (l.death_date < ${w.to} or l.moved_out_date < ${w.to}))
      and ${inWindow(w, 's.service_date')} and ${beyondLife}`.execute(h);
  return found.rows.map((r) => Number(r.id));
}

/** A resident record whose own dates contradict each other (stored before the write paths refused it). */
export interface ResidentDateRow {
  readonly id: number;
  readonly orgCode: string;
  readonly countyCode: string;
  readonly birthDate: string | null;
  readonly recordCreated: string;
  readonly deathDate: string | null;
  readonly movedOutDate: string | null;
}

/**
 * Residents of `scope` born after their record was created, or dead or moved out before
 * birth: the rows of the partial index of migration 023 (none, for data written through the
 * application), not every resident of the scope.
 */
export async function selectResidentDateProblems(
  h: Handle,
  dialect: SqlDialect,
  scope: OrgScope,
): Promise<ResidentDateRow[]> {
  const result = await sql<{
    id: number;
    org_code: string;
    county_code: string;
    birth_date: string | null;
    record_created: string;
    death_date: string | null;
    moved_out_date: string | null;
  }>`
    select r.id, r.org_code, r.county_code, r.birth_date, r.record_created, r.death_date, r.moved_out_date
    from ${dialect.tableThroughIndex('residents', 'r', 'residents_date_suspect')}
    where ${residentDateSuspect('r')} and ${rowsInScope(scope, { county: 'r.county_code', org: 'r.org_code' })}
    order by r.id`.execute(h);
  return result.rows.map((r) => ({
    id: Number(r.id),
    orgCode: r.org_code,
    countyCode: r.county_code,
    birthDate: r.birth_date,
    recordCreated: r.record_created,
    deathDate: r.death_date,
    movedOutDate: r.moved_out_date,
  }));
}

/** The checks of a resident's own dates, by the field the write paths name. */
const RESIDENT_DATE_CHECKS: Readonly<Record<string, string>> = {
  birthDate: 'birth_after_created',
  deathDate: 'death_before_birth',
  movedOutDate: 'moved_out_before_birth',
};

/**
 * The findings of a resident's contradicting dates, one per check, about the resident (no
 * service); the evidence names the check and the field, never the dates (personal data).
 */
export function residentDateFindings(r: ResidentDateRow): DraftFinding[] {
  return residentOrderIssues(r).map((issue) => {
    const check = RESIDENT_DATE_CHECKS[issue.field] ?? issue.field;
    return {
      severity: 'error',
      subject: findingSubject.resident(r.id, check),
      orgCode: r.orgCode,
      countyCode: r.countyCode,
      residentId: r.id,
      serviceId: null,
      subjectDate: null,
      weight: 1,
      evidence: { check, field: issue.field },
    };
  });
}

/**
 * Per service type, the services of that type whose person had no enrolment in its
 * programme (`programs`: type → programme) active on the service date. The candidates are
 * found in the index of services by person (resident, type, date), which holds every column
 * the test needs: reading it in order costs a fraction of fetching each service of the type
 * from the table by date (city scale: 0.5 s against 2.1 s), and one pass serves every type
 * (the programme of each service picked by its type). Only the few found are then read
 * whole and confined to the scope.
 */
export async function selectNotEnrolled(
  h: Handle,
  dialect: SqlDialect,
  programs: ReadonlyMap<string, string>,
  scope: OrgScope,
  w: AuditWindow,
): Promise<Map<string, ServiceRow[]>> {
  const byType = new Map<string, ServiceRow[]>([...programs.keys()].map((t) => [t, []]));
  if (programs.size === 0) return byType;
  const programOf = sql`case s.type ${sql.join(
    [...programs].map(([type, program]) => sql`when ${type} then ${program}`),
    sql` `,
  )} end`;
  const found = await sql<{ id: number }>`
    select s.id from ${dialect.tableThroughIndex('services', 's', 'services_resident')}
    where s.resident_id is not null and s.type in (${sql.join([...programs.keys()])}) and ${inWindow(w, 's.service_date')}
      and not exists (select 1 from enrollments e where e.resident_id = s.resident_id and e.program = ${programOf}
        and e.start_date <= s.service_date and (e.end_date is null or e.end_date >= s.service_date))`.execute(
    h,
  );
  for (const part of chunks(
    found.rows.map((r) => Number(r.id)).sort((a, b) => a - b),
    KEYS_PER_LOOKUP,
  ))
    for (const service of await selectServices(
      h,
      sql`s.id in (${sql.join(part)}) and ${rowsInScope(scope, { county: 's.county_code', org: 's.org_code' })}`,
    ))
      byType.get(service.type)?.push(service);
  return byType;
}

/** A service following another of the same person and type within the window of days. */
export interface RepeatedServiceRow {
  service: ServiceRow;
  previousId: number;
  days: number;
}

/**
 * Services following one of the same person and type at most `days` days earlier, both in
 * the window and the scope (one sort, no self-join). For a scope spanning counties, the
 * people who can have one are found first from the index of services by person (resident,
 * type, date), read in its order without the table and without the scope: a service's
 * previous one in the scope is at most as close as its previous one at all, so every person
 * with a repeated service in the scope has one there. The exact search then runs on those
 * few people only. A county or below is searched directly, through its county index.
 */
export async function selectRepeatedServices(
  h: Handle,
  dialect: SqlDialect,
  types: readonly string[],
  days: number,
  scope: OrgScope,
  w: AuditWindow,
): Promise<RepeatedServiceRow[]> {
  if (types.length === 0) return [];
  const repeats = (from: RawBuilder<unknown>, among: RawBuilder<unknown>): RawBuilder<unknown> => sql`
    select id, prev_id, gap, resident_id from (
      select x.id, x.prev_id, x.resident_id, ${dialect.daysBetween('x.prev_date', 'x.service_date')} as gap from (
        select s.id, s.service_date, s.resident_id,
          lag(s.id) over (partition by s.resident_id, s.type order by s.service_date, s.id) as prev_id,
          lag(s.service_date) over (partition by s.resident_id, s.type order by s.service_date, s.id) as prev_date
        from ${from}
        where s.resident_id is not null and s.type in (${sql.join(types)})
          and ${inWindow(w, 's.service_date')} and ${among}
      ) x where x.prev_id is not null
    ) y where gap <= ${days}`;
  type Repeat = { id: number; prev_id: number; gap: number };
  const search = async (among: RawBuilder<unknown>): Promise<Repeat[]> =>
    (await sql<Repeat>`${repeats(sql`services s`, among)}`.execute(h)).rows;
  const scoped = rowsInScope(scope, { county: 's.county_code', org: 's.org_code' });
  let rows: Repeat[] = [];
  if (!spansCounties(scope)) rows = await search(scoped);
  else {
    const everywhere = repeats(dialect.tableThroughIndex('services', 's', 'services_resident'), sql`1 = 1`);
    const people = await sql<{ resident_id: number }>`
      select distinct resident_id from (${everywhere}) z`.execute(h);
    for (const part of chunks(
      people.rows.map((r) => Number(r.resident_id)),
      KEYS_PER_LOOKUP,
    ))
      rows.push(...(await search(sql`s.resident_id in (${sql.join(part)}) and ${scoped}`)));
  }
  if (rows.length === 0) return [];
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  const services: ServiceRow[] = [];
  for (const part of chunks(
    [...byId.keys()].sort((a, b) => a - b),
    KEYS_PER_LOOKUP,
  ))
    services.push(...(await selectServices(h, sql`s.id in (${sql.join(part)})`)));
  return services.map((s) => ({
    service: s,
    previousId: Number(byId.get(s.id)!.prev_id),
    days: Number(byId.get(s.id)!.gap),
  }));
}

/** The candidates of every check of the rule. */
export interface ImplausibleCandidates {
  readonly outOfRange: readonly ServiceRow[];
  readonly dateProblems: readonly DateProblemRow[];
  /** Per service type requiring an enrolment: its programme and the services without one. */
  readonly notEnrolled: readonly { readonly program: Program; readonly services: readonly ServiceRow[] }[];
  readonly repeated: readonly RepeatedServiceRow[];
  readonly residentDates: readonly ResidentDateRow[];
}

/** Rule `implausible_values`. */
export const implausibleValues = judgedRule({
  id: 'implausible_values',
  name: { zh: '数据不合理', en: 'Implausible data' },
  description: {
    zh: '数值超出生理范围、服务日期早于出生或晚于死亡、迁出或在未来、随访对象未纳入该项目管理、同一人同类服务短期内重复；档案出生日期晚于建档日期、死亡或迁出日期早于出生日期。',
    en: 'Values out of physiological range, services before birth, after death or move-out, or in the future, follow-ups of people not enrolled in the programme, duplicated service events; records born after they were created, or dead or moved out before birth.',
  },
  severities: {
    error: { zh: '数值或日期不可能', en: 'impossible value or date' },
    warning: { zh: '未纳入管理或重复服务', en: 'not enrolled or duplicated event' },
  },
  subject: 'service',
  parameters,
  async candidates(h, { scope, window, dialect }, p): Promise<ImplausibleCandidates> {
    const outOfRange = await selectOutOfRangeCandidates(
      h,
      dialect,
      p.ranges,
      p.rangeCheckedTypes,
      scope,
      window,
    );
    const dateProblems = await selectDateProblems(h, dialect, scope, window);
    const programs = new Map<string, Program>();
    for (const type of p.enrolmentRequiredFor) {
      const program = isServiceType(type) ? SERVICE_PROGRAM[type] : null;
      if (program) programs.set(type, program);
    }
    const found = await selectNotEnrolled(h, dialect, programs, scope, window);
    const notEnrolled = p.enrolmentRequiredFor.flatMap((type) => {
      const program = programs.get(type);
      return program ? [{ program, services: found.get(type) ?? [] }] : [];
    });
    const repeated = await selectRepeatedServices(
      h,
      dialect,
      p.duplicateEventTypes,
      p.duplicateWindowDays,
      scope,
      window,
    );
    const residentDates = await selectResidentDateProblems(h, dialect, scope);
    return { outOfRange, dateProblems, notEnrolled, repeated, residentDates };
  },
  judge(c, p): DraftFinding[] {
    const out: DraftFinding[] = [];
    for (const s of c.outOfRange) {
      const fields = outOfRange(s.values, p.ranges);
      if (fields.length === 0) continue;
      const values = Object.fromEntries(
        fields.flatMap((f) => f.split('<=')).map((f) => [f, s.values[f as CheckupValueField] ?? null]),
      );
      out.push(serviceFinding(s, 'error', { check: 'out_of_range', fields, values }, 'range'));
    }
    for (const d of c.dateProblems)
      out.push(
        serviceFinding(
          d.service,
          'error',
          { check: d.problem, against: d.against },
          d.problem,
          d.problem !== 'future',
        ),
      );
    for (const { program, services } of c.notEnrolled)
      for (const s of services)
        out.push(serviceFinding(s, 'warning', { check: 'not_enrolled', program }, 'not_enrolled'));
    for (const r of c.repeated)
      out.push(
        serviceFinding(
          r.service,
          'warning',
          { check: 'duplicated_event', previousServiceId: r.previousId, days: r.days },
          'duplicated_event',
        ),
      );
    for (const r of c.residentDates) out.push(...residentDateFindings(r));
    return out;
  },
});
