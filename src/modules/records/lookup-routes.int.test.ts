import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
import { listTrail } from '../access-trail/trail-repository.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import {
  FIXTURE_ORGS,
  fixtureResident,
  insertFixtureOrgs,
  insertOtherOrgs,
  OTHER_ORGS,
} from './records.fixture.js';

const ID = '620881195501010011';

describeEachDialect('resident search and history REST API', (t) => {
  let app: FastifyInstance;
  let centre: SignedInClient;
  beforeAll(async () => {
    await insertFixtureOrgs(t.db.kysely);
    await insertOtherOrgs(t.db.kysely);
    app = await buildApp({ db: t.db, backgroundJobs: false });
    const admin = await signInAs(app, t.db, 'admin', FIXTURE_ORGS.county);
    const write = async (url: string, payload: unknown) => {
      const res = await admin.inject({ method: 'POST', url, payload: payload as object });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    };
    await write('/api/residents', [
      fixtureResident(1, { name: '张三' }),
      fixtureResident(2, { name: '张三', idNumber: '62088119550101002X' }),
      fixtureResident(3, { name: '李四' }),
      fixtureResident(4, {
        name: '张三',
        orgCode: OTHER_ORGS.village,
        recordNo: `${OTHER_ORGS.village}00004`,
      }),
    ]);
    await write('/api/enrollments', [
      { recordNo: fixtureResident(1).recordNo, program: 'hypertension', startDate: '2019-05-01' },
    ]);
    const followUp = (date: string, sbp: number, controlled: boolean) => ({
      recordNo: fixtureResident(1).recordNo,
      type: 'hypertension_followup',
      serviceDate: date,
      payload: {
        sbp,
        dbp: 85,
        heartRate: null,
        controlled,
        guidance: true,
        medicationAdherence: 'regular',
        symptoms: '无症状',
      },
    });
    await write('/api/services', [followUp('2020-03-02', 150, false), followUp('2020-06-01', 132, true)]);
    centre = await signInAs(app, t.db, 'centre', FIXTURE_ORGS.township);
  });
  afterAll(async () => app?.close());

  const search = (client: SignedInClient, query: string) =>
    client.inject({ method: 'GET', url: `/api/residents?${query}` });

  it('finds residents of the scope by name, masked, with age instead of the birth date', async () => {
    const res = await search(centre, `q=${encodeURIComponent('张三')}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // The third 张三 lives in another township: outside the centre's scope.
    expect(body.total).toBe(2);
    expect(body.residents.map((r: { recordNo: string }) => r.recordNo)).toEqual([
      fixtureResident(1).recordNo,
      fixtureResident(2).recordNo,
    ]);
    expect(body.residents[0]).toMatchObject({ name: '张**', idNumber: '620881************', sex: 'M' });
    expect(body.residents[0].age).toBeGreaterThanOrEqual(65);
    expect(res.body).not.toContain(ID);
    expect(res.body).not.toContain('1955-01-01');
    expect(res.body).not.toContain('张三');
  });

  it('finds by record number and by ID number (x in either case), and pages', async () => {
    const byNo = await search(centre, `q=${fixtureResident(3).recordNo}`);
    expect(byNo.json()).toMatchObject({ total: 1, residents: [{ name: '李**' }] });
    const byId = await search(centre, 'q=62088119550101002x');
    expect(byId.json()).toMatchObject({ total: 1, residents: [{ recordNo: fixtureResident(2).recordNo }] });
    const second = await search(centre, `q=${encodeURIComponent('张三')}&limit=1&offset=1`);
    expect(second.json()).toMatchObject({ total: 2, residents: [{ recordNo: fixtureResident(2).recordNo }] });
  });

  it('writes each search to the access trail with its row count, never the text searched', async () => {
    // Residents 1 and 3 share the fixture's ID number.
    expect((await search(centre, `q=${ID}`)).json()).toMatchObject({ total: 2 });
    const rows = await listTrail(
      t.db.kysely,
      WHOLE_TREE,
      { fromAt: null, beforeAt: null, actor: centre.username, action: 'residents.search' },
      {
        order: 'newest-first',
        beforeId: null,
        limit: 10,
      },
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatchObject({ outcome: 'allowed', row_count: 2 });
    expect(JSON.stringify(rows)).not.toContain(ID);
  });

  it('refuses a viewer, and an org beside the scope', async () => {
    const viewer = await signInAs(app, t.db, 'viewer', FIXTURE_ORGS.county);
    const refused = await search(viewer, `q=${encodeURIComponent('张三')}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('张');
    expect((await search(centre, `q=x&org=${OTHER_ORGS.township}`)).statusCode).toBe(403);
    expect((await search(centre, 'q=')).statusCode).toBe(400);
  });

  it('answers the enrolments and the services of a resident, newest service first', async () => {
    const res = await centre.inject({
      method: 'GET',
      url: `/api/residents/${fixtureResident(1).recordNo}/history`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.enrollments).toEqual([
      { program: 'hypertension', startDate: '2019-05-01', endDate: null, endReason: null },
    ]);
    expect(body.services.map((s: { serviceDate: string }) => s.serviceDate)).toEqual([
      '2020-06-01',
      '2020-03-02',
    ]);
    expect(body.services[0]).toMatchObject({
      type: 'hypertension_followup',
      sbp: 132,
      dbp: 85,
      controlled: true,
    });
    expect(body.services[1]).toMatchObject({ sbp: 150, controlled: false });
    const outside = await centre.inject({
      method: 'GET',
      url: `/api/residents/${OTHER_ORGS.village}00004/history`,
    });
    expect(outside.statusCode).toBe(404);
    const viewer = await signInAs(app, t.db, 'viewer', FIXTURE_ORGS.county);
    const refused = await viewer.inject({
      method: 'GET',
      url: `/api/residents/${fixtureResident(1).recordNo}/history`,
    });
    expect(refused.statusCode).toBe(403);
  });
});
