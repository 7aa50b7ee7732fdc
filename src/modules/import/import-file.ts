import type { Kysely } from 'kysely';
import { refreshPlannerStatistics } from '../../db/planner-statistics.js';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { RawCell } from '../../domain/import/cell-values.js';
import type { ImportKind } from '../../domain/import/columns.js';
import { columnForHeader, IMPORT_KIND_NAMES } from '../../domain/import/columns.js';
import { findHeader, isTotalRow, MAX_TITLE_ROWS } from '../../domain/import/table-layout.js';
import type { ImportReport, Rejection } from '../../domain/import/import-report.js';
import type { HeaderLayout, ImportInputs, RowProblem } from '../../domain/import/row-mapping.js';
import { problemFor, readHeader, readRow } from '../../domain/import/row-mapping.js';
import { REASONS } from '../../domain/records/validation.js';
import { serviceAgainstPerson } from '../../domain/records/record-dates.js';
import { serviceKey } from '../../domain/records/service-key.js';
import { localIsoDate } from '../bulletins/local-date.js';
import { WHOLE_TREE, type OrgScope } from '../orgs/org-scope.js';
import { upsertPopulation } from '../orgs/population-repository.js';
import { withMaintenanceDeferred } from '../records/after-write.js';
import type { WriteCounts } from '../records/batch-write.js';
import type { ResidentRef } from '../records/record-lookups-repository.js';
import { writeValidatedEnrollments } from '../records/enrollments-repository.js';
import { findOrgCodes, findResidentsByRecordNo, storedKeys } from '../records/record-lookups-repository.js';
import { OUTSIDE_SCOPE } from '../records/records-errors.js';
import { writeValidatedResidents } from '../records/residents-repository.js';
import { writeValidatedServices } from '../records/services-repository.js';
import type { FileRow } from './file-rows.js';
import { ImportFileError, readFileRows } from './file-rows.js';
import type { RejectedRow } from './rejects-file.js';
import { rejectsPathFor, writeRejectsFile } from './rejects-file.js';

/** Options of an import. */
export interface ImportOptions {
  /** Land the valid rows and write the refused ones to `<file>.rejected.csv` (default: all or nothing). */
  acceptValid?: boolean;
  /** Called after every chunk with bytes of the file read so far and in total. */
  onProgress?: (done: number, total: number) => void;
  /** Rows validated and written together (default 5000). */
  chunkRows?: number;
  /** The importer's date: no date of a row may lie after it (default: the local date). */
  today?: string;
  /**
   * Check only: the valid rows are written inside the transaction and rolled back, so the
   * report says what landing them would insert and update, and nothing is stored. The
   * refused rows are written to the rejects file all the same.
   */
  dryRun?: boolean;
  /** Where to write the refused rows (default `<file>.rejected.csv` beside the input). */
  rejectsPath?: string;
}

type Writer<K extends ImportKind> = (
  trx: Kysely<Database>,
  scope: OrgScope,
  rows: readonly ImportInputs[K][],
  residents: ReadonlyMap<string, ResidentRef>,
) => Promise<WriteCounts>;

// Rows reach the writers validated by readRow and with their references resolved within the
// scope by unresolvedReferences, so the records are written without validating them again.
const WRITERS: { [K in ImportKind]: Writer<K> } = {
  residents: (trx, scope, rows) => writeValidatedResidents(trx, scope, rows),
  enrollments: (trx, _scope, rows, residents) => writeValidatedEnrollments(trx, rows, residents),
  services: (trx, scope, rows, residents) => writeValidatedServices(trx, scope, rows, residents),
  population: (trx, scope, rows) => upsertPopulation(trx, scope, rows),
};

/** Thrown inside the transaction to roll it back when the import must land nothing. */
class NothingLands extends Error {}

interface ReadRow<K extends ImportKind> {
  readonly row: number;
  readonly cells: RawCell[];
  readonly input: ImportInputs[K];
}

/** Codes a row refers to that must already be stored: org codes and record numbers. */
function referencesOf(
  kind: ImportKind,
  input: ImportInputs[ImportKind],
): { orgCode: string | null; recordNo: string | null } {
  switch (kind) {
    case 'residents':
    case 'population':
      return { orgCode: (input as ImportInputs['residents' | 'population']).orgCode, recordNo: null };
    case 'enrollments':
      return { orgCode: null, recordNo: (input as ImportInputs['enrollments']).recordNo };
    case 'services': {
      const service = input as ImportInputs['services'];
      return { orgCode: service.orgCode, recordNo: service.recordNo };
    }
  }
}

/**
 * The key under which a row would update a stored record (residents: the record number;
 * services: the service key), or null for kinds matched otherwise.
 */
function storedKeyOf(kind: ImportKind, input: ImportInputs[ImportKind]): string | null {
  if (kind === 'residents') return (input as ImportInputs['residents']).recordNo;
  if (kind === 'services') return serviceKey(input as ImportInputs['services']);
  return null;
}

/** Org codes seen so far in an import: in the scope, or in the tree but outside the scope. */
interface SeenOrgs {
  readonly known: Set<string>;
  readonly outside: Set<string>;
}

