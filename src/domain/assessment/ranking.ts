/**
 * Ranking of assessed units and comparison with the previous assessment: pure.
 */

/** What ranking needs of a unit's result. */
export interface Rankable {
  readonly code: string;
  readonly convertedCenti: number;
  readonly totalCenti: number;
}

/**
 * Ranks by converted score, highest first; equal converted scores share a rank and the
 * next rank skips (1, 2, 2, 4). Ties are listed by code.
 *
 * @example
 * rankUnits([{ code: 'a', convertedCenti: 9000, totalCenti: 9000 }, { code: 'b', convertedCenti: 9100, totalCenti: 9100 }])
 * // → [{ code: 'b', rank: 1 }, { code: 'a', rank: 2 }]
 */
export function rankUnits<T extends Rankable>(units: readonly T[]): Array<T & { rank: number }> {
  const sorted = [...units].sort(
    (a, b) => b.convertedCenti - a.convertedCenti || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  let rank = 0;
  return sorted.map((u, i) => {
    if (i === 0 || sorted[i - 1]!.convertedCenti !== u.convertedCenti) rank = i + 1;
    return { ...u, rank };
  });
}

/** A unit compared with its previous assessment. */
export interface Comparison {
  readonly code: string;
  readonly convertedCenti: number;
  readonly rank: number;
  readonly previousCenti: number | null;
  readonly previousRank: number | null;
  /** converted − previous, centipoints; null when the unit was not assessed before. */
  readonly changeCenti: number | null;
  /** previous rank − rank: positive means the unit moved up. */
  readonly rankChange: number | null;
}

/**
 * The change of each current unit since the previous run (units not in it: null changes).
 *
 * @example
 * compareRuns([{ code: 'a', convertedCenti: 9000, rank: 1 }], [{ code: 'a', convertedCenti: 8500, rank: 2 }])
 * // → [{ code: 'a', changeCenti: 500, rankChange: 1, … }]
 */
export function compareRuns(
  current: ReadonlyArray<{ code: string; convertedCenti: number; rank: number }>,
  previous: ReadonlyArray<{ code: string; convertedCenti: number; rank: number }>,
): Comparison[] {
  const before = new Map(previous.map((p) => [p.code, p]));
  return current.map((c) => {
    const p = before.get(c.code);
    return {
      code: c.code,
      convertedCenti: c.convertedCenti,
      rank: c.rank,
      previousCenti: p?.convertedCenti ?? null,
      previousRank: p?.rank ?? null,
      changeCenti: p ? c.convertedCenti - p.convertedCenti : null,
      rankChange: p ? p.rank - c.rank : null,
    };
  });
}
