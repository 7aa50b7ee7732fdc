/**
 * Use case: record disbursements against an allocation's units, from the API (JSON rows) or a
 * CSV/.xlsx file with Chinese headers. All rows are checked first; one refused row refuses the
 * whole batch (nothing half-written), every problem named by row and column.
 */
import type { Db } from '../../db/database.js';
import {
  checkDisbursement,
  disbursementColumns,
  type Disbursement,
  type DisbursementIssue,
} from '../../domain/funding/disbursements.js';
import type { RawCell } from '../../domain/import/cell-values.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { readFileRows } from '../import/file-rows.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { findAllocation, insertDisbursements, listAllocationUnits } from './funding-repository.js';

/** A row as the API takes it (amount as yuan text or number with at most two decimals). */
export interface DisbursementInput {
  readonly paidOn: string;
  readonly payer: string;
  readonly payeeCode: string;
  readonly amount: string | number;
  readonly purpose?: string;
}

/** The refusal of a batch, listing every refused cell. */
function refusal(issues: readonly DisbursementIssue[]): GongweiError {
  return GongweiError.validation(
    issues.map((i) => ({ field: `第${i.row}行「${i.column}」`, message: `${i.zh} / ${i.en}` })),
  );
}

async function record(
  db: Db,
  scope: OrgScope,
  target: { orgCode: string; year: number },
  rows: readonly { row: number; cells: Parameters<typeof checkDisbursement>[0] }[],
  who: { by: string; at: string },
): Promise<number> {
  const allocation = await findAllocation(db, scope, target.orgCode, target.year);
  if (!allocation) {
    throw GongweiError.notFound(
      {
        zh: `没有${target.orgCode}的${target.year}年经费分配`,
        en: `no allocation of ${target.orgCode} for ${target.year}`,
      },
      'year',
    );
  }
  const units = new Map((await listAllocationUnits(db, scope, allocation.id)).map((u) => [u.unitCode, u]));
  const issues: DisbursementIssue[] = [];
  const good: (Disbursement & { countyCode: string })[] = [];
  for (const r of rows) {
    const checked = checkDisbursement(r.cells, r.row, (code) => units.has(code));
    issues.push(...checked.issues);
    if (checked.record)
      good.push({ ...checked.record, countyCode: units.get(checked.record.payeeCode)!.countyCode });
  }
  if (rows.length === 0) {
    throw GongweiError.badRequest({ zh: '没有拨付记录', en: 'no disbursement rows' }, 'rows');
  }
  if (issues.length > 0) throw refusal(issues);
  await db.kysely.transaction().execute((trx) =>
    insertDisbursements(
      trx,
      allocation.id,
      good.map((g) => ({ ...g, unitCode: g.payeeCode })),
      who,
    ),
  );
  return good.length;
}

/**
 * Records rows given through the API (row numbers from 1).
 *
 * @example
 * await recordDisbursements(db, scope, { orgCode: '620800', year: 2020 }, [{ paidOn: '2020-07-15', payer: '崆峒区财政局', payeeCode: '620802100', amount: '120000.00', purpose: '预拨' }], who);
 */
export async function recordDisbursements(
  db: Db,
  scope: OrgScope,
  target: { orgCode: string; year: number },
  rows: readonly DisbursementInput[],
  who: { by: string; at: string },
): Promise<number> {
  return record(
    db,
    scope,
    target,
    rows.map((r, i) => ({
      row: i + 1,
      cells: {
        paidOn: r.paidOn,
        payer: r.payer,
        payeeCode: r.payeeCode,
        amount: r.amount,
        purpose: r.purpose ?? '',
      },
    })),
    who,
  );
}

/**
 * Records the rows of a CSV (UTF-8 or GBK) or .xlsx file whose header row names the columns
 * 拨付日期, 付款单位, 收款单位编码, 金额（元）, 用途; rows numbered as in Excel.
 */
export async function importDisbursementsFile(
  db: Db,
  scope: OrgScope,
  target: { orgCode: string; year: number },
  path: string,
  who: { by: string; at: string },
): Promise<number> {
  const file = await readFileRows(path);
  let header: { row: number; cells: RawCell[] } | null = null;
  const body: { row: number; cells: RawCell[] }[] = [];
  for await (const r of file.rows) {
    if (!header) header = r;
    else body.push(r);
  }
  if (!header) throw GongweiError.badRequest({ zh: '文件为空', en: 'the file is empty' }, 'file');
  const { index, issues } = disbursementColumns(header.cells, header.row);
  if (issues.length > 0) throw refusal(issues);
  const at = (cells: RawCell[], i: number): RawCell => (i < 0 ? null : (cells[i] ?? null));
  return record(
    db,
    scope,
    target,
    body.map((r) => ({
      row: r.row,
      cells: {
        paidOn: at(r.cells, index.paidOn),
        payer: at(r.cells, index.payer),
        payeeCode: at(r.cells, index.payeeCode),
        amount: at(r.cells, index.amount),
        purpose: at(r.cells, index.purpose),
      },
    })),
    who,
  );
}
