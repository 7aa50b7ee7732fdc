/**
 * Imports family-doctor teams or contracts from a CSV or .xlsx file with Chinese headers:
 * the same file reader and cell rules as every import, every problem reported by row and
 * column, and all or nothing: one refused row and nothing is stored (the refused rows are
 * written to `<file>.rejected.csv` with a 错误原因 column, as the records import does).
 *
 * A contract's key-population flags are derived at signing from the registries (the
 * resident's age and enrolments on the signing day) and its predecessor (续约) from the
 * resident's earlier contracts, rows of the same file included (ADR 0018).
 */
import type { Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import {
  CONTRACT_IMPORT_COLUMNS,
  readContractHeader,
  readContractRow,
  readTeamRow,
  type ContractImportKind,
  type ContractInput,
  type ContractRowProblem,
  type TeamInput,
} from '../../domain/contracts/contract-columns.js';
import { keyPopulationsAtSigning, previousContract } from '../../domain/contracts/contract-rules.js';
import { GongweiError, type LocalizedText } from '../../domain/gongwei-error.js';
import { cellText, type RawCell } from '../../domain/import/cell-values.js';
import { readFileRows, ImportFileError } from '../import/file-rows.js';
import { rejectsPathFor, writeRejectsFile, type RejectedRow } from '../import/rejects-file.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { runAfterRecordsWrite } from '../records/after-write.js';
import {
  contractsOf,
  enrolmentsOf,
  orgCodesInScope,
  residentsByRecordNo,
  teamsByCode,
  upsertContract,
  upsertTeams,
} from './contracts-repository.js';

/** One problem of one refused row. */
export interface ContractRejection extends ContractRowProblem {
  readonly row: number;
}

/** What an import of teams or contracts did. */
export interface ContractImportReport {
  readonly kind: ContractImportKind;
  readonly file: string;
  readonly encoding: string;
  readonly rowsRead: number;
  readonly inserted: number;
  readonly updated: number;
  readonly rejected: number;
  /** Of the contracts stored, how many continue an earlier one (续约). */
  readonly renewals: number;
  readonly landed: boolean;
  readonly rejections: readonly ContractRejection[];
  readonly rejectsFile: string | null;
  readonly ignoredColumns: readonly string[];
}

interface Row<T> {
  readonly row: number;
  readonly cells: RawCell[];
  readonly input: T;
}

const NOT_FOUND_RESIDENT: LocalizedText = {
  zh: '档案编号不存在或不在本机构管辖范围内',
  en: 'no such record number within your scope',
};

function problem(
  kind: ContractImportKind,
  field: string,
  cells: readonly RawCell[],
  header: ReadonlyMap<string, number>,
  reason: LocalizedText,
): ContractRowProblem {
  const spec = CONTRACT_IMPORT_COLUMNS[kind].find((s) => s.field === field)!;
  const i = header.get(field);
  return { column: spec.header, field, value: cellText(i === undefined ? null : (cells[i] ?? null)), reason };
}

/**
 * Imports the file as `kind` within `scope`.
 *
 * @example await importContractsFile(db, WHOLE_TREE, 'contracts', '签约.csv', { today: '2020-12-31' })
 */
export async function importContractsFile(
  db: Db,
  scope: OrgScope,
  kind: ContractImportKind,
  path: string,
  options: { today?: string; rejectsPath?: string } = {},
): Promise<ContractImportReport> {
  const file = await readFileRows(path);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  let headerCells: RawCell[] | null = null;
  let header: ReturnType<typeof readContractHeader> | null = null;
  const teams: Row<TeamInput>[] = [];
  const contracts: Row<ContractInput>[] = [];
  const refused = new Map<number, { cells: RawCell[]; problems: ContractRowProblem[] }>();
  let rowsRead = 0;
  const refuse = (row: number, cells: RawCell[], problems: readonly ContractRowProblem[]): void => {
    const entry = refused.get(row) ?? { cells, problems: [] };
    entry.problems.push(...problems);
    refused.set(row, entry);
  };
  for await (const { row, cells } of file.rows) {
    if (header === null) {
      headerCells = cells;
      header = readContractHeader(kind, cells);
      if (header.missing.length > 0)
        throw new ImportFileError(
          {
            zh: `缺少必填列：${header.missing.map((c) => c.header).join('、')}`,
            en: `required columns missing: ${header.missing.map((c) => c.field).join(', ')}`,
          },
          path,
        );
      continue;
    }
    rowsRead++;
    if (kind === 'teams') {
      const read = readTeamRow(header, cells);
      if (read.ok) teams.push({ row, cells, input: read.input });
      else refuse(row, cells, read.problems);
    } else {
      const read = readContractRow(header, cells);
      if (!read.ok) refuse(row, cells, read.problems);
      else if (read.input.signedDate > today)
        refuse(row, cells, [
          problem(kind, 'signedDate', cells, header.columns, {
            zh: '签约日期晚于今天',
            en: 'signed after today',
          }),
        ]);
      else contracts.push({ row, cells, input: read.input });
    }
  }
  if (header === null)
    throw new ImportFileError({ zh: '文件没有表头行', en: 'the file has no header row' }, path);
  const columns = header.columns;

  let counts = { inserted: 0, updated: 0, renewals: 0 };
  let landed = false;
  try {
    await db.kysely.transaction().execute(async (trx) => {
      const written =
        kind === 'teams'
          ? { ...(await writeTeams(trx, scope, teams, columns, refuse)), renewals: 0, residentIds: [] }
          : await writeContracts(trx, scope, contracts, columns, refuse);
      counts = { inserted: written.inserted, updated: written.updated, renewals: written.renewals };
      // All or nothing: any refused row rolls back what the valid ones wrote.
      if (refused.size > 0) throw new NothingLands();
      // The contract terms are indicator facts (ADR 0018): kept in the same transaction.
      await runAfterRecordsWrite(trx, { residentIds: written.residentIds, activityOrgCodes: [] });
    });
    landed = true;
  } catch (error) {
    if (!(error instanceof NothingLands)) throw error;
  }

  const rejections: ContractRejection[] = [...refused.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([row, r]) => r.problems.map((p) => ({ row, ...p })));
  let rejectsFile: string | null = null;
  if (refused.size > 0) {
    rejectsFile = options.rejectsPath ?? rejectsPathFor(path);
    const rows: RejectedRow[] = [...refused.entries()]
      .sort(([a], [b]) => a - b)
      .map(([row, r]) => ({
        row,
        cells: r.cells,
        problems: r.problems.map((p) => ({ column: p.column, reason: p.reason })),
      }));
    await writeRejectsFile(rejectsFile, (headerCells ?? []).map(cellText), rows);
  }
  return {
    kind,
    file: path,
    encoding: file.encoding,
    rowsRead,
    inserted: landed ? counts.inserted : 0,
    updated: landed ? counts.updated : 0,
    renewals: landed ? counts.renewals : 0,
    rejected: refused.size,
    landed,
    rejections,
    rejectsFile,
    ignoredColumns: header.ignored,
  };
}

class NothingLands extends Error {}

type Refuse = (row: number, cells: RawCell[], problems: readonly ContractRowProblem[]) => void;

async function writeTeams(
  trx: Kysely<Database>,
  scope: OrgScope,
  rows: readonly Row<TeamInput>[],
  columns: ReadonlyMap<string, number>,
  refuse: Refuse,
): Promise<{ inserted: number; updated: number }> {
  const known = await orgCodesInScope(
    trx,
    scope,
    rows.flatMap((r) => [r.input.institutionCode, ...r.input.villages]),
  );
  const valid: TeamInput[] = [];
  for (const r of rows) {
    const problems: ContractRowProblem[] = [];
    if (!known.has(r.input.institutionCode))
      problems.push(
        problem('teams', 'institutionCode', r.cells, columns, {
          zh: '机构编码不存在或不在管辖范围内',
          en: 'no such org within your scope',
        }),
      );
    if (r.input.villages.some((v) => !known.has(v)))
      problems.push(
        problem('teams', 'villages', r.cells, columns, {
          zh: '服务村居中有不存在或不在管辖范围内的代码',
          en: 'a village is not an org within your scope',
        }),
      );
    if (problems.length > 0) refuse(r.row, r.cells, problems);
    else valid.push(r.input);
  }
  return upsertTeams(
    trx,
    valid.map((t) => ({ code: t.teamCode, ...t })),
  );
}

async function writeContracts(
  trx: Kysely<Database>,
  scope: OrgScope,
  rows: readonly Row<ContractInput>[],
  columns: ReadonlyMap<string, number>,
  refuse: Refuse,
): Promise<{ inserted: number; updated: number; renewals: number; residentIds: number[] }> {
  const residents = await residentsByRecordNo(
    trx,
    scope,
    rows.map((r) => r.input.recordNo),
  );
  const teams = await teamsByCode(
    trx,
    scope,
    rows.map((r) => r.input.teamCode),
  );
  const now = new Date().toISOString();
  let inserted = 0;
  let updated = 0;
  let renewals = 0;
  const changed = new Set<number>();
  // Earlier signings first, so a renewal in the same file finds its predecessor stored.
  const ordered = [...rows].sort((a, b) =>
    a.input.signedDate === b.input.signedDate
      ? a.row - b.row
      : a.input.signedDate < b.input.signedDate
        ? -1
        : 1,
  );
  for (const r of ordered) {
    const resident = residents.get(r.input.recordNo);
    const team = teams.get(r.input.teamCode);
    const problems: ContractRowProblem[] = [];
    if (resident === undefined)
      problems.push(problem('contracts', 'recordNo', r.cells, columns, NOT_FOUND_RESIDENT));
    if (team === undefined)
      problems.push(
        problem('contracts', 'teamCode', r.cells, columns, {
          zh: '团队编号不存在或不在管辖范围内',
          en: 'no such team within your scope',
        }),
      );
    else if (resident !== undefined && !team.villages.includes(resident.orgCode))
      problems.push(
        problem('contracts', 'teamCode', r.cells, columns, {
          zh: '该团队不服务居民所在村（居）',
          en: "the team does not serve the resident's village",
        }),
      );
    if (problems.length > 0 || resident === undefined || team === undefined) {
      refuse(r.row, r.cells, problems);
      continue;
    }
    const earlier = (await contractsOf(trx, resident.id)).filter((c) => c.contractNo !== r.input.contractNo);
    const previous = previousContract(r.input.signedDate, earlier);
    const keyPopulations = keyPopulationsAtSigning(r.input.signedDate, {
      birthDate: resident.birthDate,
      enrolments: await enrolmentsOf(trx, resident.id),
      disabled: r.input.disabled,
    });
    const { inserted: isNew, formerResidentId } = await upsertContract(
      trx,
      {
        contractNo: r.input.contractNo,
        countyCode: resident.countyCode,
        orgCode: resident.orgCode,
        residentId: resident.id,
        teamId: team.id,
        signedDate: r.input.signedDate,
        endDate: r.input.endDate,
        packageCode: r.input.packageCode,
        keyPopulations,
        disabled: r.input.disabled,
        previousContractId: previous?.id ?? null,
        terminatedDate: r.input.terminatedDate,
        terminationReason: r.input.terminationReason,
      },
      now,
    );
    if (isNew) inserted++;
    else updated++;
    if (previous !== null) renewals++;
    changed.add(resident.id);
    if (formerResidentId !== null) changed.add(formerResidentId);
  }
  return { inserted, updated, renewals, residentIds: [...changed].sort((a, b) => a - b) };
}

/** The error of an import that landed nothing, for the CLI's exit status. */
export function importRefused(report: ContractImportReport): GongweiError {
  return new GongweiError('unprocessable', {
    zh: `${report.rejected}行被拒绝，未导入任何数据；详见 ${report.rejectsFile ?? ''}`,
    en: `${report.rejected} rows refused, nothing imported; see ${report.rejectsFile ?? ''}`,
  });
}
