import { sql, type RawBuilder } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/databases.js';
import type { Db } from '../../../db/database.js';
import { serviceRangeSuspect } from '../../../db/migrations/020-service-range-suspects.js';
import { residentDateSuspect } from '../../../db/migrations/023-resident-date-suspects.js';
import { residentIdOdd, residentLeft } from '../../../db/migrations/026-resident-audit-indexes.js';
import {
  serviceArmDifference,
  serviceUncontrolledUnguided,
} from '../../../db/migrations/024-service-practice-suspects.js';
import { selectArmBpByScan, selectArmBpCandidates } from './arm-bp-difference.js';
import {
  selectUncontrolledByScan,
  selectUncontrolledWithoutGuidance,
} from './uncontrolled-without-guidance.js';
import { PERSON_KEY_FIELDS, residentPersonKey } from '../../../db/migrations/022-resident-person-keys.js';
import {
  PLAUSIBLE_RANGES,
  type AuditWindow,
  type DuplicateKeyField,
} from '../../../domain/audits/vocabulary.js';
import { WHOLE_TREE, scopeOfOrg, type OrgScope } from '../../orgs/org-scope.js';
import {
  insertOrgs,
  insertResidents,
  insertEnrollment,
  insertServices,
  type ResidentSeed,
  type ServiceSeed,
} from '../audits.fixture.js';
import {
  duplicateKeyExpression,
  selectDuplicateCandidates,
  selectDuplicateCandidatesByScan,
} from './duplicate-records.js';
import {
  selectOutOfRangeByScan,
  selectOutOfRangeCandidates,
  selectNotEnrolled,
  selectRepeatedServices,
  selectResidentDateProblems,
  selectDateProblems,
} from './implausible-values.js';

const WINDOW: AuditWindow = { from: '2020-01-01', to: '2020-06-30', asOf: '2020-06-30' };
const CHECKED = ['hypertension_followup', 'diabetes_followup', 'elderly_checkup'];

/** The plan of `select … where condition` on `table alias`, as text naming the indexes read. */
async function planOf(db: Db, from: RawBuilder<unknown>, condition: RawBuilder<unknown>): Promise<string> {
  return db.kysely.transaction().execute(async (trx) => {
    if (db.dialect.name === 'postgres') {
      // A test table is small enough for a scan to look cheaper; forbid scans to see whether the index serves.
      await sql`set local enable_seqscan = off`.execute(trx);
      const r = await sql<{ 'QUERY PLAN': string }>`explain select 1 from ${from} where ${condition}`.execute(
        trx,
      );
      return r.rows.map((row) => row['QUERY PLAN']).join('\n');
    }
    const r = await sql<{
      detail: string;
    }>`explain query plan select 1 from ${from} where ${condition}`.execute(trx);
    return r.rows.map((row) => row.detail).join('\n');
  });
}

async function scopes(db: Db): Promise<OrgScope[]> {
  const out: OrgScope[] = [WHOLE_TREE];
  for (const org of ['620881', '620881100', '620826105201'])
    out.push((await scopeOfOrg(db.kysely, WHOLE_TREE, org)).scope);
  return out;
}

