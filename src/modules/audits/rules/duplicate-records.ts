/**
 * Rule `duplicate_records` (重复档案): records of the same person, linked by any duplicate
 * key, form one duplicate set — one finding, weighing its extra copies — that can be merged.
 */
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { SqlDialect } from '../../../db/database.js';
import { PERSON_KEY_FIELDS, residentPersonKey } from '../../../db/migrations/022-resident-person-keys.js';
import { residentIdOdd } from '../../../db/migrations/026-resident-audit-indexes.js';
import { chunks, KEYS_PER_LOOKUP } from '../../../db/statement-chunks.js';
import { findingSubject, type DraftFinding } from '../../../domain/audits/classify.js';
import { buildDuplicateSets, type KeyMatch } from '../../../domain/audits/duplicate-sets.js';
import { DUPLICATE_KEY_FIELDS, type DuplicateKeyField } from '../../../domain/audits/vocabulary.js';
import { idNumberAs18 } from '../../../domain/id-number/id-number.js';
import { rowsInScope, type OrgScope } from '../../orgs/org-scope.js';
import type { Handle } from '../audit-tables.js';
import { judgedRule } from './audit-rule.js';
import { activeAt } from './candidate-repository.js';

const parameters = z.object({
  keys: z
    .array(z.array(z.enum(DUPLICATE_KEY_FIELDS)).min(1).max(7))
    .min(1)
    .max(5)
    .default([['id_number'], ['county_code', 'name', 'birth_date', 'sex']])
    .describe(
      '每个键是一组字段，所有字段都相同的档案互为重复 / each key is a list of columns; records equal on every column of one key are duplicates',
    ),
});

/** A resident in a group of records equal on one duplicate key. */
export interface DuplicateCandidate {
  residentId: number;
  groupKey: string;
  recordNo: string;
  orgCode: string;
  countyCode: string;
}

/**
 * The SQL value of a duplicate key: the columns joined by '|', the ID number trimmed and
 * upper-cased (the normalisation of the indicator engine's `idKey`), null when any column
 * is missing or blank.
 */
export function duplicateKeyExpression(fields: readonly DuplicateKeyField[]): RawBuilder<string | null> {
  const parts = fields.map((f) =>
    f === 'id_number'
      ? sql`nullif(upper(trim(r.id_number)), '')`
      : sql`nullif(trim(cast(${sql.ref(`r.${f}`)} as text)), '')`,
  );
  return sql<string | null>`(${sql.join(parts, sql` || '|' || `)})`;
}

const RESIDENT_IN_SCOPE = (scope: OrgScope): RawBuilder<unknown> =>
  sql`case when ${rowsInScope(scope, { county: 'r.county_code', org: 'r.org_code' })} then 1 else 0 end`;

/**
 * Residents equal to another active resident on the key, in groups with at least one member
 * in scope, ordered by group (each group's rows together). The key values themselves are
 * personal data: they are only used to group and never leave this function's caller. The
 * key of migration 022 is grouped from its index ({@link selectPersonKeyCandidates}).
 */
export async function selectDuplicateCandidates(
  h: Handle,
  dialect: SqlDialect,
  fields: readonly DuplicateKeyField[],
  scope: OrgScope,
  asOf: string,
): Promise<DuplicateCandidate[]> {
  if (fields.length === PERSON_KEY_FIELDS.length && fields.every((f, i) => f === PERSON_KEY_FIELDS[i]))
    return selectPersonKeyCandidates(h, dialect, scope, asOf);
  return selectDuplicateCandidatesByScan(h, fields, scope, asOf);
}

/**
 * {@link selectDuplicateCandidates} keying every active resident and grouping them all: for
 * keys without an index, and the reference the index is tested against.
 */
export function selectDuplicateCandidatesByScan(
  h: Handle,
  fields: readonly DuplicateKeyField[],
  scope: OrgScope,
  asOf: string,
): Promise<DuplicateCandidate[]> {
  return groupedCandidates(h, duplicateKeyExpression(fields), null, scope, asOf);
}

/**
 * The members of the groups of `key` among active residents (meeting `among`, if given), in
 * groups of two or more with a member in scope, ordered by key and id.
 */
