import type { Command } from 'commander';
import { OPERATOR_SCOPE, withDb, withDbOption } from '../../cli/command-context.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { findIndicator } from '../../domain/indicators/catalogue.js';
import { catalogueMarkdown } from '../../domain/indicators/catalogue-doc.js';
import { computeIndicatorValues, type IndicatorValue } from './indicator-values.js';
import { recomputeAllFacts } from './fact-maintainer.js';

interface IndicatorOptions {
  db?: string;
  org: string;
  period: string;
  depth: string;
  ids?: string;
  format: string;
}

const COLUMNS = [
  'org',
  'orgName',
  'level',
  'period',
  'indicator',
  'numerator',
  'denominator',
  'value',
] as const;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV with a header row, the JSON fields in order. */
export function toCsv(rows: readonly IndicatorValue[]): string {
  return (
    [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n'
  );
}

function display(r: IndicatorValue): string {
  if (r.value === null) return '—';
  const def = findIndicator(r.indicator);
  return def?.unit === 'percent' ? `${(r.value * 100).toFixed(2)}%` : String(r.value);
}

function formatNumber(n: number | null): string {
  if (n === null) return '';
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** A text table with Chinese indicator names and percentages to two decimals. */
export function toTable(rows: readonly IndicatorValue[]): string {
  const lines = [['机构 org', '指标 indicator', '分子 num.', '分母 den.', '值 value']];
  for (const r of rows)
    lines.push([
      `${'  '.repeat(Math.max(0, r.level - (rows[0]?.level ?? r.level)))}${r.orgName} ${r.org}`,
      findIndicator(r.indicator)?.name.zh ?? r.indicator,
      formatNumber(r.numerator),
      formatNumber(r.denominator),
      display(r),
    ]);
  // CJK characters take two columns in a terminal.
  const width = (s: string): number => [...s].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => width(l[i]!))));
  return (
    lines
      .map((l) =>
        l
          .map((cell, i) =>
            i >= 2
              ? ' '.repeat(widths[i]! - width(cell)) + cell
              : cell + ' '.repeat(widths[i]! - width(cell)),
          )
          .join('  '),
      )
      .join('\n') + '\n'
  );
}

/**
 * `gongwei indicators` (values of an org subtree for a period) and
 * `gongwei indicators-recompute` (rebuild the maintained facts from the raw rows).
 *
 * @example
 * gongwei indicators --org 620800 --period 2020Q2 --depth 1 --format table
 * gongwei indicators --org 620881 --period 2020-06-2 --ids hypertension.control_rate --format csv
 */
export function registerIndicatorCommands(program: Command): void {
  withDbOption(program.command('indicators'))
    .description('indicator values of an org and its descendants for a period | 指标值')
    .requiredOption('--org <code>', 'org code (6, 9 or 12 digits)')
    .requiredOption('--period <period>', "'2020', '2020H1', '2020Q2', '2020-06' or 旬 '2020-06-1'")
    .option('--depth <n>', 'levels below the org: 0 = the org only', '0')
    .option('--ids <ids>', 'comma-separated indicator ids (default: all)')
    .option('--format <format>', 'json | csv | table', 'table')
    .action((options: IndicatorOptions) =>
      withDb(options, async (db) => {
        if (!['json', 'csv', 'table'].includes(options.format))
          throw GongweiError.badRequest(
            {
              zh: `应为 json、csv 或 table，而不是 '${options.format}'`,
              en: `json, csv or table expected, got '${options.format}'`,
            },
            '--format',
          );
        if (!/^\d$/.test(options.depth))
          throw GongweiError.badRequest(
            {
              zh: `应为 0..4 的整数，而不是 '${options.depth}'`,
              en: `an integer 0..4 expected, got '${options.depth}'`,
            },
            '--depth',
          );
        const ids = options.ids
          ?.split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
        const rows = await computeIndicatorValues(db, OPERATOR_SCOPE, {
          orgCode: options.org.trim(),
          period: options.period,
          depth: Number(options.depth),
          ...(ids ? { ids } : {}),
        });
        const out =
          options.format === 'json'
            ? JSON.stringify(rows, null, 2) + '\n'
            : options.format === 'csv'
              ? toCsv(rows)
              : toTable(rows);
        process.stdout.write(out);
      }),
    );

  program
    .command('indicators-catalogue')
    .description('print the indicator catalogue as markdown (docs/indicators.md) | 指标目录')
    .action(() => {
      process.stdout.write(catalogueMarkdown());
    });

  withDbOption(program.command('indicators-recompute'))
    .description('rebuild the maintained indicator facts from the raw records | 重建指标事实表')
    .action((options: { db?: string }) =>
      withDb(options, async (db) => {
        const started = performance.now();
        const { years } = await recomputeAllFacts(db);
        process.stdout.write(
          `指标事实已重建 facts rebuilt: years ${years.join(', ') || '—'} (${Math.round(performance.now() - started)} ms)\n`,
        );
      }),
    );
}
