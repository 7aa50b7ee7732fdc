import { describe, expect, it } from 'vitest';
import type { ResidentInput, ServiceInput } from './inputs.js';
import { validateEnrollment, validateResident, validateService } from './validation.js';

/** The date the checks run on: every date of the fixtures lies before it. */
const TODAY = '2026-12-05';

const resident: ResidentInput = {
  recordNo: '62088110020100001',
  idNumber: '620881195501010011',
  name: '张三',
  sex: 'M',
  birthDate: '1955-01-01',
  ethnicity: null,
  orgCode: '620881100201',
  phone: null,
  contactName: null,
  contactPhone: null,
  electronic: true,
  recordCreated: '2018-03-15',
  recordUpdated: null,
  deathDate: null,
  movedOutDate: null,
};

const fields = (result: { ok: boolean; issues?: { field: string }[] }): string[] =>
  result.ok ? [] : (result.issues ?? []).map((i) => i.field);

describe('validateResident', () => {
  it('accepts a valid record and normalises full-width codes and blanks', () => {
    const result = validateResident(
      {
        ...resident,
        recordNo: '６２０８８１１００２０１００００１',
        idNumber: ' 62088119550101001x',
        name: ' 张三 ',
        phone: '138 0933-1234',
      },
      TODAY,
    );
    expect(result).toEqual({
      ok: true,
      value: { ...resident, idNumber: '62088119550101001X', phone: '13809331234' },
    });
  });

  it('keeps any ID number: audits flag bad ones', () => {
    expect(validateResident({ ...resident, idNumber: '123' }, TODAY).ok).toBe(true);
  });

  it('names each bad field', () => {
    expect(fields(validateResident({ ...resident, recordNo: '6208811002010000' }, TODAY))).toEqual([
      'recordNo',
    ]);
    expect(fields(validateResident({ ...resident, recordNo: '62088110020200001' }, TODAY))).toEqual([
      'recordNo',
    ]);
    expect(fields(validateResident({ ...resident, orgCode: '620881100' }, TODAY))).toEqual(['orgCode']);
    expect(fields(validateResident({ ...resident, name: '  ' }, TODAY))).toEqual(['name']);
    expect(
      fields(validateResident({ ...resident, birthDate: '1955-02-29', recordCreated: '' }, TODAY)),
    ).toEqual(['birthDate', 'recordCreated']);
    expect(fields(validateResident({ ...resident, deathDate: '2020/01/01' }, TODAY))).toEqual(['deathDate']);
    expect(fields(validateResident({ ...resident, sex: 'X' as 'M' }, TODAY))).toEqual(['sex']);
  });
});

describe('validateResident: impossible dates', () => {
  it('reports every problem of the row at once: a malformed date beside one in the future', () => {
    const result = validateResident(
      { ...resident, recordNo: '1', birthDate: '2100-01-01', deathDate: '2020/01/01' },
      TODAY,
    );
    expect(fields(result)).toEqual(['recordNo', 'deathDate', 'birthDate', 'birthDate']);
  });

  it('takes a birth today and refuses one tomorrow', () => {
    const born = { ...resident, recordCreated: TODAY };
    expect(validateResident({ ...born, birthDate: TODAY }, TODAY).ok).toBe(true);
    expect(fields(validateResident({ ...born, birthDate: '2026-12-06' }, TODAY))).toEqual([
      'birthDate',
      'birthDate',
    ]);
  });

  it('refuses an enrolment or a service dated after today', () => {
    const enrol = {
      recordNo: '62088110020100012',
      program: 'hypertension' as const,
      startDate: '2026-12-06',
      endDate: null,
      endReason: null,
      detail: null,
    };
    expect(fields(validateEnrollment(enrol, TODAY))).toEqual(['startDate']);
    expect(validateEnrollment({ ...enrol, startDate: TODAY }, TODAY).ok).toBe(true);
  });
});

describe('validateEnrollment', () => {
  const enrol = {
    recordNo: '62088110020100001',
    program: 'hypertension' as const,
    startDate: '2019-05-01',
    endDate: null,
    endReason: null,
    detail: null,
  };
  it('accepts a valid enrolment and refuses an end before the start or an unknown programme', () => {
    expect(validateEnrollment(enrol, TODAY).ok).toBe(true);
    expect(fields(validateEnrollment({ ...enrol, endDate: '2019-04-30' }, TODAY))).toEqual(['endDate']);
    expect(fields(validateEnrollment({ ...enrol, program: 'flu' as 'hypertension' }, TODAY))).toEqual([
      'program',
    ]);
  });
});

describe('validateService', () => {
  const followup = {
    serviceNo: null,
    recordNo: '62088110020100001',
    type: 'hypertension_followup',
    serviceDate: '2020-03-02',
    orgCode: null,
    institution: null,
    doctor: null,
    payload: { sbp: 150, dbp: 95, controlled: false, guidance: true },
  };

  it('applies the payload defaults of the type', () => {
    const result = validateService(followup, TODAY);
    expect(result.ok && result.value.payload).toEqual({
      sbp: 150,
      dbp: 95,
      controlled: false,
      guidance: true,
      heartRate: null,
      medicationAdherence: null,
      symptoms: null,
    });
  });

  it('names payload fields by path and says why in Chinese and English', () => {
    const result = validateService({ ...followup, payload: { sbp: 20, dbp: 95, controlled: false } }, TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.field)).toEqual(['payload.sbp', 'payload.guidance']);
    expect(result.issues[0]?.reason.zh).toBe('不能小于50');
    expect(result.issues[1]?.reason.zh).toBe('必填项为空');
  });

  it('requires a person for personal services and an org for activities', () => {
    expect(fields(validateService({ ...followup, recordNo: null }, TODAY))).toEqual(['recordNo']);
    expect(
      fields(
        validateService(
          {
            ...followup,
            type: 'health_education',
            recordNo: null,
            payload: { activityKind: 'lecture' },
          },
          TODAY,
        ),
      ),
    ).toEqual(['orgCode']);
    expect(fields(validateService({ ...followup, orgCode: '62088' }, TODAY))).toEqual(['orgCode']);
    expect(fields(validateService({ ...followup, type: 'home_visit' }, TODAY))).toEqual(['type']);
    expect(fields(validateService({ ...followup, serviceDate: '2020-02-30' }, TODAY))).toEqual([
      'serviceDate',
    ]);
  });

  it('returns a typed service input', () => {
    const result = validateService(
      {
        ...followup,
        type: 'vaccination',
        payload: { vaccine: '乙肝疫苗', dose: 2 },
      },
      TODAY,
    );
    const value: ServiceInput | null = result.ok ? result.value : null;
    expect(value?.type).toBe('vaccination');
  });
});
