import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { UserError, withDb, withDbOption } from '../../cli/command-context.js';
import { formatPercent } from '../../domain/bulletins/chinese-format.js';
import { requireDate, type DayCounting } from '../../domain/targets/calendar.js';
import type { MilestonePlan } from '../../domain/targets/milestones.js';
import type { PushPlan } from '../../domain/targets/push-plan.js';
import { isPopulationBand, type TargetBase } from '../../domain/targets/target-rule.js';
import {
  asUserErrors,
  cliActor,
  parseIntegerOption,
  parseRateOption,
  readDateList,
  today,
} from './cli-input.js';
import { decompositionXlsx } from './decomposition-export.js';
import { orgPushPlan, runCheckpoint, savePushPlan } from './org-push-plan.js';
import { checkPlanFile, decomposeFile, pushPlanFromFile } from './plan-files.js';
import { progress } from './progress.js';
import {
  createPushPlanSchedule,
  runDueCheckpoints,
  type CheckpointRun,
} from './run-push-plan-checkpoints.js';
import { pushPlanCsv, pushPlanDocx, pushPlanText, pushPlanXlsx } from './push-plan-export.js';
import { setTargets } from './set-targets.js';
import { splitTarget } from './split-target.js';
import {
  endPushPlanSchedule,
  listPushPlanSchedules,
  listSnapshots,
  listTargets,
  readSnapshot,
  targetHistory,
  writeParameter,
} from './targets-repository.js';
import { getOrg } from '../orgs/org-repository.js';

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
  by?: string;
  format: string;
}

function json(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function requireOut(format: string, out: string | undefined): string {
  if (!out) throw new UserError(`--format ${format}: 需要 --out 文件 a file is required with --out`);
  return out;
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
      throw new UserError('--count: 基数为 count 时必填 required with --base count');
    return { kind: 'count', count: parseIntegerOption(options.count, '--count', 0, Number.MAX_SAFE_INTEGER) };
  }
  const band = options.band ?? 'total';
  if (!isPopulationBand(band)) throw new UserError(`--band: 未知人口段 unknown band: ${band}`);
  if (options.base === 'population') return { kind: 'population', band };
  if (!options.parameter)
    throw new UserError('--parameter: 基数为 expected 时必填 required with --base expected');
  return { kind: 'expected', band, parameter: options.parameter };
}

function planOption(options: { milestones?: string; curve?: string; share?: string }): MilestonePlan | null {
  if (!options.milestones && !options.curve) return null;
  if (!options.milestones || !options.curve)
    throw new UserError('--milestones 与 --curve 需同时给出 give both --milestones and --curve');
  const due = options.milestones.split(',').map((m) => m.trim());
  const curve = options.curve.split(/[/,]/).map((w) => Number(w.trim()));
  if (curve.some((w) => !Number.isFinite(w) || w < 0))
    throw new UserError(`--curve: 应写作 40/30/30 expected like 40/30/30: ${options.curve}`);
  return { due, curve, share: options.share === undefined ? 1 : parseRateOption(options.share, '--share') };
}

async function writePushPlan(
  plan: PushPlan,
  format: string,
  out: string | undefined,
  heading: { title: string; doneAsOf?: string },
  extra: Record<string, unknown> = {},
): Promise<void> {
  if (format === 'json') {
    const text = `${JSON.stringify({ ...extra, ...plan }, null, 2)}\n`;
    if (out) writeFileSync(out, text);
    else process.stdout.write(text);
  } else if (format === 'csv') {
    if (out) writeFileSync(out, pushPlanCsv(plan));
    else process.stdout.write(pushPlanCsv(plan));
  } else if (format === 'table') {
    if (out) writeFileSync(out, pushPlanText(plan, heading));
    else process.stdout.write(pushPlanText(plan, heading));
  } else if (format === 'xlsx') {
    writeFileSync(requireOut(format, out), await pushPlanXlsx(plan, heading));
  } else {
    writeFileSync(requireOut(format, out), await pushPlanDocx(plan, heading));
  }
  if (out) process.stdout.write(`已写入 written: ${out}\n`);
}

