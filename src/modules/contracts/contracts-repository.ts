/**
 * SQL of family-doctor teams and contracts. Every function that reads takes the caller's
 * scope and confines rows with the one scope predicate.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.js';
import { chunks, KEYS_PER_LOOKUP, rowsPerStatement } from '../../db/statement-chunks.js';
import type { ContractStatus, KeyPopulation } from '../../domain/contracts/contract-rules.js';
import type { TeamMember } from '../../domain/contracts/contract-columns.js';
import { orgsInScope, rowsInScope, type OrgScope } from '../orgs/org-scope.js';
import { contractHandle } from './contract-tables.js';

/** A team as stored. */
export interface TeamRow {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly institutionCode: string;
  readonly members: readonly TeamMember[];
  readonly villages: readonly string[];
}

function toTeam(r: {
  id: number;
  code: string;
  name: string;
  institution_code: string;
  members: string;
  villages: string;
}): TeamRow {
  return {
    id: Number(r.id),
    code: r.code,
    name: r.name,
    institutionCode: r.institution_code,
    members: JSON.parse(r.members) as TeamMember[],
    villages: JSON.parse(r.villages) as string[],
  };
}

/** The codes among `codes` that are orgs in `scope`. */
export async function orgCodesInScope(
  db: Kysely<Database>,
  scope: OrgScope,
  codes: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(codes)], KEYS_PER_LOOKUP)) {
    const rows = await db
      .selectFrom('orgs as o')
      .select('o.code')
      .where('o.code', 'in', part)
      .where(orgsInScope(scope, 'o'))
      .execute();
    for (const r of rows) found.add(r.code);
  }
  return found;
}

/** Inserts or replaces teams by code. */
export async function upsertTeams(
  db: Kysely<Database>,
  teams: readonly {
    code: string;
    name: string;
    institutionCode: string;
    members: readonly TeamMember[];
    villages: readonly string[];
  }[],
): Promise<{ inserted: number; updated: number }> {
  const h = contractHandle(db);
  let inserted = 0;
  let updated = 0;
  for (const t of teams) {
    const values = {
      name: t.name,
      county_code: t.institutionCode.slice(0, 6),
      institution_code: t.institutionCode,
      members: JSON.stringify(t.members),
      villages: JSON.stringify(t.villages),
    };
    const existing = await h
      .selectFrom('family_doctor_teams')
      .select('id')
      .where('code', '=', t.code)
      .executeTakeFirst();
    if (existing === undefined) {
      await h
        .insertInto('family_doctor_teams')
        .values({ code: t.code, ...values })
        .execute();
      inserted++;
    } else {
      await h.updateTable('family_doctor_teams').set(values).where('id', '=', existing.id).execute();
      updated++;
    }
  }
  return { inserted, updated };
}

/**
 * The condition under which the caller of `scope` sees team `t`: its institution is in the
 * scope, or it serves a village of the scope. The second is for a village's user: its team
 * belongs to the township centre above it, outside its subtree. (Villages are JSON text; the
 * teams table is small, so the match by text is cheap.)
 */
function teamInScope(scope: OrgScope) {
  return sql<SqlBool>`(${orgsInScope(scope, 'o')} or exists (select 1 from orgs v where v.level = 5 and ${orgsInScope(scope, 'v')} and t.villages like ${sql`'%"' || v.code || '"%'`}))`;
}

/**
 * The teams seen from `scope` (its institution in it, or serving one of its villages), by
 * code.
 */
export async function listTeams(db: Kysely<Database>, scope: OrgScope): Promise<TeamRow[]> {
  const rows = await contractHandle(db)
    .selectFrom('family_doctor_teams as t')
    .innerJoin('orgs as o', 'o.code', 't.institution_code')
    .select(['t.id', 't.code', 't.name', 't.institution_code', 't.members', 't.villages'])
    .where(teamInScope(scope))
    .orderBy('t.code')
    .execute();
  return rows.map(toTeam);
}

/** The teams with these codes seen from `scope` (see {@link listTeams}). */
export async function teamsByCode(
  db: Kysely<Database>,
  scope: OrgScope,
  codes: readonly string[],
): Promise<Map<string, TeamRow>> {
  const found = new Map<string, TeamRow>();
  for (const part of chunks([...new Set(codes)], KEYS_PER_LOOKUP)) {
    const rows = await contractHandle(db)
      .selectFrom('family_doctor_teams as t')
      .innerJoin('orgs as o', 'o.code', 't.institution_code')
      .select(['t.id', 't.code', 't.name', 't.institution_code', 't.members', 't.villages'])
      .where('t.code', 'in', part)
      .where(teamInScope(scope))
      .execute();
    for (const r of rows) found.set(r.code, toTeam(r));
  }
  return found;
}

/** A resident as signing reads them. */
export interface SigningResident {
  readonly id: number;
  readonly recordNo: string;
  readonly countyCode: string;
  readonly orgCode: string;
  readonly birthDate: string | null;
}

