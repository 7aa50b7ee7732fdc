/**
 * A unit's funds position (allocated, disbursed, balance, days since allocation) and its flags:
 * late (迟拨: the advance not fully paid on within the grace days) and idle (经费沉淀: a balance
 * above a share of the allocation still unspent after a date). The Pingliang bulletin of 2020Q2
 * asks counties to pay funds on in time and to end idle balances (seed 002, 二(四)).
 */
import { shareOf } from './money.js';

/** The flag parameters. */
export interface IdleRule {
  /** After this date (exclusive, YYYY-MM-DD) a balance above the threshold is idle. */
  readonly idleAfter: string;
  /** Threshold as a share of the allocation, basis points (3000 = 30 %). */
  readonly thresholdBp: number;
  /** Days after the allocation by which the advance should be paid on. */
  readonly lateAfterDays: number;
}

/** A unit's position on a date. */
export interface FundsPosition {
  readonly allocatedFen: number;
  readonly disbursedFen: number;
  readonly balanceFen: number;
  readonly daysSinceAllocation: number;
  /** The threshold the balance is compared with (fen). */
  readonly thresholdFen: number;
  readonly late: boolean;
  readonly idle: boolean;
}

/** Whole days from `from` to `to` (ISO dates; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  const b = Date.parse(`${to.slice(0, 10)}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/**
 * The position of a unit on `asOf`. Idle: `asOf` is after `idleAfter` and the balance is
 * strictly above the threshold. Late: more than `lateAfterDays` days have passed since the
 * allocation and less than the advance has been disbursed.
 *
 * @example
 * fundsPosition({ allocatedFen: 100000, advanceFen: 70000, disbursedFen: 50000, allocatedOn: '2020-06-01', asOf: '2020-10-01' },
 *   { idleAfter: '2020-09-30', thresholdBp: 3000, lateAfterDays: 30 })
 * // → balance 50000 > 30000 after 9-30: idle; 50000 < advance after 122 days: late
 */
export function fundsPosition(
  unit: {
    readonly allocatedFen: number;
    readonly advanceFen: number;
    readonly disbursedFen: number;
    readonly allocatedOn: string;
    readonly asOf: string;
  },
  rule: IdleRule,
): FundsPosition {
  const balanceFen = unit.allocatedFen - unit.disbursedFen;
  const days = daysBetween(unit.allocatedOn, unit.asOf);
  const thresholdFen = shareOf(unit.allocatedFen, rule.thresholdBp);
  return {
    allocatedFen: unit.allocatedFen,
    disbursedFen: unit.disbursedFen,
    balanceFen,
    daysSinceAllocation: days,
    thresholdFen,
    late: days > rule.lateAfterDays && unit.disbursedFen < unit.advanceFen,
    idle: unit.asOf.slice(0, 10) > rule.idleAfter && balanceFen > thresholdFen,
  };
}
