import { describe, expect, it } from 'vitest';
import { countMismatches, restoredCountsDiffer, targetInUse, type TableCounts } from './restore-rules.js';

describe('restore rules', () => {
  it('accepts a target without orgs, users or residents, whatever else it counts', () => {
    expect(targetInUse({}, 'x.sqlite', '--db')).toBeNull();
    expect(targetInUse({ orgs: 0, users: 0, residents: 0, access_trail: 3 }, 'x.sqlite', '--db')).toBeNull();
  });

  it('refuses a target holding any org, user or resident, naming the target and what it holds', () => {
    const cases: TableCounts[] = [{ orgs: 1 }, { users: 2 }, { residents: 38464 }];
    for (const holdings of cases) {
      const error = targetInUse(holdings, 'data/gongwei.sqlite', '--db');
      expect(error).toMatchObject({ code: 'conflict', field: '--db' });
      expect(error!.text.en).toContain('the target database data/gongwei.sqlite is not empty');
      expect(error!.text.en).toContain('nothing was changed');
      expect(error!.text.zh).toContain('目标数据库 data/gongwei.sqlite 不是空的');
    }
    const error = targetInUse({ orgs: 1680, users: 0, residents: 38464 }, 't', '--db')!;
    expect(error.text.en).toContain('(orgs 1,680, residents 38,464)');
    expect(error.text.zh).toContain('（机构 1,680, 居民档案 38,464）');
  });

  it('names each table whose restored count differs from the backup, a missing one counting 0', () => {
    expect(countMismatches({ orgs: 3, residents: 10 }, { orgs: 3, residents: 10, newer_table: 5 })).toEqual(
      [],
    );
    expect(countMismatches({ orgs: 3, residents: 10, users: 1 }, { orgs: 3, residents: 9 })).toEqual([
      { table: 'residents', inBackup: 10, restored: 9 },
      { table: 'users', inBackup: 1, restored: 0 },
    ]);
    const error = restoredCountsDiffer([{ table: 'residents', inBackup: 10, restored: 9 }], 'y.sqlite');
    expect(error.code).toBe('unprocessable');
    expect(error.text.en).toContain('y.sqlite does not hold what the backup held (residents 10 → 9)');
  });
});
