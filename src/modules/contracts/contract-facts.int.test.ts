import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { CONTRACT_INDICATORS } from '../../domain/contracts/contract-indicators.js';
import { contractCatalogueId } from '../../domain/indicators/catalogue-contracts.js';
import { parsePeriod } from '../../domain/periods/period.js';
import type { ServiceInput } from '../../domain/records/inputs.js';
import { writeCsv } from '../import/import.fixture.js';
import { computeIndicatorValuesBaseline } from '../indicators/indicator-baseline.js';
import { computeIndicatorValues } from '../indicators/indicator-values.js';
import { recordNo, V1, V2 } from '../indicators/indicators.fixture.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { upsertEnrollments } from '../records/enrollments-repository.js';
import { recordDeath } from '../records/residents-repository.js';
import { RecordNotFoundError, RecordsWriteError } from '../records/records-errors.js';
import { upsertServices } from '../records/services-repository.js';
import type { Db } from '../../db/database.js';
import { contractIndicatorsFor } from './contract-indicator-values.js';
import { buildData, CONTRACT_HEADER, CONTRACT_ROWS, TEAM_LINES, TODAY } from './contracts.fixture.js';
import { importContractsFile } from './import-contracts.js';
import { progress } from '../targets/progress.js';
import { setTargets } from '../targets/set-targets.js';
import { elderlyCheckupPayload } from '../records/records.fixture.js';

const IDS = CONTRACT_INDICATORS.map((i) => contractCatalogueId(i.id));
const PERIODS = ['2020H1', '2020Q1', '2020-03-2', '2020-05', '2020-06-2', '2020', '2019H2'];

/** `org|indicator` → [numerator, denominator] of the contract indicators, three ways. */
type Cells = Map<string, [number, number | null]>;

async function threeWays(db: Db, period: string): Promise<[Cells, Cells, Cells]> {
  const query = { orgCode: '620000', period, depth: 4, ids: IDS };
  const cells = (rows: { org: string; indicator: string; numerator: number; denominator: number | null }[]) =>
    new Map(
      rows.map((r) => [`${r.org}|${r.indicator}`, [r.numerator, r.denominator] as [number, number | null]]),
    );
  const engine = cells(await computeIndicatorValues(db, WHOLE_TREE, query));
  const baseline = cells(await computeIndicatorValuesBaseline(db, WHOLE_TREE, query));
  const onDemand = new Map<string, [number, number | null]>();
  for (const o of await contractIndicatorsFor(db, WHOLE_TREE, parsePeriod(period)))
    for (const v of o.values)
      onDemand.set(`${o.orgCode}|${contractCatalogueId(v.id)}`, [v.numerator, v.denominator]);
  return [engine, baseline, onDemand];
}

async function expectAgree(db: Db): Promise<void> {
  for (const period of PERIODS) {
    const [engine, baseline, onDemand] = await threeWays(db, period);
    expect(engine.size).toBeGreaterThanOrEqual(5 * IDS.length);
    expect([period, Object.fromEntries(baseline)]).toEqual([period, Object.fromEntries(engine)]);
    for (const [key, cell] of engine) expect([period, key, onDemand.get(key)]).toEqual([period, key, cell]);
  }
}

