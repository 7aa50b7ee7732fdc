import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyPluginAsync } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';

// package.json "overrides" hold cookie (under light-my-request) and content-disposition
// (under @fastify/static) at their last releases for Node 20, below the majors those
// packages ask for. These check that what the server and its tests use of them still works.
describe('dependencies pinned for Node 20', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwei-pinned-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fastify inject sends cookies (light-my-request with cookie 1.x)', async () => {
    const app = Fastify();
    app.get('/api/echo', async (request) => ({ cookie: request.headers.cookie ?? null }));
    const res = await app.inject({
      method: 'GET',
      url: '/api/echo',
      cookies: { session: 'a b', other: { value: 'x', path: '/elsewhere' } },
    });
    expect(res.json()).toEqual({ cookie: 'session=a%20b' });
    await app.close();
  });

  it('the API documentation serves its static assets (@fastify/static)', async () => {
    const app = Fastify();
    await app.register(swagger, { openapi: { info: { title: 't', version: '1' } } });
    await app.register(swaggerUi, { routePrefix: '/api/docs' });
    const page = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-ui.css' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/css');
    expect(page.body).toContain('.swagger-ui');
    await app.close();
  });

  it('a download names its file in Content-Disposition (content-disposition 2.x)', async () => {
    // The @fastify/static that swagger-ui loads, i.e. the one the override applies to.
    const fastifyStatic = createRequire(import.meta.resolve('@fastify/swagger-ui'))(
      '@fastify/static',
    ) as FastifyPluginAsync<{ root: string; serve: boolean }>;
    writeFileSync(join(dir, 'report.txt'), 'ok');
    const app = Fastify();
    await app.register(fastifyStatic, { root: dir, serve: false });
    // The plugin decorates the reply; its types are not imported (it is not our dependency).
    type Download = { download(file: string, name: string): unknown };
    app.get('/download', (_request, reply) =>
      (reply as unknown as Download).download('report.txt', '通报 2020.txt'),
    );
    const res = await app.inject({ method: 'GET', url: '/download' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="?? 2020.txt"; filename*=UTF-8''%E9%80%9A%E6%8A%A5%202020.txt`,
    );
    await app.close();
  });
});
