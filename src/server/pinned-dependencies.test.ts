import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { hash, verify } from '@node-rs/argon2';
import Fastify, { type FastifyPluginAsync } from 'fastify';
import semver from 'semver';
import { afterAll, describe, expect, it } from 'vitest';

// package.json "overrides" hold cookie (under light-my-request) and content-disposition
// (under @fastify/static) at their last releases for Node 20, below the majors those
// packages ask for. These check that what the server and its tests use of them still works,
// and that the sign-in's own dependencies work here: @fastify/cookie (held at 11.1.0, the
// last release on cookie 1.x; 11.1.1 moved to cookie 2.x, which declares Node >= 22) and the
// native binding of @node-rs/argon2.
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

  it('the session cookie is read and set on Node 20 (@fastify/cookie 11.1.0 with cookie 1.x)', async () => {
    const app = Fastify();
    await app.register(cookie);
    app.get('/api/in', (request, reply) => {
      reply.setCookie('gongwei_session', 'a b+c', {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: true,
        expires: new Date('2030-01-01T00:00:00Z'),
      });
      return { session: request.cookies.gongwei_session ?? null };
    });
    app.get('/api/out', (_request, reply) => reply.clearCookie('gongwei_session', { path: '/' }).send({}));
    const res = await app.inject({
      method: 'GET',
      url: '/api/in',
      headers: { cookie: 'other=1; gongwei_session=tok%20en' },
    });
    expect(res.json()).toEqual({ session: 'tok en' });
    expect(res.headers['set-cookie']).toBe(
      'gongwei_session=a%20b%2Bc; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict',
    );
    const out = await app.inject({ method: 'GET', url: '/api/out' });
    expect(out.headers['set-cookie']).toMatch(/^gongwei_session=; .*Expires=Thu, 01 Jan 1970 00:00:00 GMT/);
    await app.close();
  });

  it('passwords hash with argon2id and verify (@node-rs/argon2 native binding)', async () => {
    const hashed = await hash('Test-Passw0rd', { memoryCost: 8192, timeCost: 2 });
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=8192,t=2,/);
    expect(await verify(hashed, 'Test-Passw0rd')).toBe(true);
    expect(await verify(hashed, 'Test-Passw0rd!')).toBe(false);
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

describe('every locked package supports the Node this runs on', () => {
  it('package-lock.json names no package whose engines exclude this Node (npm ci would warn)', () => {
    const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } | string[] }>;
    };
    const unsupported = Object.entries(lock.packages)
      .map(([path, entry]) => ({
        path,
        node: Array.isArray(entry.engines) ? undefined : entry.engines?.node,
      }))
      .filter(({ node }) => node !== undefined && !semver.satisfies(process.version, node))
      .map(({ path, node }) => `${path} wants node ${node}`);
    expect(unsupported).toEqual([]);
  });
});
