/**
 * Use-case: merge a duplicate set into one record, in one transaction, with a merge log.
 */
import type { Db } from '../../db/database.js';
import {
  MERGEABLE_FIELDS,
  MergeError,
  mergeRecords,
  type MergeRecord,
  type MergeableField,
} from '../../domain/audits/merge-fields.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { scopeOfOrg, type OrgScope } from '../orgs/org-scope.js';
import { runAfterRecordsWrite } from '../records/after-write.js';
import type { AuditTables } from './audit-tables.js';
import { refuseFindingOutside } from './finding-queries.js';
import { selectFinding, setFindingResolution } from './finding-repository.js';
import {
  completeEnrollment,
  countRecordsOf,
  deleteEnrollments,
  deleteResidents,
  existingServiceKeys,
  insertMergeLog,
  moveEnrollment,
  moveService,
  retargetFindingsAfterMerge,
  selectEnrollmentsOf,
  selectMergeLog,
  selectResidentsById,
  selectServiceKeysOf,
  updateSurvivor,
  type ResidentRow,
} from './merge-repository.js';

/** What to merge and how. */
export interface MergeRequest {
  /** Id of the duplicate_records finding naming the set (its SETID). */
  setId: number;
  /** Field → record number whose value wins, overriding "newest non-empty". */
  prefer?: Readonly<Record<string, string>>;
  /** Record number of the record that survives; default the oldest (smallest id). */
  into?: string;
  /**
   * Who merges (kept in the log and on the resolved finding): the caller's name (the
   * signed-in user, or `operator:<os user>`), never a name a request carries.
   */
  by: string;
  now?: string;
}

/** What a merge did. */
export interface MergeResult {
  mergeId: number;
  survivorRecordNo: string;
  absorbedRecordNos: string[];
  fieldSources: Record<MergeableField, string | null>;
  movedEnrollments: number;
  droppedEnrollments: number;
  movedServices: number;
  rekeyedServices: number;
}

const toMergeRecord = (r: ResidentRow): MergeRecord => ({
  id: r.id,
  recordNo: r.record_no,
  fields: Object.fromEntries(MERGEABLE_FIELDS.map((f) => [f, r[f] ?? null])) as MergeRecord['fields'],
  electronic: Number(r.electronic),
  recordCreated: r.record_created,
  recordUpdated: r.record_updated,
});

/**
 * Merges the records of a duplicate set into one: field values by precedence (newest
 * non-empty, or as preferred per field), enrolments and services moved to the survivor
 * (an enrolment the survivor already has with the same programme and start date is folded
 * into it), services keyed by the absorbed record number re-keyed to the survivor's when
 * the new key is free, absorbed records deleted, the set's finding resolved, a merge log
 * written, and the indicator facts refreshed — all in one transaction. Counts of enrolments
 * and services before and after are compared; any loss aborts the merge.
 *
 * Every record of the set must lie in the caller's scope; a set outside it is refused (403).
 *
 * @example await mergeDuplicateSet(db, callerScope, { setId: 12, prefer: { phone: '62088110020100007' }, by: callerOf(request).name })
 */
