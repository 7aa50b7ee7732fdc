/**
 * The hand-worked contracts data set shared by the contracts tests: two villages of one
 * township, seven residents, two teams and seven contracts (see buildData).
 */
import type { Db } from '../../db/database.js';
import type { EnrollmentInput, ResidentInput, ServiceInput } from '../../domain/records/inputs.js';
import { insertOrgTree, recordNo, TOWNSHIP, V1, V2 } from '../indicators/indicators.fixture.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { fixtureResident, elderlyCheckupPayload } from '../records/records.fixture.js';
import { upsertEnrollments } from '../records/enrollments-repository.js';
import { upsertResidents } from '../records/residents-repository.js';
import { upsertServices } from '../records/services-repository.js';

/** The import's today. */
export const TODAY = '2020-12-31';

function resident(seq: number, village: string, birthDate: string): ResidentInput {
  return fixtureResident(seq, {
    recordNo: recordNo(seq, village),
    orgCode: village,
    // An ID number of the birth date and the sequence: the lists must mask it.
    idNumber: `620881${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}1`,
    birthDate,
  });
}
function enrol(no: string, program: EnrollmentInput['program'], startDate: string): EnrollmentInput {
  return { recordNo: no, program, startDate, endDate: null, endReason: null, detail: null };
}
/** Resident 1 of the first village. */
export const R1 = recordNo(1, V1);
/** Resident 3 of the first village. */
export const R3 = recordNo(3, V1);

/**
 * The hand-worked data set (2020H1, E = 2020-06-30, population 10 + 10):
 * R1 born 1950, hypertension; C1 2019-04-01 (ends 2020-03-31) renewed by C2 2020-04-01
 *   (chronic), follow-up 2020-05-01 → active, key (elderly, hypertension), due + renewed, fulfilled.
 * R2 born 1990: C3 basic 2020-02-01, no services → active only.
 * R3 born 1955-06-30: C4 elderly package signed 2020-06-30 (65 that day), check-up that day → key elderly, fulfilled.
 * R4 born 1950: no contract → elderly denominator only.
 * R5 born 2016: C5 2019-03-01 (ends 2020-02-28), not renewed → child denominator, due.
 * R6 (V2) born 1980, diabetes: C6 2020-01-10 terminated 2020-03-01 → diabetes denominator only.
 * R7 (V2) born 1980: C7 2020-05-01 disabled → active, key disabled.
 */
export async function buildData(db: Db): Promise<void> {
  const k = db.kysely;
  await insertOrgTree(k);
  await k
    .insertInto('org_population')
    .values(
      [V1, V2].map((org_code) => ({
        org_code,
        year: 2020,
        total: 10,
        age_0_6: null,
        age_65_plus: null,
        age_15_plus: null,
        age_18_plus: null,
        women_15_49: null,
        live_births: null,
      })),
    )
    .execute();
  await k.transaction().execute(async (trx) => {
    await upsertResidents(
      trx,
      WHOLE_TREE,
      [
        resident(1, V1, '1950-01-01'),
        resident(2, V1, '1990-01-01'),
        resident(3, V1, '1955-06-30'),
        resident(4, V1, '1950-01-01'),
        resident(5, V1, '2016-01-01'),
        resident(6, V2, '1980-01-01'),
        resident(7, V2, '1980-01-01'),
      ],
      TODAY,
    );
    await upsertEnrollments(
      trx,
      WHOLE_TREE,
      [enrol(R1, 'hypertension', '2019-01-01'), enrol(recordNo(6, V2), 'diabetes', '2019-01-01')],
      TODAY,
    );
    await upsertServices(
      trx,
      WHOLE_TREE,
      [
        {
          serviceNo: 'h1',
          recordNo: R1,
          type: 'hypertension_followup',
          serviceDate: '2020-05-01',
          orgCode: null,
          institution: null,
          doctor: null,
          payload: {
            sbp: 130,
            dbp: 80,
            heartRate: null,
            controlled: true,
            guidance: true,
            medicationAdherence: null,
            symptoms: null,
          },
        } as ServiceInput,
        {
          serviceNo: 'e3',
          recordNo: R3,
          type: 'elderly_checkup',
          serviceDate: '2020-06-30',
          orgCode: null,
          institution: null,
          doctor: null,
          payload: elderlyCheckupPayload({ sbpRight: 132, dbpRight: 82, fastingGlucose: 6.5 }),
        } as ServiceInput,
      ],
      { today: TODAY },
    );
  });
}

/** The teams file, as CSV lines. */
export const TEAM_LINES = [
  '团队编号,团队名称,机构编码,团队成员,服务村居',
  `T1,第一团队,${TOWNSHIP},张伟:医生;李娜:护士;王芳:公卫人员,${V1}`,
  `T2,第二团队,${TOWNSHIP},赵强:医生,${V2}`,
];

/** The header of the contracts file. */
export const CONTRACT_HEADER = [
  '签约编号',
  '档案编号',
  '团队编号',
  '签约日期',
  '签约年限',
  '到期日期',
  '服务包',
  '残疾人',
  '解约日期',
  '解约原因',
];
/** The contracts C1–C7 of buildData's comment. */
export const CONTRACT_ROWS: (string | null)[][] = [
  // C2 before C1: the import orders by signing, so C2 still finds C1 as its predecessor.
  ['C2', R1, 'T1', '2020年4月1日', null, null, '慢病服务包', '否', null, null],
  ['C1', R1, 'T1', '2019-04-01', '1', null, 'chronic', null, null, null],
  ['C3', recordNo(2, V1), 'T1', '2020-02-01', null, null, null, null, null, null],
  ['C4', R3, 'T1', '2020-06-30', null, null, '老年人服务包', null, null, null],
  ['C5', recordNo(5, V1), 'T1', '2019-03-01', null, '2020-02-28', '基础服务包', null, null, null],
  ['C6', recordNo(6, V2), 'T2', '2020-01-10', null, null, null, null, '2020-03-01', '居民申请解约'],
  ['C7', recordNo(7, V2), 'T2', '2020-05-01', null, null, null, '是', null, null],
];
