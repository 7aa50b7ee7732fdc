import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/databases.js';
import { openReader } from './read-worker.js';

describeEachDialect("a read worker's connection", (t) => {
  it('reads what the application wrote and refuses to write', async () => {
    await sql`insert into data_versions (scope, version) values ('reader-test', 7)`.execute(t.db.kysely);
    const reader = openReader(t.target);
    try {
      const row = await sql<{
        version: number;
      }>`select version from data_versions where scope = 'reader-test'`.execute(reader.kysely);
      expect(Number(row.rows[0]!.version)).toBe(7);
      await expect(
        sql`update data_versions set version = 8 where scope = 'reader-test'`.execute(reader.kysely),
      ).rejects.toThrow(/read-only|readonly/i);
    } finally {
      await reader.close();
    }
    const after = await sql<{
      version: number;
    }>`select version from data_versions where scope = 'reader-test'`.execute(t.db.kysely);
    expect(Number(after.rows[0]!.version)).toBe(7);
  });
});
