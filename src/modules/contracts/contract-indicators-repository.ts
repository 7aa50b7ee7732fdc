/**
 * The raw rows the contract indicators are computed from on demand (ADR 0018): residents of
 * the scope, their enrolments, contracts and the services of contracted residents in the
 * year, and the villages' population. The same figures are kept in the maintained indicator
 * facts (the `contracts` term family); this path serves the contracts page and is the oracle
 * of src/modules/contracts/contract-facts.int.test.ts.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { KeyPopulation } from '../../domain/contracts/contract-rules.js';
import type { ContractHistory } from '../../domain/contracts/contract-terms.js';
import { orgsInScope, rowsInScope, type OrgScope } from '../orgs/org-scope.js';
import { contractHandle } from './contract-tables.js';

/** One resident's history with the village they live in now. */
export interface PlacedHistory extends ContractHistory {
  readonly orgCode: string;
}

/** The histories of every resident in `scope` (services dated from `from` to `to` only). */
export async function loadContractHistories(
  db: Kysely<Database>,
  scope: OrgScope,
  from: string,
  to: string,
): Promise<PlacedHistory[]> {
  const h = contractHandle(db);
  const inScope = rowsInScope(scope, { county: 'r.county_code', org: 'r.org_code' });
  const residents = await db
    .selectFrom('residents as r')
    .select(['r.id', 'r.org_code', 'r.birth_date', 'r.record_created', 'r.death_date', 'r.moved_out_date'])
    .where(inScope)
    .execute();
  const enrolments = await db
    .selectFrom('enrollments as e')
    .innerJoin('residents as r', 'r.id', 'e.resident_id')
    .select(['e.resident_id', 'e.program', 'e.start_date', 'e.end_date'])
    .where(inScope)
    .execute();
  const contracts = await h
    .selectFrom('family_doctor_contracts as c')
    .innerJoin('residents as r', 'r.id', 'c.resident_id')
    .select([
      'c.id',
      'c.resident_id',
      'c.signed_date',
      'c.end_date',
      'c.terminated_date',
      'c.package_code',
      'c.key_populations',
      'c.previous_contract_id',
    ])
    .where(inScope)
    .execute();
  const services = await h
    .selectFrom('services as s')
    .innerJoin('residents as r', 'r.id', 's.resident_id')
    .select(['s.resident_id', 's.type', 's.service_date'])
    .where(inScope)
    .where('s.service_date', '>=', from)
    .where('s.service_date', '<=', to)
    .where(sql<boolean>`exists (select 1 from family_doctor_contracts c where c.resident_id = s.resident_id)`)
    .execute();

  const byResident = new Map<
    number,
    {
      e: ContractHistory['enrolments'][number][];
      c: ContractHistory['contracts'][number][];
      s: ContractHistory['services'][number][];
    }
  >();
  const of = (id: number | string) => {
    const key = Number(id);
    let entry = byResident.get(key);
    if (entry === undefined) byResident.set(key, (entry = { e: [], c: [], s: [] }));
    return entry;
  };
  for (const e of enrolments)
    of(e.resident_id!).e.push({ program: e.program, startDate: e.start_date, endDate: e.end_date });
  for (const c of contracts)
    of(c.resident_id).c.push({
      id: Number(c.id),
      signedDate: c.signed_date,
      endDate: c.end_date,
      terminatedDate: c.terminated_date,
      packageCode: c.package_code,
      keyPopulations: c.key_populations.split('|').filter((g) => g !== '') as KeyPopulation[],
      previousContractId: c.previous_contract_id === null ? null : Number(c.previous_contract_id),
    });
  for (const s of services) of(s.resident_id!).s.push({ type: s.type, date: s.service_date });
  return residents.map((r) => {
    const entry = byResident.get(Number(r.id));
    return {
      orgCode: r.org_code,
      birthDate: r.birth_date,
      recordCreated: r.record_created,
      deathDate: r.death_date,
      movedOutDate: r.moved_out_date,
      enrolments: entry?.e ?? [],
      contracts: entry?.c ?? [],
      services: entry?.s ?? [],
    };
  });
}

/** The orgs of `scope` with their ancestors, and each village's population of `year`. */
export async function loadOrgTree(
  db: Kysely<Database>,
  scope: OrgScope,
  year: number,
): Promise<{ code: string; name: string; level: number; ancestors: string[]; population: number }[]> {
  const rows = await db
    .selectFrom('orgs as o')
    .leftJoin('org_population as p', (j) => j.onRef('p.org_code', '=', 'o.code').on('p.year', '=', year))
    .select([
      'o.code',
      'o.name',
      'o.level',
      'o.province_code',
      'o.city_code',
      'o.county_code',
      'o.township_code',
      'p.total',
    ])
    .where(orgsInScope(scope, 'o'))
    .orderBy('o.code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: Number(r.level),
    ancestors: [r.province_code, r.city_code, r.county_code, r.township_code].filter(
      (c): c is string => c !== null && c !== r.code,
    ),
    population: Number(r.level) === 5 ? Number(r.total ?? 0) : 0,
  }));
}
