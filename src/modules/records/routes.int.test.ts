import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
import { localIsoDate } from '../bulletins/local-date.js';
import { FIXTURE_ORGS, fixtureResident, insertFixtureOrgs } from './records.fixture.js';

/** The ISO date after `iso`. */
function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describeEachDialect('records REST API', (t) => {
  let app: FastifyInstance;
  let centre: SignedInClient;
  beforeAll(async () => {
    await insertFixtureOrgs(t.db.kysely);
    app = await buildApp({ db: t.db, backgroundJobs: false });
    centre = await signInAs(app, t.db, 'centre', FIXTURE_ORGS.township);
  });
  afterAll(async () => app?.close());

  const post = (url: string, payload: unknown) =>
    centre.inject({ method: 'POST', url, payload: payload as object });
  const get = (url: string) => centre.inject({ method: 'GET', url });

  it('writes residents and reads one back in full for a role with personal.read', async () => {
    const res = await post('/api/residents', [fixtureResident(1), fixtureResident(2)]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ inserted: 2, updated: 0 });
    const got = await get(`/api/residents/${fixtureResident(1).recordNo}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({
      idNumber: '620881195501010011',
      phone: '13809331234',
      name: '居民1',
      countyCode: '620881',
    });
    expect((await get('/api/residents/62088110020199999')).statusCode).toBe(404);
  });

  it('refuses anonymous callers, and viewers the single-record view', async () => {
    const recordNo = fixtureResident(1).recordNo;
    expect((await app.inject({ method: 'GET', url: `/api/residents/${recordNo}` })).statusCode).toBe(401);
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/residents',
      payload: [fixtureResident(9)],
    });
    expect(anonymous.statusCode).toBe(401);
    const viewer = await signInAs(app, t.db, 'viewer', FIXTURE_ORGS.county);
    const res = await viewer.inject({ method: 'GET', url: `/api/residents/${recordNo}` });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('620881195501010011');
    expect(res.body).not.toContain('居民1');
    const write = await viewer.inject({
      method: 'POST',
      url: '/api/residents',
      payload: [fixtureResident(9)],
    });
    expect(write.statusCode).toBe(403);
    // A bureau reads but does not record: records come from the centres and teams.
    const bureau = await signInAs(app, t.db, 'bureau', FIXTURE_ORGS.county);
    expect((await bureau.inject({ method: 'GET', url: `/api/residents/${recordNo}` })).statusCode).toBe(200);
    const pushed = await bureau.inject({
      method: 'POST',
      url: '/api/residents',
      payload: [fixtureResident(9)],
    });
    expect(pushed.statusCode).toBe(403);
    expect((await get(`/api/residents/${fixtureResident(9).recordNo}`)).statusCode).toBe(404);
  });

  it('refuses a whole batch with per-item errors naming index and field, storing nothing', async () => {
    const res = await post('/api/residents', [
      fixtureResident(3),
      { ...fixtureResident(4), birthDate: '2020-02-30' },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([expect.objectContaining({ field: 'items.1.birthDate' })]);
    expect(res.json().field).toBe('items.1.birthDate');
    const shape = await post('/api/residents', [fixtureResident(3), { ...fixtureResident(4), name: 5 }]);
    expect(shape.statusCode).toBe(400);
    expect(shape.json().message).toMatch(/1\.name/);
    expect((await get(`/api/residents/${fixtureResident(3).recordNo}`)).statusCode).toBe(404);
  });

  it('writes enrolments and services, refusing unknown record numbers and bad payloads by item', async () => {
    const enrol = { recordNo: fixtureResident(1).recordNo, program: 'hypertension', startDate: '2019-05-01' };
    expect((await post('/api/enrollments', [enrol])).json()).toEqual({ inserted: 1, updated: 0 });
    const unknown = await post('/api/enrollments', [enrol, { ...enrol, recordNo: '62088110020199999' }]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().issues).toEqual([expect.objectContaining({ field: 'items.1.recordNo' })]);

    const visit = {
      recordNo: fixtureResident(1).recordNo,
      type: 'hypertension_followup',
      serviceDate: '2020-03-02',
      payload: { sbp: 150, dbp: 95, controlled: false, guidance: true },
    };
    expect((await post('/api/services', [visit])).json()).toEqual({ inserted: 1, updated: 0 });
    expect((await post('/api/services', [visit])).json()).toEqual({ inserted: 0, updated: 1 });
    const bad = await post('/api/services', [{ ...visit, payload: { ...visit.payload, sbp: 20 } }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('sbp');
  });

  it('deletes services and records deaths, move-outs, moves and enrolment ends', async () => {
    const service = await t.db.kysely.selectFrom('services').select('id').executeTakeFirstOrThrow();
    const remove = () => centre.inject({ method: 'DELETE', url: `/api/services/${service.id}` });
    expect((await remove()).statusCode).toBe(204);
    expect((await remove()).statusCode).toBe(404);
    const recordNo = fixtureResident(2).recordNo;
    expect((await post(`/api/residents/${recordNo}/death`, { date: '2020-05-03' })).statusCode).toBe(204);
    expect((await post(`/api/residents/${recordNo}/move-out`, { date: '2020-05-04' })).statusCode).toBe(204);
    expect(
      (await post(`/api/residents/${recordNo}/move`, { orgCode: FIXTURE_ORGS.otherVillage })).statusCode,
    ).toBe(204);
    expect((await post(`/api/residents/${recordNo}/death`, { date: '2020-02-30' })).statusCode).toBe(400);
    expect((await post('/api/residents/62088110020199999/death', { date: '2020-05-03' })).statusCode).toBe(
      404,
    );
    const ended = await post(`/api/residents/${fixtureResident(1).recordNo}/end-enrollment`, {
      program: 'hypertension',
      endDate: '2020-06-01',
      endReason: '迁出',
    });
    expect(ended.statusCode).toBe(204);
    const got = (await get(`/api/residents/${recordNo}`)).json();
    expect(got).toMatchObject({
      deathDate: '2020-05-03',
      movedOutDate: '2020-05-04',
      orgCode: FIXTURE_ORGS.otherVillage,
    });
  });

  it('refuses impossible dates naming each field, every problem of a row at once', async () => {
    const today = localIsoDate(new Date());
    const tomorrow = nextDay(today);
    const born2100 = await post('/api/residents', [
      fixtureResident(20, { birthDate: '2100-01-01', deathDate: '1950-01-01', name: '' }),
    ]);
    expect(born2100.statusCode).toBe(400);
    expect(born2100.json().issues.map((i: { field: string }) => i.field)).toEqual([
      'items.0.name',
      'items.0.birthDate',
      'items.0.birthDate',
      'items.0.deathDate',
    ]);
    expect(born2100.json().issues[1].message).toBe(
      `日期晚于今天（${today}） / date is after today (${today})`,
    );
    expect(born2100.json().issues[2].message).toContain('出生日期晚于建档日期');
    const lateRecord = await post('/api/residents', [fixtureResident(21, { recordCreated: tomorrow })]);
    expect(lateRecord.json().issues).toEqual([expect.objectContaining({ field: 'items.0.recordCreated' })]);
    expect((await get(`/api/residents/${fixtureResident(20).recordNo}`)).statusCode).toBe(404);
    // Born today, with the record made today: possible.
    const newborn = fixtureResident(22, { birthDate: today, recordCreated: today });
    expect((await post('/api/residents', [newborn])).statusCode).toBe(200);

    const dead = fixtureResident(23, { birthDate: '1940-01-01', deathDate: '2020-05-03' });
    expect((await post('/api/residents', [dead])).statusCode).toBe(200);
    const visit = {
      recordNo: dead.recordNo,
      type: 'hypertension_followup',
      serviceDate: '2020-05-03',
      payload: { sbp: 150, dbp: 95, controlled: false, guidance: true },
    };
    expect((await post('/api/services', [visit])).statusCode).toBe(200);
    const afterDeath = await post('/api/services', [
      { ...visit, serviceDate: '2020-05-04' },
      { ...visit, recordNo: newborn.recordNo, serviceDate: nextDay('2020-01-01') },
      { ...visit, recordNo: newborn.recordNo, serviceDate: tomorrow },
    ]);
    expect(afterDeath.statusCode).toBe(400);
    expect(afterDeath.json().issues).toEqual([
      expect.objectContaining({
        field: 'items.2.serviceDate',
        message: expect.stringContaining('after today'),
      }),
    ]);
    const beyondLife = await post('/api/services', [
      { ...visit, serviceDate: '2020-05-04' },
      { ...visit, recordNo: newborn.recordNo, serviceDate: '2020-01-02' },
    ]);
    expect(beyondLife.json().issues).toEqual([
      { field: 'items.0.serviceDate', message: expect.stringContaining('服务日期晚于该居民的死亡日期') },
      { field: 'items.1.serviceDate', message: expect.stringContaining('before the birth date') },
    ]);
    const deathTomorrow = await post(`/api/residents/${newborn.recordNo}/death`, { date: tomorrow });
    expect(deathTomorrow.statusCode).toBe(400);
    expect(deathTomorrow.json().field).toBe('date');
  });

  it('takes the village from the record number when orgCode is absent, as the import does', async () => {
    const { orgCode: _village, ...rest } = fixtureResident(30);
    expect((await post('/api/residents', [rest])).json()).toEqual({ inserted: 1, updated: 0 });
    expect((await get(`/api/residents/${rest.recordNo}`)).json().orgCode).toBe(FIXTURE_ORGS.village);
  });

  it('answers schema errors in Chinese and English', async () => {
    const res = await post('/api/residents', [{ ...fixtureResident(31), name: 5, electronic: 'yes' }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([
      {
        field: '0.name',
        message: expect.stringMatching(/^无效输入：期望 string，实际接收 数字 \/ Invalid input/),
      },
      { field: '0.electronic', message: expect.stringMatching(/^无效输入.* \/ Invalid input/) },
    ]);
    expect(res.json().zh).toContain('0.name：无效输入');
    expect(res.json().en).toContain('0.name: Invalid input');
  });

  it('documents the routes in OpenAPI, the single-record view with its full fields', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/residents',
        '/api/services',
        '/api/residents/{recordNo}',
        '/api/services/{id}',
      ]),
    );
    const view =
      doc.paths['/api/residents/{recordNo}'].get.responses['200'].content['application/json'].schema;
    expect(view.properties.idNumber.description).toMatch(/personal\.read/);
    expect(Object.keys(doc.paths['/api/residents'].post.responses)).toContain('403');
  });
});