// Migration 020: the services breaking a range are read from a partial index; whatever the
// values (at a bound, NULL, corrected later), the index must give what reading them all gives.
describeEachDialect('services out of range, from the index of migration 020', (t) => {
  it('finds what the scan finds: values at the bounds, NULLs, both arms, other types, any scope', async () => {
    await insertOrgs(t.db);
    const ids = await insertResidents(t.db, [
      { no: 1, org: '620881100201', birth: '1950-01-01', created: '2018-01-01' },
      { no: 2, org: '620826105201', birth: '1950-01-01', created: '2018-01-01' },
    ]);
    type Values = Record<'sbp' | 'dbp' | 'heartRate' | 'glucose' | 'weight' | 'waist', number | null>;
    const at = (v: Partial<Values>): Values => ({
      sbp: 130,
      dbp: 80,
      heartRate: 72,
      glucose: 5.5,
      weight: 60,
      waist: 80,
      ...v,
    });
    const values = [
      at({}),
      // Exactly at each bound: plausible (closed ranges).
      at({ sbp: 60, dbp: 30 }),
      at({ sbp: 260, dbp: 160 }),
      at({ heartRate: 30 }),
      at({ heartRate: 200 }),
      at({ glucose: 1.5 }),
      at({ glucose: 33.3 }),
      at({ weight: 25, waist: 40 }),
      at({ weight: 200, waist: 170 }),
      // Just past each bound.
      at({ sbp: 59, dbp: 30 }),
      at({ sbp: 261 }),
      at({ dbp: 29, sbp: 100 }),
      at({ dbp: 161, sbp: 200 }),
      at({ heartRate: 29 }),
      at({ heartRate: 201 }),
      at({ glucose: 1.4 }),
      at({ glucose: 33.4 }),
      at({ weight: 24.9 }),
      at({ waist: 170.1 }),
      // Systolic not above diastolic; NULLs break nothing.
      at({ sbp: 90, dbp: 90 }),
      at({ sbp: null, dbp: 300 }),
      at({ sbp: null, dbp: null, heartRate: null, glucose: null, weight: null, waist: null }),
      // Out of range, but before the window.
      at({ sbp: 300 }),
    ];
    const seeds: ServiceSeed[] = [];
    for (const [i, v] of values.entries())
      for (const type of [...CHECKED, 'child_visit'])
        seeds.push({
          resident: ids.get(i % 2 === 0 ? 1 : 2)!,
          type,
          date: i === values.length - 1 ? '2019-12-31' : '2020-05-04',
          sbp: v.sbp,
          dbp: v.dbp,
          sbpRight: i === 3 ? 80 : null,
          heartRate: v.heartRate,
          glucose: v.glucose,
          weight: v.weight,
          waist: v.waist,
        });
    const serviceIds = await insertServices(t.db, seeds);
    // The right arm: equal readings (a finding), and one at a bound of its own range.
    await sql`update services set dbp_right = 80 where id = ${serviceIds[12]!}`.execute(t.db.kysely);
    await sql`update services set sbp_right = 60, dbp_right = 30 where id = ${serviceIds[13]!}`.execute(
      t.db.kysely,
    );

    const parameterSets: [Record<string, { min: number; max: number }>, string[]][] = [
      [PLAUSIBLE_RANGES, CHECKED],
      [PLAUSIBLE_RANGES, ['elderly_checkup']],
      [{ ...PLAUSIBLE_RANGES, sbp: { min: 50, max: 300 } }, CHECKED], // wider: the index still holds all
      [{ ...PLAUSIBLE_RANGES, sbp: { min: 61, max: 259 } }, CHECKED], // narrower: the scan
      [PLAUSIBLE_RANGES, [...CHECKED, 'child_visit']], // a type outside the index: the scan
    ];
    const compare = async (): Promise<number[]> => {
      let whole: number[] = [];
      for (const scope of await scopes(t.db))
        for (const [ranges, types] of parameterSets) {
          const r = ranges as typeof PLAUSIBLE_RANGES;
          const fromIndex = await selectOutOfRangeCandidates(
            t.db.kysely,
            t.db.dialect,
            r,
            types,
            scope,
            WINDOW,
          );
          const fromScan = await selectOutOfRangeByScan(t.db.kysely, r, types, scope, WINDOW);
          expect(fromIndex).toEqual(fromScan);
          if (scope === WHOLE_TREE && ranges === PLAUSIBLE_RANGES && types === CHECKED)
            whole = fromIndex.map((s) => s.id);
        }
      return whole;
    };
    const before = await compare();
    const idOf = (value: number, type: string): number =>
      serviceIds[value * 4 + [...CHECKED, 'child_visit'].indexOf(type)]!;
    expect(before).not.toContain(idOf(1, 'hypertension_followup')); // 60/30: at the lower bounds
    expect(before).not.toContain(idOf(6, 'diabetes_followup')); // glucose 33.3: at the upper bound
    expect(before).toContain(idOf(10, 'hypertension_followup')); // 261
    expect(before).toContain(idOf(16, 'diabetes_followup')); // glucose 33.4
    expect(before).toContain(idOf(20, 'elderly_checkup')); // no systolic, a diastolic of 300
    expect(before).toContain(idOf(9, 'hypertension_followup')); // 59
    expect(before).not.toContain(idOf(values.length - 1, 'hypertension_followup')); // 300, before the window
    expect(before).toContain(idOf(3, 'hypertension_followup')); // right arm 80/80
    expect(before).not.toContain(idOf(3, 'diabetes_followup')); // right arm 60/30
    expect(before.some((id) => seeds[serviceIds.indexOf(id)]!.type === 'child_visit')).toBe(false);

    // A value corrected into range leaves the index; one corrected out of range enters it.
    const corrected = before[0]!;
    const spoiled = serviceIds[4]!; // heart rate 30, a hypertension follow-up in the window
    await sql`update services set sbp = 130, dbp = 80, heart_rate = 72, fasting_glucose = 5.5, weight = 60, waist = 80,
      sbp_right = null, dbp_right = null where id = ${corrected}`.execute(t.db.kysely);
    await sql`update services set heart_rate = 29 where id = ${spoiled}`.execute(t.db.kysely);
    const after = await compare();
    expect(after).not.toContain(corrected);
    expect(after).toContain(spoiled);
    expect(after.length).toBe(before.length);
  });

  it('reads the services through the partial index, not every service of the types', async () => {
    // SQLite is told the index (it keeps no statistics and would take the type index): the
    // query is refused if the index cannot answer it; PostgreSQL must choose it by itself.
    const plan = await planOf(
      t.db,
      t.db.dialect.tableThroughIndex('services', 's', 'services_range_suspect'),
      sql`${serviceRangeSuspect('s')} and s.id > 0`,
    );
    expect(plan).toContain('services_range_suspect');
  });
});

