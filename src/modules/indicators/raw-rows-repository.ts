/**
 * SQL reading the raw rows the terms are computed from: residents, their enrolments and
 * services (the service types, hot columns and payloads the term families declare, see
 * src/domain/indicators/service-reads.ts), the records sharing an ID key, and the
 * person-less activities of orgs.
 */
import { sql } from 'kysely';
import { chunks, KEYS_PER_LOOKUP } from '../../db/statement-chunks.js';
import type { KeyPopulation } from '../../domain/contracts/contract-rules.js';
import type {
  KeyHolder,
  LoadedActivity,
  LoadedContract,
  LoadedEnrollment,
  ResidentRecord,
} from '../../domain/indicators/fact-changes.js';
import type { LoadedService, ServiceReads } from '../../domain/indicators/service-reads.js';
import type { ServiceColumn } from '../../domain/indicators/term-family.js';
import type { ContractTables } from '../contracts/contract-tables.js';
import { rowsInScope, type OrgScope } from '../orgs/org-scope.js';
import { factTables, type Handle } from './facts-repository.js';

/** Residents by id (missing ids are deleted residents). */
export async function loadResidentRecords(h: Handle, ids: readonly number[]): Promise<ResidentRecord[]> {
  const out: ResidentRecord[] = [];
  for (const part of chunks(ids, KEYS_PER_LOOKUP)) {
    const rows = await h
      .selectFrom('residents')
      .select([
        'id',
        'county_code',
        'org_code',
        'id_number',
        'birth_date',
        'electronic',
        'record_created',
        'death_date',
        'moved_out_date',
      ])
      .where('id', 'in', part)
      .execute();
    for (const r of rows)
      out.push({
        id: Number(r.id),
        countyCode: r.county_code,
        orgCode: r.org_code,
        idNumber: r.id_number,
        birthDate: r.birth_date,
        electronic: Number(r.electronic) === 1,
        recordCreated: r.record_created,
        deathDate: r.death_date,
        movedOutDate: r.moved_out_date,
      });
  }
  return out;
}

/**
 * Ids of the residents of `scope` in id order after `afterId`: recomputation and evaluation
 * in batches.
 */
