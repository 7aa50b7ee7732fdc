/**
 * The zod schemas of the targets routes: what requests carry and what every JSON answer
 * holds (the OpenAPI document and the web UI read them). An answer schema lists every field
 * of the value the use-case returns: the serializer drops what a schema does not name.
 */
import { z } from 'zod';
import { ORG_CODE_PATTERN } from '../../domain/orgs/division-codes.js';
import { POPULATION_BANDS } from '../../domain/targets/target-rule.js';

/** An org code in a query or body. */
export const OrgCode = z.string().regex(ORG_CODE_PATTERN, 'org code has 6, 9 or 12 digits');
/** A year in a query string. */
export const Year = z.coerce.number().int().min(1949).max(2100);
/** A year in a JSON body. */
export const BodyYear = z.number().int().min(1949).max(2100);
/** A date as people write it; the use-case reads it (and names the field when it is not one). */
export const IsoDate = z.string().describe('date, 2020-06-30 (also 2020/6/30 or 2020年6月30日)');
/**
 * What the description of every route storing a "set by" or "created by" says: the name is
 * the caller's (`callerOf(request).name`), never one the body sends.
 */
export const BY_THE_CALLER =
  'Kept in the history as set by the signed-in user (or the token), never a name from the body: a setBy or createdBy field is ignored.';
/** A rate as a fraction. */
export const Rate = z.number().min(0).max(1).describe('fraction: 0.8 for 80 %');
/** How days are counted. */
export const DayCountingSchema = z.enum(['calendar', 'working']);
/** Answer format of a push plan. */
export const Format = z.enum(['json', 'csv', 'xlsx', 'docx']).default('json');
/** Holidays or worked weekend days. */
export const DateList = z.array(IsoDate).max(400).default([]);
/** How the days left until a deadline are counted, as a body gives it. */
export const DayCountingFields = {
  days: DayCountingSchema.default('calendar'),
  holidays: DateList,
  workdays: DateList,
};
/** A period such as 2020H1. */
export const PeriodText = z.string().min(4);

const Band = z.enum(POPULATION_BANDS);

/** What a target's rate applies to. */
export const BaseSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('population'), band: Band }),
    z.object({ kind: z.literal('expected'), band: Band, parameter: z.string().min(1) }),
    z.object({ kind: z.literal('count'), count: z.number().int().nonnegative() }),
  ])
  .describe('what the rate applies to: a population band, expected patients (band × parameter), or a count');

const MilestoneSchema = z.object({ due: z.string(), cumulative: z.number().int() });

/** A stored target. */
export const TargetSchema = z.object({
  orgCode: z.string(),
  orgName: z.string(),
  level: z.number(),
  indicator: z.string(),
  year: z.number(),
  base: BaseSchema,
  parameterValue: z.number().nullable(),
  baseValue: z.number(),
  rate: z.number(),
  target: z.number().int(),
  milestones: z.array(MilestoneSchema),
  responsibleUnit: z.string().nullable(),
  responsiblePerson: z.string().nullable(),
  source: z.enum(['set', 'split', 'default']),
  setBy: z.string(),
  setAt: z.string(),
});

/** One change of a target, as kept in the history. */
export const TargetChangeSchema = z.object({
  orgCode: z.string(),
  indicator: z.string(),
  year: z.number(),
  action: z.enum(['insert', 'update', 'delete']),
  baseValue: z.number().nullable(),
  rate: z.number().nullable(),
  target: z.number().nullable(),
  source: z.string().nullable(),
  changedBy: z.string(),
  changedAt: z.string(),
});

/** A named parameter as set. */
export const ParameterSchema = z.object({
  org: z.string(),
  year: z.number(),
  name: z.string(),
  value: z.number(),
});

/** One line of progress (contract 6). */
export const ProgressRowSchema = z.object({
  org: z.string(),
  orgName: z.string(),
  indicator: z.string(),
  target: z.number(),
  milestone: z.number(),
  achieved: z.number(),
  gap: z.number(),
  completion: z.number().nullable(),
});

