import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/databases.js';
import { refreshPlannerStatistics } from './planner-statistics.js';

const ROWS = 3000;

describeEachDialect('planner statistics', (t) => {
  it('gathers them for a table written in bulk (PostgreSQL) and keeps none on SQLite', async () => {
    await sql`create table stats_probe (n integer not null)`.execute(t.db.kysely);
    for (let from = 0; from < ROWS; from += 500)
      await sql`insert into stats_probe (n) values ${sql.join(
        Array.from({ length: 500 }, (_, i) => sql`(${from + i})`),
      )}`.execute(t.db.kysely);

    if (t.db.dialect.name === 'sqlite') {
      expect(await refreshPlannerStatistics(t.db)).toEqual([]);
      const stat1 = await sql<{
        n: number;
      }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(t.db.kysely);
      expect(Number(stat1.rows[0]!.n)).toBe(0);
      return;
    }

    const reltuples = async (): Promise<number> =>
      Number(
        (
          await sql<{ n: number }>`select reltuples as n from pg_class
            where oid = to_regclass(current_schema() || '.stats_probe')`.execute(t.db.kysely)
        ).rows[0]!.n,
      );
    // Never gathered: the planner would guess the table's size from its pages.
    expect(await reltuples()).toBe(-1);
    // The writing connection reports its counts to the server within about a second.
    let analysed: string[] = [];
    for (let i = 0; i < 50 && !analysed.includes('stats_probe'); i++) {
      analysed = await refreshPlannerStatistics(t.db);
      if (!analysed.includes('stats_probe')) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(analysed).toContain('stats_probe');
    expect(await reltuples()).toBe(ROWS);
  });
});
