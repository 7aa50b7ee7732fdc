/**
 * The progress table's order and marks: units ranked by completion against the milestone
 * due (highest first; nothing due last), lagging where achieved is below the milestone.
 */

/** What the ranking reads of a progress line (GET /api/targets/progress). */
export interface ProgressLine {
  readonly org: string;
  readonly indicator: string;
  readonly milestone: number;
  readonly achieved: number;
  readonly completion: number | null;
}

/** The state of a unit against its milestone. */
export type ProgressStatus = 'lagging' | 'onTrack' | 'notDue';

/**
 * Where a unit stands: nothing due, on track (achieved ≥ milestone), or lagging.
 *
 * @example progressStatus({ milestone: 100, achieved: 80, … }) // 'lagging'
 */
export function progressStatus(line: ProgressLine): ProgressStatus {
  if (line.milestone <= 0 || line.completion === null) return 'notDue';
  return line.achieved >= line.milestone ? 'onTrack' : 'lagging';
}

/**
 * The lines of one indicator ranked by completion (ties by org code), with their rank
 * (1-based; equal completions share a rank); lines with nothing due come last, unranked.
 */
export function rankProgress<L extends ProgressLine>(lines: readonly L[]): (L & { rank: number | null })[] {
  const due = lines
    .filter((l) => l.completion !== null)
    .sort((a, b) => (b.completion as number) - (a.completion as number) || (a.org < b.org ? -1 : 1));
  const ranked = due.map((l, i) => ({ ...l, rank: i + 1 }));
  for (let i = 1; i < ranked.length; i += 1) {
    const here = ranked[i] as (typeof ranked)[number];
    const before = ranked[i - 1] as (typeof ranked)[number];
    if (here.completion === before.completion) here.rank = before.rank;
  }
  const rest = lines.filter((l) => l.completion === null).map((l) => ({ ...l, rank: null }));
  return [...ranked, ...rest];
}
