import { describe, expect, it } from 'vitest';
import { progressStatus, rankProgress } from './progress-ranking';

const line = (org: string, milestone: number, achieved: number): Parameters<typeof progressStatus>[0] => ({
  org,
  indicator: 'elderly.management_rate',
  milestone,
  achieved,
  completion: milestone > 0 ? achieved / milestone : null,
});

describe('progress ranking', () => {
  it('marks lagging below the milestone, on track at or above it, and nothing due', () => {
    expect(progressStatus(line('a', 100, 99))).toBe('lagging');
    expect(progressStatus(line('a', 100, 100))).toBe('onTrack');
    expect(progressStatus(line('a', 0, 5))).toBe('notDue');
  });

  it('ranks by completion, ties share a rank, nothing due comes last unranked', () => {
    const ranked = rankProgress([line('c', 0, 1), line('a', 100, 50), line('b', 10, 9), line('d', 200, 100)]);
    expect(ranked.map((r) => [r.org, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['d', 2],
      ['c', null],
    ]);
  });
});