// Migration 022: the duplicate key of name, birth date and sex is grouped from its index;
// blank parts, spaces, the dead and the moved out, the scope: the same groups as keying all.
describeEachDialect('duplicate candidates by person key, from the index of migration 022', (t) => {
  it('agree with keying every active resident, scoped or not', async () => {
    await insertOrgs(t.db);
    const villages = ['620881100201', '620881100202', '620881101201', '620826105201'];
    const names = ['张三', ' 张三', '张三 ', '李四', '', '  '];
    const seeds: ResidentSeed[] = [];
    let a = 11;
    const rand = (n: number): number => {
      a = (Math.imul(a, 1103515245) + 12345) >>> 0;
      return a % n;
    };
    for (let no = 1; no <= 160; no++)
      seeds.push({
        no,
        org: villages[rand(4)]!,
        name: names[rand(names.length)]!,
        sex: rand(2) === 0 ? 'M' : 'F',
        birth: [null, '1950-01-01', '1950-01-02', ' 1950-01-01'][rand(4)]!,
        created: rand(10) === 0 ? '2021-01-01' : '2018-01-01',
        death: rand(10) === 0 ? '2019-01-01' : null,
        movedOut: rand(10) === 0 ? '2020-03-01' : null,
      });
    await insertResidents(t.db, seeds);
    const fields = PERSON_KEY_FIELDS as DuplicateKeyField[];
    for (const scope of await scopes(t.db)) {
      const byIndex = await selectDuplicateCandidates(t.db.kysely, t.db.dialect, fields, scope, '2020-06-30');
      const byScan = await selectDuplicateCandidatesByScan(t.db.kysely, fields, scope, '2020-06-30');
      expect(byIndex.length).toBe(byScan.length);
      // Groups may come in another order (the collation of the database); each is whole and ordered by id.
      const order = (rows: typeof byScan): typeof byScan =>
        [...rows].sort((x, y) =>
          x.groupKey === y.groupKey ? x.residentId - y.residentId : x.groupKey < y.groupKey ? -1 : 1,
        );
      expect(order(byIndex)).toEqual(order(byScan));
      if (scope === WHOLE_TREE) expect(byIndex.length).toBeGreaterThan(20);
    }
  });

  it("groups by the index's own expression, the rule's key of these columns", async () => {
    const compiled = (e: RawBuilder<unknown>): string => e.compile(t.db.kysely).sql;
    expect(compiled(residentPersonKey('r'))).toBe(
      compiled(duplicateKeyExpression(PERSON_KEY_FIELDS as DuplicateKeyField[])),
    );
    const plan = await planOf(
      t.db,
      t.db.dialect.tableThroughIndex('residents', 'r', 'residents_person_key'),
      sql`${residentPersonKey('r')} = ${'x'}`,
    );
    expect(plan).toContain('residents_person_key');
  });
});

