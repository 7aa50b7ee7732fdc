/**
 * SQL of the bulletins module: the archive of generated bulletins and the schedules.
 */
import type { Generated, Kysely, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

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
      parameters: JSON.stringify(b.parameters),
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
  return {
    id: Number(r.id),
    orgCode: r.org_code,
    period: r.period,
    format: r.format,
    title: r.title,
    fileName: r.file_name,
    contentType: r.content_type,
    size: Number(r.size),
    parameters: JSON.parse(r.parameters) as unknown,
    dataCutoff: r.data_cutoff,
    generatedAt: r.generated_at,
    scheduleId: r.schedule_id === null ? null : Number(r.schedule_id),
  };
}

/** Lists archived bulletins, newest first, optionally within an org's subtree (code prefix). */
export async function listBulletins(
  db: Db,
  query: { orgCode?: string; period?: string; limit: number; offset: number },
): Promise<ArchivedBulletin[]> {
  let q = handle(db).selectFrom('bulletins').select(LISTED);
  if (query.orgCode) q = q.where('org_code', 'like', `${trimmedPrefix(query.orgCode)}%`);
  if (query.period) q = q.where('period', '=', query.period);
  const rows = await q.orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute();
  return rows.map(toArchived);
}

/**
 * The code prefix shared by an org's subtree: a province 620000 → '62', a city 620800 →
 * '6208', a county 620821 → '620821', a township or village as is.
 */
export function trimmedPrefix(code: string): string {
  if (/^\d{2}0000$/.test(code)) return code.slice(0, 2);
  if (/^\d{4}00$/.test(code)) return code.slice(0, 4);
  return code;
}

/** One archived bulletin with its content, or null. */
export async function getBulletin(
  db: Db,
  id: number,
): Promise<(ArchivedBulletin & { content: Buffer }) | null> {
  const row = await handle(db)
    .selectFrom('bulletins')
    .select([...LISTED, 'content_base64'])
    .where('id', '=', id)
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
}

function toSchedule(r: Selectable<BulletinTables['bulletin_schedules']>): BulletinSchedule {
  return {
    id: Number(r.id),
    orgCode: r.org_code,
    every: r.every,
    format: r.format,
    parameters: JSON.parse(r.parameters) as Record<string, unknown>,
    nextRun: r.next_run,
    active: Number(r.active) === 1,
    lastRunAt: r.last_run_at,
    lastBulletinId: r.last_bulletin_id === null ? null : Number(r.last_bulletin_id),
    lastError: r.last_error,
    createdAt: r.created_at,
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
  },
): Promise<number> {
  const row = await handle(db)
    .insertInto('bulletin_schedules')
    .values({
      org_code: s.orgCode,
      every: s.every,
      format: s.format,
      parameters: JSON.stringify(s.parameters),
      next_run: s.nextRun,
      created_at: s.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Every schedule, oldest first. */
export async function listSchedules(db: Db): Promise<BulletinSchedule[]> {
  const rows = await handle(db).selectFrom('bulletin_schedules').selectAll().orderBy('id').execute();
  return rows.map((r) => toSchedule(r));
}

/** Active schedules whose next run is on or before `today`. */
export async function dueSchedules(db: Db, today: string): Promise<BulletinSchedule[]> {
  const rows = await handle(db)
    .selectFrom('bulletin_schedules')
    .selectAll()
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

/** Stops a schedule; false when there is none with that id. */
export async function deactivateSchedule(db: Db, id: number): Promise<boolean> {
  const result = await handle(db)
    .updateTable('bulletin_schedules')
    .set({ active: 0 })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Names and levels of orgs by code (for hotspot labels). */
export async function orgNames(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, { name: string; level: number }>> {
  const out = new Map<string, { name: string; level: number }>();
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.kysely
      .selectFrom('orgs')
      .select(['code', 'name', 'level'])
      .where('code', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.code, { name: r.name, level: Number(r.level) });
  }
  return out;
}
