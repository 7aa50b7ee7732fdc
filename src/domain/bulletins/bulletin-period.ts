/**
 * Periods as a bulletin names them, and the periods a recurring schedule generates.
 *
 * Period syntax is the indicator engine's: '2020', '2020H1', '2020Q2', '2020-06',
 * '2020-06-1' (first 旬 of June: days 1–10; -2: 11–20; -3: 21 to month end).
 */
import { parsePeriod, type Period } from '../periods/period.js';
import { quarterName } from './chinese-format.js';

/** How often a schedule generates a bulletin. */
export type ScheduleEvery = 'quarter' | 'month' | 'xun';

/** The schedule frequencies, for validation. */
export const SCHEDULE_EVERY: readonly ScheduleEvery[] = ['quarter', 'month', 'xun'];

/** A parsed period with what a bulletin says about it. */
export interface BulletinPeriod extends Period {
  /** Name with the year: '2020年第二季度', '2020年上半年', '2020年6月上旬'. */
  readonly label: string;
  /** Name without the year, for "至第二季度": '第二季度', '上半年', '6月上旬', '全年'. */
  readonly shortLabel: string;
}

const XUN_NAMES = ['上旬', '中旬', '下旬'] as const;

/**
 * Parses a period code (the indicator engine's syntax) and names it the way documents do;
 * throws `PeriodError` naming the code when it is not a period.
 *
 * @example parseBulletinPeriod('2020Q2').label // '2020年第二季度'
 * @example parseBulletinPeriod('2020-06-1').shortLabel // '6月上旬'
 */
export function parseBulletinPeriod(code: string): BulletinPeriod {
  const period = parsePeriod(code);
  const month = Number(period.end.slice(5, 7));
  let shortLabel: string;
  switch (period.kind) {
    case 'year':
      shortLabel = '全年';
      break;
    case 'half':
      shortLabel = month === 6 ? '上半年' : '下半年';
      break;
    case 'quarter':
      shortLabel = quarterName(month / 3);
      break;
    case 'month':
      shortLabel = `${month}月`;
      break;
    case 'dekad':
      shortLabel = `${month}月${XUN_NAMES[period.endSlot % 3]}`;
      break;
  }
  const label = period.kind === 'year' ? `${period.year}年` : `${period.year}年${shortLabel}`;
  return { ...period, label, shortLabel };
}

/**
 * The bulletin title for an org and period, after the model:
 * 平凉市2020年第二季度基本公卫服务项目工作进度情况的通报.
 */
export function bulletinTitle(orgName: string, period: BulletinPeriod): string {
  return bulletinTitleLines(orgName, period).join('');
}

/** Characters of 二号 type on one line of the A4 type area (156 mm at 22 pt ≈ 20). */
export const TITLE_LINE_CHARACTERS = 20;

/** Width of a text in full-width characters: digits and Latin letters count half. */
function printedWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return width;
}

/**
 * The title as printed lines, broken at phrase boundaries only (GB/T 9704 7.3.3: 回行时词意完整):
 * the phrases — the org, the period, 基本公卫服务项目, 工作进度情况的通报 — fill each line up
 * to {@link TITLE_LINE_CHARACTERS}, never split.
 *
 * @example bulletinTitleLines('平凉市', period2020H1) // ['平凉市2020年上半年基本公卫服务项目', '工作进度情况的通报']
 */
export function bulletinTitleLines(orgName: string, period: BulletinPeriod): string[] {
  const phrases = [orgName, period.label, '基本公卫服务项目', '工作进度情况的通报'];
  const lines: string[] = [];
  let line = '';
  for (const phrase of phrases) {
    if (line !== '' && printedWidth(line + phrase) > TITLE_LINE_CHARACTERS) {
      lines.push(line);
      line = '';
    }
    line += phrase;
  }
  lines.push(line);
  return lines;
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The period of kind `every` that contains the ISO date `day`. */
export function periodContaining(every: ScheduleEvery, day: string): BulletinPeriod {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  if (every === 'quarter') return parseBulletinPeriod(`${y}Q${Math.ceil(mo / 3)}`);
  const month = `${y}-${String(mo).padStart(2, '0')}`;
  if (every === 'month') return parseBulletinPeriod(month);
  return parseBulletinPeriod(`${month}-${d <= 10 ? 1 : d <= 20 ? 2 : 3}`);
}

/**
 * The most recent period of kind `every` that has ended before `today` — the one a
 * schedule running on `today` reports on.
 *
 * @example latestCompletedPeriod('quarter', '2020-07-01').text // '2020Q2'
 * @example latestCompletedPeriod('xun', '2020-06-21').text // '2020-06-2'
 */
export function latestCompletedPeriod(every: ScheduleEvery, today: string): BulletinPeriod {
  const current = periodContaining(every, today);
  return periodContaining(every, addDays(current.start, -1));
}

/**
 * The first day after the period containing `today` ends: when a schedule that just ran
 * (or was created) on `today` runs next.
 *
 * @example nextRunDate('quarter', '2020-05-12') // '2020-07-01'
 * @example nextRunDate('xun', '2020-02-25') // '2020-03-01'
 */
export function nextRunDate(every: ScheduleEvery, today: string): string {
  return addDays(periodContaining(every, today).end, 1);
}

/** Chinese name of a schedule frequency, for listings: 每季度 / 每月 / 每旬. */
export function scheduleEveryName(every: ScheduleEvery): { zh: string; en: string } {
  switch (every) {
    case 'quarter':
      return { zh: '每季度', en: 'every quarter' };
    case 'month':
      return { zh: '每月', en: 'every month' };
    case 'xun':
      return { zh: '每旬', en: 'every ten days (旬)' };
  }
}
