import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { generateDemo } from '../demo/generate-demo.js';
import { listFindings, listHotspots } from './finding-queries.js';
import { runAudits } from './run-audits.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';

// The places the Q2 2020 Pingliang bulletin names for identical check-ups (fixture identicalHotspots).
const TOWNSHIPS = { '620881100': '华亭市东华镇', '620881101': '华亭市安口镇', '620881202': '华亭市山寨乡' };
const VILLAGE = { code: '620826110209', fullName: '静宁县雷大镇屈岔村' };

describeEachDialect('identical check-ups in the demo city', (t) => {
  beforeAll(async () => {
    // The smallest share of the city the demo offers for tests: a few thousand records.
    await generateDemo(t.db, { scale: 'small', seed: 2020, fraction: 1 / 500 });
    await runAudits(t.db, WHOLE_TREE, { orgCode: '620800', period: '2020Q2', rules: ['identical_checkups'] });
  });

  it('finds them only in the townships and the village the bulletin names, and in each of them', async () => {
    const found = await listFindings(t.db, WHOLE_TREE, { rule: 'identical_checkups', pageSize: 1000 });
    expect(found.total).toBeGreaterThanOrEqual(8);
    const places = [...Object.keys(TOWNSHIPS), VILLAGE.code];
    for (const item of found.items) expect(places.some((p) => item.org.startsWith(p))).toBe(true);
    for (const p of places) expect(found.items.some((i) => i.org.startsWith(p))).toBe(true);
  });

  it('ranks those places as the hotspots', async () => {
    const townships = await listHotspots(t.db, WHOLE_TREE, {
      rule: 'identical_checkups',
      orgCode: '620800',
      level: 4,
    });
    expect(townships.map((h) => h.org).sort()).toEqual([...Object.keys(TOWNSHIPS), '620826110'].sort());
    for (const h of townships.filter((x) => x.org in TOWNSHIPS))
      expect(h.fullName).toBe(TOWNSHIPS[h.org as keyof typeof TOWNSHIPS]);
    const spots = await listHotspots(t.db, WHOLE_TREE, { rule: 'identical_checkups', orgCode: '620800' });
    expect(spots.map((h) => h.fullName)).toContain(VILLAGE.fullName);
  });
});
