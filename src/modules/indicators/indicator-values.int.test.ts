import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { INDICATORS } from '../../domain/indicators/catalogue.js';
import { recomputeAllFacts } from './fact-maintainer.js';
import { computeIndicatorValuesBaseline } from './indicator-baseline.js';
import { loadFactYears, type IndicatorTables } from './facts-repository.js';
import { buildHandData, TOWNSHIP, V1, V2 } from './indicators.fixture.js';
import { computeIndicatorValues, type IndicatorValue } from './indicator-values.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';

type Cell = [numerator: number, denominator: number | null];

function cells(rows: readonly IndicatorValue[], org: string): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const r of rows.filter((x) => x.org === org)) out[r.indicator] = [r.numerator, r.denominator];
  return out;
}

// Worked out by hand from indicators.fixture.ts for 2020 (as of 31 December 2020), after
// the backdated follow-up, the correction, the deletion, the death (R3), the move-out (R6),
// the move of R4 from village 1 to village 2 and the end of R9's TB enrolment.
// Township = village 1 + village 2; population 150 (18+: 120, 65+: 30, 0–6: 15).
const TOWNSHIP_2020: Record<string, Cell> = {
  // Present at year end: R1 R2 R9 (V1), R4 R5 R7 R8 R10 (V2); R5 repeats R1's ID number; R9 is paper-only.
  'records.total': [8, null],
  'records.duplicates': [1, null],
  'records.effective': [7, null],
  'records.coverage': [8, 150],
  'records.effective_rate': [7, 150],
  'records.electronic_coverage': [7, 150],
  // Everyone but R5 had a service in 2020.
  'records.use_rate': [7, 8],
  // R4 (moved to V2) is the only elderly left (R6 moved out); checked up in April.
  'elderly.managed': [1, null],
  'elderly.checked_up': [1, null],
  'elderly.checkup_rate': [1, 1],
  'elderly.management_rate': [1, 30],
  // R4's constitution identification in April.
  'elderly.tcm_management_rate': [1, 1],
  // R1 (4 follow-ups, latest 31 Dec 150/92 without guidance) and R2 (enrolled 1 July,
  // 2 follow-ups, the November one corrected to 130/85); R3 died.
  'hypertension.managed': [2, null],
  // Expected patients are whole persons: 120 × 27 % = 32.4 → 32.
  'hypertension.management_rate': [2, 32],
  'hypertension.followup2_rate': [2, 2],
  'hypertension.effectively_managed': [1, null],
  'hypertension.standardized_rate': [1, 2],
  'hypertension.control_rate': [1, 2],
  'hypertension.guidance_rate': [0, 1],
  // HEARTS at 31 Dec: both registered by 30 Sep; latest BP after 30 Sep: R1 150/92, R2 130/85.
  'hypertension.hearts_cohort': [2, null],
  'hypertension.hearts_under_care': [2, null],
  'hypertension.hearts_controlled_rate': [1, 2],
  'hypertension.hearts_uncontrolled_rate': [1, 2],
  'hypertension.hearts_visit_no_bp_rate': [0, 2],
  'hypertension.hearts_missed_visit_rate': [0, 2],
  'hypertension.hearts_ltfu_rate': [0, 2],
  // R4: January 6.5 left after the April follow-up (8.0) was deleted.
  'diabetes.managed': [1, null],
  'diabetes.management_rate': [1, 12],
  'diabetes.followup2_rate': [0, 1],
  'diabetes.effectively_managed': [0, null],
  'diabetes.standardized_rate': [0, 1],
  'diabetes.control_rate': [1, 1],
  'diabetes.guidance_rate': [0, 0],
  // R7: enrolled February, ended 15 August (still counts: active during the year).
  'maternal.managed': [1, null],
  'maternal.early_registration_rate': [1, 1],
  'maternal.postpartum_visit_rate': [1, 1],
  'maternal.postpartum_42d_rate': [1, 1],
  'maternal.effectively_managed': [1, null],
  'maternal.service_rate': [1, 1],
  // R8: born 5 March 2020, newborn visit, one child visit (2 needed by year end), BCG and HepB.
  'child.managed': [1, null],
  'child.followup_rate': [1, 1],
  'child.newborn_visit_rate': [1, 1],
  'child.health_management_rate': [1, 15],
  'child.systematic_management_rate': [0, 1],
  // R8 (9 months old) had the 6-month TCM guidance in August (with its 6-month check, a little early).
  'child.tcm_management_rate': [1, 1],
  // At 31 December R8 is 9 months old: due BCG, 3 doses of hepatitis B (1 given), polio,
  // DTaP, MMR, JE and meningococcal; not yet hepatitis A (18 months).
  'vaccination.bcg_coverage': [1, 1],
  'vaccination.hepb_coverage': [0, 1],
  'vaccination.polio_coverage': [0, 1],
  'vaccination.dtap_coverage': [0, 1],
  'vaccination.mmr_coverage': [0, 1],
  'vaccination.je_coverage': [0, 1],
  'vaccination.mening_coverage': [0, 1],
  'vaccination.hepa_coverage': [0, 0],
  // R9's TB enrolment ended 30 September.
  'tuberculosis.managed': [0, null],
  'tuberculosis.followup_rate': [0, 0],
  'tuberculosis.regular_medication_rate': [0, 0],
  // R10: three follow-ups (4 needed by year end).
  'severe_mental.managed': [1, null],
  // 150 × 4.5‰ = 0.675 → 1.
  'severe_mental.management_rate': [1, 1],
  'severe_mental.followup_rate': [1, 1],
  'severe_mental.standardized_rate': [0, 1],
  'health_education.activities': [2, null],
  'health_education.lectures': [1, null],
  'health_education.consultations': [0, null],
  'health_education.boards': [1, null],
  'health_education.materials': [0, null],
  'health_education.participants': [30, null],
  // No contracts in this data set: every numerator 0. Key populations at 31 December: the six
  // present residents born 1955 (65 on 1 January 2020: R1 R2 R4 R5 R9 R10), hypertension R1 R2,
  // diabetes R4, child R8 (by age and enrolment), severe mental R10; R7's maternal and R9's TB
  // enrolments ended. Any group: those six and R8.
  'contracts.contract_rate': [0, 150],
  'contracts.contract_rate_key': [0, 7],
  'contracts.contract_rate_key_elderly': [0, 6],
  'contracts.contract_rate_key_hypertension': [0, 2],
  'contracts.contract_rate_key_diabetes': [0, 1],
  'contracts.contract_rate_key_maternal': [0, 0],
  'contracts.contract_rate_key_child': [0, 1],
  'contracts.contract_rate_key_severe_mental': [0, 1],
  'contracts.contract_rate_key_tuberculosis': [0, 0],
  'contracts.contract_rate_key_disabled': [0, 0],
  'contracts.renewal_rate': [0, 0],
  'contracts.fulfilment_rate': [0, 0],
};

