import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import {
  QUERIES_FOLDER,
  findModuleQueries,
  missingSamples,
  moduleQueriesText,
  queriesFile,
  repositoryFiles,
  type Dialect,
} from './query-samples.js';

const modules = await findModuleQueries();
const repositories = modules.flatMap((m) => m.repositories);
const postgresUrl = inject('postgresUrl');

describe('query samples (src/modules/<module>/<module>.queries.ts)', () => {
  it('cover every *-repository.ts of src/modules', () => {
    const covered = new Set(repositories.map((r) => r.file));
    const uncovered = repositoryFiles().filter((file) => !covered.has(file));
    expect(uncovered, 'add samples of these files to their module’s .queries.ts').toEqual([]);
  });

  it('name files that exist', () => {
    const gone = repositories
      .map((r) => r.file)
      .filter((file) => !existsSync(new URL(`../src/modules/${file}`, import.meta.url)));
    expect(gone, 'these files moved or were deleted').toEqual([]);
  });

  it.each(repositories.filter((r) => r.exportedFunctions !== null).map((r) => [r.file, r] as const))(
    '%s: one sample per exported function',
    (_, r) => {
      expect(missingSamples(r)).toEqual({ missing: [], unknown: [] });
    },
  );

  it('leave no SQL file of a module without samples', () => {
    const folder = dirname(queriesFile('x', 'sqlite'));
    const expected = modules.flatMap((m) => [`${m.module}.postgres.sql`, `${m.module}.sqlite.sql`]);
    const committed = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.sql')) : [];
    expect(committed.sort(), `run \`npm run queries\` and commit ${QUERIES_FOLDER}/`).toEqual(
      expected.sort(),
    );
  });
});

for (const dialect of ['sqlite', 'postgres'] as const satisfies readonly Dialect[]) {
  const skipped = dialect === 'postgres' && !postgresUrl;
  describe.skipIf(skipped)(
    `${QUERIES_FOLDER}/*.${dialect}.sql${skipped ? ' — SKIPPED: no PostgreSQL server' : ''}`,
    () => {
      it.each(modules.map((m) => [m.module, m] as const))(
        `%s.${dialect}.sql is what \`npm run queries\` writes`,
        async (module, m) => {
          const file = queriesFile(module, dialect);
          const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
          const written = await moduleQueriesText(m, dialect, postgresUrl);
          expect(
            written,
            `${QUERIES_FOLDER}/${module}.${dialect}.sql is stale: run \`npm run queries\``,
          ).toBe(committed);
        },
      );
    },
  );
}