export async function residentIdsAfter(
  h: Handle,
  scope: OrgScope,
  afterId: number,
  limit: number,
): Promise<number[]> {
  const rows = await h
    .selectFrom('residents as r')
    .select('r.id')
    .where('r.id', '>', afterId)
    .where(rowsInScope(scope, { county: 'r.county_code', org: 'r.org_code' }))
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Enrolments of residents. */
export async function loadEnrollments(h: Handle, ids: readonly number[]): Promise<LoadedEnrollment[]> {
  const out: LoadedEnrollment[] = [];
  for (const part of chunks(ids, KEYS_PER_LOOKUP)) {
    const rows = await h
      .selectFrom('enrollments')
      .select(['resident_id', 'program', 'start_date', 'end_date'])
      .where('resident_id', 'in', part)
      .execute();
    for (const r of rows)
      out.push({
        residentId: Number(r.resident_id),
        program: r.program,
        startDate: r.start_date,
        endDate: r.end_date,
      });
  }
  return out;
}

/** Family-doctor contracts of residents (every one ever signed: the terms read the history, ADR 0018). */
export async function loadContracts(h: Handle, ids: readonly number[]): Promise<LoadedContract[]> {
  const out: LoadedContract[] = [];
  for (const part of chunks(ids, KEYS_PER_LOOKUP)) {
    const rows = await h
      .withTables<ContractTables>()
      .selectFrom('family_doctor_contracts')
      .select([
        'id',
        'resident_id',
        'signed_date',
        'end_date',
        'terminated_date',
        'package_code',
        'key_populations',
        'previous_contract_id',
      ])
      .where('resident_id', 'in', part)
      .execute();
    for (const r of rows)
      out.push({
        id: Number(r.id),
        residentId: Number(r.resident_id),
        signedDate: r.signed_date,
        endDate: r.end_date,
        terminatedDate: r.terminated_date,
        packageCode: r.package_code,
        // Stored as `|elderly|hypertension|` (migration 011).
        keyPopulations: r.key_populations.split('|').filter((g) => g !== '') as KeyPopulation[],
        previousContractId: r.previous_contract_id === null ? null : Number(r.previous_contract_id),
      });
  }
  return out;
}

/** The services table's column of each hot column the terms read. */
const SERVICE_COLUMNS = {
  sbp: 'sbp',
  dbp: 'dbp',
  fastingGlucose: 'fasting_glucose',
  controlled: 'controlled',
  guidance: 'guidance',
} as const satisfies Record<ServiceColumn, string>;

/**
 * Services of residents, as `reads` declares: every type when some term reads every
 * service's date (else the declared types), the declared hot columns, and the payload text
 * of the types whose payload fields some term reads (null for the others: no JSON to parse).
 */
export async function loadServices(
  h: Handle,
  ids: readonly number[],
  reads: ServiceReads,
): Promise<LoadedService[]> {
  const payloadTypes = [...reads.payloadFields.keys()];
  const payload =
    payloadTypes.length === 0
      ? sql<string | null>`null`
      : sql<string | null>`case when type in (${sql.join(payloadTypes)}) then payload end`;
  const columns = reads.columns.map((c) => SERVICE_COLUMNS[c]);
  const out: LoadedService[] = [];
  if (!reads.everyType && reads.types.length === 0) return out;
  for (const part of chunks(ids, KEYS_PER_LOOKUP)) {
    let query = h
      .selectFrom('services')
      .select(['id', 'resident_id', 'type', 'service_date', ...columns, payload.as('payload')])
      .where('resident_id', 'in', part);
    if (!reads.everyType) query = query.where('type', 'in', reads.types);
    const rows = await query.execute();
    for (const r of rows)
      out.push({
        id: Number(r.id),
        residentId: Number(r.resident_id),
        type: r.type,
        date: r.service_date,
        sbp: r.sbp ?? null,
        dbp: r.dbp ?? null,
        fastingGlucose: r.fasting_glucose ?? null,
        controlled: r.controlled ?? null,
        guidance: r.guidance ?? null,
        payload: r.payload,
      });
  }
  return out;
}

/** Records holding any of the ID keys (as stored in `indicator_residents`), with their record span. */
export async function loadKeyHolders(h: Handle, keys: readonly string[]): Promise<KeyHolder[]> {
  const out: KeyHolder[] = [];
  for (const part of chunks(keys, KEYS_PER_LOOKUP)) {
    const rows = await factTables(h)
      .selectFrom('indicator_residents as k')
      .innerJoin('residents as r', 'r.id', 'k.resident_id')
      .select(['r.id', 'k.id_key', 'r.record_created', 'r.death_date', 'r.moved_out_date'])
      .where('k.id_key', 'in', part)
      .execute();
    for (const r of rows)
      out.push({
        id: Number(r.id),
        idKey: r.id_key!,
        recordCreated: r.record_created,
        deathDate: r.death_date,
        movedOutDate: r.moved_out_date,
      });
  }
  return out;
}

function activityRows(
  rows: readonly { org_code: string; county_code: string; service_date: string; payload: string | null }[],
): LoadedActivity[] {
  return rows.map((r) => ({
    orgCode: r.org_code,
    countyCode: r.county_code,
    date: r.service_date,
    payload: r.payload,
  }));
}

/** Activities (person-less services of `type`) of orgs. */
export async function loadActivities(
  h: Handle,
  type: string,
  orgCodes: readonly string[],
): Promise<LoadedActivity[]> {
  const out: LoadedActivity[] = [];
  for (const part of chunks(orgCodes, KEYS_PER_LOOKUP)) {
    const rows = await h
      .selectFrom('services')
      .select(['org_code', 'county_code', 'service_date', 'payload'])
      .where('type', '=', type)
      .where('resident_id', 'is', null)
      .where('org_code', 'in', part)
      .execute();
    out.push(...activityRows(rows));
  }
  return out;
}

/** Activities (person-less services of `type`) of the orgs of `scope` dated in `year`. */
export async function activitiesInScope(
  h: Handle,
  scope: OrgScope,
  type: string,
  year: number,
): Promise<LoadedActivity[]> {
  const rows = await h
    .selectFrom('services as s')
    .select(['s.org_code', 's.county_code', 's.service_date', 's.payload'])
    .where('s.type', '=', type)
    .where('s.resident_id', 'is', null)
    .where('s.service_date', '>=', `${year}-01-01`)
    .where('s.service_date', '<=', `${year}-12-31`)
    .where(rowsInScope(scope, { county: 's.county_code', org: 's.org_code' }))
    .execute();
  return activityRows(rows);
}

/** Every org that has an activity (a person-less service of `type`). */
export async function activityOrgs(h: Handle, type: string): Promise<string[]> {
  const rows = await h
    .selectFrom('services')
    .select('org_code')
    .distinct()
    .where('type', '=', type)
    .where('resident_id', 'is', null)
    .execute();
  return rows.map((r) => r.org_code);
}

/** Distinct years of service dates (the years reports are asked about). */
export async function serviceYears(h: Handle): Promise<number[]> {
  const rows = await h
    .selectFrom('services')
    .select(sql<string>`substr(service_date, 1, 4)`.as('y'))
    .distinct()
    .execute();
  return rows.map((r) => Number(r.y)).filter((y) => Number.isInteger(y));
}
