/**
 * The roles and permissions tables of docs/security.md, generated from
 * src/domain/access/permissions.ts so that the document and the code cannot drift apart
 * (a test compares them). The prose of the document stays around the generated part, which
 * lies between two marker comments. Regenerate with
 * `node bin/gongwei.js users roles --update docs/security.md` after `npm run build`.
 */
import { GongweiError } from '../gongwei-error.js';
import {
  ALL_PERMISSIONS,
  PERMISSIONS,
  ROLE_NAMES,
  ROLES,
  type Permission,
  type RoleName,
} from './permissions.js';

/** The comment the generated part starts with. */
export const GENERATED_ROLES_BEGIN =
  '<!-- BEGIN roles: generated from src/domain/access/permissions.ts by `node bin/gongwei.js users roles --update docs/security.md`; do not edit by hand. -->';

/** The comment the generated part ends with. */
export const GENERATED_ROLES_END = '<!-- END roles -->';

type RoleTable = Readonly<
  Record<
    RoleName,
    {
      readonly label: { readonly zh: string; readonly en: string };
      readonly who: { readonly zh: string; readonly en: string };
      readonly permissions: readonly Permission[];
    }
  >
>;

/** A `|` would end a table cell. */
const cell = (text: string): string => text.replaceAll('|', '\\|');

/**
 * The generated part of docs/security.md, markers included: the roles with who holds them,
 * and a matrix of every permission against every role.
 */
export function rolesMarkdown(roles: RoleTable = ROLES): string {
  const lines = [
    GENERATED_ROLES_BEGIN,
    '',
    '| role | 名称 name | 谁 who |',
    '| --- | --- | --- |',
    ...ROLE_NAMES.map(
      (r) =>
        `| \`${r}\` | ${cell(roles[r].label.zh)}<br>${cell(roles[r].label.en)} | ${cell(roles[r].who.zh)}<br>${cell(roles[r].who.en)} |`,
    ),
    '',
    `| permission | 含义 meaning | ${ROLE_NAMES.map((r) => `\`${r}\``).join(' | ')} |`,
    `| --- | --- | ${ROLE_NAMES.map(() => ':---:').join(' | ')} |`,
    ...ALL_PERMISSIONS.map((p) => {
      const marks = ROLE_NAMES.map((r) => (roles[r].permissions.includes(p) ? '✓' : ''));
      return `| \`${p}\` | ${cell(PERMISSIONS[p].zh)}<br>${cell(PERMISSIONS[p].en)} | ${marks.join(' | ')} |`;
    }),
    '',
    GENERATED_ROLES_END,
  ];
  return lines.join('\n');
}

/**
 * `document` with its generated part replaced by what the role definitions give now.
 *
 * @example writeFileSync('docs/security.md', withGeneratedRoles(readFileSync('docs/security.md', 'utf8')))
 */
export function withGeneratedRoles(document: string, roles: RoleTable = ROLES): string {
  const begin = document.indexOf(GENERATED_ROLES_BEGIN);
  const end = document.indexOf(GENERATED_ROLES_END);
  if (begin < 0 || end < begin)
    throw GongweiError.unprocessable({
      zh: `文档中没有生成部分：请加入 ${GENERATED_ROLES_BEGIN} 与 ${GENERATED_ROLES_END} 两行`,
      en: `the document has no generated part: add the lines ${GENERATED_ROLES_BEGIN} and ${GENERATED_ROLES_END}`,
    });
  return document.slice(0, begin) + rolesMarkdown(roles) + document.slice(end + GENERATED_ROLES_END.length);
}
