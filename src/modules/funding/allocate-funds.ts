/**
 * Use case: allocate a year's funds for an org (a city or county) down to its health centres,
 * by the year's per-capita standard and the villages' populations, and store the allocation
 * with every parameter it used.
 */
import { isIsoDate } from '../../domain/records/iso-date.js';
import type { Db } from '../../db/database.js';
import { allocate, type Allocation } from '../../domain/funding/allocation.js';
import {
  checkShares,
  DEFAULT_SHARES,
  standardOf,
  type GovernmentShares,
} from '../../domain/funding/standards.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { orgWithinScope } from '../bulletins/bulletin-scope.js';
import { WHOLE_TREE, type OrgScope } from '../orgs/org-scope.js';
import { findAllocation, insertAllocation, listUnitPopulations } from './funding-repository.js';

/** What a caller asks for; every parameter but org and year has a default. */
export interface AllocationRequest {
  readonly orgCode: string;
  readonly year: number;
  /** Default: the first day of the year's second half (when 2020's notice reached counties). */
  readonly allocatedOn?: string;
  /** Default 4000 (40 %, the villages' share of tasks). */
  readonly villageShareBp?: number;
  /** Default 7000 (70 % in advance, 30 % by score). */
  readonly advanceShareBp?: number;
  readonly shares?: GovernmentShares;
  /** Default: 30 September of the year. */
  readonly idleAfter?: string;
  /** Default 3000 (a balance above 30 % of the allocation). */
  readonly idleThresholdBp?: number;
  /** Default 30 days. */
  readonly lateAfterDays?: number;
}

/** The stored allocation's id and what was computed. */
export interface AllocationResult {
  readonly id: number;
  readonly allocation: Allocation;
}

/**
 * Allocates and stores; an org with an allocation for the year already is a 409 (an allocation
 * once paid against is not silently recomputed).
 *
 * @example
 * await allocateFunds(db, WHOLE_TREE, { orgCode: '620800', year: 2020 }, { by: 'admin', at: now });
 */
export async function allocateFunds(
  db: Db,
  callerScope: OrgScope,
  request: AllocationRequest,
  who: { by: string; at: string },
): Promise<AllocationResult> {
  const standard = standardOf(request.year);
  const shares = request.shares ?? DEFAULT_SHARES;
  checkShares(shares);
  const allocatedOn = request.allocatedOn ?? `${request.year}-07-01`;
  const idleAfter = request.idleAfter ?? `${request.year}-09-30`;
  for (const [field, v] of [
    ['allocatedOn', allocatedOn],
    ['idleAfter', idleAfter],
  ] as const) {
    if (!isIsoDate(v)) {
      throw GongweiError.badRequest({ zh: '日期格式应为YYYY-MM-DD', en: 'a date must be YYYY-MM-DD' }, field);
    }
  }
  const lateAfterDays = request.lateAfterDays ?? 30;
  if (!Number.isSafeInteger(lateAfterDays) || lateAfterDays < 0) {
    throw GongweiError.badRequest(
      { zh: '天数应为非负整数', en: 'days must be a non-negative integer' },
      'lateAfterDays',
    );
  }
  const idleThresholdBp = request.idleThresholdBp ?? 3000;
  if (!Number.isSafeInteger(idleThresholdBp) || idleThresholdBp < 0 || idleThresholdBp > 10000) {
    throw GongweiError.badRequest(
      { zh: '比例应为0到10000万分比', en: 'basis points 0 to 10000' },
      'idleThresholdBp',
    );
  }
  const org = await orgWithinScope(db, callerScope, request.orgCode, 'org');
  if (!org) {
    throw GongweiError.notFound(
      { zh: `机构 ${request.orgCode} 不在机构树中`, en: `org '${request.orgCode}' is not in the org tree` },
      'org',
    );
  }
  if (org.level > 3) {
    throw GongweiError.badRequest(
      { zh: '经费分配从县级或以上机构开始', en: 'funds are allocated from a county or above' },
      'org',
    );
  }
  const units = await listUnitPopulations(db, callerScope, org, request.year);
  const allocation = allocate(
    {
      year: request.year,
      perCapitaFen: standard.perCapitaFen,
      earmarkFen: standard.earmarkFen,
      villageShareBp: request.villageShareBp ?? 4000,
      advanceShareBp: request.advanceShareBp ?? 7000,
      countyShareBp: shares.countyBp,
    },
    units,
  );
  const id = await db.kysely.transaction().execute(async (trx) => {
    if (await findAllocation(trx, WHOLE_TREE, org.code, request.year)) {
      throw GongweiError.conflict(
        {
          zh: `${org.code}已有${request.year}年经费分配`,
          en: `${org.code} already has an allocation for ${request.year}`,
        },
        'year',
      );
    }
    return insertAllocation(trx, {
      orgCode: org.code,
      countyCode: org.countyCode,
      year: request.year,
      perCapitaFen: standard.perCapitaFen,
      earmarkFen: standard.earmarkFen,
      villageShareBp: allocation.parameters.villageShareBp,
      advanceShareBp: allocation.parameters.advanceShareBp,
      countyShareBp: shares.countyBp,
      population: allocation.population,
      totalFen: allocation.totalFen,
      allocatedOn,
      idleAfter,
      idleThresholdBp,
      lateAfterDays,
      source: standard.source.zh,
      createdBy: who.by,
      createdAt: who.at,
      units: allocation.units.map((u) => ({
        unitCode: u.code,
        countyCode: u.countyCode,
        unitName: u.name,
        population: u.population,
        amountFen: u.amountFen,
        earmarkFen: u.earmarkFen,
        villageFen: u.villageFen,
        advanceFen: u.advanceFen,
      })),
    });
  });
  return { id, allocation };
}
