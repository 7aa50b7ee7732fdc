import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS as P, requiredFollowups } from './parameters.js';
import {
  activityTallies,
  goneDate,
  idKey,
  PERSON_TERMS,
  residentTermMasks,
  residentTermsAt,
  type ResidentHistory,
  type ServiceFact,
} from './terms.js';
import { vaccineOf } from './vaccines.js';

let nextId = 1;
/** Hot columns of a service, and payload fields (`vaccine`, `gestationalWeeks`, `medicationRegular`). */
type ServiceExtra = Partial<Omit<ServiceFact, 'payload'>> & Record<string, string | number | boolean | null>;

const COLUMNS = new Set(['id', 'sbp', 'dbp', 'fastingGlucose', 'controlled', 'guidance']);

function service(type: string, date: string, extra: ServiceExtra = {}): ServiceFact {
  const columns: Record<string, unknown> = {};
  const payload: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(extra))
    if (COLUMNS.has(key)) columns[key] = value;
    else if (value !== null) payload[key] = value;
  return {
    id: nextId++,
    type,
    date,
    sbp: null,
    dbp: null,
    fastingGlucose: null,
    controlled: null,
    guidance: null,
    ...columns,
    payload,
  };
}

function person(overrides: Partial<ResidentHistory> = {}): ResidentHistory {
  return {
    id: 10,
    birthDate: '1950-01-01',
    electronic: true,
    span: { created: '2018-01-01', gone: null },
    enrollments: [],
    services: [],
    earlierDuplicates: [],
    contracts: [],
    ...overrides,
  };
}

const at = (h: ResidentHistory, slot: number, year = 2020): string[] => residentTermsAt(h, year, slot, P);
const JUNE = 17;
const DEC = 35;

describe('records terms', () => {
  it('counts a record from its creation until death or move-out', () => {
    const h = person({ span: { created: '2020-03-15', gone: '2020-06-30' } });
    expect(at(h, 4)).not.toContain('records.total'); // 20 Feb
    expect(at(h, 6)).not.toContain('records.total'); // 10 March
    expect(at(h, 7)).toContain('records.total'); // 20 March
    expect(at(h, 16)).toContain('records.total'); // 20 June
    expect(at(h, JUNE)).toEqual([]); // gone on 30 June = not present at its end
  });

  it('marks a duplicate only while an earlier record with the same ID is present', () => {
    const h = person({ earlierDuplicates: [{ created: '2019-01-01', gone: '2020-05-01' }] });
    expect(at(h, 11)).toContain('records.duplicate'); // 20 April
    expect(at(h, 14)).not.toContain('records.duplicate'); // 31 May
  });

  it('counts a record in use with a service in the last 12 months', () => {
    const h = person({ services: [service('elderly_checkup', '2019-07-01')] });
    expect(at(h, JUNE)).toContain('records.used');
    expect(at(h, 18)).not.toContain('records.used'); // 10 July 2020: the check-up is more than 12 months back
    expect(at(person({ electronic: false }), JUNE)).not.toContain('records.electronic');
  });
});

