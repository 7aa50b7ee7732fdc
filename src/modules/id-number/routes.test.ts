import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { registerIdRoutes } from './routes.js';

describe('id-check REST routes', () => {
  let app: FastifyInstance;
  let logged = '';
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logged += String(chunk);
        done();
      },
    });
    app = Fastify({ logger: { level: 'info', stream } });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    // The routes need no database.
    await app.register(async (api) => registerIdRoutes(api, undefined as unknown as Db), { prefix: '/api' });
    await app.ready();
  });
  afterAll(async () => app?.close());

  it('checks one number and masks it in the answer and the logs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/id-check?number=11010519491231002X' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      input: '110105***********X',
      valid: true,
      normalized: '110105***********X',
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
    const res = await app.inject({
      method: 'GET',
      url: `/api/id-check?number=${encodeURIComponent('１１０１０５１９４９１２３１００２１')}`,
    });
    expect(res.json()).toMatchObject({ valid: false, errors: ['CHECKSUM'], birthDate: '1949-12-31' });
    expect((await app.inject({ method: 'GET', url: '/api/id-check' })).statusCode).toBe(400);
  });

  it('checks many numbers by POST', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/id-check',
      payload: { numbers: ['110105491231002', '', '9901051949123100X1'] },
    });
    expect(res.statusCode).toBe(200);
    const results = (res.json() as { results: { valid: boolean; errors: string[]; normalized: string }[] })
      .results;
    expect(results.map((r) => r.errors)).toEqual([[], ['EMPTY'], ['CHARS']]);
    expect(results[0]!.normalized).toBe('110105***********X');
    expect(logged).not.toContain('491231002');
  });
});
