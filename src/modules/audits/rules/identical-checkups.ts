/**
 * Rule `identical_checkups` (体检数据雷同): elderly check-ups of different people sharing at
 * least k of n key values, compared within a unit — found by k-subset hashing, never by
 * comparing pairs (src/domain/audits/identical-checkups.ts).
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { findingSubject, type DraftFinding } from '../../../domain/audits/classify.js';
import { findIdenticalCheckups } from '../../../domain/audits/identical-checkups.js';
import {
  CHECKUP_VALUE_FIELDS,
  COMPARISON_UNITS,
  IDENTICAL_CHECKUP_RULE,
  type AuditWindow,
  type CheckupValueField,
  type ComparisonUnit,
} from '../../../domain/audits/vocabulary.js';
import { rowsInScope, type OrgScope } from '../../orgs/org-scope.js';
import type { Handle } from '../audit-tables.js';
import { judgedRule } from './audit-rule.js';
import { inWindow } from './candidate-repository.js';

const parameters = z
  .object({
    k: z
      .number()
      .int()
      .min(2)
      .max(8)
      .default(IDENTICAL_CHECKUP_RULE.k)
      .describe('至少几项相同 / how many of the compared values must be equal'),
    fields: z
      .array(z.enum(CHECKUP_VALUE_FIELDS))
      .min(2)
      .max(8)
      .default([...IDENTICAL_CHECKUP_RULE.fields])
      .describe('比较的指标（n 为其个数） / the compared values (n = their number)'),
    within: z
      .enum(COMPARISON_UNITS)
      .default('township')
      .describe('只与同一单位内的体检比较 / check-ups are compared only with check-ups of the same unit'),
  })
  .superRefine((p, ctx) => {
    if (new Set(p.fields).size !== p.fields.length)
      ctx.addIssue({ code: 'custom', path: ['fields'], message: 'give distinct fields' });
    if (p.k > p.fields.length)
      ctx.addIssue({
        code: 'custom',
        path: ['k'],
        message: `must be an integer from 2 to ${p.fields.length}`,
      });
  });

/** A check-up with its compared values and comparison unit. */
export interface CheckupRow {
  id: number;
  residentId: number;
  serviceDate: string;
  orgCode: string;
  countyCode: string;
  institution: string | null;
  unit: string | null;
  values: (number | null)[];
}

/**
 * Elderly check-ups of residents in the window and scope, with the compared values, by id.
 * Their ids come from the index of services by type and date, and the rows are then read in
 * id order, the table's own: read in date order they were scattered over the table (a page
 * read for nearly every row at city scale). The order is also the detector's: which ten
 * partners a check-up with more lists no longer depends on the database's plan.
 */
export async function selectCheckups(
  h: Handle,
  fields: readonly CheckupValueField[],
  within: ComparisonUnit,
  scope: OrgScope,
  w: AuditWindow,
): Promise<CheckupRow[]> {
  const unit = {
    all: sql`null`,
    county: sql`s.county_code`,
    township: sql`coalesce(o.township_code, s.org_code)`,
    village: sql`s.org_code`,
    institution: sql`s.institution`,
  }[within];
  const result = await sql<Record<string, unknown>>`
    select s.id, s.resident_id, s.service_date, s.org_code, s.county_code, s.institution, ${unit} as unit,
      ${sql.join(fields.map((f, i) => sql`${sql.ref(`s.${f}`)} as ${sql.ref(`v${i}`)}`))}
    from services s left join orgs o on o.code = s.org_code
    where s.id in (
        select c.id from services c where c.type = 'elderly_checkup' and ${inWindow(w, 'c.service_date')}
          and ${rowsInScope(scope, { county: 'c.county_code', org: 'c.org_code' })})
      and s.resident_id is not null
    order by s.id`.execute(h);
  return result.rows.map((r) => ({
    id: Number(r.id),
    residentId: Number(r.resident_id),
    serviceDate: r.service_date as string,
    orgCode: r.org_code as string,
    countyCode: r.county_code as string,
    institution: (r.institution as string | null) ?? null,
    unit: r.unit === null || r.unit === undefined ? null : String(r.unit),
    values: fields.map((_, i) => {
      const v = r[`v${i}`];
      return v === null || v === undefined ? null : Number(v);
    }),
  }));
}

/** Rule `identical_checkups`. */
export const identicalCheckups = judgedRule({
  id: 'identical_checkups',
  name: { zh: '体检数据雷同', en: 'Identical check-up data' },
  description: {
    zh: '不同老年人的体检记录中，6项关键指标（收缩压、舒张压、心率、空腹血糖、体重、腰围）有4项以上完全一致。',
    en: "Elderly check-ups of different people sharing at least 4 of 6 key values (systolic, diastolic, heart rate, fasting glucose, weight, waist) with another person's check-up.",
  },
  severities: { error: { zh: '体检数据雷同', en: 'identical values' } },
  subject: 'service',
  parameters,
  candidates: (h, { scope, window }, p) => selectCheckups(h, p.fields, p.within, scope, window),
  judge(rows, p): DraftFinding[] {
    const result = findIdenticalCheckups(
      rows.map((r) => ({ serviceId: r.id, residentId: r.residentId, unit: r.unit, values: r.values })),
      p.k,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return result.checkups.map((c) => {
      const r = byId.get(c.serviceId)!;
      return {
        severity: 'error',
        subject: findingSubject.service(r.id),
        orgCode: r.orgCode,
        countyCode: r.countyCode,
        residentId: r.residentId,
        serviceId: r.id,
        subjectDate: r.serviceDate,
        weight: 1,
        evidence: {
          type: 'elderly_checkup',
          date: r.serviceDate,
          institution: r.institution,
          clusterId: c.clusterId,
          clusterSize: c.clusterSize,
          k: p.k,
          matchedFields: c.matchedFields.map((i) => p.fields[i]),
          values: Object.fromEntries(p.fields.map((f, i) => [f, r.values[i]])),
          partners: c.partners,
        },
      };
    });
  },
});
