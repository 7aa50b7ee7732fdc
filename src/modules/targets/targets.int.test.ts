import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import type { ResidentInput } from '../../domain/records/inputs.js';
import { upsertOrgs, type OrgRow } from '../orgs/org-repository.js';
import { upsertPopulation } from '../orgs/population-repository.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { upsertEnrollments } from '../records/enrollments-repository.js';
import { upsertResidents } from '../records/residents-repository.js';
import { orgPushPlan, runCheckpoint, savePushPlan } from './org-push-plan.js';
import { progress } from './progress.js';
import { listSnapshots, readSnapshot } from './push-plan-snapshots-repository.js';
import { setTargets } from './set-targets.js';
import { splitTarget } from './split-target.js';
import { targetsOfSubtree } from './subtree-lists.js';
import { parameterFor, writeParameter } from './target-parameters-repository.js';
import { deleteTarget, targetHistory } from './targets-repository.js';
import { COUNTY_AND_TOWNSHIPS, VILLAGES, population2020 } from './targets.fixture.js';

const ORGS: OrgRow[] = [
  {
    code: '620800',
    name: '平凉市',
    level: 2,
    parentCode: '620000',
    provinceCode: '620000',
    cityCode: '620800',
    countyCode: null,
    townshipCode: null,
    urbanRural: null,
  },
  ...COUNTY_AND_TOWNSHIPS,
  ...VILLAGES,
];

// 65+: 100 + 50 + 90 = 240 in the county; 18+: 700 + 300 + 500 = 1500.
const POPULATION = [
  population2020('620881100201', { total: 1000, age65plus: 100, age18plus: 700 }),
  population2020('620881100202', { total: 400, age65plus: 50, age18plus: 300 }),
  population2020('620881101201', { total: 800, age65plus: 90, age18plus: 500 }),
];

function resident(village: string, seq: number): ResidentInput {
  return {
    recordNo: `${village}${String(seq).padStart(5, '0')}`,
    idNumber: null,
    name: `居民${seq}`,
    sex: 'F',
    birthDate: '1945-03-01',
    ethnicity: null,
    orgCode: village,
    phone: null,
    contactName: null,
    contactPhone: null,
    electronic: true,
    recordCreated: '2019-05-01',
    recordUpdated: null,
    deathDate: null,
    movedOutDate: null,
  };
}

const actor = { by: '县卫健局', at: '2020-01-05T08:00:00.000Z' };

