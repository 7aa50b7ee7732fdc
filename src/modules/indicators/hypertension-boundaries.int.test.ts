/**
 * The hypertension definitions (national control rate and the WHO HEARTS set) at their
 * boundary days, through the database: hand-built patients written one write at a time, as a
 * clinic records them, and the values of June 2020 (Q2) read from the maintained facts and
 * from the plain recount. Each patient sits on one boundary; the expected counts are worked
 * out by hand below. The rules themselves are tested in
 * src/domain/indicators/hypertension-definitions.test.ts.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import type { EnrollmentInput, ServiceInput } from '../../domain/records/inputs.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { fixtureResident } from '../records/records.fixture.js';
import { writeEnrollments, writeResidents, writeServices } from '../records/write-records.js';
import { computeIndicatorValuesBaseline } from './indicator-baseline.js';
import { computeIndicatorValues } from './indicator-values.js';
import { insertOrgTree, recordNo, V1 } from './indicators.fixture.js';

type Cell = [numerator: number, denominator: number | null];

/** Born 1 January 1970 unless said otherwise; every one enrolled in hypertension. */
const PATIENTS: readonly {
  seq: number;
  birth?: string;
  enrolled: string;
  ended?: string;
  followup?: { date: string; bp: [number, number] | null };
}[] = [
  // 1: seen on 31 March only: outside the April–June window (missed visit); nationally controlled.
  { seq: 1, enrolled: '2019-01-01', followup: { date: '2020-03-31', bp: [120, 80] } },
  // 2: seen on 1 April: inside the window, controlled in both sets.
  { seq: 2, enrolled: '2019-01-01', followup: { date: '2020-04-01', bp: [120, 80] } },
  // 3: enrolled 11 months before, never seen: registration is a contact (under care, missed visit).
  { seq: 3, enrolled: '2019-07-31' },
  // 4: enrolled 13 months before, never seen: lost to follow-up.
  { seq: 4, enrolled: '2019-05-31' },
  // 5: 65 in 2020, 145/85: controlled nationally (below 150/90), not for HEARTS (below 140/90).
  { seq: 5, birth: '1955-01-01', enrolled: '2019-01-01', followup: { date: '2020-05-01', bp: [145, 85] } },
  // 6: 64 at the follow-up, 145/85: controlled in neither.
  { seq: 6, birth: '1956-01-01', enrolled: '2019-01-01', followup: { date: '2020-05-01', bp: [145, 85] } },
  // 7: a phone follow-up without BP (judged 控制满意 all the same): visit without BP; not controlled.
  { seq: 7, enrolled: '2019-01-01', followup: { date: '2020-05-01', bp: null } },
  // 8: registered on 1 April: not in the June cohort; nationally managed, not controlled (no follow-up).
  { seq: 8, enrolled: '2020-04-01' },
  // 9: registered on 31 March: in the June cohort, under care by its registration.
  { seq: 9, enrolled: '2020-03-31' },
  // 10: enrolment ended on 1 June: in neither set at 30 June.
  { seq: 10, enrolled: '2019-01-01', ended: '2020-06-01', followup: { date: '2020-05-01', bp: [120, 80] } },
];

const JUNE_2020: Record<string, Cell> = {
  'hypertension.managed': [9, null],
  // Controlled: 1, 2, 5. Uncontrolled at the latest follow-up: 6, 7 (none with guidance).
  'hypertension.control_rate': [3, 9],
  'hypertension.guidance_rate': [0, 2],
  // Cohort: all but 8 and 10. Lost: 4. Under care: 1, 2, 3, 5, 6, 7, 9.
  'hypertension.hearts_cohort': [8, null],
  'hypertension.hearts_under_care': [7, null],
  'hypertension.hearts_ltfu_rate': [1, 8],
  'hypertension.hearts_controlled_rate': [1, 7],
  'hypertension.hearts_uncontrolled_rate': [2, 7],
  'hypertension.hearts_visit_no_bp_rate': [1, 7],
  'hypertension.hearts_missed_visit_rate': [3, 7],
};

function enrolment(p: (typeof PATIENTS)[number]): EnrollmentInput {
  return {
    recordNo: recordNo(p.seq),
    program: 'hypertension',
    startDate: p.enrolled,
    endDate: p.ended ?? null,
    endReason: p.ended ? '结案' : null,
    detail: null,
  };
}

function followup(p: (typeof PATIENTS)[number]): ServiceInput {
  const f = p.followup!;
  return {
    serviceNo: `b-${p.seq}`,
    recordNo: recordNo(p.seq),
    type: 'hypertension_followup',
    serviceDate: f.date,
    orgCode: null,
    institution: null,
    doctor: null,
    payload: {
      visitMode: f.bp ? 'clinic' : 'phone',
      sbp: f.bp?.[0] ?? null,
      dbp: f.bp?.[1] ?? null,
      heartRate: null,
      controlled: f.bp ? f.bp[0] < 140 && f.bp[1] < 90 : true,
      guidance: false,
      medicationAdherence: null,
      symptoms: null,
    },
  };
}

describeEachDialect('hypertension definitions at their boundary days', (t) => {
  beforeAll(async () => {
    await insertOrgTree(t.db.kysely);
    await writeResidents(
      t.db,
      WHOLE_TREE,
      PATIENTS.map((p) =>
        fixtureResident(p.seq, {
          recordNo: recordNo(p.seq),
          orgCode: V1,
          idNumber: null,
          birthDate: p.birth ?? '1970-01-01',
          recordCreated: '2018-01-01',
        }),
      ),
    );
    // The patients seen first, so 2020 is maintained before the others are enrolled: an
    // enrolment written without any follow-up must move the facts by itself.
    for (const p of PATIENTS.filter((x) => x.followup)) {
      await writeEnrollments(t.db, WHOLE_TREE, [enrolment(p)]);
      await writeServices(t.db, WHOLE_TREE, [followup(p)]);
    }
    for (const p of PATIENTS.filter((x) => !x.followup))
      await writeEnrollments(t.db, WHOLE_TREE, [enrolment(p)]);
  });

  it('counts each boundary patient as worked out by hand, from the facts and from the recount', async () => {
    const query = { orgCode: V1, period: '2020Q2' };
    const facts = await computeIndicatorValues(t.db, WHOLE_TREE, query);
    const recount = await computeIndicatorValuesBaseline(t.db, WHOLE_TREE, query);
    for (const rows of [facts, recount]) {
      const got: Record<string, Cell> = {};
      for (const r of rows.filter((x) => x.org === V1 && x.indicator in JUNE_2020))
        got[r.indicator] = [r.numerator, r.denominator];
      expect(got).toEqual(JUNE_2020);
    }
    expect(facts).toEqual(recount);
  });
});
