import type { PopulationInput } from '../orgs/population.js';
import { validatePopulation } from '../orgs/population.js';
import type { EnrollmentInput, ResidentInput, ServiceInput } from '../records/inputs.js';
import { maskIdNumber, maskPhone } from '../privacy/masking.js';
import type { FieldIssue, Reason } from '../records/validation.js';
import {
  validateEnrollment,
  validateResident,
  validateService,
  villageOfRecordNo,
} from '../records/validation.js';
import type { Program } from '../programs.js';
import { isServiceType, serviceTypeDefinition } from '../service-types.js';
import type { RawCell } from './cell-values.js';
import { cellText, readCell } from './cell-values.js';
import type { ColumnSpec, ImportKind } from './columns.js';
import { columnForHeader, IMPORT_COLUMNS } from './columns.js';

/** What each import kind's rows become. */
export interface ImportInputs {
  residents: ResidentInput;
  enrollments: EnrollmentInput;
  services: ServiceInput;
  population: PopulationInput;
}

/**
 * One problem in one cell of a row. `column` is the header as the file has it (or the
 * documented Chinese header when the file lacks the column); `value` is the cell as
 * typed, with ID numbers and phone numbers masked.
 */
export interface RowProblem {
  readonly column: string;
  readonly field: string;
  readonly value: string;
  readonly reason: Reason;
}

/** How the columns of one file map to the fields of its kind. */
export interface HeaderLayout<K extends ImportKind = ImportKind> {
  readonly kind: K;
  /** The file's header cells, as written. */
  readonly headers: readonly string[];
  /** The column spec read from each file column (undefined: a column Gongwei ignores, or a repeat). */
  readonly specs: readonly (ColumnSpec | undefined)[];
  /** File column index of each field present in the file. */
  readonly indexOfField: ReadonlyMap<string, number>;
  /** Headers Gongwei does not read (reported, never an error). */
  readonly ignored: readonly string[];
}

/** The header row read, or the required columns it lacks. */
export type HeaderResult<K extends ImportKind> =
  { ok: true; layout: HeaderLayout<K> } | { ok: false; missing: readonly ColumnSpec[] };

/**
 * Reads a header row: each cell is matched against the Chinese header, its aliases and
 * the English field name of the kind's columns. When two columns name the same field the
 * first one is read.
 *
 * @example readHeader('residents', ['档案编号', '姓名', 'recordCreated']).ok // true
 */
export function readHeader<K extends ImportKind>(kind: K, headerCells: readonly RawCell[]): HeaderResult<K> {
  const headers = headerCells.map((cell) => cellText(cell).trim());
  const indexOfField = new Map<string, number>();
  const ignored: string[] = [];
  const specs = headers.map((header, index) => {
    const spec = header === '' ? undefined : columnForHeader(kind, header);
    if (spec === undefined || indexOfField.has(spec.field)) {
      if (header !== '') ignored.push(header);
      return undefined;
    }
    indexOfField.set(spec.field, index);
    return spec;
  });
  const missing = IMPORT_COLUMNS[kind].filter((spec) => spec.required && !indexOfField.has(spec.field));
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, layout: { kind, headers, specs, indexOfField, ignored } };
}

/** One row read into its input, or every problem found in it. */
export type RowResult<K extends ImportKind> =
  { ok: true; input: ImportInputs[K] } | { ok: false; problems: RowProblem[] };

type Values = Record<string, unknown>;

/**
 * Reads one data row of a file into the input of its kind and validates it completely
 * (cell formats, then the same validation every write path runs, dates against `today`).
 * References to other records (does the record number exist? is the service within the
 * person's life?) are checked later, against the database.
 *
 * @param today the importer's date (ISO): no date of a row may lie after it
 * @example readRow(layout, ['62088110020100001', '张三', '2018-03-15'])
 */
export function readRow<K extends ImportKind>(
  layout: HeaderLayout<K>,
  cells: readonly RawCell[],
  today: string,
): RowResult<K> {
  const values: Values = {};
  const problems: RowProblem[] = [];
  const failed = new Set<string>();
  for (let i = 0; i < layout.specs.length; i++) {
    const spec = layout.specs[i];
    if (spec === undefined) continue;
    const raw = cells[i] ?? null;
    const cell = readCell(raw, spec.type);
    if (cell.ok) {
      if (cell.value !== null) values[spec.field] = cell.value;
    } else {
      failed.add(spec.field);
      problems.push({
        column: layout.headers[i]!,
        field: spec.field,
        value: shownValue(raw, spec),
        reason: cell.reason,
      });
    }
  }
  const validated = buildInput(layout.kind, values, failed, today);
  if (validated.ok && problems.length === 0) return { ok: true, input: validated.value as ImportInputs[K] };
  if (!validated.ok) {
    for (const issue of validated.issues) {
      const field = issue.field.startsWith('payload.') ? issue.field.slice('payload.'.length) : issue.field;
      if (failed.has(field)) continue;
      failed.add(field);
      problems.push(problemFor(layout, cells, field, issue.reason));
    }
  }
  return { ok: false, problems };
}

