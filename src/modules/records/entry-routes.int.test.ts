import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { localIsoDate } from '../bulletins/local-date.js';
import { buildApp } from '../../server/app.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { upsertEnrollments } from './enrollments-repository.js';
import {
  FIXTURE_ORGS,
  fixtureResident,
  insertFixtureOrgs,
  insertOtherOrgs,
  OTHER_ORGS,
} from './records.fixture.js';
import { upsertResidents } from './residents-repository.js';
import { upsertServices } from './services-repository.js';

const V1 = FIXTURE_ORGS.village;
const today = localIsoDate(new Date());
const year = today.slice(0, 4);
const resident = (village: string, seq: number) =>
  fixtureResident(seq, { recordNo: `${village}${String(seq).padStart(5, '0')}`, orgCode: village });
const patient = resident(V1, 1);
const elder = resident(V1, 2);
const neighbour = resident(V1, 3);
const elsewhere = resident(OTHER_ORGS.village, 4);

/** Key values sharing nothing with the neighbour's check-up. */
const ownValues = {
  sbp: 140,
  dbp: 88,
  dbpRight: 88,
  heartRate: 66,
  fastingGlucose: 5.1,
  weight: 55,
  waist: 70,
};
const followup = (recordNo: string, payload: Record<string, unknown>) => ({
  recordNo,
  type: 'hypertension_followup',
  serviceDate: today,
  payload,
});
const checkup = (recordNo: string, payload: Record<string, unknown>) => ({
  recordNo,
  type: 'elderly_checkup',
  serviceDate: today,
  payload: {
    sbp: 130,
    dbp: 80,
    sbpRight: 130,
    dbpRight: 80,
    heartRate: 72,
    fastingGlucose: 5.6,
    weight: 60,
    waist: 80,
    ...payload,
  },
});

describeEachDialect('entry forms API: check and save with the entry checks', (t) => {
  let app: FastifyInstance;
  let team: SignedInClient;
  let centre: SignedInClient;
  beforeAll(async () => {
    await insertFixtureOrgs(t.db.kysely);
    await insertOtherOrgs(t.db.kysely);
    await t.db.kysely
      .transaction()
      .execute((trx) => upsertResidents(trx, WHOLE_TREE, [patient, elder, neighbour, elsewhere]));
    await t.db.kysely.transaction().execute((trx) =>
      upsertEnrollments(trx, WHOLE_TREE, [
        {
          recordNo: patient.recordNo,
          program: 'hypertension',
          startDate: '2020-01-01',
          endDate: null,
          endReason: null,
          detail: null,
        },
      ]),
    );
    // The neighbour's check-up this year: the six key values the identical check is compared with.
    await t.db.kysely
      .transaction()
      .execute((trx) =>
        upsertServices(trx, WHOLE_TREE, [checkup(neighbour.recordNo, { weight: 71, waist: 91 }) as never]),
      );
    app = await buildApp({ db: t.db, backgroundJobs: false });
    team = await signInAs(app, t.db, 'team', V1);
    centre = await signInAs(app, t.db, 'centre', FIXTURE_ORGS.township);
  });
  afterAll(async () => app?.close());

  const services = async (): Promise<number> => {
    const row = await t.db.kysely
      .selectFrom('services')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const check = (body: object) => team.inject({ method: 'POST', url: '/api/services/check', payload: body });
  const save = (service: object, acknowledge: string[] = []) =>
    team.inject({ method: 'POST', url: '/api/services/entry', payload: { service, acknowledge } });

  it('refuses an out-of-range value naming the field, in check and in save (nothing stored)', async () => {
    const body = followup(patient.recordNo, { sbp: 270, dbp: 90, controlled: false, guidance: true });
    const checked = await check(body);
    expect(checked.statusCode).toBe(200);
    expect(checked.json().refusals).toEqual([
      expect.objectContaining({ check: 'physiological-range', field: 'payload.sbp' }),
    ]);
    const before = await services();
    const saved = await save(body);
    expect(saved.statusCode).toBe(400);
    expect(saved.json()).toMatchObject({ field: 'payload.sbp' });
    expect(saved.json().message).toMatch(/生理范围.*physiological range/);
    expect(await services()).toBe(before);
  });

  it('refuses what the payload schema refuses, as a refusal naming the field', async () => {
    const checked = await check(followup(patient.recordNo, { sbp: 'x', controlled: true, guidance: false }));
    expect(checked.json().refusals).toEqual([
      expect.objectContaining({ check: 'validation', field: 'payload.sbp' }),
    ]);
  });

  it('refuses an uncontrolled reading without guidance', async () => {
    const saved = await save(
      followup(patient.recordNo, { sbp: 150, dbp: 95, controlled: false, guidance: false }),
    );
    expect(saved.statusCode).toBe(400);
    expect(saved.json().field).toBe('payload.guidance');
  });

  it('saves a follow-up and the indicator moves at once', async () => {
    const url = `/api/indicators?org=${V1}&period=${year}&ids=hypertension.control_rate`;
    const numerator = async (): Promise<number> => {
      const res = await centre.inject({ url });
      expect(res.statusCode).toBe(200);
      return Number((res.json() as { numerator: number }[])[0]!.numerator);
    };
    const before = await numerator();
    const saved = await save(
      followup(patient.recordNo, { sbp: 128, dbp: 78, controlled: true, guidance: false }),
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ inserted: 1, updated: 0 });
    expect(await numerator()).toBe(before + 1);
  });

  it('warns about a left–right difference over 10 until acknowledged, and refuses over 20 without advice', async () => {
    const warned = checkup(elder.recordNo, { ...ownValues, sbpRight: 155 });
    expect((await check(warned)).json().warnings).toEqual([
      expect.objectContaining({ check: 'arm-difference' }),
    ]);
    const waiting = await save(warned);
    expect(waiting.statusCode).toBe(422);
    expect(waiting.json().issues).toEqual([expect.objectContaining({ field: 'arm-difference' })]);
    const refused = await save(checkup(elder.recordNo, { ...ownValues, sbpRight: 161 }), ['arm-difference']);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().field).toBe('payload.advice');
    expect((await save(warned, ['arm-difference'])).statusCode).toBe(200);
  });

  it('warns about a check-up matching 4 of 6 key values of another person’s', async () => {
    const same = checkup(elder.recordNo, {});
    const checked = await check(same);
    expect(checked.json().warnings).toEqual([expect.objectContaining({ check: 'identical-checkup' })]);
    expect((await save(same)).statusCode).toBe(422);
  });

  it('refuses a resident outside the team’s village: 404 to check, 403 to save', async () => {
    const body = followup(elsewhere.recordNo, { sbp: 128, dbp: 78, controlled: true, guidance: false });
    expect((await check(body)).statusCode).toBe(404);
    const before = await services();
    const saved = await save(body);
    expect(saved.statusCode).toBe(403);
    expect(saved.json().field).toBe('recordNo');
    expect(await services()).toBe(before);
  });
});
