/**
 * `gongwei targets set|list|decompose|parameter|progress` (DESIGN C4): set targets, list
 * them and their history, decompose a plan or split a stored target, set a named parameter,
 * and show progress. Translation only: each command parses its options, calls one use-case
 * with the operator's scope and prints the answer.
 */
import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { OPERATOR_SCOPE, withDb, withDbOption } from '../../cli/command-context.js';
import { formatPercent } from '../../domain/bulletins/chinese-format.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import type { MilestonePlan } from '../../domain/targets/milestones.js';
import { isPopulationBand, type TargetBase } from '../../domain/targets/target-rule.js';
import { cliActor, parseIntegerOption, parseRateOption } from './cli-input.js';
import { printJson, printTable, requireOut } from './cli-output.js';
import { decompositionXlsx } from './decomposition-export.js';
import { decomposeFile } from './plan-files.js';
import { progress } from './progress.js';
import { setParameter } from './set-parameter.js';
import { setTargets } from './set-targets.js';
import { splitTarget } from './split-target.js';
import { targetsOfSubtree } from './subtree-lists.js';
import { targetHistory } from './targets-repository.js';

interface SetOptions {
  db?: string;
  org: string;
  indicator: string;
  year: string;
  rate?: string;
  base?: string;
  band?: string;
  parameter?: string;
  count?: string;
  milestones?: string;
  curve?: string;
  share?: string;
  unit?: string;
  person?: string;
  format: string;
}

function baseOption(options: {
  base?: string;
  band?: string;
  parameter?: string;
  count?: string;
}): TargetBase | null {
  if (!options.base) return null;
  if (options.base === 'count') {
    if (options.count === undefined)
      throw GongweiError.badRequest(
        { zh: '基数为 count 时必填', en: 'required with --base count' },
        '--count',
      );
    return { kind: 'count', count: parseIntegerOption(options.count, '--count', 0, Number.MAX_SAFE_INTEGER) };
  }
  const band = options.band ?? 'total';
  if (!isPopulationBand(band))
    throw GongweiError.badRequest({ zh: `未知人口段 ${band}`, en: `unknown band: ${band}` }, '--band');
  if (options.base === 'population') return { kind: 'population', band };
  if (!options.parameter)
    throw GongweiError.badRequest(
      { zh: '基数为 expected 时必填', en: 'required with --base expected' },
      '--parameter',
    );
  return { kind: 'expected', band, parameter: options.parameter };
}

function planOption(options: { milestones?: string; curve?: string; share?: string }): MilestonePlan | null {
  if (!options.milestones && !options.curve) return null;
  if (!options.milestones || !options.curve)
    throw GongweiError.badRequest({
      zh: '--milestones 与 --curve 需同时给出',
      en: 'give both --milestones and --curve',
    });
  const due = options.milestones.split(',').map((m) => m.trim());
  const curve = options.curve.split(/[/,]/).map((w) => Number(w.trim()));
  if (curve.some((w) => !Number.isFinite(w) || w < 0))
    throw GongweiError.badRequest(
      { zh: `应写作 40/30/30：${options.curve}`, en: `expected like 40/30/30: ${options.curve}` },
      '--curve',
    );
  return { due, curve, share: options.share === undefined ? 1 : parseRateOption(options.share, '--share') };
}

/**
 * Adds `gongwei targets …` to the program.
 *
 * @example
 * gongwei targets set --org 620881 --indicator elderly.management_rate --year 2020
 * gongwei targets decompose --input ../shared/fixtures/yumen-2011-h1-decomposition.json --format json
 */
