import { readFileSync, writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { withDb, withDbOption } from '../../cli/command-context.js';
import { withGeneratedRoles, rolesMarkdown } from '../../domain/access/permissions-doc.js';
import { ROLE_NAMES, type RoleName } from '../../domain/access/permissions.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { isOrgCode } from '../../domain/orgs/division-codes.js';
import type { ApiToken } from './api-tokens-repository.js';
import { readPasswordFromStdin, textTable } from './cli-output.js';
import {
  addApiToken,
  DEFAULT_TOKEN_DAYS,
  listTokensOf,
  MAX_TOKEN_DAYS,
  revokeToken,
} from './manage-tokens.js';
import {
  addUser,
  listUsersOf,
  lockUser,
  resetPassword,
  unlockUser,
  type UserFields,
} from './manage-users.js';
import { localOperator, recordOperatorAction } from './operator.js';
import type { User } from './users-repository.js';

const CLI_USER_FIELDS: UserFields = {
  username: '--username',
  role: '--role',
  org: '--org',
  password: '--password-stdin',
};

const roleOption = (): Option =>
  new Option('--role <role>', 'role (docs/security.md)').choices(ROLE_NAMES).makeOptionMandatory();

const formatOption = (): Option =>
  new Option('--format <format>', 'output format').choices(['table', 'json']).default('table');

function checkedOrg(code: string, option: string): string {
  const trimmed = code.trim();
  if (!isOrgCode(trimmed))
    throw GongweiError.badRequest(
      { zh: `机构代码应为6、9或12位数字：${trimmed}`, en: `an org code has 6, 9 or 12 digits: ${trimmed}` },
      option,
    );
  return trimmed;
}

function requirePasswordStdin(given: boolean | undefined): void {
  // No default password anywhere, and none on the command line (shell history, ps).
  if (!given)
    throw GongweiError.badRequest(
      {
        zh: '请用 --password-stdin 从标准输入传入密码',
        en: 'give the password on standard input with --password-stdin',
      },
      '--password-stdin',
    );
}

function userState(user: User, now: string): string {
  if (!user.active) return '已锁定 locked';
  if (user.lockedUntil !== null && user.lockedUntil > now)
    return `暂停至 locked out until ${user.lockedUntil}`;
  return '正常 active';
}

function usersTable(users: readonly User[]): string {
  const now = new Date().toISOString();
  return (
    textTable(
      [
        '用户名 username',
        '名称 name',
        '角色 role',
        '机构 org',
        '状态 state',
        '须改密码 must change',
        '创建人 created by',
      ],
      users.map((u) => [
        u.username,
        u.displayName,
        u.role,
        u.orgCode,
        userState(u, now),
        u.mustChangePassword ? '是 yes' : '否 no',
        u.createdBy,
      ]),
    ) + `共 ${users.length} 个用户 ${users.length} users\n`
  );
}

function tokensTable(tokens: readonly ApiToken[]): string {
  const now = new Date().toISOString();
  const state = (t: ApiToken): string =>
    t.revokedAt !== null ? '已吊销 revoked' : t.expiresAt <= now ? '已过期 expired' : '有效 live';
  return (
    textTable(
      [
        'id',
        '名称 name',
        '角色 role',
        '机构 org',
        '状态 state',
        '到期 expires',
        '最近使用 last used',
        '创建人 created by',
      ],
      tokens.map((t) => [
        String(t.id),
        t.name,
        t.role,
        t.orgCode,
        state(t),
        t.expiresAt,
        t.lastUsedAt ?? '—',
        t.createdBy,
      ]),
    ) + `共 ${tokens.length} 个令牌 ${tokens.length} tokens\n`
  );
}

/**
 * `gongwei users add | list | lock | unlock | reset | roles`: accounts of the people who sign
 * in (issue 10). Passwords come on standard input only. The command acts as the local
 * operator (every right, the whole tree) and is written to the access trail as such.
 *
 * @example
 * printf '%s\n' "$PW" | gongwei users add --username kt.admin --role admin --org 620802 --password-stdin --must-change
 * gongwei users lock kt.admin
 */
export function registerUserCommands(program: Command): void {
  const users = program.command('users').description('user accounts and roles | 用户与角色');

  withDbOption(users.command('add'))
    .description('create a user; the password is read from standard input | 新建用户')
    .requiredOption('--username <name>', '3–32 lower-case letters, digits, . _ -')
    .addOption(roleOption())
    .requiredOption('--org <code>', 'org code: the user sees its subtree')
    .option('--password-stdin', 'read the password from standard input (required)')
    .option('--display-name <name>', 'name shown in the UI (default: the username)')
    .option('--must-change', 'the password must be changed at the first log-in')
    .action(
      (options: {
        db?: string;
        username: string;
        role: RoleName;
        org: string;
        passwordStdin?: boolean;
        displayName?: string;
        mustChange?: boolean;
      }) =>
        withDb(options, async (db) => {
          requirePasswordStdin(options.passwordStdin);
          const orgCode = checkedOrg(options.org, '--org');
          const password = await readPasswordFromStdin();
          const operator = localOperator();
          const user = await addUser(
            db,
            operator,
            {
              username: options.username.trim(),
              displayName: options.displayName ?? '',
              role: options.role,
              orgCode,
              password,
              mustChangePassword: options.mustChange === true,
            },
            { now: new Date(), fields: CLI_USER_FIELDS },
          );
          await recordOperatorAction(db, operator, {
            action: 'user.create',
            objectType: 'user',
            objectId: user.username,
            orgCode,
          });
          process.stdout.write(
            `已创建用户 ${user.username}（${user.role}，${user.orgCode}${user.mustChangePassword ? '，首次登录须修改密码' : ''}）\n` +
              `Created user ${user.username} (${user.role} at ${user.orgCode}${user.mustChangePassword ? '; must change the password at first log-in' : ''})\n`,
          );
        }),
    );

  withDbOption(users.command('list'))
    .description('list users, below an org when given | 用户列表')
    .option('--org <code>', 'only users at or below this org')
    .addOption(formatOption())
    .action((options: { db?: string; org?: string; format: 'table' | 'json' }) =>
      withDb(options, async (db) => {
        const orgCode = options.org === undefined ? undefined : checkedOrg(options.org, '--org');
        const operator = localOperator();
        const list = await listUsersOf(db, operator, orgCode, '--org');
        await recordOperatorAction(db, operator, {
          action: 'users.read',
          objectType: 'user',
          orgCode: orgCode ?? null,
          rowCount: list.length,
        });
        process.stdout.write(
          options.format === 'json' ? `${JSON.stringify(list, null, 2)}\n` : usersTable(list),
        );
      }),
    );

  const stateCommand = (name: 'lock' | 'unlock', description: string): void => {
    withDbOption(users.command(name))
      .description(description)
      .argument('<username>', 'the user')
      .action((username: string, options: { db?: string }) =>
        withDb(options, async (db) => {
          const operator = localOperator();
          const user =
            name === 'lock'
              ? await lockUser(db, operator, username, { now: new Date(), field: '<username>' })
              : await unlockUser(db, operator, username, { field: '<username>' });
          await recordOperatorAction(db, operator, {
            action: `user.${name}`,
            objectType: 'user',
            objectId: user.username,
          });
          process.stdout.write(
            name === 'lock'
              ? `已锁定 ${user.username}，其会话已结束 / locked ${user.username}; its sessions ended\n`
              : `已解锁 ${user.username} / unlocked ${user.username}\n`,
          );
        }),
      );
  };
  stateCommand('lock', 'lock a user out and end its sessions | 锁定用户');
  stateCommand('unlock', 'unlock a user (also lifts a lock-out after failed log-ins) | 解锁用户');

  withDbOption(users.command('reset'))
    .description('set a new password (read from standard input) that must be changed | 重置密码')
    .argument('<username>', 'the user')
    .option('--password-stdin', 'read the password from standard input (required)')
    .action((username: string, options: { db?: string; passwordStdin?: boolean }) =>
      withDb(options, async (db) => {
        requirePasswordStdin(options.passwordStdin);
        const password = await readPasswordFromStdin();
        const operator = localOperator();
        const user = await resetPassword(db, operator, username, password, {
          now: new Date(),
          fields: { username: '<username>', password: '--password-stdin' },
        });
        await recordOperatorAction(db, operator, {
          action: 'user.password-reset',
          objectType: 'user',
          objectId: user.username,
        });
        process.stdout.write(
          `已重置 ${user.username} 的密码，首次登录须修改，其会话已结束\n` +
            `Reset the password of ${user.username}: it must be changed at the next log-in; its sessions ended\n`,
        );
      }),
    );

  users
    .command('roles')
    .description('print the roles and permissions as Markdown, or update a document | 角色与权限')
    .option('--update <file>', 'replace the generated part of this Markdown file (docs/security.md)')
    .action((options: { update?: string }) => {
      if (options.update === undefined) {
        process.stdout.write(`${rolesMarkdown()}\n`);
        return;
      }
      writeFileSync(options.update, withGeneratedRoles(readFileSync(options.update, 'utf8')));
      process.stdout.write(`已更新 updated ${options.update}\n`);
    });
}

/**
 * `gongwei tokens add | list | revoke`: API tokens of systems that push records. The secret
 * is printed once, by `add`, on standard output (the rest goes to standard error, so that
 * `SECRET=$(gongwei tokens add …)` captures the secret alone).
 *
 * @example
 * gongwei tokens add --name his-push --role centre --org 620802102 --days 90
 */
export function registerTokenCommands(program: Command): void {
  const tokens = program.command('tokens').description('API tokens of other systems | 接口令牌');

  withDbOption(tokens.command('add'))
    .description('create an API token and print its secret once | 新建接口令牌')
    .requiredOption('--name <name>', '1–64 letters, digits, . _ -')
    .addOption(roleOption())
    .requiredOption('--org <code>', 'org code: the token acts in its subtree')
    .option('--days <n>', `days until it expires, 1–${MAX_TOKEN_DAYS}`, String(DEFAULT_TOKEN_DAYS))
    .action((options: { db?: string; name: string; role: RoleName; org: string; days: string }) =>
      withDb(options, async (db) => {
        const orgCode = checkedOrg(options.org, '--org');
        const days = /^\d{1,4}$/.test(options.days.trim()) ? Number(options.days) : Number.NaN;
        const operator = localOperator();
        const { token, secret } = await addApiToken(
          db,
          operator,
          { name: options.name.trim(), role: options.role, orgCode, expiresInDays: days },
          { now: new Date(), fields: { name: '--name', role: '--role', org: '--org', days: '--days' } },
        );
        await recordOperatorAction(db, operator, {
          action: 'token.create',
          objectType: 'token',
          objectId: token.id,
          orgCode,
        });
        process.stderr.write(
          `已创建令牌 ${token.id} ${token.name}（${token.role}，${token.orgCode}），有效期至 ${token.expiresAt}\n` +
            `Created token ${token.id} ${token.name} (${token.role} at ${token.orgCode}), expires ${token.expiresAt}\n` +
            '密钥只显示这一次，请妥善保存；请求时发送 Authorization: Bearer <密钥>\n' +
            'The secret is shown only this once: keep it safe; send it as Authorization: Bearer <secret>\n',
        );
        process.stdout.write(`${secret}\n`);
      }),
    );

  withDbOption(tokens.command('list'))
    .description('list API tokens (never their secrets) | 令牌列表')
    .addOption(formatOption())
    .action((options: { db?: string; format: 'table' | 'json' }) =>
      withDb(options, async (db) => {
        const list = await listTokensOf(db, localOperator());
        process.stdout.write(
          options.format === 'json' ? `${JSON.stringify(list, null, 2)}\n` : tokensTable(list),
        );
      }),
    );

  withDbOption(tokens.command('revoke'))
    .description('revoke an API token: its next request gets 401 | 吊销令牌')
    .argument('<id>', 'token id (see tokens list)')
    .action((id: string, options: { db?: string }) =>
      withDb(options, async (db) => {
        if (!/^\d{1,9}$/.test(id.trim()))
          throw GongweiError.badRequest(
            { zh: `令牌编号应为整数：${id}`, en: `a token id is a whole number: ${id}` },
            '<id>',
          );
        const operator = localOperator();
        const token = await revokeToken(db, operator, Number(id), { now: new Date(), field: '<id>' });
        await recordOperatorAction(db, operator, {
          action: 'token.revoke',
          objectType: 'token',
          objectId: token.id,
        });
        process.stdout.write(
          `已吊销令牌 ${token.id} ${token.name} / revoked token ${token.id} ${token.name}\n`,
        );
      }),
    );
}

/** The accounts module's commands: `users` and `tokens`. */
export function registerAccountCommands(program: Command): void {
  registerUserCommands(program);
  registerTokenCommands(program);
}
