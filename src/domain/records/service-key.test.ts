import { describe, expect, it } from 'vitest';
import type { ServiceInput } from './inputs.js';
import { serviceColumns } from './service-columns.js';
import { serviceKey } from './service-key.js';

const base = {
  serviceNo: null,
  recordNo: '62088110020100001',
  serviceDate: '2020-03-02',
  orgCode: null,
  institution: null,
  doctor: null,
};

describe('serviceKey', () => {
  it('prefers the source system number', () => {
    const s = {
      ...base,
      serviceNo: 'SF001',
      type: 'tb_followup',
      payload: { medicationRegular: true },
    } as ServiceInput;
    expect(serviceKey(s)).toBe('no:SF001');
  });

  it('uses record number, type and date otherwise, with vaccine and dose for vaccinations', () => {
    expect(serviceKey({ ...base, type: 'tb_followup', payload: { medicationRegular: true } })).toBe(
      '62088110020100001|tb_followup|2020-03-02',
    );
    expect(serviceKey({ ...base, type: 'vaccination', payload: { vaccine: '乙肝疫苗', dose: 2 } })).toBe(
      '62088110020100001|vaccination|2020-03-02|乙肝疫苗|2',
    );
  });

  it('keys an activity on org, kind and date', () => {
    const activity: ServiceInput = {
      ...base,
      recordNo: null,
      orgCode: '620881100',
      type: 'health_education',
      payload: { activityKind: 'lecture', participants: 3, topic: null },
    };
    expect(serviceKey(activity)).toBe('health_education|620881100|lecture|2020-03-02');
  });
});

describe('serviceColumns', () => {
  it('takes the hot values out and leaves the rest', () => {
    const checkup = {
      ...base,
      type: 'elderly_checkup',
      payload: {
        sbp: 130,
        dbp: 80,
        sbpRight: 142,
        dbpRight: 82,
        heartRate: 70,
        fastingGlucose: 5.6,
        weight: 60,
        waist: 80,
        height: 160,
        totalCholesterol: null,
        triglycerides: null,
        alt: null,
        creatinine: null,
        ecg: 'normal',
        ultrasound: null,
        selfCareScore: 0,
      },
    } as ServiceInput;
    const c = serviceColumns(checkup);
    expect(c).toMatchObject({
      sbp: 130,
      sbpRight: 142,
      dbpRight: 82,
      heartRate: 70,
      fastingGlucose: 5.6,
      weight: 60,
      waist: 80,
      controlled: null,
      guidance: null,
    });
    expect(c.rest).toEqual({
      height: 160,
      totalCholesterol: null,
      triglycerides: null,
      alt: null,
      creatinine: null,
      ecg: 'normal',
      ultrasound: null,
      selfCareScore: 0,
    });
    const tb = serviceColumns({ ...base, type: 'tb_followup', payload: { medicationRegular: false } });
    expect(tb).toMatchObject({ sbp: null, controlled: null, rest: { medicationRegular: false } });
    const fu = serviceColumns({
      ...base,
      type: 'diabetes_followup',
      payload: {
        fastingGlucose: 8,
        sbp: null,
        dbp: null,
        controlled: false,
        guidance: true,
        medicationAdherence: null,
        symptoms: null,
      },
    });
    expect(fu).toMatchObject({ fastingGlucose: 8, controlled: 0, guidance: 1 });
  });
});