// Repeated services: for a scope spanning counties the people are found without the scope,
// the services compared within it; a county or below is searched within it directly.
describeEachDialect('repeated services in a scope', (t) => {
  it("compares a person's services within the run's scope only", async () => {
    await insertOrgs(t.db);
    const ids = await insertResidents(t.db, [
      { no: 1, org: '620881100201', birth: '1950-01-01' },
      { no: 2, org: '620881100201', birth: '1950-01-01' },
    ]);
    const visits = (resident: number): ServiceSeed[] =>
      ['2020-05-01', '2020-05-03', '2020-05-05'].map((date) => ({
        resident,
        type: 'hypertension_followup',
        date,
        sbp: 150,
        dbp: 95,
      }));
    const [first, elsewhere, third, ...others] = await insertServices(t.db, [
      ...visits(ids.get(1)!),
      ...visits(ids.get(2)!),
    ]);
    // The second visit was recorded in another county of the city (the person moved and came
    // back), the other person's in a county of another city.
    await sql`update services set county_code = '620826', org_code = '620826105201' where id = ${elsewhere!}`.execute(
      t.db.kysely,
    );
    await sql`update services set county_code = '620102', org_code = '620102001001' where id = ${others[1]!}`.execute(
      t.db.kysely,
    );
    const repeated = async (org: string | null): Promise<[number, number, number][]> => {
      const scope = org ? (await scopeOfOrg(t.db.kysely, WHOLE_TREE, org)).scope : WHOLE_TREE;
      const found = await selectRepeatedServices(
        t.db.kysely,
        t.db.dialect,
        ['hypertension_followup'],
        3,
        scope,
        WINDOW,
      );
      return found.map((r) => [r.service.id, r.previousId, r.days]);
    };
    const all: [number, number, number][] = [
      [elsewhere!, first!, 2],
      [third!, elsewhere!, 2],
      [others[1]!, others[0]!, 2],
      [others[2]!, others[1]!, 2],
    ];
    expect(await repeated(null)).toEqual(all);
    // Within the city the second person's visits are 4 days apart: not repeated, though each is
    // 2 days from the one recorded elsewhere.
    expect(await repeated('620800')).toEqual(all.slice(0, 2));
    // Within 华亭市 neither person's are.
    expect(await repeated('620881')).toEqual([]);
    expect(await repeated('620881100')).toEqual([]);
    expect(await repeated('620826')).toEqual([]);
  });
});

// Migration 023: residents whose own dates contradict each other, from a partial index.
describeEachDialect('resident date problems, from the index of migration 023', (t) => {
  it('finds the records in scope, at the equal dates none, and follows corrections', async () => {
    await insertOrgs(t.db);
    const ids = await insertResidents(t.db, [
      { no: 1, org: '620881100201', birth: '2018-03-16', created: '2018-03-15' },
      { no: 2, org: '620881100201', birth: '2018-03-15', created: '2018-03-15', death: '2018-03-15' },
      { no: 3, org: '620826105201', birth: '1950-01-01', created: '2018-03-15', movedOut: '1949-12-31' },
      { no: 4, org: '620881100201', birth: null, created: '2018-03-15', death: '1949-12-31' },
      { no: 5, org: '620881100201', birth: '1950-01-01', created: '2018-03-15' },
    ]);
    const found = async (org: string | null): Promise<number[]> => {
      const scope = org ? (await scopeOfOrg(t.db.kysely, WHOLE_TREE, org)).scope : WHOLE_TREE;
      return (await selectResidentDateProblems(t.db.kysely, t.db.dialect, scope)).map((r) => r.id);
    };
    expect(await found(null)).toEqual([ids.get(1), ids.get(3)]);
    expect(await found('620881')).toEqual([ids.get(1)]);
    await sql`update residents set birth_date = '2018-03-15' where id = ${ids.get(1)!}`.execute(t.db.kysely);
    await sql`update residents set death_date = '1949-12-31' where id = ${ids.get(5)!}`.execute(t.db.kysely);
    expect(await found(null)).toEqual([ids.get(3), ids.get(5)]);
  });

  it('reads the residents through the partial index', async () => {
    const plan = await planOf(
      t.db,
      t.db.dialect.tableThroughIndex('residents', 'r', 'residents_date_suspect'),
      sql`${residentDateSuspect('r')} and r.id > 0`,
    );
    expect(plan).toContain('residents_date_suspect');
  });
});

