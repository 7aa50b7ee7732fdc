/**
 * SQL the candidate queries of several rules share: the window and "active at" conditions,
 * and reading services with the values the service rules look at.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import {
  CHECKUP_VALUE_FIELDS,
  type AuditWindow,
  type CheckupValueField,
} from '../../../domain/audits/vocabulary.js';
import type { Handle } from '../audit-tables.js';

/** The condition "the date at `dateRef` lies in the window". */
export function inWindow(w: AuditWindow, dateRef: string): RawBuilder<SqlBool> {
  return w.from === null
    ? sql<SqlBool>`${sql.ref(dateRef)} <= ${w.to}`
    : sql<SqlBool>`${sql.ref(dateRef)} >= ${w.from} and ${sql.ref(dateRef)} <= ${w.to}`;
}

/** The condition "the resident under `alias` has a record at `asOf` and neither died nor moved out by then". */
export function activeAt(asOf: string, alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`
  ${sql.ref(`${alias}.record_created`)} <= ${asOf}
  and (${sql.ref(`${alias}.death_date`)} is null or ${sql.ref(`${alias}.death_date`)} > ${asOf})
  and (${sql.ref(`${alias}.moved_out_date`)} is null or ${sql.ref(`${alias}.moved_out_date`)} > ${asOf})`;
}

/** A service row with the values the service rules read. */
export interface ServiceRow {
  id: number;
  residentId: number | null;
  type: string;
  serviceDate: string;
  orgCode: string;
  countyCode: string;
  institution: string | null;
  values: Record<CheckupValueField, number | null>;
  controlled: number | null;
  guidance: number | null;
}

/** A service row as the database returns it. */
export type RawService = {
  id: number;
  resident_id: number | null;
  type: string;
  service_date: string;
  org_code: string;
  county_code: string;
  institution: string | null;
  controlled: number | null;
  guidance: number | null;
} & Record<CheckupValueField, number | null>;

/** The select list of a {@link RawService} from `services s`. */
export const SERVICE_ROW_COLUMNS: RawBuilder<unknown> = sql`s.id, s.resident_id, s.type, s.service_date, s.org_code, s.county_code, s.institution,
      s.controlled, s.guidance, ${sql.join(CHECKUP_VALUE_FIELDS.map((c) => sql.ref(`s.${c}`)))}`;

/** A {@link ServiceRow} from the database's row (PostgreSQL returns numerics as text). */
export function toServiceRow(r: RawService): ServiceRow {
  const values = {} as Record<CheckupValueField, number | null>;
  for (const c of CHECKUP_VALUE_FIELDS) values[c] = r[c] === null ? null : Number(r[c]);
  return {
    id: Number(r.id),
    residentId: r.resident_id === null ? null : Number(r.resident_id),
    type: r.type,
    serviceDate: r.service_date,
    orgCode: r.org_code,
    countyCode: r.county_code,
    institution: r.institution,
    values,
    controlled: r.controlled,
    guidance: r.guidance,
  };
}

/**
 * The services (`services s`, or `from` naming them `s`: read through a partial index)
 * meeting `condition`, by id.
 */
export async function selectServices(
  h: Handle,
  condition: RawBuilder<SqlBool>,
  from: RawBuilder<unknown> = sql`services s`,
): Promise<ServiceRow[]> {
  const result = await sql<RawService>`
    select ${SERVICE_ROW_COLUMNS}
    from ${from} where ${condition} order by s.id`.execute(h);
  return result.rows.map(toServiceRow);
}
