import {
  SAMPLE_ORGS as O,
  SAMPLE_SCOPE as SCOPE,
  insertSampleWorld,
  repositorySamples,
  type ModuleQueries,
} from '../../../test/query-samples.js';
import * as schedules from './push-plan-schedules-repository.js';
import * as snapshots from './push-plan-snapshots-repository.js';
import * as parameters from './target-parameters-repository.js';
import * as targets from './targets-repository.js';

const AT = '2020-01-05T08:00:00.000Z';

const target: targets.TargetWrite = {
  orgCode: O.village,
  countyCode: O.county,
  indicator: 'hypertension.managed',
  year: 2020,
  base: { kind: 'expected', band: 'age18plus', parameter: 'hypertension_prevalence' },
  parameterValue: 0.18,
  baseValue: 171,
  rate: 0.6,
  target: 103,
  milestones: [{ due: '2020H1', cumulative: 52 }],
  responsibleUnit: '城关镇卫生院',
  responsiblePerson: null,
  source: 'set',
  setBy: 'operator',
  setAt: AT,
};

const snapshot = {
  orgCode: O.township,
  countyCode: O.county,
  period: '2020Q2',
  asOf: '2020-05-15',
  doneAsOf: '2020-05-14',
  deadline: '2020-06-30',
  days: 'calendar' as const,
  daysLeft: 46,
  createdBy: 'operator',
  createdAt: AT,
};

const row: snapshots.SnapshotRow = {
  unitCode: O.village,
  unit: '一村',
  task: 'hypertension.managed',
  taskName: '高血压患者规范管理',
  target: 52,
  done: 30,
  remaining: 22,
  daysLeft: 46,
  perDay: 1,
  leader: null,
  phone: null,
  total: false,
};

/** Example calls of the targets repositories, written to queries/targets.*.sql by `npm run queries`. */
export const QUERY_SAMPLES: ModuleQueries = {
  prepare: insertSampleWorld,
  repositories: [
    repositorySamples('targets/targets-repository.ts', targets, {
      orgCodesInScope: { noQuery: 'builds the subquery of org codes the scoped lists embed' },
      // Twice: the first call inserts, the second updates.
      writeTarget: async (db) => {
        await targets.writeTarget(db.kysely, target);
        await targets.writeTarget(db.kysely, target);
      },
      listTargets: (db) => targets.listTargets(db, SCOPE, { maxLevel: 5, year: 2020 }),
      targetHistory: (db) => targets.targetHistory(db, SCOPE, { orgCode: O.village, year: 2020 }),
      deleteTarget: (db) =>
        targets.deleteTarget(
          db.kysely,
          { orgCode: O.village, indicator: target.indicator, year: 2020 },
          'operator',
          AT,
        ),
    }),
    repositorySamples('targets/target-parameters-repository.ts', parameters, {
      // Twice: the first call inserts, the second updates.
      writeParameter: async (db) => {
        const p = {
          orgCode: O.county,
          year: 2020,
          name: 'hypertension_prevalence',
          value: 0.18,
          setBy: 'operator',
          setAt: AT,
        };
        await parameters.writeParameter(db.kysely, p);
        await parameters.writeParameter(db.kysely, p);
      },
      parameterFor: (db) => parameters.parameterFor(db, O.village, 2020, 'hypertension_prevalence'),
    }),
    repositorySamples('targets/push-plan-snapshots-repository.ts', snapshots, {
      // Twice: the second replaces the first.
      writeSnapshot: async (db) => {
        await snapshots.writeSnapshot(db.kysely, snapshot, [row]);
        await snapshots.writeSnapshot(db.kysely, snapshot, [row]);
      },
      listSnapshots: (db) => snapshots.listSnapshots(db, SCOPE, { orgCode: O.township, period: '2020Q2' }),
      readSnapshot: (db) => snapshots.readSnapshot(db, SCOPE, 2),
      snapshotExists: (db) => snapshots.snapshotExists(db, snapshot),
    }),
    repositorySamples('targets/push-plan-schedules-repository.ts', schedules, {
      insertPushPlanSchedule: (db) =>
        schedules.insertPushPlanSchedule(db, {
          orgCode: O.township,
          countyCode: O.county,
          period: '2020Q2',
          deadline: '2020-06-30',
          days: 'working',
          holidays: ['2020-05-01'],
          workdays: ['2020-05-09'],
          createdBy: 'operator',
          createdAt: AT,
        }),
      getPushPlanSchedule: (db) => schedules.getPushPlanSchedule(db, SCOPE, 1),
      listPushPlanSchedules: (db) => schedules.listPushPlanSchedules(db, SCOPE, { active: true }),
      recordPushPlanScheduleRun: (db) =>
        schedules.recordPushPlanScheduleRun(db, 1, { on: '2020-05-15', at: AT, snapshotId: 2, error: null }),
      endPushPlanSchedule: (db) =>
        schedules.endPushPlanSchedule(db, SCOPE, 1, { at: AT, reason: 'unscheduled' }),
    }),
  ],
};
