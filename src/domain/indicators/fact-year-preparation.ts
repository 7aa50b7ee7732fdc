/**
 * When the server prepares a year's indicator facts in the background (docs/decisions/
 * 0021-year-rollover.md): a year is maintained once facts exist for every resident, and
 * computing them for a whole city takes minutes, so the next year is prepared in December,
 * in short batches, before the first service of 1 January needs it.
 */

/** Month and day (MM-DD) from which the next year is prepared. */
export const NEXT_YEAR_PREPARED_FROM = '12-01';

/**
 * The years to start preparing on `today` (YYYY-MM-DD), given the years already maintained
 * (`complete`) and those being prepared: the next year from {@link NEXT_YEAR_PREPARED_FROM}
 * when this year is known, and this year itself when only last year is (the server was down
 * in December). Nothing for a database without facts: its first write decides its years, and
 * a demo of a past year is not carried forward to today.
 *
 * @example
 * yearsToStartPreparing('2026-12-01', [2026], []) // → [2027]
 * yearsToStartPreparing('2027-01-02', [2026], []) // → [2027] (down in December)
 * yearsToStartPreparing('2026-11-30', [2026], []) // → []
 */
export function yearsToStartPreparing(
  today: string,
  complete: readonly number[],
  preparing: readonly number[],
): number[] {
  const known = new Set([...complete, ...preparing]);
  const year = Number(today.slice(0, 4));
  const start: number[] = [];
  if (!known.has(year) && known.has(year - 1)) {
    start.push(year);
    known.add(year);
  }
  if (today.slice(5) >= NEXT_YEAR_PREPARED_FROM && known.has(year) && !known.has(year + 1))
    start.push(year + 1);
  return start;
}