export function registerTargetsCommands(program: Command): void {
  const targets = program
    .command('targets')
    .description('targets, decomposition and progress | 任务与任务分解');

  withDbOption(targets.command('set'))
    .description('set a target: rate × base for an org, indicator and year | 设定任务')
    .requiredOption('--org <code>', 'org code')
    .requiredOption('--indicator <id>', 'indicator id, e.g. elderly.management_rate')
    .requiredOption('--year <year>', 'year')
    .option('--rate <rate>', 'rate 0..1 or percentage (default: urban/rural default of seeds/001)')
    .addOption(
      new Option('--base <kind>', 'what the rate applies to').choices(['population', 'expected', 'count']),
    )
    .option(
      '--band <band>',
      'population band: total, age0to6, age65plus, age15plus, age18plus, women15to49, liveBirths',
    )
    .option('--parameter <name>', 'named parameter for expected patients, e.g. hypertensionPrevalence')
    .option('--count <n>', 'explicit base count (with --base count)')
    .option('--milestones <list>', 'milestone periods, e.g. 2020-04,2020-05,2020-06 (default: 12 months)')
    .option('--curve <weights>', 'curve over the milestones, e.g. 40/30/30')
    .option('--share <rate>', 'share of the year due by the last milestone, e.g. 50%', undefined)
    .option('--unit <name>', 'responsible unit (default: the org’s responsible institution)')
    .option('--person <name>', 'responsible person (default: the org’s responsible person)')
    .addOption(new Option('--format <format>', 'output').choices(['json', 'table']).default('table'))
    .action((o: SetOptions) =>
      withDb(o, async (db) => {
        const result = await setTargets(
          db,
          OPERATOR_SCOPE,
          [
            {
              orgCode: o.org,
              indicator: o.indicator,
              year: parseIntegerOption(o.year, '--year', 1949, 2100),
              rate: o.rate === undefined ? null : parseRateOption(o.rate, '--rate'),
              base: baseOption(o),
              plan: planOption(o),
              responsibleUnit: o.unit ?? null,
              responsiblePerson: o.person ?? null,
            },
          ],
          cliActor(),
        );
        if (o.format === 'json') return printJson(result);
        for (const t of result.targets) {
          process.stdout.write(
            `${t.orgName} ${t.orgCode} ${t.indicator} ${t.year}：目标 target ${t.target}` +
              ` = 基数 base ${t.baseValue} × ${formatPercent(t.rate)}` +
              `（${result.inserted ? '新设 new' : '已更新 updated'}，by ${t.setBy}）\n`,
          );
        }
      }),
    );

  withDbOption(targets.command('list'))
    .description('list targets of an org subtree, or their history | 列出任务')
    .requiredOption('--org <code>', 'org code')
    .option('--depth <n>', 'levels below the org', '0')
    .option('--year <year>', 'year')
    .option('--indicator <id>', 'indicator id')
    .option('--history', 'show every change instead of the current targets')
    .addOption(new Option('--format <format>', 'output').choices(['json', 'table', 'csv']).default('table'))
    .action(
      (o: {
        db?: string;
        org: string;
        depth: string;
        year?: string;
        indicator?: string;
        history?: boolean;
        format: string;
      }) =>
        withDb(o, async (db) => {
          const year = o.year === undefined ? undefined : parseIntegerOption(o.year, '--year', 1949, 2100);
          if (o.history) {
            const changes = await targetHistory(db, OPERATOR_SCOPE, {
              orgCode: o.org,
              ...(o.indicator ? { indicator: o.indicator } : {}),
              ...(year !== undefined ? { year } : {}),
            });
            if (o.format === 'json') return printJson(changes);
            const head = [
              '机构 org',
              '指标 indicator',
              '年 year',
              '操作 action',
              '基数 base',
              '比例 rate',
              '目标 target',
              '修改人 by',
              '时间 at',
            ];
            const lines = changes.map((c) => [
              c.orgCode,
              c.indicator,
              c.year,
              c.action,
              c.baseValue ?? '',
              c.rate ?? '',
              c.target ?? '',
              c.changedBy,
              c.changedAt,
            ]);
            return printTable(head, lines, o.format === 'csv' ? ',' : '\t');
          }
          const rows = await targetsOfSubtree(db, OPERATOR_SCOPE, {
            orgCode: o.org,
            depth: parseIntegerOption(o.depth, '--depth', 0, 4),
            ...(o.indicator ? { indicator: o.indicator } : {}),
            ...(year !== undefined ? { year } : {}),
          });
          if (o.format === 'json') return printJson(rows);
          const head = [
            '机构代码',
            '机构',
            '指标',
            '年',
            '基数',
            '比例',
            '目标',
            '来源',
            '设定人',
            '设定时间',
          ];
          const lines = rows.map((t) => [
            t.orgCode,
            t.orgName,
            t.indicator,
            t.year,
            t.baseValue,
            t.rate,
            t.target,
            t.source,
            t.setBy,
            t.setAt,
          ]);
          printTable(head, lines, o.format === 'csv' ? ',' : '\t');
        }),
    );

  withDbOption(targets.command('decompose'))
    .description('decompose a plan file into milestones, or split a stored target over children | 任务分解')
    .option('--input <file>', 'plan JSON in the shape of fixtures/yumen-2011-h1-decomposition.json')
    .option('--org <code>', 'split the stored target of this org over its children')
    .option('--indicator <id>', 'indicator of the target to split')
    .option('--year <year>', 'year of the target to split')
    .option('--depth <n>', 'generations to split down (1 = children)', '1')
    .option('--title <text>', 'title of the xlsx sheet', '任务分解方案')
    .addOption(new Option('--format <format>', 'output').choices(['json', 'xlsx']).default('json'))
    .option('--out <file>', 'write to a file')
    .action(
      async (o: {
        db?: string;
        input?: string;
        org?: string;
        indicator?: string;
        year?: string;
        depth: string;
        title: string;
        format: string;
        out?: string;
      }) => {
        if (o.input) {
          const decomposition = decomposeFile(o.input);
          if (o.format === 'xlsx') {
            writeFileSync(requireOut('xlsx', o.out), await decompositionXlsx(decomposition, o.title));
            process.stdout.write(`已写入 written: ${o.out}\n`);
          } else if (o.out) writeFileSync(o.out, `${JSON.stringify(decomposition, null, 2)}\n`);
          else printJson(decomposition);
          return;
        }
        if (!o.org || !o.indicator || !o.year) {
          throw GongweiError.badRequest({
            zh: '需要 --input FILE，或 --org、--indicator 与 --year',
            en: 'give --input FILE, or --org, --indicator and --year',
          });
        }
        await withDb(o, async (db) => {
          const written = await splitTarget(
            db,
            OPERATOR_SCOPE,
            {
              orgCode: o.org as string,
              indicator: o.indicator as string,
              year: parseIntegerOption(o.year as string, '--year', 1949, 2100),
              depth: parseIntegerOption(o.depth, '--depth', 1, 4),
            },
            cliActor(),
          );
          if (o.format === 'json') return printJson(written);
          throw GongweiError.badRequest(
            { zh: '仅用于 --input 分解', en: 'only with --input' },
            '--format xlsx',
          );
        });
      },
    );

  withDbOption(targets.command('parameter'))
    .description('set a named parameter (e.g. hypertensionPrevalence) for an area and year | 设定参数')
    .requiredOption('--org <code>', 'org code')
    .requiredOption('--year <year>', 'year')
    .requiredOption('--name <name>', 'parameter name, e.g. hypertensionPrevalence')
    .requiredOption('--value <value>', 'value, e.g. 0.25 or 25%')
    .action((o: { db?: string; org: string; year: string; name: string; value: string }) =>
      withDb(o, async (db) => {
        const value = parseRateOption(o.value, '--value');
        const year = parseIntegerOption(o.year, '--year', 1949, 2100);
        const set = await setParameter(
          db,
          OPERATOR_SCOPE,
          { orgCode: o.org, year, name: o.name, value },
          cliActor(),
          '--org',
        );
        process.stdout.write(`${set.orgCode} ${set.year} ${set.name} = ${set.value}\n`);
      }),
    );

  withDbOption(targets.command('progress'))
    .description('progress of the children of an org against their milestones | 任务进度')
    .requiredOption('--org <code>', 'org code')
    .requiredOption('--period <period>', 'period: 2020, 2020H1, 2020Q2, 2020-06, 2020-06-1')
    .addOption(new Option('--format <format>', 'output').choices(['json', 'table']).default('table'))
    .action((o: { db?: string; org: string; period: string; format: string }) =>
      withDb(o, async (db) => {
        const rows = await progress(db, OPERATOR_SCOPE, { orgCode: o.org, period: o.period });
        if (o.format === 'json') return printJson(rows);
        const head = ['机构', '指标', '全年任务', '应完成', '已完成', '差距', '完成率'];
        const lines = rows.map((r) => [
          r.orgName,
          r.indicator,
          r.target,
          r.milestone,
          r.achieved,
          r.gap,
          r.completion === null ? '—' : formatPercent(r.completion),
        ]);
        printTable(head, lines, '\t');
      }),
    );
}
