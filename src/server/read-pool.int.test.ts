import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/databases.js';
import { buildHandData, TOWNSHIP } from '../modules/indicators/indicators.fixture.js';
import { WHOLE_TREE } from '../modules/orgs/org-scope.js';
import { ReadPool } from './read-pool.js';
import type { ReadTask } from './read-tasks.js';

function drillDown(page: number): Extract<ReadTask, { kind: 'indicator-people' }> {
  return {
    kind: 'indicator-people',
    scope: WHOLE_TREE,
    query: {
      orgCode: TOWNSHIP,
      period: '2020',
      indicator: 'hypertension.control_rate',
      set: 'gap',
      page,
      pageSize: 10,
    },
  };
}

const dashboard: Extract<ReadTask, { kind: 'indicator-values' }> = {
  kind: 'indicator-values',
  scope: WHOLE_TREE,
  query: { orgCode: TOWNSHIP, period: '2020', depth: 1 },
};

describeEachDialect('the read pool’s queue', (t) => {
  beforeAll(async () => {
    await buildHandData(t.db);
  });

  it('lets a dashboard pass the drill-downs waiting before it, and answers them all', async () => {
    const pool = new ReadPool(t.db, { concurrency: 1 });
    try {
      const finished: string[] = [];
      const track = async <T>(name: string, read: Promise<T>): Promise<T> => {
        const answer = await read;
        finished.push(name);
        return answer;
      };
      const first = track('drill-down 1', pool.run(drillDown(1)));
      const later = [
        track('drill-down 2', pool.run(drillDown(2))),
        track('drill-down 3', pool.run(drillDown(3))),
      ];
      const table = track('dashboard', pool.run(dashboard));
      expect(pool.queued).toBe(3);
      await Promise.all([first, table, ...later]);
      // The first drill-down held the only place; the dashboard went next, before the two
      // drill-downs that had been waiting longer.
      expect(finished).toEqual(['drill-down 1', 'dashboard', 'drill-down 2', 'drill-down 3']);
      expect(pool.queued).toBe(0);
      expect((await first).page.people.length).toBeGreaterThan(0);
      expect((await table).maintained).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('refuses the read beyond maxQueued, whatever its kind, and runs reads again once places free', async () => {
    const pool = new ReadPool(t.db, { concurrency: 1, maxQueued: 1 });
    try {
      const running = pool.run(drillDown(1));
      const waiting = pool.run(drillDown(2));
      await expect(pool.run(dashboard)).rejects.toMatchObject({ code: 'unavailable', retryAfterSeconds: 1 });
      await Promise.all([running, waiting]);
      // Places free again: the next read runs.
      await expect(pool.run(dashboard)).resolves.toMatchObject({ maintained: true });
    } finally {
      await pool.close();
    }
  });
});
