import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
import { withTrailTables } from '../access-trail/trail-tables.js';
import { importDivisionTree } from './division-import.js';
import { upsertPopulation } from './population-repository.js';
import { WHOLE_TREE } from './org-scope.js';

/** An 11-digit mobile number anywhere in a text. */
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

describeEachDialect('orgs REST routes', (t) => {
  let app: FastifyInstance;
  /** The bureau of 华亭市 (620881), the bureau of 崆峒区 (620802), a viewer at 620881. */
  let bureau: SignedInClient;
  let otherCounty: SignedInClient;
  let viewer: SignedInClient;
  beforeAll(async () => {
    await importDivisionTree(t.db, '620881');
    await importDivisionTree(t.db, '620802');
    await t.db.kysely.transaction().execute((trx) =>
      upsertPopulation(trx, WHOLE_TREE, [
        {
          orgCode: '620881100001',
          year: 2020,
          total: 3000,
          age0to6: 200,
          age65plus: 400,
          age15plus: 2500,
          age18plus: 2400,
          women15to49: 700,
          liveBirths: 30,
        },
        {
          orgCode: '620881100202',
          year: 2020,
          total: 1000,
          age0to6: 80,
          age65plus: 150,
          age15plus: 820,
          age18plus: 790,
          women15to49: 220,
          liveBirths: 9,
        },
      ]),
    );
    app = await buildApp({ db: t.db, backgroundJobs: false });
    bureau = await signInAs(app, t.db, 'bureau', '620881');
    otherCounty = await signInAs(app, t.db, 'bureau', '620802');
    viewer = await signInAs(app, t.db, 'viewer', '620881');
  });
  afterAll(async () => app?.close());

  it('answers an org and its children', async () => {
    const org = await bureau.inject({ method: 'GET', url: '/api/orgs/620881' });
    expect(org.statusCode).toBe(200);
    expect(org.json()).toMatchObject({ code: '620881', name: '华亭市', level: 3, parentCode: '620800' });
    const children = await bureau.inject({ method: 'GET', url: '/api/orgs/620881100/children' });
    expect(children.statusCode).toBe(200);
    const rows = children.json() as { code: string; level: number; parentCode: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.level === 5 && r.parentCode === '620881100')).toBe(true);
    expect(rows.map((r) => r.code)).toContain('620881100001');
  });

  it('answers 401 without a session, 404 for unknown orgs and 400 for malformed codes', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/orgs/620881' })).statusCode).toBe(401);
    expect((await bureau.inject({ method: 'GET', url: '/api/orgs/620899' })).statusCode).toBe(404);
    expect((await bureau.inject({ method: 'GET', url: '/api/orgs/620899/children' })).statusCode).toBe(404);
    expect((await bureau.inject({ method: 'GET', url: '/api/orgs/62088' })).statusCode).toBe(400);
  });

  it('answers the population summed over villages', async () => {
    const res = await bureau.inject({ method: 'GET', url: '/api/orgs/620881/population?year=2020' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 4000, age65plus: 550, source: 'villages', villages: 2 });
    expect(
      (await bureau.inject({ method: 'GET', url: '/api/orgs/620881/population?year=2019' })).statusCode,
    ).toBe(404);
    expect((await bureau.inject({ method: 'GET', url: '/api/orgs/620881/population' })).statusCode).toBe(400);
  });

  it('patches the responsible fields, keeping the others', async () => {
    const res = await bureau.inject({
      method: 'PATCH',
      url: '/api/orgs/620881100',
      payload: { responsibleInstitution: '东华镇卫生院', contactPhone: '0933-1234567', urbanRural: 'urban' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      responsibleInstitution: '东华镇卫生院',
      urbanRural: 'urban',
      name: '东华镇',
    });
    const cleared = await bureau.inject({
      method: 'PATCH',
      url: '/api/orgs/620881100',
      payload: { contactPhone: '' },
    });
    expect(cleared.json()).toMatchObject({ responsibleInstitution: '东华镇卫生院', contactPhone: null });
    const refused = await bureau.inject({
      method: 'PATCH',
      url: '/api/orgs/620881100',
      payload: { name: '改名' },
    });
    expect(refused.statusCode).toBe(400);
    const unknown = await bureau.inject({
      method: 'PATCH',
      url: '/api/orgs/620899',
      payload: { contactPhone: '1' },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('shows the responsible person’s mobile in full only to a role with personal.read, and notes the read', async () => {
    const set = await bureau.inject({
      method: 'PATCH',
      url: '/api/orgs/620881100',
      payload: { responsiblePerson: '王五', contactPhone: '13809331234' },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ contactPhone: '13809331234' });

    const full = await bureau.inject({ method: 'GET', url: '/api/orgs/620881100' });
    expect(full.json()).toMatchObject({ responsiblePerson: '王五', contactPhone: '13809331234' });
    const trail = await withTrailTables(t.db.kysely)
      .selectFrom('access_trail')
      .select(['actor', 'object_id', 'outcome'])
      .where('action', '=', 'org-contact.read')
      .execute();
    expect(trail).toEqual([{ actor: bureau.username, object_id: '620881100', outcome: 'allowed' }]);

    // A list of orgs masks every phone, whoever asks.
    const listed = await bureau.inject({ method: 'GET', url: '/api/orgs/620881/children' });
    expect(listed.body).not.toMatch(MOBILE);
    expect(listed.json()).toContainEqual(
      expect.objectContaining({ code: '620881100', contactPhone: '138****1234' }),
    );

    for (const url of ['/api/orgs/620881100', '/api/orgs/620881/children', '/api/orgs/620881100/children']) {
      const res = await viewer.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toMatch(MOBILE);
    }
    expect((await viewer.inject({ method: 'GET', url: '/api/orgs/620881100' })).json()).toMatchObject({
      contactPhone: '138****1234',
    });
    const refused = await viewer.inject({
      method: 'PATCH',
      url: '/api/orgs/620881100',
      payload: { contactPhone: null },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('refuses an org beside the caller’s scope with 403 naming the field, and keeps the office above private', async () => {
    for (const request of [
      { method: 'GET', url: '/api/orgs/620881100' },
      { method: 'GET', url: '/api/orgs/620881/children' },
      { method: 'GET', url: '/api/orgs/620881/population?year=2020' },
      { method: 'PATCH', url: '/api/orgs/620881100', payload: { contactPhone: null } },
    ] as const) {
      const res = await otherCounty.inject(request);
      expect(res.statusCode, request.url).toBe(403);
      expect(res.json(), request.url).toMatchObject({ error: 'forbidden', field: 'code' });
      expect(res.body).not.toMatch(MOBILE);
    }
    // The city above both counties: its name and place, never its office's person and phone.
    await bureau.inject({
      method: 'PATCH',
      url: '/api/orgs/620881',
      payload: { responsiblePerson: '李四', contactPhone: '13909331234' },
    });
    const county = await bureau.inject({ method: 'GET', url: '/api/orgs/620800' });
    expect(county.statusCode).toBe(200);
    expect(county.json()).toMatchObject({ code: '620800', responsiblePerson: null, contactPhone: null });
    const townshipView = await signInAs(app, t.db, 'centre', '620881100');
    const above = await townshipView.inject({ method: 'GET', url: '/api/orgs/620881' });
    expect(above.json()).toMatchObject({ name: '华亭市', responsiblePerson: null, contactPhone: null });
    expect((await townshipView.inject({ method: 'GET', url: '/api/orgs/620881/children' })).json()).toEqual([
      expect.objectContaining({ code: '620881100' }),
    ]);
  });
});
