import type { paths } from '../../api/schema';

/** The funds status of an allocation, as GET /api/funds/status answers. */
export type FundsStatus = paths['/api/funds/status']['get']['responses'][200]['content']['application/json'];
/** One unit's line of the status. */
export type UnitStatus = FundsStatus['units'][number];
/** An allocation as listed by GET /api/funds/allocations. */
export type AllocationSummary =
  paths['/api/funds/allocations']['get']['responses'][200]['content']['application/json'][number];
/** A recorded payment, as GET /api/funds/disbursements lists it. */
export type DisbursementRecord =
  paths['/api/funds/disbursements']['get']['responses'][200]['content']['application/json'][number];

/** The query key of everything funds, so a payment or an allocation refreshes the tables. */
export const FUNDING_KEY = 'funds';

/**
 * Fen as yuan with two decimals and thousands separators; money is kept in integer fen and
 * only printed as yuan, so no float ever rounds a figure.
 *
 * @example yuan(22207400) // '222,074.00'
 */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * A per-capita standard as the notices write it: whole yuan without decimals.
 *
 * @example perCapita(7400) // '74'
 */
export function perCapita(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : yuan(fen);
}

/**
 * A share in basis points as a percentage without needless decimals.
 *
 * @example percent(3000) // '30%'
 */
export function percent(bp: number): string {
  return `${Number((bp / 100).toFixed(2))}%`;
}

/**
 * The year first shown: the year of the chosen period when an allocation of it exists, else
 * the newest year with an allocation, else the period's year (the page then offers to allocate).
 *
 * @example defaultYear('2020Q2', [2021, 2020]) // 2020
 */
export function defaultYear(period: string, years: readonly number[]): number {
  const own = Number(period.slice(0, 4));
  if (years.includes(own) || years.length === 0) return own;
  return Math.max(...years);
}

/**
 * The allocation that covers `orgCode` in `year`: its own, else the nearest enclosing one
 * (a county's units are allocated by the city). Codes nest: a county 620802 lies in the city
 * 620800 (the city's code without its trailing zeros is a prefix of the county's).
 */
export function coveringAllocation(
  allocations: readonly AllocationSummary[],
  orgCode: string,
  year: number,
): AllocationSummary | null {
  const ofYear = allocations.filter((a) => a.year === year);
  const encloses = (outer: string): boolean => {
    const stem = outer.length === 6 ? outer.replace(/(00)+$/, '') : outer;
    return orgCode.startsWith(stem);
  };
  const candidates = ofYear.filter((a) => a.orgCode === orgCode || encloses(a.orgCode));
  // The narrowest enclosing allocation is the one with the longest significant code.
  const stemLength = (code: string): number => code.replace(/(00)+$/, '').length;
  return [...candidates].sort((a, b) => stemLength(b.orgCode) - stemLength(a.orgCode))[0] ?? null;
}

/**
 * The units of the status that lie under `orgCode` (all of them when it is the allocation's
 * own org): a county shows its townships, a township itself.
 */
export function unitsUnder(status: FundsStatus, orgCode: string): UnitStatus[] {
  if (orgCode === status.allocation.orgCode) return [...status.units];
  return status.units.filter((u) => u.countyCode === orgCode || u.unitCode === orgCode);
}

/** Sums of a list of units, for the 合计 row. */
export function totalsOf(units: readonly UnitStatus[]): {
  population: number;
  amountFen: number;
  earmarkFen: number;
  villageFen: number;
  advanceFen: number;
  disbursedFen: number;
  balanceFen: number;
  settlementBaseFen: number;
  settledFen: number;
  withheldFen: number;
  finalFen: number;
} {
  const sum = (f: (u: UnitStatus) => number | null): number => units.reduce((a, u) => a + (f(u) ?? 0), 0);
  return {
    population: sum((u) => u.population),
    amountFen: sum((u) => u.amountFen),
    earmarkFen: sum((u) => u.earmarkFen),
    villageFen: sum((u) => u.villageFen),
    advanceFen: sum((u) => u.advanceFen),
    disbursedFen: sum((u) => u.disbursedFen),
    balanceFen: sum((u) => u.balanceFen),
    settlementBaseFen: sum((u) => u.settlementBaseFen),
    settledFen: sum((u) => u.settledFen),
    withheldFen: sum((u) => u.withheldFen),
    finalFen: sum((u) => u.finalFen),
  };
}

/** The message key and values saying why a flag is raised, in the words of the rule. */
export interface FlagReason {
  readonly key: 'flag.lateReason' | 'flag.idleReason';
  readonly values: Record<string, string | number>;
}

/**
 * Why a unit is late (advance not paid on within the grace days) and why it is idle (balance
 * above the threshold after the idle date), with the figures that decide it.
 */
export function flagReasons(
  unit: UnitStatus,
  allocation: FundsStatus['allocation'],
): { late: FlagReason | null; idle: FlagReason | null } {
  return {
    late: unit.late
      ? {
          key: 'flag.lateReason',
          values: {
            days: allocation.lateAfterDays,
            advance: yuan(unit.advanceFen),
            paid: yuan(unit.disbursedFen),
          },
        }
      : null,
    idle: unit.idle
      ? {
          key: 'flag.idleReason',
          values: {
            after: allocation.idleAfter,
            balance: yuan(unit.balanceFen),
            threshold: yuan(unit.thresholdFen),
            share: percent(allocation.idleThresholdBp),
          },
        }
      : null,
  };
}
