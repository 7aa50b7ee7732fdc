import { Option, type Command } from 'commander';
import { OPERATOR_SCOPE, withDb, withDbOption } from '../../cli/command-context.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { isOrgCode, ORG_LEVEL_NAMES, type UrbanRural } from '../../domain/orgs/division-codes.js';
import { importDivisionTree } from './division-import.js';
import {
  getOrg,
  listRoots,
  listSubtree,
  updateOrgResponsible,
  type Org,
  type OrgResponsibleUpdate,
} from './org-repository.js';
import { scopeOfOrg } from './org-scope.js';
import { populationOf } from './population-repository.js';

interface ListOptions {
  db?: string;
  org?: string;
  depth: string;
  format: 'json' | 'table';
}

interface SetOptions {
  db?: string;
  responsibleInstitution?: string;
  responsiblePerson?: string;
  contactPhone?: string;
  urbanRural?: UrbanRural;
}

/**
 * `gongwei orgs import | list | set | population`: the org tree (DESIGN C1).
 *
 * @example
 * gongwei orgs import --from-division 620800
 * gongwei orgs list --org 620881 --depth 1 --format table
 * gongwei orgs set 620881 --responsible-person 王主任 --contact-phone 0933-7712345
 */
export function registerOrgCommands(program: Command): void {
  const orgs = program
    .command('orgs')
    .description('org tree: areas, villages, responsible persons | 区划与机构');

  withDbOption(orgs.command('import'))
    .description('import the real division tree below a province, city or county | 从行政区划导入')
    .requiredOption('--from-division <code>', '6-digit division code, e.g. 620800 (平凉市)')
    .action((options: { db?: string; fromDivision: string }) =>
      withDb(options, async (db) => {
        const code = options.fromDivision.trim();
        if (!/^\d{6}$/.test(code)) {
          throw GongweiError.badRequest(
            { zh: `区划代码应为6位数字：${code}`, en: `a 6-digit code is expected: ${code}` },
            '--from-division',
          );
        }
        const result = await importDivisionTree(db, code);
        const root = await getOrg(db, OPERATOR_SCOPE, code);
        const levels = ([1, 2, 3, 4, 5] as const).filter((level) => result.byLevel[level] > 0);
        const zh = levels.map((level) => `${result.byLevel[level]} ${ORG_LEVEL_NAMES[level].zh}`).join('、');
        const en = levels.map((level) => `${result.byLevel[level]} ${ORG_LEVEL_NAMES[level].en}`).join(', ');
        process.stdout.write(
          `已导入 ${root?.name ?? code} ${code}：${zh}（新增 ${result.inserted}，更新 ${result.updated}）\n` +
            `Imported ${code}: ${en}; ${result.inserted} new, ${result.updated} updated\n`,
        );
      }),
    );

  withDbOption(orgs.command('list'))
    .description('list an org and its subtree | 列出机构')
    .option('--org <code>', 'root of the listing (default: every top-level org)')
    .option('--depth <n>', 'levels below the root to show', '1')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .action((options: ListOptions) =>
      withDb(options, async (db) => {
        const depth = Number(options.depth);
        if (!Number.isInteger(depth) || depth < 0) {
          throw GongweiError.badRequest(
            {
              zh: `应为非负整数：${options.depth}`,
              en: `a non-negative integer is expected: ${options.depth}`,
            },
            '--depth',
          );
        }
        let rows: Org[];
        if (options.org !== undefined) {
          const code = checkedCode(options.org, '--org');
          const { scope } = await scopeOfOrg(db.kysely, OPERATOR_SCOPE, code, { field: '--org' });
          rows = await listSubtree(db, scope, code, depth);
        } else {
          rows = [];
          for (const root of await listRoots(db, OPERATOR_SCOPE))
            rows.push(...(await listSubtree(db, OPERATOR_SCOPE, root.code, depth)));
        }
        if (options.format === 'json') {
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        } else {
          process.stdout.write(formatTable(rows));
        }
      }),
    );

  withDbOption(orgs.command('set'))
    .description('set the responsible institution, person, phone or urban/rural type | 设置负责机构与联系人')
    .argument('<code>', 'org code')
    .option('--responsible-institution <name>', 'responsible institution (empty to clear)')
    .option('--responsible-person <name>', 'responsible person (empty to clear)')
    .option('--contact-phone <phone>', 'contact phone (empty to clear)')
    .addOption(new Option('--urban-rural <type>', 'urban or rural').choices(['urban', 'rural']))
    .action((code: string, options: SetOptions) =>
      withDb(options, async (db) => {
        const orgCode = checkedCode(code, '<code>');
        const clearable = (value: string | undefined): string | null | undefined =>
          value === undefined ? undefined : value.trim() === '' ? null : value.trim();
        const update: OrgResponsibleUpdate = {
          responsibleInstitution: clearable(options.responsibleInstitution),
          responsiblePerson: clearable(options.responsiblePerson),
          contactPhone: clearable(options.contactPhone),
          urbanRural: options.urbanRural,
        };
        if (Object.values(update).every((v) => v === undefined)) {
          throw GongweiError.badRequest({
            zh: 'orgs set：未指定要修改的字段',
            en: 'orgs set: nothing to set (see --help)',
          });
        }
        const { scope } = await scopeOfOrg(db.kysely, OPERATOR_SCOPE, orgCode, { field: '<code>' });
        const org = await updateOrgResponsible(db, scope, orgCode, update);
        if (!org)
          throw GongweiError.notFound(
            { zh: `未找到机构：${orgCode}`, en: `unknown org: ${orgCode}` },
            '<code>',
          );
        process.stdout.write(`${JSON.stringify(org)}\n`);
      }),
    );

  withDbOption(orgs.command('population'))
    .description("an org's population for a year (sum of its villages) | 机构人口")
    .argument('<code>', 'org code')
    .requiredOption('--year <year>', 'year, e.g. 2020')
    .action((code: string, options: { db?: string; year: string }) =>
      withDb(options, async (db) => {
        const orgCode = checkedCode(code, '<code>');
        const year = Number(options.year);
        if (!Number.isInteger(year))
          throw GongweiError.badRequest(
            { zh: `应为年份：${options.year}`, en: `a year is expected: ${options.year}` },
            '--year',
          );
        const { scope } = await scopeOfOrg(db.kysely, OPERATOR_SCOPE, orgCode, { field: '<code>' });
        const population = await populationOf(db, scope, orgCode, year);
        if (!population) {
          throw GongweiError.notFound(
            { zh: `${year}年无人口数据`, en: `no population for ${year}` },
            orgCode,
          );
        }
        process.stdout.write(`${JSON.stringify(population)}\n`);
      }),
    );
}