describeEachDialect('contract indicators in the maintained facts', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwei-contract-facts-'));
  let file = 0;
  const importRows = async (rows: (string | null)[][]): Promise<boolean> => {
    const path = join(dir, `c${file++}.csv`);
    writeCsv(path, [CONTRACT_HEADER.join(','), ...rows.map((r) => r.map((c) => c ?? '').join(','))], 'utf-8');
    return (await importContractsFile(t.db, WHOLE_TREE, 'contracts', path, { today: TODAY })).landed;
  };

  beforeAll(async () => {
    await buildData(t.db);
    const teams = join(dir, 'teams.csv');
    writeCsv(teams, TEAM_LINES, 'utf-8');
    await importContractsFile(t.db, WHOLE_TREE, 'teams', teams);
  });

  it('the hand-built data set: the engine, the on-demand rule and the plain SQL agree, with the worked numbers', async () => {
    expect(await importRows(CONTRACT_ROWS)).toBe(true);
    const [engine] = await threeWays(t.db, '2020H1');
    const at = (id: string): [number, number | null] | undefined => engine.get(`620881100|contracts.${id}`);
    // buildData's comment: 4 of 20 hold a contract; key 3 of 6; renewed 1 of 2 due; delivered 2 of 4.
    expect(at('contract_rate')).toEqual([4, 20]);
    expect(at('contract_rate_key')).toEqual([3, 6]);
    expect(at('contract_rate_key_elderly')).toEqual([2, 3]);
    expect(at('renewal_rate')).toEqual([1, 2]);
    expect(at('fulfilment_rate')).toEqual([2, 4]);
    await expectAgree(t.db);
  });

  it('takes a target like any indicator: 70 % of the key population (as Fujian asks), and progress reads the engine', async () => {
    const id = contractCatalogueId('contract_rate_key');
    const { targets } = await setTargets(
      t.db,
      WHOLE_TREE,
      // The township's 6 key-population people of buildData, as the bureau counted them.
      [{ orgCode: '620881100', indicator: id, year: 2020, rate: 0.7, base: { kind: 'count', count: 6 } }],
      { by: '县卫健局', at: '2020-01-05T08:00:00.000Z' },
    );
    expect(targets[0]).toMatchObject({ indicator: id, target: 4, baseValue: 6 });
    const rows = await progress(t.db, WHOLE_TREE, { orgCode: '620881', period: '2020H1' });
    // 3 of the township's key-population people hold a contract flagged for their group (engine).
    expect(rows.map((r) => [r.org, r.indicator, r.target, r.achieved])).toEqual([['620881100', id, 4, 3]]);
  });

  it('a contract import updates every level in the same transaction; a refused file changes nothing', async () => {
    const before = (await threeWays(t.db, '2020H1'))[0].get('620000|contracts.contract_rate');
    // R4 (V1, born 1950, no contract) signs: one more contract, one more key-population contract.
    expect(
      await importRows([
        ['C8', recordNo(4, V1), 'T1', '2020-06-01', null, null, '老年人服务包', null, null, null],
      ]),
    ).toBe(true);
    const [engine] = await threeWays(t.db, '2020H1');
    expect(engine.get('620000|contracts.contract_rate')).toEqual([before![0] + 1, before![1]]);
    expect(engine.get('620881100|contracts.contract_rate_key')).toEqual([4, 6]);
    expect(
      await importRows([['C9', recordNo(2, V1), 'T2', '2020-06-01', null, null, null, null, null, null]]),
    ).toBe(false);
    expect((await threeWays(t.db, '2020H1'))[0].get('620000|contracts.contract_rate')).toEqual([
      before![0] + 1,
      before![1],
    ]);
    await expectAgree(t.db);
  });

  it('after random contract imports and records writes, the three agree', async () => {
    const seq = fc.integer({ min: 1, max: 7 });
    const village = (s: number): string => (s >= 6 ? V2 : V1);
    // Days inside a 旬 as well as 旬 ends (02-29, 03-11, 05-21): the engine evaluates the
    // contract terms only at the 旬 holding a day they can change on (contractChangeDates).
    const date = fc.constantFrom(
      '2019-05-01',
      '2019-12-31',
      '2020-01-01',
      '2020-02-29',
      '2020-03-10',
      '2020-03-11',
      '2020-04-15',
      '2020-05-21',
      '2020-06-30',
    );
    const contractOp = fc.record({
      kind: fc.constant('contract' as const),
      no: fc.integer({ min: 1, max: 12 }),
      seq,
      signed: date,
      years: fc.constantFrom(null, '1', '2'),
      pkg: fc.constantFrom(null, '老年人服务包', '慢病服务包', '母婴服务包'),
      disabled: fc.boolean(),
      terminated: fc.option(fc.constantFrom('2020-02-01', '2020-03-15', '2020-05-01'), {
        nil: null,
        freq: 3,
      }),
    });
    // Contracts three times as often as each records write: they are what is under test.
    const op = fc.oneof(
      contractOp,
      contractOp,
      contractOp,
      fc.record({ kind: fc.constant('service' as const), seq, no: fc.integer({ min: 1, max: 9 }), date }),
      fc.record({
        kind: fc.constant('enrol' as const),
        seq,
        program: fc.constantFrom('hypertension' as const, 'diabetes' as const, 'child' as const),
        date,
      }),
      fc.record({ kind: fc.constant('death' as const), seq, date }),
    );
    let landed = 0;
    // Which files are refused is random too (a contract for someone dead, …): a round of
    // eight sequences landed only 4 files once in CI, so rounds are drawn until 8 have landed.
    for (let round = 0; round < 4 && landed < 8; round++)
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 2, maxLength: 8 }), async (ops) => {
          for (const o of ops) {
            const R = recordNo(o.seq, village(o.seq));
            if (o.kind === 'contract') {
              const team = village(o.seq) === V1 ? 'T1' : 'T2';
              const reason = o.terminated === null ? null : '居民申请解约';
              const ok = await importRows([
                [
                  `R${o.no}`,
                  R,
                  team,
                  o.signed,
                  o.years,
                  null,
                  o.pkg,
                  o.disabled ? '是' : '否',
                  o.terminated,
                  reason,
                ],
              ]);
              if (ok) landed++;
              continue;
            }
            try {
              await t.db.kysely.transaction().execute(async (trx) => {
                if (o.kind === 'service')
                  await upsertServices(
                    trx,
                    WHOLE_TREE,
                    [
                      {
                        serviceNo: `rs${o.seq}-${o.no}`,
                        recordNo: R,
                        type: o.no % 2 ? 'elderly_checkup' : 'child_visit',
                        serviceDate: o.date,
                        orgCode: null,
                        institution: null,
                        doctor: null,
                        payload:
                          o.no % 2
                            ? elderlyCheckupPayload({ sbp: 120, sbpRight: 120 })
                            : { ageMonths: 6, weight: null, height: null },
                      } as ServiceInput,
                    ],
                    { today: TODAY },
                  );
                else if (o.kind === 'enrol')
                  await upsertEnrollments(
                    trx,
                    WHOLE_TREE,
                    [
                      {
                        recordNo: R,
                        program: o.program,
                        startDate: o.date,
                        endDate: null,
                        endReason: null,
                        detail: null,
                      },
                    ],
                    TODAY,
                  );
                else await recordDeath(trx, WHOLE_TREE, R, o.date);
              });
            } catch (error) {
              // Writes the records module refuses (a service after death, …) change nothing.
              if (!(error instanceof RecordsWriteError || error instanceof RecordNotFoundError)) throw error;
            }
          }
          await expectAgree(t.db);
        }),
        { numRuns: 8 },
      );
    // Enough contract files must have landed, or the comparison proves little.
    expect(landed).toBeGreaterThanOrEqual(8);
  });
});