const IndicatorDecompositionSchema = z.object({
  annual: z.number(),
  half: z.number(),
  cumulative: z.array(z.number()),
  increments: z.array(z.number()),
  rule: z.enum(['curve', 'increments']),
  mismatch: z
    .object({ sumOfIncrements: z.number(), half: z.number() })
    .optional()
    .describe('set when the planner’s increments do not add up to the stage target'),
});

/** A plan decomposed into annual, stage and cumulative milestone targets. */
export const DecompositionSchema = z.object({
  halfYearShare: z.number(),
  milestones: z.array(z.string()).readonly(),
  areas: z.array(
    z.object({
      name: z.string(),
      population: z.number().nullable(),
      responsibleUnit: z.string().nullable(),
      responsiblePerson: z.string().nullable(),
      indicators: z.record(z.string(), IndicatorDecompositionSchema),
    }),
  ),
});

/** What a plan check found. */
export const PlanCheckReportSchema = z.object({
  areas: z.number().int().describe('areas checked'),
  indicators: z.array(z.string()).readonly(),
  cellsChecked: z.number().int(),
  findings: z.array(
    z.object({
      row: z.number().int().describe('1-based row of the table'),
      column: z.string(),
      area: z.string(),
      indicator: z.string(),
      field: z.enum(['annual', 'half', 'milestone', 'total']),
      milestone: z.string().optional(),
      stated: z.number(),
      computed: z.number(),
      note: z.object({ zh: z.string(), en: z.string() }),
    }),
  ),
});

const PushRowSchema = z.object({
  unit: z.string(),
  task: z.string(),
  target: z.number(),
  done: z.number(),
  remaining: z.number(),
  daysLeft: z.number(),
  perDay: z.number(),
  leader: z.string().nullable(),
  phone: z.string().nullable(),
  total: z.boolean(),
});

/** A computed push plan. */
export const PushPlanSchema = z.object({
  asOf: z.string(),
  deadline: z.string(),
  days: DayCountingSchema,
  daysLeft: z.number(),
  rows: z.array(PushRowSchema),
});

/** A push plan of an org's children, from the database. */
export const OrgPushPlanSchema = PushPlanSchema.extend({
  org: z.string(),
  orgName: z.string(),
  period: z.string(),
  doneAsOf: z.string().describe('done is counted up to this day (the last 旬 end on or before asOf)'),
});

/** A push-plan snapshot as stored. */
export const SnapshotSchema = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  period: z.string(),
  asOf: z.string(),
  doneAsOf: z.string(),
  deadline: z.string(),
  days: DayCountingSchema,
  daysLeft: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
});

/** A row of a stored push plan: the plan's row with the unit's org code and the task's name. */
export const SnapshotRowSchema = PushRowSchema.extend({
  unitCode: z.string().nullable(),
  taskName: z.string(),
});

/** A push-plan schedule with its last run. */
export const ScheduleSchema = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  period: z.string(),
  deadline: z.string(),
  days: DayCountingSchema,
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  active: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  lastRunOn: z.string().nullable().describe('checkpoint day of the last run'),
  lastRunAt: z.string().nullable(),
  lastSnapshotId: z.number().int().nullable(),
  lastError: z.string().nullable().describe('why the last run failed; null when it succeeded'),
  endedAt: z.string().nullable(),
  endedReason: z.enum(['deadline', 'unscheduled']).nullable(),
});

/** What a checkpoint run did with one active schedule. */
export const CheckpointRunSchema = z.object({
  scheduleId: z.number().int(),
  kind: z.enum(['saved', 'failed', 'already_run', 'not_a_checkpoint', 'ended']),
  date: z.string(),
  snapshotId: z.number().int().optional(),
  error: z.string().optional(),
  next: z.string().nullable().optional(),
});
