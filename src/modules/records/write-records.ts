/**
 * The write use-cases of the records, one transaction each: batches of residents,
 * enrolments and services (all or nothing), the deletion of a service, and the changes of
 * one resident's life (death, move out, move, end of an enrolment). Routes call these;
 * the scope is the part of the tree the caller may write into.
 */
import type { Db } from '../../db/database.js';
import type { EnrollmentInput, ResidentInput, ServiceInput } from '../../domain/records/inputs.js';
import type { OrgScope } from '../orgs/org-scope.js';
import type { WriteCounts } from './batch-write.js';
import { endEnrollment, upsertEnrollments } from './enrollments-repository.js';
import { RecordNotFoundError } from './records-errors.js';
import { moveResident, recordDeath, recordMoveOut, upsertResidents } from './residents-repository.js';
import { deleteService, upsertServices } from './services-repository.js';

/**
 * Writes a batch of residents in one transaction (all or nothing).
 *
 * @example await writeResidents(db, scope, rows) // → { inserted: 2, updated: 0 }
 */
export function writeResidents(
  db: Db,
  scope: OrgScope,
  rows: readonly ResidentInput[],
): Promise<WriteCounts> {
  return db.kysely.transaction().execute((trx) => upsertResidents(trx, scope, rows));
}

/**
 * Writes a batch of enrolments in one transaction (all or nothing).
 *
 * @example await writeEnrollments(db, scope, rows)
 */
export function writeEnrollments(
  db: Db,
  scope: OrgScope,
  rows: readonly EnrollmentInput[],
): Promise<WriteCounts> {
  return db.kysely.transaction().execute((trx) => upsertEnrollments(trx, scope, rows));
}

/**
 * Writes a batch of service events in one transaction (all or nothing).
 *
 * @example await writeServices(db, scope, rows)
 */
export function writeServices(db: Db, scope: OrgScope, rows: readonly ServiceInput[]): Promise<WriteCounts> {
  return db.kysely.transaction().execute((trx) => upsertServices(trx, scope, rows));
}

/**
 * Deletes a service event of `scope`; RecordNotFoundError (404) when there is none.
 *
 * @example await removeService(db, scope, 42);
 */
export async function removeService(db: Db, scope: OrgScope, id: number): Promise<void> {
  const deleted = await db.kysely.transaction().execute((trx) => deleteService(trx, scope, id));
  if (!deleted) throw new RecordNotFoundError({ zh: '服务记录不存在', en: 'no such service' });
}

/** A change in one resident's life that the programme records. */
export type ResidentEvent =
  | { readonly kind: 'death'; readonly date: string }
  | { readonly kind: 'move-out'; readonly date: string }
  | { readonly kind: 'move'; readonly orgCode: string }
  | {
      readonly kind: 'end-enrollment';
      readonly program: string;
      readonly endDate: string;
      readonly endReason: string | null;
    };

/**
 * Records a change of a resident of `scope` in one transaction: RecordNotFoundError (404)
 * for a record number the scope does not hold, RecordsWriteError (400) for a bad date or
 * village.
 *
 * @example await recordResidentEvent(db, scope, '62088110020100001', { kind: 'death', date: '2020-05-03' });
 */
export function recordResidentEvent(
  db: Db,
  scope: OrgScope,
  recordNo: string,
  event: ResidentEvent,
): Promise<void> {
  return db.kysely.transaction().execute((trx) => {
    switch (event.kind) {
      case 'death':
        return recordDeath(trx, scope, recordNo, event.date);
      case 'move-out':
        return recordMoveOut(trx, scope, recordNo, event.date);
      case 'move':
        return moveResident(trx, scope, recordNo, event.orgCode);
      case 'end-enrollment':
        return endEnrollment(trx, scope, recordNo, event.program, event.endDate, event.endReason);
    }
  });
}