describe('hypertension terms', () => {
  const enrolled = { program: 'hypertension', startDate: '2019-01-01', endDate: null };
  const bp = (date: string, sbp: number, dbp: number, guidance = 0): ServiceFact =>
    service('hypertension_followup', date, { sbp, dbp, controlled: sbp < 140 && dbp < 90 ? 1 : 0, guidance });

  it('pro-rates the standardised management threshold', () => {
    expect(requiredFollowups(4, 6)).toBe(2);
    expect(requiredFollowups(4, 12)).toBe(4);
    expect(requiredFollowups(4, 1 / 3)).toBe(1);
    expect(requiredFollowups(4, 9)).toBe(3);
    const h = person({
      enrollments: [enrolled],
      services: [bp('2020-02-01', 130, 80), bp('2020-05-01', 130, 80)],
    });
    expect(at(h, JUNE)).toContain('hypertension.effective');
    expect(at(h, 26)).not.toContain('hypertension.effective'); // 30 Sep needs 3
    expect(at(h, JUNE)).toContain('hypertension.followup2');
  });

  it('judges control and guidance at the latest follow-up of the year, a 31 December one included', () => {
    const h = person({
      enrollments: [enrolled],
      services: [bp('2019-12-31', 120, 70), bp('2020-03-01', 150, 95, 1), bp('2020-12-31', 150, 95, 0)],
    });
    expect(at(h, 0)).not.toContain('hypertension.controlled'); // 10 Jan 2020: last year's visit does not count
    expect(at(h, 0)).not.toContain('hypertension.uncontrolled');
    expect(at(h, JUNE)).toEqual(expect.arrayContaining(['hypertension.uncontrolled', 'hypertension.guided']));
    expect(at(h, DEC)).toContain('hypertension.uncontrolled');
    expect(at(h, DEC)).not.toContain('hypertension.guided');
    expect(at(h, 35, 2019)).toContain('hypertension.controlled');
  });

  it('does not count a follow-up without readings as controlled, whatever its judgement', () => {
    const h = person({
      enrollments: [enrolled],
      services: [service('hypertension_followup', '2020-03-01', { controlled: 1 })],
    });
    expect(at(h, JUNE)).not.toContain('hypertension.controlled');
    expect(at(h, JUNE)).toContain('hypertension.uncontrolled');
  });

  it('ends management with the enrolment end date and death', () => {
    const ended = person({ enrollments: [{ ...enrolled, endDate: '2020-06-30' }] });
    expect(at(ended, 16)).toContain('hypertension.managed');
    expect(at(ended, JUNE)).not.toContain('hypertension.managed');
    expect(
      at(person({ enrollments: [enrolled], span: { created: '2018-01-01', gone: '2020-06-05' } }), JUNE),
    ).toEqual([]);
  });

  it('classifies the HEARTS cohort', () => {
    const base = { enrollments: [{ ...enrolled, startDate: '2020-03-30' }] };
    // Registered 30 March: in the cohort at 30 June (3 months before), not at 20 June.
    expect(at(person(base), 16)).not.toContain('hypertension.hearts_cohort');
    // Never seen, but registered within 12 months: under care, with a missed visit.
    expect(at(person(base), JUNE)).toEqual(
      expect.arrayContaining(['hypertension.hearts_cohort', 'hypertension.hearts_missed']),
    );
    expect(at(person(base), JUNE)).not.toContain('hypertension.hearts_ltfu');
    const visits = (...s: ServiceFact[]): ResidentHistory => person({ enrollments: [enrolled], services: s });
    expect(at(visits(bp('2020-05-01', 130, 80)), JUNE)).toContain('hypertension.hearts_controlled');
    expect(at(visits(bp('2020-05-01', 130, 80), bp('2020-06-01', 145, 80)), JUNE)).toContain(
      'hypertension.hearts_uncontrolled',
    );
    expect(at(visits(service('hypertension_followup', '2020-05-01')), JUNE)).toContain(
      'hypertension.hearts_no_bp',
    );
    // A visit without BP after a BP reading in the window: the reading decides.
    expect(
      at(visits(bp('2020-04-15', 130, 80), service('hypertension_followup', '2020-06-01')), JUNE),
    ).toContain('hypertension.hearts_controlled');
    expect(at(visits(bp('2020-01-15', 130, 80)), JUNE)).toEqual(
      expect.arrayContaining(['hypertension.hearts_under_care', 'hypertension.hearts_missed']),
    );
    expect(at(visits(bp('2019-06-15', 130, 80)), JUNE)).toContain('hypertension.hearts_ltfu');
    expect(at(visits(bp('2019-06-15', 130, 80)), JUNE)).not.toContain('hypertension.hearts_under_care');
  });
});

