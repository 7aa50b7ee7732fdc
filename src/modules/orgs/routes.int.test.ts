import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { importDivisionTree } from './division-import.js';
import { upsertPopulation } from './population-repository.js';
import { WHOLE_TREE } from './org-scope.js';
import { registerOrgRoutes } from './routes.js';

describeEachDialect('orgs REST routes', (t) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await importDivisionTree(t.db, '620881');
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
    app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(async (api) => registerOrgRoutes(api, t.db), { prefix: '/api' });
    await app.ready();
  });
  afterAll(async () => app?.close());

  it('answers an org and its children', async () => {
    const org = await app.inject({ method: 'GET', url: '/api/orgs/620881' });
    expect(org.statusCode).toBe(200);
    expect(org.json()).toMatchObject({ code: '620881', name: '华亭市', level: 3, parentCode: '620800' });
    const children = await app.inject({ method: 'GET', url: '/api/orgs/620881100/children' });
    expect(children.statusCode).toBe(200);
    const rows = children.json() as { code: string; level: number; parentCode: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.level === 5 && r.parentCode === '620881100')).toBe(true);
    expect(rows.map((r) => r.code)).toContain('620881100001');
  });

  it('answers 404 for unknown orgs and 400 for malformed codes', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/orgs/620899' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/orgs/620899/children' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/orgs/62088' })).statusCode).toBe(400);
  });

  it('answers the population summed over villages', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/orgs/620881/population?year=2020' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 4000, age65plus: 550, source: 'villages', villages: 2 });
    expect(
      (await app.inject({ method: 'GET', url: '/api/orgs/620881/population?year=2019' })).statusCode,
    ).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/orgs/620881/population' })).statusCode).toBe(400);
  });

  it('patches the responsible fields, keeping the others', async () => {
    const res = await app.inject({
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
    const cleared = await app.inject({
      method: 'PATCH',
      url: '/api/orgs/620881100',
      payload: { contactPhone: '' },
    });
    expect(cleared.json()).toMatchObject({ responsibleInstitution: '东华镇卫生院', contactPhone: null });
    const refused = await app.inject({
      method: 'PATCH',
      url: '/api/orgs/620881100',
      payload: { name: '改名' },
    });
    expect(refused.statusCode).toBe(400);
    const unknown = await app.inject({
      method: 'PATCH',
      url: '/api/orgs/620899',
      payload: { contactPhone: '1' },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
