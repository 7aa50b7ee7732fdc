import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { maskHolds, storedMaskOf } from '../../domain/indicators/term-masks.js';
import { subtreeScope, WHOLE_TREE, type OrgScope } from '../orgs/org-scope.js';
import type { MembershipRow } from '../../domain/indicators/fact-changes.js';
import { FIXTURE_ORGS, insertOtherOrgs, OTHER_ORGS } from '../records/records.fixture.js';
import { insertMemberships } from './facts-repository.js';
import { insertOrgTree } from './indicators.fixture.js';
import { membersInSet, membershipsInScope, type MemberSet } from './values-repository.js';

/** Two counties, three townships, four villages: two of one township, one each of the others. */
const VILLAGES = [
  { county: FIXTURE_ORGS.county, village: FIXTURE_ORGS.village },
  { county: FIXTURE_ORGS.county, village: FIXTURE_ORGS.otherVillage },
  { county: FIXTURE_ORGS.county, village: OTHER_ORGS.village },
  { county: OTHER_ORGS.county, village: OTHER_ORGS.countyVillage },
];

/**
 * Terms whose names hide in each other (`x.a` ends `y.x.a`, `x.a_more` begins with `x.a`):
 * only the whole name between '|' and '=' may match.
 */
const TERMS = ['x.a', 'y.x.a', 'x.a_more', 'x.b', 'x.c'];

/** A deterministic stream of numbers in [0, 1) (mulberry32). */
function randomStream(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Members with random 36-bit masks (above 2³¹ too), some terms absent, over two years. */
function randomMembers(count: number): MembershipRow[] {
  const random = randomStream(2020);
  const rows: MembershipRow[] = [];
  for (let residentId = 1; residentId <= count; residentId++) {
    const { county, village } = VILLAGES[Math.floor(random() * VILLAGES.length)]!;
    for (const year of [2019, 2020]) {
      const held = TERMS.filter(() => random() < 0.7);
      if (held.length === 0) continue;
      // Dense and sparse masks: an empty one, every slot, or random bits.
      const mask = (): number => {
        const r = random();
        if (r < 0.1) return 0;
        if (r < 0.2) return 2 ** 36 - 1;
        return Math.floor(random() * 2 ** 18) * 2 ** 18 + Math.floor(random() * 2 ** 18);
      };
      const terms = `|${held
        .sort()
        .map((t) => `${t}=${mask()}`)
        .join('|')}|`;
      rows.push({ residentId, year, countyCode: county, orgCode: village, terms });
    }
  }
  return rows;
}

/** The set as JavaScript reads it from the stored text: the reference. */
async function expectedMembers(
  h: Parameters<typeof membershipsInScope>[0],
  scope: OrgScope,
  year: number,
  members: MemberSet,
): Promise<number[]> {
  const holds = (terms: string, term: string): boolean => maskHolds(storedMaskOf(terms, term), members.slot);
  const inNumerator = (terms: string): boolean =>
    holds(terms, members.numerator) && !(members.minus !== undefined && holds(terms, members.minus));
  const scanned = members.set === 'numerator' ? members.numerator : members.denominator;
  return (await membershipsInScope(h, scope, year, scanned))
    .filter((row) =>
      members.set === 'numerator'
        ? inNumerator(row.terms)
        : holds(row.terms, members.denominator) && !inNumerator(row.terms),
    )
    .map((row) => row.resident_id);
}

const SCOPES: readonly [string, OrgScope][] = [
  ['whole tree', WHOLE_TREE],
  ['county', subtreeScope({ code: FIXTURE_ORGS.county, level: 3, countyCode: FIXTURE_ORGS.county })],
  ['township', subtreeScope({ code: FIXTURE_ORGS.township, level: 4, countyCode: FIXTURE_ORGS.county })],
  ['village', subtreeScope({ code: FIXTURE_ORGS.otherVillage, level: 5, countyCode: FIXTURE_ORGS.county })],
];

const SETS: readonly MemberSet[] = [
  { set: 'numerator', numerator: 'x.a', slot: 0 },
  { set: 'numerator', numerator: 'x.a', minus: 'x.a_more', slot: 17 },
  { set: 'numerator', numerator: 'y.x.a', minus: 'x.a', slot: 31 },
  { set: 'gap', numerator: 'x.b', denominator: 'x.a', slot: 35 },
  { set: 'gap', numerator: 'x.b', minus: 'x.c', denominator: 'x.a', slot: 32 },
  { set: 'gap', numerator: 'x.absent', denominator: 'x.c', slot: 9 },
];

describeEachDialect('drill-down member sets tested in the query', (t) => {
  it('selects the members the stored text names, page by page, in every scope, slot and set', async () => {
    // The orgs a township's scope is found by.
    await insertOrgTree(t.db.kysely);
    await insertOtherOrgs(t.db.kysely);
    await insertMemberships(t.db.kysely, randomMembers(600));
    let nonEmpty = 0;
    for (const [name, scope] of SCOPES)
      for (const members of SETS) {
        const expected = await expectedMembers(t.db.kysely, scope, 2020, members);
        if (expected.length > 0) nonEmpty += 1;
        const all = await membersInSet(t.db.kysely, t.db.dialect, scope, 2020, members);
        expect([name, members, all]).toEqual([name, members, { total: expected.length, ids: expected }]);
        for (const [offset, limit] of [
          [0, 7],
          [7, 7],
          [expected.length - 3, 50],
          [expected.length + 10, 50],
        ] as const) {
          const page = await membersInSet(t.db.kysely, t.db.dialect, scope, 2020, members, {
            offset: Math.max(offset, 0),
            limit,
          });
          expect([name, members, offset, page]).toEqual([
            name,
            members,
            offset,
            { total: expected.length, ids: expected.slice(Math.max(offset, 0), Math.max(offset, 0) + limit) },
          ]);
        }
      }
    // The data gives lists to compare, not only empty ones.
    expect(nonEmpty).toBeGreaterThan(SCOPES.length * SETS.length - 4);
  });
});
