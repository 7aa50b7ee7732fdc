/**
 * Drill-down: the people behind one indicator value — those in the numerator, or those in
 * the denominator but not the numerator (the gap, the work list) — paged, at most
 * {@link MAX_PAGE_SIZE} a page. A list of people is always masked (src/domain/privacy/masking.ts):
 * names as 陈**, phones as 138****1234, ID numbers to the region only because the rows show
 * sex and age; age in whole years at the end of the period, never the birth date.
 */
import type { Db } from '../../db/database.js';
import { chunks, KEYS_PER_LOOKUP } from '../../db/statement-chunks.js';
import { maskHolds, storedMaskOf } from '../../domain/indicators/term-masks.js';
import { ageInYears, maskIdNumber, maskName, maskPhone } from '../../domain/privacy/masking.js';
import type { OrgLineage, OrgScope } from '../orgs/org-scope.js';
import { loadFactYears } from './facts-repository.js';
import { IndicatorQueryError, resolveQuery, type OrgSource, type ResolvedQuery } from './indicator-query.js';
import { loadPeople, membershipsInScope } from './values-repository.js';

/** The largest page of people one request gets. */
export const MAX_PAGE_SIZE = 100;

/** What to list. */
export interface PeopleQuery {
  orgCode: string;
  period: string;
  indicator: string;
  /** 'numerator': counted; 'gap': in the denominator but not counted. */
  set: 'numerator' | 'gap';
  /** 1-based. */
  page: number;
  /** 1..{@link MAX_PAGE_SIZE}. */
  pageSize: number;
}

/** One person of the list, masked so that no field undoes another's mask. */
export interface IndicatorPerson {
  residentId: number;
  recordNo: string;
  /** 陈**. */
  name: string;
  sex: string | null;
  /** Whole years at the end of the period; null without a birth date. */
  age: number | null;
  /** The region (first 6 characters) only: sex and age are beside it. */
  idNumber: string | null;
  /** 138****1234. */
  phone: string | null;
  orgCode: string;
  orgName: string | null;
}

/** A page of people and how many there are in all. */
export interface PeoplePage {
  total: number;
  page: number;
  pageSize: number;
  people: IndicatorPerson[];
}

/** A page of people and the org it was asked for (for the access trail). */
export interface PeopleAnswer {
  readonly page: PeoplePage;
  /** The org the query named. */
  readonly org: OrgLineage;
}

/** An org source with the maintained years, as the server's `TallyStore` keeps them. */
export interface OrgMemory extends OrgSource {
  /** The years with maintained facts, ascending (as `loadFactYears`). */
  factYears(): Promise<readonly number[]>;
}

/**
 * Runs `use` with the orgs and maintained years kept in memory (the server's read workers:
 * `TallyStore.read`), so that a drill-down reads neither its org nor the years.
 */
export type WithOrgMemory = <T>(use: (memory: OrgMemory) => Promise<T>) => Promise<T>;

/** Who a list or an export is of: the resolved query and the residents in it, in id order. */
interface Selection {
  readonly root: OrgLineage;
  /** The name of the org named (its code when the caller sees only a part of it). */
  readonly rootName: string;
  readonly scope: OrgScope;
  readonly periodEnd: string;
  readonly ids: readonly number[];
}

/** The residents behind a value (numerator or gap) of an org within the caller's scope. */
async function selectPeople(
  db: Db,
  callerScope: OrgScope,
  query: Pick<PeopleQuery, 'orgCode' | 'period' | 'indicator' | 'set'>,
  withOrgMemory?: WithOrgMemory,
): Promise<Selection> {
  const resolve = async (memory?: OrgMemory): Promise<[ResolvedQuery, readonly number[]]> => [
    await resolveQuery(
      db,
      callerScope,
      { orgCode: query.orgCode, period: query.period, ids: [query.indicator] },
      'id',
      memory,
    ),
    memory ? await memory.factYears() : await loadFactYears(db.kysely),
  ];
  const [{ root, scope, period, indicators, scopeOrgs }, factYears] = withOrgMemory
    ? await withOrgMemory(resolve)
    : await resolve();
  const indicator = indicators[0]!;
  if (indicator.program === 'health_education')
    throw new IndicatorQueryError('id', {
      zh: `指标 '${indicator.id}' 统计的是活动，不是人`,
      en: `indicator '${indicator.id}' counts activities, not people`,
    });
  if (indicator.reported)
    throw new IndicatorQueryError('id', {
      zh: `指标 '${indicator.id}' 是按单位上报的数据，没有人员名单（见 GET /api/reported-values）`,
      en: `indicator '${indicator.id}' is reported per org, with no list of people (see GET /api/reported-values)`,
    });
  if (query.set === 'gap' && indicator.denominator?.kind !== 'term')
    throw new IndicatorQueryError('set', {
      zh: `指标 '${indicator.id}' 的分母不是名单（计数或人口基数），请用 set=numerator`,
      en: `indicator '${indicator.id}' has no list of people in its denominator (a count or a population base); use set=numerator`,
    });
  if (!factYears.includes(period.year))
    throw new IndicatorQueryError('period', {
      zh: `${period.year} 年没有服务记录，无名单可列`,
      en: `no services are recorded in ${period.year}: nothing to list`,
    });
  const slot = period.endSlot;
  const { term, minus } = indicator.numerator;
  // One or two terms of each member's stored text, read without parsing the rest.
  const holds = (terms: string, t: string): boolean => maskHolds(storedMaskOf(terms, t), slot);
  const inNumerator = (terms: string): boolean =>
    holds(terms, term) && !(minus !== undefined && holds(terms, minus));
  const scanTerm = query.set === 'numerator' ? term : (indicator.denominator as { term: string }).term;
  const ids: number[] = [];
  for (const row of await membershipsInScope(db.kysely, scope, period.year, scanTerm)) {
    const keep =
      query.set === 'numerator'
        ? inNumerator(row.terms)
        : holds(row.terms, scanTerm) && !inNumerator(row.terms);
    if (keep) ids.push(row.resident_id);
  }
  const rootName = scopeOrgs.get(root.code)?.name ?? root.code;
  return { root, rootName, scope, periodEnd: period.end, ids };
}

