/**
 * The zod schemas of the audit routes' requests and answers (the OpenAPI document shows
 * them). Rule parameters are not here: each rule's schema is in its own file.
 */
import { isoDateText } from '../../domain/records/iso-date.js';
import { z } from 'zod';
import { ORG_CODE_PATTERN } from '../../domain/orgs/division-codes.js';
import { AUDIT_RULE_IDS } from './rules/index.js';

/** A division code in a request. */
export const OrgCode = z
  .string()
  .regex(ORG_CODE_PATTERN, 'org code has 6, 9 or 12 digits')
  .describe('division code: 6 digits (province/city/county), 9 (township) or 12 (village)');
/** An audit rule id in a request. */
export const RuleId = z.enum(AUDIT_RULE_IDS).describe('audit rule id');
/** A date `YYYY-MM-DD` in a request. */
export const IsoDate = isoDateText;
/** A row id in a path. */
export const Id = z.coerce.number().int().min(1);
/** Chinese and English text. */
export const Text = z.object({ zh: z.string(), en: z.string() });

/** Per rule: what a run found. */
export const SummarySchema = z.object({
  rule: z.string(),
  found: z.number(),
  affected: z.number(),
  new: z.number(),
  resolved: z.number(),
  closed: z.number(),
});

/** The dates a run examines. */
export const WindowSchema = z.object({ from: z.string().nullable(), to: z.string(), asOf: z.string() });

/** A stored run. */
export const RunSchema = z.object({
  id: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.string(),
  orgCode: z.string().nullable(),
  period: z.string().nullable(),
  windowFrom: z.string().nullable(),
  windowTo: z.string(),
  asOf: z.string(),
  rules: z.array(z.string()),
  summary: z.array(SummarySchema).nullable(),
});

/** A finding of the work list. */
export const FindingSchema = z
  .object({
    id: z.number(),
    rule: z.string(),
    severity: z.string(),
    status: z.string().describe('open | resolved | closed'),
    org: z.string(),
    orgName: z.string().nullable(),
    resident: z
      .object({
        id: z.number(),
        recordNo: z.string().nullable(),
        name: z.string().nullable().describe('masked: family name and ** (陈**)'),
        idNumber: z
          .string()
          .nullable()
          .describe('masked: region and last 4 (no birth date, age or sex is in the answer)'),
      })
      .nullable(),
    service: z
      .object({ id: z.number(), type: z.string().nullable(), date: z.string().nullable() })
      .nullable(),
    weight: z.number().describe('records the finding stands for (extra copies of a duplicate set)'),
    evidence: z
      .unknown()
      .describe('values, codes and record numbers; personal values masked, birth dates left out'),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    lastRunId: z.number(),
    resolvedBy: z.string().nullable().describe('username of who resolved it (never a name sent in a body)'),
    resolvedAt: z.string().nullable(),
    resolutionNote: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .describe('A finding of the work list; personal data masked');

/** One page of the work list. */
export const PageSchema = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(FindingSchema),
});

/** One page of the records an `unused_records` finding stands for. */
export const UnusedRecordPageSchema = z
  .object({
    findingId: z.number(),
    org: z.string(),
    orgName: z.string().nullable(),
    noServiceSince: z.string().describe('neither updated nor served after this date…'),
    asOf: z.string().describe('…up to this one (the run’s as-of date)'),
    total: z.number().describe('records unused now, over the same period'),
    page: z.number(),
    pageSize: z.number(),
    items: z.array(
      z.object({
        residentId: z.number(),
        recordNo: z.string().nullable(),
        name: z.string().nullable().describe('masked: family name and ** (陈**)'),
        idNumber: z.string().nullable().describe('masked: region and last 4'),
        recordUpdated: z.string().describe('last update of the record, else its creation'),
        lastService: z.string().nullable().describe('last service up to the as-of date'),
      }),
    ),
  })
  .describe('Unused records of one org, as the data stand now; personal data masked');

/** A merge log entry, without personal values. */
export const MergeLogSchema = z.object({
  id: z.number(),
  mergedAt: z.string(),
  mergedBy: z.string().describe('username of who merged (never a name sent in a body)'),
  org: z.string(),
  setId: z.number().nullable(),
  survivorRecordNo: z.string(),
  absorbedRecordNos: z.array(z.string()),
  fieldSources: z.record(z.string(), z.string().nullable()),
  movedEnrollments: z.number(),
  droppedEnrollments: z.number(),
  movedServices: z.number(),
  rekeyedServices: z.number(),
});

/** What a merge of a duplicate set would do (GET /audits/duplicate-sets/:id/preview). */
export const MergePreviewSchema = z.object({
  setId: z.number(),
  status: z.string().describe('open | resolved | closed'),
  keys: z.array(z.string()).describe('the keys the records matched on, e.g. id_number'),
  survivorRecordNo: z.string(),
  records: z.array(
    z.object({
      recordNo: z.string(),
      org: z.string(),
      survivor: z.boolean(),
      recordCreated: z.string(),
      recordUpdated: z.string().nullable(),
      services: z.number(),
      enrollments: z.number(),
      values: z
        .record(z.string(), z.string().nullable())
        .describe(
          'masked: names 陈**, phones 138****1234, ID numbers region and last 4; birth date and sex null',
        ),
    }),
  ),
  fields: z.array(
    z.object({
      field: z.string(),
      agree: z.boolean().describe('every record holds the same value'),
      merged: z.string().nullable().describe('the merged value, masked; null for birth date and sex'),
      source: z.string().nullable().describe('record number the value comes from'),
    }),
  ),
});