function checkedCode(code: string, option: string): string {
  const trimmed = code.trim();
  if (!isOrgCode(trimmed)) {
    throw GongweiError.badRequest(
      {
        zh: `机构代码应为6、9或12位数字：${trimmed}`,
        en: `an org code has 6, 9 or 12 digits: ${trimmed}`,
      },
      option,
    );
  }
  return trimmed;
}

/** Terminal width of a string: CJK and full-width characters take two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}

function formatTable(rows: readonly Org[]): string {
  const urbanRural = { urban: '城镇', rural: '乡村' } as const;
  const header = [
    '代码 code',
    '名称 name',
    '级别 level',
    '城乡 type',
    '负责机构 institution',
    '负责人 person',
    '电话 phone',
  ];
  const cells = rows.map((o) => [
    o.code,
    `${'  '.repeat(o.level - (rows[0]?.level ?? o.level))}${o.name}`,
    ORG_LEVEL_NAMES[o.level].zh,
    o.urbanRural ? urbanRural[o.urbanRural] : '',
    o.responsibleInstitution ?? '',
    o.responsiblePerson ?? '',
    o.contactPhone ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...cells.map((c) => displayWidth(c[i]!))));
  const line = (cols: readonly string[]): string =>
    cols
      .map((c, i) => c + ' '.repeat(widths[i]! - displayWidth(c)))
      .join('  ')
      .trimEnd();
  return [line(header), ...cells.map(line)].join('\n') + `\n共 ${rows.length} 个机构 ${rows.length} orgs\n`;
}
