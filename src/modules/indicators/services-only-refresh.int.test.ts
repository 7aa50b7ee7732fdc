import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import type { Db } from '../../db/database.js';
import type { ServiceInput } from '../../domain/records/inputs.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { withMaintenanceDeferred } from '../records/after-write.js';
import { upsertEnrollments } from '../records/enrollments-repository.js';
import { RecordsWriteError } from '../records/records-errors.js';
import { fixtureResident, elderlyCheckupPayload } from '../records/records.fixture.js';
import { upsertResidents } from '../records/residents-repository.js';
import { deleteService, upsertServices } from '../records/services-repository.js';
import { recomputeAllFacts } from './fact-maintainer.js';
import { factTables } from './facts-repository.js';
import { insertOrgTree, recordNo, V1, V2 } from './indicators.fixture.js';

/**
 * A write of services only recomputes the families that read the written types and keeps
 * the others' stored masks (src/domain/indicators/service-write-families.ts): after any
 * sequence of such writes, the maintained facts are those a full recomputation gives.
 */

const PROGRAMS = [
  'hypertension',
  'diabetes',
  'elderly',
  'child',
  'tuberculosis',
  'severe_mental',
  'maternal',
] as const;
const RESIDENTS = 6;
const villageOf = (s: number): string => (s % 2 ? V1 : V2);
/** Adults 1–3 (one with the same ID number as another: duplicates), children 4–6. */
const ADULT = (s: number): boolean => s <= 3;

const DATES = ['2019-06-30', '2019-12-31', '2020-01-01', '2020-03-11', '2020-04-01', '2020-06-30'];

/** Valid services of several types (payloads as the writers accept them). */
function serviceInput(seq: number, no: number, type: number, date: string, a: number): ServiceInput {
  const sbp = 110 + a;
  const dbp = 60 + Math.floor(a / 2);
  const adult: [ServiceInput['type'], object][] = [
    [
      'hypertension_followup',
      {
        visitMode: a % 4 === 0 ? 'phone' : 'clinic',
        sbp: a % 4 === 0 ? null : sbp,
        dbp: a % 4 === 0 ? null : dbp,
        heartRate: null,
        controlled: sbp < 140,
        guidance: a % 2 === 0,
        medicationAdherence: null,
        symptoms: null,
      },
    ],
    [
      'diabetes_followup',
      {
        fastingGlucose: 4 + a / 20,
        sbp,
        dbp,
        controlled: 4 + a / 20 < 7,
        guidance: true,
        medicationAdherence: null,
        symptoms: null,
      },
    ],
    ['elderly_checkup', elderlyCheckupPayload({ sbp, dbp, sbpRight: sbp, dbpRight: dbp })],
    ['tb_followup', { medicationRegular: a % 2 === 0 }],
    ['mental_followup', { condition: 'stable' }],
    ['tcm_elderly', { constitution: 'balanced', tcmGuidance: true }],
    ['prenatal_registration', { gestationalWeeks: 5 + (a % 20) }],
  ];
  const child: [ServiceInput['type'], object][] = [
    ['child_visit', { ageMonths: 6, weight: null, height: null }],
    ['newborn_visit', { weight: 3 }],
    ['vaccination', { vaccine: a % 2 ? '卡介苗' : 'MMR', dose: 1 + (a % 3) }],
    ['tcm_child', { ageMonths: 6, methodTaught: true }],
  ];
  const list = ADULT(seq) ? adult : child;
  const [t, payload] = list[type % list.length]!;
  return {
    serviceNo: `s${seq}-${no}`,
    recordNo: recordNo(seq, villageOf(seq)),
    type: t,
    serviceDate: date,
    orgCode: null,
    institution: null,
    doctor: null,
    payload,
  } as ServiceInput;
}

type Write =
  | { kind: 'upsert'; seq: number; no: number; type: number; date: string; a: number }
  | { kind: 'delete'; pick: number };