/**
 * Lists the people behind an indicator value for the org a query names, within the caller's
 * scope, and a period, masked. With `withOrgMemory`, the org and the maintained years come
 * from memory (the server's read workers).
 *
 * @example
 * await listIndicatorPeople(db, callerScope(request), { orgCode: '620881100', period: '2020Q2',
 *   indicator: 'hypertension.control_rate', set: 'gap', page: 1, pageSize: 50 });
 */
export async function listIndicatorPeople(
  db: Db,
  callerScope: OrgScope,
  query: PeopleQuery,
  withOrgMemory?: WithOrgMemory,
): Promise<PeopleAnswer> {
  if (!Number.isInteger(query.page) || query.page < 1)
    throw new IndicatorQueryError('page', { zh: 'page 应为 ≥ 1 的整数', en: 'page must be an integer ≥ 1' });
  if (!Number.isInteger(query.pageSize) || query.pageSize < 1 || query.pageSize > MAX_PAGE_SIZE)
    throw new IndicatorQueryError('pageSize', {
      zh: `pageSize 应为 1..${MAX_PAGE_SIZE} 的整数`,
      en: `pageSize must be an integer 1..${MAX_PAGE_SIZE}`,
    });
  const { root, scope, periodEnd, ids } = await selectPeople(db, callerScope, query, withOrgMemory);
  const pageIds = ids.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const people = (await loadPeople(db.kysely, scope, pageIds)).map((p): IndicatorPerson => ({
    residentId: p.id,
    recordNo: p.record_no,
    name: maskName(p.name) ?? '',
    sex: p.sex,
    age: ageInYears(p.birth_date, periodEnd),
    idNumber: maskIdNumber(p.id_number, { withLastFour: false }),
    phone: maskPhone(p.phone),
    orgCode: p.org_code,
    orgName: p.org_name,
  }));
  return { page: { total: ids.length, page: query.page, pageSize: query.pageSize, people }, org: root };
}

/** The most people one export holds: a larger list is refused, naming a smaller unit to choose. */
export const MAX_EXPORT_ROWS = 50_000;

/** One person of an export, unmasked: only for a role with personal.export. */
export interface ExportedPerson {
  readonly recordNo: string;
  readonly name: string;
  readonly sex: string | null;
  readonly age: number | null;
  readonly idNumber: string | null;
  readonly phone: string | null;
  readonly orgCode: string;
  readonly orgName: string | null;
}

/**
 * Every person behind a value, unmasked, for an export by a role with personal.export (the
 * route checks the permission and writes the export to the access trail). Ages, not birth
 * dates, as in the lists.
 *
 * @example
 * await exportIndicatorPeople(db, callerScope(request), { orgCode: '620881100', period: '2020Q2',
 *   indicator: 'hypertension.control_rate', set: 'gap' });
 */
export async function exportIndicatorPeople(
  db: Db,
  callerScope: OrgScope,
  query: Pick<PeopleQuery, 'orgCode' | 'period' | 'indicator' | 'set'>,
): Promise<{ readonly org: OrgLineage; readonly orgName: string; readonly people: ExportedPerson[] }> {
  const { root, rootName, scope, periodEnd, ids } = await selectPeople(db, callerScope, query);
  if (ids.length > MAX_EXPORT_ROWS)
    throw new IndicatorQueryError('org', {
      zh: `名单有 ${ids.length} 人，超过导出上限 ${MAX_EXPORT_ROWS}；请选择下级单位导出`,
      en: `the list holds ${ids.length} people, more than an export's ${MAX_EXPORT_ROWS}; export a unit below`,
    });
  const people: ExportedPerson[] = [];
  for (const part of chunks(ids, KEYS_PER_LOOKUP))
    for (const p of await loadPeople(db.kysely, scope, part))
      people.push({
        recordNo: p.record_no,
        name: p.name,
        sex: p.sex,
        age: ageInYears(p.birth_date, periodEnd),
        idNumber: p.id_number,
        phone: p.phone,
        orgCode: p.org_code,
        orgName: p.org_name,
      });
  return { org: root, orgName: rootName, people };
}
