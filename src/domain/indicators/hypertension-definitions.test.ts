/**
 * The two hypertension sets side by side on small hand-built patients at each boundary day:
 * the WHO HEARTS set (calendar months, registration as contact, BPs of every service that
 * records one, visits without BP) and the national control rate (150/90 from 65, a follow-up
 * without BP and a patient not followed up this year not controlled).
 */
import { describe, expect, it } from 'vitest';
import { INDICATORS, indicatorValue } from './catalogue.js';
import { DEFAULT_PARAMETERS as P } from './parameters.js';
import { HEARTS_TERMS, HEARTS_VISIT_TYPES } from './term-families/hearts.js';
import { calendarMonthsBefore, slotDates } from './term-family.js';
import {
  agedAtLeast,
  nationalBpControlled,
  residentTermsAt,
  type ResidentHistory,
  type ServiceFact,
} from './terms.js';

let nextId = 1;

function visit(
  type: 'hypertension_followup' | 'diabetes_followup' | 'elderly_checkup',
  date: string,
  bp: readonly [number, number] | null,
  id = nextId++,
): ServiceFact {
  return {
    id,
    type,
    date,
    sbp: bp?.[0] ?? null,
    dbp: bp?.[1] ?? null,
    fastingGlucose: type === 'diabetes_followup' ? 6 : null,
    controlled: 1,
    guidance: 0,
    payload: {},
  };
}
const htn = (date: string, bp: readonly [number, number] | null = [130, 80], id?: number): ServiceFact =>
  visit('hypertension_followup', date, bp, id);
/** A follow-up by phone: no BP, judged "controlled" by the doctor. */
const phone = (date: string): ServiceFact => htn(date, null);

function patient(
  services: ServiceFact[],
  registered = '2018-01-01',
  birthDate: string | null = '1960-01-01',
): ResidentHistory {
  return {
    id: 1,
    birthDate,
    electronic: true,
    span: { created: '2015-01-01', gone: null },
    enrollments: [{ program: 'hypertension', startDate: registered, endDate: null }],
    services,
    earlierDuplicates: [],
    contracts: [],
  };
}

const JUNE = 17; // 2020-06-30
const FEBRUARY = 5; // 2020-02-29
const hearts = (h: ResidentHistory, slot = JUNE, year = 2020): string[] =>
  residentTermsAt(h, year, slot, P).filter((t) => t.startsWith('hypertension.hearts_'));
const national = (h: ResidentHistory, slot = JUNE): string[] =>
  residentTermsAt(h, 2020, slot, P).filter((t) =>
    ['hypertension.controlled', 'hypertension.uncontrolled'].includes(t),
  );

describe('calendar months back (HEARTS)', () => {
  it.each([
    ['2020-06-30', 3, '2020-03-31'],
    ['2020-06-30', 12, '2019-06-30'],
    ['2020-02-29', 3, '2019-11-30'],
    ['2020-04-30', 3, '2020-01-31'],
    ['2020-11-30', 3, '2020-08-31'],
    ['2020-05-31', 3, '2020-02-29'],
    ['2021-02-28', 12, '2020-02-29'],
    ['2020-03-31', 1, '2020-02-29'],
    ['2020-01-31', 3, '2019-10-31'],
    ['2020-06-10', 3, '2020-03-10'],
    ['2020-06-20', 12, '2019-06-20'],
  ] as const)('%s − %i months is %s', (date, months, expected) => {
    expect(calendarMonthsBefore(date, months)).toBe(expected);
  });

  it('gives a June period the April–June window, March registrations and July–June for 12 months', () => {
    expect(slotDates(2020, JUNE, P)).toMatchObject({
      end: '2020-06-30',
      registeredBy: '2020-03-31',
      windowFrom: '2020-03-31',
      lostFrom: '2019-06-30',
    });
  });
});

