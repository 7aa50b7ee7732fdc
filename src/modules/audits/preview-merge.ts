/**
 * Use-case: what a merge of a duplicate set would do, without doing it — the records side by
 * side, the value each field of the merged record would take and from which record, and the
 * services and enrolments that would move. The merge itself (merge-duplicates.ts) applies
 * the same precedence (`mergeRecords`), so the preview is what the merge writes.
 */
import type { Db } from '../../db/database.js';
import {
  MERGEABLE_FIELDS,
  MergeError,
  mergeRecords,
  type MergeableField,
} from '../../domain/audits/merge-fields.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { maskIdNumber, maskName, maskPhone } from '../../domain/privacy/masking.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { refuseFindingOutside } from './finding-queries.js';
import { selectFinding } from './finding-repository.js';
import { countRecordsOf, selectResidentsById, type ResidentRow } from './merge-repository.js';

/**
 * Fields whose values a side-by-side view of several people never shows: the birth date and
 * sex would undo the masked ID number beside them (DESIGN C9). Whether the records agree on
 * them is shown instead.
 */
const WITHHELD: ReadonlySet<MergeableField> = new Set(['birth_date', 'sex']);

/** A field's value as a list of several people may show it. */
function shown(field: MergeableField, value: string | null): string | null {
  if (value === null || value === '') return null;
  if (WITHHELD.has(field)) return null;
  if (field === 'name' || field === 'contact_name') return maskName(value);
  if (field === 'phone' || field === 'contact_phone') return maskPhone(value);
  if (field === 'id_number') return maskIdNumber(value);
  return value;
}

/** One record of the set as the preview shows it, personal values masked. */
export interface PreviewRecord {
  recordNo: string;
  org: string;
  survivor: boolean;
  recordCreated: string;
  recordUpdated: string | null;
  services: number;
  enrollments: number;
  values: Record<MergeableField, string | null>;
}

/** One field of the merged record. */
export interface PreviewField {
  field: MergeableField;
  /** Whether every record holds the same value (empty counts as a value). */
  agree: boolean;
  /** The value the merged record takes, masked (null for withheld fields and empty ones). */
  merged: string | null;
  /** The record number the value comes from; null when no record has one. */
  source: string | null;
}

/** What a merge of a duplicate set would do. */
export interface MergePreview {
  setId: number;
  status: string;
  keys: string[];
  survivorRecordNo: string;
  records: PreviewRecord[];
  fields: PreviewField[];
}

/**
 * The preview of merging the set `setId` (the id of its duplicate_records finding) with the
 * same options a merge takes. Personal values are masked as in any list of several people
 * (names 陈**, phones 138****1234, ID numbers with region and last 4, birth date and sex
 * withheld). A set outside the scope is refused (403); a set no longer whole is a 400.
 *
 * @example await previewMerge(db, callerScope(request), { setId: 12 })
 */
export async function previewMerge(
  db: Db,
  scope: OrgScope,
  request: { setId: number; prefer?: Readonly<Record<string, string>>; into?: string },
): Promise<MergePreview> {
  const set = request.setId;
  const finding = await selectFinding(db.kysely, scope, set);
  if (!finding) await refuseFindingOutside(db.kysely, set, { zh: '重复档案组', en: 'set' }, 'id');
  if (!finding || finding.rule !== 'duplicate_records')
    throw GongweiError.badRequest(
      { zh: `没有编号为 ${set} 的重复档案组`, en: `set ${set}: no duplicate set with that id` },
      'id',
    );
  const evidence = JSON.parse(finding.evidence) as { residentIds: number[]; keys?: string[] };
  const rows = await selectResidentsById(db.kysely, scope, evidence.residentIds);
  if (rows.length !== evidence.residentIds.length || rows.length < 2)
    throw GongweiError.badRequest(
      {
        zh: `重复档案组 ${set} 中有档案已不存在（或不在您的范围内），请重新核查`,
        en: `set ${set}: some records no longer exist (or lie outside your scope); re-run the audit`,
      },
      'id',
    );
  const survivor = request.into ? rows.find((r) => r.record_no === request.into) : rows[0];
  if (!survivor)
    throw GongweiError.badRequest(
      {
        zh: `档案 ${request.into} 不在重复档案组 ${set} 中`,
        en: `${request.into}: that record is not in set ${set}`,
      },
      'into',
    );
  let merged;
  try {
    merged = mergeRecords(rows.map(toMergeRecord), request.prefer ?? {});
  } catch (error) {
    if (error instanceof MergeError)
      throw new GongweiError(
        'bad_request',
        { zh: error.message, en: error.message },
        { field: 'prefer', cause: error },
      );
    throw error;
  }
  const records: PreviewRecord[] = [];
  for (const r of rows) {
    const counts = await countRecordsOf(db.kysely, [r.id]);
    records.push({
      recordNo: r.record_no,
      org: r.org_code,
      survivor: r.id === survivor.id,
      recordCreated: r.record_created,
      recordUpdated: r.record_updated ?? null,
      services: counts.services,
      enrollments: counts.enrollments,
      values: Object.fromEntries(MERGEABLE_FIELDS.map((f) => [f, shown(f, r[f] ?? null)])) as Record<
        MergeableField,
        string | null
      >,
    });
  }
  return {
    setId: set,
    status: finding.status,
    keys: evidence.keys ?? [],
    survivorRecordNo: survivor.record_no,
    records,
    fields: MERGEABLE_FIELDS.map((field) => ({
      field,
      agree: new Set(rows.map((r) => r[field] ?? '')).size === 1,
      merged: shown(field, merged.fields[field]),
      source: merged.sources[field],
    })),
  };
}

function toMergeRecord(r: ResidentRow): Parameters<typeof mergeRecords>[0][number] {
  return {
    id: r.id,
    recordNo: r.record_no,
    fields: Object.fromEntries(MERGEABLE_FIELDS.map((f) => [f, r[f] ?? null])) as Record<
      MergeableField,
      string | null
    >,
    electronic: Number(r.electronic),
    recordCreated: r.record_created,
    recordUpdated: r.record_updated,
  };
}