/**
 * `gongwei targets set|list|decompose|parameter|progress` and `gongwei plan check|push|
 * checkpoint|history|schedule|schedules|unschedule|run-checkpoints` (DESIGN C4).
 *
 * @example
 * gongwei targets set --org 620881 --indicator elderly.management_rate --year 2020
 * gongwei targets decompose --input ../shared/fixtures/yumen-2011-h1-decomposition.json --format json
 * gongwei plan check --input yumen.xlsx
 * gongwei plan push --input plan.csv --as-of 2020-06-20 --deadline 2020-06-30 --days working --format table
 */
export function registerTargetCommands(program: Command): void {
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
    .option('--by <name>', 'who sets the target (default: the system user)')
    .addOption(new Option('--format <format>', 'output').choices(['json', 'table']).default('table'))
    .action((o: SetOptions) =>
      withDb(o, (db) =>
        asUserErrors(async () => {
          const result = await setTargets(
            db,
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
            cliActor(o.by),
          );
          if (o.format === 'json') return json(result);
          for (const t of result.targets) {
            process.stdout.write(
              `${t.orgName} ${t.orgCode} ${t.indicator} ${t.year}：目标 target ${t.target}` +
                ` = 基数 base ${t.baseValue} × ${formatPercent(t.rate)}` +
                `（${result.inserted ? '新设 new' : '已更新 updated'}，by ${t.setBy}）\n`,
            );
          }
        }),
      ),
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
        withDb(o, (db) =>
          asUserErrors(async () => {
            const year = o.year === undefined ? undefined : parseIntegerOption(o.year, '--year', 1949, 2100);
            if (o.history) {
              const changes = await targetHistory(db, {
                orgCode: o.org,
                ...(o.indicator ? { indicator: o.indicator } : {}),
                ...(year !== undefined ? { year } : {}),
              });
              if (o.format === 'json') return json(changes);
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
              const lines = changes.map((c) =>
                [
                  c.orgCode,
                  c.indicator,
                  c.year,
                  c.action,
                  c.baseValue ?? '',
                  c.rate ?? '',
                  c.target ?? '',
                  c.changedBy,
                  c.changedAt,
                ].join(o.format === 'csv' ? ',' : '\t'),
              );
              process.stdout.write([head.join(o.format === 'csv' ? ',' : '\t'), ...lines].join('\n') + '\n');
              return;
            }
            const rows = await listTargets(db, {
              orgCode: o.org,
              depth: parseIntegerOption(o.depth, '--depth', 0, 4),
              ...(o.indicator ? { indicator: o.indicator } : {}),
              ...(year !== undefined ? { year } : {}),
            });
            if (o.format === 'json') return json(rows);
            const sep = o.format === 'csv' ? ',' : '\t';
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
            const lines = rows.map((t) =>
              [
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
              ].join(sep),
            );
            process.stdout.write([head.join(sep), ...lines].join('\n') + '\n');
          }),
        ),
    );

  withDbOption(targets.command('decompose'))
    .description('decompose a plan file into milestones, or split a stored target over children | 任务分解')
    .option('--input <file>', 'plan JSON in the shape of fixtures/yumen-2011-h1-decomposition.json')
    .option('--org <code>', 'split the stored target of this org over its children')
    .option('--indicator <id>', 'indicator of the target to split')
    .option('--year <year>', 'year of the target to split')
    .option('--depth <n>', 'generations to split down (1 = children)', '1')
    .option('--title <text>', 'title of the xlsx sheet', '任务分解方案')
    .option('--by <name>', 'who splits (default: the system user)')
    .addOption(new Option('--format <format>', 'output').choices(['json', 'xlsx']).default('json'))
    .option('--out <file>', 'write to a file')
    .action(
      (o: {
        db?: string;
        input?: string;
        org?: string;
        indicator?: string;
        year?: string;
        depth: string;
        title: string;
        by?: string;
        format: string;
        out?: string;
      }) =>
        asUserErrors(async () => {
          if (o.input) {
            const decomposition = decomposeFile(o.input);
            if (o.format === 'xlsx') {
              writeFileSync(requireOut('xlsx', o.out), await decompositionXlsx(decomposition, o.title));
              process.stdout.write(`已写入 written: ${o.out}\n`);
            } else if (o.out) writeFileSync(o.out, `${JSON.stringify(decomposition, null, 2)}\n`);
            else json(decomposition);
            return;
          }
          if (!o.org || !o.indicator || !o.year) {
            throw new UserError(
              '需要 --input FILE，或 --org、--indicator 与 --year give --input FILE, or --org, --indicator and --year',
            );
          }
          await withDb(o, async (db) => {
            const written = await splitTarget(
              db,
              {
                orgCode: o.org as string,
                indicator: o.indicator as string,
                year: parseIntegerOption(o.year as string, '--year', 1949, 2100),
                depth: parseIntegerOption(o.depth, '--depth', 1, 4),
              },
              cliActor(o.by),
            );
            if (o.format === 'json') return json(written);
            throw new UserError('--format xlsx: 仅用于 --input 分解 only with --input');
          });
        }),
    );

  withDbOption(targets.command('parameter'))
    .description('set a named parameter (e.g. hypertensionPrevalence) for an area and year | 设定参数')
    .requiredOption('--org <code>', 'org code')
    .requiredOption('--year <year>', 'year')
    .requiredOption('--name <name>', 'parameter name, e.g. hypertensionPrevalence')
    .requiredOption('--value <value>', 'value, e.g. 0.25 or 25%')
    .option('--by <name>', 'who sets it')
    .action((o: { db?: string; org: string; year: string; name: string; value: string; by?: string }) =>
      withDb(o, (db) =>
        asUserErrors(async () => {
          if (!(await getOrg(db, o.org))) throw new UserError(`--org: 未知机构 unknown org: ${o.org}`);
          const actor = cliActor(o.by);
          const value = parseRateOption(o.value, '--value');
          const year = parseIntegerOption(o.year, '--year', 1949, 2100);
          await db.kysely.transaction().execute((trx) =>
            writeParameter(trx, {
              orgCode: o.org,
              year,
              name: o.name,
              value,
              setBy: actor.by,
              setAt: actor.at,
            }),
          );
          process.stdout.write(`${o.org} ${year} ${o.name} = ${value}\n`);
        }),
      ),
    );

  withDbOption(targets.command('progress'))
    .description('progress of the children of an org against their milestones | 任务进度')
    .requiredOption('--org <code>', 'org code')
    .requiredOption('--period <period>', 'period: 2020, 2020H1, 2020Q2, 2020-06, 2020-06-1')
    .addOption(new Option('--format <format>', 'output').choices(['json', 'table']).default('table'))
    .action((o: { db?: string; org: string; period: string; format: string }) =>
      withDb(o, (db) =>
        asUserErrors(async () => {
          const rows = await progress(db, { orgCode: o.org, period: o.period });
          if (o.format === 'json') return json(rows);
          const head = ['机构', '指标', '全年任务', '应完成', '已完成', '差距', '完成率'];
          const lines = rows.map((r) =>
            [
              r.orgName,
              r.indicator,
              r.target,
              r.milestone,
              r.achieved,
              r.gap,
              r.completion === null ? '—' : formatPercent(r.completion),
            ].join('\t'),
          );
          process.stdout.write([head.join('\t'), ...lines].join('\n') + '\n');
        }),
      ),
    );

  const plan = program.command('plan').description('plan check and push plans | 计划核对与攻坚计划');

  plan
    .command('check')
    .description('check a hand-made decomposition table (.xlsx or .csv) against the rule | 核对任务分解表')
    .requiredOption('--input <file>', 'table file, layout in docs/targets.md')
    .option('--half-share <rate>', 'share of the annual target due by the end of the stage', '0.5')
    .addOption(new Option('--format <format>', 'output').choices(['json', 'table']).default('table'))
    .action((o: { input: string; halfShare: string; format: string }) =>
      asUserErrors(async () => {
        const report = await checkPlanFile(o.input, parseRateOption(o.halfShare, '--half-share'));
        if (o.format === 'json') return json(report);
        process.stdout.write(
          `核对 ${report.areas} 个区域、${report.cellsChecked} 个数字，发现 ${report.findings.length} 处不符 | ` +
            `checked ${report.cellsChecked} cells of ${report.areas} areas: ${report.findings.length} disagree\n`,
        );
        for (const f of report.findings) {
          process.stdout.write(
            `第${f.row}行「${f.column}」 ${f.area} ${f.indicator}：表中 stated ${f.stated}，应为 computed ${f.computed}（${f.note.zh}）\n`,
          );
        }
      }),
    );

  withDbOption(plan.command('push'))
    .description('push plan: remaining work per day until a deadline, from a file or the database | 攻坚计划')
    .option('--input <file>', 'table file: 单位, 任务, 目标数 (or 基数 + 目标率), 已完成, 负责人, 联系电话')
    .option(
      '--org <code>',
      'compute for the children of this org from stored targets and the indicator engine',
    )
    .option('--period <period>', 'with --org: period of the targets, e.g. 2020H1')
    .option('--as-of <date>', 'counts as of this day (default with --org: today)')
    .option('--deadline <date>', 'deadline (default with --org: end of the period)')
    .addOption(
      new Option('--days <counting>', 'how days are counted')
        .choices(['calendar', 'working'])
        .default('calendar'),
    )
    .option(
      '--holidays <file|dates>',
      'holidays: a file with one date per line, or dates separated by commas',
    )
    .option('--workdays <file|dates>', 'weekend days that are worked (调休)')
    .option('--title <text>', 'title of the exported table', '基本公共卫生服务')
    .option('--save', 'with --org: keep this run as a snapshot in the history')
    .option('--by <name>', 'who runs it (for the snapshot)')
    .addOption(
      new Option('--format <format>', 'output')
        .choices(['json', 'csv', 'table', 'xlsx', 'docx'])
        .default('table'),
    )
    .option('--out <file>', 'write to a file (required for xlsx and docx)')
    .action(
      (o: {
        db?: string;
        input?: string;
        org?: string;
        period?: string;
        asOf?: string;
        deadline?: string;
        days: DayCounting;
        holidays?: string;
        workdays?: string;
        title: string;
        save?: boolean;
        by?: string;
        format: string;
        out?: string;
      }) =>
        asUserErrors(async () => {
          const calendar = {
            holidays: readDateList(o.holidays, '--holidays'),
            workdays: readDateList(o.workdays, '--workdays'),
          };
          if (o.input) {
            if (!o.asOf || !o.deadline)
              throw new UserError(
                '--input 需要 --as-of 与 --deadline give --as-of and --deadline with --input',
              );
            const pushed = await pushPlanFromFile(o.input, {
              asOf: requireDate(o.asOf, '--as-of'),
              deadline: requireDate(o.deadline, '--deadline'),
              days: o.days,
              ...calendar,
            });
            return writePushPlan(pushed, o.format, o.out, { title: o.title });
          }
          if (!o.org || !o.period)
            throw new UserError(
              '需要 --input FILE，或 --org 与 --period give --input FILE, or --org and --period',
            );
          await withDb(o, async (db) => {
            const request = {
              orgCode: o.org as string,
              period: o.period as string,
              asOf: o.asOf ? requireDate(o.asOf, '--as-of') : today(),
              ...(o.deadline ? { deadline: requireDate(o.deadline, '--deadline') } : {}),
              days: o.days,
              ...calendar,
            };
            const computed = o.save
              ? await savePushPlan(db, request, cliActor(o.by))
              : await orgPushPlan(db, request);
            const extra = {
              org: computed.orgCode,
              orgName: computed.orgName,
              period: computed.period,
              doneAsOf: computed.doneAsOf,
            };
            await writePushPlan(
              computed.plan,
              o.format,
              o.out,
              {
                title: o.title === '基本公共卫生服务' ? `${computed.orgName}基本公共卫生服务` : o.title,
                doneAsOf: computed.doneAsOf,
              },
              extra,
            );
          });
        }),
    );

  withDbOption(plan.command('checkpoint'))
    .description(
      'run the push-plan checkpoint of a day (10th, 20th, last day of month) and keep it | 攻坚计划节点',
    )
    .requiredOption('--org <code>', 'org code')
    .requiredOption('--period <period>', 'period of the targets, e.g. 2020H1')
    .option('--as-of <date>', 'checkpoint day (default: today)')
    .option('--deadline <date>', 'deadline (default: end of the period)')
    .addOption(
      new Option('--days <counting>', 'how days are counted')
        .choices(['calendar', 'working'])
        .default('calendar'),
    )
    .option('--holidays <file|dates>', 'holidays')
    .option('--workdays <file|dates>', 'weekend days that are worked')
    .option('--by <name>', 'who runs it', 'checkpoint')
    .action(
      (o: {
        db?: string;
        org: string;
        period: string;
        asOf?: string;
        deadline?: string;
        days: DayCounting;
        holidays?: string;
        workdays?: string;
        by: string;
      }) =>
        withDb(o, (db) =>
          asUserErrors(async () => {
            const result = await runCheckpoint(
              db,
              {
                orgCode: o.org,
                period: o.period,
                asOf: o.asOf ? requireDate(o.asOf, '--as-of') : today(),
                ...(o.deadline ? { deadline: requireDate(o.deadline, '--deadline') } : {}),
                days: o.days,
                holidays: readDateList(o.holidays, '--holidays'),
                workdays: readDateList(o.workdays, '--workdays'),
              },
              cliActor(o.by),
            );
            if (result.kind === 'saved') {
              process.stdout.write(
                `${result.date} 攻坚计划已保存 push plan saved: snapshot ${result.snapshotId}\n`,
              );
            } else {
              process.stdout.write(
                `${result.date} 不是检查节点 is not a checkpoint; 下一个 next: ${result.next ?? '截止前没有 none before the deadline'}\n`,
              );
            }
          }),
        ),
    );

  withDbOption(plan.command('history'))
    .description('push-plan snapshots kept at checkpoints | 攻坚计划历史')
    .requiredOption('--org <code>', 'org code')
    .option('--period <period>', 'period')
    .option('--snapshot <id>', 'show one snapshot')
    .addOption(
      new Option('--format <format>', 'output')
        .choices(['json', 'csv', 'table', 'xlsx', 'docx'])
        .default('table'),
    )
    .option('--out <file>', 'write to a file')
    .action(
      (o: { db?: string; org: string; period?: string; snapshot?: string; format: string; out?: string }) =>
        withDb(o, (db) =>
          asUserErrors(async () => {
            if (o.snapshot) {
              const found = await readSnapshot(
                db,
                parseIntegerOption(o.snapshot, '--snapshot', 1, Number.MAX_SAFE_INTEGER),
              );
              if (!found || found.snapshot.orgCode !== o.org)
                throw new UserError(`--snapshot: 没有该记录 not found: ${o.snapshot}`);
              const s = found.snapshot;
              const pushed: PushPlan = {
                asOf: s.asOf,
                deadline: s.deadline,
                days: s.days,
                daysLeft: s.daysLeft,
                rows: found.rows.map((r) => ({ ...r, task: r.taskName })),
              };
              return writePushPlan(
                pushed,
                o.format,
                o.out,
                { title: '基本公共卫生服务', doneAsOf: s.doneAsOf },
                { snapshot: s },
              );
            }
            const snapshots = await listSnapshots(db, {
              orgCode: o.org,
              ...(o.period ? { period: o.period } : {}),
            });
            if (o.format === 'json') return json(snapshots);
            const lines = snapshots.map((s) =>
              [
                s.id,
                s.period,
                s.asOf,
                s.doneAsOf,
                s.deadline,
                s.days,
                s.daysLeft,
                s.createdBy,
                s.createdAt,
              ].join('\t'),
            );
            process.stdout.write(
              ['编号\t期间\t统计日期\t完成数截至\t截止日期\t天数口径\t剩余天数\t执行人\t时间', ...lines].join(
                '\n',
              ) + '\n',
            );
          }),
        ),
    );

  withDbOption(plan.command('schedule'))
    .description(
      'keep an org’s push plan at every checkpoint (10th, 20th, last day) until the deadline | 攻坚计划定时',
    )
    .requiredOption('--org <code>', 'org code')
    .requiredOption('--period <period>', 'period of the targets, e.g. 2020H1')
    .requiredOption('--deadline <date>', 'deadline, e.g. 2020-06-30')
    .addOption(
      new Option('--days <counting>', 'how days are counted')
        .choices(['calendar', 'working'])
        .default('calendar'),
    )
    .option('--holidays <file|dates>', 'holidays')
    .option('--workdays <file|dates>', 'weekend days that are worked')
    .option('--by <name>', 'who schedules it (default: the system user)')
    .action(
      (o: {
        db?: string;
        org: string;
        period: string;
        deadline: string;
        days: DayCounting;
        holidays?: string;
        workdays?: string;
        by?: string;
      }) =>
        withDb(o, (db) =>
          asUserErrors(async () => {
            const created = await createPushPlanSchedule(
              db,
              {
                orgCode: o.org,
                period: o.period,
                deadline: requireDate(o.deadline, '--deadline'),
                days: o.days,
                holidays: readDateList(o.holidays, '--holidays'),
                workdays: readDateList(o.workdays, '--workdays'),
              },
              cliActor(o.by),
              today(),
            );
            process.stdout.write(
              `定时任务 schedule #${created.id}: ${created.orgCode} ${created.period}` +
                ` 截止 deadline ${created.deadline}；下一个节点 next checkpoint: ${created.next ?? '无 none'}\n`,
            );
          }),
        ),
    );

  withDbOption(plan.command('schedules'))
    .description('push-plan schedules and their last run | 攻坚计划定时任务')
    .option('--org <code>', 'only schedules of this org and its subtree')
    .option('--active', 'only the active ones')
    .addOption(new Option('--format <format>', 'output').choices(['json', 'table']).default('table'))
    .action((o: { db?: string; org?: string; active?: boolean; format: string }) =>
      withDb(o, (db) =>
        asUserErrors(async () => {
          const schedules = await listPushPlanSchedules(db, {
            ...(o.org ? { orgCode: o.org } : {}),
            active: o.active === true,
          });
          if (o.format === 'json') return json(schedules);
          const lines = schedules.map((s) =>
            [
              s.id,
              s.orgCode,
              s.period,
              s.deadline,
              s.days,
              s.active ? '运行中 active' : `已停止 ended (${s.endedReason ?? ''})`,
              s.lastRunOn ?? '',
              s.lastSnapshotId ?? '',
              s.lastError ?? '',
              s.createdBy,
            ].join('\t'),
          );
          process.stdout.write(
            [
              '编号\t机构\t期间\t截止日期\t天数口径\t状态\t最近运行\t最近快照\t最近错误\t设定人',
              ...lines,
            ].join('\n') + '\n',
          );
        }),
      ),
    );

  withDbOption(plan.command('unschedule'))
    .description('stop a push-plan schedule; its snapshots are kept | 停止攻坚计划定时')
    .argument('<id>', 'schedule id')
    .action((id: string, o: { db?: string }) =>
      withDb(o, (db) =>
        asUserErrors(async () => {
          const n = parseIntegerOption(id, 'id', 1, Number.MAX_SAFE_INTEGER);
          if (!(await endPushPlanSchedule(db, n, { at: new Date().toISOString(), reason: 'unscheduled' })))
            throw new UserError(`id: 没有该运行中的定时任务 no active schedule #${n}`);
          process.stdout.write(`定时任务 schedule #${n} 已停止 stopped\n`);
        }),
      ),
    );

  withDbOption(plan.command('run-checkpoints'))
    .description('run the checkpoints of every schedule due today (what the server timer does) | 运行节点')
    .option('--as-of <date>', 'run as if today were this day (default: today)')
    .addOption(new Option('--format <format>', 'output').choices(['json', 'table']).default('table'))
    .action((o: { db?: string; asOf?: string; format: string }) =>
      withDb(o, (db) =>
        asUserErrors(async () => {
          // Without --as-of, today is the local date, as for the server's timer.
          const runs = await runDueCheckpoints(
            db,
            new Date(),
            o.asOf ? { today: requireDate(o.asOf, '--as-of') } : {},
          );
          if (o.format === 'json') return json(runs);
          const say = (r: CheckpointRun): string => {
            if (r.kind === 'saved') return `已保存 saved: snapshot ${r.snapshotId}`;
            if (r.kind === 'failed') return `失败 failed: ${r.error}`;
            if (r.kind === 'already_run') return '今天已运行 already run today';
            if (r.kind === 'ended') return '截止日期已到，已停止 deadline reached, stopped';
            return `不是检查节点 not a checkpoint; 下一个 next: ${r.next ?? '无 none'}`;
          };
          const lines = runs.map((r) => `#${r.scheduleId} ${r.date} ${say(r)}`);
          process.stdout.write(
            lines.length === 0 ? '没有运行中的定时任务 no active schedule\n' : `${lines.join('\n')}\n`,
          );
        }),
      ),
    );
}
