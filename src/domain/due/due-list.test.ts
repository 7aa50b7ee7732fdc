import { describe, expect, it } from 'vitest';
import type { DueFacts, DueServiceFact } from './due-facts.js';
import { byUrgency, dueItemsOf, DUE_SERVICES, type DueService } from './due-list.js';

function svc(type: string, date: string, extra: Partial<DueServiceFact> = {}): DueServiceFact {
  return { type, date, controlled: null, doctor: null, payload: {}, ...extra };
}

function dueOn(facts: DueFacts, asOf: string, service: DueService, windowDays = 0) {
  return dueItemsOf(facts, { asOf, services: [service], windowDays })[0] ?? null;
}

const hypertensive = (services: DueServiceFact[], start = '2015-03-01'): DueFacts => ({
  birthDate: '1960-05-05',
  enrollments: [{ program: 'hypertension', startDate: start, endDate: null, detail: {} }],
  services,
});

describe('hypertension and diabetes follow-ups', () => {
  const facts = hypertensive([svc('hypertension_followup', '2019-11-30', { controlled: 1 })]);
  it('a follow-up on 2019-11-30 is due 3 months later, on the leap day 2020-02-29', () => {
    expect(dueOn(facts, '2020-02-28', 'hypertension_followup')).toBeNull();
    expect(dueOn(facts, '2020-02-29', 'hypertension_followup')).toMatchObject({
      dueDate: '2020-02-29',
      daysOverdue: 0,
      lastServiceDate: '2019-11-30',
    });
    expect(dueOn(facts, '2020-03-01', 'hypertension_followup')?.daysOverdue).toBe(1);
  });
  it('lists work due within the window with negative days', () => {
    expect(dueOn(facts, '2020-02-15', 'hypertension_followup', 14)?.daysOverdue).toBe(-14);
    expect(dueOn(facts, '2020-02-14', 'hypertension_followup', 14)).toBeNull();
  });
  it('2 weeks after an uncontrolled reading, across the year end', () => {
    const f = hypertensive([svc('hypertension_followup', '2019-12-20', { controlled: 0 })]);
    expect(dueOn(f, '2020-01-02', 'hypertension_followup')).toBeNull();
    expect(dueOn(f, '2020-01-03', 'hypertension_followup')?.dueDate).toBe('2020-01-03');
  });
  it('due from enrolment without any follow-up, not before enrolment, not after it ended', () => {
    const f = hypertensive([], '2020-06-01');
    expect(dueOn(f, '2020-06-30', 'hypertension_followup')?.daysOverdue).toBe(29);
    expect(dueOn(f, '2020-05-31', 'hypertension_followup')).toBeNull();
    const ended: DueFacts = {
      ...f,
      enrollments: [{ program: 'hypertension', startDate: '2015-01-01', endDate: '2020-01-01', detail: {} }],
    };
    expect(dueOn(ended, '2020-06-30', 'hypertension_followup')).toBeNull();
  });
  it('diabetes follows its own follow-ups', () => {
    const f: DueFacts = {
      birthDate: '1960-05-05',
      enrollments: [{ program: 'diabetes', startDate: '2015-03-01', endDate: null, detail: {} }],
      services: [
        svc('hypertension_followup', '2020-06-01'),
        svc('diabetes_followup', '2020-03-30', { controlled: 1 }),
      ],
    };
    expect(dueOn(f, '2020-06-30', 'diabetes_followup')).toMatchObject({
      dueDate: '2020-06-30',
      daysOverdue: 0,
    });
    expect(dueOn(f, '2020-06-30', 'hypertension_followup')).toBeNull();
  });
});

