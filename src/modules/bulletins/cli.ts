import { isIsoDate } from '../../domain/records/iso-date.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { OPERATOR_SCOPE, operatorName, withDb, withDbOption } from '../../cli/command-context.js';
import { parseCompareTo, parseThresholdList } from '../../domain/bulletins/bulletin-parameters.js';
import {
  SCHEDULE_EVERY,
  scheduleEveryName,
  type ScheduleEvery,
} from '../../domain/bulletins/bulletin-period.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { scopeOfOrg } from '../orgs/org-scope.js';
import type { BulletinRequest } from './assemble-bulletin.js';
import { getBulletin, listSchedules } from './bulletin-repository.js';
import { exportIndicatorTable } from './export-indicators.js';
import { indicatorTableXlsx } from './export-xlsx.js';
import { generateBulletin } from './generate-bulletin.js';
import { listArchive } from './list-archive.js';
import { formatOfFile, BULLETIN_FORMATS, type BulletinFormat } from './render-bulletin.js';
import { createSchedule, runDueSchedules, stopSchedule } from './run-schedules.js';
import { localIsoDate } from './local-date.js';

interface RequestOptions {
  compareTo?: string;
  issuer?: string;
  date?: string;
  dataTakenOn?: string;
  copyTo?: string;
  printedBy?: string;
  docNumber?: string;
  nameLowest?: string;
  threshold?: string;
}

function withRequestOptions(command: Command): Command {
  return command
    .option(
      '--compare-to <code|code=rate>',
      'level above to compare the record rate with, e.g. 620000 or 620000=92.73%',
    )
    .option('--issuer <text>', 'issuing body (default: <org name>卫生健康委员会/卫生健康局)')
    .option('--date <YYYY-MM-DD>', 'signing date (default today)')
    .option(
      '--data-taken-on <YYYY-MM-DD>',
      'when the data was taken from the system, not after --date (default the earlier of today and --date)',
    )
    .option('--copy-to <text>', '抄送 line of the closing block, e.g. 市卫生健康委领导')
    .option('--printed-by <text>', '印发机关 of the closing block (default: <issuer>办公室)')
    .option('--doc-number <text>', 'document number line, e.g. 平卫函发〔2020〕367号')
    .option('--name-lowest <n>', 'name the lowest N units per population (default 3)')
    .option(
      '--threshold <list>',
      'naming rules per section: records=0.9,elderly=target,child=lowest:2,tb=reference',
    );
}

function isoDateOption(value: string, flag: string): string {
  if (!isIsoDate(value))
    throw GongweiError.badRequest(
      { zh: `不是日期（YYYY-MM-DD）：${value}`, en: `not a date (YYYY-MM-DD): ${value}` },
      flag,
    );
  return value;
}

/** Translates the shared request flags; a bad flag is a one-line error naming it. */
export function requestFromOptions(o: RequestOptions): Omit<BulletinRequest, 'orgCode' | 'period'> {
  const request: Omit<BulletinRequest, 'orgCode' | 'period'> = {};
  if (o.compareTo) request.compareTo = parseCompareTo(o.compareTo, '--compare-to');
  if (o.threshold) request.naming = parseThresholdList(o.threshold, '--threshold');
  if (o.issuer) request.issuer = o.issuer;
  if (o.docNumber) request.docNumber = o.docNumber;
  if (o.date) request.date = isoDateOption(o.date, '--date');
  if (o.dataTakenOn) request.dataTakenOn = isoDateOption(o.dataTakenOn, '--data-taken-on');
  if (o.copyTo) request.copyTo = o.copyTo;
  if (o.printedBy) request.printedBy = o.printedBy;
  if (o.nameLowest !== undefined) {
    const n = Number(o.nameLowest);
    if (!Number.isInteger(n) || n < 0 || n > 50)
      throw GongweiError.badRequest(
        { zh: `应为 0..50 的整数：${o.nameLowest}`, en: `a whole number 0..50: ${o.nameLowest}` },
        '--name-lowest',
      );
    request.nameLowest = n;
  }
  return request;
}

/** The file named by `--out` must end in one of `extensions`. */
function wrongExtension(file: string, extensions: readonly string[]): GongweiError {
  return GongweiError.badRequest(
    {
      zh: `文件名应以 ${extensions.join(' 或 ')} 结尾：${file}`,
      en: `the file must end in ${extensions.join(' or ')}: ${file}`,
    },
    '--out',
  );
}

