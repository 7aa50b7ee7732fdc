import type { Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { chunks, KEYS_PER_LOOKUP, rowsPerStatement } from '../../db/statement-chunks.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import {
  validatePopulation,
  type PopulationInput,
  type PopulationIssue,
} from '../../domain/orgs/population.js';
import { ancestorColumn, findOrgLineage, orgsInScope, scopeIncludes, type OrgScope } from './org-scope.js';

/** How many population rows were new and how many replaced a stored row. */
export interface WriteCounts {
  inserted: number;
  updated: number;
}

/** A population row refused by `upsertPopulation`; nothing of the batch was written. */
export interface PopulationRowIssue extends PopulationIssue {
  /** 0-based index of the row in the array given to `upsertPopulation`. */
  row: number;
}

/** A refused population row as an issue of the error: its row, field and reason, and the `zh / en` message. */
export interface PopulationErrorIssue extends PopulationRowIssue {
  readonly message: string;
}

/**
 * Thrown when any row handed to `upsertPopulation` is invalid or names an org outside the
 * writer's scope: 400 `validation`, every problem an issue naming its row and field.
 */
export class InvalidPopulationError extends GongweiError {
  override readonly name = 'InvalidPopulationError';
  declare readonly issues: readonly PopulationErrorIssue[];
  constructor(rowIssues: readonly PopulationRowIssue[]) {
    const first = rowIssues[0];
    const more = rowIssues.length - 1;
    const message = first
      ? `population row ${first.row + 1}, field ${first.field}: ${first.reason.en}` +
        (more > 0 ? ` (and ${more} more)` : '')
      : 'invalid population rows';
    super(
      'validation',
      first
        ? {
            zh: `人口数据第${first.row + 1}行 ${first.field}：${first.reason.zh}${more > 0 ? `（另有${more}处）` : ''}`,
            en: message,
          }
        : { zh: '人口数据无效', en: message },
      {
        issues: rowIssues.map((i) => ({
          ...i,
          message: `第${i.row + 1}行：${i.reason.zh} / row ${i.row + 1}: ${i.reason.en}`,
        })),
        message,
      },
    );
  }
}

const POPULATION_COLUMNS = 9;
const ROWS_PER_STATEMENT = Math.min(KEYS_PER_LOOKUP, rowsPerStatement(POPULATION_COLUMNS));

/**
 * Inserts or updates population rows, matched on (orgCode, year). Every row is validated
 * (`validatePopulation`) and its org must be an org of `scope`; if any row fails, nothing is
 * written and an `InvalidPopulationError` lists every issue by row and field. A key given
 * twice is written in order (the later row wins and counts as an update). The caller owns
 * the transaction.
 *
 * @example
 * await db.kysely.transaction().execute((trx) => upsertPopulation(trx, scope, rows));
 */