describe('other programmes', () => {
  it('diabetes control uses fasting glucose below 7.0', () => {
    const e = [{ program: 'diabetes', startDate: '2019-01-01', endDate: null }];
    const h = (g: number): ResidentHistory =>
      person({
        enrollments: e,
        services: [service('diabetes_followup', '2020-02-01', { fastingGlucose: g })],
      });
    expect(at(h(6.9), JUNE)).toContain('diabetes.controlled');
    expect(at(h(7.0), JUNE)).toContain('diabetes.uncontrolled');
  });

  it('maternal management covers enrolments active any time in the year', () => {
    const h = person({
      enrollments: [{ program: 'maternal', startDate: '2019-10-01', endDate: '2020-02-15' }],
      services: [
        service('prenatal_registration', '2019-10-01', { gestationalWeeks: 12 }),
        service('postpartum_visit', '2020-01-20'),
        service('postpartum_42d', '2020-02-15'),
      ],
    });
    expect(at(h, JUNE)).toEqual(
      expect.arrayContaining([
        'maternal.managed',
        'maternal.early_registered',
        'maternal.postpartum_visited',
        'maternal.closed_42d',
        'maternal.effective',
      ]),
    );
    expect(at(h, JUNE, 2021)).not.toContain('maternal.managed');
  });

  it('children: newborns, under-3 systematic management and vaccines', () => {
    const h = person({
      birthDate: '2020-02-10',
      span: { created: '2020-02-10', gone: null },
      enrollments: [{ program: 'child', startDate: '2020-02-10', endDate: null }],
      services: [
        service('newborn_visit', '2020-02-15'),
        service('child_visit', '2020-05-10'),
        service('vaccination', '2020-02-10', { vaccine: ' BCG ' }),
        service('vaccination', '2020-03-10', { vaccine: '乙肝' }),
        service('vaccination', '2020-03-10', { vaccine: 'unknown vaccine' }),
      ],
    });
    const june = at(h, JUNE);
    expect(june).toEqual(
      expect.arrayContaining([
        'child.managed',
        'child.followed',
        'child.checked',
        'child.newborn',
        'child.newborn_visited',
        'child.under3',
        'child.systematic',
        'vaccination.bcg_due',
        'vaccination.bcg',
        'vaccination.hepb_due',
        'vaccination.polio_due',
      ]),
    );
    // Hepatitis B: 2 doses due (birth, 1 month), 1 recorded; polio due at 2 months, none.
    expect(june).not.toContain('vaccination.hepb');
    expect(june).not.toContain('vaccination.polio');
    expect(june).not.toContain('vaccination.mmr_due'); // 8 months on 10 October
    expect(at(h, DEC)).not.toContain('child.systematic');
    expect(at(h, 2)).not.toContain('vaccination.bcg_due'); // 31 January: before birth
  });

  it('TCM health management of the elderly: managed, with a service this year', () => {
    const h = person({
      enrollments: [{ program: 'elderly', startDate: '2019-01-01', endDate: null }],
      services: [service('tcm_elderly', '2019-11-05'), service('tcm_elderly', '2020-05-05')],
    });
    expect(at(h, 11)).not.toContain('elderly.tcm'); // 30 April: last year's does not count
    expect(at(h, 12)).toContain('elderly.tcm'); // 10 May
    expect(at(h, DEC, 2019)).toContain('elderly.tcm');
    // A service of a resident not under elderly management counts nowhere.
    const unmanaged = person({ services: [service('tcm_elderly', '2020-05-05')] });
    expect(at(unmanaged, JUNE)).not.toContain('elderly.tcm');
  });

  it('TCM health management of children 0–36 months, until the 37-month birthday', () => {
    const child = (birthDate: string, services: ServiceFact[] = []): ResidentHistory =>
      person({
        birthDate,
        span: { created: birthDate, gone: null },
        enrollments: [{ program: 'child', startDate: birthDate, endDate: null }],
        services,
      });
    // Born 31 May 2017: 36 months on 31 May 2020, 37 months on 30 June (June has no 31st).
    const h = child('2017-05-31', [service('tcm_child', '2020-05-31', { ageMonths: 36 })]);
    expect(at(h, 14)).toEqual(expect.arrayContaining(['child.tcm_cohort', 'child.tcm'])); // 31 May
    expect(at(h, 16)).toContain('child.tcm'); // 20 June
    expect(at(h, JUNE)).not.toContain('child.tcm_cohort'); // 30 June: 37 months
    expect(at(h, JUNE)).not.toContain('child.tcm');
    // Born on the period end: in the cohort, no service yet.
    const newborn = child('2020-06-30');
    expect(at(newborn, JUNE)).toContain('child.tcm_cohort');
    expect(at(newborn, JUNE)).not.toContain('child.tcm');
    expect(at(newborn, 16)).not.toContain('child.tcm_cohort'); // not yet born
    // Leap day: born 29 February 2020, 6 months on 29 August; last year's service does not count.
    const leap = child('2020-02-29', [service('tcm_child', '2020-08-29', { ageMonths: 6 })]);
    expect(at(leap, 22)).not.toContain('child.tcm'); // 20 August
    expect(at(leap, 23)).toContain('child.tcm'); // 31 August
    expect(at(leap, 2, 2021)).not.toContain('child.tcm'); // 31 January 2021: a new year
    expect(at(leap, 2, 2021)).toContain('child.tcm_cohort');
  });

  describe('vaccination cohorts', () => {
    const child = (
      birthDate: string,
      services: ServiceFact[] = [],
      gone: string | null = null,
    ): ResidentHistory =>
      person({
        birthDate,
        span: { created: birthDate, gone },
        enrollments: [{ program: 'child', startDate: birthDate, endDate: null }],
        services,
      });
    const vaccinated = (vaccine: string, date: string, dose: number): ServiceFact =>
      service('vaccination', date, { vaccine, dose });

    it('enter the cohort on the day the first dose is due, with no new record', () => {
      // MMR at 8 months: born 30 October 2019, 8 months on 30 June, the end of slot 17.
      const h = child('2019-10-30');
      const masks = residentTermMasks(h, 2020, P);
      const due = masks.get('vaccination.mmr_due')!;
      expect(due & (2 ** JUNE - 1)).toBe(0); // not before 30 June
      expect(due & (2 ** JUNE)).toBe(2 ** JUNE);
      expect(masks.get('vaccination.mmr')).toBeUndefined();
      // Born a day later: 8 months on 1 July, so in the cohort from the 10 July slot on.
      const later = residentTermMasks(child('2019-10-31'), 2020, P).get('vaccination.mmr_due')!;
      expect(later & (2 ** JUNE)).toBe(2 ** JUNE); // June has no 31st: 30 June
      const after = residentTermMasks(child('2019-11-01'), 2020, P).get('vaccination.mmr_due')!;
      expect(after & (2 ** JUNE)).toBe(0);
      expect(after & (2 ** (JUNE + 1))).toBe(2 ** (JUNE + 1));
    });

    it('count as vaccinated only with every dose of the age', () => {
      const h = child('2020-01-15', [
        vaccinated('百白破', '2020-04-20', 1),
        vaccinated('百白破', '2020-05-18', 2),
      ]);
      expect(at(h, 14)).toContain('vaccination.dtap'); // 31 May: 4 months, 2 doses
      expect(at(h, 15)).toContain('vaccination.dtap'); // 10 June: 5 months on 15 June
      expect(at(h, 16)).toContain('vaccination.dtap_due');
      expect(at(h, 16)).not.toContain('vaccination.dtap'); // 20 June: 5 months, dose 3 missing
      expect(at(h, 9)).not.toContain('vaccination.dtap'); // 10 April: 3 months on 15 April
      expect(at(h, 9)).not.toContain('vaccination.dtap_due');
      expect(at(h, 10)).toContain('vaccination.dtap'); // 20 April: dose 1 on the 20th
      // A later dose number says the earlier ones were given.
      const numbered = child('2020-01-15', [vaccinated('DTaP', '2020-06-20', 3)]);
      expect(at(numbered, JUNE)).toContain('vaccination.dtap');
    });

    it('handle leap-day births and year ends', () => {
      // Born 29 February 2020: hepatitis B dose 2 due on 29 March, dose 3 (6 months) on 29 August.
      const h = child('2020-02-29', [
        vaccinated('乙肝', '2020-02-29', 1),
        vaccinated('乙肝', '2020-03-29', 2),
      ]);
      expect(at(h, 5)).toContain('vaccination.hepb_due'); // 29 February, born on the slot end
      expect(at(h, 5)).toContain('vaccination.hepb');
      expect(at(h, 22)).toContain('vaccination.hepb'); // 20 August
      expect(at(h, 23)).not.toContain('vaccination.hepb'); // 31 August: dose 3 due on the 29th
      // JE is due at 8 months and 2 years; the 2-year birthday of a leap-day child is 28 February 2022.
      const je = child('2020-02-29', [vaccinated('乙脑', '2020-10-29', 1)]);
      expect(at(je, 5, 2022)).not.toContain('vaccination.je'); // 28 February 2022: 2 doses due
      expect(at(je, 4, 2022)).toContain('vaccination.je'); // 20 February 2022
      // Across the year end: born 31 December 2019, hepatitis B dose 2 due 31 January 2020.
      const ye = child('2019-12-31', [vaccinated('乙肝', '2019-12-31', 1)]);
      expect(at(ye, DEC, 2019)).toContain('vaccination.hepb');
      expect(at(ye, 1)).toContain('vaccination.hepb'); // 20 January
      expect(at(ye, 2)).not.toContain('vaccination.hepb'); // 31 January
    });

    it('leave on the 7th birthday, at death or move-out, and without child management', () => {
      const h = child('2013-06-30', [vaccinated('BCG', '2013-07-01', 1)]);
      expect(at(h, 16)).toContain('vaccination.bcg_due'); // 20 June 2020: 6
      expect(at(h, JUNE)).not.toContain('vaccination.bcg_due'); // 30 June 2020: 7
      const gone = child('2019-01-01', [], '2020-05-05');
      expect(at(gone, 11)).toContain('vaccination.bcg_due'); // 30 April
      expect(at(gone, 12)).not.toContain('vaccination.bcg_due'); // 10 May, gone on the 5th
      const unmanaged = person({ birthDate: '2019-01-01', enrollments: [] });
      expect(at(unmanaged, JUNE).filter((t) => t.startsWith('vaccination.'))).toEqual([]);
    });
  });

  it('TB regular medication at the latest follow-up; severe mental follow-ups', () => {
    const h = person({
      enrollments: [
        { program: 'tuberculosis', startDate: '2020-01-01', endDate: null },
        { program: 'severe_mental', startDate: '2019-01-01', endDate: null },
      ],
      services: [
        service('tb_followup', '2020-02-01', { medicationRegular: false }),
        service('tb_followup', '2020-03-01', { medicationRegular: true }),
        service('mental_followup', '2020-02-01'),
        service('mental_followup', '2020-05-01'),
      ],
    });
    expect(at(h, JUNE)).toEqual(
      expect.arrayContaining([
        'tuberculosis.regular',
        'tuberculosis.followed',
        'severe_mental.followed',
        'severe_mental.effective',
      ]),
    );
    expect(at(h, 3)).not.toContain('tuberculosis.regular'); // 10 February: latest is not regular
  });
});

