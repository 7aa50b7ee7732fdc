import { describe, expect, it } from 'vitest';
import { computeProgress } from './progress.js';

const milestones = [
  { due: '2020-04', cumulative: 384 },
  { due: '2020-05', cumulative: 672 },
  { due: '2020-06', cumulative: 960 },
  { due: '2020', cumulative: 1920 },
];

describe('computeProgress', () => {
  const targets = [
    { org: 'b', orgName: '乙', indicator: 'elderly.management_rate', target: 1920, milestones },
    { org: 'a', orgName: '甲', indicator: 'elderly.management_rate', target: 1920, milestones },
    { org: 'c', orgName: '丙', indicator: 'elderly.management_rate', target: 1920, milestones },
    {
      org: 'a',
      orgName: '甲',
      indicator: 'diabetes.management_rate',
      target: 58,
      milestones: [{ due: '2020', cumulative: 58 }],
    },
  ];
  const achieved = [
    { org: 'a', indicator: 'elderly.management_rate', achieved: 480 },
    { org: 'b', indicator: 'elderly.management_rate', achieved: 1000 },
    { org: 'a', indicator: 'diabetes.management_rate', achieved: 20 },
  ];

  it('takes the milestone due by the period end and ranks children by completion', () => {
    expect(computeProgress(targets, achieved, '2020-06-30')).toEqual([
      {
        org: 'a',
        orgName: '甲',
        indicator: 'diabetes.management_rate',
        target: 58,
        milestone: 0,
        achieved: 20,
        gap: 0,
        completion: null,
      },
      {
        org: 'b',
        orgName: '乙',
        indicator: 'elderly.management_rate',
        target: 1920,
        milestone: 960,
        achieved: 1000,
        gap: 0,
        completion: 1000 / 960,
      },
      {
        org: 'a',
        orgName: '甲',
        indicator: 'elderly.management_rate',
        target: 1920,
        milestone: 960,
        achieved: 480,
        gap: 480,
        completion: 0.5,
      },
      {
        org: 'c',
        orgName: '丙',
        indicator: 'elderly.management_rate',
        target: 1920,
        milestone: 960,
        achieved: 0,
        gap: 960,
        completion: 0,
      },
    ]);
  });
  it('uses the earlier milestone in the middle of a month and the annual target at year end', () => {
    const rows = computeProgress(targets.slice(1, 2), achieved, '2020-05-20');
    expect(rows[0]).toMatchObject({ milestone: 384, gap: 0, completion: 1.25 });
    expect(computeProgress(targets.slice(1, 2), achieved, '2020-12-31')[0]).toMatchObject({
      milestone: 1920,
      gap: 1440,
      completion: 0.25,
    });
  });
});
