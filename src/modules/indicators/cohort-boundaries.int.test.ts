/**
 * The cohorts by age (vaccination coverage, TCM health management of children) at their
 * boundary days, through the database: hand-built children written as a clinic records them,
 * then the values read from the maintained facts and from the plain recount at two 旬 ends
 * without any write in between, so that a child who reaches an age with no new record is seen
 * to enter (or leave) a denominator. The rules are tested in src/domain/indicators/
 * vaccines.test.ts and terms.test.ts; the expected counts are worked out by hand below.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import type { ServiceInput } from '../../domain/records/inputs.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { fixtureResident } from '../records/records.fixture.js';
import { writeEnrollments, writeResidents, writeServices } from '../records/write-records.js';
import { computeIndicatorValuesBaseline } from './indicator-baseline.js';
import { computeIndicatorValues } from './indicator-values.js';
import { insertOrgTree, recordNo, V1 } from './indicators.fixture.js';

type Cell = [numerator: number, denominator: number | null];

const CHILDREN: readonly { seq: number; birth: string; services: [string, string, object][] }[] = [
  // 1: 8 months on 30 June (MMR due that day), hepatitis B complete for its age, nothing written after April.
  {
    seq: 1,
    birth: '2019-10-30',
    services: [
      ['vaccination', '2019-10-30', { vaccine: '乙肝疫苗', dose: 1 }],
      ['vaccination', '2019-11-30', { vaccine: '乙肝疫苗', dose: 2 }],
      ['vaccination', '2020-04-30', { vaccine: '乙肝疫苗', dose: 3 }],
    ],
  },
  // 2: born on a leap day; BCG and two doses of hepatitis B (the third is due on 29 August).
  {
    seq: 2,
    birth: '2020-02-29',
    services: [
      ['vaccination', '2020-02-29', { vaccine: '卡介苗', dose: 1 }],
      ['vaccination', '2020-02-29', { vaccine: '乙肝疫苗', dose: 1 }],
      ['vaccination', '2020-03-29', { vaccine: '乙肝疫苗', dose: 2 }],
    ],
  },
  // 3: 7 on 30 June: in the cohorts on 20 June (BCG and both MMR doses given), in none on 30 June.
  {
    seq: 3,
    birth: '2013-06-30',
    services: [
      ['vaccination', '2013-07-01', { vaccine: 'BCG', dose: 1 }],
      ['vaccination', '2014-03-05', { vaccine: '麻腮风', dose: 1 }],
      ['vaccination', '2015-01-05', { vaccine: '麻腮风', dose: 2 }],
    ],
  },
  // 4: born on the period end: due BCG and hepatitis B that day, not yet vaccinated.
  { seq: 4, birth: '2020-06-30', services: [] },
  // 5: 36 months on 31 May, 37 on 30 June: TCM guidance at 36 months, out of the 0–36 cohort on 30 June.
  {
    seq: 5,
    birth: '2017-05-31',
    services: [['tcm_child', '2020-05-31', { ageMonths: 36, methodTaught: true }]],
  },
  // 6: 6 months on 30 June, TCM guidance that day.
  {
    seq: 6,
    birth: '2019-12-31',
    services: [['tcm_child', '2020-06-30', { ageMonths: 6, methodTaught: true }]],
  },
];
const ELDERLY = 7;

const IDS = [
  'vaccination.bcg_coverage',
  'vaccination.hepb_coverage',
  'vaccination.mmr_coverage',
  'child.tcm_management_rate',
  'elderly.tcm_management_rate',
];

const EXPECTED: Record<string, Record<string, Cell>> = {
  // 20 June: 4 not born; 3 is 6 (BCG given in 2013); 1 not yet 8 months; 5 still 36 months.
  '2020-06-2': {
    'vaccination.bcg_coverage': [2, 5], // due 1, 2, 3, 5, 6; given 2, 3
    'vaccination.hepb_coverage': [2, 5], // complete for their age: 1 (3 doses), 2 (2 doses)
    'vaccination.mmr_coverage': [1, 2], // due 3 and 5; given 3
    'child.tcm_management_rate': [1, 4], // 0–36 months: 1, 2, 5, 6; served 5
    'elderly.tcm_management_rate': [1, 1],
  },
  // 30 June: 4 born, 3 aged 7, 1 reaches 8 months, 5 reaches 37 months, 6 served.
  '2020Q2': {
    'vaccination.bcg_coverage': [1, 5], // due 1, 2, 4, 5, 6; given 2
    'vaccination.hepb_coverage': [2, 5], // 6 is due its third dose (6 months) with none
    'vaccination.mmr_coverage': [0, 2], // due 1 (entered with no record) and 5; 3 left
    'child.tcm_management_rate': [1, 4], // 0–36 months: 1, 2, 4, 6; served 6
    'elderly.tcm_management_rate': [1, 1],
  },
};

function service(seq: number, n: number, [type, date, payload]: [string, string, object]): ServiceInput {
  return {
    serviceNo: `k-${seq}-${n}`,
    recordNo: recordNo(seq),
    type,
    serviceDate: date,
    orgCode: null,
    institution: null,
    doctor: null,
    payload,
  } as ServiceInput;
}

describeEachDialect('cohorts by age at their boundary days', (t) => {
  beforeAll(async () => {
    await insertOrgTree(t.db.kysely);
    await writeResidents(t.db, WHOLE_TREE, [
      ...CHILDREN.map((c) =>
        fixtureResident(c.seq, {
          recordNo: recordNo(c.seq),
          orgCode: V1,
          idNumber: null,
          birthDate: c.birth,
          recordCreated: c.birth,
        }),
      ),
      fixtureResident(ELDERLY, { recordNo: recordNo(ELDERLY), orgCode: V1, idNumber: null }),
    ]);
    await writeEnrollments(t.db, WHOLE_TREE, [
      ...CHILDREN.map((c) => ({
        recordNo: recordNo(c.seq),
        program: 'child' as const,
        startDate: c.birth,
        endDate: null,
        endReason: null,
        detail: null,
      })),
      {
        recordNo: recordNo(ELDERLY),
        program: 'elderly' as const,
        startDate: '2019-01-01',
        endDate: null,
        endReason: null,
        detail: null,
      },
    ]);
    // One write per child, as clinics record them; nothing is written after the last one.
    for (const c of CHILDREN)
      if (c.services.length > 0)
        await writeServices(
          t.db,
          WHOLE_TREE,
          c.services.map((s, n) => service(c.seq, n, s)),
        );
    await writeServices(t.db, WHOLE_TREE, [
      service(ELDERLY, 0, [
        'tcm_elderly',
        '2020-05-05',
        { constitution: 'yang_deficiency', tcmGuidance: true },
      ]),
    ]);
  });

  it('moves children in and out of the cohorts as they age, from the facts and from the recount', async () => {
    for (const [period, expected] of Object.entries(EXPECTED)) {
      const query = { orgCode: V1, period, ids: IDS };
      const facts = await computeIndicatorValues(t.db, WHOLE_TREE, query);
      const recount = await computeIndicatorValuesBaseline(t.db, WHOLE_TREE, query);
      for (const rows of [facts, recount]) {
        const got: Record<string, Cell> = {};
        for (const r of rows.filter((x) => x.org === V1)) got[r.indicator] = [r.numerator, r.denominator];
        expect(got, period).toEqual(expected);
      }
      expect(facts).toEqual(recount);
    }
  });
});
