import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { OPERATOR_SCOPE, withDb, withDbOption } from '../../cli/command-context.js';
import { DUE_SERVICE_NAMES, DUE_SERVICES, isDueService, type DueService } from '../../domain/due/due-list.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { ageInYears } from '../../domain/privacy/masking.js';
import { scopeOfOrg } from '../orgs/org-scope.js';
import { teamVillages } from './team-villages.js';
import { dueList, type DueRow } from './due-list.js';

const COLUMNS = [
  '档案编号',
  '姓名',
  '年龄',
  '村',
  '服务项目',
  '说明',
  '应随访日期',
  '逾期天数',
  '上次服务日期',
  '责任医生',
];

function asDate(text: string): string {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
  if (!ok)
    throw GongweiError.badRequest(
      { zh: `日期应为 YYYY-MM-DD：${text}`, en: `a date YYYY-MM-DD: ${text}` },
      '--as-of',
    );
  return text;
}

function asServices(values: readonly string[]): DueService[] {
  return values
    .flatMap((v) => v.split(','))
    .map((s) => {
      if (!isDueService(s))
        throw GongweiError.badRequest(
          {
            zh: `未知服务项目：${s}（可选 ${DUE_SERVICES.join(', ')}）`,
            en: `unknown service ${s} (one of ${DUE_SERVICES.join(', ')})`,
          },
          '--service',
        );
      return s;
    });
}

function record(row: DueRow, asOf: string): (string | number | null)[] {
  return [
    row.resident.recordNo,
    row.resident.name,
    ageInYears(row.resident.birthDate, asOf),
    row.resident.orgName ?? row.resident.orgCode,
    DUE_SERVICE_NAMES[row.service].zh,
    row.detail?.zh ?? '',
    row.dueDate,
    row.daysOverdue,
    row.lastServiceDate ?? '',
    row.doctor ?? '',
  ];
}

/**
 * `gongwei due --org CODE --as-of DATE [--service …] [--doctor NAME] [--window DAYS]
 * [--format table|csv|json]`: the due list (随访提醒) of an org on a date, most overdue first.
 * The local operator holds every permission, so names are shown in full; the run is written
 * to the access trail.
 */
export function registerDueCommands(program: Command): void {
  withDbOption(
    program
      .command('due')
      .description('who is due or overdue for a service on a date | 随访提醒')
      .requiredOption('--org <code>', 'a village, township or above')
      .requiredOption('--as-of <date>', 'the day the list is for, YYYY-MM-DD')
      .option('--service <ids...>', `services to list (${DUE_SERVICES.join(', ')}); all when absent`)
      .option('--doctor <name>', "only residents whose latest service was this doctor's")
      .option('--team <code>', "a family-doctor team's code: only the villages it serves")
      .option('--window <days>', 'also list what is due within this many days', '0')
      .option('--format <format>', 'table, csv or json', 'table'),
  ).action(
    (o: {
      db?: string;
      org: string;
      asOf: string;
      service?: string[];
      doctor?: string;
      team?: string;
      window: string;
      format: string;
    }) =>
      withDb(o, async (db) => {
        const asOf = asDate(o.asOf);
        const windowDays = Number(o.window);
        if (!Number.isInteger(windowDays) || windowDays < 0 || windowDays > 90)
          throw GongweiError.badRequest(
            { zh: '--window 应为 0–90 天', en: '--window is 0–90 days' },
            '--window',
          );
        if (!['table', 'csv', 'json'].includes(o.format))
          throw GongweiError.badRequest(
            { zh: '--format 应为 table、csv 或 json', en: '--format is table, csv or json' },
            '--format',
          );
        const { scope } = await scopeOfOrg(db.kysely, OPERATOR_SCOPE, o.org, { field: '--org' });
        const rows = await dueList(db.kysely, scope, {
          asOf,
          services: asServices(o.service ?? []),
          windowDays,
          doctor: o.doctor,
          villages:
            o.team === undefined
              ? undefined
              : await teamVillages(db.kysely, OPERATOR_SCOPE, o.team, '--team'),
        });
        if (o.format === 'json') process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        else if (o.format === 'csv')
          process.stdout.write(stringify([COLUMNS, ...rows.map((r) => record(r, asOf))]));
        else
          process.stdout.write(
            `${[`随访提醒 ${o.org} ${asOf} · ${rows.length} 条`, COLUMNS.join('\t'), ...rows.map((r) => record(r, asOf).join('\t'))].join('\n')}\n`,
          );
      }),
  );
}
