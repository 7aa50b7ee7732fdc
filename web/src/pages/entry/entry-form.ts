/**
 * What the entry forms know besides the page: which forms there are, and how a form's text
 * inputs become the payload the server takes. The fields, their types and every rule come
 * from the service types of src/domain (the same schemas the API and the import validate
 * with); nothing here restates a range or a check.
 */
import type { CellType, PayloadColumn } from '../../../../src/domain/import/column-spec';
import { runEntryChecks, type EntryFinding } from '../../../../src/domain/records/entry-checks/index';
import type { ServiceInput } from '../../../../src/domain/records/inputs';
import { validateService } from '../../../../src/domain/records/validation';
import { TCM_CONSTITUTIONS } from '../../../../src/domain/records/service-types/tcm-elderly';
import { serviceTypeDefinition, type ServiceType } from '../../../../src/domain/service-types';

/** The service forms of the 录入 page, in menu order. */
export const ENTRY_FORMS = [
  'hypertension_followup',
  'diabetes_followup',
  'elderly_checkup',
  'postpartum_visit',
  'child_visit',
  'tcm_elderly',
  'tcm_child',
] as const satisfies readonly ServiceType[];

/** A service form of the 录入 page. */
export type EntryForm = (typeof ENTRY_FORMS)[number];

/** True when `value` names a service form. */
export function isEntryForm(value: string | null): value is EntryForm {
  return (ENTRY_FORMS as readonly string[]).includes(value ?? '');
}

/** The fields of a form: the payload columns of its service type, in the schema's order. */
export function formFields(form: EntryForm): readonly PayloadColumn[] {
  const definition = serviceTypeDefinition(form);
  const order = Object.keys(definition.payload.shape);
  return [...definition.columns].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

/** The choices of a field typed by a closed set of values, as payload value → message key. */
export const CHOICES: Partial<Record<CellType, readonly string[]>> = {
  boolean: ['true', 'false'],
  controlled: ['true', 'false'],
  visitMode: ['clinic', 'home', 'phone'],
  adherence: ['regular', 'intermittent', 'none'],
  normalAbnormal: ['normal', 'abnormal'],
  tcmConstitution: TCM_CONSTITUTIONS,
};

/** The payload value of one typed-in field: numbers parsed, booleans read, empty as null. */
export function payloadValue(type: CellType, text: string | undefined): unknown {
  const t = (text ?? '').trim();
  if (t === '') return null;
  if (type === 'integer' || type === 'number') {
    const n = Number(t);
    return Number.isFinite(n) ? n : t;
  }
  if (type === 'boolean' || type === 'controlled') return t === 'true';
  return t;
}

/** What the user typed into a service form. */
export interface EnteredForm {
  readonly recordNo: string;
  readonly serviceDate: string;
  readonly institution: string;
  readonly doctor: string;
  readonly values: Readonly<Record<string, string>>;
}

/** The service body of /api/services/check and /api/services/entry. */
export function serviceBody(
  form: EntryForm,
  entered: EnteredForm,
): {
  recordNo: string;
  type: EntryForm;
  serviceDate: string;
  institution: string | null;
  doctor: string | null;
  payload: Record<string, unknown>;
} {
  const payload: Record<string, unknown> = {};
  for (const column of formFields(form)) {
    const value = payloadValue(column.type, entered.values[column.field]);
    if (value !== null) payload[column.field] = value;
  }
  return {
    recordNo: entered.recordNo.trim(),
    type: form,
    serviceDate: entered.serviceDate,
    institution: entered.institution.trim() || null,
    doctor: entered.doctor.trim() || null,
    payload,
  };
}

/**
 * The findings the browser can tell at once, as the user types: the schema (validateService)
 * and the entry checks that need no stored data. The identical check-up compares stored
 * check-ups, so only the server's check (/api/services/check) finds it.
 *
 * @example checkInBrowser('hypertension_followup', entered, '2026-12-05').refusals
 */
export function checkInBrowser(
  form: EntryForm,
  entered: EnteredForm,
  today: string,
): { refusals: EntryFinding[]; warnings: EntryFinding[] } {
  const body = serviceBody(form, entered);
  const validated = validateService({ ...body, serviceNo: null, orgCode: null }, today);
  // While the form is incomplete the checks still read what is there (they read the payload
  // loosely), so the user learns of an implausible value before every field is filled.
  const service = validated.ok ? validated.value : (body as unknown as ServiceInput);
  const result = runEntryChecks({ service, residentId: null, recentCheckups: [] });
  const invalid: EntryFinding[] = validated.ok
    ? []
    : validated.issues.map((i) => ({
        check: 'validation',
        kind: 'refusal',
        field: i.field,
        reason: i.reason,
      }));
  const seen = new Set(result.refusals.map((f) => f.field));
  return {
    refusals: [...result.refusals, ...invalid.filter((f) => !seen.has(f.field))],
    warnings: [...result.warnings],
  };
}
