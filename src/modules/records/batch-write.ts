/**
 * The rules every batch write of the records follows: every row is validated before any is
 * written, and the batch is refused as a whole (RecordsWriteError naming item and field)
 * when one row is invalid (400) or names a village, a resident or a stored record outside the
 * writer's scope (403); within a batch the later row of a key wins and counts as an update.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Validated } from '../../domain/records/validation.js';
import { REASONS } from '../../domain/records/validation.js';
import { WHOLE_TREE, type OrgScope } from '../orgs/org-scope.js';
import { findOrgCodes, findResidentsByRecordNo, type ResidentRef } from './record-lookups-repository.js';
import { OUTSIDE_SCOPE, RecordsScopeError, RecordsWriteError, type ItemProblem } from './records-errors.js';

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
 * Refuses the batch unless every org the items name is an org of `scope`: an org of the tree
 * outside the scope is a RecordsScopeError (403) naming the items, an org the tree does not
 * hold a RecordsWriteError (400).
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
  const missing = items.filter((i) => !known.has(i.orgCode));
  if (missing.length === 0) return;
  const elsewhere =
    scope.kind === 'all'
      ? new Set<string>()
      : await findOrgCodes(
          trx,
          WHOLE_TREE,
          missing.map((i) => i.orgCode),
        );
  refuse(missing, (i) => elsewhere.has(i.orgCode), REASONS.unknownOrg, options);
}

/**
 * The residents of `scope` the rows name by record number. The batch is refused if one is
 * not found: RecordsScopeError (403) when the resident lives outside the scope,
 * RecordsWriteError (400) when there is no such record.
 */
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
  const missing = recordNos.flatMap((recordNo, index) =>
    recordNo !== null && !refs.has(recordNo) ? [{ index, field: 'recordNo', recordNo }] : [],
  );
  if (missing.length === 0) return refs;
  const elsewhere =
    scope.kind === 'all'
      ? new Map<string, ResidentRef>()
      : await findResidentsByRecordNo(
          trx,
          WHOLE_TREE,
          missing.map((m) => m.recordNo),
        );
  refuse(missing, (m) => elsewhere.has(m.recordNo), REASONS.unknownRecord);
  return refs;
}

/**
 * Refuses the batch for items whose stored row lies outside the writer's scope
 * (RecordsScopeError, 403): an upsert must not update a row the writer may not see.
 */
export function refuseStoredOutside<T>(
  rows: readonly T[],
  keyOf: (row: T) => string,
  fieldOf: (row: T) => string,
  outside: ReadonlySet<string>,
): void {
  if (outside.size === 0) return;
  const problems: ItemProblem[] = [];
  rows.forEach((row, index) => {
    if (outside.has(keyOf(row))) problems.push({ index, field: fieldOf(row), reason: OUTSIDE_SCOPE });
  });
  if (problems.length > 0) throw new RecordsScopeError(problems);
}

/**
 * Throws for `missing` items: a RecordsScopeError naming those that exist outside the scope
 * if there are any (the refusal the access trail records), else a RecordsWriteError naming
 * the unknown ones.
 */
function refuse<T extends { index: number; field: string }>(
  missing: readonly T[],
  existsElsewhere: (item: T) => boolean,
  unknown: ItemProblem['reason'],
  options: { readonly single?: boolean } = {},
): never {
  const outside = missing.filter(existsElsewhere);
  if (outside.length > 0)
    throw new RecordsScopeError(
      outside.map((i) => ({ index: i.index, field: i.field, reason: OUTSIDE_SCOPE })),
      options,
    );
  throw new RecordsWriteError(
    missing.map((i) => ({ index: i.index, field: i.field, reason: unknown })),
    options,
  );
}
