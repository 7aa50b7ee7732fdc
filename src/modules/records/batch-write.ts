/**
 * The rules every batch write of the records follows: every row is validated before any is
 * written, and the batch is refused as a whole (RecordsWriteError naming item and field)
 * when one row is invalid or names a village or record number the writer's scope does not
 * hold; within a batch the later row of a key wins and counts as an update.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Validated } from '../../domain/records/validation.js';
import { REASONS } from '../../domain/records/validation.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { findOrgCodes, findResidentsByRecordNo, type ResidentRef } from './record-lookups-repository.js';
import { RecordsWriteError, type ItemProblem } from './records-errors.js';

/** How many rows of a batch write were new and how many replaced an existing row. */
export interface WriteCounts {
  inserted: number;
  updated: number;
}

/** The county of an org: the first 6 digits of its code. */
export function countyOf(orgCode: string): string {
  return orgCode.slice(0, 6);
}

/**
 * Every row validated and normalised, or a RecordsWriteError naming every problem.
 *
 * @example const valid = validateAll(rows, validateResident);
 */
export function validateAll<T>(rows: readonly T[], validate: (row: T) => Validated<T>): T[] {
  const problems: ItemProblem[] = [];
  const values: T[] = [];
  rows.forEach((row, index) => {
    const result = validate(row);
    if (result.ok) values.push(result.value);
    else for (const issue of result.issues) problems.push({ index, ...issue });
  });
  if (problems.length > 0) throw new RecordsWriteError(problems);
  return values;
}

/** Keeps the last row of each key, in first-seen order: within one batch the later row wins. */
export function lastPerKey<T>(rows: readonly T[], key: (row: T) => string): Map<string, T> {
  const byKey = new Map<string, T>();
  for (const row of rows) byKey.set(key(row), row);
  return byKey;
}

/** The row object of a statement template: each column gets the position of its value. */
export function positionsOf<C extends string>(
  columns: readonly C[],
  positions: readonly number[],
): Record<C, number> {
  const row = {} as Record<C, number>;
  columns.forEach((column, i) => (row[column] = positions[i]!));
  return row;
}

/**
 * Refuses the batch unless every org the items name is an org of `scope`.
 *
 * @param options.single the items are one change to one resident: name the field alone
 */
export async function requireOrgs(
  trx: Kysely<Database>,
  scope: OrgScope,
  items: readonly { index: number; field: string; orgCode: string }[],
  options: { readonly single?: boolean } = {},
): Promise<void> {
  const known = await findOrgCodes(
    trx,
    scope,
    items.map((i) => i.orgCode),
  );
  const problems = items
    .filter((i) => !known.has(i.orgCode))
    .map((i) => ({ index: i.index, field: i.field, reason: REASONS.unknownOrg }));
  if (problems.length > 0) throw new RecordsWriteError(problems, options);
}

/** The residents of `scope` the rows name by record number; the batch is refused if one is not found. */
export async function requireResidents(
  trx: Kysely<Database>,
  scope: OrgScope,
  recordNos: readonly (string | null)[],
): Promise<Map<string, ResidentRef>> {
  const refs = await findResidentsByRecordNo(
    trx,
    scope,
    recordNos.filter((r): r is string => r !== null),
  );
  const problems: ItemProblem[] = [];
  recordNos.forEach((recordNo, index) => {
    if (recordNo !== null && !refs.has(recordNo))
      problems.push({ index, field: 'recordNo', reason: REASONS.unknownRecord });
  });
  if (problems.length > 0) throw new RecordsWriteError(problems);
  return refs;
}
