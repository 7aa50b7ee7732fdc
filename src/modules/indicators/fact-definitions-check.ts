/**
 * The facts follow the definitions of the running code (ADR 0021, "definitions change"):
 * when the stored fingerprint differs from the running code's, every maintained year is
 * prepared again — in the background on a server, or at once by `indicators-recompute` —
 * and read from the raw rows meanwhile, so no answer is computed by rules the code no longer
 * has. A database without facts only stores the fingerprint.
 */
import type { Db } from '../../db/database.js';
import { factDefinitionsFingerprint } from '../../domain/indicators/fact-definitions.js';
import {
  loadFactFingerprint,
  loadFactYears,
  loadYearsInPreparation,
  prepareYearsAgain,
  saveFactFingerprint,
} from './facts-repository.js';

/** What the check did. */
export interface FactDefinitionsCheck {
  /** The years now prepared again (empty when the definitions had not changed). */
  readonly yearsPreparedAgain: readonly number[];
}

/**
 * Compares the stored fingerprint with `fingerprint` (the running code's by default) and, when
 * they differ, prepares every maintained or half-prepared year again from the first resident.
 * Facts stored before fingerprints existed count as computed by other definitions.
 *
 * @example
 * const { yearsPreparedAgain } = await followFactDefinitions(db);
 * // [2020] after an upgrade that added a term: 2020 is read from the raw rows until prepared
 */
export async function followFactDefinitions(
  db: Db,
  fingerprint: string = factDefinitionsFingerprint(),
): Promise<FactDefinitionsCheck> {
  if ((await loadFactFingerprint(db.kysely)) === fingerprint) return { yearsPreparedAgain: [] };
  return db.kysely.transaction().execute(async (trx) => {
    // Again inside the transaction: another process may have just done it.
    if ((await loadFactFingerprint(trx)) === fingerprint) return { yearsPreparedAgain: [] };
    const years = [
      ...new Set([...(await loadFactYears(trx)), ...(await loadYearsInPreparation(trx)).map((p) => p.year)]),
    ].sort();
    await prepareYearsAgain(trx, years);
    await saveFactFingerprint(trx, fingerprint);
    return { yearsPreparedAgain: years };
  });
}
