/**
 * Writes of enrolments in the programmes (纳入管理): batches matched on (resident,
 * programme, start date), and the end of an active enrolment (结案).
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database, EnrollmentTable } from '../../db/schema.js';
import { chunks, rowsPerStatement } from '../../db/statement-chunks.js';
import type { EnrollmentInput } from '../../domain/records/inputs.js';
import { validateEnrollment } from '../../domain/records/validation.js';
import { localIsoDate } from '../bulletins/local-date.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { runAfterRecordsWrite } from './after-write.js';
import { countyOf, lastPerKey, requireResidents, validateAll, type WriteCounts } from './batch-write.js';
import type { ResidentRef } from './record-lookups-repository.js';
import { RecordNotFoundError } from './records-errors.js';
import { requireDate, requireResident } from './residents-repository.js';

const ENROLLMENT_COLUMNS = 7;

/**
 * Inserts or updates enrolments, matched on (resident, programme, start date). Every row
 * is validated and its record number resolved within `scope` first; the batch is refused as
 * a whole (RecordsWriteError) when any row is invalid or names a record number the scope
 * does not hold. No date may lie after `today` (by default the server's local date).
 *
 * @example await db.kysely.transaction().execute((trx) => upsertEnrollments(trx, scope, rows));
 */
export async function upsertEnrollments(
  trx: Kysely<Database>,
  scope: OrgScope,
  rows: readonly EnrollmentInput[],
  today: string = localIsoDate(new Date()),
): Promise<WriteCounts> {
  const valid = validateAll(rows, (row) => validateEnrollment(row, today));
  const refs = await requireResidents(
    trx,
    scope,
    valid.map((r) => r.recordNo),
  );
  return writeValidatedEnrollments(trx, valid, refs);
}

/**
 * The write half of `upsertEnrollments`, for a write path that has already normalised every
 * row with `validateEnrollment` and resolved every record number (`findResidentsByRecordNo`).
 *
 * @example await writeValidatedEnrollments(trx, rows, await findResidentsByRecordNo(trx, scope, numbers));
 */
export async function writeValidatedEnrollments(
  trx: Kysely<Database>,
  valid: readonly EnrollmentInput[],
  refs: ReadonlyMap<string, ResidentRef>,
): Promise<WriteCounts> {
  const unique = [...lastPerKey(valid, (r) => `${r.recordNo}|${r.program}|${r.startDate}`).values()];
  const counts: WriteCounts = { inserted: 0, updated: valid.length - unique.length };
  const changed = new Set<number>();
  for (const part of chunks(unique, rowsPerStatement(ENROLLMENT_COLUMNS))) {
    const values: Insertable<EnrollmentTable>[] = part.map((r) => {
      const ref = refs.get(r.recordNo)!;
      return {
        county_code: countyOf(ref.orgCode),
        resident_id: ref.id,
        program: r.program,
        start_date: r.startDate,
        end_date: r.endDate,
        end_reason: r.endReason,
        detail: r.detail === null ? null : JSON.stringify(r.detail),
      };
    });
    const residentIds = [...new Set(values.map((v) => v.resident_id))];
    const existing = await trx
      .selectFrom('enrollments')
      .select(['resident_id', 'program', 'start_date'])
      .where('resident_id', 'in', residentIds)
      .execute();
    const existingKeys = new Set(
      existing.map((e) => `${Number(e.resident_id)}|${e.program}|${e.start_date}`),
    );
    const updated = values.filter((v) =>
      existingKeys.has(`${v.resident_id}|${v.program}|${v.start_date}`),
    ).length;
    await trx
      .insertInto('enrollments')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['resident_id', 'program', 'start_date']).doUpdateSet((eb) => ({
          county_code: eb.ref('excluded.county_code'),
          end_date: eb.ref('excluded.end_date'),
          end_reason: eb.ref('excluded.end_reason'),
          detail: eb.ref('excluded.detail'),
        })),
      )
      .execute();
    counts.updated += updated;
    counts.inserted += part.length - updated;
    for (const id of residentIds) changed.add(id);
  }
  await runAfterRecordsWrite(trx, { residentIds: [...changed], activityOrgCodes: [] });
  return counts;
}

/**
 * Ends the active enrolment in a programme (结案) of a resident of `scope`. Throws
 * RecordNotFoundError when the scope holds no such resident or the resident has no active
 * enrolment in it.
 *
 * @example await endEnrollment(trx, scope, '62088110020100001', 'maternal', '2020-06-01', '产后42天结案');
 */
export async function endEnrollment(
  trx: Kysely<Database>,
  scope: OrgScope,
  recordNo: string,
  program: string,
  endDate: string,
  endReason: string | null,
): Promise<void> {
  requireDate(endDate, 'endDate');
  const ref = await requireResident(trx, scope, recordNo);
  const ended = await trx
    .updateTable('enrollments')
    .set({ end_date: endDate, end_reason: endReason })
    .where('resident_id', '=', ref.id)
    .where('program', '=', program)
    .where('end_date', 'is', null)
    .where('start_date', '<=', endDate)
    .returning('id')
    .execute();
  if (ended.length === 0)
    throw new RecordNotFoundError({
      zh: '该项目没有进行中的管理',
      en: 'no active enrolment in this programme',
    });
  await runAfterRecordsWrite(trx, { residentIds: [ref.id], activityOrgCodes: [] });
}