describe('HEARTS set', () => {
  it('counts a visit on 1 April in the June window, not one on 31 March', () => {
    expect(hearts(patient([htn('2020-03-31')]))).toEqual([
      'hypertension.hearts_cohort',
      'hypertension.hearts_under_care',
      'hypertension.hearts_missed',
    ]);
    expect(hearts(patient([htn('2020-04-01')]))).toEqual([
      'hypertension.hearts_cohort',
      'hypertension.hearts_under_care',
      'hypertension.hearts_controlled',
    ]);
  });

  it('gives the end of February the December–February window', () => {
    expect(hearts(patient([htn('2019-11-30')]), FEBRUARY)).toContain('hypertension.hearts_missed');
    expect(hearts(patient([htn('2019-12-01')]), FEBRUARY)).toContain('hypertension.hearts_controlled');
  });

  it('takes patients registered by 31 March into the June cohort, not those of 1 April', () => {
    expect(hearts(patient([], '2020-03-31'))).toContain('hypertension.hearts_cohort');
    expect(hearts(patient([htn('2020-05-01')], '2020-04-01'))).toEqual([]);
  });

  it('counts registration as contact: enrolled 11 months before and never seen is under care', () => {
    expect(hearts(patient([], '2019-07-30'))).toEqual([
      'hypertension.hearts_cohort',
      'hypertension.hearts_under_care',
      'hypertension.hearts_missed',
    ]);
    expect(hearts(patient([], '2019-07-01'))).toContain('hypertension.hearts_under_care');
  });

  it('loses a patient enrolled 13 months before and never seen, or seen last on 30 June a year before', () => {
    expect(hearts(patient([], '2019-05-30'))).toEqual([
      'hypertension.hearts_cohort',
      'hypertension.hearts_ltfu',
    ]);
    expect(hearts(patient([], '2019-06-30'))).toContain('hypertension.hearts_ltfu');
    expect(hearts(patient([htn('2019-06-30')]))).toContain('hypertension.hearts_ltfu');
    expect(hearts(patient([htn('2019-07-01')]))).toContain('hypertension.hearts_missed');
  });

  it('counts a phone follow-up as a visit without BP', () => {
    expect(hearts(patient([phone('2020-05-15')]))).toEqual([
      'hypertension.hearts_cohort',
      'hypertension.hearts_under_care',
      'hypertension.hearts_no_bp',
    ]);
    // A BP earlier in the window still decides.
    expect(hearts(patient([htn('2020-04-10', [150, 95]), phone('2020-06-01')]))).toContain(
      'hypertension.hearts_uncontrolled',
    );
  });

  it('reads the BP of diabetes follow-ups and elderly check-ups, and counts them as visits', () => {
    expect(HEARTS_TERMS.reads.map((r) => r.type)).toEqual([...HEARTS_VISIT_TYPES]);
    expect(
      hearts(patient([phone('2020-06-01'), visit('elderly_checkup', '2020-05-01', [128, 78])])),
    ).toContain('hypertension.hearts_controlled');
    expect(hearts(patient([visit('diabetes_followup', '2020-05-01', [150, 80])]))).toContain(
      'hypertension.hearts_uncontrolled',
    );
    expect(hearts(patient([visit('diabetes_followup', '2020-05-01', null)]))).toContain(
      'hypertension.hearts_no_bp',
    );
    // A diabetes follow-up in the last 12 months keeps the patient under care.
    expect(hearts(patient([visit('diabetes_followup', '2019-10-01', null)]))).toContain(
      'hypertension.hearts_missed',
    );
  });

  it('takes the latest BP by date, then by id, whatever the service', () => {
    const tie = (first: readonly [number, number], second: readonly [number, number]): string[] =>
      hearts(
        patient([
          visit('elderly_checkup', '2020-05-01', second, 9002),
          htn('2020-05-01', first, 9001),
          htn('2020-04-20', [120, 70]),
        ]),
      );
    expect(tie([150, 95], [130, 80])).toContain('hypertension.hearts_controlled');
    expect(tie([130, 80], [150, 95])).toContain('hypertension.hearts_uncontrolled');
  });

  it('judges 145/85 uncontrolled at every age (HEARTS: below 140/90)', () => {
    expect(hearts(patient([htn('2020-06-01', [145, 85])], '2018-01-01', '1950-01-01'))).toContain(
      'hypertension.hearts_uncontrolled',
    );
  });
});

