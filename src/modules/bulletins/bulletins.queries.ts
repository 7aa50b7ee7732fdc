import {
  SAMPLE_ORGS as O,
  SAMPLE_SCOPE as SCOPE,
  insertSampleWorld,
  repositorySamples,
  type ModuleQueries,
} from '../../../test/query-samples.js';
import * as bulletins from './bulletin-repository.js';

const AT = '2020-07-01T08:00:00.000Z';

/** Example calls of the bulletin repository, written to queries/bulletins.*.sql by `npm run queries`. */
export const QUERY_SAMPLES: ModuleQueries = {
  prepare: insertSampleWorld,
  repositories: [
    repositorySamples('bulletins/bulletin-repository.ts', bulletins, {
      insertBulletin: (db) =>
        bulletins.insertBulletin(db, {
          orgCode: O.county,
          period: '2020Q2',
          format: 'html',
          title: '泾川县2020年第二季度基本公共卫生服务工作简报',
          fileName: 'bulletin-620881-2020Q2.html',
          contentType: 'text/html; charset=utf-8',
          parameters: {},
          dataCutoff: '2020-06-30',
          generatedAt: AT,
          scheduleId: null,
          generatedBy: 'operator:gongwei',
          content: Buffer.from('<html></html>'),
        }),
      listBulletins: (db) => bulletins.listBulletins(db, SCOPE, { period: '2020Q2', limit: 20, offset: 0 }),
      getBulletin: (db) => bulletins.getBulletin(db, SCOPE, 1),
      selectBulletinOrg: (db) => bulletins.selectBulletinOrg(db, 1),
      insertSchedule: (db) =>
        bulletins.insertSchedule(db, {
          orgCode: O.county,
          every: 'quarter',
          format: 'docx',
          parameters: {},
          nextRun: '2020-07-01',
          createdAt: AT,
          createdBy: 'operator:gongwei',
        }),
      listSchedules: (db) => bulletins.listSchedules(db, SCOPE),
      selectScheduleOrg: (db) => bulletins.selectScheduleOrg(db, 1),
      dueSchedules: (db) => bulletins.dueSchedules(db, SCOPE, '2020-07-01'),
      recordScheduleRun: (db) =>
        bulletins.recordScheduleRun(db, 1, { at: AT, nextRun: '2020-10-01', bulletinId: 1, error: null }),
      deactivateSchedule: (db) => bulletins.deactivateSchedule(db, SCOPE, 1),
      orgNames: (db) => bulletins.orgNames(db, SCOPE, [O.village, O.otherVillage]),
    }),
  ],
};
