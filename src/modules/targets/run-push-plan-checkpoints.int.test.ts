import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
import { upsertOrgs } from '../orgs/org-repository.js';
import { upsertPopulation } from '../orgs/population-repository.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import {
  endPushPlanSchedule,
  getPushPlanSchedule,
  insertPushPlanSchedule,
  listPushPlanSchedules,
} from './push-plan-schedules-repository.js';
import { listSnapshots, readSnapshot } from './push-plan-snapshots-repository.js';
import { createPushPlanSchedule, runDueCheckpoints } from './run-push-plan-checkpoints.js';
import { setTargets } from './set-targets.js';
import { schedulesOfSubtree } from './subtree-lists.js';
import { COUNTY_AND_TOWNSHIPS, VILLAGES, population2020 } from './targets.fixture.js';

const actor = { by: '县卫健局', at: '2020-02-01T08:00:00.000Z' };
const now = new Date('2020-02-01T08:00:00.000Z');

describeEachDialect('push-plan schedules', (t) => {
  let app: FastifyInstance;
  /** The bureau of the county 620881. */
  let bureau: SignedInClient;
  // A schedule that works (the county's townships have 2020 targets) and one that fails
  // (a village has no children and no targets), created first so it runs first.
  let failing = 0;
  let county = 0;

  beforeAll(async () => {
    await t.db.kysely.transaction().execute(async (trx) => {
      await upsertOrgs(trx, [...COUNTY_AND_TOWNSHIPS, ...VILLAGES], { keepUrbanRural: false });
      await upsertPopulation(trx, WHOLE_TREE, [
        population2020('620881100201', { total: 1000, age65plus: 100 }),
        population2020('620881100202', { total: 400, age65plus: 50 }),
        population2020('620881101201', { total: 800, age65plus: 90 }),
      ]);
    });
    // Urban 城关镇 80 % of 150 = 120, rural 玉都镇 50 % of 90 = 45; 12 monthly milestones.
    await setTargets(
      t.db,
      WHOLE_TREE,
      [
        { orgCode: '620881100', indicator: 'elderly.management_rate', year: 2020 },
        { orgCode: '620881101', indicator: 'elderly.management_rate', year: 2020 },
      ],
      actor,
    );
    app = await buildApp({ db: t.db, backgroundJobs: false });
    bureau = await signInAs(app, t.db, 'bureau', '620881');
  });
  afterAll(async () => app?.close());

  it('stores a schedule and says when its first checkpoint is', async () => {
    const bad = await createPushPlanSchedule(
      t.db,
      WHOLE_TREE,
      { orgCode: '620881101201', period: '2020', deadline: '2020-03-31', days: 'calendar' },
      actor,
      '2020-02-01',
    );
    failing = bad.id;
    const created = await createPushPlanSchedule(
      t.db,
      WHOLE_TREE,
      {
        orgCode: '620881',
        period: '2020',
        deadline: '2020年3月31日',
        days: 'working',
        holidays: ['2020-03-02'],
      },
      actor,
      '2020-02-01',
    );
    county = created.id;
    expect(created).toMatchObject({
      orgCode: '620881',
      period: '2020',
      deadline: '2020-03-31',
      days: 'working',
      holidays: ['2020-03-02'],
      workdays: [],
      active: true,
      createdBy: '县卫健局',
      createdAt: actor.at,
      lastRunOn: null,
      lastSnapshotId: null,
      endedReason: null,
      next: '2020-02-10',
    });
    const { next: _next, ...stored } = created;
    expect(await getPushPlanSchedule(t.db, WHOLE_TREE, county)).toEqual(stored);
  });

  it('refuses bad schedules naming the field, and stores nothing', async () => {
    const before = await listPushPlanSchedules(t.db, WHOLE_TREE);
    const base = { orgCode: '620881', period: '2020H1', deadline: '2020-06-30', days: 'calendar' as const };
    await expect(
      createPushPlanSchedule(t.db, WHOLE_TREE, { ...base, period: '2020H3' }, actor, '2020-02-01'),
    ).rejects.toThrow(/「period」/);
    await expect(
      createPushPlanSchedule(t.db, WHOLE_TREE, { ...base, orgCode: '629999' }, actor, '2020-02-01'),
    ).rejects.toThrow(/「org」.*629999/);
    await expect(
      createPushPlanSchedule(t.db, WHOLE_TREE, { ...base, deadline: '2021-02-29' }, actor, '2020-02-01'),
    ).rejects.toThrow(/「deadline」/);
    await expect(createPushPlanSchedule(t.db, WHOLE_TREE, base, actor, '2020-06-30')).rejects.toThrow(
      /「deadline」.*not after today/,
    );
    await expect(
      createPushPlanSchedule(
        t.db,
        WHOLE_TREE,
        { ...base, holidays: ['2020-06-01', 'soon'] },
        actor,
        '2020-02-01',
      ),
    ).rejects.toThrow(/holidays\.1/);
    await expect(
      createPushPlanSchedule(
        t.db,
        WHOLE_TREE,
        { orgCode: '620881', period: '2020', deadline: '2020-03-31', days: 'working' },
        actor,
        '2020-02-01',
      ),
    ).rejects.toThrow(new RegExp(`#${county} already runs`));
    expect(await listPushPlanSchedules(t.db, WHOLE_TREE)).toEqual(before);
  });

  it('lists the schedules of an org subtree', async () => {
    expect((await schedulesOfSubtree(t.db, WHOLE_TREE, { orgCode: '620881' })).map((s) => s.id)).toEqual([
      failing,
      county,
    ]);
    expect((await schedulesOfSubtree(t.db, WHOLE_TREE, { orgCode: '620881101' })).map((s) => s.id)).toEqual([
      failing,
    ]);
    expect((await schedulesOfSubtree(t.db, WHOLE_TREE, { orgCode: '620881100' })).map((s) => s.id)).toEqual(
      [],
    );
    expect(await schedulesOfSubtree(t.db, WHOLE_TREE, { orgCode: '629999' })).toEqual([]);
  });

  it('does not run before the period starts, and stops when unscheduled', async () => {
    const later = await createPushPlanSchedule(
      t.db,
      WHOLE_TREE,
      { orgCode: '620881', period: '2020H2', deadline: '2020-12-31', days: 'calendar' },
      actor,
      '2020-02-01',
    );
    expect(later.next).toBe('2020-07-10');
    expect(
      await endPushPlanSchedule(t.db, WHOLE_TREE, later.id, { at: actor.at, reason: 'unscheduled' }),
    ).toBe(true);
    expect(await getPushPlanSchedule(t.db, WHOLE_TREE, later.id)).toMatchObject({
      active: false,
      endedReason: 'unscheduled',
    });
  });

  it('runs on the 10th, 20th and last day (29 February 2020) only, once a day, keeping the history', async () => {
    const run = (today: string) => runDueCheckpoints(t.db, WHOLE_TREE, now, { today });
    expect(await run('2020-02-09')).toEqual([
      { scheduleId: failing, kind: 'not_a_checkpoint', date: '2020-02-09', next: '2020-02-10' },
      { scheduleId: county, kind: 'not_a_checkpoint', date: '2020-02-09', next: '2020-02-10' },
    ]);
    expect(await listSnapshots(t.db, WHOLE_TREE, { orgCode: '620881' })).toEqual([]);

    const tenth = await run('2020-02-10');
    // The failing schedule records its reason; the next one still runs.
    expect(tenth[0]).toMatchObject({ scheduleId: failing, kind: 'failed', date: '2020-02-10' });
    expect(tenth[0]!.kind === 'failed' && tenth[0]!.error).toMatch(/2020.*targets/);
    expect(tenth[1]).toMatchObject({ scheduleId: county, kind: 'saved', date: '2020-02-10' });
    const failed = await getPushPlanSchedule(t.db, WHOLE_TREE, failing);
    expect(failed).toMatchObject({ active: true, lastRunOn: '2020-02-10', lastSnapshotId: null });
    expect(failed?.lastError).toMatch(/targets/);

    // Idempotent: the same day again does nothing.
    expect((await run('2020-02-10')).map((r) => r.kind)).toEqual(['already_run', 'already_run']);
    expect(await listSnapshots(t.db, WHOLE_TREE, { orgCode: '620881' })).toHaveLength(1);

    for (const day of ['2020-02-11', '2020-02-19', '2020-02-21', '2020-02-28', '2020-03-01', '2020-03-09']) {
      expect((await run(day)).map((r) => r.kind)).toEqual(['not_a_checkpoint', 'not_a_checkpoint']);
    }
    for (const day of ['2020-02-20', '2020-02-29', '2020-03-10', '2020-03-20'])
      expect((await run(day))[1]).toMatchObject({ kind: 'saved', date: day });

    const history = await listSnapshots(t.db, WHOLE_TREE, { orgCode: '620881', period: '2020' });
    expect(history.map((s) => [s.asOf, s.doneAsOf, s.deadline, s.days, s.createdBy])).toEqual(
      ['2020-02-10', '2020-02-20', '2020-02-29', '2020-03-10', '2020-03-20'].map((d) => [
        d,
        d,
        '2020-03-31',
        'working',
        `定时任务 schedule #${county}`,
      ]),
    );
    // Working days to 31 March: 14 left in February after the 10th, 22 in March less the
    // holiday of 2 March; from 20 March: 23–27, 30 and 31 March.
    expect(history.map((s) => s.daysLeft)).toEqual([35, 27, 21, 15, 7]);
    const ok = await getPushPlanSchedule(t.db, WHOLE_TREE, county);
    expect(ok).toMatchObject({ lastRunOn: '2020-03-20', lastSnapshotId: history[4]!.id, lastError: null });
    // The March milestone is the target: 城关镇 3 × 10 = 30; 玉都镇 3 monthly increments of
    // round(45 / 12 = 3.75) = 4, so 12 (the running sum of rounded increments).
    const last = await readSnapshot(t.db, WHOLE_TREE, history[4]!.id);
    expect(last?.rows.map((r) => [r.unitCode, r.target, r.done, r.total])).toEqual([
      ['620881100', 30, 0, false],
      ['620881101', 12, 0, false],
      [null, 42, 0, true],
    ]);
  });

  it('reads today as the local date of `now` by default', async () => {
    const runs = await runDueCheckpoints(t.db, WHOLE_TREE, new Date(2020, 2, 30, 23, 30, 0));
    expect(runs.map((r) => [r.kind, r.date])).toEqual([
      ['not_a_checkpoint', '2020-03-30'],
      ['not_a_checkpoint', '2020-03-30'],
    ]);
  });

  it('deactivates the schedules whose deadline has come, and keeps their snapshots', async () => {
    expect(await runDueCheckpoints(t.db, WHOLE_TREE, now, { today: '2020-03-31' })).toEqual([
      { scheduleId: failing, kind: 'ended', date: '2020-03-31' },
      { scheduleId: county, kind: 'ended', date: '2020-03-31' },
    ]);
    expect(await getPushPlanSchedule(t.db, WHOLE_TREE, county)).toMatchObject({
      active: false,
      endedReason: 'deadline',
      endedAt: now.toISOString(),
    });
    expect(await runDueCheckpoints(t.db, WHOLE_TREE, now, { today: '2020-04-10' })).toEqual([]);
    expect(await listSnapshots(t.db, WHOLE_TREE, { orgCode: '620881' })).toHaveLength(5);
    expect(
      await endPushPlanSchedule(t.db, WHOLE_TREE, county, { at: now.toISOString(), reason: 'unscheduled' }),
    ).toBe(false);
  });

  it('creates, lists, runs and stops schedules over REST, with errors naming the field', async () => {
    const bad = await bureau.inject({
      method: 'POST',
      url: '/api/push-plan-schedules',
      payload: { org: '620881', period: '2020H1', deadline: '2020-06-31', createdBy: '李科长' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/deadline/);
    const missing = await bureau.inject({
      method: 'POST',
      url: '/api/push-plan-schedules',
      payload: { org: '620881', period: '2020H1', createdBy: '李科长' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/deadline/);
    const past = await bureau.inject({
      method: 'POST',
      url: '/api/push-plan-schedules',
      payload: { org: '620881', period: '2020H1', deadline: '2020-06-30', createdBy: '李科长' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().message).toMatch(/deadline.*not after today/);

    const created = await bureau.inject({
      method: 'POST',
      url: '/api/push-plan-schedules',
      payload: {
        org: '620881',
        period: '2099H1',
        deadline: '2099-06-30',
        days: 'working',
        createdBy: '李科长',
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    // The name in the body is ignored: the schedule is the signed-in user's.
    expect(created.json()).toMatchObject({ orgCode: '620881', active: true, createdBy: bureau.username });

    const listed = await bureau.inject({
      method: 'GET',
      url: '/api/push-plan-schedules?org=620881&active=true',
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().map((s: { id: number }) => s.id)).toEqual([id]);

    // 31 December 2098 is a checkpoint day, but before the period.
    const early = await bureau.inject({
      method: 'POST',
      url: '/api/push-plan-schedules/run',
      payload: { asOf: '2098-12-31' },
    });
    expect(early.json()).toEqual([
      { scheduleId: id, kind: 'not_a_checkpoint', date: '2098-12-31', next: '2099-01-10' },
    ]);
    // No 2099 targets: the run fails, with its reason kept.
    const ran = await bureau.inject({
      method: 'POST',
      url: '/api/push-plan-schedules/run',
      payload: { asOf: '2099-01-10' },
    });
    expect(ran.statusCode).toBe(200);
    expect(ran.json()).toEqual([
      expect.objectContaining({ scheduleId: id, kind: 'failed', date: '2099-01-10' }),
    ]);
    const badRun = await bureau.inject({
      method: 'POST',
      url: '/api/push-plan-schedules/run',
      payload: { asOf: '2099-02-30' },
    });
    expect(badRun.statusCode).toBe(400);
    expect(badRun.json().message).toMatch(/asOf/);

    expect(
      (await bureau.inject({ method: 'DELETE', url: `/api/push-plan-schedules/${id}` })).statusCode,
    ).toBe(204);
    expect(
      (await bureau.inject({ method: 'DELETE', url: `/api/push-plan-schedules/${id}` })).statusCode,
    ).toBe(404);
    expect(await getPushPlanSchedule(t.db, WHOLE_TREE, id)).toMatchObject({
      active: false,
      endedReason: 'unscheduled',
    });

    const docs = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(Object.keys(docs.json().paths)).toEqual(
      expect.arrayContaining(['/api/push-plan-schedules', '/api/push-plan-schedules/run']),
    );
  });

  it('runs the checkpoints from the server timer once the server is ready', async () => {
    // Deadline long passed by the real clock: the timer's run deactivates it.
    const id = await insertPushPlanSchedule(t.db, {
      orgCode: '620881',
      countyCode: '620881',
      period: '2020',
      deadline: '2020-12-31',
      days: 'calendar',
      holidays: [],
      workdays: [],
      createdBy: 'test',
      createdAt: actor.at,
    });
    const previous = process.env.GONGWEI_PUSH_PLAN_SCHEDULER_MS;
    process.env.GONGWEI_PUSH_PLAN_SCHEDULER_MS = '1000';
    const server = await buildApp({ db: t.db });
    try {
      await server.ready();
      await vi.waitFor(
        async () => expect(await getPushPlanSchedule(t.db, WHOLE_TREE, id)).toMatchObject({ active: false }),
        { timeout: 30_000, interval: 250 },
      );
      expect((await getPushPlanSchedule(t.db, WHOLE_TREE, id))?.endedReason).toBe('deadline');
    } finally {
      await server.close();
      if (previous === undefined) delete process.env.GONGWEI_PUSH_PLAN_SCHEDULER_MS;
      else process.env.GONGWEI_PUSH_PLAN_SCHEDULER_MS = previous;
    }
  });
});
