import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Db } from '../db/database.js';
import { buildApp } from './app.js';

describe('the web UI at /', () => {
  const folder = mkdtempSync(join(tmpdir(), 'gongwei-web-'));
  let db: Db;
  let app: FastifyInstance;
  let bare: FastifyInstance;

  beforeAll(async () => {
    mkdirSync(join(folder, 'assets'));
    writeFileSync(join(folder, 'index.html'), '<!doctype html><title>公卫</title><div id="root"></div>');
    writeFileSync(join(folder, 'assets', 'index-abc123.js'), 'console.log(1)');
    db = await openDatabase({ file: ':memory:' });
    app = await buildApp({ db, backgroundJobs: false, webUiFolder: folder });
    bare = await buildApp({ db, backgroundJobs: false, webUiFolder: null });
  });
  afterAll(async () => {
    await app.close();
    await bare.close();
    await db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('serves the page at / without a session, never cached', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('<div id="root">');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets cached for a year', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it("answers the UI's own addresses with the page, so a shared link opens", async () => {
    const res = await app.inject({ method: 'GET', url: '/audits?org=620800&period=2020Q2' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root">');
  });

  it('keeps /api its own: an unknown API route is a JSON 404, a known one still needs a session', async () => {
    const unknown = await app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'not_found' });
    const guarded = await app.inject({ method: 'GET', url: '/api/indicators/catalogue' });
    expect(guarded.statusCode).toBe(401);
  });

  it('a write to a UI address is not a page', async () => {
    const res = await app.inject({ method: 'POST', url: '/audits', payload: {} });
    expect(res.statusCode).toBe(404);
  });

  it('says how to build the UI when it is not built', async () => {
    const res = await bare.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build');
    expect((await bare.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
