/**
 * Reading the CLI's options into domain values: dates, holiday lists, rates, the actor.
 * Errors name the option.
 */
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { operatorCaller } from '../../domain/access/caller.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { requireDate } from '../../domain/targets/calendar.js';
import type { Actor } from './set-targets.js';

/**
 * A list of dates given inline (`2020-06-25,2020-06-26`) or as a file with one date per
 * line (or separated by commas or spaces); errors name the option and, for a file, the line.
 *
 * @example
 * readDateList('holidays.txt', '--holidays') // → ['2020-06-25', '2020-06-26']
 */
export function readDateList(value: string | undefined, option: string): string[] {
  if (value === undefined || value.trim() === '') return [];
  if (existsSync(value)) {
    const dates: string[] = [];
    readFileSync(value, 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .forEach((line, i) => {
        for (const part of line.split(/[,，\s]+/).filter((p) => p !== '' && !p.startsWith('#'))) {
          dates.push(requireDate(part, option, i + 1));
        }
      });
    return dates;
  }
  return value
    .split(/[,，\s]+/)
    .filter((p) => p !== '')
    .map((p) => requireDate(p, option));
}

/** A rate option: '0.8' or '80%'. */
export function parseRateOption(value: string, option: string): number {
  const text = value.trim();
  const percent = text.endsWith('%');
  const n = Number(percent ? text.slice(0, -1) : text);
  const rate = percent ? Number((n / 100).toPrecision(12)) : n;
  if (!Number.isFinite(rate) || text === '' || rate < 0 || rate > 1) {
    throw GongweiError.badRequest(
      {
        zh: `应为0到1之间的小数或百分数：${value}`,
        en: `a fraction 0..1 or a percentage is expected: ${value}`,
      },
      option,
    );
  }
  return rate;
}

/** A whole-number option within bounds. */
export function parseIntegerOption(value: string, option: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw GongweiError.badRequest(
      {
        zh: `应为${min}至${max}的整数：${value}`,
        en: `an integer from ${min} to ${max} is expected: ${value}`,
      },
      option,
    );
  }
  return n;
}

/** Today's date (UTC) as ISO text: the CLI is where the clock is read. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The actor of a CLI change: the local operator, `operator:<os user>` (as `operatorCaller`
 * names it), at the time of the call. The CLI takes no name for "set by" on the command
 * line: who ran the command is what the history keeps.
 *
 * @example cliActor() // { by: 'operator:zhang', at: '2020-06-20T08:00:00.000Z' }
 */
export function cliActor(): Actor {
  let osUser: string;
  try {
    osUser = userInfo().username;
  } catch {
    // No passwd entry for the uid (a bare container): the uid still says who it was.
    osUser = String(process.getuid?.() ?? 'unknown');
  }
  return { by: operatorCaller(osUser).name, at: new Date().toISOString() };
}
