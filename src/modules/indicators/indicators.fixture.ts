/**
 * A small, hand-built data set for the indicator tests: one township with two villages,
 * ten residents whose indicator values are worked out by hand in the tests. Written through
 * the records writers, so the maintained facts are produced the way production produces them.
 */
import type { Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { PROVINCE_AND_CITY_ROWS } from '../../../bench/bench-city.js';
import type { EnrollmentInput, ResidentInput, ServiceInput } from '../../domain/records/inputs.js';
import {
  insertFixtureOrgs,
  fixtureResident,
  FIXTURE_ORGS,
  elderlyCheckupPayload,
} from '../records/records.fixture.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { endEnrollment, upsertEnrollments } from '../records/enrollments-repository.js';
import {
  moveResident,
  recordDeath,
  recordMoveOut,
  upsertResidents,
} from '../records/residents-repository.js';
import { deleteService, upsertServices } from '../records/services-repository.js';

/** Village codes of the fixture. */
export const V1 = FIXTURE_ORGS.village;
/** The second village. */
export const V2 = FIXTURE_ORGS.otherVillage;
/** The township holding both villages. */
export const TOWNSHIP = FIXTURE_ORGS.township;

/** Record number of resident `seq` registered in `village`. */
export function recordNo(seq: number, village: string = V1): string {
  return `${village}${String(seq).padStart(5, '0')}`;
}

/** Inserts province and city rows above the records fixture's county, and the fixture orgs. */
export async function insertOrgTree(k: Kysely<Database>): Promise<void> {
  await k
    .insertInto('orgs')
    .values([...PROVINCE_AND_CITY_ROWS])
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await insertFixtureOrgs(k);
}

/** Inserts a village `code` beside V1 (same township, no population): an org the tree gains. */
export async function insertVillageBesideV1(k: Kysely<Database>, code: string, name: string): Promise<void> {
  const village = await k.selectFrom('orgs').selectAll().where('code', '=', V1).executeTakeFirstOrThrow();
  await k
    .insertInto('orgs')
    .values({ ...village, code, name })
    .execute();
}

function resident(seq: number, village: string, overrides: Partial<ResidentInput> = {}): ResidentInput {
  return fixtureResident(seq, {
    recordNo: recordNo(seq, village),
    orgCode: village,
    idNumber: null,
    ...overrides,
  });
}

function enrol(
  no: string,
  program: EnrollmentInput['program'],
  startDate: string,
  endDate: string | null = null,
): EnrollmentInput {
  return { recordNo: no, program, startDate, endDate, endReason: endDate ? '结案' : null, detail: null };
}

function svc(
  serviceNo: string,
  no: string | null,
  type: ServiceInput['type'],
  serviceDate: string,
  payload: object,
  orgCode: string | null = null,
): ServiceInput {
  return {
    serviceNo,
    recordNo: no,
    type,
    serviceDate,
    orgCode,
    institution: null,
    doctor: null,
    payload,
  } as ServiceInput;
}

const htn = (sbp: number, dbp: number, guidance: boolean): object => ({
  sbp,
  dbp,
  heartRate: null,
  controlled: sbp < 140 && dbp < 90,
  guidance,
  medicationAdherence: null,
  symptoms: null,
});
const dm = (fastingGlucose: number, guidance: boolean): object => ({
  fastingGlucose,
  sbp: null,
  dbp: null,
  controlled: fastingGlucose < 7,
  guidance,
  medicationAdherence: null,
  symptoms: null,
});

/**
 * Builds the hand-worked data set (see indicator-values.int.test.ts for the expected values),
 * in the order that exercises the edge cases: a backdated follow-up recorded last, a
 * correction of a follow-up, a deleted follow-up, a death, a move-out, a move between
 * villages and an enrolment end.
 */
export async function buildHandData(db: Db): Promise<void> {
  const k = db.kysely;
  await insertOrgTree(k);
  await k
    .insertInto('org_population')
    .values([
      {
        org_code: V1,
        year: 2020,
        total: 100,
        age_0_6: 10,
        age_65_plus: 20,
        age_15_plus: 85,
        age_18_plus: 80,
        women_15_49: 25,
        live_births: 1,
      },
      {
        org_code: V2,
        year: 2020,
        total: 50,
        age_0_6: 5,
        age_65_plus: 10,
        age_15_plus: 42,
        age_18_plus: 40,
        women_15_49: 12,
        live_births: 1,
      },
    ])
    .execute();
  const R = (seq: number, v: string = V1): string => recordNo(seq, v);
  await k.transaction().execute(async (trx) => {
    await upsertResidents(trx, WHOLE_TREE, [
      resident(1, V1, { idNumber: '620881195501010011' }),
      resident(2, V1),
      resident(3, V1),
      resident(4, V1),
      resident(5, V2, { idNumber: '620881195501010011', recordCreated: '2019-01-01' }),
      resident(6, V1),
      resident(7, V2, { sex: 'F', birthDate: '1995-04-01' }),
      resident(8, V2, { birthDate: '2020-03-05', recordCreated: '2020-03-05' }),
      resident(9, V1, { electronic: false }),
      resident(10, V2),
    ]);
    await upsertEnrollments(trx, WHOLE_TREE, [
      enrol(R(1), 'hypertension', '2019-05-01'),
      enrol(R(2), 'hypertension', '2020-07-01'),
      enrol(R(3), 'hypertension', '2018-01-01'),
      enrol(R(4), 'elderly', '2019-01-01'),
      enrol(R(4), 'diabetes', '2019-01-01'),
      enrol(R(6), 'elderly', '2019-01-01'),
      enrol(R(7, V2), 'maternal', '2020-02-01', '2020-08-15'),
      enrol(R(8, V2), 'child', '2020-03-05'),
      enrol(R(9), 'tuberculosis', '2020-01-01'),
      enrol(R(10, V2), 'severe_mental', '2019-01-01'),
    ]);
    await upsertServices(trx, WHOLE_TREE, [
      svc('h1-2', R(1), 'hypertension_followup', '2020-06-20', htn(130, 80, false)),
      svc('h1-3', R(1), 'hypertension_followup', '2020-09-10', htn(135, 85, false)),
      svc('h1-4', R(1), 'hypertension_followup', '2020-12-31', htn(150, 92, false)),
      svc('h2-1', R(2), 'hypertension_followup', '2020-08-01', htn(120, 80, false)),
      svc('h2-2', R(2), 'hypertension_followup', '2020-11-05', htn(145, 95, true)),
      svc('h3-1', R(3), 'hypertension_followup', '2019-10-01', htn(150, 90, true)),
      svc(
        'e4-1',
        R(4),
        'elderly_checkup',
        '2020-04-10',
        elderlyCheckupPayload({ sbpRight: 132, dbpRight: 82, fastingGlucose: 6.5 }),
      ),
      svc('d4-1', R(4), 'diabetes_followup', '2020-01-10', dm(6.5, false)),
      svc('d4-2', R(4), 'diabetes_followup', '2020-04-10', dm(8.0, true)),
      svc('m7-1', R(7, V2), 'prenatal_registration', '2020-02-01', { gestationalWeeks: 10 }),
      svc('m7-2', R(7, V2), 'postpartum_visit', '2020-07-20', { deliveryDate: '2020-07-15' }),
      svc('m7-3', R(7, V2), 'postpartum_42d', '2020-08-15', { deliveryDate: '2020-07-15', closed: true }),
      svc('c8-1', R(8, V2), 'newborn_visit', '2020-03-12', { weight: 3.4 }),
      svc('c8-2', R(8, V2), 'vaccination', '2020-03-06', { vaccine: '卡介苗', dose: 1 }),
      svc('c8-3', R(8, V2), 'vaccination', '2020-03-06', { vaccine: 'HepB', dose: 1 }),
      svc('c8-4', R(8, V2), 'child_visit', '2020-06-05', { ageMonths: 3, weight: 6.5, height: 60 }),
      svc('c8-5', R(8, V2), 'tcm_child', '2020-08-10', { ageMonths: 6, methodTaught: true }),
      svc('e4-2', R(4), 'tcm_elderly', '2020-04-10', { constitution: 'qi_deficiency', tcmGuidance: true }),
      svc('t9-1', R(9), 'tb_followup', '2020-02-01', { medicationRegular: true }),
      svc('t9-2', R(9), 'tb_followup', '2020-05-01', { medicationRegular: false }),
      svc('s10-1', R(10, V2), 'mental_followup', '2020-01-05', { condition: 'stable' }),
      svc('s10-2', R(10, V2), 'mental_followup', '2020-04-05', { condition: 'stable' }),
      svc('s10-3', R(10, V2), 'mental_followup', '2020-07-05', { condition: 'stable' }),
      svc(
        'he-1',
        null,
        'health_education',
        '2020-03-01',
        { activityKind: 'lecture', participants: 30, topic: null },
        V1,
      ),
      svc(
        'he-2',
        null,
        'health_education',
        '2020-05-01',
        { activityKind: 'board', participants: 0, topic: null },
        V2,
      ),
    ]);
  });
  // Later transactions: the edge cases.
  await k.transaction().execute(async (trx) => {
    // Backdated: R1's March follow-up is recorded after the later ones.
    await upsertServices(trx, WHOLE_TREE, [
      svc('h1-1', R(1), 'hypertension_followup', '2020-03-15', htn(150, 95, true)),
    ]);
    // Correction: R2's November follow-up was mistyped; re-sent under the same service number.
    await upsertServices(trx, WHOLE_TREE, [
      svc('h2-2', R(2), 'hypertension_followup', '2020-11-05', htn(130, 85, false)),
    ]);
    await recordDeath(trx, WHOLE_TREE, R(3), '2020-05-01');
    await recordMoveOut(trx, WHOLE_TREE, R(6), '2020-03-01');
    await moveResident(trx, WHOLE_TREE, R(4), V2);
    await endEnrollment(trx, WHOLE_TREE, R(9), 'tuberculosis', '2020-09-30', '治愈');
  });
  const d42 = await k
    .selectFrom('services')
    .select('id')
    .where('service_key', '=', 'no:d4-2')
    .executeTakeFirstOrThrow();
  await k.transaction().execute((trx) => deleteService(trx, WHOLE_TREE, Number(d42.id)));
}
