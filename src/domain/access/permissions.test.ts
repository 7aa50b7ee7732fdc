import { describe, expect, it } from 'vitest';
import {
  ALL_PERMISSIONS,
  canGrantRole,
  isRoleName,
  permissionsOf,
  ROLE_NAMES,
  ROLES,
  type Permission,
} from './permissions.js';

describe('roles and permissions', () => {
  it('gives the admin every permission and the viewer aggregates only', () => {
    expect([...permissionsOf('admin')].sort()).toEqual([...ALL_PERMISSIONS].sort());
    expect([...permissionsOf('viewer')]).toEqual(['aggregates.read']);
    for (const role of ROLE_NAMES) expect(permissionsOf(role).has('aggregates.read')).toBe(true);
  });

  it('keeps personal data from the viewer and user management to the admin', () => {
    for (const role of ROLE_NAMES) {
      expect(permissionsOf(role).has('users.manage')).toBe(role === 'admin');
      expect(permissionsOf(role).has('personal.read')).toBe(role !== 'viewer');
    }
    expect(permissionsOf('team').has('personal.export')).toBe(false);
    expect(permissionsOf('bureau').has('records.write')).toBe(false);
  });

  it('knows its role names', () => {
    expect(ROLE_NAMES).toEqual(['admin', 'bureau', 'centre', 'team', 'viewer']);
    expect(isRoleName('centre')).toBe(true);
    expect(isRoleName('root')).toBe(false);
    expect(isRoleName('toString')).toBe(false);
  });
});

describe('canGrantRole', () => {
  it('lets the admin grant every role and no other role grant any', () => {
    for (const role of ROLE_NAMES) {
      expect(canGrantRole(permissionsOf('admin'), role)).toBe(true);
      for (const granter of ROLE_NAMES.filter((r) => r !== 'admin'))
        expect(canGrantRole(permissionsOf(granter), role)).toBe(false);
    }
  });

  it('grants a role only when the granter holds every one of its permissions', () => {
    const holding = (...permissions: Permission[]): Set<Permission> =>
      new Set(['users.manage', ...permissions]);
    expect(canGrantRole(holding('aggregates.read'), 'viewer')).toBe(true);
    expect(canGrantRole(holding(), 'viewer')).toBe(false);
    const team = ROLES.team.permissions;
    expect(canGrantRole(holding(...team), 'team')).toBe(true);
    // Each permission of the team role, missing alone, refuses the grant.
    for (const missing of team)
      expect(canGrantRole(holding(...team.filter((p) => p !== missing)), 'team')).toBe(false);
    expect(canGrantRole(holding(...team), 'centre')).toBe(false);
    // Everything but users.manage: a granter that cannot manage users grants nothing.
    const allButManage = new Set(ALL_PERMISSIONS.filter((p) => p !== 'users.manage'));
    expect(canGrantRole(allButManage, 'viewer')).toBe(false);
    // The admin role itself needs every permission.
    expect(canGrantRole(holding(...ALL_PERMISSIONS.filter((p) => p !== 'access-log.read')), 'admin')).toBe(
      false,
    );
  });
});