/**
 * Finds the rows of a chunk that name an org or a record number that `scope` does not hold
 * (unknown, or outside the scope), or that would update a record stored outside the scope.
 * Org codes are remembered across chunks (a file names few villages many times). The checks
 * of the scope cost no statement when importing into the whole tree.
 */
async function unresolvedReferences<K extends ImportKind>(
  trx: Kysely<Database>,
  scope: OrgScope,
  layout: HeaderLayout<K>,
  rows: readonly ReadRow<K>[],
  orgs: SeenOrgs,
): Promise<{ problems: Map<ReadRow<K>, RowProblem[]>; residents: Map<string, ResidentRef> }> {
  const scoped = scope.kind !== 'all';
  const refs = rows.map((r) => referencesOf(layout.kind, r.input));
  const orgsToCheck = new Set<string>();
  const recordNos = new Set<string>();
  for (const ref of refs) {
    if (ref.orgCode !== null && !orgs.known.has(ref.orgCode) && !orgs.outside.has(ref.orgCode))
      orgsToCheck.add(ref.orgCode);
    if (ref.recordNo !== null) recordNos.add(ref.recordNo);
  }
  if (orgsToCheck.size > 0) {
    for (const code of await findOrgCodes(trx, scope, orgsToCheck)) orgs.known.add(code);
    const rest = [...orgsToCheck].filter((code) => !orgs.known.has(code));
    if (scoped && rest.length > 0)
      for (const code of await findOrgCodes(trx, WHOLE_TREE, rest)) orgs.outside.add(code);
  }
  const residents =
    recordNos.size > 0
      ? await findResidentsByRecordNo(trx, scope, recordNos)
      : new Map<string, ResidentRef>();
  const missing = [...recordNos].filter((r) => !residents.has(r));
  const residentsOutside =
    scoped && missing.length > 0
      ? await findResidentsByRecordNo(trx, WHOLE_TREE, missing)
      : new Map<string, ResidentRef>();
  const keys = scoped ? rows.map((r) => storedKeyOf(layout.kind, r.input)) : [];
  const storedOutside = scoped
    ? (
        await storedKeys(
          trx,
          scope,
          layout.kind === 'services' ? 'services' : 'residents',
          layout.kind === 'services' ? 'service_key' : 'record_no',
          keys.filter((k): k is string => k !== null),
        )
      ).outside
    : new Set<string>();
  const problems = new Map<ReadRow<K>, RowProblem[]>();
  rows.forEach((row, i) => {
    const ref = refs[i]!;
    const found: RowProblem[] = [];
    const person = ref.recordNo === null ? undefined : residents.get(ref.recordNo);
    // A service must lie within its person's life; the person is known only here.
    if (person !== undefined && layout.kind === 'services')
      for (const issue of serviceAgainstPerson((row.input as ImportInputs['services']).serviceDate, person))
        found.push(problemFor(layout, row.cells, issue.field, issue.reason));
    if (ref.recordNo !== null && person === undefined)
      found.push(
        problemFor(
          layout,
          row.cells,
          'recordNo',
          residentsOutside.has(ref.recordNo) ? OUTSIDE_SCOPE : REASONS.unknownRecord,
        ),
      );
    if (ref.orgCode !== null && !orgs.known.has(ref.orgCode))
      found.push(
        problemFor(
          layout,
          row.cells,
          'orgCode',
          orgs.outside.has(ref.orgCode) ? OUTSIDE_SCOPE : REASONS.unknownOrg,
          ref.orgCode,
        ),
      );
    const key = keys[i];
    if (key !== undefined && key !== null && storedOutside.has(key))
      found.push(problemFor(layout, row.cells, storedKeyField(layout.kind, row.input), OUTSIDE_SCOPE));
    if (found.length > 0) problems.set(row, found);
  });
  return { problems, residents };
}

/** The column to blame for a row that would update a record stored outside the scope. */
function storedKeyField(kind: ImportKind, input: ImportInputs[ImportKind]): string {
  if (kind !== 'services') return 'recordNo';
  const service = input as ImportInputs['services'];
  return service.serviceNo !== null && service.serviceNo !== '' ? 'serviceNo' : 'recordNo';
}

/**
 * Imports one CSV or .xlsx file of `kind` into `scope` in one transaction and reports what
 * happened. Every row is read, normalised and validated completely; rows naming orgs or
 * record numbers the scope does not hold, or that would update a record stored outside it,
 * or dated after `options.today` or outside their person's life, are refused with their row
 * and column. By default any refused row means
 * nothing lands (the transaction is rolled back); with `acceptValid` the valid rows land
 * and the refused ones are written to `<file>.rejected.csv`. Rows repeated within the file
 * are not errors: the later one wins and counts as an update. Re-importing the same file
 * updates every row and adds none. A process killed part-way leaves the database as it was.
 *
 * @example const report = await importFile(db, OPERATOR_SCOPE, 'residents', 'data/居民档案.csv', { acceptValid: false });
 */