async function groupedCandidates(
  h: Handle,
  key: RawBuilder<string | null>,
  among: RawBuilder<unknown> | null,
  scope: OrgScope,
  asOf: string,
): Promise<DuplicateCandidate[]> {
  const result = await sql<{
    id: number;
    k: string;
    record_no: string;
    org_code: string;
    county_code: string;
  }>`
    with k as (
      select r.id, r.record_no, r.org_code, r.county_code, ${key} as k, ${RESIDENT_IN_SCOPE(scope)} as in_scope
      from residents r
      where ${among === null ? sql`` : sql`${among} and `}${activeAt(asOf, 'r')}
    ), g as (
      select k from k where k is not null group by k having count(*) > 1 and max(in_scope) = 1
    )
    select k.id, k.k, k.record_no, k.org_code, k.county_code from k join g on g.k = k.k
    order by k.k, k.id`.execute(h);
  return result.rows.map((r) => ({
    residentId: Number(r.id),
    groupKey: r.k,
    recordNo: r.record_no,
    orgCode: r.org_code,
    countyCode: r.county_code,
  }));
}

/**
 * {@link selectDuplicateCandidates} for the key of name, birth date and sex within a county,
 * through the index of migration 022: the keys held by more than one resident (dead, moved
 * out or in scope or not) come from grouping the index in its order, reading nothing else;
 * a group among active residents is a subset of one of those, so only their members are then
 * read and grouped as the general query does.
 */
async function selectPersonKeyCandidates(
  h: Handle,
  dialect: SqlDialect,
  scope: OrgScope,
  asOf: string,
): Promise<DuplicateCandidate[]> {
  const key = residentPersonKey('r');
  const repeated = await sql<{ k: string }>`
    select ${key} as k from ${dialect.tableThroughIndex('residents', 'r', 'residents_person_key')}
    where ${key} is not null
    group by ${key} having count(*) > 1`.execute(h);
  const out: DuplicateCandidate[] = [];
  for (const part of chunks(
    repeated.rows.map((r) => r.k),
    KEYS_PER_LOOKUP,
  ))
    out.push(...(await groupedCandidates(h, key, sql`${key} in (${sql.join(part)})`, scope, asOf)));
  return out;
}

/** The ID key of `upper(trim(id_number))` computed as SQL does it (trim removes spaces only). */
function sqlIdKey(value: string): string {
  return value.replace(/^ +| +$/g, '').toUpperCase();
}

/** The key records are grouped by: the SQL key, a 15-digit number in its 18-digit form. */
function personIdKey(value: string): string {
  return idNumberAs18(sqlIdKey(value));
}

/**
 * Residents sharing a normalised ID number with another active resident, in groups with a
 * member in scope — the same answer as `selectDuplicateCandidates(['id_number'])`, found
 * through the index on `id_number` instead of sorting every record by an expression: equal
 * stored values come from a grouped index scan, and the rare values that are not in normal
 * form (spaces, lower-case x) are read and normalised here.
 */
export async function selectIdDuplicateCandidates(
  h: Handle,
  dialect: SqlDialect,
  scope: OrgScope,
  asOf: string,
): Promise<DuplicateCandidate[]> {
  const repeated = await sql<{ id_number: string }>`
    select id_number from residents where id_number is not null
    group by id_number having count(*) > 1`.execute(h);
  // Numbers not in normal form, and first-generation 15-digit ones (rare; each is looked up
  // in its 18-digit form too, so the same person recorded once with each is one duplicate
  // set): the rows of a partial index (migration 026), not a scan of every number.
  const odd = await sql<{ id_number: string }>`
    select distinct r.id_number from ${dialect.tableThroughIndex('residents', 'r', 'residents_id_odd')}
    where ${residentIdOdd('r')}`.execute(h);
  const values = new Set<string>();
  for (const r of [...repeated.rows, ...odd.rows]) {
    values.add(r.id_number);
    values.add(sqlIdKey(r.id_number));
    values.add(personIdKey(r.id_number));
  }
  const list = [...values].filter((v) => sqlIdKey(v) !== '');
  const rows: {
    id: number;
    id_number: string;
    record_no: string;
    org_code: string;
    county_code: string;
    in_scope: number;
  }[] = [];
  for (const part of chunks(list, KEYS_PER_LOOKUP)) {
    const chunk = await sql<(typeof rows)[number]>`
      select r.id, r.id_number, r.record_no, r.org_code, r.county_code, ${RESIDENT_IN_SCOPE(scope)} as in_scope
      from residents r
      where r.id_number in (${sql.join(part)}) and ${activeAt(asOf, 'r')}`.execute(h);
    rows.push(...chunk.rows);
  }
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = personIdKey(r.id_number);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    if (!g.some((m) => Number(m.id) === Number(r.id))) g.push(r);
  }
  const out: DuplicateCandidate[] = [];
  for (const [key, g] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (g.length < 2 || !g.some((m) => Number(m.in_scope) === 1)) continue;
    for (const m of g.sort((a, b) => Number(a.id) - Number(b.id)))
      out.push({
        residentId: Number(m.id),
        groupKey: key,
        recordNo: m.record_no,
        orgCode: m.org_code,
        countyCode: m.county_code,
      });
  }
  return out;
}

