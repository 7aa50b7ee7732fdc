/**
 * `gongwei reported import <file>`, `gongwei reported list --org … [--period …]` and
 * `gongwei reported delete --org … --period … --indicator …`: reported values from the command
 * line, as the local operator (the whole tree).
 */
import type { Command } from 'commander';
import { OPERATOR_SCOPE, operatorName, withDb, withDbOption } from '../../cli/command-context.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { findIndicator } from '../../domain/indicators/catalogue.js';
import { scopeOfOrg } from '../orgs/org-scope.js';
import { importReportedFile } from './import-reported-file.js';
import { removeReportedValue } from './remove-reported-value.js';
import { listReportedValues, type StoredReportedValue } from './reported-repository.js';

function listTable(rows: readonly StoredReportedValue[]): string {
  const lines = [['单位', '时期', '指标', '分子', '分母', '数值', '来源', '录入人', '录入时间'].join('\t')];
  for (const r of rows) {
    const value =
      r.percent !== null
        ? `${r.percent}%`
        : r.denominator
          ? `${(((r.numerator ?? 0) / r.denominator) * 100).toFixed(2)}%`
          : String(r.numerator ?? '');
    lines.push(
      [
        `${r.orgName ?? ''}(${r.orgCode})`,
        r.period,
        findIndicator(r.indicator)?.name.zh ?? r.indicator,
        r.numerator ?? '',
        r.denominator ?? '',
        value,
        r.source,
        r.enteredBy,
        r.enteredAt,
      ].join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Registers `gongwei reported …`. */
export function registerReportedCommands(program: Command): void {
  const reported = program
    .command('reported')
    .description('reported indicators (notifiable diseases, health supervision, health literacy) | 上报指标');

  withDbOption(
    reported
      .command('import <file>')
      .description(
        'import reported values from a CSV/.xlsx (单位编码, 时期, 指标, 分子, 分母, 数值, 来源); all rows or none | 导入上报数据',
      ),
  ).action((file: string, o: { db?: string }) =>
    withDb(o, async (db) => {
      const r = await importReportedFile(db, OPERATOR_SCOPE, file, {
        by: operatorName(),
        at: new Date().toISOString(),
      });
      process.stdout.write(
        `读取${r.rows}行：新增${r.inserted}，更新${r.updated}，未变${r.unchanged} / read ${r.rows} rows: ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged\n`,
      );
    }),
  );

  withDbOption(
    reported
      .command('list')
      .description('list the reported values of an org subtree | 上报数据列表')
      .option('--org <code>', 'the org (its subtree is listed)')
      .option('--period <period>', "e.g. '2020Q2'")
      .option('--indicator <id>', 'one indicator')
      .option('--json', 'print as JSON'),
  ).action((o: { db?: string; org?: string; period?: string; indicator?: string; json?: boolean }) =>
    withDb(o, async (db) => {
      if (!o.org) throw GongweiError.badRequest({ zh: '缺少 --org', en: '--org is required' }, '--org');
      const { scope } = await scopeOfOrg(db.kysely, OPERATOR_SCOPE, o.org, { field: '--org' });
      const rows = await listReportedValues(db.kysely, scope, {
        ...(o.period === undefined ? {} : { period: o.period }),
        ...(o.indicator === undefined ? {} : { indicator: o.indicator }),
      });
      process.stdout.write(o.json ? `${JSON.stringify(rows, null, 2)}\n` : listTable(rows));
    }),
  );

  withDbOption(
    reported
      .command('delete')
      .description('delete one reported value (kept in its history) | 删除一条上报数据')
      .requiredOption('--org <code>', 'the org of the report')
      .requiredOption('--period <period>', "e.g. '2020Q2'")
      .requiredOption('--indicator <id>', 'the reported indicator'),
  ).action((o: { db?: string; org: string; period: string; indicator: string }) =>
    withDb(o, async (db) => {
      await removeReportedValue(
        db,
        OPERATOR_SCOPE,
        { orgCode: o.org, period: o.period, indicator: o.indicator },
        { by: operatorName(), at: new Date().toISOString() },
      );
      process.stdout.write(`已删除 / deleted: ${o.org} ${o.period} ${o.indicator}\n`);
    }),
  );
}
