/**
 * `gongwei plan check|push|checkpoint|history|schedule|schedules|unschedule|run-checkpoints`
 * (DESIGN C4): check a hand-made decomposition table, compute push plans from a file or the
 * database, keep and list their snapshots, and schedule them at every checkpoint.
 * Translation only: each command parses its options, calls one use-case with the
 * operator's scope and prints the answer.
 */
import { Option, type Command } from 'commander';
import { OPERATOR_SCOPE, withDb, withDbOption } from '../../cli/command-context.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { requireDate, type DayCounting } from '../../domain/targets/calendar.js';
import type { PushPlan } from '../../domain/targets/push-plan.js';
import { cliActor, parseIntegerOption, parseRateOption, readDateList, today } from './cli-input.js';
import { printJson, printTable, writePushPlan } from './cli-output.js';
import { orgPushPlan, runCheckpoint, savePushPlan } from './org-push-plan.js';
import { checkPlanFile, pushPlanFromFile } from './plan-files.js';
import { listSnapshots, readSnapshot } from './push-plan-snapshots-repository.js';
import {
  createPushPlanSchedule,
  runDueCheckpoints,
  stopPushPlanSchedule,
  type CheckpointRun,
} from './run-push-plan-checkpoints.js';
import { schedulesOfSubtree } from './subtree-lists.js';

// --days, --holidays and --workdays: how the days left until a deadline are counted.
function withDayCounting(
  command: Command,
  holidays = 'holidays',
  workdays = 'weekend days that are worked',
): Command {
  return command
    .addOption(
      new Option('--days <counting>', 'how days are counted')
        .choices(['calendar', 'working'])
        .default('calendar'),
    )
    .option('--holidays <file|dates>', holidays)
    .option('--workdays <file|dates>', workdays);
}

// --format of a push plan: printed (json, csv, table) or written to --out (xlsx, docx).
function pushPlanFormat(): Option {
  return new Option('--format <format>', 'output')
    .choices(['json', 'csv', 'table', 'xlsx', 'docx'])
    .default('table');
}

/**
 * Adds `gongwei plan …` to the program.
 *
 * @example
 * gongwei plan check --input yumen.xlsx
 * gongwei plan push --input plan.csv --as-of 2020-06-20 --deadline 2020-06-30 --days working --format table
 */
