/**
 * `node --expose-gc dist/bench/section.js <name…> --db PATH|postgres://… [--schema S] [--scale city]
 * [--root 620800] [--period 2020Q2] [--json FILE]`
 *
 * Runs the named sections of bench/sections.ts alone, on a database that already holds a
 * demo (e.g. one `gongwei demo --scale city` built once in half an hour), without
 * generating it again. For measuring one thing repeatedly while changing it; the figures
 * of record come from the whole bench (`npm run bench`). A section may write to the
 * database (the load section's writer records follow-ups): use a copy to keep.
 */
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { openMaintainedDatabase } from '../src/composition/maintained-database.js';
import { reportBench } from './bench-report.js';
import { databaseSettings } from './database-settings.js';
import type { BenchContext, BenchFigure } from './bench-section.js';
import { BENCH_SECTIONS } from './sections.js';

interface Options {
  db: string;
  scale: BenchContext['scale'];
  root: string;
  period: string;
  json?: string;
  schema?: string;
}

async function main(): Promise<void> {
  const program = new Command('bench-section')
    .argument('<names...>', `sections to run: ${BENCH_SECTIONS.map((s) => s.name).join(', ')}`)
    .requiredOption('--db <path>', 'SQLite file or postgres:// URL holding a demo')
    .option('--scale <scale>', 'the scale the demo was built at (small | county | city), as reported', 'city')
    .option('--root <code>', "the demo city's org code", '620800')
    .option('--period <period>', 'a period with data', '2020Q2')
    .option('--json <file>', 'write the figures as JSON to this file')
    .option(
      '--schema <name>',
      'PostgreSQL: the schema holding the demo (e.g. one kept by `npm run bench -- --keep`)',
    )
    .parse(process.argv);
  const options = program.opts<Options>();
  const names = program.args;
  const unknown = names.filter((n) => !BENCH_SECTIONS.some((s) => s.name === n));
  if (unknown.length > 0)
    throw new Error(
      `no such section: ${unknown.join(', ')} (known: ${BENCH_SECTIONS.map((s) => s.name).join(', ')})`,
    );
  const postgres = /^postgres(ql)?:\/\//.test(options.db);
  // Opening a SQLite path that does not exist would create an empty database to measure.
  if (!postgres && !existsSync(options.db)) throw new Error(`no database at ${options.db}`);
  const target = postgres
    ? { url: options.db, ...(options.schema ? { schema: options.schema } : {}) }
    : { file: options.db };
  const db = await openMaintainedDatabase(target);
  try {
    const figures: BenchFigure[] = [];
    for (const section of BENCH_SECTIONS.filter((s) => names.includes(s.name))) {
      process.stderr.write(`section ${section.name} …\n`);
      figures.push(
        ...(await section.run({
          db,
          target,
          rootCode: options.root,
          period: options.period,
          scale: options.scale,
        })),
      );
    }
    reportBench(
      {
        scale: options.scale,
        dialect: db.dialect.name,
        data: 'demo (existing)',
        period: options.period,
        figures,
        settings: await databaseSettings(db, target),
      },
      options.json,
    );
  } finally {
    await db.close();
  }
}

await main();