describe('elderly annual check-up', () => {
  it('due from the 65th birthday, then 12 months after the last, leap day clamped', () => {
    const born: DueFacts = { birthDate: '1955-02-28', enrollments: [], services: [] };
    expect(dueOn(born, '2020-02-27', 'elderly_checkup')).toBeNull();
    expect(dueOn(born, '2020-02-28', 'elderly_checkup')?.daysOverdue).toBe(0);
    const checked: DueFacts = { ...born, services: [svc('elderly_checkup', '2020-02-29')] };
    expect(dueOn(checked, '2021-02-27', 'elderly_checkup')).toBeNull();
    expect(dueOn(checked, '2021-02-28', 'elderly_checkup')?.dueDate).toBe('2021-02-28');
  });

  it('owes no check-up of an earlier year: overdue since 1 January at the most', () => {
    const old: DueFacts = { birthDate: '1933-05-05', enrollments: [], services: [] };
    expect(dueOn(old, '2020-06-30', 'elderly_checkup')).toMatchObject({
      dueDate: '2020-01-01',
      daysOverdue: 181,
    });
    expect(dueOn(old, '2020-01-01', 'elderly_checkup')).toMatchObject({
      dueDate: '2020-01-01',
      daysOverdue: 0,
    });
    expect(dueOn(old, '2019-12-31', 'elderly_checkup')?.dueDate).toBe('2019-01-01');
    const lapsed: DueFacts = { ...old, services: [svc('elderly_checkup', '2015-05-01')] };
    expect(dueOn(lapsed, '2020-06-30', 'elderly_checkup')).toMatchObject({
      dueDate: '2020-01-01',
      lastServiceDate: '2015-05-01',
    });
    const lateLastYear: DueFacts = { ...old, services: [svc('elderly_checkup', '2019-11-20')] };
    expect(dueOn(lateLastYear, '2020-06-30', 'elderly_checkup')).toBeNull();
    expect(dueOn(lateLastYear, '2020-11-20', 'elderly_checkup')?.dueDate).toBe('2020-11-20');
  });
});

describe('maternal', () => {
  const mother = (services: DueServiceFact[], endDate: string | null = null): DueFacts => ({
    birthDate: '1992-01-01',
    enrollments: [
      { program: 'maternal', startDate: '2019-09-01', endDate, detail: { deliveryDate: '2020-06-20' } },
    ],
    services,
  });
  it('postpartum visit due 7 days after delivery, until the 42-day check is due', () => {
    expect(dueOn(mother([]), '2020-06-26', 'postpartum_visit')).toBeNull();
    expect(dueOn(mother([]), '2020-06-27', 'postpartum_visit')?.dueDate).toBe('2020-06-27');
    expect(dueOn(mother([]), '2020-07-31', 'postpartum_visit')?.daysOverdue).toBe(34);
    expect(dueOn(mother([]), '2020-08-01', 'postpartum_visit')).toBeNull();
    expect(
      dueOn(mother([svc('postpartum_visit', '2020-06-24')]), '2020-06-30', 'postpartum_visit'),
    ).toBeNull();
  });
  it('42-day check due 42 days after delivery, gone once given or the case closed', () => {
    expect(dueOn(mother([]), '2020-07-31', 'postpartum_42d')).toBeNull();
    expect(dueOn(mother([]), '2020-08-01', 'postpartum_42d')?.dueDate).toBe('2020-08-01');
    expect(dueOn(mother([svc('postpartum_42d', '2020-08-01')]), '2020-08-02', 'postpartum_42d')).toBeNull();
    expect(dueOn(mother([], '2020-07-10'), '2020-08-02', 'postpartum_42d')).toBeNull();
  });
  it('nothing while the delivery is still expected', () => {
    const pregnant: DueFacts = {
      birthDate: '1992-01-01',
      enrollments: [
        {
          program: 'maternal',
          startDate: '2020-03-01',
          endDate: null,
          detail: { expectedDelivery: '2020-10-01' },
        },
      ],
      services: [],
    };
    expect(dueOn(pregnant, '2020-06-30', 'postpartum_visit')).toBeNull();
    expect(dueOn(pregnant, '2020-06-30', 'postpartum_42d')).toBeNull();
  });
});