export async function importFile<K extends ImportKind>(
  db: Db,
  scope: OrgScope,
  kind: K,
  path: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const chunkRows = options.chunkRows ?? 5000;
  const today = options.today ?? localIsoDate(new Date());
  const file = await readFileRows(path);
  const iterator = file.rows[Symbol.asyncIterator]();
  const lead: FileRow[] = [];
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    lead.push(next.value);
    if (lead.length > MAX_TITLE_ROWS) break;
  }
  if (lead.length === 0) throw new ImportFileError({ zh: '文件为空', en: 'the file is empty' }, path);
  const found = findHeader(lead, { recognises: (h) => columnForHeader(kind, h) !== undefined });
  const headerRow =
    found === null ? (lead[0] as FileRow) : { row: found.headerRows[0] as number, cells: found.headers };
  const header = readHeader(kind, headerRow.cells);
  if (!header.ok) {
    const missing = header.missing.map((spec) => `${spec.header}(${spec.field})`).join('、');
    const name = IMPORT_KIND_NAMES[kind];
    throw new ImportFileError({
      zh: `第${headerRow.row}行表头缺少必需的列：${missing}（${name.zh}）`,
      en: `the header row ${headerRow.row} lacks required columns for ${name.en}: ${missing}`,
    });
  }
  const titleRows = found === null ? [] : [...found.titleRows, ...found.headerRows.slice(1)];
  const totalRows: number[] = [];
  const leadData = lead.slice(found === null ? 1 : found.firstDataIndex);
  async function* dataRows(): AsyncGenerator<FileRow> {
    yield* leadData;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  const layout = header.layout;
  const writer = WRITERS[kind] as Writer<K>;
  const rejectedRows: RejectedRow[] = [];
  const rejections: Rejection[] = [];
  const counts: WriteCounts = { inserted: 0, updated: 0 };
  const seenOrgs: SeenOrgs = { known: new Set(), outside: new Set() };
  let rowsRead = 0;
  let valid = 0;
  // A dry run writes every valid row, as landing them would, and then rolls back.
  const writesAll = options.acceptValid === true || options.dryRun === true;

  const reject = (row: FileRow, problems: readonly RowProblem[]): void => {
    rejectedRows.push({ row: row.row, cells: row.cells, problems });
    for (const p of problems) rejections.push({ row: row.row, ...p });
  };

  const landChunk = async (trx: Kysely<Database>, chunk: FileRow[]): Promise<void> => {
    const good: ReadRow<K>[] = [];
    for (const row of chunk) {
      const result = readRow(layout, row.cells, today);
      if (result.ok) good.push({ row: row.row, cells: row.cells, input: result.input });
      else reject(row, result.problems);
    }
    const unresolved = await unresolvedReferences(trx, scope, layout, good, seenOrgs);
    const landing = good.filter((r) => {
      const problems = unresolved.problems.get(r);
      if (problems !== undefined) reject(r, problems);
      return problems === undefined;
    });
    valid += landing.length;
    // Once a row is refused in all-or-nothing mode nothing will land: keep validating, stop writing.
    if (landing.length > 0 && (writesAll || rejectedRows.length === 0)) {
      const written = await writer(
        trx,
        scope,
        landing.map((r) => r.input),
        unresolved.residents,
      );
      counts.inserted += written.inserted;
      counts.updated += written.updated;
    }
    const progress = file.progress();
    options.onProgress?.(progress.done, progress.total);
  };

  let landed = false;
  try {
    // Derived state is maintained once at the end of the import, not after every chunk: a
    // resident with services in several chunks is recomputed once.
    await db.kysely.transaction().execute((trx) =>
      withMaintenanceDeferred(trx, async () => {
        let chunk: FileRow[] = [];
        for await (const row of dataRows()) {
          if (isTotalRow(row.cells)) {
            totalRows.push(row.row);
            continue;
          }
          chunk.push(row);
          rowsRead++;
          if (chunk.length >= chunkRows) {
            await landChunk(trx, chunk);
            chunk = [];
          }
        }
        if (chunk.length > 0) await landChunk(trx, chunk);
        if (options.dryRun || (rejectedRows.length > 0 && !options.acceptValid)) throw new NothingLands();
      }),
    );
    landed = true;
    // A large import can leave the planner guessing (PostgreSQL): 2 000 keys read by a full scan.
    await refreshPlannerStatistics(db);
  } catch (error) {
    if (!(error instanceof NothingLands)) throw error;
  }

  // Reference problems are found after the cell problems of the same chunk: report in file order.
  rejectedRows.sort((a, b) => a.row - b.row);
  rejections.sort((a, b) => a.row - b.row);
  let rejectsFile: string | null = null;
  if ((landed || options.dryRun) && rejectedRows.length > 0) {
    rejectsFile = options.rejectsPath ?? rejectsPathFor(path);
    await writeRejectsFile(rejectsFile, layout.headers, rejectedRows);
  }
  return {
    kind,
    file: path,
    encoding: file.encoding,
    rowsRead,
    valid,
    inserted: landed || options.dryRun ? counts.inserted : 0,
    updated: landed || options.dryRun ? counts.updated : 0,
    rejected: rejectedRows.length,
    landed,
    rejections,
    rejectsFile,
    ignoredColumns: layout.ignored,
    titleRows,
    totalRows,
  };
}
