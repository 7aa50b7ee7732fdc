/**
 * SQL of the bulletins module: the archive of generated bulletins and the schedules. Every
 * read that lists archived bulletins or schedules, or finds one by id, takes the org scope
 * of whoever asks: a bulletin or schedule belongs to the org it reports on.
 */
import { sql, type Generated, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { chunks, KEYS_PER_LOOKUP } from '../../db/statement-chunks.js';
import { orgsInScope, type OrgScope } from '../orgs/org-scope.js';

/** Tables of migration 005. */
export type BulletinTables = {
  bulletins: {
    id: Generated<number>;
    org_code: string;
    period: string;
    format: string;
    title: string;
    file_name: string;
    content_type: string;
    size: number;
    parameters: string;
    data_cutoff: string;
    generated_at: string;
    schedule_id: number | null;
    content_base64: string;
  };
  bulletin_schedules: {
    id: Generated<number>;
    org_code: string;
    every: string;
    format: string;
    parameters: string;
    next_run: string;
    active: Generated<number>;
    last_run_at: string | null;
    last_bulletin_id: number | null;
    last_error: string | null;
    created_at: string;
  };
};

type Handle = Kysely<Database & BulletinTables>;

function handle(db: Db): Handle {
  return db.kysely.withTables<BulletinTables>();
}

/** The rows (archived bulletins, schedules) whose org, named in `org_code`, is in `scope`. */
function reportedOrgInScope(scope: OrgScope): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref('org_code')} in (select o.code from orgs o where ${orgsInScope(scope, 'o')})`;
}

/** A bulletin to archive. */
export interface ArchivedBulletinInput {
  orgCode: string;
  period: string;
  format: 'docx' | 'html';
  title: string;
  fileName: string;
  contentType: string;
  parameters: unknown;
  dataCutoff: string;
  generatedAt: string;
  scheduleId: number | null;
  /** Who generated it: a username, `operator:<os user>`, or a schedule's creator. */
  generatedBy: string | null;
  content: Buffer;
}

/** An archived bulletin without its content. */
export interface ArchivedBulletin {
  id: number;
  orgCode: string;
  period: string;
  format: string;
  title: string;
  fileName: string;
  contentType: string;
  size: number;
  parameters: unknown;
  dataCutoff: string;
  generatedAt: string;
  scheduleId: number | null;
  /** Who generated it; null for bulletins archived before this was kept. */
  generatedBy: string | null;
}

/**
 * Who made a bulletin or a schedule is kept in its parameters (JSON) under this key: the
 * tables of migration 005 have no column for it. Read back into its own field and taken out
 * of the parameters, so that a schedule's parameters stay a bulletin request.
 */
const MADE_BY = 'madeBy';

/** Parameters as stored, with who made the row. */
function withMadeBy(parameters: unknown, madeBy: string | null): string {
  const object = parameters !== null && typeof parameters === 'object' ? parameters : {};
  return JSON.stringify(madeBy === null ? object : { ...object, [MADE_BY]: madeBy });
}

/** Stored parameters split into the parameters and who made the row. */
function splitMadeBy(stored: string): { parameters: Record<string, unknown>; madeBy: string | null } {
  const { [MADE_BY]: madeBy, ...parameters } = JSON.parse(stored) as Record<string, unknown>;
  return { parameters, madeBy: typeof madeBy === 'string' ? madeBy : null };
}

/** Stores a generated bulletin; returns its id. */
export async function insertBulletin(db: Db, b: ArchivedBulletinInput): Promise<number> {
  const row = await handle(db)
    .insertInto('bulletins')
    .values({
      org_code: b.orgCode,
      period: b.period,
      format: b.format,
      title: b.title,
      file_name: b.fileName,
      content_type: b.contentType,
      size: b.content.length,
      parameters: withMadeBy(b.parameters, b.generatedBy),
      data_cutoff: b.dataCutoff,
      generated_at: b.generatedAt,
      schedule_id: b.scheduleId,
      content_base64: b.content.toString('base64'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

const LISTED = [
  'id',
  'org_code',
  'period',
  'format',
  'title',
  'file_name',
  'content_type',
  'size',
  'parameters',
  'data_cutoff',
  'generated_at',
  'schedule_id',
] as const;

function toArchived(
  r: Pick<Selectable<BulletinTables['bulletins']>, (typeof LISTED)[number]>,
): ArchivedBulletin {
  const { parameters, madeBy } = splitMadeBy(r.parameters);
  return {
    id: Number(r.id),
    orgCode: r.org_code,
    period: r.period,
    format: r.format,
    title: r.title,
    fileName: r.file_name,
    contentType: r.content_type,
    size: Number(r.size),
    parameters,
    dataCutoff: r.data_cutoff,
    generatedAt: r.generated_at,
    scheduleId: r.schedule_id === null ? null : Number(r.schedule_id),
    generatedBy: madeBy,
  };
}

/**
 * Lists the archived bulletins of the orgs in `scope`, newest first.
 *
 * @example
 * const { scope } = await scopeOfOrg(db.kysely, OPERATOR_SCOPE, '620800');
 * await listBulletins(db, scope, { period: '2020Q2', limit: 50, offset: 0 }); // 平凉市 and below
 */
export async function listBulletins(
  db: Db,
  scope: OrgScope,
  query: { period?: string; limit: number; offset: number },
): Promise<ArchivedBulletin[]> {
  let q = handle(db).selectFrom('bulletins').select(LISTED).where(reportedOrgInScope(scope));
  if (query.period) q = q.where('period', '=', query.period);
  const rows = await q.orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute();
  return rows.map(toArchived);
}

/**
 * The org an archived bulletin reports on, whatever the scope: only its code, so that a
 * use-case can tell a bulletin outside the caller's scope (403) from no bulletin (404).
 */
export async function selectBulletinOrg(db: Db, id: number): Promise<string | null> {
  const row = await handle(db)
    .selectFrom('bulletins')
    .select('org_code')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.org_code ?? null;
}

/**
 * The org a schedule reports on, whatever the scope (403 or 404, as {@link selectBulletinOrg}).
 */
export async function selectScheduleOrg(db: Db, id: number): Promise<string | null> {
  const row = await handle(db)
    .selectFrom('bulletin_schedules')
    .select('org_code')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.org_code ?? null;
}

/** One archived bulletin with its content, or null when there is none in `scope` with that id. */
export async function getBulletin(
  db: Db,
  scope: OrgScope,
  id: number,
): Promise<(ArchivedBulletin & { content: Buffer }) | null> {
  const row = await handle(db)
    .selectFrom('bulletins')
    .select([...LISTED, 'content_base64'])
    .where('id', '=', id)
    .where(reportedOrgInScope(scope))
    .executeTakeFirst();
  if (!row) return null;
  return { ...toArchived(row), content: Buffer.from(row.content_base64, 'base64') };
}

/** A stored schedule. */
export interface BulletinSchedule {
  id: number;
  orgCode: string;
  every: string;
  format: string;
  parameters: Record<string, unknown>;
  nextRun: string;
  active: boolean;
  lastRunAt: string | null;
  lastBulletinId: number | null;
  lastError: string | null;
  createdAt: string;
  /** Who set it: a username or `operator:<os user>`; null for schedules set before this was kept. */
  createdBy: string | null;
}

function toSchedule(r: Selectable<BulletinTables['bulletin_schedules']>): BulletinSchedule {
  const { parameters, madeBy } = splitMadeBy(r.parameters);
  return {
    id: Number(r.id),
    orgCode: r.org_code,
    every: r.every,
    format: r.format,
    parameters,
    nextRun: r.next_run,
    active: Number(r.active) === 1,
    lastRunAt: r.last_run_at,
    lastBulletinId: r.last_bulletin_id === null ? null : Number(r.last_bulletin_id),
    lastError: r.last_error,
    createdAt: r.created_at,
    createdBy: madeBy,
  };
}

/** Stores a schedule; returns its id. */
export async function insertSchedule(
  db: Db,
  s: {
    orgCode: string;
    every: string;
    format: string;
    parameters: Record<string, unknown>;
    nextRun: string;
    createdAt: string;
    createdBy: string | null;
  },
): Promise<number> {
  const row = await handle(db)
    .insertInto('bulletin_schedules')
    .values({
      org_code: s.orgCode,
      every: s.every,
      format: s.format,
      parameters: withMadeBy(s.parameters, s.createdBy),
      next_run: s.nextRun,
      created_at: s.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The schedules of the orgs in `scope`, oldest first. */
export async function listSchedules(db: Db, scope: OrgScope): Promise<BulletinSchedule[]> {
  const rows = await handle(db)
    .selectFrom('bulletin_schedules')
    .selectAll()
    .where(reportedOrgInScope(scope))
    .orderBy('id')
    .execute();
  return rows.map((r) => toSchedule(r));
}

/** Active schedules of the orgs in `scope` whose next run is on or before `today`. */
export async function dueSchedules(db: Db, scope: OrgScope, today: string): Promise<BulletinSchedule[]> {
  const rows = await handle(db)
    .selectFrom('bulletin_schedules')
    .selectAll()
    .where(reportedOrgInScope(scope))
    .where('active', '=', 1)
    .where('next_run', '<=', today)
    .orderBy('id')
    .execute();
  return rows.map((r) => toSchedule(r));
}

/** Records a run of a schedule (success: bulletin id; failure: the one-line reason). */
export async function recordScheduleRun(
  db: Db,
  id: number,
  run: { at: string; nextRun: string; bulletinId: number | null; error: string | null },
): Promise<void> {
  await handle(db)
    .updateTable('bulletin_schedules')
    .set({
      last_run_at: run.at,
      next_run: run.nextRun,
      last_bulletin_id: run.bulletinId,
      last_error: run.error,
    })
    .where('id', '=', id)
    .execute();
}

/** Stops a schedule; false when there is none in `scope` with that id. */
export async function deactivateSchedule(db: Db, scope: OrgScope, id: number): Promise<boolean> {
  const result = await handle(db)
    .updateTable('bulletin_schedules')
    .set({ active: 0 })
    .where('id', '=', id)
    .where(reportedOrgInScope(scope))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Names and levels of the orgs in `scope` by code (for hotspot labels); others are absent. */
export async function orgNames(
  db: Db,
  scope: OrgScope,
  codes: readonly string[],
): Promise<Map<string, { name: string; level: number }>> {
  const out = new Map<string, { name: string; level: number }>();
  for (const part of chunks([...new Set(codes)], KEYS_PER_LOOKUP)) {
    const rows = await db.kysely
      .selectFrom('orgs as o')
      .select(['o.code', 'o.name', 'o.level'])
      .where('o.code', 'in', part)
      .where(orgsInScope(scope, 'o'))
      .execute();
    for (const r of rows) out.set(r.code, { name: r.name, level: Number(r.level) });
  }
  return out;
}
