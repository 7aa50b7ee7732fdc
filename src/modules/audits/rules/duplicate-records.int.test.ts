import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/databases.js';
import { idNumberAs18 } from '../../../domain/id-number/id-number.js';
import { WHOLE_TREE, scopeOfOrg } from '../../orgs/org-scope.js';
import { insertOrgs, insertResidents, type ResidentSeed } from '../audits.fixture.js';
import { selectDuplicateCandidatesByScan, selectIdDuplicateCandidates } from './duplicate-records.js';

/** A number as the SQL key normalises it (null stays null). */
const upperTrim = (v: string | null | undefined): string | null =>
  v === null || v === undefined ? null : v.replace(/^ +| +$/g, '').toUpperCase();

// The index path for ID duplicates must give what grouping by the normalised expression gives.
describeEachDialect('ID duplicate candidates', (t) => {
  it('agree with grouping by upper(trim(id_number)), scoped or not', async () => {
    await insertOrgs(t.db);
    const villages = ['620881100201', '620881100202', '620881101201', '620826105201'];
    const seeds: ResidentSeed[] = [];
    let a = 7;
    const rand = (n: number): number => {
      a = (Math.imul(a, 1103515245) + 12345) >>> 0;
      return a % n;
    };
    for (let no = 1; no <= 160; no++) {
      const base = `62088119500101${String(rand(40)).padStart(3, '0')}x`;
      const variant = [base, base.toUpperCase(), ` ${base}`, `${base.toUpperCase()}  `, '', '  ', null][
        rand(7)
      ]!;
      seeds.push({
        no,
        org: villages[rand(4)]!,
        idNumber: variant,
        created: rand(10) === 0 ? '2021-01-01' : '2018-01-01',
        death: rand(10) === 0 ? '2019-01-01' : null,
      });
    }
    const ids = await insertResidents(t.db, seeds);
    const agree = async (org: string | null): Promise<void> => {
      const scope = org ? (await scopeOfOrg(t.db.kysely, WHOLE_TREE, org)).scope : WHOLE_TREE;
      const byExpression = await selectDuplicateCandidatesByScan(
        t.db.kysely,
        ['id_number'],
        scope,
        '2020-06-30',
      );
      const byIndex = await selectIdDuplicateCandidates(t.db.kysely, t.db.dialect, scope, '2020-06-30');
      expect(byIndex).toEqual(byExpression);
      if (org === null) expect(byIndex.length).toBeGreaterThan(40);
    };
    for (const org of [null, '620881', '620881100', '620826105201']) await agree(org);
    // Numbers corrected into normal form leave the partial index of odd numbers (migration
    // 026), numbers spoiled enter it: the same answer still.
    for (const no of [1, 2, 3, 4, 5, 6])
      await sql`update residents set id_number = ${no % 2 === 0 ? `${seeds[0]!.idNumber ?? ''} ` : upperTrim(seeds[no]!.idNumber)} where id = ${ids.get(no)!}`.execute(
        t.db.kysely,
      );
    for (const org of [null, '620881']) await agree(org);
  });
});

describeEachDialect('ID duplicates across the number generations', (t) => {
  it('links a first-generation 15-digit number with the same 18-digit number', async () => {
    await insertOrgs(t.db);
    const new18 = idNumberAs18('620881550101001');
    await insertResidents(t.db, [
      { no: 1, org: '620881100201', idNumber: '620881550101001', created: '2018-01-01', death: null },
      { no: 2, org: '620881100202', idNumber: new18.toLowerCase(), created: '2018-01-01', death: null },
      // Another sequence number: another person, not linked.
      { no: 3, org: '620881100202', idNumber: '620881550101002', created: '2018-01-01', death: null },
    ]);
    const found = await selectIdDuplicateCandidates(t.db.kysely, t.db.dialect, WHOLE_TREE, '2020-06-30');
    expect(found.map((c) => [c.groupKey, c.recordNo.slice(-1)])).toEqual([
      [new18, '1'],
      [new18, '2'],
    ]);
  });
});
