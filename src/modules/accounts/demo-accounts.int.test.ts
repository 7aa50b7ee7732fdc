import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInExisting } from '../../../test/sign-in.js';
import { passwordProblem } from '../../domain/access/password-rules.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { buildApp } from '../../server/app.js';
import { importDivisionTree } from '../orgs/division-import.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { createDemoAccounts, DEMO_ACCOUNTS, demoAccountsTable, type DemoAccount } from './demo-accounts.js';
import { listUsers } from './users-repository.js';

const now = new Date('2026-12-01T08:00:00Z');

describeEachDialect('demo accounts', (t) => {
  let app: FastifyInstance;
  let accounts: DemoAccount[] = [];
  beforeAll(async () => {
    app = await buildApp({ db: t.db, backgroundJobs: false });
  });
  afterAll(async () => app?.close());

  it('refuses to create accounts at orgs the tree does not hold, creating none', async () => {
    const error = await createDemoAccounts(t.db, { now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GongweiError);
    expect((await listUsers(t.db.kysely, WHOLE_TREE)).length).toBe(0);
  });

  it('creates one account per planned role at real Pingliang orgs, each with its own one-time password', async () => {
    await importDivisionTree(t.db, '620800');
    accounts = await createDemoAccounts(t.db, { now });
    expect(accounts.map((a) => [a.role, a.orgCode])).toEqual([
      ['admin', '620800'],
      ['bureau', '620800'],
      ['bureau', '620802'],
      ['centre', '620802102'],
      ['team', '620802102200'],
      ['viewer', '620800'],
    ]);
    for (const a of accounts) expect(passwordProblem(a.password, a.username)).toBeNull();
    expect(new Set(accounts.map((a) => a.password)).size).toBe(accounts.length);
    const users = await listUsers(t.db.kysely, WHOLE_TREE);
    expect(users.map((u) => u.username).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    expect(users.every((u) => u.mustChangePassword && u.createdBy === 'gongwei start')).toBe(true);
  });

  it('signs each account in with its password, to change it before anything else', async () => {
    for (const a of accounts) {
      const client = await signInExisting(app, a.username, a.password);
      const me = await client.inject({ method: 'GET', url: '/api/session' });
      expect(me.json()).toMatchObject({ role: a.role, orgCode: a.orgCode, mustChangePassword: true });
      expect((await client.inject({ method: 'GET', url: `/api/orgs/${a.orgCode}` })).statusCode).toBe(403);
    }
  });

  it('creates none on a database that holds users already (a later start)', async () => {
    expect(await createDemoAccounts(t.db, { now })).toEqual([]);
    expect((await listUsers(t.db.kysely, WHOLE_TREE)).length).toBe(DEMO_ACCOUNTS.length);
  });

  it('prints the accounts once as a table with the must-change note', () => {
    const table = demoAccountsTable(accounts);
    for (const a of accounts)
      expect(table).toMatch(new RegExp(`${a.username}\\s+${a.role}\\s+${a.orgCode}\\s+${a.password}`));
    expect(table).toContain('首次登录须修改密码');
    expect(table).toContain('must be changed at first log-in');
  });
});
