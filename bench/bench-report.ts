/**
 * How a bench run is shown: a table on stdout, then the same figures as one JSON line, and
 * optionally as a JSON file (`--json`). Shared by the whole bench (main.ts) and a section
 * run alone (section.ts), so both read alike.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { figureTable, type BenchFigure } from './bench-section.js';

/** One run's figures and what they were measured on. */
export interface BenchResult {
  readonly scale: string;
  readonly dialect: string;
  readonly data: string;
  readonly period: string;
  readonly figures: readonly BenchFigure[];
  /** The database server's settings the figures assume (PostgreSQL; empty for SQLite). */
  readonly settings?: Readonly<Record<string, string>>;
}

/** Prints `result` as a table and as JSON, and writes it to `jsonFile` when given. */
export function reportBench(result: BenchResult, jsonFile?: string): void {
  process.stdout.write(
    `\nGongwei bench — scale ${result.scale}, ${result.dialect}, ${result.data} data, period ${result.period}\n`,
  );
  const settings = Object.entries(result.settings ?? {});
  if (settings.length > 0)
    process.stdout.write(`settings: ${settings.map(([name, value]) => `${name} = ${value}`).join(', ')}\n`);
  process.stdout.write(figureTable(result.figures));
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
  if (jsonFile) {
    if (!existsSync(dirname(jsonFile))) mkdirSync(dirname(jsonFile), { recursive: true });
    writeFileSync(jsonFile, JSON.stringify(result, null, 2));
  }
}
