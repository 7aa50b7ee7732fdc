/**
 * SQL of the read path: the orgs of a scope, the tally nodes of a year confined to it, the
 * village population, and for the drill-down the membership rows and the people behind a
 * value. Every function takes the scope it is confined to.
 */
import type { PopulationBase } from '../../domain/indicators/catalogue.js';
import {
  NAMED_ORG_COLUMNS,
  orgsInScope,
  rowsInScope,
  toNamedOrg,
  type NamedOrg,
  type OrgScope,
} from '../orgs/org-scope.js';
import { factTables, type Handle } from './facts-repository.js';

/** An org of the indicator table: its lineage (every ancestor's code) and its name. */
export type IndicatorOrg = NamedOrg;

/** Every org of `scope`, by level then code. */
export async function listOrgsInScope(h: Handle, scope: OrgScope): Promise<IndicatorOrg[]> {
  const rows = await h
    .selectFrom('orgs as o')
    .select(NAMED_ORG_COLUMNS)
    .where(orgsInScope(scope, 'o'))
    .orderBy('o.level')
    .orderBy('o.code')
    .execute();
  return rows.map(toNamedOrg);
}

/** A term's count at one org (a village, or the org of an activity): the input of the roll-up. */
export interface TermCount {
  readonly org_code: string;
  readonly term: string;
  readonly n: number;
}

/**
 * The tally nodes of a year of the orgs of `scope` (several rows per org and term: their sum
 * is the count). The scope reaches the county column of the primary key first; no join.
 */
export async function tallyNodesInScope(
  h: Handle,
  scope: OrgScope,
  year: number,
  nodes: readonly number[],
): Promise<TermCount[]> {
  const rows = await factTables(h)
    .selectFrom('indicator_tallies as t')
    .select(['t.org_code', 't.term', 't.n'])
    .where('t.year', '=', year)
    .where('t.slot', 'in', nodes)
    .where(rowsInScope(scope, { county: 't.county_code', org: 't.org_code' }))
    .execute();
  return rows.map((r) => ({ org_code: r.org_code, term: r.term, n: Number(r.n) }));
}

/** A village's population bases of a year. */
export type VillagePopulation = { code: string } & Record<PopulationBase, number | null>;

/** Village-level population rows of `scope` for a year (a parent's population is the sum of its villages). */
export async function villagePopulationInScope(
  h: Handle,
  scope: OrgScope,
  year: number,
): Promise<VillagePopulation[]> {
  return h
    .selectFrom('org_population as p')
    .innerJoin('orgs as o', 'o.code', 'p.org_code')
    .select([
      'o.code',
      'p.total',
      'p.age_0_6',
      'p.age_65_plus',
      'p.age_15_plus',
      'p.age_18_plus',
      'p.women_15_49',
      'p.live_births',
    ])
    .where('p.year', '=', year)
    .where('o.level', '=', 5 as const)
    .where(orgsInScope(scope, 'o'))
    .execute();
}

/** Membership rows of `scope` for a year that mention `term` (drill-down). */
export async function membershipsInScope(
  h: Handle,
  scope: OrgScope,
  year: number,
  term: string,
): Promise<{ resident_id: number; terms: string }[]> {
  // The table is clustered by (year, county, org, resident) (migration 025): the members of
  // a county, a township or a village are one range of it, found by county first.
  const rows = await factTables(h)
    .selectFrom('indicator_memberships as m')
    .select(['m.resident_id', 'm.terms'])
    .where('m.year', '=', year)
    .where(rowsInScope(scope, { county: 'm.county_code', org: 'm.org_code' }))
    .where('m.terms', 'like', `%|${term}=%`)
    .orderBy('m.resident_id')
    .execute();
  return rows.map((r) => ({ resident_id: Number(r.resident_id), terms: r.terms }));
}

/** A person of a drill-down list, before masking. */
export interface PersonRow {
  id: number;
  record_no: string;
  name: string;
  sex: string | null;
  birth_date: string | null;
  id_number: string | null;
  phone: string | null;
  org_code: string;
  org_name: string | null;
}

/** Residents of a drill-down page that `scope` sees. */
export async function loadPeople(h: Handle, scope: OrgScope, ids: readonly number[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  const rows = await h
    .selectFrom('residents as r')
    .leftJoin('orgs as o', 'o.code', 'r.org_code')
    .select([
      'r.id',
      'r.record_no',
      'r.name',
      'r.sex',
      'r.birth_date',
      'r.id_number',
      'r.phone',
      'r.org_code',
      'o.name as org_name',
    ])
    .where('r.id', 'in', ids)
    .where(rowsInScope(scope, { county: 'r.county_code', org: 'r.org_code' }))
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * The latest service date of `scope` between `from` and `to` (ISO dates, inclusive), or null
 * when the scope holds no service then: where a first visit's period should land.
 */
export async function latestServiceDateInScope(
  h: Handle,
  scope: OrgScope,
  from: string,
  to: string,
): Promise<string | null> {
  const row = await h
    .selectFrom('services as s')
    .select((eb) => eb.fn.max('s.service_date').as('latest'))
    .where('s.service_date', '>=', from)
    .where('s.service_date', '<=', to)
    .where(rowsInScope(scope, { county: 's.county_code', org: 's.org_code' }))
    .executeTakeFirst();
  return row?.latest ?? null;
}
