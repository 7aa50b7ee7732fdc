import type { z } from 'zod';
import { isOrgCode } from '../orgs/division-codes.js';
import { isProgram, PROGRAM_NAMES } from '../programs.js';
import { isServiceType, SERVICE_TYPES, serviceTypeDefinition } from '../service-types.js';
import { cleanText, compactCode, compactPhone } from './full-width.js';
import type { EnrollmentInput, ResidentInput, ServiceInput } from './inputs.js';
import { isIsoDate } from './iso-date.js';
import { futureDates, residentDateIssues } from './record-dates.js';
import { SERVICE_PAYLOAD_SCHEMAS } from './service-payloads.js';

/** Why a value was refused, in Chinese first and English. */
export interface Reason {
  readonly zh: string;
  readonly en: string;
}

/**
 * One problem with one field of an input. `field` is the input's field name
 * (`recordNo`, `payload.sbp`); import and REST translate it to a column or a JSON path.
 */
export interface FieldIssue {
  readonly field: string;
  readonly reason: Reason;
}

/** The normalised input when it is valid, or every problem found in it. */
export type Validated<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** A service before validation: any type name and an unchecked payload. */
export type UncheckedServiceInput = Omit<ServiceInput, 'type' | 'payload'> & {
  type: string;
  payload: unknown;
};

const RECORD_NO = /^\d{17}$/;
const VILLAGE_CODE = /^\d{12}$/;

/**
 * The village a record number names (its first 12 digits), for a write that leaves the
 * village out; '' when the record number does not begin with 12 digits (then the record
 * number itself is refused).
 *
 * @example villageOfRecordNo('62088110020100012') // '620881100201'
 */
export function villageOfRecordNo(recordNo: string): string {
  const compact = compactCode(recordNo) ?? '';
  return /^\d{12}/.test(compact) ? compact.slice(0, 12) : '';
}

/** Reasons shared by every write path, so the same problem reads the same everywhere. */
export const REASONS = {
  required: { zh: '必填项为空', en: 'required value is missing' },
  date: {
    zh: '日期不存在或格式错误（应为 YYYY-MM-DD，1900–2100 年）',
    en: 'not a valid date (YYYY-MM-DD, 1900–2100)',
  },
  recordNo: { zh: '档案编号应为17位数字', en: 'record number must be 17 digits' },
  recordNoVillage: {
    zh: '档案编号前12位应为所属村（居）代码',
    en: 'the first 12 digits of the record number must be the village code',
  },
  villageCode: { zh: '所属村（居）代码应为12位数字', en: 'village code must be 12 digits' },
  orgCode: { zh: '区划代码应为6、9或12位数字', en: 'org code must be 6, 9 or 12 digits' },
  tooLong: (max: number): Reason => ({ zh: `长度不能超过${max}个字符`, en: `longer than ${max} characters` }),
  sex: { zh: '性别应为 男/女', en: 'sex must be M or F' },
  program: {
    zh: `项目应为：${Object.values(PROGRAM_NAMES)
      .map((n) => n.zh)
      .join('、')}`,
    en: `program must be one of ${Object.keys(PROGRAM_NAMES).join(', ')}`,
  },
  serviceType: { zh: '服务类型不存在', en: `service type must be one of ${SERVICE_TYPES.join(', ')}` },
  endBeforeStart: { zh: '结案日期早于纳入管理日期', en: 'end date is before the start date' },
  orgRequired: {
    zh: '健康教育活动必须填写区划代码',
    en: 'a health-education activity needs an org code',
  },
  recordRequired: { zh: '该服务必须填写档案编号', en: 'this service needs a record number' },
  unknownRecord: { zh: '档案编号不存在', en: 'no resident with this record number' },
  unknownOrg: { zh: '区划代码不存在', en: 'no org with this code' },
} as const;

function checkDate(issues: FieldIssue[], field: string, value: string | null, required: boolean): void {
  if (value === null || value === '') {
    if (required) issues.push({ field, reason: REASONS.required });
    return;
  }
  if (!isIsoDate(value)) issues.push({ field, reason: REASONS.date });
}

