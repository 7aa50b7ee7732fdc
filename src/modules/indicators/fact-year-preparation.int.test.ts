import type { Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { ServiceInput } from '../../domain/records/inputs.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { withRecordsMaintainers } from '../records/after-write.js';
import { upsertEnrollments } from '../records/enrollments-repository.js';
import { moveResident } from '../records/residents-repository.js';
import { upsertServices } from '../records/services-repository.js';
import { indicatorFactsMaintainer, recomputeAllFacts } from './fact-maintainer.js';
import { prepareFactYears } from './fact-year-preparation.js';
import { factTables, loadFactYears, loadYearsInPreparation } from './facts-repository.js';
import { computeIndicatorValuesBaseline } from './indicator-baseline.js';
import { computeIndicatorValues } from './indicator-values.js';
import { buildHandData, recordNo, V1, V2 } from './indicators.fixture.js';

function followUp(no: string, seq: number, village: string, date: string, sbp: number): ServiceInput {
  return {
    serviceNo: no,
    recordNo: recordNo(seq, village),
    type: 'hypertension_followup',
    serviceDate: date,
    orgCode: null,
    institution: null,
    doctor: null,
    payload: {
      visitMode: 'clinic',
      sbp,
      dbp: 80,
      heartRate: null,
      controlled: sbp < 140,
      guidance: true,
      medicationAdherence: null,
      symptoms: null,
    },
  } as ServiceInput;
}

/** Every stored fact, in one comparable form: memberships, and tally nodes that are not zero. */
async function storedFacts(k: Kysely<Database>): Promise<{ memberships: string[]; tallies: string[] }> {
  const f = factTables(k);
  const memberships = (
    await f.selectFrom('indicator_memberships').select(['resident_id', 'year', 'org_code', 'terms']).execute()
  ).map((m) => `${m.resident_id}|${m.year}|${m.org_code}|${m.terms}`);
  const tallies = (
    await f.selectFrom('indicator_tallies').select(['year', 'slot', 'org_code', 'term', 'n']).execute()
  )
    .filter((t) => Number(t.n) !== 0)
    .map((t) => `${t.year}|${t.slot}|${t.org_code}|${t.term}|${Number(t.n)}`);
  return { memberships: memberships.sort(), tallies: tallies.sort() };
}

async function expectEngineEqualsBaseline(db: Db, periods: readonly string[]): Promise<void> {
  for (const period of periods) {
    const query = { orgCode: '620000', period, depth: 4 };
    expect(await computeIndicatorValues(db, WHOLE_TREE, query)).toEqual(
      await computeIndicatorValuesBaseline(db, WHOLE_TREE, query),
    );
  }
}

describeEachDialect('a new year prepared in the background', (t) => {
  /** The database as the server opens it: a new year is prepared, not computed at once. */
  let served: Db;
  const write = (services: ServiceInput[]): Promise<void> =>
    served.kysely.transaction().execute(async (trx) => {
      await upsertServices(trx, WHOLE_TREE, services);
    });

  beforeAll(async () => {
    await buildHandData(t.db);
    served = withRecordsMaintainers(t.db, [indicatorFactsMaintainer('in-background')]);
  });

  it('the first service of a new year computes its own resident only, and reads stay right', async () => {
    expect(await loadFactYears(t.db.kysely)).toEqual([2019, 2020]);
    await write([followUp('y21-1', 2, V1, '2021-01-01', 150)]);

    expect(await loadFactYears(t.db.kysely)).toEqual([2019, 2020]);
    expect(await loadYearsInPreparation(t.db.kysely)).toEqual([{ year: 2021, preparedThrough: 0 }]);
    const of2021 = await factTables(t.db.kysely)
      .selectFrom('indicator_memberships')
      .select('resident_id')
      .where('year', '=', 2021)
      .execute();
    const writtenId = await t.db.kysely
      .selectFrom('residents')
      .select('id')
      .where('record_no', '=', recordNo(2, V1))
      .executeTakeFirstOrThrow();
    expect(of2021.map((m) => Number(m.resident_id))).toEqual([Number(writtenId.id)]);
    // Until the year is complete its reads come from the raw rows, which are right.
    await expectEngineEqualsBaseline(t.db, ['2021', '2021-01', '2020']);
  });

  it('batches interleaved with writes before and after their place end equal to a full recomputation', async () => {
    let step = 0;
    for (;;) {
      const [progress] = await prepareFactYears(t.db, '2021-01-02', { milliseconds: 0, batchSize: 3 });
      expect(progress!.year).toBe(2021);
      expect(progress!.batches).toBe(1);
      if (progress!.complete) break;
      step++;
      if (step === 1)
        await served.kysely.transaction().execute(async (trx) => {
          await upsertEnrollments(trx, WHOLE_TREE, [
            {
              recordNo: recordNo(10, V2),
              program: 'hypertension',
              startDate: '2021-01-05',
              endDate: null,
              endReason: null,
              detail: null,
            },
          ]);
        });
      // A change without a service in the year, to a resident already prepared (seq 4, moved to V2 by the hand data).
      if (step === 2)
        await served.kysely.transaction().execute((trx) => moveResident(trx, WHOLE_TREE, recordNo(4), V1));
      // A resident already prepared (seq 1, first in id order) and one not yet until the last batch (seq 10).
      await write([
        followUp(`y21-a${step}`, 1, V1, `2021-0${step}-10`, 128 + step * 5),
        followUp(`y21-b${step}`, 10, V2, `2021-0${step}-12`, 135),
      ]);
      expect(step).toBeLessThan(10);
    }
    expect(step).toBeGreaterThanOrEqual(3);
    expect(await loadFactYears(t.db.kysely)).toEqual([2019, 2020, 2021]);
    expect(await loadYearsInPreparation(t.db.kysely)).toEqual([]);
    await expectEngineEqualsBaseline(t.db, ['2021', '2021Q1', '2021-03', '2020']);

    const prepared = await storedFacts(t.db.kysely);
    expect(prepared.memberships.some((m) => m.includes('|2021|'))).toBe(true);
    await recomputeAllFacts(t.db);
    expect(await storedFacts(t.db.kysely)).toEqual(prepared);
  });

  it('December prepares the next year, so that the write on 1 January computes nobody else', async () => {
    expect(await prepareFactYears(t.db, '2021-11-30', { milliseconds: Infinity })).toEqual([]);
    const december = await prepareFactYears(t.db, '2021-12-01', { milliseconds: Infinity, batchSize: 4 });
    expect(december).toEqual([
      { year: 2022, preparedThrough: expect.any(Number), complete: true, batches: 4 },
    ]);
    expect(await loadFactYears(t.db.kysely)).toEqual([2019, 2020, 2021, 2022]);

    await write([followUp('y22-1', 1, V1, '2022-01-01', 150)]);
    expect(await loadYearsInPreparation(t.db.kysely)).toEqual([]);
    await expectEngineEqualsBaseline(t.db, ['2022', '2022-01-1', '2021']);
  });

  it('a run with nothing to prepare does nothing', async () => {
    expect(await prepareFactYears(t.db, '2022-06-01')).toEqual([]);
  });
});
