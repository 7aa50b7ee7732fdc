import { afterEach, expect, it } from 'vitest';
import { intervalFromEnv } from './interval-job.js';

const VARIABLE = 'GONGWEI_TEST_INTERVAL_MS';

afterEach(() => {
  delete process.env[VARIABLE];
});

it('reads the interval from the environment: off, a number of at least a second, else a minute', () => {
  expect(intervalFromEnv(VARIABLE)).toBe(60_000);
  process.env[VARIABLE] = 'off';
  expect(intervalFromEnv(VARIABLE)).toBeNull();
  process.env[VARIABLE] = '2500';
  expect(intervalFromEnv(VARIABLE)).toBe(2500);
  for (const bad of ['999', '0', '-5000', 'soon', '']) {
    process.env[VARIABLE] = bad;
    expect([bad, intervalFromEnv(VARIABLE)]).toEqual([bad, 60_000]);
  }
});

it('falls back to the interval the job gives', () => {
  expect(intervalFromEnv(VARIABLE, 5000)).toBe(5000);
  process.env[VARIABLE] = 'soon';
  expect(intervalFromEnv(VARIABLE, 5000)).toBe(5000);
  process.env[VARIABLE] = '3000';
  expect(intervalFromEnv(VARIABLE, 5000)).toBe(3000);
});