describe('children', () => {
  it('newborn visit due 7 days after birth, listed through the newborn period', () => {
    const baby: DueFacts = { birthDate: '2019-12-28', enrollments: [], services: [] };
    expect(dueOn(baby, '2020-01-03', 'newborn_visit')).toBeNull();
    expect(dueOn(baby, '2020-01-04', 'newborn_visit')?.dueDate).toBe('2020-01-04');
    expect(dueOn(baby, '2020-01-25', 'newborn_visit')?.daysOverdue).toBe(21);
    expect(dueOn(baby, '2020-01-26', 'newborn_visit')).toBeNull();
  });
  it('child checks at the scheduled ages, a recent check counting', () => {
    const child: DueFacts = { birthDate: '2019-11-30', enrollments: [], services: [] };
    expect(dueOn(child, '2020-02-28', 'child_visit')).toMatchObject({ dueDate: '2019-12-30' });
    expect(dueOn(child, '2020-02-29', 'child_visit')).toMatchObject({
      dueDate: '2020-02-29',
      daysOverdue: 0,
    });
    const checked: DueFacts = {
      ...child,
      services: [svc('child_visit', '2020-02-16', { payload: { ageMonths: 2 } })],
    };
    expect(dueOn(checked, '2020-02-29', 'child_visit')).toBeNull();
    const early: DueFacts = { ...child, services: [svc('child_visit', '2020-02-14')] };
    expect(dueOn(early, '2020-02-29', 'child_visit')?.lastServiceDate).toBe('2020-02-14');
    expect(dueOn(child, '2023-11-30', 'child_visit')?.detail?.zh).toBe('4岁');
    expect(dueOn(child, '2026-11-30', 'child_visit')).toBeNull();
  });
  it('vaccinations: the earliest dose due, with how many more', () => {
    const child: DueFacts = {
      birthDate: '2020-01-15',
      enrollments: [],
      services: [
        svc('vaccination', '2020-01-15', { payload: { vaccine: '乙肝疫苗', dose: 1 } }),
        svc('vaccination', '2020-01-15', { payload: { vaccine: '卡介苗', dose: 1 } }),
      ],
    };
    expect(dueOn(child, '2020-02-14', 'vaccination')).toBeNull();
    expect(dueOn(child, '2020-02-15', 'vaccination')).toMatchObject({
      dueDate: '2020-02-15',
      detail: { zh: '乙肝疫苗第2剂' },
    });
    expect(dueOn(child, '2020-04-15', 'vaccination')?.detail?.zh).toBe('乙肝疫苗第2剂等3剂');
  });
  it('a dose is not due before 28 days after the previous one', () => {
    const late: DueFacts = {
      birthDate: '2020-01-15',
      enrollments: [],
      services: [svc('vaccination', '2020-02-10', { payload: { vaccine: 'hepb', dose: 1 } })],
    };
    const item = dueItemsOf(
      {
        ...late,
        services: [
          ...late.services,
          svc('vaccination', '2020-02-10', { payload: { vaccine: 'bcg', dose: 1 } }),
        ],
      },
      {
        asOf: '2020-03-09',
        services: ['vaccination'],
        windowDays: 0,
      },
    );
    expect(item[0]?.dueDate).toBe('2020-03-09');
  });
});

describe('severe mental disorders and tuberculosis', () => {
  it('mental: 3 months, 2 weeks after an unstable condition', () => {
    const f = (condition: string): DueFacts => ({
      birthDate: '1980-01-01',
      enrollments: [{ program: 'severe_mental', startDate: '2015-01-01', endDate: null, detail: {} }],
      services: [svc('mental_followup', '2019-12-31', { payload: { condition } })],
    });
    expect(dueOn(f('stable'), '2020-03-31', 'mental_followup')?.dueDate).toBe('2020-03-31');
    expect(dueOn(f('stable'), '2020-03-30', 'mental_followup')).toBeNull();
    expect(dueOn(f('unstable'), '2020-01-14', 'mental_followup')?.dueDate).toBe('2020-01-14');
  });
  it('tb: first visit in 3 days, every 10 days in the intensive phase, monthly after', () => {
    const f = (services: DueServiceFact[]): DueFacts => ({
      birthDate: '1970-01-01',
      enrollments: [{ program: 'tuberculosis', startDate: '2020-01-01', endDate: null, detail: {} }],
      services,
    });
    expect(dueOn(f([]), '2020-01-04', 'tb_followup')?.dueDate).toBe('2020-01-04');
    expect(dueOn(f([]), '2020-01-03', 'tb_followup')).toBeNull();
    expect(dueOn(f([svc('tb_followup', '2020-02-19')]), '2020-02-29', 'tb_followup')).toMatchObject({
      dueDate: '2020-02-29',
      detail: { zh: '强化期' },
    });
    expect(dueOn(f([svc('tb_followup', '2020-02-25')]), '2020-03-25', 'tb_followup')).toMatchObject({
      dueDate: '2020-03-25',
      detail: { zh: '继续期' },
    });
  });
});

describe('the list', () => {
  it('has a rule for every service and sorts the most overdue first', () => {
    expect(DUE_SERVICES.length).toBe(10);
    const rows = [
      {
        service: 'vaccination' as const,
        daysOverdue: 3,
        dueDate: 'x',
        lastServiceDate: null,
        detail: null,
        tie: 'b',
      },
      {
        service: 'elderly_checkup' as const,
        daysOverdue: 30,
        dueDate: 'x',
        lastServiceDate: null,
        detail: null,
        tie: 'a',
      },
      {
        service: 'hypertension_followup' as const,
        daysOverdue: 3,
        dueDate: 'x',
        lastServiceDate: null,
        detail: null,
        tie: 'c',
      },
    ].sort(byUrgency);
    expect(rows.map((r) => r.tie)).toEqual(['a', 'c', 'b']);
  });
});