describeEachDialect('targets', (t) => {
  beforeAll(async () => {
    await t.db.kysely.transaction().execute(async (trx) => {
      await upsertOrgs(trx, ORGS, { keepUrbanRural: false });
      await trx
        .updateTable('orgs')
        .set({ responsible_person: '王站长', contact_phone: '0933-1234567' })
        .where('code', '=', '620881100')
        .execute();
      await upsertPopulation(trx, WHOLE_TREE, POPULATION);
      // Elderly enrolled: 30 in 一村, 10 in 二村, 5 in 三村.
      const people = [
        ...Array.from({ length: 30 }, (_, i) => resident('620881100201', i + 1)),
        ...Array.from({ length: 10 }, (_, i) => resident('620881100202', i + 1)),
        ...Array.from({ length: 5 }, (_, i) => resident('620881101201', i + 1)),
      ];
      await upsertResidents(trx, WHOLE_TREE, people);
      await upsertEnrollments(
        trx,
        WHOLE_TREE,
        people.map((p) => ({
          recordNo: p.recordNo,
          program: 'elderly',
          startDate: '2020-02-01',
          endDate: null,
          endReason: null,
          detail: null,
        })),
      );
    });
  });

  it('sets a target from the urban/rural default and keeps who set it', async () => {
    const result = await setTargets(
      t.db,
      WHOLE_TREE,
      [{ orgCode: '620881', indicator: 'elderly.management_rate', year: 2020 }],
      actor,
    );
    expect(result).toMatchObject({ inserted: 1, updated: 0 });
    // Rural county: 50 % of 240 people aged 65+.
    expect(result.targets[0]).toMatchObject({
      orgCode: '620881',
      orgName: '泾川县',
      base: { kind: 'population', band: 'age65plus' },
      baseValue: 240,
      rate: 0.5,
      target: 120,
      source: 'default',
      setBy: '县卫健局',
      setAt: actor.at,
    });
    expect(result.targets[0]?.milestones).toHaveLength(12);
    expect(result.targets[0]?.milestones[5]).toEqual({ due: '2020-06', cumulative: 60 });
  });

  it('replaces a target and keeps every change in the history', async () => {
    const later = { by: '李科长', at: '2020-02-01T09:00:00.000Z' };
    const result = await setTargets(
      t.db,
      WHOLE_TREE,
      [
        {
          orgCode: '620881',
          indicator: 'elderly.management_rate',
          year: 2020,
          rate: 0.8,
          plan: { share: 0.5, due: ['2020-04', '2020-05', '2020-06'], curve: [0.4, 0.3, 0.3] },
        },
      ],
      later,
    );
    expect(result).toMatchObject({ inserted: 0, updated: 1 });
    expect(result.targets[0]).toMatchObject({ target: 192, source: 'set', setBy: '李科长' });
    expect(result.targets[0]?.milestones).toEqual([
      { due: '2020-04', cumulative: 38 },
      { due: '2020-05', cumulative: 67 },
      { due: '2020-06', cumulative: 96 },
      { due: '2020', cumulative: 192 },
    ]);
    const history = await targetHistory(t.db, WHOLE_TREE, {
      orgCode: '620881',
      indicator: 'elderly.management_rate',
      year: 2020,
    });
    expect(history.map((h) => [h.action, h.target, h.changedBy])).toEqual([
      ['insert', 120, '县卫健局'],
      ['update', 192, '李科长'],
    ]);
  });

  it('computes expected patients with the nearest area parameter, else the engine default', async () => {
    expect(await parameterFor(t.db, '620881100', 2020, 'hypertensionPrevalence')).toBeNull();
    const first = await setTargets(
      t.db,
      WHOLE_TREE,
      [{ orgCode: '620881100', indicator: 'hypertension.management_rate', year: 2020 }],
      actor,
    );
    // 1000 adults × 0.27 = 270 expected; urban default 50 % → 135.
    expect(first.targets[0]).toMatchObject({ parameterValue: 0.27, baseValue: 270, rate: 0.5, target: 135 });
    await t.db.kysely.transaction().execute((trx) =>
      writeParameter(trx, {
        orgCode: '620881',
        year: 2020,
        name: 'hypertensionPrevalence',
        value: 0.25,
        setBy: 'x',
        setAt: actor.at,
      }),
    );
    expect(await parameterFor(t.db, '620881100201', 2020, 'hypertensionPrevalence')).toBe(0.25);
    expect(await parameterFor(t.db, '620881100201', 2021, 'hypertensionPrevalence')).toBeNull();
    const second = await setTargets(
      t.db,
      WHOLE_TREE,
      [{ orgCode: '620881100', indicator: 'hypertension.management_rate', year: 2020 }],
      actor,
    );
    expect(second.targets[0]).toMatchObject({ parameterValue: 0.25, baseValue: 250, target: 125 });
    await t.db.kysely.transaction().execute((trx) =>
      writeParameter(trx, {
        orgCode: '620881',
        year: 2020,
        name: 'hypertensionPrevalence',
        value: 0.3,
        setBy: 'y',
        setAt: actor.at,
      }),
    );
    expect(await parameterFor(t.db, '620881100', 2020, 'hypertensionPrevalence')).toBe(0.3);
  });

  it('refuses a bad batch as a whole, naming the item and field, and leaves stored targets as they were', async () => {
    const before = await targetsOfSubtree(t.db, WHOLE_TREE, { orgCode: '620881', depth: 4 });
    await expect(
      setTargets(
        t.db,
        WHOLE_TREE,
        [
          { orgCode: '620881101', indicator: 'elderly.management_rate', year: 2020, rate: 0.6 },
          { orgCode: '620881101', indicator: 'records.coverage', year: 2020 },
        ],
        actor,
      ),
    ).rejects.toThrow(/row 2, column rate/);
    await expect(
      setTargets(
        t.db,
        WHOLE_TREE,
        [{ orgCode: '999999', indicator: 'records.coverage', year: 2020, rate: 0.5 }],
        actor,
      ),
    ).rejects.toThrow(/unknown org/);
    await expect(
      setTargets(
        t.db,
        WHOLE_TREE,
        [{ orgCode: '620881', indicator: 'no.such', year: 2020, rate: 0.5 }],
        actor,
      ),
    ).rejects.toThrow(/unknown indicator/);
    await expect(
      setTargets(
        t.db,
        WHOLE_TREE,
        [{ orgCode: '620881', indicator: 'child.systematic_management_rate', year: 2020 }],
        actor,
      ),
    ).rejects.toThrow(/no population for age0to6/);
    expect(await targetsOfSubtree(t.db, WHOLE_TREE, { orgCode: '620881', depth: 4 })).toEqual(before);
  });

  it('splits the county target over townships and villages so the parts add up exactly', async () => {
    const written = await splitTarget(
      t.db,
      WHOLE_TREE,
      { orgCode: '620881', indicator: 'elderly.management_rate', year: 2020, depth: 2 },
      actor,
    );
    const byCode = new Map(written.map((w) => [w.orgCode, w]));
    // 192 over 65+ of 150 and 90: exact 120 and 72.
    expect(byCode.get('620881100')).toMatchObject({
      baseValue: 150,
      target: 120,
      rate: 0.8,
      source: 'split',
    });
    expect(byCode.get('620881101')).toMatchObject({ baseValue: 90, target: 72 });
    // 120 over 100 and 50: 80 and 40; 72 to the only village of 玉都镇.
    expect(byCode.get('620881100201')?.target).toBe(80);
    expect(byCode.get('620881100202')?.target).toBe(40);
    expect(byCode.get('620881101201')?.target).toBe(72);
    // Milestones keep the parent's shape and end on each part's target.
    expect(byCode.get('620881100')?.milestones).toEqual([
      { due: '2020-04', cumulative: 24 },
      { due: '2020-05', cumulative: 42 },
      { due: '2020-06', cumulative: 60 },
      { due: '2020', cumulative: 120 },
    ]);
    const townships = await targetsOfSubtree(t.db, WHOLE_TREE, {
      orgCode: '620881',
      depth: 1,
      indicator: 'elderly.management_rate',
    });
    expect(townships.map((x) => x.orgCode)).toEqual(['620881', '620881100', '620881101']);
    await expect(
      splitTarget(
        t.db,
        WHOLE_TREE,
        { orgCode: '620881100201', indicator: 'elderly.management_rate', year: 2020 },
        actor,
      ),
    ).rejects.toThrow(/no children/);
    await expect(
      splitTarget(t.db, WHOLE_TREE, { orgCode: '620881', indicator: 'records.coverage', year: 2020 }, actor),
    ).rejects.toThrow(/set it first/);
  });

  it('reports progress of the children against the milestone due, ranked', async () => {
    // Ranked within each indicator by completion: 城关镇 40/60 before 玉都镇 5/36.
    const rows = await progress(t.db, WHOLE_TREE, { orgCode: '620881', period: '2020H1' });
    expect(rows).toEqual([
      {
        org: '620881100',
        orgName: '城关镇',
        indicator: 'elderly.management_rate',
        target: 120,
        milestone: 60,
        achieved: 40,
        gap: 20,
        completion: 40 / 60,
      },
      {
        org: '620881101',
        orgName: '玉都镇',
        indicator: 'elderly.management_rate',
        target: 72,
        milestone: 36,
        achieved: 5,
        gap: 31,
        completion: 5 / 36,
      },
      {
        org: '620881100',
        orgName: '城关镇',
        indicator: 'hypertension.management_rate',
        target: 125,
        milestone: 60,
        achieved: 0,
        gap: 60,
        completion: 0,
      },
    ]);
    const april = await progress(t.db, WHOLE_TREE, { orgCode: '620881100', period: '2020-04' });
    expect(april.map((r) => [r.org, r.milestone, r.achieved])).toEqual([
      ['620881100201', 16, 30],
      ['620881100202', 8, 10],
    ]);
    await expect(progress(t.db, WHOLE_TREE, { orgCode: '620881', period: '2020H3' })).rejects.toThrow(
      /period/,
    );
  });

  it('computes the push plan of the children from stored targets and the engine', async () => {
    const computed = await orgPushPlan(t.db, WHOLE_TREE, {
      orgCode: '620881',
      period: '2020H1',
      asOf: '2020-06-15',
      days: 'calendar',
    });
    expect(computed.doneAsOf).toBe('2020-06-10');
    expect(computed.plan.daysLeft).toBe(15);
    const elderly = computed.rows.filter((r) => r.task === 'elderly.management_rate');
    expect(
      elderly.map((r) => [
        r.unitCode,
        r.unit,
        r.target,
        r.done,
        r.remaining,
        r.perDay,
        r.leader,
        r.phone,
        r.total,
      ]),
    ).toEqual([
      ['620881100', '城关镇', 60, 40, 20, 2, '王站长', '0933-1234567', false],
      ['620881101', '玉都镇', 36, 5, 31, 3, null, null, false],
      [null, '合计', 96, 45, 51, 4, null, null, true],
    ]);
    await expect(
      orgPushPlan(t.db, WHOLE_TREE, {
        orgCode: '620881',
        period: '2020H1',
        asOf: '2020-07-01',
        days: 'calendar',
      }),
    ).rejects.toThrow(/has passed/);
  });

  it('keeps push-plan snapshots at checkpoints as history', async () => {
    const request = {
      orgCode: '620881',
      period: '2020H1',
      days: 'working' as const,
      holidays: ['2020-06-25', '2020-06-26'],
    };
    const skipped = await runCheckpoint(t.db, WHOLE_TREE, { ...request, asOf: '2020-06-15' }, actor);
    expect(skipped).toEqual({ kind: 'not_a_checkpoint', date: '2020-06-15', next: '2020-06-20' });
    const first = await runCheckpoint(t.db, WHOLE_TREE, { ...request, asOf: '2020-06-10' }, actor);
    const second = await runCheckpoint(t.db, WHOLE_TREE, { ...request, asOf: '2020-06-20' }, actor);
    expect(first.kind).toBe('saved');
    expect(second.kind).toBe('saved');
    // Re-running a checkpoint replaces its snapshot instead of adding one.
    const again = await savePushPlan(
      t.db,
      WHOLE_TREE,
      { ...request, asOf: '2020-06-20', deadline: '2020-06-30' },
      actor,
    );
    const history = await listSnapshots(t.db, WHOLE_TREE, { orgCode: '620881', period: '2020H1' });
    expect(history.map((s) => [s.asOf, s.doneAsOf, s.deadline, s.days, s.daysLeft])).toEqual([
      ['2020-06-10', '2020-06-10', '2020-06-30', 'working', 12],
      ['2020-06-20', '2020-06-20', '2020-06-30', 'working', 5],
    ]);
    expect(history[1]?.id).toBe(again.snapshotId);
    const stored = await readSnapshot(t.db, WHOLE_TREE, again.snapshotId);
    expect(stored?.rows).toEqual(again.rows);
    expect(await readSnapshot(t.db, WHOLE_TREE, 999_999)).toBeNull();
  });

  it('deletes a target and keeps the deletion in the history', async () => {
    expect(
      await t.db.kysely
        .transaction()
        .execute((trx) =>
          deleteTarget(
            trx,
            { orgCode: '620881100', indicator: 'hypertension.management_rate', year: 2020 },
            'x',
            actor.at,
          ),
        ),
    ).toBe(true);
    expect(
      await targetsOfSubtree(t.db, WHOLE_TREE, {
        orgCode: '620881100',
        indicator: 'hypertension.management_rate',
      }),
    ).toEqual([]);
    const history = await targetHistory(t.db, WHOLE_TREE, {
      orgCode: '620881100',
      indicator: 'hypertension.management_rate',
    });
    expect(history.map((h) => h.action)).toEqual(['insert', 'update', 'delete']);
  });
});