export async function mergeDuplicateSet(
  db: Db,
  scope: OrgScope,
  request: MergeRequest,
): Promise<MergeResult> {
  if (request.by.trim() === '') throw new Error('mergeDuplicateSet: the caller has no name');
  const now = request.now ?? new Date().toISOString();
  const set = request.setId;
  return db.kysely.transaction().execute(async (trx) => {
    const finding = await selectFinding(trx, scope, set);
    if (!finding) await refuseFindingOutside(trx, set, { zh: '重复档案组', en: 'set' }, 'setId');
    if (!finding || finding.rule !== 'duplicate_records')
      throw GongweiError.badRequest(
        { zh: `没有编号为 ${set} 的重复档案组`, en: `set ${set}: no duplicate set with that id` },
        'setId',
      );
    if (finding.status === 'closed')
      throw GongweiError.badRequest(
        {
          zh: `重复档案组 ${set} 已关闭（已不再重复），请重新核查`,
          en: `set ${set}: closed (no longer duplicated); re-run the audit`,
        },
        'setId',
      );
    const ids = (JSON.parse(finding.evidence) as { residentIds: number[] }).residentIds;
    const rows = await selectResidentsById(trx, scope, ids);
    if (rows.length !== ids.length)
      throw GongweiError.badRequest(
        {
          zh: `重复档案组 ${set} 中有档案已不存在（或不在您的范围内），请重新核查`,
          en: `set ${set}: some records no longer exist (or lie outside your scope); re-run the audit`,
        },
        'setId',
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
    const absorbed = rows.filter((r) => r.id !== survivor.id);
    let merged;
    try {
      merged = mergeRecords(rows.map(toMergeRecord), request.prefer ?? {});
    } catch (error) {
      if (error instanceof MergeError)
        throw new GongweiError(
          'bad_request',
          { zh: error.message, en: error.message },
          {
            field: 'prefer',
            cause: error,
          },
        );
      throw error;
    }
    if (!merged.fields.org_code)
      throw GongweiError.badRequest(
        { zh: `重复档案组 ${set} 中没有档案有所属机构`, en: `set ${set}: no record has an org` },
        'setId',
      );
    const countyCode = merged.fields.org_code.slice(0, 6);
    const before = await countRecordsOf(trx, ids);

    // Enrolments: move, folding exact duplicates (same programme and start) into the survivor's.
    const enrollments = await selectEnrollmentsOf(trx, ids);
    const kept = new Map<string, (typeof enrollments)[number]>();
    for (const e of enrollments.filter((e) => e.resident_id === survivor.id))
      kept.set(`${e.program}|${e.start_date}`, e);
    const dropped: typeof enrollments = [];
    let movedEnrollments = 0;
    for (const e of enrollments.filter((e) => e.resident_id !== survivor.id)) {
      const key = `${e.program}|${e.start_date}`;
      const twin = kept.get(key);
      if (twin) {
        const fill = {
          end_date: twin.end_date ?? e.end_date,
          end_reason: twin.end_reason ?? e.end_reason,
          detail: twin.detail ?? e.detail,
        };
        await completeEnrollment(trx, twin.id, fill);
        Object.assign(twin, fill);
        dropped.push(e);
        continue;
      }
      await moveEnrollment(trx, e.id, survivor.id, countyCode);
      kept.set(key, e);
      movedEnrollments++;
    }
    await deleteEnrollments(
      trx,
      dropped.map((e) => e.id),
    );
    for (const e of enrollments.filter((e) => e.resident_id === survivor.id)) {
      if (e.county_code !== countyCode) await moveEnrollment(trx, e.id, survivor.id, countyCode);
    }

    // Services: move; keys built on an absorbed record number follow the survivor when free.
    const services = (await selectServiceKeysOf(trx, ids)).filter((s) => s.residentId !== survivor.id);
    const absorbedNo = new Map(absorbed.map((r) => [r.id, r.record_no]));
    const proposals = services.map((s) => {
      const no = absorbedNo.get(s.residentId)!;
      return s.serviceKey.startsWith(`${no}|`)
        ? `${survivor.record_no}${s.serviceKey.slice(no.length)}`
        : null;
    });
    const taken = await existingServiceKeys(
      trx,
      proposals.filter((p): p is string => p !== null),
    );
    let rekeyed = 0;
    for (let i = 0; i < services.length; i++) {
      const proposal = proposals[i]!;
      const newKey = proposal !== null && !taken.has(proposal) ? proposal : null;
      if (newKey !== null) {
        taken.add(newKey);
        rekeyed++;
      }
      await moveService(trx, services[i]!.id, survivor.id, newKey);
    }

    await updateSurvivor(trx, survivor.id, {
      ...merged.fields,
      county_code: countyCode,
      electronic: merged.electronic,
      record_created: merged.recordCreated,
      record_updated: merged.recordUpdated,
      updated_at: now,
    });
    await deleteResidents(
      trx,
      absorbed.map((r) => r.id),
    );

    const after = await countRecordsOf(trx, [survivor.id]);
    if (after.services !== before.services || after.enrollments !== before.enrollments - dropped.length)
      throw new Error(`merge of set ${request.setId} would lose records; nothing was changed`);

    await retargetFindingsAfterMerge(
      trx,
      survivor.id,
      absorbed.map((r) => r.id),
      now,
    );
    const entry: Omit<AuditTables['audit_merges'], 'id'> = {
      merged_at: now,
      merged_by: request.by.trim(),
      county_code: countyCode,
      org_code: merged.fields.org_code,
      finding_id: request.setId,
      survivor_id: survivor.id,
      survivor_record_no: survivor.record_no,
      absorbed_record_nos: JSON.stringify(absorbed.map((r) => r.record_no)),
      field_sources: JSON.stringify(merged.sources),
      // The complete rows as they were, so that nothing of the absorbed records is lost.
      before: JSON.stringify(rows),
      moved_enrollments: movedEnrollments,
      dropped_enrollments: JSON.stringify(dropped),
      moved_services: services.length,
      rekeyed_services: rekeyed,
    };
    const mergeId = await insertMergeLog(trx, entry);
    await setFindingResolution(trx, request.setId, {
      status: 'resolved',
      by: request.by.trim(),
      at: now,
      note: `merged (merge log ${mergeId})`,
    });
    await runAfterRecordsWrite(trx, { residentIds: ids, activityOrgCodes: [] });
    return {
      mergeId,
      survivorRecordNo: survivor.record_no,
      absorbedRecordNos: absorbed.map((r) => r.record_no),
      fieldSources: merged.sources,
      movedEnrollments,
      droppedEnrollments: dropped.length,
      movedServices: services.length,
      rekeyedServices: rekeyed,
    };
  });
}

/** A merge log entry as shown: record numbers and field sources, no personal values. */
export interface MergeLogEntry {
  id: number;
  mergedAt: string;
  mergedBy: string;
  org: string;
  setId: number | null;
  survivorRecordNo: string;
  absorbedRecordNos: string[];
  fieldSources: Record<string, string | null>;
  movedEnrollments: number;
  droppedEnrollments: number;
  movedServices: number;
  rekeyedServices: number;
}

/**
 * The merge log, newest first, within the scope (narrowed to `orgCode`), or the entry with
 * `id`. The stored snapshots of the merged rows (personal data) are not part of this view.
 */
export async function listMergeLog(
  db: Db,
  scope: OrgScope,
  query: { orgCode?: string; limit?: number; id?: number } = {},
): Promise<MergeLogEntry[]> {
  const within = query.orgCode
    ? (await scopeOfOrg(db.kysely, scope, query.orgCode, { field: 'org', unknownCode: 'bad_request' })).scope
    : scope;
  const rows = await selectMergeLog(db.kysely, within, query.limit ?? 50, query.id);
  return rows.map((r) => ({
    id: r.id,
    mergedAt: r.merged_at,
    mergedBy: r.merged_by,
    org: r.org_code,
    setId: r.finding_id === null ? null : Number(r.finding_id),
    survivorRecordNo: r.survivor_record_no,
    absorbedRecordNos: JSON.parse(r.absorbed_record_nos) as string[],
    fieldSources: JSON.parse(r.field_sources) as Record<string, string | null>,
    movedEnrollments: Number(r.moved_enrollments),
    droppedEnrollments: (JSON.parse(r.dropped_enrollments) as unknown[]).length,
    movedServices: Number(r.moved_services),
    rekeyedServices: Number(r.rekeyed_services),
  }));
}

/** One merge log entry; null when there is none with that id in the scope. */
export async function getMergeLogEntry(db: Db, scope: OrgScope, id: number): Promise<MergeLogEntry | null> {
  const [entry] = await listMergeLog(db, scope, { id, limit: 1 });
  return entry ?? null;
}
