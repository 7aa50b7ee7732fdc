import {
  SAMPLE_ORGS as O,
  insertSampleWorld,
  repositorySamples,
  type ModuleQueries,
} from '../../../test/query-samples.js';
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

const row: targets.SnapshotRow = {
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

/** Example calls of the targets repository, written to src/queries/targets.*.sql by `npm run queries`. */
export const QUERY_SAMPLES: ModuleQueries = {
  prepare: insertSampleWorld,
  repositories: [
    repositorySamples('targets/targets-repository.ts', targets, {
      // Twice: the first call inserts, the second updates.
      writeTarget: async (db) => {
        await targets.writeTarget(db.kysely, target);
        await targets.writeTarget(db.kysely, target);
      },
      listTargets: (db) => targets.listTargets(db, { orgCode: O.township, depth: 1, year: 2020 }),
      targetHistory: (db) => targets.targetHistory(db, { orgCode: O.village, year: 2020 }),
      deleteTarget: (db) =>
        targets.deleteTarget(
          db.kysely,
          { orgCode: O.village, indicator: target.indicator, year: 2020 },
          'operator',
          AT,
        ),
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
        await targets.writeParameter(db.kysely, p);
        await targets.writeParameter(db.kysely, p);
      },
      parameterFor: (db) => targets.parameterFor(db, O.village, 2020, 'hypertension_prevalence'),
      // Twice: the second replaces the first.
      writeSnapshot: async (db) => {
        await targets.writeSnapshot(db.kysely, snapshot, [row]);
        await targets.writeSnapshot(db.kysely, snapshot, [row]);
      },
      listSnapshots: (db) => targets.listSnapshots(db, { orgCode: O.township, period: '2020Q2' }),
      readSnapshot: (db) => targets.readSnapshot(db, 2),
      snapshotExists: (db) => targets.snapshotExists(db, snapshot),
      insertPushPlanSchedule: (db) =>
        targets.insertPushPlanSchedule(db, {
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
      getPushPlanSchedule: (db) => targets.getPushPlanSchedule(db, 1),
      listPushPlanSchedules: (db) => targets.listPushPlanSchedules(db, { orgCode: O.county, active: true }),
      recordPushPlanScheduleRun: (db) =>
        targets.recordPushPlanScheduleRun(db, 1, { on: '2020-05-15', at: AT, snapshotId: 2, error: null }),
      endPushPlanSchedule: (db) => targets.endPushPlanSchedule(db, 1, { at: AT, reason: 'unscheduled' }),
    }),
  ],
};
