import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { callerAt, operatorCaller, type Caller } from '../../domain/access/caller.js';
import type { Permission } from '../../domain/access/permissions.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { importDivisionTree } from '../orgs/division-import.js';
import { subtreeScope } from '../orgs/org-scope.js';
import { addApiToken, revokeToken } from './manage-tokens.js';
import { addUser, changeUser, listUsersOf, lockUser, resetPassword } from './manage-users.js';

const now = new Date('2026-12-01T08:00:00Z');
const COUNTY = { code: '620881', level: 3 as const, countyCode: '620881' };

/** A caller of the county holding only `permissions`: a narrower administrator than any role. */
function narrowAdmin(...permissions: Permission[]): Caller {
  return {
    kind: 'user',
    userId: 999_999,
    name: 'narrow',
    role: 'admin',
    permissions: new Set<Permission>(['users.manage', ...permissions]),
    orgCode: COUNTY.code,
    scope: subtreeScope(COUNTY),
  };
}

async function refusal(work: Promise<unknown>): Promise<GongweiError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GongweiError);
  return error as GongweiError;
}

const input = (username: string, role: 'viewer' | 'team' | 'centre', orgCode = '620881100') => ({
  username,
  displayName: '',
  role,
  orgCode,
  password: 'Good-pass-2026',
  mustChangePassword: false,
});

describeEachDialect('user and token management use-cases', (t) => {
  const operator = operatorCaller('tester');
  beforeAll(async () => {
    await importDivisionTree(t.db, '620800');
  });

  it('lets the operator create anywhere, as operator:<os user>', async () => {
    const user = await addUser(t.db, operator, input('op.made', 'centre', '620802'), { now });
    expect(user).toMatchObject({ createdBy: 'operator:tester', orgCode: '620802', displayName: 'op.made' });
    expect((await listUsersOf(t.db, operator)).map((u) => u.username)).toContain('op.made');
  });

  it('grants only roles whose permissions the caller holds, naming the role field', async () => {
    const narrow = narrowAdmin('aggregates.read');
    expect((await addUser(t.db, narrow, input('narrow.viewer', 'viewer'), { now })).role).toBe('viewer');
    const team = await refusal(addUser(t.db, narrow, input('narrow.team', 'team'), { now }));
    expect(team.code).toBe('forbidden');
    expect(team.field).toBe('role');
    const cli = await refusal(
      addUser(t.db, narrow, input('narrow.team', 'team'), {
        now,
        fields: { username: '--username', role: '--role', org: '--org', password: '--password-stdin' },
      }),
    );
    expect(cli.field).toBe('--role');
    const token = await refusal(
      addApiToken(
        t.db,
        narrow,
        { name: 'n', role: 'centre', orgCode: '620881100', expiresInDays: 1 },
        { now },
      ),
    );
    expect(token.field).toBe('role');
  });

  it('manages only accounts of roles the caller could grant', async () => {
    await addUser(t.db, operator, input('strong.centre', 'centre'), { now });
    const narrow = narrowAdmin('aggregates.read');
    expect((await refusal(lockUser(t.db, narrow, 'strong.centre', { now }))).code).toBe('forbidden');
    expect(
      (await refusal(resetPassword(t.db, narrow, 'strong.centre', 'Other-pass-2026', { now }))).code,
    ).toBe('forbidden');
    expect((await refusal(changeUser(t.db, narrow, 'narrow.viewer', { role: 'centre' }))).field).toBe('role');
    const { token } = await addApiToken(
      t.db,
      operator,
      { name: 'strong', role: 'centre', orgCode: '620881100', expiresInDays: 30 },
      { now },
    );
    expect((await refusal(revokeToken(t.db, narrow, token.id, { now }))).code).toBe('forbidden');
  });

  it('refuses an API token caller, whatever its role', async () => {
    const tokenAdmin = callerAt('token', { userId: 0, name: 'token:root' }, 'admin', COUNTY);
    expect((await refusal(addUser(t.db, tokenAdmin, input('from.token', 'viewer'), { now }))).code).toBe(
      'forbidden',
    );
    expect((await refusal(listUsersOf(t.db, tokenAdmin))).code).toBe('forbidden');
    const minted = addApiToken(
      t.db,
      tokenAdmin,
      { name: 'child', role: 'viewer', orgCode: '620881', expiresInDays: 1 },
      { now },
    );
    expect((await refusal(minted)).code).toBe('forbidden');
  });

  it('refuses token lifetimes outside 1–366 days naming the field', async () => {
    for (const days of [0, 367, 1.5]) {
      const error = await refusal(
        addApiToken(
          t.db,
          operator,
          { name: 'x', role: 'viewer', orgCode: '620881', expiresInDays: days },
          { now },
        ),
      );
      expect(error.field).toBe('expiresInDays');
    }
    const { token } = await addApiToken(
      t.db,
      operator,
      { name: 'year', role: 'viewer', orgCode: '620881', expiresInDays: 366 },
      { now },
    );
    expect(token.expiresAt).toBe('2027-12-02T08:00:00.000Z');
  });
});