function checkLength(issues: FieldIssue[], field: string, value: string | null, max: number): void {
  if (value !== null && value.length > max) issues.push({ field, reason: REASONS.tooLong(max) });
}

/**
 * Normalises and checks a resident record, reporting every problem of the row at once.
 * Normalising: full-width digits and letters, blanks in codes and phone numbers. The ID
 * number is only normalised, never judged here: a bad ID number is stored as given and
 * flagged by the audits. Dates must be possible (record-dates.ts): none after `today`, the
 * birth not after the record's creation, no death or move-out before the birth.
 *
 * @param today the caller's date (ISO); the domain reads no clock
 * @example validateResident({ recordNo: '６２０８８１１００２０１０００１２', ... }, '2026-12-05').ok
 */
export function validateResident(input: ResidentInput, today: string): Validated<ResidentInput> {
  const value: ResidentInput = {
    recordNo: compactCode(input.recordNo) ?? '',
    idNumber: compactCode(input.idNumber),
    name: cleanText(input.name) ?? '',
    sex: input.sex,
    birthDate: input.birthDate,
    ethnicity: cleanText(input.ethnicity),
    orgCode: compactCode(input.orgCode) ?? '',
    phone: compactPhone(input.phone),
    contactName: cleanText(input.contactName),
    contactPhone: compactPhone(input.contactPhone),
    electronic: input.electronic,
    recordCreated: input.recordCreated,
    recordUpdated: input.recordUpdated,
    deathDate: input.deathDate,
    movedOutDate: input.movedOutDate,
  };
  const issues: FieldIssue[] = [];
  const orgOk = VILLAGE_CODE.test(value.orgCode);
  if (value.recordNo === '') issues.push({ field: 'recordNo', reason: REASONS.required });
  else if (!RECORD_NO.test(value.recordNo)) issues.push({ field: 'recordNo', reason: REASONS.recordNo });
  else if (orgOk && value.recordNo.slice(0, 12) !== value.orgCode)
    issues.push({ field: 'recordNo', reason: REASONS.recordNoVillage });
  if (value.orgCode === '') issues.push({ field: 'orgCode', reason: REASONS.required });
  else if (!orgOk) issues.push({ field: 'orgCode', reason: REASONS.villageCode });
  if (value.name === '') issues.push({ field: 'name', reason: REASONS.required });
  checkLength(issues, 'name', value.name, 50);
  if (value.sex !== null && value.sex !== 'M' && value.sex !== 'F')
    issues.push({ field: 'sex', reason: REASONS.sex });
  checkLength(issues, 'idNumber', value.idNumber, 40);
  checkLength(issues, 'ethnicity', value.ethnicity, 20);
  checkLength(issues, 'phone', value.phone, 30);
  checkLength(issues, 'contactName', value.contactName, 50);
  checkLength(issues, 'contactPhone', value.contactPhone, 30);
  checkDate(issues, 'birthDate', value.birthDate, false);
  checkDate(issues, 'recordCreated', value.recordCreated, true);
  checkDate(issues, 'recordUpdated', value.recordUpdated, false);
  checkDate(issues, 'deathDate', value.deathDate, false);
  checkDate(issues, 'movedOutDate', value.movedOutDate, false);
  issues.push(...residentDateIssues(value, today));
  return issues.length === 0 ? { ok: true, value } : { ok: false, issues };
}

/**
 * Normalises and checks an enrolment; its dates may not lie after `today`.
 *
 * @example validateEnrollment({ recordNo: '62088110020100001', program: 'hypertension',
 *   startDate: '2019-05-01', endDate: null, endReason: null, detail: null }, '2026-12-05').ok // true
 */