// Migration 024: arm differences over 10 and uncontrolled follow-ups without guidance, from
// partial indexes; at the threshold, NULLs, corrections: what reading every service gives.
describeEachDialect('practice findings, from the indexes of migration 024', (t) => {
  it('finds what the scans find, at the threshold and after corrections', async () => {
    await insertOrgs(t.db);
    const ids = await insertResidents(t.db, [
      { no: 1, org: '620881100201', birth: '1950-01-01' },
      { no: 2, org: '620826105201', birth: '1950-01-01' },
    ]);
    const seeds: ServiceSeed[] = [];
    const arms: [number | null, number | null][] = [
      [140, 150], // 10: at the threshold, no finding
      [140, 151], // 11
      [151, 140], // 11, the other arm higher
      [140, 170], // 30
      [140, null],
      [null, 170],
      [140, 140],
    ];
    const guidance: [number | null, number | null][] = [
      [0, null],
      [0, 0],
      [0, 1],
      [1, 0],
      [null, null],
      [0, 2],
    ];
    for (const [i, [sbp, sbpRight]] of arms.entries())
      for (const type of ['elderly_checkup', 'hypertension_followup'])
        seeds.push({ resident: ids.get((i % 2) + 1)!, type, date: '2020-05-04', sbp, dbp: 80, sbpRight });
    for (const [i, [controlled, guided]] of guidance.entries())
      for (const type of ['hypertension_followup', 'diabetes_followup', 'tb_followup'])
        seeds.push({
          resident: ids.get((i % 2) + 1)!,
          type,
          date: i === 1 ? '2019-12-31' : '2020-05-04',
          sbp: 150,
          dbp: 95,
          controlled,
          guidance: guided,
        });
    const serviceIds = await insertServices(t.db, seeds);
    const compare = async (): Promise<{ arm: number[]; unguided: number[] }> => {
      let arm: number[] = [];
      let unguided: number[] = [];
      for (const scope of await scopes(t.db)) {
        const found = new Map<number, number[]>();
        for (const over of [0, 4, 4.5, 5, 10, 10.5, 11, 15, 25]) {
          const fromIndex = await selectArmBpCandidates(t.db.kysely, t.db.dialect, over, scope, WINDOW);
          expect(fromIndex).toEqual(await selectArmBpByScan(t.db.kysely, over, scope, WINDOW));
          found.set(
            over,
            fromIndex.map((r) => r.id),
          );
          if (scope === WHOLE_TREE && over === 10) arm = fromIndex.map((r) => r.id);
        }
        // Readings are whole mmHg: a threshold between two integers finds what the lower one finds.
        expect(found.get(10.5)).toEqual(found.get(10));
        expect(found.get(4.5)).toEqual(found.get(4));
        for (const types of [['hypertension_followup', 'diabetes_followup'], ['tb_followup'], []]) {
          const fromIndex = await selectUncontrolledWithoutGuidance(
            t.db.kysely,
            t.db.dialect,
            types,
            scope,
            WINDOW,
          );
          expect(fromIndex).toEqual(await selectUncontrolledByScan(t.db.kysely, types, scope, WINDOW));
          if (scope === WHOLE_TREE && types.length === 2) unguided = fromIndex.map((r) => r.id);
        }
      }
      return { arm, unguided };
    };
    const before = await compare();
    expect(before.arm).toEqual(serviceIds.slice(2, 8));
    // Uncontrolled with guidance missing or 0, in the window: the first value only (the second is before it).
    expect(before.unguided).toEqual([serviceIds[14], serviceIds[15]]);
    // Corrections: an arm re-measured within 10, guidance recorded; and the reverse.
    await sql`update services set sbp_right = 149 where id = ${serviceIds[2]!}`.execute(t.db.kysely);
    await sql`update services set sbp_right = 152 where id = ${serviceIds[0]!}`.execute(t.db.kysely);
    await sql`update services set guidance = 1 where id = ${serviceIds[14]!}`.execute(t.db.kysely);
    await sql`update services set guidance = 0 where id = ${serviceIds[20]!}`.execute(t.db.kysely);
    const after = await compare();
    expect(after.arm).toEqual([serviceIds[0], ...serviceIds.slice(3, 8)]);
    expect(after.unguided).toEqual([serviceIds[15], serviceIds[20]]);
  });

  it('reads the services through the partial indexes', async () => {
    for (const [index, condition] of [
      ['services_arm_difference', serviceArmDifference('s')],
      ['services_uncontrolled_unguided', serviceUncontrolledUnguided('s')],
    ] as const) {
      const plan = await planOf(
        t.db,
        t.db.dialect.tableThroughIndex('services', 's', index),
        sql`${condition} and s.id > 0`,
      );
      expect(plan).toContain(index);
    }
  });
});

