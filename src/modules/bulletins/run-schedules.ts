/**
 * Use-cases of recurring bulletins: create a schedule, and run the schedules that are due
 * (the server calls `runDueSchedules` on a timer; `gongwei bulletin run-schedules` by hand).
 */
import type { Db } from '../../db/database.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { localIsoDate } from './local-date.js';
import {
  latestCompletedPeriod,
  nextRunDate,
  type ScheduleEvery,
} from '../../domain/bulletins/bulletin-period.js';
import type { BulletinRequest } from './assemble-bulletin.js';
import { dueSchedules, insertSchedule, recordScheduleRun } from './bulletin-repository.js';
import { generateBulletin } from './generate-bulletin.js';
import type { BulletinFormat } from './render-bulletin.js';

/**
 * Stores a schedule whose first run is right after the current period ends. The caller has
 * checked that the org exists (and is in its scope).
 */
export async function createSchedule(
  db: Db,
  s: {
    orgCode: string;
    every: ScheduleEvery;
    format: BulletinFormat;
    request: Omit<BulletinRequest, 'orgCode' | 'period'>;
  },
  now: Date,
): Promise<{ id: number; nextRun: string }> {
  const today = localIsoDate(now);
  const nextRun = nextRunDate(s.every, today);
  const id = await insertSchedule(db, {
    orgCode: s.orgCode,
    every: s.every,
    format: s.format,
    parameters: s.request as Record<string, unknown>,
    nextRun,
    createdAt: now.toISOString(),
  });
  return { id, nextRun };
}

/** Result of one schedule's run. */
export interface ScheduleRun {
  scheduleId: number;
  period: string;
  bulletinId: number | null;
  error: string | null;
}

/**
 * Runs every due schedule of the orgs in `scope` once: generates the bulletin of the latest
 * completed period and moves the schedule to its next date. A failing schedule records its
 * reason and still moves on (it is tried again next period, not every minute).
 *
 * @example
 * await runDueSchedules(db, OPERATOR_SCOPE, new Date()) // `gongwei bulletin run-schedules`
 */
export async function runDueSchedules(db: Db, scope: OrgScope, now: Date): Promise<ScheduleRun[]> {
  const today = localIsoDate(now);
  const runs: ScheduleRun[] = [];
  for (const s of await dueSchedules(db, scope, today)) {
    const every = s.every as ScheduleEvery;
    const period = latestCompletedPeriod(every, today).text;
    let bulletinId: number | null = null;
    let error: string | null = null;
    try {
      const generated = await generateBulletin(
        db,
        scope,
        { ...(s.parameters as Omit<BulletinRequest, 'orgCode' | 'period'>), orgCode: s.orgCode, period },
        s.format as BulletinFormat,
        now,
        { scheduleId: s.id },
      );
      bulletinId = generated.id;
    } catch (e) {
      error = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
    }
    await recordScheduleRun(db, s.id, {
      at: now.toISOString(),
      nextRun: nextRunDate(every, today),
      bulletinId,
      error,
    });
    runs.push({ scheduleId: s.id, period, bulletinId, error });
  }
  return runs;
}