const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({
    kind: fc.constant('upsert' as const),
    seq: fc.integer({ min: 1, max: RESIDENTS }),
    // Few numbers: an upsert often updates a stored service (its date, values or type).
    no: fc.integer({ min: 1, max: 5 }),
    type: fc.nat({ max: 6 }),
    date: fc.constantFrom(...DATES),
    a: fc.integer({ min: 0, max: 60 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
);

/** The maintained facts, comparable: memberships and ID keys as stored, tally nodes non-zero. */
async function facts(db: Db): Promise<{ memberships: unknown[]; tallies: unknown[]; idKeys: unknown[] }> {
  const idKeys = await factTables(db.kysely)
    .selectFrom('indicator_residents')
    .select(['resident_id', 'county_code', 'id_key'])
    .orderBy('resident_id')
    .execute();
  const memberships = await factTables(db.kysely)
    .selectFrom('indicator_memberships')
    .select(['resident_id', 'year', 'county_code', 'org_code', 'terms'])
    .orderBy('resident_id')
    .orderBy('year')
    .execute();
  const tallies = await factTables(db.kysely)
    .selectFrom('indicator_tallies')
    .select(['year', 'slot', 'county_code', 'org_code', 'term', 'n'])
    .orderBy('year')
    .orderBy('slot')
    .orderBy('county_code')
    .orderBy('org_code')
    .orderBy('term')
    .execute();
  return {
    memberships: memberships.map((m) => ({ ...m, resident_id: Number(m.resident_id), year: Number(m.year) })),
    tallies: tallies
      .map((r) => ({ ...r, year: Number(r.year), slot: Number(r.slot), n: Number(r.n) }))
      .filter((r) => r.n !== 0),
    idKeys: idKeys.map((k) => ({ ...k, resident_id: Number(k.resident_id) })),
  };
}

describeEachDialect('a write of services only, against a full recomputation', (t) => {
  beforeAll(async () => {
    await insertOrgTree(t.db.kysely);
    await t.db.kysely.transaction().execute(async (trx) => {
      const seqs = Array.from({ length: RESIDENTS }, (_, i) => i + 1);
      await upsertResidents(
        trx,
        WHOLE_TREE,
        seqs.map((s) =>
          fixtureResident(s, {
            recordNo: recordNo(s, villageOf(s)),
            orgCode: villageOf(s),
            sex: 'F',
            idNumber: s <= 2 ? '620881195501010011' : null,
            birthDate: ADULT(s) ? '1955-05-05' : '2019-05-05',
            recordCreated: '2019-05-05',
          }),
        ),
      );
      // An activity in each year, never deleted: the maintained years stay those a recomputation finds.
      await upsertServices(
        trx,
        WHOLE_TREE,
        ['2019-03-01', '2020-03-01'].map((date) => ({
          serviceNo: null,
          recordNo: null,
          type: 'health_education',
          serviceDate: date,
          orgCode: V1,
          institution: null,
          doctor: null,
          payload: { activityKind: 'lecture', participants: 10, topic: null },
        })),
      );
      await upsertEnrollments(
        trx,
        WHOLE_TREE,
        seqs.flatMap((s) =>
          PROGRAMS.filter((p) => (ADULT(s) ? p !== 'child' : p === 'child')).map((program) => ({
            recordNo: recordNo(s, villageOf(s)),
            program,
            startDate: '2019-05-05',
            endDate: null,
            endReason: null,
            detail: null,
          })),
        ),
      );
    });
  });

  it('keeps the memberships and tallies a full recomputation gives', async () => {
    let landed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(write, { minLength: 1, maxLength: 10 }),
        fc.boolean(),
        async (writes, deferred) => {
          const apply = async (trx: Parameters<typeof upsertServices>[0], w: Write): Promise<void> => {
            if (w.kind === 'upsert') {
              await upsertServices(trx, WHOLE_TREE, [serviceInput(w.seq, w.no, w.type, w.date, w.a)]);
              landed++;
              return;
            }
            const ids = await trx
              .selectFrom('services')
              .select('id')
              .where('resident_id', 'is not', null)
              .orderBy('id')
              .execute();
            if (ids.length > 0) await deleteService(trx, WHOLE_TREE, Number(ids[w.pick % ids.length]!.id));
          };
          // Several writes in one transaction (as an import), or one per transaction.
          for (const group of deferred ? [writes] : writes.map((w) => [w])) {
            try {
              await t.db.kysely.transaction().execute((trx) =>
                withMaintenanceDeferred(trx, async () => {
                  for (const w of group) await apply(trx, w);
                }),
              );
            } catch (error) {
              if (!(error instanceof RecordsWriteError)) throw error;
            }
          }
          const incremental = await facts(t.db);
          await recomputeAllFacts(t.db);
          expect(incremental).toEqual(await facts(t.db));
        },
      ),
      { numRuns: 25 },
    );
    expect(landed).toBeGreaterThan(20);
  });
});