export function registerPlanCommands(program: Command): void {
  const plan = program.command('plan').description('plan check and push plans | 计划核对与攻坚计划');

  plan
    .command('check')
    .description('check a hand-made decomposition table (.xlsx or .csv) against the rule | 核对任务分解表')
    .requiredOption('--input <file>', 'table file, layout in docs/targets.md')
    .option('--half-share <rate>', 'share of the annual target due by the end of the stage', '0.5')
    .addOption(new Option('--format <format>', 'output').choices(['json', 'table']).default('table'))
    .action(async (o: { input: string; halfShare: string; format: string }) => {
      const report = await checkPlanFile(o.input, parseRateOption(o.halfShare, '--half-share'));
      if (o.format === 'json') return printJson(report);
      process.stdout.write(
        `核对 ${report.areas} 个区域、${report.cellsChecked} 个数字，发现 ${report.findings.length} 处不符 | ` +
          `checked ${report.cellsChecked} cells of ${report.areas} areas: ${report.findings.length} disagree\n`,
      );
      for (const f of report.findings) {
        process.stdout.write(
          `第${f.row}行「${f.column}」 ${f.area} ${f.indicator}：表中 stated ${f.stated}，应为 computed ${f.computed}（${f.note.zh}）\n`,
        );
      }
    });

  withDayCounting(
    withDbOption(plan.command('push'))
      .description(
        'push plan: remaining work per day until a deadline, from a file or the database | 攻坚计划',
      )
      .option('--input <file>', 'table file: 单位, 任务, 目标数 (or 基数 + 目标率), 已完成, 负责人, 联系电话')
      .option(
        '--org <code>',
        'compute for the children of this org from stored targets and the indicator engine',
      )
      .option('--period <period>', 'with --org: period of the targets, e.g. 2020H1')
      .option('--as-of <date>', 'counts as of this day (default with --org: today)')
      .option('--deadline <date>', 'deadline (default with --org: end of the period)'),
    'holidays: a file with one date per line, or dates separated by commas',
    'weekend days that are worked (调休)',
  )
    .option('--title <text>', 'title of the exported table', '基本公共卫生服务')
    .option('--save', 'with --org: keep this run as a snapshot in the history')
    .addOption(pushPlanFormat())
    .option('--out <file>', 'write to a file (required for xlsx and docx)')
    .action(
      async (o: {
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
        format: string;
        out?: string;
      }) => {
        const calendar = {
          holidays: readDateList(o.holidays, '--holidays'),
          workdays: readDateList(o.workdays, '--workdays'),
        };
        if (o.input) {
          if (!o.asOf || !o.deadline)
            throw GongweiError.badRequest({
              zh: '--input 需要 --as-of 与 --deadline',
              en: 'give --as-of and --deadline with --input',
            });
          const pushed = await pushPlanFromFile(o.input, {
            asOf: requireDate(o.asOf, '--as-of'),
            deadline: requireDate(o.deadline, '--deadline'),
            days: o.days,
            ...calendar,
          });
          return writePushPlan(pushed, o.format, o.out, { title: o.title });
        }
        if (!o.org || !o.period)
          throw GongweiError.badRequest({
            zh: '需要 --input FILE，或 --org 与 --period',
            en: 'give --input FILE, or --org and --period',
          });
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
            ? await savePushPlan(db, OPERATOR_SCOPE, request, cliActor())
            : await orgPushPlan(db, OPERATOR_SCOPE, request);
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
      },
    );

  withDayCounting(
    withDbOption(plan.command('checkpoint'))
      .description(
        'run the push-plan checkpoint of a day (10th, 20th, last day of month) and keep it | 攻坚计划节点',
      )
      .requiredOption('--org <code>', 'org code')
      .requiredOption('--period <period>', 'period of the targets, e.g. 2020H1')
      .option('--as-of <date>', 'checkpoint day (default: today)')
      .option('--deadline <date>', 'deadline (default: end of the period)'),
  ).action(
    (o: {
      db?: string;
      org: string;
      period: string;
      asOf?: string;
      deadline?: string;
      days: DayCounting;
      holidays?: string;
      workdays?: string;
    }) =>
      withDb(o, async (db) => {
        const result = await runCheckpoint(
          db,
          OPERATOR_SCOPE,
          {
            orgCode: o.org,
            period: o.period,
            asOf: o.asOf ? requireDate(o.asOf, '--as-of') : today(),
            ...(o.deadline ? { deadline: requireDate(o.deadline, '--deadline') } : {}),
            days: o.days,
            holidays: readDateList(o.holidays, '--holidays'),
            workdays: readDateList(o.workdays, '--workdays'),
          },
          cliActor(),
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
  );

  withDbOption(plan.command('history'))
    .description('push-plan snapshots kept at checkpoints | 攻坚计划历史')
    .requiredOption('--org <code>', 'org code')
    .option('--period <period>', 'period')
    .option('--snapshot <id>', 'show one snapshot')
    .addOption(pushPlanFormat())
    .option('--out <file>', 'write to a file')
    .action(
      (o: { db?: string; org: string; period?: string; snapshot?: string; format: string; out?: string }) =>
        withDb(o, async (db) => {
          if (o.snapshot) {
            const found = await readSnapshot(
              db,
              OPERATOR_SCOPE,
              parseIntegerOption(o.snapshot, '--snapshot', 1, Number.MAX_SAFE_INTEGER),
            );
            if (!found || found.snapshot.orgCode !== o.org)
              throw GongweiError.notFound(
                { zh: `没有该记录：${o.snapshot}`, en: `not found: ${o.snapshot}` },
                '--snapshot',
              );
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
          const snapshots = await listSnapshots(db, OPERATOR_SCOPE, {
            orgCode: o.org,
            ...(o.period ? { period: o.period } : {}),
          });
          if (o.format === 'json') return printJson(snapshots);
          const head = [
            '编号',
            '期间',
            '统计日期',
            '完成数截至',
            '截止日期',
            '天数口径',
            '剩余天数',
            '执行人',
            '时间',
          ];
          const lines = snapshots.map((s) => [
            s.id,
            s.period,
            s.asOf,
            s.doneAsOf,
            s.deadline,
            s.days,
            s.daysLeft,
            s.createdBy,
            s.createdAt,
          ]);
          printTable(head, lines, '\t');
        }),
    );

  withDayCounting(
    withDbOption(plan.command('schedule'))
      .description(
        'keep an org’s push plan at every checkpoint (10th, 20th, last day) until the deadline | 攻坚计划定时',
      )
      .requiredOption('--org <code>', 'org code')
      .requiredOption('--period <period>', 'period of the targets, e.g. 2020H1')
      .requiredOption('--deadline <date>', 'deadline, e.g. 2020-06-30'),
  ).action(
    (o: {
      db?: string;
      org: string;
      period: string;
      deadline: string;
      days: DayCounting;
      holidays?: string;
      workdays?: string;
    }) =>
      withDb(o, async (db) => {
        const created = await createPushPlanSchedule(
          db,
          OPERATOR_SCOPE,
          {
            orgCode: o.org,
            period: o.period,
            deadline: requireDate(o.deadline, '--deadline'),
            days: o.days,
            holidays: readDateList(o.holidays, '--holidays'),
            workdays: readDateList(o.workdays, '--workdays'),
          },
          cliActor(),
          today(),
        );
        process.stdout.write(
          `定时任务 schedule #${created.id}: ${created.orgCode} ${created.period}` +
            ` 截止 deadline ${created.deadline}；下一个节点 next checkpoint: ${created.next ?? '无 none'}\n`,
        );
      }),
  );

  withDbOption(plan.command('schedules'))
    .description('push-plan schedules and their last run | 攻坚计划定时任务')
    .option('--org <code>', 'only schedules of this org and its subtree')
    .option('--active', 'only the active ones')
    .addOption(new Option('--format <format>', 'output').choices(['json', 'table']).default('table'))
    .action((o: { db?: string; org?: string; active?: boolean; format: string }) =>
      withDb(o, async (db) => {
        const schedules = await schedulesOfSubtree(db, OPERATOR_SCOPE, {
          ...(o.org ? { orgCode: o.org } : {}),
          active: o.active === true,
        });
        if (o.format === 'json') return printJson(schedules);
        const head = [
          '编号',
          '机构',
          '期间',
          '截止日期',
          '天数口径',
          '状态',
          '最近运行',
          '最近快照',
          '最近错误',
          '设定人',
        ];
        const lines = schedules.map((s) => [
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
        ]);
        printTable(head, lines, '\t');
      }),
    );

  withDbOption(plan.command('unschedule'))
    .description('stop a push-plan schedule; its snapshots are kept | 停止攻坚计划定时')
    .argument('<id>', 'schedule id')
    .action((id: string, o: { db?: string }) =>
      withDb(o, async (db) => {
        const n = parseIntegerOption(id, 'id', 1, Number.MAX_SAFE_INTEGER);
        await stopPushPlanSchedule(db, OPERATOR_SCOPE, n, new Date().toISOString());
        process.stdout.write(`定时任务 schedule #${n} 已停止 stopped\n`);
      }),
    );

  withDbOption(plan.command('run-checkpoints'))
    .description('run the checkpoints of every schedule due today (what the server timer does) | 运行节点')
    .option('--as-of <date>', 'run as if today were this day (default: today)')
    .addOption(new Option('--format <format>', 'output').choices(['json', 'table']).default('table'))
    .action((o: { db?: string; asOf?: string; format: string }) =>
      withDb(o, async (db) => {
        // Without --as-of, today is the local date, as for the server's timer.
        const runs = await runDueCheckpoints(
          db,
          OPERATOR_SCOPE,
          new Date(),
          o.asOf ? { today: requireDate(o.asOf, '--as-of') } : {},
        );
        if (o.format === 'json') return printJson(runs);
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
    );
}
