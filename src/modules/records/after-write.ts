import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { maintainIndicatorFacts } from '../indicators/fact-maintainer.js';

/** What a write to residents, enrolments or services touched. */
export interface ChangedRecords {
  /** Residents whose record, enrolments or services changed (including deleted ones). */
  readonly residentIds: readonly number[];
  /** Orgs of person-less services (health-education activities) that changed. */
  readonly activityOrgCodes: readonly string[];
}

/** Work that must happen in the same transaction as every change to the records. */
export type AfterRecordsWrite = (trx: Kysely<Database>, changed: ChangedRecords) => Promise<void>;

/**
 * The maintainers that keep derived state fresh. They are listed here, explicitly, rather
 * than registered by import side effects, so that every write path runs the same list.
 */
const maintainers: readonly AfterRecordsWrite[] = [maintainIndicatorFacts];

/**
 * Runs every maintainer inside the caller's transaction. Every write path of the records
 * (import, REST, demo generator, merge) calls this before committing.
 */
export async function runAfterRecordsWrite(trx: Kysely<Database>, changed: ChangedRecords): Promise<void> {
  if (changed.residentIds.length === 0 && changed.activityOrgCodes.length === 0) return;
  for (const maintain of maintainers) await maintain(trx, changed);
}
