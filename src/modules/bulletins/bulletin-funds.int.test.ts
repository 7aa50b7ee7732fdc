import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { allocateFunds } from '../funding/allocate-funds.js';
import { insertFundingWorld } from '../funding/funding.fixture.js';
import { recordDisbursements } from '../funding/record-disbursements.js';
import { subtreeScope, WHOLE_TREE } from '../orgs/org-scope.js';
import { databaseSources } from './database-sources.js';

const WHO = { by: 'bureau1', at: '2020-04-15T08:00:00.000Z' };

describeEachDialect('bulletin: the funds of the org from the allocation covering it', (t) => {
  beforeAll(async () => {
    await insertFundingWorld(t.db);
    await allocateFunds(t.db, WHOLE_TREE, { orgCode: '620800', year: 2020, allocatedOn: '2020-04-15' }, WHO);
    // 崆峒镇 paid its advance in time and more; 白水镇 late and idle; 城关镇 paid in full, late.
    await recordDisbursements(
      t.db,
      WHOLE_TREE,
      { orgCode: '620800', year: 2020 },
      [
        { paidOn: '2020-05-10', payer: '崆峒区财政局', payeeCode: '620802100', amount: '200000.00' },
        { paidOn: '2020-05-10', payer: '崆峒区财政局', payeeCode: '620802101', amount: '1000.00' },
        { paidOn: '2020-08-01', payer: '泾川县财政局', payeeCode: '620821100', amount: '411070.00' },
      ],
      WHO,
    );
  });

  it('gives a city its centres named with their county, flagged as the funds status flags them', async () => {
    const funds = await databaseSources(t.db, WHOLE_TREE).funds!('620800', 2020, '2020-12-31');
    expect(funds).toMatchObject({ year: 2020, perCapitaFen: 7400, allocatedOn: '2020-04-15' });
    expect(funds!.units.map((u) => [u.label, u.amountFen, u.disbursedFen, u.late, u.idle])).toEqual([
      ['崆峒区崆峒镇', 3001 * 7400, 20_000_000, false, false],
      ['崆峒区白水镇', 3333 * 7400, 100_000, true, true],
      ['泾川县城关镇', 5555 * 7400, 41_107_000, false, false],
    ]);
  });

  it("gives a county its own centres under the city's allocation, and nothing for a year without one", async () => {
    const county = await databaseSources(
      t.db,
      subtreeScope({ code: '620821', level: 3, countyCode: '620821' }),
    ).funds!('620821', 2020, '2020-06-30');
    expect(county!.units).toEqual([
      {
        label: '城关镇',
        amountFen: 5555 * 7400,
        advanceFen: expect.any(Number) as number,
        disbursedFen: 0,
        balanceFen: 5555 * 7400,
        late: true,
        idle: false,
      },
    ]);
    expect(await databaseSources(t.db, WHOLE_TREE).funds!('620800', 2021, '2021-06-30')).toBeNull();
  });
});
