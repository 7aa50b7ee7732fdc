import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachDialect } from '../../test/databases.js';
import { signInAs, type SignedInClient } from '../../test/sign-in.js';
import { importDivisionTree } from '../modules/orgs/division-import.js';
import { buildApp } from './app.js';

describeEachDialect('http app', (t) => {
  let app: FastifyInstance;
  let viewer: SignedInClient;
  beforeAll(async () => {
    await importDivisionTree(t.db, '620881');
    app = await buildApp({ db: t.db, backgroundJobs: false });
    viewer = await signInAs(app, t.db, 'viewer', '620881');
  });
  afterAll(async () => app?.close());

  it('answers health with the dialect, to anyone', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.db.dialect.name });
  });

  it('serves the OpenAPI document to anyone, with the access each operation needs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toMatch(/^3\./);
    const orgs = res.json().paths['/api/orgs/{code}'];
    expect(orgs.get['x-access']).toBe('aggregates.read');
    expect(Object.keys(orgs.get.responses)).toEqual(expect.arrayContaining(['401', '403']));
    expect(orgs.patch['x-access']).toBe('orgs.write');
    expect(res.json().paths['/api/health'].get['x-access']).toBe('public');
  });

  it('answers 401 with a message to an anonymous caller, 403 to a caller without the permission', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/api/orgs/620881' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: 'unauthorized', zh: '请先登录' });
    const forbidden = await viewer.inject({
      method: 'PATCH',
      url: '/api/orgs/620881',
      payload: { responsiblePerson: '张三' },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().en).toContain('orgs.write');
  });

  it('answers malformed JSON with a 400 and a message, not a crash', async () => {
    const res = await viewer.inject({
      method: 'POST',
      url: '/api/id-check',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/JSON/);
  });
});
