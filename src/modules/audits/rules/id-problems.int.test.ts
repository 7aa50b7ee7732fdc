import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/databases.js';
import { residentIdSuspect } from '../../../db/migrations/019-resident-id-suspects.js';
import { idProblemOf } from '../../../domain/audits/classify.js';
import { WHOLE_TREE } from '../../orgs/org-scope.js';
import { insertOrgs, insertResidents, validId, type ResidentSeed } from '../audits.fixture.js';
import { listFindings } from '../finding-queries.js';
import { runAudits } from '../run-audits.js';
import { defaultAuditParameters } from './index.js';

// The ID rule skips, in SQL, numbers that are certainly fine. That shortcut must never hide
// a problem: the findings must be exactly what the ID module says about every record.
function seeds(): ResidentSeed[] {
  let a = 20200630;
  const rand = (n: number): number => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return a % n;
  };
  const out: ResidentSeed[] = [];
  const mutations: ((
    id: string,
    birth: string,
  ) => { id: string | null; birth?: string | null; sex?: 'M' | 'F' })[] = [
    (id) => ({ id }),
    (id) => ({ id: id.slice(0, 17) + String((Number(id[17] === 'X' ? 10 : id[17]) + 1) % 10) }),
    (id) => ({ id: id.toLowerCase() }),
    (id) => ({ id: ` ${id}` }),
    (id) => ({ id: id.slice(0, 6) + id.slice(8, 17) }),
    (id) => ({ id, sex: id[16]! === '1' ? 'F' : 'M' }),
    (id, birth) => ({ id, birth: birth.slice(0, 8) + '28' }),
    (id) => ({ id: validId('99' + id.slice(2, 17)) }),
    (id) => ({ id: id.slice(0, 10) + 'A' + id.slice(11) }),
    (id) => ({ id: id.slice(0, 12) }),
    (id) => ({ id, birth: null }),
    (id) => ({ id: validId(id.slice(0, 6) + '20991231' + id.slice(14, 17)), birth: '2099-12-31' }),
    () => ({ id: null }),
    () => ({ id: '' }),
  ];
  for (let no = 1; no <= 140; no++) {
    const year = 1930 + rand(80);
    const birth = `${year}-${String(1 + rand(12)).padStart(2, '0')}-${String(1 + rand(27)).padStart(2, '0')}`;
    const male = rand(2) === 1;
    const seq = String(rand(500) * 2 + (male ? 1 : 0)).padStart(3, '0');
    const id = validId('620881' + birth.replaceAll('-', '') + seq);
    const m = mutations[no % mutations.length]!(id, birth);
    out.push({
      no,
      org: '620881100201',
      idNumber: m.id,
      birth: m.birth === undefined ? birth : m.birth,
      sex: m.sex ?? (male ? 'M' : 'F'),
    });
  }
  return out;
}

describeEachDialect('ID rule shortcut', (t) => {
  it('finds exactly the problems the ID module finds on every record', async () => {
    await insertOrgs(t.db);
    const list = seeds();
    const ids = await insertResidents(t.db, list);
    await runAudits(t.db, WHOLE_TREE, { rules: ['id_problems'], asOf: '2020-06-30' });
    const found = (await listFindings(t.db, WHOLE_TREE, { rule: 'id_problems', pageSize: 1000 })).items.map(
      (i) => [i.resident!.id, (i.evidence as { codes: string[] }).codes],
    );
    const expected = list
      .map((s) => {
        const p = idProblemOf(
          { idNumber: s.idNumber ?? null, birthDate: s.birth ?? null, sex: s.sex ?? null },
          '2020-06-30',
          defaultAuditParameters().id_problems,
        );
        return p ? [ids.get(s.no)!, p.codes] : null;
      })
      .filter((x) => x !== null);
    expect(expected.length).toBeGreaterThan(80);
    expect(found.sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(expected);
  });

  it("reads the residents through the suspects' partial index, not every resident", async () => {
    // The rule's condition must be the index's own, or the database reads every resident.
    const condition = residentIdSuspect(t.db.dialect, 'r');
    const plan = await t.db.kysely.transaction().execute(async (trx) => {
      if (t.db.dialect.name === 'postgres') {
        // A test table is small enough for a scan to look cheaper; forbid scans to see whether the index serves.
        await sql`set local enable_seqscan = off`.execute(trx);
        await sql`set local enable_indexscan = on`.execute(trx);
        const r = await sql<{ 'QUERY PLAN': string }>`explain select r.id from residents r
          where ${condition} and r.id > 0 order by r.id limit 20`.execute(trx);
        return r.rows.map((row) => row['QUERY PLAN']).join('\n');
      }
      const r = await sql<{ detail: string }>`explain query plan select r.id from residents r
        where ${condition} and r.id > 0 order by r.id limit 20`.execute(trx);
      return r.rows.map((row) => row.detail).join('\n');
    });
    expect(plan).toContain('residents_id_suspect');
  });

  it('tells digit-only text with the dialect helper allDigits', async () => {
    const check = async (text: string): Promise<boolean> => {
      const r = await sql<{
        ok: unknown;
      }>`select case when ${t.db.dialect.allDigits(sql`${text}`)} then 1 else 0 end as ok`.execute(
        t.db.kysely,
      );
      return Number(r.rows[0]!.ok) === 1;
    };
    expect(await check('62088119500101001')).toBe(true);
    expect(await check('')).toBe(true);
    expect(await check('6208811950010100X')).toBe(false);
    expect(await check('620881 19500101')).toBe(false);
    expect(await check('６２０')).toBe(false);
  });
});