function writeOut(file: string, content: Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/**
 * `gongwei bulletin …` (generate, list, get, schedule, schedules, unschedule, run-schedules)
 * and `gongwei export indicators`. Bulletins and schedules made here are recorded as made
 * by `operator:<os user>`.
 *
 * @example
 * gongwei bulletin --org 620800 --period 2020Q2 --out 通报.docx --compare-to 620000=92.73%
 * gongwei bulletin schedule --org 620800 --every quarter --format docx
 * gongwei export indicators --org 620800 --period 2020Q2 --out 指标.xlsx
 */
export function registerBulletinCommands(program: Command): void {
  const bulletin = program
    .command('bulletin')
    .description(
      'bulletins (通报): generate (the default: gongwei bulletin generate --help), archive, schedule | 工作进度通报',
    );

  withRequestOptions(withDbOption(bulletin.command('generate', { isDefault: true })))
    .description('write the bulletin of an org for a period as .docx or .html (and archive it) | 生成通报')
    .requiredOption('--org <code>', 'org whose children are reported on, e.g. 620800')
    .requiredOption('--period <period>', '2020, 2020H1, 2020Q2, 2020-06 or 2020-06-1')
    .requiredOption('--out <file>', 'output file: .docx or .html')
    .option('--annex-xlsx <file>', 'also write the annex table as Excel')
    .action(
      (o: RequestOptions & { db?: string; org: string; period: string; out: string; annexXlsx?: string }) =>
        withDb(o, async (db) => {
          const format = formatOfFile(o.out);
          if (!format) throw wrongExtension(o.out, ['.docx', '.html']);
          const request = { ...requestFromOptions(o), orgCode: o.org.trim(), period: o.period.trim() };
          const generated = await generateBulletin(db, OPERATOR_SCOPE, request, format, new Date(), {
            by: operatorName(),
          });
          writeOut(o.out, generated.content);
          if (o.annexXlsx) writeOut(o.annexXlsx, await indicatorTableXlsx(generated.model.annex));
          const named = Object.entries(generated.model.named)
            .filter(([, units]) => units.length > 0)
            .map(([section, units]) => `${section}: ${units.map((u) => u.name).join('、')}`);
          process.stdout.write(
            `已生成 wrote ${o.out} (${generated.content.length} bytes, archive #${generated.id})\n${generated.model.title}\n${named.join('\n')}\n`,
          );
        }),
    );

  withDbOption(bulletin.command('list'))
    .description('list archived bulletins, newest first | 通报存档')
    .option('--org <code>', 'only bulletins of this org and its subtree')
    .option('--period <period>', 'only this period')
    .option('--limit <n>', 'how many', '50')
    .action((o: { db?: string; org?: string; period?: string; limit: string }) =>
      withDb(o, async (db) => {
        const limit = Number(o.limit);
        if (!Number.isInteger(limit) || limit < 1)
          throw GongweiError.badRequest(
            { zh: `应为正整数：${o.limit}`, en: `a positive whole number: ${o.limit}` },
            '--limit',
          );
        const rows = await listArchive(db, OPERATOR_SCOPE, {
          ...(o.org ? { org: o.org } : {}),
          ...(o.period ? { period: o.period } : {}),
          limit,
          offset: 0,
        });
        if (rows.length === 0) process.stdout.write('没有存档的通报 no archived bulletins\n');
        for (const r of rows)
          process.stdout.write(
            `#${r.id}\t${r.orgCode}\t${r.period}\t${r.format}\t${r.size}\t数据截至${r.dataCutoff}\t${r.generatedAt}\t${r.title}\n`,
          );
      }),
    );

  withDbOption(bulletin.command('get'))
    .description('write an archived bulletin to a file | 下载存档通报')
    .argument('<id>', 'archive number (see bulletin list)')
    .requiredOption('--out <file>', 'output file')
    .action((id: string, o: { db?: string; out: string }) =>
      withDb(o, async (db) => {
        const n = Number(id);
        const b = Number.isInteger(n) ? await getBulletin(db, OPERATOR_SCOPE, n) : null;
        if (!b)
          throw GongweiError.notFound(
            { zh: `没有编号为 ${id} 的存档通报`, en: `no archived bulletin #${id}` },
            'id',
          );
        writeOut(o.out, b.content);
        process.stdout.write(`wrote ${o.out} (${b.title}, ${b.size} bytes)\n`);
      }),
    );

  withRequestOptions(withDbOption(bulletin.command('schedule')))
    .description('generate a bulletin every quarter, month or 旬; the server runs it | 定期生成通报')
    .requiredOption('--org <code>', 'org whose children are reported on')
    .requiredOption('--every <every>', 'quarter | month | xun')
    .option('--format <format>', 'docx | html', 'docx')
    .action((o: RequestOptions & { db?: string; org: string; every: string; format: string }) =>
      withDb(o, async (db) => {
        if (!SCHEDULE_EVERY.includes(o.every as ScheduleEvery))
          throw GongweiError.badRequest(
            {
              zh: `应为 ${SCHEDULE_EVERY.join('、')} 之一：${o.every}`,
              en: `one of ${SCHEDULE_EVERY.join(', ')}: ${o.every}`,
            },
            '--every',
          );
        if (!BULLETIN_FORMATS.includes(o.format as BulletinFormat))
          throw GongweiError.badRequest(
            {
              zh: `应为 ${BULLETIN_FORMATS.join('、')} 之一：${o.format}`,
              en: `one of ${BULLETIN_FORMATS.join(', ')}: ${o.format}`,
            },
            '--format',
          );
        await scopeOfOrg(db.kysely, OPERATOR_SCOPE, o.org, { field: '--org', unknownCode: 'bad_request' });
        const { id, nextRun } = await createSchedule(
          db,
          OPERATOR_SCOPE,
          {
            orgCode: o.org,
            every: o.every as ScheduleEvery,
            format: o.format as BulletinFormat,
            request: requestFromOptions(o),
            createdBy: operatorName(),
          },
          new Date(),
        );
        process.stdout.write(
          `已设定 schedule #${id}: ${o.org} ${o.every} ${o.format}, 首次生成 first run ${nextRun}\n`,
        );
      }),
    );

  withDbOption(bulletin.command('schedules'))
    .description('list bulletin schedules | 定期通报列表')
    .action((o: { db?: string }) =>
      withDb(o, async (db) => {
        const rows = await listSchedules(db, OPERATOR_SCOPE);
        if (rows.length === 0) process.stdout.write('没有定期通报 no schedules\n');
        for (const s of rows)
          process.stdout.write(
            `#${s.id}\t${s.orgCode}\t${scheduleEveryName(s.every as ScheduleEvery).zh}\t${s.format}\t${s.active ? 'active' : 'stopped'}\tnext ${s.nextRun}\tlast ${s.lastRunAt ?? '-'}${s.lastError ? `\terror: ${s.lastError}` : ''}\n`,
          );
      }),
    );

  withDbOption(bulletin.command('unschedule'))
    .description('stop a bulletin schedule | 停止定期通报')
    .argument('<id>', 'schedule number')
    .action((id: string, o: { db?: string }) =>
      withDb(o, async (db) => {
        if (!(await stopSchedule(db, OPERATOR_SCOPE, Number(id))))
          throw GongweiError.notFound({ zh: `没有编号为 ${id} 的定期通报`, en: `no schedule #${id}` }, 'id');
        process.stdout.write(`stopped schedule #${id}\n`);
      }),
    );

  withDbOption(bulletin.command('run-schedules'))
    .description('run the schedules that are due now (the server does this on a timer) | 执行到期的定期通报')
    .action((o: { db?: string }) =>
      withDb(o, async (db) => {
        const runs = await runDueSchedules(db, OPERATOR_SCOPE, new Date());
        if (runs.length === 0) process.stdout.write(`no schedule due on ${localIsoDate(new Date())}\n`);
        for (const r of runs)
          process.stdout.write(
            `schedule #${r.scheduleId} ${r.period}: ${r.error ? `failed: ${r.error}` : `archive #${r.bulletinId}`}\n`,
          );
      }),
    );

  const exportCommand =
    program.commands.find((c) => c.name() === 'export') ??
    program.command('export').description('export tables to Excel | 导出');
  withDbOption(exportCommand.command('indicators'))
    .description('every indicator of an org and its children for a period, as .xlsx | 导出指标表')
    .requiredOption('--org <code>', 'org, e.g. 620800')
    .requiredOption('--period <period>', '2020, 2020H1, 2020Q2, 2020-06 or 2020-06-1')
    .requiredOption('--out <file>', 'output .xlsx file')
    .action((o: { db?: string; org: string; period: string; out: string }) =>
      withDb(o, async (db) => {
        if (!/\.xlsx$/i.test(o.out)) throw wrongExtension(o.out, ['.xlsx']);
        const table = await exportIndicatorTable(db, OPERATOR_SCOPE, o.org.trim(), o.period.trim());
        writeOut(o.out, await indicatorTableXlsx(table, '指标'));
        process.stdout.write(
          `wrote ${o.out} (${table.rows.length} units × ${table.groups.reduce((s, g) => s + g.columns.length, 0)} indicators)\n`,
        );
      }),
    );
}