// Follow-ups without an enrolment: one pass over the index of services by person serves every
// type, each service judged against its own type's programme.
describeEachDialect('follow-ups without an enrolment, every type in one pass', (t) => {
  it("judges each service by its own type's programme, on the service date, in scope", async () => {
    await insertOrgs(t.db);
    const ids = await insertResidents(t.db, [
      { no: 1, org: '620881100201', birth: '1950-01-01' },
      { no: 2, org: '620826105201', birth: '1950-01-01' },
    ]);
    await insertEnrollment(t.db, ids.get(1)!, 'hypertension', '2019-01-01');
    await insertEnrollment(t.db, ids.get(1)!, 'diabetes', '2020-05-05', '2020-06-01');
    await insertEnrollment(t.db, ids.get(2)!, 'mental', '2019-01-01', '2020-05-04');
    const services = await insertServices(
      t.db,
      [ids.get(1)!, ids.get(2)!].flatMap((resident) =>
        ['hypertension_followup', 'diabetes_followup', 'mental_followup', 'tb_followup'].flatMap((type) =>
          ['2020-05-04', '2020-05-05'].map((date) => ({ resident, type, date })),
        ),
      ),
    );
    const programs = new Map([
      ['hypertension_followup', 'hypertension'],
      ['diabetes_followup', 'diabetes'],
      ['mental_followup', 'mental'],
    ]);
    const found = async (org: string | null): Promise<Record<string, number[]>> => {
      const scope = org ? (await scopeOfOrg(t.db.kysely, WHOLE_TREE, org)).scope : WHOLE_TREE;
      const byType = await selectNotEnrolled(t.db.kysely, t.db.dialect, programs, scope, WINDOW);
      return Object.fromEntries([...byType].map(([type, rows]) => [type, rows.map((r) => r.id)]));
    };
    // Services in order: resident 1 then 2; per resident the types above, each on the 4th and 5th.
    const s = (resident: number, type: number, day: number): number =>
      services[resident * 8 + type * 2 + day]!;
    expect(await found(null)).toEqual({
      hypertension_followup: [s(1, 0, 0), s(1, 0, 1)],
      diabetes_followup: [s(0, 1, 0), s(1, 1, 0), s(1, 1, 1)],
      mental_followup: [s(0, 2, 0), s(0, 2, 1), s(1, 2, 1)],
    });
    expect(await found('620881')).toEqual({
      hypertension_followup: [],
      diabetes_followup: [s(0, 1, 0)],
      mental_followup: [s(0, 2, 0), s(0, 2, 1)],
    });
  });
});

