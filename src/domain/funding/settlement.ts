/**
 * Final settlement by the assessment score (按绩效考核结果清算): the part not paid in advance is
 * paid in proportion to the unit's converted score (折算得分) out of full marks. A unit scoring
 * 85 of 100 gets 85 % of its settlement base; the rest is withheld (扣减).
 */
import { GongweiError } from '../gongwei-error.js';

/** A unit's settlement, with its inputs. */
export interface Settlement {
  readonly amountFen: number;
  readonly advanceFen: number;
  readonly settlementBaseFen: number;
  /** null when the unit has no score yet: the settlement waits. */
  readonly scoreCenti: number | null;
  readonly maxCenti: number;
  /** settlementBase × score ÷ max, rounded half up to a fen; null without a score. */
  readonly settledFen: number | null;
  /** settlementBase − settled. */
  readonly withheldFen: number | null;
  /** advance + settled: what the unit receives in the year. */
  readonly finalFen: number | null;
}

/**
 * Settles one unit. Scores above full marks are refused; a score of 0 withholds the whole base.
 *
 * @example
 * settle({ amountFen: 100000, advanceFen: 70000, scoreCenti: 8500, maxCenti: 10000 })
 * // → settledFen 25500, withheldFen 4500, finalFen 95500
 */
export function settle(input: {
  readonly amountFen: number;
  readonly advanceFen: number;
  readonly scoreCenti: number | null;
  readonly maxCenti: number;
}): Settlement {
  const base = input.amountFen - input.advanceFen;
  const { scoreCenti, maxCenti } = input;
  if (!Number.isSafeInteger(maxCenti) || maxCenti <= 0) {
    throw GongweiError.badRequest({ zh: '满分应为正数', en: 'full marks must be positive' }, 'maxCenti');
  }
  if (scoreCenti === null) {
    return { ...input, settlementBaseFen: base, settledFen: null, withheldFen: null, finalFen: null };
  }
  if (!Number.isSafeInteger(scoreCenti) || scoreCenti < 0 || scoreCenti > maxCenti) {
    throw GongweiError.badRequest(
      { zh: '考核得分应在0到满分之间', en: 'the score must lie between 0 and full marks' },
      'scoreCenti',
    );
  }
  const n = BigInt(base) * BigInt(scoreCenti);
  const d = BigInt(maxCenti);
  const settled = Number((2n * n + d) / (2n * d));
  return {
    ...input,
    settlementBaseFen: base,
    settledFen: settled,
    withheldFen: base - settled,
    finalFen: input.advanceFen + settled,
  };
}