/** The residents in `scope` with these record numbers. */
export async function residentsByRecordNo(
  db: Kysely<Database>,
  scope: OrgScope,
  recordNos: readonly string[],
): Promise<Map<string, SigningResident>> {
  const found = new Map<string, SigningResident>();
  for (const part of chunks([...new Set(recordNos)], KEYS_PER_LOOKUP)) {
    const rows = await db
      .selectFrom('residents as r')
      .select(['r.id', 'r.record_no', 'r.county_code', 'r.org_code', 'r.birth_date'])
      .where('r.record_no', 'in', part)
      .where(rowsInScope(scope, { county: 'r.county_code', org: 'r.org_code' }))
      .execute();
    for (const r of rows)
      found.set(r.record_no, {
        id: Number(r.id),
        recordNo: r.record_no,
        countyCode: r.county_code,
        orgCode: r.org_code,
        birthDate: r.birth_date,
      });
  }
  return found;
}

/** The enrolments of one resident. */
export async function enrolmentsOf(
  db: Kysely<Database>,
  residentId: number,
): Promise<{ program: string; startDate: string; endDate: string | null }[]> {
  const rows = await db
    .selectFrom('enrollments')
    .select(['program', 'start_date', 'end_date'])
    .where('resident_id', '=', residentId)
    .execute();
  return rows.map((r) => ({ program: r.program, startDate: r.start_date, endDate: r.end_date }));
}

/** A stored contract, as signing and renewal read it. */
export interface StoredContract {
  readonly id: number;
  readonly contractNo: string;
  readonly residentId: number;
  readonly signedDate: string;
  readonly endDate: string;
  readonly terminatedDate: string | null;
}

/** The stored contracts of one resident. */
export async function contractsOf(db: Kysely<Database>, residentId: number): Promise<StoredContract[]> {
  const rows = await contractHandle(db)
    .selectFrom('family_doctor_contracts')
    .select(['id', 'contract_no', 'resident_id', 'signed_date', 'end_date', 'terminated_date'])
    .where('resident_id', '=', residentId)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    contractNo: r.contract_no,
    residentId: Number(r.resident_id),
    signedDate: r.signed_date,
    endDate: r.end_date,
    terminatedDate: r.terminated_date,
  }));
}

/** A contract to store. */
export interface ContractWrite {
  readonly contractNo: string;
  readonly countyCode: string;
  readonly orgCode: string;
  readonly residentId: number;
  readonly teamId: number;
  readonly signedDate: string;
  readonly endDate: string;
  readonly packageCode: string;
  readonly keyPopulations: readonly KeyPopulation[];
  readonly disabled: boolean;
  readonly previousContractId: number | null;
  readonly terminatedDate: string | null;
  readonly terminationReason: string | null;
}

/**
 * Inserts the contract or replaces the one with its number: whether it was inserted, and the
 * resident a replaced one belonged to (a corrected file can move a number to another
 * resident, whose indicator facts then change too).
 */
export async function upsertContract(
  db: Kysely<Database>,
  c: ContractWrite,
  now: string,
): Promise<{ readonly inserted: boolean; readonly formerResidentId: number | null }> {
  const h = contractHandle(db);
  const values = {
    county_code: c.countyCode,
    org_code: c.orgCode,
    resident_id: c.residentId,
    team_id: c.teamId,
    signed_date: c.signedDate,
    end_date: c.endDate,
    package_code: c.packageCode,
    key_populations: c.keyPopulations.length === 0 ? '|' : `|${c.keyPopulations.join('|')}|`,
    disabled: c.disabled ? 1 : 0,
    previous_contract_id: c.previousContractId,
    terminated_date: c.terminatedDate,
    termination_reason: c.terminationReason,
  };
  const existing = await h
    .selectFrom('family_doctor_contracts')
    .select(['id', 'resident_id'])
    .where('contract_no', '=', c.contractNo)
    .executeTakeFirst();
  if (existing === undefined) {
    await h
      .insertInto('family_doctor_contracts')
      .values({ contract_no: c.contractNo, created_at: now, ...values })
      .execute();
    return { inserted: true, formerResidentId: null };
  }
  await h.updateTable('family_doctor_contracts').set(values).where('id', '=', existing.id).execute();
  return { inserted: false, formerResidentId: Number(existing.resident_id) };
}

/**
 * Inserts new contracts in multi-row statements (the demo's bulk path: the numbers must be
 * new; the import goes through {@link upsertContract}).
 */
export async function insertContracts(
  db: Kysely<Database>,
  contracts: readonly ContractWrite[],
  now: string,
): Promise<void> {
  const h = contractHandle(db);
  const rows = contracts.map((c) => ({
    contract_no: c.contractNo,
    county_code: c.countyCode,
    org_code: c.orgCode,
    resident_id: c.residentId,
    team_id: c.teamId,
    signed_date: c.signedDate,
    end_date: c.endDate,
    package_code: c.packageCode,
    key_populations: c.keyPopulations.length === 0 ? '|' : `|${c.keyPopulations.join('|')}|`,
    disabled: c.disabled ? 1 : 0,
    previous_contract_id: c.previousContractId,
    terminated_date: c.terminatedDate,
    termination_reason: c.terminationReason,
    created_at: now,
  }));
  const perStatement = rowsPerStatement(14);
  for (const part of chunks(rows, perStatement))
    await h.insertInto('family_doctor_contracts').values(part).execute();
}