describe('masks and helpers', () => {
  it('sets the bit of every slot a term holds', () => {
    const h = person({ span: { created: '2020-06-25', gone: null } });
    expect(residentTermMasks(h, 2020, P).get('records.total')).toBe(2 ** 36 - 2 ** 17);
    expect(residentTermMasks(h, 2019, P).size).toBe(0);
  });

  it('from a slot on, gives the full masks without the earlier bits', () => {
    const h = person({
      enrollments: [{ program: 'hypertension', startDate: '2019-03-01', endDate: null }],
      services: [
        service('hypertension_followup', '2020-02-15', { sbp: 150, dbp: 95 }),
        service('hypertension_followup', '2020-06-25', { sbp: 120, dbp: 70 }),
      ],
    });
    const full = residentTermMasks(h, 2020, P);
    for (const from of [0, 4, 17, 35]) {
      const tail = residentTermMasks(h, 2020, P, from);
      const expected = new Map(
        [...full]
          .map(([term, mask]) => [term, mask - (mask % 2 ** from)] as const)
          .filter(([, mask]) => mask !== 0),
      );
      expect(tail).toEqual(expected);
    }
    expect(residentTermMasks(h, 2020, P, 17).get('hypertension.controlled')).toBe(2 ** 36 - 2 ** 17);
  });

  it('only produces catalogued terms', () => {
    const h = person({
      enrollments: [
        'elderly',
        'hypertension',
        'diabetes',
        'child',
        'maternal',
        'tuberculosis',
        'severe_mental',
      ].map((program) => ({ program, startDate: '2019-01-01', endDate: null })),
    });
    for (const t of at(h, JUNE)) expect(PERSON_TERMS).toContain(t);
  });

  it('normalises ID numbers and dates of leaving', () => {
    expect(idKey(' 62088119550101001x ')).toBe('62088119550101001X');
    expect(idKey('  ')).toBeNull();
    expect(idKey(null)).toBeNull();
    expect(goneDate('2020-05-01', '2020-03-01')).toBe('2020-03-01');
    expect(goneDate(null, '2020-03-01')).toBe('2020-03-01');
    expect(goneDate(null, null)).toBeNull();
    expect(vaccineOf('MMR')).toBe('mmr');
    expect(vaccineOf(null)).toBeNull();
  });

  it('tallies health-education activities year to date per slot', () => {
    const t = activityTallies(
      [
        { date: '2020-01-05', kind: 'lecture', participants: 20 },
        { date: '2020-06-30', kind: 'board', participants: 0 },
        { date: '2019-06-30', kind: 'board', participants: 0 },
      ],
      2020,
    );
    expect(t.get('health_education.activities')![0]).toBe(1);
    expect(t.get('health_education.activities')![17]).toBe(2);
    expect(t.get('health_education.board')![16]).toBe(0);
    expect(t.get('health_education.participants')![35]).toBe(20);
  });
});
