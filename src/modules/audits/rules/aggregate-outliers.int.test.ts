import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/databases.js';
import { addMonths } from '../../../domain/audits/outliers.js';
import { WHOLE_TREE } from '../../orgs/org-scope.js';
import { insertOrgs, insertResidents, insertServices, type ServiceSeed } from '../audits.fixture.js';
import { listFindings } from '../finding-queries.js';
import { runAudits } from '../run-audits.js';
import { CONTROLLED_SHARE, selectUnitMonths, type UnitMonthRow } from './aggregate-outliers.js';

// 东华村 (东华镇) and 安口村 (安口镇), July 2019 to June 2020: elderly check-ups 4, 5, 6, 5, … a
// month; in June 2020 东华村 records 30. 东华村 also has 8 hypertension follow-ups a month, 4
// or 5 below 140/90, and all 8 in June.
function services(ids: Map<number, number>): ServiceSeed[] {
  const out: ServiceSeed[] = [];
  for (let i = 0; i < 12; i++) {
    const month = addMonths('2019-07', i);
    const june = month === '2020-06';
    for (const [no, checkups] of [
      [1, june ? 30 : [4, 5, 6, 5][i % 4]!],
      [2, [4, 5, 6, 5][i % 4]!],
    ] as const)
      for (let k = 0; k < checkups; k++)
        out.push({
          resident: ids.get(no)!,
          type: 'elderly_checkup',
          date: `${month}-${String(1 + k).padStart(2, '0')}`,
        });
    const below = june ? 8 : i % 2 === 0 ? 4 : 5;
    for (let k = 0; k < 8; k++)
      out.push({
        resident: ids.get(1)!,
        type: 'hypertension_followup',
        date: `${month}-${String(10 + k).padStart(2, '0')}`,
        sbp: k < below ? 130 : 150,
        dbp: 80,
      });
  }
  return out;
}

describeEachDialect('aggregate outliers rule', (t) => {
  it('counts services per township and month, and finds the June check-ups and share of 东华镇', async () => {
    await insertOrgs(t.db);
    const ids = await insertResidents(t.db, [
      { no: 1, org: '620881100201' },
      { no: 2, org: '620881101201' },
    ]);
    await insertServices(t.db, services(ids));

    const rows = await selectUnitMonths(
      t.db.kysely,
      ['elderly_checkup', 'hypertension_followup'],
      4,
      WHOLE_TREE,
      '2020-05-01',
      '2020-06-30',
    );
    expect(rows).toEqual([
      {
        unit: '620881100',
        countyCode: '620881',
        month: '2020-05',
        type: 'elderly_checkup',
        services: 6,
        withBp: 0,
        controlled: 0,
      },
      {
        unit: '620881100',
        countyCode: '620881',
        month: '2020-05',
        type: 'hypertension_followup',
        services: 8,
        withBp: 8,
        controlled: 4,
      },
      {
        unit: '620881100',
        countyCode: '620881',
        month: '2020-06',
        type: 'elderly_checkup',
        services: 30,
        withBp: 0,
        controlled: 0,
      },
      {
        unit: '620881100',
        countyCode: '620881',
        month: '2020-06',
        type: 'hypertension_followup',
        services: 8,
        withBp: 8,
        controlled: 8,
      },
      {
        unit: '620881101',
        countyCode: '620881',
        month: '2020-05',
        type: 'elderly_checkup',
        services: 6,
        withBp: 0,
        controlled: 0,
      },
      {
        unit: '620881101',
        countyCode: '620881',
        month: '2020-06',
        type: 'elderly_checkup',
        services: 5,
        withBp: 0,
        controlled: 0,
      },
    ]);

    const run = await runAudits(t.db, WHOLE_TREE, {
      period: '2020Q2',
      rules: ['aggregate_outliers'],
      parameters: { aggregate_outliers: { minFollowups: 8 } },
      now: '2020-07-01T08:00:00.000Z',
    });
    expect(run.runId).toBeGreaterThan(0);
    const list = await listFindings(t.db, WHOLE_TREE, { rule: 'aggregate_outliers' });
    const found = list.items.map((f) => {
      const e = f.evidence as { month: string; measure: string; value: number; flags: string[] };
      return [f.org, e.month, e.measure, e.value, e.flags];
    });
    expect(found.sort()).toEqual(
      [
        ['620881100', '2020-06', 'count:elderly_checkup', 30, ['history']],
        ['620881100', '2020-06', CONTROLLED_SHARE, 1, ['history']],
      ].sort(),
    );
  });
});