function shownValue(raw: RawCell, spec: ColumnSpec | undefined): string {
  const text = cellText(raw);
  if (text === '' || spec?.personal === undefined) return text;
  return (spec.personal === 'idNumber' ? maskIdNumber(text) : maskPhone(text)) ?? '';
}

/**
 * The problem of `field` in a row, located at the file's column for that field (or the
 * documented header and the value Gongwei derived when the file has no such column),
 * with personal values masked.
 *
 * @example problemFor(layout, cells, 'recordNo', REASONS.unknownRecord)
 */
export function problemFor(
  layout: HeaderLayout,
  cells: readonly RawCell[],
  field: string,
  reason: Reason,
  derivedValue = '',
): RowProblem {
  const index = layout.indexOfField.get(field);
  const spec = IMPORT_COLUMNS[layout.kind].find((s) => s.field === field);
  if (index === undefined) return { column: spec?.header ?? field, field, value: derivedValue, reason };
  return { column: layout.headers[index]!, field, value: shownValue(cells[index] ?? null, spec), reason };
}

type Built = { ok: true; value: unknown } | { ok: false; issues: FieldIssue[] };

function text(values: Values, field: string): string | null {
  const value = values[field];
  return typeof value === 'string' ? value : null;
}

function buildInput(kind: ImportKind, values: Values, failed: ReadonlySet<string>, today: string): Built {
  switch (kind) {
    case 'residents':
      return buildResident(values, today);
    case 'enrollments':
      return validateEnrollment(
        {
          recordNo: text(values, 'recordNo') ?? '',
          program: (values.program ?? '') as Program,
          startDate: text(values, 'startDate') ?? '',
          endDate: text(values, 'endDate'),
          endReason: text(values, 'endReason'),
          detail:
            values.expectedDelivery === undefined ? null : { expectedDelivery: values.expectedDelivery },
        },
        today,
      );
    case 'services':
      return buildService(values, failed, today);
    case 'population':
      return buildPopulation(values);
  }
}

function buildResident(values: Values, today: string): Built {
  const recordNo = text(values, 'recordNo') ?? '';
  // The record number begins with the village code, so a file may leave the village column out.
  const orgCode = text(values, 'orgCode') ?? villageOfRecordNo(recordNo);
  return validateResident(
    {
      recordNo,
      idNumber: text(values, 'idNumber'),
      name: text(values, 'name') ?? '',
      sex: (values.sex ?? null) as 'M' | 'F' | null,
      birthDate: text(values, 'birthDate'),
      ethnicity: text(values, 'ethnicity'),
      orgCode,
      phone: text(values, 'phone'),
      contactName: text(values, 'contactName'),
      contactPhone: text(values, 'contactPhone'),
      electronic: values.electronic === undefined ? true : values.electronic === true,
      recordCreated: text(values, 'recordCreated') ?? '',
      recordUpdated: text(values, 'recordUpdated'),
      deathDate: text(values, 'deathDate'),
      movedOutDate: text(values, 'movedOutDate'),
    },
    today,
  );
}

function buildService(values: Values, failed: ReadonlySet<string>, today: string): Built {
  const type = text(values, 'type') ?? '';
  if (failed.has('type')) return { ok: false, issues: [] };
  const payload: Values = {};
  if (isServiceType(type)) {
    const definition = serviceTypeDefinition(type);
    for (const key of Object.keys(definition.payload.shape)) {
      if (values[key] !== undefined) payload[key] = values[key];
    }
    // A field the file left empty that the row decides (控制满意 from this visit's reading).
    for (const [field, fill] of Object.entries(definition.filledOnImport ?? {})) {
      if (payload[field] !== undefined || failed.has(field)) continue;
      const value = fill(payload);
      if (value !== undefined) payload[field] = value;
    }
  }
  return validateService(
    {
      serviceNo: text(values, 'serviceNo'),
      recordNo: text(values, 'recordNo'),
      type,
      serviceDate: text(values, 'serviceDate') ?? '',
      orgCode: text(values, 'orgCode'),
      institution: text(values, 'institution'),
      doctor: text(values, 'doctor'),
      payload,
    },
    today,
  );
}

function count(values: Values, field: string): number | null {
  const value = values[field];
  return typeof value === 'number' ? value : null;
}

function buildPopulation(values: Values): Built {
  const input: PopulationInput = {
    orgCode: text(values, 'orgCode') ?? '',
    year: count(values, 'year') ?? Number.NaN,
    total: count(values, 'total') as number,
    age0to6: count(values, 'age0to6'),
    age65plus: count(values, 'age65plus'),
    age15plus: count(values, 'age15plus'),
    age18plus: count(values, 'age18plus'),
    women15to49: count(values, 'women15to49'),
    liveBirths: count(values, 'liveBirths'),
  };
  const issues = validatePopulation(input);
  return issues.length === 0 ? { ok: true, value: input } : { ok: false, issues };
}
