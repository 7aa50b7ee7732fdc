import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { OPERATOR_SCOPE, operatorName, withDb, withDbOption } from '../../cli/command-context.js';
import { formatCenti } from '../../domain/assessment/exact.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { enterManualScore } from './enter-manual-score.js';
import { runReportDocx, runReportXlsx } from './export-report.js';
import { readRunReport, type RunReport } from './run-report.js';
import { runAssessment } from './run-assessment.js';
import { schemeFromXlsx, schemeToXlsx } from './scheme-workbook.js';
import { DEFAULT_SCHEME_CODE, importScheme, listSchemes, loadScheme } from './schemes.js';

function positiveInt(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw GongweiError.badRequest(
      { zh: `应为正整数：${text}`, en: `a positive whole number: ${text}` },
      flag,
    );
  return n;
}

function requireOption(value: string | undefined, flag: string): string {
  if (!value) throw GongweiError.badRequest({ zh: `缺少 ${flag}`, en: `${flag} is required` }, flag);
  return value;
}

/** The ranking as a plain table. */
function rankingTable(report: RunReport): string {
  const lines = [
    `${report.run.orgName} ${report.run.period} · ${report.run.schemeCode} v${report.run.schemeVersion} · 数据截至 ${report.run.dataCutoff} · run #${report.run.id}`,
    ['排名', '单位', '合计', '适用满分', '折算得分', '较上次', '待录入'].join('\t'),
  ];
  for (const u of report.units)
    lines.push(
      [
        u.rank,
        `${u.unitName}(${u.unitCode})`,
        formatCenti(u.totalCenti),
        formatCenti(u.applicableCenti),
        formatCenti(u.convertedCenti),
        u.changeCenti === null ? '—' : formatCenti(u.changeCenti),
        u.missing,
      ].join('\t'),
    );
  return `${lines.join('\n')}\n`;
}

async function writeExports(
  report: RunReport,
  o: { xlsx?: string; docx?: string; issuer?: string },
): Promise<void> {
  if (o.xlsx) writeFileSync(o.xlsx, await runReportXlsx(report, report.run.orgName));
  if (o.docx)
    writeFileSync(
      o.docx,
      await runReportDocx(report, report.run.orgName, o.issuer ?? `${report.run.orgName}卫生健康局`),
    );
}

/**
 * `gongwei assess --org … --period … [--scheme …]` runs an assessment of the org's children
 * and prints the ranking; `assess show`, `assess enter` (a manual score), `assess scheme
 * list | export | import`.
 */
