/**
 * The contract indicators of every org in a scope for one period: the contract terms of
 * each resident at the period end (pure, src/domain/contracts/contract-terms.ts), counted
 * per village and added to each village's ancestors; sums of numerators over sums of
 * denominators (ADR 0018).
 */
import type { Db } from '../../db/database.js';
import {
  contractIndicatorValues,
  type ContractIndicatorValue,
} from '../../domain/contracts/contract-indicators.js';
import { contractTermsAt, type ContractTerm } from '../../domain/contracts/contract-terms.js';
import type { Period } from '../../domain/periods/period.js';
import { scopeOfOrg, type OrgScope } from '../orgs/org-scope.js';
import { loadContractHistories, loadOrgTree } from './contract-indicators-repository.js';

/** The contract indicators of one org. */
export interface OrgContractValues {
  readonly orgCode: string;
  readonly orgName: string;
  readonly level: number;
  /** The org above it; null for a root of the tree. */
  readonly parentCode: string | null;
  readonly values: readonly ContractIndicatorValue[];
}

/**
 * Every org of `scope` (ordered by code) with its contract indicators for `period`.
 *
 * @example await contractIndicatorsFor(db, subtreeScope(county), parsePeriod('2020H1'))
 */
export async function contractIndicatorsFor(
  db: Db,
  scope: OrgScope,
  period: Period,
): Promise<OrgContractValues[]> {
  const tree = await loadOrgTree(db.kysely, scope, period.year);
  const histories = await loadContractHistories(db.kysely, scope, period.ytdStart, period.end);
  const counts = new Map<string, Map<ContractTerm, number>>();
  const population = new Map<string, number>();
  const ancestorsOf = new Map(tree.map((o) => [o.code, o.ancestors]));
  const add = (org: string, term: ContractTerm): void => {
    let m = counts.get(org);
    if (m === undefined) counts.set(org, (m = new Map()));
    m.set(term, (m.get(term) ?? 0) + 1);
  };
  for (const h of histories) {
    const terms = contractTermsAt(h, period.ytdStart, period.end);
    if (terms.size === 0) continue;
    const orgs = [h.orgCode, ...(ancestorsOf.get(h.orgCode) ?? [])];
    for (const term of terms) for (const org of orgs) add(org, term);
  }
  for (const o of tree)
    if (o.level === 5)
      for (const org of [o.code, ...o.ancestors])
        population.set(org, (population.get(org) ?? 0) + o.population);
  return tree.map((o) => ({
    orgCode: o.code,
    orgName: o.name,
    level: o.level,
    parentCode: o.ancestors.at(-1) ?? null,
    values: contractIndicatorValues(counts.get(o.code) ?? new Map(), population.get(o.code) ?? 0),
  }));
}

/** The contract indicators of an org and its children. */
export interface OrgContractIndicators {
  readonly period: Period;
  readonly org: { readonly code: string; readonly countyCode: string | null };
  /** The org first, then its children (in the caller's scope) by code. */
  readonly rows: readonly OrgContractValues[];
}

/**
 * The contract indicators of `orgCode` and of its children for `period`, within the
 * caller's scope: 403 for an org beside it, 404 for an unknown org (naming `field`). The
 * whole subtree is read (a parent is the sum of its villages); only the org and its
 * children are answered, as the indicator table shows them.
 *
 * @example await contractIndicatorsOfOrg(db, caller.scope, '620881', parsePeriod('2020H1'))
 */
export async function contractIndicatorsOfOrg(
  db: Db,
  callerScope: OrgScope,
  orgCode: string,
  period: Period,
  field = 'org',
): Promise<OrgContractIndicators> {
  const { org, scope } = await scopeOfOrg(db.kysely, callerScope, orgCode, { field });
  const all = await contractIndicatorsFor(db, scope, period);
  const self = all.find((o) => o.orgCode === org.code);
  const children = all.filter((o) => o.parentCode === org.code);
  return {
    period,
    org: { code: org.code, countyCode: org.countyCode },
    rows: self === undefined ? children : [self, ...children],
  };
}
