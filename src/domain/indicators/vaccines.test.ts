import { describe, expect, it } from 'vitest';
import { NATIONAL_IMMUNISATION_SCHEDULE } from '../due/parameters.js';
import { addDays } from '../due/calendar.js';
import { calendarMonthsBefore } from './term-family.js';
import {
  dosesDue,
  dosesReceived,
  reachedAge,
  VACCINATION_COHORT_MONTHS_BELOW,
  vaccineDoseAges,
  vaccineOf,
  VACCINES,
} from './vaccines.js';

describe('vaccine cohorts', () => {
  it('list every reported vaccine in the schedule, doses in order', () => {
    for (const v of VACCINES) expect(vaccineDoseAges(v.id).length).toBeGreaterThan(0);
    expect(vaccineDoseAges('hepb')).toEqual([0, 1, 6]);
    expect(vaccineDoseAges('dtap')).toEqual([3, 4, 5, 18]);
    expect(vaccineDoseAges('mening')).toEqual([6, 9, 36, 72]);
    expect(vaccineDoseAges('bcg')).toEqual([0]);
    expect(vaccineDoseAges('flu')).toEqual([]);
    // Every scheduled vaccine is a reported one.
    for (const d of NATIONAL_IMMUNISATION_SCHEDULE) expect(VACCINES.map((v) => v.id)).toContain(d.vaccine);
  });

  it('reach an age on the birthday, a month end when the month is shorter', () => {
    expect(reachedAge('2019-10-30', 8, '2020-06-30')).toBe(true); // birthday exactly at the period end
    expect(reachedAge('2019-10-31', 8, '2020-06-30')).toBe(true); // June has no 31st
    expect(reachedAge('2019-11-01', 8, '2020-06-30')).toBe(false);
    expect(reachedAge('2019-08-31', 6, '2020-02-29')).toBe(true);
    expect(reachedAge('2019-08-31', 6, '2020-02-28')).toBe(false);
    // Born on a leap day: 12 months on 28 February of a common year, 48 on the next leap day.
    expect(reachedAge('2016-02-29', 12, '2017-02-28')).toBe(true);
    expect(reachedAge('2016-02-29', 12, '2017-02-27')).toBe(false);
    expect(reachedAge('2016-02-29', 48, '2020-02-28')).toBe(false);
    expect(reachedAge('2016-02-29', 48, '2020-02-29')).toBe(true);
    // Across a year end.
    expect(reachedAge('2019-12-31', 1, '2020-01-31')).toBe(true);
    expect(reachedAge('2019-12-31', 1, '2020-01-30')).toBe(false);
    expect(reachedAge('2019-07-01', 6, '2019-12-31')).toBe(false);
    expect(reachedAge('2019-07-01', 6, '2020-01-01')).toBe(true);
    // Age 0: the day of birth.
    expect(reachedAge('2020-06-30', 0, '2020-06-30')).toBe(true);
    expect(reachedAge('2020-07-01', 0, '2020-06-30')).toBe(false);
  });

  it('equal a birth date cut-off of whole months back from E, day by day', () => {
    // The engine compares birth dates with calendarMonthsBefore(E, age), the baseline its own
    // copy of it; both must be reachedAge for every birth date and every day E.
    const ages = [...new Set([...NATIONAL_IMMUNISATION_SCHEDULE.map((d) => d.ageMonths), 84])];
    const ends: string[] = [];
    for (let e = '2019-12-01'; e <= '2021-03-31'; e = addDays(e, 1)) ends.push(e);
    let checked = 0;
    for (const end of ends)
      for (const age of ages) {
        const cutoff = calendarMonthsBefore(end, age);
        // The births around the cut-off decide; far ones are settled by the order alone.
        for (let d = -3; d <= 3; d++) {
          const birth = addDays(cutoff, d);
          expect(reachedAge(birth, age, end), `${birth} ${age} ${end}`).toBe(birth <= cutoff);
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('count the doses due at E until the 7th birthday', () => {
    expect(dosesDue('2020-01-15', 'dtap', '2020-06-30')).toBe(3);
    expect(dosesDue('2020-01-15', 'dtap', '2020-06-10')).toBe(2); // 5 months on 15 June
    expect(dosesDue('2020-06-30', 'bcg', '2020-06-30')).toBe(1); // born on the period end
    expect(dosesDue('2020-07-01', 'bcg', '2020-06-30')).toBe(0); // not yet born
    expect(dosesDue('2020-06-01', 'polio', '2020-06-30')).toBe(0); // first dose at 2 months
    expect(dosesDue('2013-07-01', 'mening', '2020-06-30')).toBe(4); // 6 years 11 months
    expect(dosesDue('2013-06-30', 'mening', '2020-06-30')).toBe(0); // 7 on the period end
    expect(dosesDue('2013-06-30', 'mening', '2020-06-29')).toBe(4);
    expect(dosesDue('2013-02-28', 'bcg', '2020-02-28')).toBe(0);
    expect(VACCINATION_COHORT_MONTHS_BELOW).toBe(84);
  });

  it('count doses received by the highest dose number or the number of records', () => {
    expect(dosesReceived([])).toBe(0);
    expect(dosesReceived([1, 2])).toBe(2);
    expect(dosesReceived([3])).toBe(3);
    expect(dosesReceived([null, null])).toBe(2);
    expect(dosesReceived([1, 1, 1])).toBe(3);
  });

  it('read vaccine names as clinics write them', () => {
    expect(vaccineOf(' BCG ')).toBe('bcg');
    expect(vaccineOf('麻风')).toBe('mmr');
    expect(vaccineOf('unknown')).toBeNull();
    expect(vaccineOf(null)).toBeNull();
  });
});
