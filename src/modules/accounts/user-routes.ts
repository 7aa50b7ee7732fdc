import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { USERNAME_PATTERN } from '../../domain/access/account-names.js';
import { ROLE_NAMES, type RoleName } from '../../domain/access/permissions.js';
import { ORG_CODE_PATTERN } from '../../domain/orgs/division-codes.js';
import { noteAccess } from '../../server/access-notes.js';
import { callerOf } from '../../server/caller-scope.js';
import { ErrorSchema } from '../../server/error-reply.js';
import { addUser, changeUser, listUsersOf, lockUser, resetPassword, unlockUser } from './manage-users.js';
import type { User } from './users-repository.js';

/** A role name in a request or an answer. */
export const RoleSchema = z
  .enum(ROLE_NAMES as [RoleName, ...RoleName[]])
  .describe('admin | bureau | centre | team | viewer (docs/security.md)');

/** An org code in a request. */
export const OrgCodeSchema = z
  .string()
  .regex(ORG_CODE_PATTERN, 'org code has 6, 9 or 12 digits')
  .describe('the org whose subtree is the scope');

const Username = z
  .string()
  .regex(USERNAME_PATTERN, 'a username has 3–32 lower-case letters, digits or . _ -')
  .describe('3–32 lower-case letters, digits, . _ -');

const UserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    orgCode: z.string(),
    role: RoleSchema,
    active: z.boolean().describe('false: locked by an administrator'),
    mustChangePassword: z.boolean(),
    lockedUntil: z.string().nullable().describe('locked after 5 failed log-ins until then'),
    failedAttempts: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .describe('A user (never its password)');

const NewUserBody = z.object({
  username: Username,
  displayName: z.string().max(100).describe('shown in the UI; the username when empty'),
  role: RoleSchema,
  orgCode: OrgCodeSchema,
  password: z.string().min(1).max(1000).describe('≥ 10 characters of 3 classes, not holding the username'),
  mustChangePassword: z.boolean().default(true).describe('force a change at the first log-in (default true)'),
});

const UserChangeBody = z.object({
  role: RoleSchema.optional(),
  orgCode: OrgCodeSchema.optional(),
  displayName: z.string().min(1).max(100).optional(),
});

const PasswordReset = z.object({
  password: z.string().min(1).max(1000).describe('the new password; it must be changed at the next log-in'),
});

const UsernameParams = z.object({ username: Username });

const toAnswer = (user: User): z.infer<typeof UserSchema> => ({ ...user });

/**
 * User management under /api/users (permission `users.manage`): list the users in scope,
 * create one, change role, org or display name, lock and unlock, reset a password. Every
 * write is in the access trail under the user it concerns.
 */
export async function registerUserRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'users.manage' } as const;
  const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

  api.get(
    '/users',
    {
      config,
      schema: {
        tags: ['users'],
        summary: 'Users in scope | 用户列表',
        querystring: z.object({ org: OrgCodeSchema.optional().describe('only users at or below this org') }),
        response: { 200: z.array(UserSchema), ...errors },
      },
    },
    async (request) => {
      const users = await listUsersOf(db, callerOf(request), request.query.org);
      noteAccess(request, {
        action: 'users.read',
        objectType: 'user',
        orgCode: request.query.org ?? null,
        rowCount: users.length,
      });
      return users.map(toAnswer);
    },
  );

  api.post(
    '/users',
    {
      config,
      schema: {
        tags: ['users'],
        summary: 'Create a user | 新建用户',
        body: NewUserBody,
        response: { 201: UserSchema, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      noteAccess(request, {
        action: 'user.create',
        objectType: 'user',
        objectId: body.username,
        orgCode: body.orgCode,
      });
      const user = await addUser(db, callerOf(request), body, { now: new Date() });
      return reply.status(201).send(toAnswer(user));
    },
  );

  api.patch(
    '/users/:username',
    {
      config,
      schema: {
        tags: ['users'],
        summary: 'Change role, org or display name | 变更用户角色、机构或名称',
        params: UsernameParams,
        body: UserChangeBody,
        response: { 200: UserSchema, ...errors },
      },
    },
    async (request) => {
      const { username } = request.params;
      noteAccess(request, {
        action: 'user.change',
        objectType: 'user',
        objectId: username,
        orgCode: request.body.orgCode ?? null,
      });
      return toAnswer(await changeUser(db, callerOf(request), username, request.body));
    },
  );

  api.post(
    '/users/:username/lock',
    {
      config,
      schema: {
        tags: ['users'],
        summary: 'Lock a user and end its sessions | 锁定用户',
        params: UsernameParams,
        response: { 200: UserSchema, ...errors },
      },
    },
    async (request) => {
      const { username } = request.params;
      noteAccess(request, { action: 'user.lock', objectType: 'user', objectId: username });
      return toAnswer(await lockUser(db, callerOf(request), username, { now: new Date() }));
    },
  );

  api.post(
    '/users/:username/unlock',
    {
      config,
      schema: {
        tags: ['users'],
        summary: 'Unlock a user | 解锁用户',
        params: UsernameParams,
        response: { 200: UserSchema, ...errors },
      },
    },
    async (request) => {
      const { username } = request.params;
      noteAccess(request, { action: 'user.unlock', objectType: 'user', objectId: username });
      return toAnswer(await unlockUser(db, callerOf(request), username));
    },
  );

  api.post(
    '/users/:username/password',
    {
      config,
      schema: {
        tags: ['users'],
        summary: 'Reset a password (must be changed at next log-in) | 重置密码',
        params: UsernameParams,
        body: PasswordReset,
        response: { 200: UserSchema, ...errors },
      },
    },
    async (request) => {
      const { username } = request.params;
      noteAccess(request, { action: 'user.password-reset', objectType: 'user', objectId: username });
      return toAnswer(
        await resetPassword(db, callerOf(request), username, request.body.password, { now: new Date() }),
      );
    },
  );
}