describeEachDialect('aggregate outliers: the counts per unit and month', (t) => {
  it('counts every service of the range once per unit, month and type, at every unit level', async () => {
    await insertOrgs(t.db);
    const ids = await insertResidents(t.db, [
      { no: 1, org: '620881100201' },
      { no: 2, org: '620881101201' },
      { no: 3, org: '620826105201' },
    ]);
    const dates = [
      '2020-03-31',
      '2020-04-01',
      '2020-04-30',
      '2020-05-01',
      '2020-05-31',
      '2020-06-30',
      '2020-07-01',
    ];
    const seeds: ServiceSeed[] = [];
    for (const [no, resident] of ids)
      for (const [i, date] of dates.entries())
        for (const type of ['elderly_checkup', 'hypertension_followup', 'vaccination'])
          seeds.push({ resident, type, date, sbp: 120 + 10 * ((i + no) % 4), dbp: i % 3 === 0 ? null : 85 });
    const services = await insertServices(t.db, seeds);
    // Dates stored around the write paths: malformed, yet within the range as texts (a day 00
    // and a day "9x" of May); a service recorded under another county than its org's.
    await sql`update services set service_date = '2020-05-00' where id = ${services[3]!}`.execute(
      t.db.kysely,
    );
    await sql`update services set service_date = '2020-05-9x' where id = ${services[4]!}`.execute(
      t.db.kysely,
    );
    await sql`update services set county_code = '620826' where id = ${services[6]!}`.execute(t.db.kysely);

    const stored = await sql<{
      type: string;
      service_date: string;
      county_code: string;
      org_code: string;
      sbp: number | null;
      dbp: number | null;
    }>`select type, service_date, county_code, org_code, sbp, dbp from services`.execute(t.db.kysely);
    const types = ['hypertension_followup', 'elderly_checkup'];
    const [from, to] = ['2020-04-01', '2020-06-30'];
    for (const level of [3, 4, 5] as const) {
      // The reference: every service of the range grouped at once by unit, month and type.
      const expected = new Map<string, UnitMonthRow>();
      for (const s of stored.rows) {
        if (!types.includes(s.type) || s.service_date < from || s.service_date > to) continue;
        const unit = level === 3 ? s.county_code : level === 4 ? s.org_code.slice(0, 9) : s.org_code;
        const month = s.service_date.slice(0, 7);
        const key = `${unit}|${month}|${s.type}`;
        const row = expected.get(key) ?? {
          unit,
          countyCode: s.county_code,
          month,
          type: s.type,
          services: 0,
          withBp: 0,
          controlled: 0,
        };
        const bp = s.type === 'hypertension_followup' && s.sbp !== null && s.dbp !== null;
        expected.set(key, {
          ...row,
          countyCode: s.county_code < row.countyCode ? s.county_code : row.countyCode,
          services: row.services + 1,
          withBp: row.withBp + (bp ? 1 : 0),
          controlled: row.controlled + (bp && Number(s.sbp) < 140 && Number(s.dbp) < 90 ? 1 : 0),
        });
      }
      const sorted = [...expected.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
      // The case the key leaves the county out for: an org's services under two counties.
      expect(sorted.some((r) => r.unit.startsWith('620881') && r.countyCode === '620826')).toBe(level !== 3);
      expect(await selectUnitMonths(t.db.kysely, types, level, WHOLE_TREE, from, to)).toEqual(sorted);
    }
  });
});
