import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
import { withTrailTables } from '../access-trail/trail-tables.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { moveResident, upsertResidents } from './residents-repository.js';
import { upsertServices } from './services-repository.js';
import {
  FIXTURE_ORGS,
  OTHER_ORGS,
  fixtureResident,
  insertFixtureOrgs,
  insertOtherOrgs,
} from './records.fixture.js';

const V1 = FIXTURE_ORGS.village;
const V2 = FIXTURE_ORGS.otherVillage;

/** Resident `seq` of village `village` (its record number starts with the village code). */
const residentOf = (village: string, seq: number) =>
  fixtureResident(seq, { recordNo: `${village}${String(seq).padStart(5, '0')}`, orgCode: village });

const followup = (recordNo: string, serviceDate: string, extra: object = {}) => ({
  recordNo,
  type: 'hypertension_followup',
  serviceDate,
  payload: { sbp: 150, dbp: 95, controlled: false, guidance: true },
  ...extra,
});

describeEachDialect('records REST API within the caller scope', (t) => {
  let app: FastifyInstance;
  /** A team at the first village, and one at the second. */
  let team1: SignedInClient;
  let team2: SignedInClient;
  /** A centre of another township of the same county. */
  let otherCentre: SignedInClient;
  const inV1 = residentOf(V1, 1);
  const inV2 = residentOf(V2, 2);
  const inOtherTownship = residentOf(OTHER_ORGS.village, 3);
  /** Registered in the first village, since moved to the second: its record number still says V1. */
  const movedAway = residentOf(V1, 4);

  beforeAll(async () => {
    await insertFixtureOrgs(t.db.kysely);
    await insertOtherOrgs(t.db.kysely);
    await t.db.kysely
      .transaction()
      .execute((trx) => upsertResidents(trx, WHOLE_TREE, [inV1, inV2, inOtherTownship, movedAway]));
    await t.db.kysely.transaction().execute((trx) => moveResident(trx, WHOLE_TREE, movedAway.recordNo, V2));
    await t.db.kysely
      .transaction()
      .execute((trx) =>
        upsertServices(trx, WHOLE_TREE, [
          { ...followup(inV2.recordNo, '2020-03-01'), serviceNo: 'HIS-V2-1' } as never,
          followup(inV1.recordNo, '2020-03-01') as never,
        ]),
      );
    app = await buildApp({ db: t.db, backgroundJobs: false });
    team1 = await signInAs(app, t.db, 'team', V1);
    team2 = await signInAs(app, t.db, 'team', V2);
    otherCentre = await signInAs(app, t.db, 'centre', OTHER_ORGS.township);
  });
  afterAll(async () => app?.close());

  const count = async (table: 'residents' | 'services' | 'enrollments'): Promise<number> => {
    const row = await t.db.kysely
      .selectFrom(table)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const storedResident = (recordNo: string) =>
    t.db.kysely
      .selectFrom('residents')
      .select(['name', 'org_code', 'death_date'])
      .where('record_no', '=', recordNo)
      .executeTakeFirstOrThrow();

  describe('a team at a village', () => {
    it('cannot record a service for a resident of another village: 403 naming the item, nothing stored', async () => {
      const before = await count('services');
      const res = await team1.inject({
        method: 'POST',
        url: '/api/services',
        payload: [followup(inV1.recordNo, '2020-04-01'), followup(inV2.recordNo, '2020-04-01')],
      });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: 'forbidden', field: 'items.1.recordNo' });
      expect(res.json().issues).toEqual([expect.objectContaining({ field: 'items.1.recordNo' })]);
      expect(await count('services')).toBe(before);
      // The same service of its own resident lands.
      const own = await team1.inject({
        method: 'POST',
        url: '/api/services',
        payload: [followup(inV1.recordNo, '2020-04-01')],
      });
      expect(own.json()).toEqual({ inserted: 1, updated: 0 });
      // An unknown record number is still a mistake (400), not a refusal.
      const unknown = await team1.inject({
        method: 'POST',
        url: '/api/services',
        payload: [followup(`${V1}99999`, '2020-04-01')],
      });
      expect(unknown.statusCode).toBe(400);
    });

    it('cannot overwrite a resident whose record number lies outside its scope', async () => {
      // A valid row of the first village whose record number is stored for a resident now of
      // the second: an upsert would take the resident back into the team's scope.
      const takeover = { ...movedAway, name: '冒名' };
      const res = await team1.inject({
        method: 'POST',
        url: '/api/residents',
        payload: [residentOf(V1, 6), takeover],
      });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: 'forbidden', field: 'items.1.recordNo' });
      expect(res.json().issues).toHaveLength(1);
      expect(res.body).not.toContain('冒名');
      expect(await storedResident(movedAway.recordNo)).toEqual({
        name: movedAway.name,
        org_code: V2,
        death_date: null,
      });
      // A resident of another village as such: refused on its village.
      const beside = await team1.inject({
        method: 'POST',
        url: '/api/residents',
        payload: [residentOf(V1, 7), residentOf(V2, 8)],
      });
      expect(beside.statusCode).toBe(403);
      expect(beside.json().issues).toEqual([expect.objectContaining({ field: 'items.1.orgCode' })]);
      expect(await count('residents')).toBe(4);
    });

    it("cannot overwrite another village's service through its service number", async () => {
      const res = await team1.inject({
        method: 'POST',
        url: '/api/services',
        payload: [followup(inV1.recordNo, '2020-05-01', { serviceNo: 'HIS-V2-1' })],
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().issues).toEqual([expect.objectContaining({ field: 'items.0.serviceNo' })]);
      const stored = await t.db.kysely
        .selectFrom('services as s')
        .innerJoin('residents as r', 'r.id', 's.resident_id')
        .select(['r.record_no', 's.service_date'])
        .where('s.service_key', '=', 'no:HIS-V2-1')
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ record_no: inV2.recordNo, service_date: '2020-03-01' });
    });

    it('cannot enrol, delete a service of, or change a resident of another village', async () => {
      const enrol = await team1.inject({
        method: 'POST',
        url: '/api/enrollments',
        payload: [{ recordNo: inV2.recordNo, program: 'hypertension', startDate: '2019-05-01' }],
      });
      expect(enrol.statusCode).toBe(403);
      expect(enrol.json().issues).toEqual([expect.objectContaining({ field: 'items.0.recordNo' })]);
      expect(await count('enrollments')).toBe(0);

      const service = await t.db.kysely
        .selectFrom('services')
        .select('id')
        .where('service_key', '=', 'no:HIS-V2-1')
        .executeTakeFirstOrThrow();
      const remove = await team1.inject({ method: 'DELETE', url: `/api/services/${service.id}` });
      expect(remove.statusCode).toBe(404);
      expect(
        await t.db.kysely.selectFrom('services').select('id').where('id', '=', service.id).execute(),
      ).toHaveLength(1);

      const death = await team1.inject({
        method: 'POST',
        url: `/api/residents/${inV2.recordNo}/death`,
        payload: { date: '2020-05-03' },
      });
      expect(death.statusCode).toBe(404);
      expect((await storedResident(inV2.recordNo)).death_date).toBeNull();

      const move = await team1.inject({
        method: 'POST',
        url: `/api/residents/${inV1.recordNo}/move`,
        payload: { orgCode: V2 },
      });
      expect(move.statusCode).toBe(403);
      expect(move.json().field).toBe('orgCode');
      expect((await storedResident(inV1.recordNo)).org_code).toBe(V1);
    });

    it('does not delete a service recorded at its village for a resident who lives elsewhere', async () => {
      // Recorded at the first village's clinic for the resident of the second village.
      await t.db.kysely
        .transaction()
        .execute((trx) =>
          upsertServices(trx, WHOLE_TREE, [
            { ...followup(inV2.recordNo, '2020-06-01'), orgCode: V1 } as never,
          ]),
        );
      const row = await t.db.kysely
        .selectFrom('services')
        .select('id')
        .where('service_key', '=', `${inV2.recordNo}|hypertension_followup|2020-06-01`)
        .executeTakeFirstOrThrow();
      expect((await team1.inject({ method: 'DELETE', url: `/api/services/${row.id}` })).statusCode).toBe(404);
      const overwrite = await team1.inject({
        method: 'POST',
        url: '/api/services',
        payload: [{ ...followup(inV2.recordNo, '2020-06-01'), orgCode: V1 }],
      });
      expect(overwrite.statusCode).toBe(403);
      // The second village's team may not delete it either: it happened elsewhere.
      expect((await team2.inject({ method: 'DELETE', url: `/api/services/${row.id}` })).statusCode).toBe(404);
      expect(
        await t.db.kysely.selectFrom('services').select('id').where('id', '=', row.id).execute(),
      ).toHaveLength(1);
    });

    it('reads only its own residents', async () => {
      expect((await team1.inject({ method: 'GET', url: `/api/residents/${inV1.recordNo}` })).statusCode).toBe(
        200,
      );
      expect((await team1.inject({ method: 'GET', url: `/api/residents/${inV2.recordNo}` })).statusCode).toBe(
        404,
      );
    });
  });

  it('a centre cannot read or change a resident of another township', async () => {
    const read = await otherCentre.inject({ method: 'GET', url: `/api/residents/${inV1.recordNo}` });
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain(inV1.idNumber!);
    const own = await otherCentre.inject({
      method: 'GET',
      url: `/api/residents/${inOtherTownship.recordNo}`,
    });
    expect(own.statusCode).toBe(200);
    const write = await otherCentre.inject({
      method: 'POST',
      url: '/api/residents',
      payload: [{ ...inV1, name: '改名' }],
    });
    expect(write.statusCode).toBe(403);
    expect((await storedResident(inV1.recordNo)).name).toBe(inV1.name);
  });

  it('writes every resident view to the access trail under the username, and every refusal', async () => {
    const res = await team1.inject({ method: 'GET', url: `/api/residents/${inV1.recordNo}` });
    expect(res.statusCode).toBe(200);
    const trail = withTrailTables(t.db.kysely);
    const views = await trail
      .selectFrom('access_trail')
      .select(['actor', 'role', 'action', 'object_type', 'object_id', 'org_code', 'county_code', 'outcome'])
      .where('action', '=', 'resident.read')
      .where('actor', '=', team1.username)
      .execute();
    expect(views).toContainEqual({
      actor: team1.username,
      role: 'team',
      action: 'resident.read',
      object_type: 'resident',
      object_id: inV1.recordNo,
      org_code: V1,
      county_code: '620881',
      outcome: 'allowed',
    });
    const refused = await trail
      .selectFrom('access_trail')
      .select(['action', 'outcome'])
      .where('actor', '=', team1.username)
      .where('outcome', '=', 'refused')
      .execute();
    expect(refused).toContainEqual({ action: 'POST /api/services', outcome: 'refused' });
    // The trail names record numbers, never a person's ID number, name or phone.
    const all = JSON.stringify(await trail.selectFrom('access_trail').selectAll().execute());
    expect(all).not.toContain(inV1.idNumber!);
    expect(all).not.toContain(inV1.phone!);
  });
});