/** The ids of the contracts with these numbers. */
export async function contractIdsByNo(
  db: Kysely<Database>,
  contractNos: readonly string[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const part of chunks([...new Set(contractNos)], KEYS_PER_LOOKUP)) {
    const rows = await contractHandle(db)
      .selectFrom('family_doctor_contracts')
      .select(['id', 'contract_no'])
      .where('contract_no', 'in', part)
      .execute();
    for (const r of rows) found.set(r.contract_no, Number(r.id));
  }
  return found;
}

/**
 * One contract as stored, with its resident's name and ID number **unmasked**: only
 * `listContracts` (list-contracts.ts) reads it, and masks them before anything shows them.
 */
export interface StoredContractRow {
  readonly contractNo: string;
  readonly recordNo: string;
  readonly name: string;
  readonly idNumber: string | null;
  readonly countyCode: string;
  readonly orgCode: string;
  readonly teamCode: string;
  readonly teamName: string;
  readonly signedDate: string;
  readonly endDate: string;
  readonly packageCode: string;
  readonly keyPopulations: readonly KeyPopulation[];
  readonly renewal: boolean;
  readonly terminatedDate: string | null;
  readonly terminationReason: string | null;
}

/** Filters of the contract list. */
export interface ContractFilter {
  /** With `status`: the contracts of that status on this day. */
  readonly status?: { readonly is: ContractStatus; readonly on: string };
  readonly teamCode?: string;
  readonly keyPopulation?: KeyPopulation;
}

function filteredContracts(db: Kysely<Database>, scope: OrgScope, filter: ContractFilter) {
  let q = contractHandle(db)
    .selectFrom('family_doctor_contracts as c')
    .innerJoin('family_doctor_teams as t', 't.id', 'c.team_id')
    .where(rowsInScope(scope, { county: 'c.county_code', org: 'c.org_code' }));
  if (filter.status !== undefined) {
    const d = filter.status.on;
    // The SQL of contractStatusOn (src/domain/contracts/contract-rules.ts), status by status.
    switch (filter.status.is) {
      case 'pending':
        q = q.where('c.signed_date', '>', d);
        break;
      case 'terminated':
        q = q.where('c.signed_date', '<=', d).where('c.terminated_date', '<=', d);
        break;
      case 'expired':
        q = q
          .where('c.signed_date', '<=', d)
          .where('c.end_date', '<', d)
          .where((eb) => eb.or([eb('c.terminated_date', 'is', null), eb('c.terminated_date', '>', d)]));
        break;
      case 'active':
        q = q
          .where('c.signed_date', '<=', d)
          .where('c.end_date', '>=', d)
          .where((eb) => eb.or([eb('c.terminated_date', 'is', null), eb('c.terminated_date', '>', d)]));
        break;
    }
  }
  if (filter.teamCode !== undefined) q = q.where('t.code', '=', filter.teamCode);
  if (filter.keyPopulation !== undefined)
    q = q.where('c.key_populations', 'like', `%|${filter.keyPopulation}|%`);
  return q;
}

/** How many contracts in `scope` pass `filter`. */
export async function countContracts(
  db: Kysely<Database>,
  scope: OrgScope,
  filter: ContractFilter = {},
): Promise<number> {
  const row = await filteredContracts(db, scope, filter)
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A page of the contracts in `scope` passing `filter`, newest signing first (unmasked). */
export async function findContracts(
  db: Kysely<Database>,
  scope: OrgScope,
  filter: ContractFilter = {},
  page: { readonly limit: number; readonly offset: number } = { limit: 1000, offset: 0 },
): Promise<StoredContractRow[]> {
  const rows = await filteredContracts(db, scope, filter)
    .innerJoin('residents as r', 'r.id', 'c.resident_id')
    .select([
      'c.contract_no',
      'r.record_no',
      'r.name',
      'r.id_number',
      'c.county_code',
      'c.org_code',
      't.code as team_code',
      't.name as team_name',
      'c.signed_date',
      'c.end_date',
      'c.package_code',
      'c.key_populations',
      'c.previous_contract_id',
      'c.terminated_date',
      'c.termination_reason',
    ])
    .orderBy('c.signed_date', 'desc')
    .orderBy('c.contract_no')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({
    contractNo: r.contract_no,
    recordNo: r.record_no,
    name: r.name,
    idNumber: r.id_number,
    countyCode: r.county_code,
    orgCode: r.org_code,
    teamCode: r.team_code,
    teamName: r.team_name,
    signedDate: r.signed_date,
    endDate: r.end_date,
    packageCode: r.package_code,
    keyPopulations: r.key_populations.split('|').filter((g) => g !== '') as KeyPopulation[],
    renewal: r.previous_contract_id !== null,
    terminatedDate: r.terminated_date,
    terminationReason: r.termination_reason,
  }));
}
