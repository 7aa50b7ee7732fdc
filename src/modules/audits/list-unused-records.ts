/**
 * Use-case: the records an `unused_records` finding stands for, page by page, personal data
 * masked (非动态使用档案清单). The rule keeps one finding per org; its records are read
 * here on demand, as the data stand now, over the finding's period of use: a record updated
 * or served since the run has left the list.
 */
import type { Db } from '../../db/database.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { isIsoDate } from '../../domain/records/iso-date.js';
import { maskIdNumber, maskName } from '../../domain/privacy/masking.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { refuseFindingOutside } from './finding-queries.js';
import { selectFinding } from './finding-repository.js';
import { selectUnusedRecords, type UnusedPeriod } from './rules/unused-records.js';

/** An unused record of the list, masked. */
export interface UnusedRecordItem {
  residentId: number;
  recordNo: string | null;
  /** Masked: family name and ** (陈**). */
  name: string | null;
  /** Masked: region and last 4. */
  idNumber: string | null;
  /** The record's last update, else its creation. */
  recordUpdated: string;
  /** The last service up to the as-of date, if any. */
  lastService: string | null;
}

/** One page of a finding's unused records. */
export interface UnusedRecordPage extends UnusedPeriod {
  findingId: number;
  org: string;
  orgName: string | null;
  total: number;
  page: number;
  pageSize: number;
  items: UnusedRecordItem[];
}

/** Largest page of the list. */
export const UNUSED_RECORDS_PAGE_LIMIT = 200;

/** Most records one export holds (an org's: a village's few hundred, far below). */
export const UNUSED_RECORDS_EXPORT_LIMIT = 20_000;

/**
 * One page of the records finding `id` stands for, by record number; null when there is no
 * such finding. A finding outside the scope is refused (403); one of another rule is a 400
 * (its subject is on the finding itself).
 *
 * @example await listUnusedRecords(db, callerScope, 42, { page: 1, pageSize: 20 })
 */
export async function listUnusedRecords(
  db: Db,
  scope: OrgScope,
  id: number,
  paging: { page?: number | undefined; pageSize?: number | undefined } = {},
): Promise<UnusedRecordPage | null> {
  const page = Math.max(1, paging.page ?? 1);
  const pageSize = Math.min(UNUSED_RECORDS_PAGE_LIMIT, Math.max(1, paging.pageSize ?? 20));
  return readUnusedRecords(db, scope, id, page, pageSize);
}

/**
 * Every record finding `id` stands for, for a work list to print (Excel); null when there is
 * no such finding. Refused as {@link listUnusedRecords} refuses, and with a 400 beyond
 * `limit` records.
 *
 * @param limit most records one export holds; {@link UNUSED_RECORDS_EXPORT_LIMIT} but in tests
 */
export async function exportUnusedRecords(
  db: Db,
  scope: OrgScope,
  id: number,
  limit: number = UNUSED_RECORDS_EXPORT_LIMIT,
): Promise<UnusedRecordPage | null> {
  const all = await readUnusedRecords(db, scope, id, 1, limit);
  if (all && all.total > limit)
    throw GongweiError.badRequest(
      {
        zh: `问题 ${id} 涉及 ${all.total} 份档案，超过单次导出上限 ${limit}，请分页查看`,
        en: `finding ${id} stands for ${all.total} records, over the ${limit} one export holds: read them page by page`,
      },
      'id',
    );
  return all;
}

async function readUnusedRecords(
  db: Db,
  scope: OrgScope,
  id: number,
  page: number,
  pageSize: number,
): Promise<UnusedRecordPage | null> {
  const finding = await selectFinding(db.kysely, scope, id);
  if (!finding) {
    await refuseFindingOutside(db.kysely, id, { zh: '问题', en: 'finding' }, 'id');
    return null;
  }
  if (finding.rule !== 'unused_records')
    throw GongweiError.badRequest(
      {
        zh: `问题 ${id} 不属于非动态使用档案规则，其对象见问题本身`,
        en: `finding ${id} is not an unused_records finding: its subject is on the finding itself`,
      },
      'id',
    );
  const period = periodOf(finding.evidence, id);
  const { total, rows } = await selectUnusedRecords(db.kysely, finding.orgCode, period, page, pageSize);
  return {
    findingId: id,
    org: finding.orgCode,
    orgName: finding.orgName,
    ...period,
    total,
    page,
    pageSize,
    items: rows.map((r) => ({
      residentId: r.residentId,
      recordNo: r.recordNo,
      name: maskName(r.name),
      idNumber: maskIdNumber(r.idNumber),
      recordUpdated: r.recordUpdated,
      lastService: r.lastService,
    })),
  };
}

/** The period of use the finding's run judged, from its evidence. */
function periodOf(evidence: string, id: number): UnusedPeriod {
  const { noServiceSince, asOf } = JSON.parse(evidence) as Partial<Record<keyof UnusedPeriod, unknown>>;
  if (
    typeof noServiceSince !== 'string' ||
    !isIsoDate(noServiceSince) ||
    typeof asOf !== 'string' ||
    !isIsoDate(asOf)
  )
    throw GongweiError.unprocessable(
      {
        zh: `问题 ${id} 的证据中没有核查期间（noServiceSince、asOf），请重新运行核查`,
        en: `finding ${id}: its evidence holds no period of use (noServiceSince, asOf); run the audits again`,
      },
      'id',
    );
  return { noServiceSince, asOf };
}