function expectCells(actual: Record<string, Cell>, expected: Record<string, Cell>): void {
  for (const [id, [n, d]] of Object.entries(expected)) {
    expect([id, actual[id]?.[0]]).toEqual([id, n]);
    if (d === null) expect([id, actual[id]?.[1]]).toEqual([id, null]);
    else expect([id, actual[id]?.[1]]).toEqual([id, expect.closeTo(d, 9)]);
  }
}

describe('hand-built expectations', () => {
  it('cover every computed indicator of the catalogue', () => {
    // Reported indicators are not computed from the data: src/modules/reported/reported.int.test.ts.
    expect(Object.keys(TOWNSHIP_2020).sort()).toEqual(
      INDICATORS.filter((i) => !i.reported)
        .map((i) => i.id)
        .sort(),
    );
  });
});

describeEachDialect('indicator values on the hand-built data', (t) => {
  beforeAll(async () => {
    await buildHandData(t.db);
  });

  it('gives every indicator of the township for 2020 as worked out by hand', async () => {
    const rows = await computeIndicatorValues(t.db, WHOLE_TREE, {
      orgCode: TOWNSHIP,
      period: '2020',
      depth: 0,
    });
    expect(rows).toHaveLength(INDICATORS.length);
    expectCells(cells(rows, TOWNSHIP), TOWNSHIP_2020);
    const coverage = rows.find((r) => r.indicator === 'records.coverage')!;
    expect(coverage.value).toBeCloseTo(8 / 150, 12);
    expect(rows.find((r) => r.indicator === 'diabetes.guidance_rate')!.value).toBeNull();
    expect(rows.find((r) => r.indicator === 'records.total')!.value).toBe(8);
  });

  it('counts people where they live now and splits the villages by hand', async () => {
    const rows = await computeIndicatorValues(t.db, WHOLE_TREE, {
      orgCode: TOWNSHIP,
      period: '2020',
      depth: 1,
    });
    expect(new Set(rows.map((r) => r.org))).toEqual(new Set([TOWNSHIP, V1, V2]));
    expectCells(cells(rows, V1), {
      'records.total': [3, null],
      'records.electronic_coverage': [2, 100],
      'elderly.managed': [0, null],
      'hypertension.managed': [2, null],
      'health_education.lectures': [1, null],
    });
    expectCells(cells(rows, V2), {
      'records.total': [5, null],
      'records.duplicates': [1, null],
      'elderly.managed': [1, null],
      'diabetes.managed': [1, null],
      'health_education.boards': [1, null],
    });
  });

  it('answers earlier periods year to date: mid-year enrolment, death and pro-rating', async () => {
    const h1 = cells(
      await computeIndicatorValues(t.db, WHOLE_TREE, { orgCode: TOWNSHIP, period: '2020H1' }),
      TOWNSHIP,
    );
    expectCells(h1, {
      // R2 enrolled 1 July is not yet managed; R3 died 1 May; R1 has 2 follow-ups, 2 needed by June.
      'hypertension.managed': [1, null],
      'hypertension.effectively_managed': [1, null],
      'hypertension.control_rate': [1, 1],
      // R9 still enrolled: followed up, latest (May) not regular.
      'tuberculosis.followup_rate': [1, 1],
      'tuberculosis.regular_medication_rate': [0, 1],
      // One child visit is enough by June (ceil(2 × 6 / 12) = 1).
      'child.systematic_management_rate': [1, 1],
      // Only January's diabetes follow-up remains.
      'diabetes.followup2_rate': [0, 1],
      'maternal.postpartum_42d_rate': [0, 1],
    });
    const q3 = cells(
      await computeIndicatorValues(t.db, WHOLE_TREE, { orgCode: TOWNSHIP, period: '2020Q3' }),
      TOWNSHIP,
    );
    // R1: 3 follow-ups, ceil(4 × 9 / 12) = 3; R2 (1 follow-up) is not; R10 has 3 of 3.
    // R9's enrolment ended on 30 September, the period end itself: no longer managed.
    expectCells(q3, {
      'hypertension.effectively_managed': [1, null],
      'hypertension.standardized_rate': [1, 2],
      'severe_mental.standardized_rate': [1, 1],
      'tuberculosis.managed': [0, null],
    });
    const sept2 = cells(
      await computeIndicatorValues(t.db, WHOLE_TREE, { orgCode: TOWNSHIP, period: '2020-09-2' }),
      TOWNSHIP,
    );
    expectCells(sept2, { 'tuberculosis.managed': [1, null] });
    const march = cells(
      await computeIndicatorValues(t.db, WHOLE_TREE, { orgCode: TOWNSHIP, period: '2020-03' }),
      TOWNSHIP,
    );
    // At 31 March R3 is still alive (dies 1 May), R6 already gone (moved out 1 March): 9 present.
    expectCells(march, { 'tuberculosis.regular_medication_rate': [1, 1], 'records.total': [9, null] });
  });

  it('answers a 旬 with HEARTS windows reaching into the previous year', async () => {
    // 10 March 2020: R1 (registered 1 May 2019, never seen yet) is under care, registration
    // being a contact within the 12 months, with no visit in 3 months; R3 (alive then) was
    // last seen 1 Oct 2019: under care, no visit in 3 months either. Nobody is lost.
    const dekad = cells(
      await computeIndicatorValues(t.db, WHOLE_TREE, { orgCode: TOWNSHIP, period: '2020-03-1' }),
      TOWNSHIP,
    );
    expectCells(dekad, {
      'hypertension.hearts_cohort': [2, null],
      'hypertension.hearts_under_care': [2, null],
      'hypertension.hearts_missed_visit_rate': [2, 2],
      'hypertension.hearts_ltfu_rate': [0, 2],
      'health_education.lectures': [1, null],
    });
    // 10 June: window from 10 March holds R1's backdated 15 March follow-up (150/95).
    const june = cells(
      await computeIndicatorValues(t.db, WHOLE_TREE, { orgCode: TOWNSHIP, period: '2020-06-1' }),
      TOWNSHIP,
    );
    expectCells(june, {
      'hypertension.hearts_cohort': [1, null],
      'hypertension.hearts_uncontrolled_rate': [1, 1],
      'hypertension.followup2_rate': [0, 1],
    });
  });

  it('rolls up to the county, city and province as sums', async () => {
    const rows = await computeIndicatorValues(t.db, WHOLE_TREE, {
      orgCode: '620000',
      period: '2020',
      depth: 4,
      ids: ['records.total', 'hypertension.control_rate'],
    });
    for (const code of ['620000', '620800', '620881', TOWNSHIP]) {
      expect(cells(rows, code)['records.total']).toEqual([8, null]);
      expect(cells(rows, code)['hypertension.control_rate']).toEqual([1, 2]);
    }
    expect(rows.filter((r) => r.org === '620000').map((r) => r.indicator)).toEqual([
      'records.total',
      'hypertension.control_rate',
    ]);
  });

  it('equals the plain SQL recomputation for several periods', async () => {
    for (const period of ['2020', '2020H1', '2020Q3', '2020-03-1', '2020-02-3', '2019']) {
      const fast = await computeIndicatorValues(t.db, WHOLE_TREE, { orgCode: '620000', period, depth: 4 });
      const slow = await computeIndicatorValuesBaseline(t.db, WHOLE_TREE, {
        orgCode: '620000',
        period,
        depth: 4,
      });
      expect(fast).toEqual(slow);
    }
  });

  it('answers a year without services from the raw rows, as the plain recomputation, storing nothing', async () => {
    const maintained = await loadFactYears(t.db.kysely);
    expect(maintained).not.toContain(2021);
    for (const period of ['2021', '2021-03-1', '2018']) {
      const query = { orgCode: '620000', period, depth: 4 };
      const fast = await computeIndicatorValues(t.db, WHOLE_TREE, query);
      expect(fast).toEqual(await computeIndicatorValuesBaseline(t.db, WHOLE_TREE, query));
      if (period === '2021') expect(cells(fast, TOWNSHIP)['records.total']![0]).toBeGreaterThan(0); // records live on
    }
    expect(await loadFactYears(t.db.kysely)).toEqual(maintained);
  });

  it('rebuilds the same facts from the raw rows (recomputeAllFacts)', async () => {
    const query = { orgCode: '620000', period: '2020Q2', depth: 4 };
    const before = await computeIndicatorValues(t.db, WHOLE_TREE, query);
    const tallies = async (): Promise<unknown[]> =>
      t.db.kysely
        .withTables<IndicatorTables>()
        .selectFrom('indicator_tallies')
        .select(['year', 'slot', 'org_code', 'term', 'n'])
        .where('n', '!=', 0)
        .orderBy(['year', 'slot', 'org_code', 'term'])
        .execute()
        .then((rows) =>
          rows.map((r) => ({ ...r, n: Number(r.n), year: Number(r.year), slot: Number(r.slot) })),
        );
    const incremental = await tallies();
    expect(await recomputeAllFacts(t.db)).toEqual({ years: [2019, 2020] });
    expect(await tallies()).toEqual(incremental);
    expect(await computeIndicatorValues(t.db, WHOLE_TREE, query)).toEqual(before);
  });

  it('rejects unknown orgs, periods and ids with a clear message', async () => {
    await expect(
      computeIndicatorValues(t.db, WHOLE_TREE, { orgCode: '999999', period: '2020' }),
    ).rejects.toThrow(/org '999999'/);
    await expect(
      computeIndicatorValues(t.db, WHOLE_TREE, { orgCode: TOWNSHIP, period: '2020Q5' }),
    ).rejects.toThrow(/2020Q5/);
    await expect(
      computeIndicatorValues(t.db, WHOLE_TREE, { orgCode: TOWNSHIP, period: '2020', ids: ['nope.x'] }),
    ).rejects.toThrow(/nope\.x/);
  });
});