export function validateEnrollment(input: EnrollmentInput, today: string): Validated<EnrollmentInput> {
  const value: EnrollmentInput = {
    recordNo: compactCode(input.recordNo) ?? '',
    program: input.program,
    startDate: input.startDate,
    endDate: input.endDate,
    endReason: cleanText(input.endReason),
    detail: input.detail,
  };
  const issues: FieldIssue[] = [];
  if (value.recordNo === '') issues.push({ field: 'recordNo', reason: REASONS.required });
  else if (!RECORD_NO.test(value.recordNo)) issues.push({ field: 'recordNo', reason: REASONS.recordNo });
  if (!isProgram(value.program)) issues.push({ field: 'program', reason: REASONS.program });
  checkDate(issues, 'startDate', value.startDate, true);
  checkDate(issues, 'endDate', value.endDate, false);
  if (
    value.endDate !== null &&
    isIsoDate(value.endDate) &&
    isIsoDate(value.startDate) &&
    value.endDate < value.startDate
  )
    issues.push({ field: 'endDate', reason: REASONS.endBeforeStart });
  checkLength(issues, 'endReason', value.endReason, 200);
  issues.push(...futureDates({ startDate: value.startDate, endDate: value.endDate }, today));
  return issues.length === 0 ? { ok: true, value } : { ok: false, issues };
}

/** Chinese wording of a zod issue, with zod's English message beside it. */
function zodReason(issue: z.core.$ZodIssue): Reason {
  switch (issue.code) {
    case 'too_small':
      return { zh: `不能小于${String(issue.minimum)}`, en: issue.message };
    case 'too_big':
      return { zh: `不能大于${String(issue.maximum)}`, en: issue.message };
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? REASONS.required
        : { zh: '类型错误', en: issue.message };
    case 'invalid_value':
      return { zh: `应为：${issue.values.map(String).join('、')}`, en: issue.message };
    case 'invalid_format':
      return { zh: '格式错误', en: issue.message };
    default:
      return { zh: '取值不合法', en: issue.message };
  }
}

/**
 * Normalises and checks a service event, including its payload against the schema of its
 * type (defaults applied, e.g. missing optional fields become null); its date may not lie
 * after `today`. Its date against the person's birth and death is checked where the person
 * is looked up (record-dates.ts `serviceAgainstPerson`).
 *
 * @example validateService({ serviceNo: null, recordNo: '62088110020100001', type: 'tb_followup',
 *   serviceDate: '2020-04-01', orgCode: null, institution: null, doctor: null,
 *   payload: { medicationRegular: true } }, '2026-12-05').ok // true
 */
export function validateService(input: UncheckedServiceInput, today: string): Validated<ServiceInput> {
  const issues: FieldIssue[] = [];
  const recordNo = compactCode(input.recordNo);
  const orgCode = compactCode(input.orgCode);
  const serviceNo = cleanText(input.serviceNo);
  if (!isServiceType(input.type)) {
    issues.push({ field: 'type', reason: REASONS.serviceType });
    return { ok: false, issues };
  }
  if (serviceTypeDefinition(input.type).subject === 'activity') {
    if (orgCode === null) issues.push({ field: 'orgCode', reason: REASONS.orgRequired });
  } else if (recordNo === null) {
    issues.push({ field: 'recordNo', reason: REASONS.recordRequired });
  }
  if (recordNo !== null && !RECORD_NO.test(recordNo))
    issues.push({ field: 'recordNo', reason: REASONS.recordNo });
  if (orgCode !== null && !isOrgCode(orgCode)) issues.push({ field: 'orgCode', reason: REASONS.orgCode });
  checkDate(issues, 'serviceDate', input.serviceDate, true);
  issues.push(...futureDates({ serviceDate: input.serviceDate }, today));
  checkLength(issues, 'serviceNo', serviceNo, 64);
  const institution = cleanText(input.institution);
  const doctor = cleanText(input.doctor);
  checkLength(issues, 'institution', institution, 100);
  checkLength(issues, 'doctor', doctor, 50);
  const parsed = SERVICE_PAYLOAD_SCHEMAS[input.type].safeParse(input.payload);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      issues.push({ field: path === '' ? 'payload' : `payload.${path}`, reason: zodReason(issue) });
    }
  }
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  const value = {
    serviceNo,
    recordNo,
    type: input.type,
    serviceDate: input.serviceDate,
    orgCode,
    institution,
    doctor,
    payload: parsed.data,
  } as ServiceInput;
  return { ok: true, value };
}
