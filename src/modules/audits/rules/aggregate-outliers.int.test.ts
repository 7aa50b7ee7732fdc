import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/databases.js';
import { addMonths } from '../../../domain/audits/outliers.js';
import { WHOLE_TREE } from '../../orgs/org-scope.js';
import { insertOrgs, insertResidents, insertServices, type ServiceSeed } from '../audits.fixture.js';
import { listFindings } from '../finding-queries.js';
import { runAudits } from '../run-audits.js';
import { CONTROLLED_SHARE, selectUnitMonths } from './aggregate-outliers.js';

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
