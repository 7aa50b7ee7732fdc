import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachDialect } from '../../test/databases.js';

describeEachDialect('migrations', (t) => {
  it('creates the foundation tables, empty', async () => {
    for (const table of ['orgs', 'org_population', 'residents', 'enrollments', 'services'] as const) {
      const row = await t.db.kysely
        .selectFrom(table)
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(row.n)).toBe(0);
    }
  });

  it('computes day differences and month shifts the same way in both dialects', async () => {
    const { daysBetween, addMonths } = t.db.dialect;
    const row = await sql<{
      d: number;
      m: string;
    }>`select ${daysBetween("'2020-02-27'", "'2020-03-01'")} as d, ${addMonths("'2020-06-30'", -3)} as m`.execute(
      t.db.kysely,
    );
    expect(Number(row.rows[0]!.d)).toBe(3);
    expect(row.rows[0]!.m).toBe('2020-03-30');
  });
});