// Migration 026: services beyond a life are looked for among the people born after the
// window's start and those who left; at every bound, NULLs, both ways out, corrections into
// and out of the indexes: what joining every service of the window to its person gives.
describeEachDialect('services beyond a life, from the indexes of migration 026', (t) => {
  it('finds what the services find, at the bounds and after corrections', async () => {
    await insertOrgs(t.db);
    const org = '620881100201';
    const seeds: ResidentSeed[] = [
      { no: 1, org, birth: '2020-01-01' }, // born on the window's first day
      { no: 2, org, birth: '2020-01-02' }, // the day after
      { no: 3, org, birth: '2020-06-30' }, // on the last day
      { no: 4, org, birth: '2019-12-31', created: '2019-12-31' }, // before the window
      { no: 5, org, death: '2020-06-29' },
      { no: 6, org, death: '2020-06-30' },
      { no: 7, org, movedOut: '2020-06-29' },
      { no: 8, org, movedOut: '2020-06-30' },
      { no: 9, org, death: '2020-03-01', movedOut: '2020-02-01' },
      { no: 10, org, birth: null, death: '2020-01-15' },
      { no: 11, org: '620826105201', birth: '2020-03-03', death: '2020-03-02' }, // both ways
      { no: 12, org }, // corrected into the indexes below
    ];
    const ids = await insertResidents(t.db, seeds);
    const dates = [
      '2019-12-31',
      '2020-01-01',
      '2020-01-02',
      '2020-03-02',
      '2020-06-29',
      '2020-06-30',
      '2020-07-01',
    ];
    await insertServices(
      t.db,
      seeds.flatMap((r) => dates.map((date) => ({ resident: ids.get(r.no)!, type: 'child_visit', date }))),
    );
    const city = (await scopeOfOrg(t.db.kysely, WHOLE_TREE, '620800')).scope;
    const problems = async (scope: OrgScope, search: 'people' | 'services'): Promise<string[]> =>
      (await selectDateProblems(t.db.kysely, t.db.dialect, scope, WINDOW, search))
        .filter((d) => d.problem !== 'future')
        .map((d) => `${d.service.id}:${d.problem}:${d.against}`);
    const agree = async (): Promise<string[]> => {
      const byPeople = await problems(WHOLE_TREE, 'people');
      expect(byPeople).toEqual(await problems(WHOLE_TREE, 'services'));
      expect(await problems(city, 'people')).toEqual(await problems(city, 'services'));
      return byPeople;
    };
    const before = await agree();
    // Of the window's days (1 and 2 January, 2 March, 29 and 30 June): born on the 2nd, 1
    // before birth, on the 30th 4; dead or moved out on the 29th, 1 after; the 9th, 3 after
    // move-out and 3 after death; the 10th, 3 after death and none before an unknown birth;
    // the 11th, 3 before birth and 2 after death.
    expect(before).toHaveLength(1 + 4 + 1 + 1 + 6 + 3 + 5);
    await sql`update residents set death_date = null where id = ${ids.get(5)!}`.execute(t.db.kysely);
    await sql`update residents set birth_date = '2020-03-02', record_created = '2020-03-02' where id = ${ids.get(12)!}`.execute(
      t.db.kysely,
    );
    await sql`update residents set moved_out_date = '2020-01-01' where id = ${ids.get(4)!}`.execute(
      t.db.kysely,
    );
    const after = await agree();
    // Resident 5 left the list (−1), 12 joined it (2 before birth), 4 too (4 after move-out).
    expect(after).toHaveLength(before.length - 1 + 2 + 4);
  });

  it('reads the residents through the indexes', async () => {
    const births = await planOf(
      t.db,
      t.db.dialect.tableThroughIndex('residents', 'r', 'residents_birth_date'),
      sql`r.birth_date > '2020-01-01'`,
    );
    expect(births).toContain('residents_birth_date');
    const left = await planOf(
      t.db,
      t.db.dialect.tableThroughIndex('residents', 'r', 'residents_left'),
      sql`${residentLeft('r')} and r.id > 0`,
    );
    expect(left).toContain('residents_left');
  });
});

describeEachDialect('odd ID numbers, from the index of migration 026', (t) => {
  it('reads the residents through the partial index', async () => {
    const plan = await planOf(
      t.db,
      t.db.dialect.tableThroughIndex('residents', 'r', 'residents_id_odd'),
      sql`${residentIdOdd('r')} and r.id_number > ''`,
    );
    expect(plan).toContain('residents_id_odd');
  });
});

describeEachDialect('services after the as-of date, every type from the index by type and date', (t) => {
  it('finds the services of every type after the as-of date, and none on it', async () => {
    await insertOrgs(t.db);
    const ids = await insertResidents(t.db, [
      { no: 1, org: '620881100201' },
      { no: 2, org: '620826105201' },
    ]);
    const types = [
      'child_visit',
      'elderly_checkup',
      'hypertension_followup',
      'vaccination',
      'z_unknown_type',
    ];
    const services = await insertServices(
      t.db,
      [...ids.values()].flatMap((resident) =>
        types.flatMap((type) =>
          ['2020-06-29', '2020-06-30', '2020-07-01', '2021-01-01'].map((date) => ({ resident, type, date })),
        ),
      ),
    );
    const future = services.filter((_, i) => i % 4 >= 2);
    for (const [scope, expected] of [
      [WHOLE_TREE, future],
      [(await scopeOfOrg(t.db.kysely, WHOLE_TREE, '620800')).scope, future],
      [(await scopeOfOrg(t.db.kysely, WHOLE_TREE, '620826')).scope, future.slice(future.length / 2)],
    ] as const) {
      const found = (await selectDateProblems(t.db.kysely, t.db.dialect, scope, WINDOW))
        .filter((d) => d.problem === 'future')
        .map((d) => d.service.id);
      expect(found).toEqual(expected);
    }
  });
});