/** The groups of every key, in the order of the keys: each a list of candidates ordered by group. */
export type DuplicateGroups = readonly (readonly DuplicateCandidate[])[];

/**
 * Joins the groups of every key into duplicate sets: one finding per set, named by its
 * smallest resident id (the name survives new members joining), counted under the org of
 * that record, weighing the extra copies (n − 1).
 */
export function judgeDuplicates(
  groupsByKey: DuplicateGroups,
  keys: readonly (readonly DuplicateKeyField[])[],
): DraftFinding[] {
  const matches: KeyMatch[] = [];
  const facts = new Map<number, DuplicateCandidate>();
  groupsByKey.forEach((rows, k) => {
    let group: number[] = [];
    let last: string | null = null;
    for (const r of rows) {
      facts.set(r.residentId, r);
      if (r.groupKey !== last) {
        if (group.length > 1) matches.push({ key: k, residentIds: group });
        group = [];
        last = r.groupKey;
      }
      group.push(r.residentId);
    }
    if (group.length > 1) matches.push({ key: k, residentIds: group });
  });
  return buildDuplicateSets(matches).map((set) => {
    const first = facts.get(set.residentIds[0]!)!;
    return {
      severity: 'error',
      subject: findingSubject.duplicateSet(set.residentIds[0]!),
      orgCode: first.orgCode,
      countyCode: first.countyCode,
      residentId: set.residentIds[0]!,
      serviceId: null,
      subjectDate: null,
      weight: set.residentIds.length - 1,
      evidence: {
        residentIds: set.residentIds,
        recordNos: set.residentIds.map((id) => facts.get(id)!.recordNo),
        orgCodes: set.residentIds.map((id) => facts.get(id)!.orgCode),
        keys: set.keys.map((k) => keys[k]!.join('+')),
      },
    };
  });
}

/** Rule `duplicate_records`. */
export const duplicateRecords = judgedRule({
  id: 'duplicate_records',
  name: { zh: '重复档案', en: 'Duplicate records' },
  description: {
    zh: '身份证号相同（15位旧号与其18位新号视为相同），或同一县内姓名、出生日期、性别相同的居民健康档案，归为一组重复档案；可合并。',
    en: 'Health records with the same ID number (a 15-digit first-generation number equals its 18-digit form), or the same name, birth date and sex within a county, grouped into a duplicate set that can be merged.',
  },
  severities: { error: { zh: '重复档案', en: 'duplicate set' } },
  subject: 'duplicate_set',
  parameters,
  /** Sets with at least one member in scope are found, matched against the whole database. */
  async candidates(h, { scope, window, dialect }, p) {
    const groups: DuplicateCandidate[][] = [];
    for (const fields of p.keys)
      groups.push(
        fields.length === 1 && fields[0] === 'id_number'
          ? await selectIdDuplicateCandidates(h, dialect, scope, window.asOf)
          : await selectDuplicateCandidates(h, dialect, fields, scope, window.asOf),
      );
    return groups;
  },
  judge: (groups, p) => judgeDuplicates(groups, p.keys),
});