export async function upsertPopulation(
  trx: Kysely<Database>,
  scope: OrgScope,
  rows: readonly PopulationInput[],
): Promise<WriteCounts> {
  const issues: PopulationRowIssue[] = [];
  rows.forEach((input, row) => {
    for (const issue of validatePopulation(input)) issues.push({ row, ...issue });
  });
  if (issues.length === 0 && rows.length > 0) {
    const known = new Set<string>();
    for (const part of chunks([...new Set(rows.map((r) => r.orgCode))], KEYS_PER_LOOKUP)) {
      const found = await trx
        .selectFrom('orgs as o')
        .select('o.code')
        .where('o.code', 'in', part)
        .where(orgsInScope(scope, 'o'))
        .execute();
      for (const { code } of found) known.add(code);
    }
    rows.forEach((input, row) => {
      if (!known.has(input.orgCode)) {
        issues.push({
          row,
          field: 'orgCode',
          reason: { zh: '机构不存在，请先导入区划', en: 'unknown org: import the division tree first' },
        });
      }
    });
  }
  if (issues.length > 0) throw new InvalidPopulationError(issues);

  const counts: WriteCounts = { inserted: 0, updated: 0 };
  for (const chunk of chunksWithoutRepeatedKeys(rows)) {
    const existing = await existingKeys(trx, chunk);
    for (const r of chunk) {
      if (existing.has(keyOf(r))) counts.updated += 1;
      else counts.inserted += 1;
    }
    await trx
      .insertInto('org_population')
      .values(
        chunk.map((r) => ({
          org_code: r.orgCode,
          year: r.year,
          total: r.total,
          age_0_6: r.age0to6,
          age_65_plus: r.age65plus,
          age_15_plus: r.age15plus,
          age_18_plus: r.age18plus,
          women_15_49: r.women15to49,
          live_births: r.liveBirths,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['org_code', 'year']).doUpdateSet((eb) => ({
          total: eb.ref('excluded.total'),
          age_0_6: eb.ref('excluded.age_0_6'),
          age_65_plus: eb.ref('excluded.age_65_plus'),
          age_15_plus: eb.ref('excluded.age_15_plus'),
          age_18_plus: eb.ref('excluded.age_18_plus'),
          women_15_49: eb.ref('excluded.women_15_49'),
          live_births: eb.ref('excluded.live_births'),
        })),
      )
      .execute();
  }
  return counts;
}

function keyOf(row: { orgCode: string; year: number }): string {
  return `${row.orgCode}:${row.year}`;
}

/** Splits rows into chunks in which no key repeats (PostgreSQL refuses to upsert a row twice in one statement). */
function* chunksWithoutRepeatedKeys(rows: readonly PopulationInput[]): Generator<PopulationInput[]> {
  let chunk: PopulationInput[] = [];
  let keys = new Set<string>();
  for (const row of rows) {
    const key = keyOf(row);
    if (chunk.length >= ROWS_PER_STATEMENT || keys.has(key)) {
      yield chunk;
      chunk = [];
      keys = new Set();
    }
    chunk.push(row);
    keys.add(key);
  }
  if (chunk.length > 0) yield chunk;
}

async function existingKeys(trx: Kysely<Database>, chunk: readonly PopulationInput[]): Promise<Set<string>> {
  const found = await trx
    .selectFrom('org_population')
    .select(['org_code', 'year'])
    .where('org_code', 'in', [...new Set(chunk.map((r) => r.orgCode))])
    .where('year', 'in', [...new Set(chunk.map((r) => r.year))])
    .execute();
  return new Set(found.map((r) => keyOf({ orgCode: r.org_code, year: r.year })));
}

/** The population of an org for a year, and where the figures came from. */
export interface OrgPopulation extends Omit<PopulationInput, 'orgCode'> {
  orgCode: string;
  /**
   * 'villages': the sum of the village rows of the subtree; 'own': the org's own row
   * (used when none of its villages has a row for the year).
   */
  source: 'villages' | 'own';
  /** Number of village rows summed (0 for 'own'). */
  villages: number;
}

/**
 * Population of an org in a year as `scope` sees it: the sum of the village rows of its
 * subtree within the scope, or the org's own row (when the scope sees the org) when none of
 * those villages has a row for that year. A band is null when any summed village leaves it
 * unknown, because a partial sum would understate the denominator. Returns null when
 * neither exists (or the org is unknown).
 *
 * @example
 * await populationOf(db, scope, '620881', 2020) // → { total: 190000, age65plus: 24000, source: 'villages', ... }
 */
export async function populationOf(
  db: Db,
  scope: OrgScope,
  orgCode: string,
  year: number,
): Promise<OrgPopulation | null> {
  const org = await findOrgLineage(db.kysely, orgCode);
  if (!org) return null;
  const summed = await db.kysely
    .selectFrom('org_population as p')
    .innerJoin('orgs as o', 'o.code', 'p.org_code')
    .where('o.level', '=', 5)
    .where(`o.${ancestorColumn(org.level)}`, '=', orgCode)
    .where(orgsInScope(scope, 'o'))
    .where('p.year', '=', year)
    .select((eb) => [
      eb.fn.countAll<string | number>().as('n'),
      eb.fn.sum<string | number | null>('p.total').as('total'),
      eb.fn.sum<string | number | null>('p.age_0_6').as('age0to6'),
      eb.fn.count<string | number>('p.age_0_6').as('age0to6N'),
      eb.fn.sum<string | number | null>('p.age_65_plus').as('age65plus'),
      eb.fn.count<string | number>('p.age_65_plus').as('age65plusN'),
      eb.fn.sum<string | number | null>('p.age_15_plus').as('age15plus'),
      eb.fn.count<string | number>('p.age_15_plus').as('age15plusN'),
      eb.fn.sum<string | number | null>('p.age_18_plus').as('age18plus'),
      eb.fn.count<string | number>('p.age_18_plus').as('age18plusN'),
      eb.fn.sum<string | number | null>('p.women_15_49').as('women15to49'),
      eb.fn.count<string | number>('p.women_15_49').as('women15to49N'),
      eb.fn.sum<string | number | null>('p.live_births').as('liveBirths'),
      eb.fn.count<string | number>('p.live_births').as('liveBirthsN'),
    ])
    .executeTakeFirstOrThrow();
  const n = Number(summed.n);
  if (n > 0) {
    // PostgreSQL returns sum(integer) as bigint text; SQLite as a number.
    const band = (sum: string | number | null, count: string | number): number | null =>
      Number(count) === n && sum !== null ? Number(sum) : null;
    return {
      orgCode,
      year,
      total: Number(summed.total),
      age0to6: band(summed.age0to6, summed.age0to6N),
      age65plus: band(summed.age65plus, summed.age65plusN),
      age15plus: band(summed.age15plus, summed.age15plusN),
      age18plus: band(summed.age18plus, summed.age18plusN),
      women15to49: band(summed.women15to49, summed.women15to49N),
      liveBirths: band(summed.liveBirths, summed.liveBirthsN),
      source: 'villages',
      villages: n,
    };
  }
  if (!scopeIncludes(scope, org)) return null;
  const own = await db.kysely
    .selectFrom('org_population')
    .selectAll()
    .where('org_code', '=', orgCode)
    .where('year', '=', year)
    .executeTakeFirst();
  if (!own) return null;
  return {
    orgCode,
    year,
    total: own.total,
    age0to6: own.age_0_6,
    age65plus: own.age_65_plus,
    age15plus: own.age_15_plus,
    age18plus: own.age_18_plus,
    women15to49: own.women_15_49,
    liveBirths: own.live_births,
    source: 'own',
    villages: 0,
  };
}
