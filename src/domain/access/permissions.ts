/**
 * What a caller may do. Each role is a fixed set of these, defined once here and documented
 * in docs/security.md (generated from this file by `src/domain/access/permissions-doc.ts`).
 * A route declares the one permission it needs; the server refuses the others with 403.
 */
export const PERMISSIONS = {
  'aggregates.read': { zh: '查看汇总指标、目标、通报', en: 'read aggregates, targets and bulletins' },
  'personal.read': { zh: '查看个人信息（范围内）', en: 'read personal data in scope' },
  'personal.export': { zh: '导出含个人信息的名单', en: 'export lists with personal data' },
  'records.write': { zh: '录入、修改档案和服务记录', en: 'record residents, enrollments and services' },
  'orgs.write': { zh: '修改机构负责人和联系方式', en: 'edit org responsible person and contact' },
  'targets.write': { zh: '设定和分解目标、推进计划', en: 'set and decompose targets, push plans' },
  'audits.run': { zh: '运行数据质量核查', en: 'run data-quality audits' },
  'findings.resolve': { zh: '处理核查问题', en: 'resolve and reopen audit findings' },
  'merges.write': { zh: '合并重复档案', en: 'merge duplicate records' },
  'bulletins.write': { zh: '生成通报、管理定时通报', en: 'generate bulletins and manage schedules' },
  'due.read': { zh: '查看随访提醒', en: 'read due lists' },
  'contracts.read': {
    zh: '查看家庭医生团队和签约名单（居民信息脱敏）',
    en: 'read family-doctor teams and contract lists (residents masked)',
  },
  'contracts.write': { zh: '导入家庭医生团队和签约', en: 'import family-doctor teams and contracts' },
  'assessment.write': {
    zh: '管理考核方案、录入现场考核得分、运行绩效考核',
    en: 'manage assessment schemes, enter on-site scores, run assessments',
  },
  'funds.write': {
    zh: '分配基本公卫经费、录入拨付记录',
    en: 'allocate basic public health funds and record disbursements',
  },
  'users.manage': { zh: '管理用户和接口令牌', en: 'manage users and API tokens' },
  'access-log.read': { zh: '查看访问日志', en: 'read the access trail' },
} as const satisfies Record<string, { zh: string; en: string }>;

/** One permission, e.g. `'records.write'`. */
export type Permission = keyof typeof PERMISSIONS;

/** Every permission, in the order of {@link PERMISSIONS}. */
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

interface RoleDefinition {
  readonly label: { zh: string; en: string };
  readonly who: { zh: string; en: string };
  readonly permissions: readonly Permission[];
}

/**
 * The five roles (issue 10, DESIGN C9). A user holds one role at one org; the role's
 * permissions apply inside that org's subtree only.
 */
export const ROLES = {
  admin: {
    label: { zh: '系统管理员', en: 'administrator' },
    who: { zh: '管理范围内的用户和一切数据', en: 'users and everything in scope' },
    permissions: ALL_PERMISSIONS,
  },
  bureau: {
    label: { zh: '卫生健康局', en: 'health bureau' },
    who: {
      zh: '县/市/省卫生健康行政部门：汇总与个人信息、目标、核查与合并、通报、定时任务',
      en: 'county/city/province office: aggregates and personal data, targets, audits and merges, bulletins, schedules',
    },
    permissions: [
      'aggregates.read',
      'personal.read',
      'personal.export',
      'orgs.write',
      'targets.write',
      'audits.run',
      'findings.resolve',
      'merges.write',
      'bulletins.write',
      'assessment.write',
      'funds.write',
      'due.read',
      'contracts.read',
      'access-log.read',
    ],
  },
  centre: {
    label: { zh: '乡镇卫生院/社区卫生服务中心', en: 'health centre' },
    who: {
      zh: '本辖区的汇总与个人信息、目标、核查与合并、通报；录入服务；处理核查问题',
      en: 'the same for its subtree; records services, resolves findings',
    },
    permissions: [
      'aggregates.read',
      'personal.read',
      'personal.export',
      'records.write',
      'targets.write',
      'audits.run',
      'findings.resolve',
      'merges.write',
      'bulletins.write',
      'due.read',
      'contracts.read',
      'contracts.write',
    ],
  },
  team: {
    label: { zh: '村医/家庭医生团队', en: 'village doctor or family-doctor team' },
    who: {
      zh: '本团队所辖村的居民、录入服务、随访提醒',
      en: "its villages' residents, records services, its due work",
    },
    permissions: ['aggregates.read', 'personal.read', 'records.write', 'due.read', 'contracts.read'],
  },
  viewer: {
    label: { zh: '只读用户', en: 'viewer' },
    who: { zh: '只看汇总，不看个人信息', en: 'aggregates only, never personal data' },
    permissions: ['aggregates.read'],
  },
} as const satisfies Record<string, RoleDefinition>;

/** A role's name, e.g. `'centre'`. */
export type RoleName = keyof typeof ROLES;

/** Every role name, most powerful first. */
export const ROLE_NAMES = Object.keys(ROLES) as RoleName[];

/** True when `value` names a role. */
export function isRoleName(value: string): value is RoleName {
  return Object.hasOwn(ROLES, value);
}

/** The permissions of `role`. */
export function permissionsOf(role: RoleName): ReadonlySet<Permission> {
  return new Set<Permission>(ROLES[role].permissions);
}

/**
 * True when a holder of `granter` may give `role` to someone: only what they hold. Whether
 * the org lies in the granter's scope is checked by the caller with `scopeIncludes`.
 *
 * @example
 * canGrantRole(permissionsOf('admin'), 'team')   // true
 * canGrantRole(permissionsOf('bureau'), 'viewer') // false: a bureau does not manage users
 */
export function canGrantRole(granter: ReadonlySet<Permission>, role: RoleName): boolean {
  if (!granter.has('users.manage')) return false;
  return ROLES[role].permissions.every((p) => granter.has(p));
}
