/**
 * The browser tests' site: the small demo city (about 10,000 residents) built into a fresh
 * SQLite file, the real server with the built web UI on a free loopback port, and Debian's
 * Chromium driven by playwright-core. Each test file opens its own site.
 *
 * Needs `npm run build` (web/dist) and /usr/bin/chromium (scripts/ensure-chromium.sh; both
 * are run by `npm test`).
 *
 * @example
 * const site = await openSite();
 * const page = await site.signedInPage('bureau', '620800');
 * await page.goto(site.url('/?org=620800&period=2020Q2'));
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { onTestFailed } from 'vitest';
import { openMaintainedDatabase } from '../../src/composition/maintained-database.js';
import type { Db } from '../../src/db/database.js';
import type { RoleName } from '../../src/domain/access/permissions.js';
import { hashPassword } from '../../src/modules/accounts/password-hashing.js';
import { insertUser } from '../../src/modules/accounts/users-repository.js';
import { generateDemo } from '../../src/modules/demo/generate-demo.js';
import { buildApp } from '../../src/server/app.js';
import { builtWebUiFolder } from '../../src/server/web-ui.js';

/** Where Debian installs Chromium, and the flags the project runs it with (DEVELOPERS.md). */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

/** Why the browser tests cannot run here, or null when they can. */
export function browserTestsUnavailable(): string | null {
  if (process.env.GONGWEI_SKIP_BROWSER) return 'GONGWEI_SKIP_BROWSER is set';
  return null;
}

/** The password of every user a site makes. */
export const SITE_PASSWORD = 'Site-Passw0rd';

/** A running site and a browser to visit it. */
export interface Site {
  readonly db: Db;
  readonly app: FastifyInstance;
  readonly browser: Browser;
  /** The address of a path on the site, e.g. url('/?org=620800'). */
  url(path: string): string;
  /** Makes a user of `role` at `org` (password SITE_PASSWORD) and returns its username. */
  addUser(role: RoleName, org: string): Promise<string>;
  /**
   * A new browser page (1366×768 unless given) signed in as a new user of `role` at `org`,
   * through the log-in page, in the given UI language (default Chinese). If the test that
   * asked for it fails, the page's journal (its last requests, answers and console messages)
   * is printed.
   */
  signedInPage(
    role: RoleName,
    org: string,
    options?: { viewport?: { width: number; height: number }; language?: 'zh-CN' | 'en' },
  ): Promise<Page>;
  /** Saves a screenshot under web/e2e/screenshots/ (ignored by git) for review. */
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/** The part of the browser's localStorage the site's pages are prepared with. */
interface BrowserStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

let serial = 0;

/** The most lines a page's journal keeps. */
const JOURNAL_LINES = 80;

/**
 * Keeps what the page asked the server, what came back and what it logged, and prints it when
 * the running test fails: a wait that times out in a loaded CI run then says whether the
 * request went out, came back or failed.
 */
function keepJournal(page: Page): void {
  const started = Date.now();
  const lines: string[] = [];
  const note = (line: string): void => {
    lines.push(`${String(Date.now() - started).padStart(7)} ms ${line}`);
    if (lines.length > JOURNAL_LINES) lines.shift();
  };
  const path = (url: string): string => url.replace(/^https?:\/\/[^/]+/, '');
  // The API and the pages, not the scripts and styles they load.
  const kept = (r: Request): boolean => r.resourceType() === 'document' || path(r.url()).startsWith('/api/');
  page.on('request', (r) => {
    if (kept(r)) note(`→ ${r.method()} ${path(r.url())}`);
  });
  page.on('response', (r) => {
    if (kept(r.request())) note(`← ${r.status()} ${r.request().method()} ${path(r.url())}`);
  });
  page.on('requestfailed', (r) => note(`✗ ${r.method()} ${path(r.url())} ${r.failure()?.errorText ?? ''}`));
  page.on('console', (m) => note(`console.${m.type()} ${m.text().slice(0, 300)}`));
  page.on('pageerror', (e) => note(`pageerror ${e.message.slice(0, 300)}`));
  onTestFailed(() => {
    console.error(`\n---------- journal of the failed test's page ----------\n${lines.join('\n')}\n`);
  });
}

/** Builds the demo, starts the server and the browser. */
export async function openSite(): Promise<Site> {
  const webUi = builtWebUiFolder();
  if (!webUi) throw new Error('web/dist is missing: run `npm run build` before the browser tests');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh`);
  const folder = mkdtempSync(join(tmpdir(), 'gongwei-e2e-'));
  const db = await openMaintainedDatabase({ file: join(folder, 'site.sqlite') }, { create: true });
  await generateDemo(db, { scale: 'small', seed: 2020, fraction: 1 / 200 });
  const app = await buildApp({
    db,
    backgroundJobs: false,
    webUiFolder: webUi,
    rateLimits: { logIn: { max: 10_000, windowMs: 60_000 }, api: { max: 1_000_000, windowMs: 60_000 } },
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const shots = join(import.meta.dirname, 'screenshots');

  const site: Site = {
    db,
    app,
    browser,
    url: (path) => `${address}${path}`,
    async addUser(role, org) {
      serial += 1;
      const username = `e2e${role}${process.pid}x${serial}`;
      await insertUser(db.kysely, {
        username,
        displayName: `测试${role}${serial}`,
        orgCode: org,
        role,
        passwordHash: await hashPassword(SITE_PASSWORD),
        mustChangePassword: false,
        createdBy: 'e2e',
        now: new Date().toISOString(),
      });
      return username;
    },
    async signedInPage(role, org, options = {}) {
      const username = await site.addUser(role, org);
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1366, height: 768 },
        locale: options.language ?? 'zh-CN',
        // Charts are drawn at once, so a screenshot shows them whole rather than mid-animation.
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      keepJournal(page);
      // Only the first visit's language: a switch made in the test then survives reloads.
      await page.addInitScript((language) => {
        const storage = (globalThis as unknown as { localStorage: BrowserStorage }).localStorage;
        if (!storage.getItem('gongwei.language')) storage.setItem('gongwei.language', language);
      }, options.language ?? 'zh-CN');
      await page.goto(site.url('/'));
      await page.locator('#username').fill(username);
      await page.locator('#password').fill(SITE_PASSWORD);
      await page.locator('button[type=submit]').click();
      await page.locator('.ant-pro-layout').waitFor();
      return page;
    },
    async screenshot(page, name) {
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await app.close();
      await db.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return site;
}
