import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
import { importDivisionTree } from '../orgs/division-import.js';

// The check reads no table; the database is there for the session of the signed-in caller.
describeEachDialect('id-check REST routes', (t) => {
  let app: FastifyInstance;
  let viewer: SignedInClient;
  let logged = '';
  beforeAll(async () => {
    await importDivisionTree(t.db, '620881');
    app = await buildApp({
      db: t.db,
      backgroundJobs: false,
      logStream: {
        write(line: string) {
          logged += line;
        },
      },
    });
    viewer = await signInAs(app, t.db, 'viewer', '620881');
  });
  afterAll(async () => app?.close());

  it('needs a signed-in caller', async () => {
    expect(
      (await app.inject({ method: 'GET', url: '/api/id-check?number=11010519491231002X' })).statusCode,
    ).toBe(401);
    const post = await app.inject({ method: 'POST', url: '/api/id-check', payload: { numbers: ['1'] } });
    expect(post.statusCode).toBe(401);
  });

  it('checks one number and masks it to its region in the answer, and keeps it out of the logs', async () => {
    const res = await viewer.inject({ method: 'GET', url: '/api/id-check?number=11010519491231002X' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      input: '110105************',
      valid: true,
      normalized: '110105************',
      legacy: false,
      birthDate: '1949-12-31',
      sex: 'F',
      regionCode: '110105',
      regionName: '北京市朝阳区',
      regionMatch: 'county',
      errors: [],
    });
    expect(res.body).not.toContain('19491231002');
    expect(logged).not.toContain('19491231002');
  });

  it('reports errors with their stable codes', async () => {
    const res = await viewer.inject({
      method: 'GET',
      url: `/api/id-check?number=${encodeURIComponent('１１０１０５１９４９１２３１００２１')}`,
    });
    expect(res.json()).toMatchObject({ valid: false, errors: ['CHECKSUM'], birthDate: '1949-12-31' });
    expect((await viewer.inject({ method: 'GET', url: '/api/id-check' })).statusCode).toBe(400);
  });

  it('checks many numbers by POST', async () => {
    const res = await viewer.inject({
      method: 'POST',
      url: '/api/id-check',
      payload: { numbers: ['110105491231002', '', '9901051949123100X1'] },
    });
    expect(res.statusCode).toBe(200);
    const results = (res.json() as { results: { valid: boolean; errors: string[]; normalized: string }[] })
      .results;
    expect(results.map((r) => r.errors)).toEqual([[], ['EMPTY'], ['CHARS']]);
    expect(results[0]!.normalized).toBe('110105************');
    expect(res.body).not.toContain('491231002');
    // The request was logged (so the log was looked at), without its body.
    expect(logged).toContain('/api/id-check');
    expect(logged).not.toContain('491231002');
  });
});
