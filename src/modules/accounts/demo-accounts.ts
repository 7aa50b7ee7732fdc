/**
 * The accounts of the demo city (issue 10: no default password anywhere). The first
 * `gongwei start` on an empty database builds the demo and then these accounts, one per
 * role at real orgs of Pingliang, each with a random one-time password printed once and
 * to be changed at the first log-in. A database that already holds users gets none.
 */
import type { Db } from '../../db/database.js';
import type { RoleName } from '../../domain/access/permissions.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { findOrgLineage, WHOLE_TREE } from '../orgs/org-scope.js';
import { textTable } from './cli-output.js';
import { oneTimePassword, type RandomBytes } from './one-time-password.js';
import { hashPassword } from './password-hashing.js';
import { holdsUsers, insertUser } from './users-repository.js';

/** One demo account as planned: who, where, what role. */
export interface DemoAccountPlan {
  readonly username: string;
  readonly displayName: string;
  readonly role: RoleName;
  readonly orgCode: string;
}

/**
 * The demo accounts: the city's administrator and bureau (平凉市), a county bureau (崆峒区), the
 * health centre of a township in it (白水镇), a village team there (王寨村) and a city viewer.
 */
export const DEMO_ACCOUNTS: readonly DemoAccountPlan[] = [
  { username: 'demo-admin', displayName: '平凉市系统管理员（演示）', role: 'admin', orgCode: '620800' },
  { username: 'demo-city', displayName: '平凉市卫生健康委员会（演示）', role: 'bureau', orgCode: '620800' },
  { username: 'demo-county', displayName: '崆峒区卫生健康局（演示）', role: 'bureau', orgCode: '620802' },
  { username: 'demo-centre', displayName: '白水镇卫生院（演示）', role: 'centre', orgCode: '620802102' },
  { username: 'demo-team', displayName: '王寨村卫生室（演示）', role: 'team', orgCode: '620802102200' },
  { username: 'demo-viewer', displayName: '平凉市只读用户（演示）', role: 'viewer', orgCode: '620800' },
];

/** A demo account created, with the one-time password to print once. */
export interface DemoAccount extends DemoAccountPlan {
  readonly password: string;
}

/** The operator name the demo accounts are created by. */
export const DEMO_CREATOR = 'gongwei start';

/**
 * Creates the demo accounts when the database holds no user yet, and returns them with
 * their one-time passwords (an empty list when users exist: a later start creates none).
 * Each password must be changed at the first log-in. The orgs must be in the tree (the demo
 * imports Pingliang); a missing one is refused before any account is created.
 */
export async function createDemoAccounts(
  db: Db,
  options: { readonly now: Date; readonly random?: RandomBytes; readonly plans?: readonly DemoAccountPlan[] },
): Promise<DemoAccount[]> {
  if (await holdsUsers(db.kysely, WHOLE_TREE)) return [];
  const plans = options.plans ?? DEMO_ACCOUNTS;
  for (const plan of plans)
    if (!(await findOrgLineage(db.kysely, plan.orgCode)))
      throw GongweiError.unprocessable({
        zh: `演示账户的机构 ${plan.orgCode} 不在机构树中`,
        en: `the org '${plan.orgCode}' of a demo account is not in the org tree`,
      });
  const accounts = plans.map((plan) => ({
    ...plan,
    password: oneTimePassword(plan.username, options.random),
  }));
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  await db.kysely.transaction().execute(async (trx) => {
    for (const [i, account] of accounts.entries())
      await insertUser(trx, {
        username: account.username,
        displayName: account.displayName,
        orgCode: account.orgCode,
        role: account.role,
        passwordHash: hashes[i]!,
        mustChangePassword: true,
        createdBy: DEMO_CREATOR,
        now: options.now.toISOString(),
      });
  });
  return accounts;
}

/**
 * The table `gongwei start` prints once: username, role, org and one-time password, with
 * the note that each must be changed at the first log-in.
 */
export function demoAccountsTable(accounts: readonly DemoAccount[]): string {
  return [
    '演示账户 demo accounts (shown only this once):',
    textTable(
      ['用户名 username', '角色 role', '机构 org', '一次性密码 one-time password'],
      accounts.map((a) => [a.username, a.role, a.orgCode, a.password]),
    ).trimEnd(),
    '首次登录须修改密码 / each password must be changed at first log-in',
    '',
  ].join('\n');
}