describe('national control rate', () => {
  it('judges a 65-year-old at 145/85 controlled (below 150/90), a 64-year-old not', () => {
    expect(national(patient([htn('2020-06-01', [145, 85])], '2018-01-01', '1955-06-01'))).toEqual([
      'hypertension.controlled',
    ]);
    expect(national(patient([htn('2020-06-01', [145, 85])], '2018-01-01', '1955-06-02'))).toEqual([
      'hypertension.uncontrolled',
    ]);
  });

  it('holds the elderly limits strictly below 150 and 90', () => {
    const aged = (bp: readonly [number, number]): string[] =>
      national(patient([htn('2020-06-01', bp)], '2018-01-01', '1950-01-01'));
    expect(aged([149, 89])).toEqual(['hypertension.controlled']);
    expect(aged([150, 80])).toEqual(['hypertension.uncontrolled']);
    expect(aged([130, 90])).toEqual(['hypertension.uncontrolled']);
  });

  it('holds the general limits strictly below 140 and 90, and uses them without a birth date', () => {
    const young = (bp: readonly [number, number], birth: string | null = '1970-01-01'): string[] =>
      national(patient([htn('2020-06-01', bp)], '2018-01-01', birth));
    expect(young([139, 89])).toEqual(['hypertension.controlled']);
    expect(young([140, 80])).toEqual(['hypertension.uncontrolled']);
    expect(young([145, 85], null)).toEqual(['hypertension.uncontrolled']);
  });

  it('judges age on the day of the follow-up', () => {
    // Born 1 June 1955: 64 at a May follow-up, 65 at a June one.
    const h = (date: string): string[] =>
      national(patient([htn(date, [145, 85])], '2018-01-01', '1955-06-01'));
    expect(h('2020-05-31')).toEqual(['hypertension.uncontrolled']);
    expect(h('2020-06-01')).toEqual(['hypertension.controlled']);
    expect(agedAtLeast('1956-02-29', '2021-02-28', 65)).toBe(false);
    expect(agedAtLeast('1956-02-29', '2021-03-01', 65)).toBe(true);
  });

  it('counts a latest follow-up by phone (no BP) as not controlled, whatever its judgement', () => {
    expect(national(patient([htn('2020-03-01', [120, 70]), phone('2020-05-15')]))).toEqual([
      'hypertension.uncontrolled',
    ]);
    expect(nationalBpControlled(phone('2020-05-15'), '1960-01-01', P)).toBe(false);
  });

  it('reads only hypertension follow-ups (not check-ups or diabetes follow-ups)', () => {
    expect(national(patient([visit('elderly_checkup', '2020-05-01', [120, 70])]))).toEqual([]);
  });

  it('counts a patient lost to follow-up (no follow-up this year) as not controlled', () => {
    const h = patient([htn('2019-12-31', [120, 70])]);
    const terms = residentTermsAt(h, 2020, JUNE, P);
    expect(terms).toContain('hypertension.managed');
    expect(national(h)).toEqual([]);
    const rate = INDICATORS.find((i) => i.id === 'hypertension.control_rate')!;
    const count = (t: string): number => (terms.includes(t) ? 1 : 0);
    expect(indicatorValue(rate, count, () => 0, P)).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });

  it('keeps both sets side by side: the same patient can be controlled in one and not the other', () => {
    const h = patient([htn('2020-06-01', [145, 85])], '2018-01-01', '1950-01-01');
    const terms = residentTermsAt(h, 2020, JUNE, P);
    expect(terms).toContain('hypertension.controlled');
    expect(terms).toContain('hypertension.hearts_uncontrolled');
  });
});