export function registerAssessmentCommands(program: Command): void {
  const assess = withDbOption(
    program
      .command('assess')
      .description('performance assessment of the units below an org | 绩效考核')
      .option(
        '--org <code>',
        'the org whose children are assessed (a city: its counties; a county: its townships)',
      )
      .option('--period <period>', "'2020H1', '2020', '2020Q2', …")
      .option('--scheme <code>', 'scheme code', DEFAULT_SCHEME_CODE)
      .option('--scheme-version <n>', 'scheme version (default the newest)')
      .option('--xlsx <file>', 'also write the Excel table')
      .option('--docx <file>', 'also write the Word report')
      .option('--issuer <text>', 'issuing body of the Word report')
      .option('--json', 'print the run as JSON'),
  ).action(
    (o: {
      db?: string;
      org?: string;
      period?: string;
      scheme: string;
      schemeVersion?: string;
      xlsx?: string;
      docx?: string;
      issuer?: string;
      json?: boolean;
    }) =>
      withDb(o, async (db) => {
        const version = positiveInt(o.schemeVersion, '--scheme-version');
        const id = await runAssessment(
          db,
          OPERATOR_SCOPE,
          {
            schemeCode: o.scheme,
            ...(version === undefined ? {} : { schemeVersion: version }),
            orgCode: requireOption(o.org, '--org'),
            period: requireOption(o.period, '--period'),
          },
          { by: operatorName(), at: new Date().toISOString() },
        );
        const report = await readRunReport(db, OPERATOR_SCOPE, id, { items: true });
        await writeExports(report, o);
        process.stdout.write(o.json ? `${JSON.stringify(report, null, 2)}\n` : rankingTable(report));
      }),
  );

  withDbOption(
    assess
      .command('show <runId>')
      .description('print a stored run, optionally write its Excel table and Word report | 查看考核结果')
      .option('--xlsx <file>', 'write the Excel table')
      .option('--docx <file>', 'write the Word report')
      .option('--issuer <text>', 'issuing body of the Word report')
      .option('--json', 'print the run with every item as JSON'),
  ).action(
    (runId: string, o: { db?: string; xlsx?: string; docx?: string; issuer?: string; json?: boolean }) =>
      withDb(o, async (db) => {
        const report = await readRunReport(db, OPERATOR_SCOPE, positiveInt(runId, 'runId')!, { items: true });
        await writeExports(report, o);
        process.stdout.write(o.json ? `${JSON.stringify(report, null, 2)}\n` : rankingTable(report));
      }),
  );

  withDbOption(
    assess
      .command('enter')
      .description('enter the score of a manual item with its evidence | 录入现场考核得分')
      .requiredOption('--unit <code>', 'the assessed unit')
      .requiredOption('--item <id>', 'the manual item id, e.g. eff.satisfaction')
      .requiredOption('--period <period>', 'the period assessed')
      .requiredOption('--score <points>', 'points, 0 to the item’s points')
      .requiredOption('--evidence <text>', 'what the score rests on')
      .option('--scheme <code>', 'scheme code', DEFAULT_SCHEME_CODE),
  ).action(
    (o: {
      db?: string;
      unit: string;
      item: string;
      period: string;
      score: string;
      evidence: string;
      scheme: string;
    }) =>
      withDb(o, async (db) => {
        const score = Number(o.score);
        if (!Number.isFinite(score))
          throw GongweiError.badRequest(
            { zh: `不是数字：${o.score}`, en: `not a number: ${o.score}` },
            '--score',
          );
        const saved = await enterManualScore(
          db,
          OPERATOR_SCOPE,
          {
            schemeCode: o.scheme,
            itemId: o.item,
            unitCode: o.unit,
            period: o.period,
            score,
            evidence: o.evidence,
          },
          { by: operatorName(), at: new Date().toISOString() },
        );
        process.stdout.write(
          `entry #${saved.id}: ${formatCenti(saved.scoreCenti)} / ${formatCenti(saved.pointsCenti)}\n`,
        );
      }),
  );

  const scheme = assess.command('scheme').description('assessment schemes | 考核方案');
  withDbOption(scheme.command('list').description('every stored scheme version')).action(
    (o: { db?: string }) =>
      withDb(o, async (db) => {
        for (const s of await listSchemes(db))
          process.stdout.write(
            `${s.code}\tv${s.version}\t${formatCenti(s.maxCenti)}\t${s.name.zh}\t${s.createdBy}\t${s.createdAt}\n`,
          );
      }),
  );
  withDbOption(
    scheme
      .command('export [code]')
      .description('print a scheme as JSON (or write it to --out; a --out ending in .xlsx writes a workbook)')
      .option('--version <n>', 'version (default the newest)')
      .option('--out <file>', 'write to this file'),
  ).action((code: string | undefined, o: { db?: string; version?: string; out?: string }) =>
    withDb(o, async (db) => {
      const { scheme: s } = await loadScheme(
        db,
        code ?? DEFAULT_SCHEME_CODE,
        positiveInt(o.version, '--version'),
        'code',
      );
      const text = `${JSON.stringify(s, null, 2)}\n`;
      if (o.out?.toLowerCase().endsWith('.xlsx')) writeFileSync(o.out, await schemeToXlsx(s));
      else if (o.out) writeFileSync(o.out, text);
      else process.stdout.write(text);
    }),
  );
  withDbOption(
    scheme
      .command('import <file>')
      .description('store a scheme (JSON, or .xlsx as exported) as the next version of its code'),
  ).action((file: string, o: { db?: string }) =>
    withDb(o, async (db) => {
      let value: unknown;
      if (file.toLowerCase().endsWith('.xlsx')) value = await schemeFromXlsx(readFileSync(file));
      else
        try {
          value = JSON.parse(readFileSync(file, 'utf8'));
        } catch (error) {
          throw new GongweiError(
            'bad_request',
            { zh: `无法读取 JSON 文件：${file}`, en: `cannot read ${file} as JSON` },
            { field: 'file', cause: error },
          );
        }
      const r = await importScheme(db, value, { by: operatorName(), at: new Date().toISOString() });
      process.stdout.write(
        `${r.stored.code} v${r.stored.version}${r.created ? ' stored' : ' unchanged (same as the newest version)'}\n`,
      );
    }),
  );
}
