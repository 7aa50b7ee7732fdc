/**
 * `npm run queries`: writes queries/<module>.<dialect>.sql, the SQL each repository function
 * runs, from the samples in src/modules/<module>/<module>.queries.ts (see test/query-samples.ts).
 * Commit the files with the change: the diff shows its SQL. Without a PostgreSQL server only the
 * SQLite files are written, and the command says so and fails.
 */
import { readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TEST_POSTGRES_URL, postgresAnswers } from '../test/postgres-availability.js';
import {
  QUERIES_FOLDER,
  findModuleQueries,
  moduleQueriesText,
  queriesFile,
  type Dialect,
} from '../test/query-samples.js';

const postgres = process.env.GONGWEI_SKIP_POSTGRES ? false : await postgresAnswers();
const dialects: Dialect[] = postgres ? ['sqlite', 'postgres'] : ['sqlite'];
const modules = await findModuleQueries();
const folder = dirname(queriesFile('x', 'sqlite'));
mkdirSync(folder, { recursive: true });
const written = new Set<string>();
for (const m of modules) {
  for (const dialect of dialects) {
    const file = queriesFile(m.module, dialect);
    writeFileSync(file, await moduleQueriesText(m, dialect, postgres ? TEST_POSTGRES_URL : null));
    written.add(file);
    console.log(`wrote ${QUERIES_FOLDER}/${m.module}.${dialect}.sql`);
  }
}
// Files of a module that has no samples any more.
for (const name of readdirSync(folder)) {
  const file = join(folder, name);
  const dialect = name.endsWith('.postgres.sql') ? 'postgres' : 'sqlite';
  if (name.endsWith('.sql') && !written.has(file) && dialects.includes(dialect)) {
    rmSync(file);
    console.log(`removed ${QUERIES_FOLDER}/${name}`);
  }
}
if (!postgres) {
  console.error(
    `\nPostgreSQL did not answer at ${TEST_POSTGRES_URL}: ${QUERIES_FOLDER}/*.postgres.sql were NOT written.` +
      '\nStart it (scripts/ensure-postgres.sh) or set TEST_DATABASE_URL, then run `npm run queries` again.',
  );
  process.exitCode = 1;
}
