/**
 * Use case: the funds status of an allocation on a date — per unit allocated, disbursed,
 * balance, days since allocation, late and idle flags (经费沉淀), and the settlement by the
 * unit's latest assessment score in the year. Read-only; confined to the caller's scope.
 */
import type { Db } from '../../db/database.js';
import { fundsPosition } from '../../domain/funding/idle-funds.js';
import { settle } from '../../domain/funding/settlement.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import type { OrgScope } from '../orgs/org-scope.js';
import {
  findAllocation,
  listAllocationUnits,
  listDisbursements,
  listUnitScores,
  type AllocationRow,
} from './funding-repository.js';

/** One unit's line of the status table: every figure with the inputs it came from. */
export interface UnitStatus {
  readonly unitCode: string;
  readonly unitName: string;
  readonly countyCode: string;
  readonly population: number;
  readonly amountFen: number;
  readonly earmarkFen: number;
  readonly villageFen: number;
  readonly advanceFen: number;
  readonly disbursedFen: number;
  readonly balanceFen: number;
  readonly daysSinceAllocation: number;
  readonly thresholdFen: number;
  readonly late: boolean;
  readonly idle: boolean;
  readonly lastPaidOn: string | null;
  /** The score the settlement used: run id and period, converted score out of full marks. */
  readonly score: { runId: number; period: string; centi: number; maxCenti: number } | null;
  readonly settlementBaseFen: number;
  readonly settledFen: number | null;
  readonly withheldFen: number | null;
  readonly finalFen: number | null;
}

/** The status of an allocation on a date. */
export interface FundsStatus {
  readonly allocation: AllocationRow;
  readonly asOf: string;
  readonly units: readonly UnitStatus[];
  /** Sums of the units shown (the caller's part when the scope is narrower than the allocation). */
  readonly totals: {
    readonly population: number;
    readonly amountFen: number;
    readonly disbursedFen: number;
    readonly balanceFen: number;
    readonly settledFen: number;
    readonly idleUnits: number;
    readonly lateUnits: number;
  };
}

/**
 * Reads the status; no allocation of the org for the year in scope is a 404.
 *
 * @example
 * const s = await readFundsStatus(db, scope, { orgCode: '620800', year: 2020, asOf: '2020-10-31' });
 */
export async function readFundsStatus(
  db: Db,
  scope: OrgScope,
  request: { orgCode: string; year: number; asOf: string },
): Promise<FundsStatus> {
  const allocation = await findAllocation(db, scope, request.orgCode, request.year);
  if (!allocation) {
    throw GongweiError.notFound(
      {
        zh: `没有${request.orgCode}的${request.year}年经费分配`,
        en: `no allocation of ${request.orgCode} for ${request.year}`,
      },
      'year',
    );
  }
  const units = await listAllocationUnits(db, scope, allocation.id);
  const paid = await listDisbursements(db, scope, allocation.id, request.asOf);
  const scores = new Map(
    (
      await listUnitScores(
        db,
        scope,
        units.map((u) => u.unitCode),
        request.year,
      )
    ).map((s) => [s.unitCode, s]),
  );
  const byUnit = new Map<string, { sum: number; last: string }>();
  for (const d of paid) {
    const b = byUnit.get(d.unitCode) ?? { sum: 0, last: d.paidOn };
    byUnit.set(d.unitCode, { sum: b.sum + d.amountFen, last: d.paidOn > b.last ? d.paidOn : b.last });
  }
  const rule = {
    idleAfter: allocation.idleAfter,
    thresholdBp: allocation.idleThresholdBp,
    lateAfterDays: allocation.lateAfterDays,
  };
  const lines: UnitStatus[] = units.map((u) => {
    const d = byUnit.get(u.unitCode);
    const position = fundsPosition(
      {
        allocatedFen: u.amountFen,
        advanceFen: u.advanceFen,
        disbursedFen: d?.sum ?? 0,
        allocatedOn: allocation.allocatedOn,
        asOf: request.asOf,
      },
      rule,
    );
    const s = scores.get(u.unitCode);
    const settlement = settle({
      amountFen: u.amountFen,
      advanceFen: u.advanceFen,
      scoreCenti: s ? Math.min(s.convertedCenti, s.maxCenti) : null,
      maxCenti: s?.maxCenti ?? 10000,
    });
    return {
      unitCode: u.unitCode,
      unitName: u.unitName,
      countyCode: u.countyCode,
      population: u.population,
      amountFen: u.amountFen,
      earmarkFen: u.earmarkFen,
      villageFen: u.villageFen,
      advanceFen: u.advanceFen,
      disbursedFen: position.disbursedFen,
      balanceFen: position.balanceFen,
      daysSinceAllocation: position.daysSinceAllocation,
      thresholdFen: position.thresholdFen,
      late: position.late,
      idle: position.idle,
      lastPaidOn: d?.last ?? null,
      score: s ? { runId: s.runId, period: s.period, centi: s.convertedCenti, maxCenti: s.maxCenti } : null,
      settlementBaseFen: settlement.settlementBaseFen,
      settledFen: settlement.settledFen,
      withheldFen: settlement.withheldFen,
      finalFen: settlement.finalFen,
    };
  });
  const sum = (f: (u: UnitStatus) => number): number => lines.reduce((a, u) => a + f(u), 0);
  return {
    allocation,
    asOf: request.asOf,
    units: lines,
    totals: {
      population: sum((u) => u.population),
      amountFen: sum((u) => u.amountFen),
      disbursedFen: sum((u) => u.disbursedFen),
      balanceFen: sum((u) => u.balanceFen),
      settledFen: sum((u) => u.settledFen ?? 0),
      idleUnits: lines.filter((u) => u.idle).length,
      lateUnits: lines.filter((u) => u.late).length,
    },
  };
}
