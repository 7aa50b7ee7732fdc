import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, signInExisting, TEST_PASSWORD, type SignedInClient } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
import { withTrailTables } from '../access-trail/trail-tables.js';
import { importDivisionTree } from '../orgs/division-import.js';
import { withAccountTables } from './account-tables.js';

const TOWNSHIP = '620881100';
const VILLAGE = '620881100202';
const NEW_PASSWORD = 'Brand-new-2026';

describeEachDialect('users REST API', (t) => {
  let app: FastifyInstance;
  let admin: SignedInClient;
  let otherCountyUser = '';
  beforeAll(async () => {
    await importDivisionTree(t.db, '620800');
    app = await buildApp({ db: t.db, backgroundJobs: false });
    admin = await signInAs(app, t.db, 'admin', '620881');
    otherCountyUser = (await signInAs(app, t.db, 'centre', '620802101')).username;
  });
  afterAll(async () => app?.close());

  const create = (client: SignedInClient, body: Record<string, unknown>) =>
    client.inject({ method: 'POST', url: '/api/users', payload: body });

  it('creates a user in scope, created by the caller, never answering a password hash', async () => {
    const res = await create(admin, {
      username: 'dh.centre',
      displayName: '东华镇卫生院',
      role: 'centre',
      orgCode: TOWNSHIP,
      password: 'Dong-hua-2026',
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      username: 'dh.centre',
      role: 'centre',
      orgCode: TOWNSHIP,
      active: true,
      mustChangePassword: true,
      createdBy: admin.username,
    });
    expect(JSON.stringify(user)).not.toMatch(/argon2|hash/i);
    const stored = await withAccountTables(t.db.kysely)
      .selectFrom('users')
      .select(['password_hash', 'created_by'])
      .where('username', '=', 'dh.centre')
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect(stored.created_by).toBe(admin.username);
  });

  it('lists the users of the caller scope only, and refuses an org beside it', async () => {
    const res = await admin.inject({ method: 'GET', url: '/api/users' });
    expect(res.statusCode).toBe(200);
    const names = (res.json() as { username: string }[]).map((u) => u.username);
    expect(names).toContain('dh.centre');
    expect(names).toContain(admin.username);
    expect(names).not.toContain(otherCountyUser);
    expect(JSON.stringify(res.json())).not.toMatch(/argon2/);
    const below = await admin.inject({ method: 'GET', url: `/api/users?org=${TOWNSHIP}` });
    expect((below.json() as { username: string }[]).map((u) => u.username)).toEqual(['dh.centre']);
    const beside = await admin.inject({ method: 'GET', url: '/api/users?org=620802' });
    expect(beside.statusCode).toBe(403);
    expect(beside.json().field).toBe('org');
  });

  it('refuses orgs outside the scope naming orgCode, bad passwords naming password, taken usernames', async () => {
    const base = { username: 'x.user', displayName: 'X', role: 'viewer', password: 'Good-pass-2026' };
    const beside = await create(admin, { ...base, orgCode: '620802' });
    expect(beside.statusCode).toBe(403);
    expect(beside.json().field).toBe('orgCode');
    const above = await create(admin, { ...base, orgCode: '620800' });
    expect(above.statusCode).toBe(403);
    expect(above.json().field).toBe('orgCode');
    const unknown = await create(admin, { ...base, orgCode: '620899' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().field).toBe('orgCode');
    const weak = await create(admin, { ...base, orgCode: TOWNSHIP, password: 'password12' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().field).toBe('password');
    const holdsName = await create(admin, { ...base, orgCode: TOWNSHIP, password: 'X.user-2026' });
    expect(holdsName.json().field).toBe('password');
    const badName = await create(admin, { ...base, username: 'X User', orgCode: TOWNSHIP });
    expect(badName.statusCode).toBe(400);
    const taken = await create(admin, { ...base, username: 'dh.centre', orgCode: TOWNSHIP });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().field).toBe('username');
  });

  it('refuses every role but the admin, and a signed-out caller', async () => {
    for (const role of ['bureau', 'centre', 'team', 'viewer'] as const) {
      const client = await signInAs(app, t.db, role, '620881');
      expect((await client.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(403);
      expect((await client.inject({ method: 'GET', url: '/api/tokens' })).statusCode).toBe(403);
    }
    expect((await app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });

  it('holds a must-change user to the session routes until the password is changed', async () => {
    const user = await signInExisting(app, 'dh.centre', 'Dong-hua-2026');
    const me = await user.inject({ method: 'GET', url: '/api/session' });
    expect(me.statusCode).toBe(200);
    expect(me.json().mustChangePassword).toBe(true);
    for (const url of ['/api/orgs/620881', `/api/orgs/${TOWNSHIP}/children`, '/api/users']) {
      const refused = await user.inject({ method: 'GET', url });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().en).toMatch(/change your password/);
    }
    const changed = await user.inject({
      method: 'POST',
      url: '/api/session/password',
      payload: { currentPassword: 'Dong-hua-2026', newPassword: NEW_PASSWORD },
    });
    expect(changed.statusCode).toBe(204);
    expect((await user.inject({ method: 'GET', url: '/api/orgs/620881' })).statusCode).toBe(200);
  });

  it('locks a user (its sessions end, log-in refused) and unlocks it; never the caller itself', async () => {
    const user = await signInExisting(app, 'dh.centre', NEW_PASSWORD);
    const locked = await admin.inject({ method: 'POST', url: '/api/users/dh.centre/lock' });
    expect(locked.statusCode).toBe(200);
    expect(locked.json().active).toBe(false);
    expect((await user.inject({ method: 'GET', url: '/api/session' })).statusCode).toBe(401);
    await expect(signInExisting(app, 'dh.centre', NEW_PASSWORD)).rejects.toThrow(/disabled/);
    const unlocked = await admin.inject({ method: 'POST', url: '/api/users/dh.centre/unlock' });
    expect(unlocked.json().active).toBe(true);
    await expect(signInExisting(app, 'dh.centre', NEW_PASSWORD)).resolves.toBeDefined();
    const self = await admin.inject({ method: 'POST', url: `/api/users/${admin.username}/lock` });
    expect(self.statusCode).toBe(409);
    const beyond = await admin.inject({ method: 'POST', url: `/api/users/${otherCountyUser}/lock` });
    expect(beyond.statusCode).toBe(404);
  });

  it('resets a password: sessions end, the new one works and must be changed', async () => {
    const user = await signInExisting(app, 'dh.centre', NEW_PASSWORD);
    const weak = await admin.inject({
      method: 'POST',
      url: '/api/users/dh.centre/password',
      payload: { password: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().field).toBe('password');
    const reset = await admin.inject({
      method: 'POST',
      url: '/api/users/dh.centre/password',
      payload: { password: 'Reset-pass-2026' },
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().mustChangePassword).toBe(true);
    expect((await user.inject({ method: 'GET', url: '/api/session' })).statusCode).toBe(401);
    await expect(signInExisting(app, 'dh.centre', NEW_PASSWORD)).rejects.toThrow(/401/);
    const again = await signInExisting(app, 'dh.centre', 'Reset-pass-2026');
    expect((await again.inject({ method: 'GET', url: '/api/session' })).json().mustChangePassword).toBe(true);
  });

  it('changes role and org within the scope; the session follows at once', async () => {
    const team = await signInAs(app, t.db, 'team', VILLAGE);
    expect((await team.inject({ method: 'GET', url: '/api/session' })).json().role).toBe('team');
    const res = await admin.inject({
      method: 'PATCH',
      url: `/api/users/${team.username}`,
      payload: { role: 'viewer', orgCode: TOWNSHIP, displayName: '东华镇只读' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'viewer', orgCode: TOWNSHIP, displayName: '东华镇只读' });
    expect((await team.inject({ method: 'GET', url: '/api/session' })).json()).toMatchObject({
      role: 'viewer',
      orgCode: TOWNSHIP,
    });
    const away = await admin.inject({
      method: 'PATCH',
      url: `/api/users/${team.username}`,
      payload: { orgCode: '620802' },
    });
    expect(away.statusCode).toBe(403);
    expect(away.json().field).toBe('orgCode');
    const self = await admin.inject({
      method: 'PATCH',
      url: `/api/users/${admin.username}`,
      payload: { role: 'viewer' },
    });
    expect(self.statusCode).toBe(409);
  });

  it('writes each user change to the access trail under the admin, refusals included', async () => {
    const rows = await withTrailTables(t.db.kysely)
      .selectFrom('access_trail')
      .select(['actor', 'action', 'object_id', 'outcome', 'row_count'])
      .where('actor', '=', admin.username)
      .orderBy('id')
      .execute();
    const seen = (action: string, outcome: string, objectId?: string): boolean =>
      rows.some(
        (r) =>
          r.action === action &&
          r.outcome === outcome &&
          (objectId === undefined || r.object_id === objectId),
      );
    expect(seen('user.create', 'allowed', 'dh.centre')).toBe(true);
    expect(seen('user.create', 'refused', 'x.user')).toBe(true);
    expect(seen('user.lock', 'allowed', 'dh.centre')).toBe(true);
    expect(seen('user.unlock', 'allowed', 'dh.centre')).toBe(true);
    expect(seen('user.password-reset', 'allowed', 'dh.centre')).toBe(true);
    expect(seen('user.change', 'refused')).toBe(true);
    expect(rows.find((r) => r.action === 'users.read' && r.outcome === 'allowed')?.row_count).toBeGreaterThan(
      1,
    );
    expect(JSON.stringify(rows)).not.toContain(TEST_PASSWORD);
  });
});
