/**
 * The entry use-cases (录入) of one service typed into a form: check it without saving, and
 * save it. Both validate with the same schemas as the API and import (validateService) and
 * run the same entry checks (src/domain/records/entry-checks/); the save refuses what the
 * check refuses and waits for every warning to be acknowledged by its check id. The save
 * goes through the ordinary write path, so the indicators move in the same transaction.
 */
import type { Db } from '../../db/database.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import type { ServiceInput } from '../../domain/records/inputs.js';
import {
  runEntryChecks,
  unacknowledged,
  type EntryCheckResult,
  type EntryFinding,
} from '../../domain/records/entry-checks/index.js';
import { validateService, type UncheckedServiceInput } from '../../domain/records/validation.js';
import type { OrgScope } from '../orgs/org-scope.js';
import type { WriteCounts } from './batch-write.js';
import { recentCheckupsNear, residentForEntry } from './entry-repository.js';
import {
  OUTSIDE_SCOPE,
  RecordNotFoundError,
  RecordsScopeError,
  RecordsWriteError,
} from './records-errors.js';
import type { ResidentRef } from './record-lookups-repository.js';
import { writeServices } from './write-records.js';

/** The check id of a schema or date problem (validateService), a refusal like the checks'. */
export const VALIDATION_CHECK = 'validation';

/** What checking an entered service found, and the service as it would be stored when valid. */
interface Checked extends EntryCheckResult {
  readonly service: ServiceInput | null;
  readonly resident: ResidentRef | null;
}

async function check(db: Db, scope: OrgScope, input: UncheckedServiceInput, today: string): Promise<Checked> {
  const validated = validateService(input, today);
  const resident =
    validated.ok && validated.value.recordNo !== null
      ? await residentForEntry(db.kysely, scope, validated.value.recordNo)
      : null;
  if (!validated.ok)
    return {
      service: null,
      resident,
      warnings: [],
      refusals: validated.issues.map((i): EntryFinding => ({
        check: VALIDATION_CHECK,
        kind: 'refusal',
        field: i.field,
        reason: i.reason,
      })),
    };
  const service = validated.value;
  const recentCheckups =
    service.type === 'elderly_checkup' && resident !== null
      ? await recentCheckupsNear(
          db.kysely,
          scope,
          service.orgCode ?? resident.orgCode,
          service.serviceDate,
          resident.id,
        )
      : [];
  return {
    service,
    resident,
    ...runEntryChecks({ service, residentId: resident?.id ?? null, recentCheckups }),
  };
}

/**
 * Checks an entered service without saving: every refusal (schema, dates, checks) and
 * every warning. A resident the caller's scope does not hold is not found (404), as the
 * resident lookup answers.
 *
 * @example await checkEntry(db, scope, { recordNo: '62088110020100001', type: 'hypertension_followup', … }, '2026-12-05')
 */
export async function checkEntry(
  db: Db,
  scope: OrgScope,
  input: UncheckedServiceInput,
  today: string,
): Promise<EntryCheckResult> {
  const checked = await check(db, scope, input, today);
  if (checked.service !== null && checked.service.recordNo !== null && checked.resident === null)
    throw new RecordNotFoundError({ zh: '档案编号不存在', en: 'no resident with this record number' });
  return { refusals: checked.refusals, warnings: checked.warnings };
}

/**
 * Saves an entered service: refused (400 naming the first field, every refusal as an issue)
 * when a check refuses it, 403 when the resident lies outside the caller's scope, 422
 * listing the warnings not acknowledged (by check id) otherwise; else written through the
 * ordinary write path (the indicators move in the same transaction).
 *
 * @example await saveEntry(db, scope, input, ['arm-difference'], '2026-12-05') // { inserted: 1, updated: 0 }
 */
export async function saveEntry(
  db: Db,
  scope: OrgScope,
  input: UncheckedServiceInput,
  acknowledge: readonly string[],
  today: string,
): Promise<WriteCounts> {
  const checked = await check(db, scope, input, today);
  if (checked.refusals.length > 0)
    throw new RecordsWriteError(
      checked.refusals.map((f) => ({ index: 0, field: f.field, reason: f.reason })),
      { single: true },
    );
  const service = checked.service!;
  if (service.recordNo !== null && checked.resident === null)
    throw new RecordsScopeError([{ index: 0, field: 'recordNo', reason: OUTSIDE_SCOPE }], { single: true });
  const pending = unacknowledged(checked.warnings, acknowledge);
  if (pending.length > 0)
    throw new GongweiError(
      'unprocessable',
      { zh: '请确认以下提示后再保存', en: 'acknowledge these warnings to save' },
      {
        field: pending[0]!.field,
        issues: pending.map((w) => ({ field: w.check, message: `${w.reason.zh} / ${w.reason.en}` })),
      },
    );
  return writeServices(db, scope, [service]);
}
