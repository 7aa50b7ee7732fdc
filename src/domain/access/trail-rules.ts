/**
 * Pure rules of the access trail beside its hash chain (trail-chain.ts): the county a row is
 * filed under, the time range of an export or a query, and the retention minimum an archive
 * must respect. docs/access-trail.md explains them for operators.
 */
import { GongweiError } from '../gongwei-error.js';
import { isOrgCode } from '../orgs/division-codes.js';

/**
 * The county a trail row is filed under, read from its org code's digits (no lookup): the
 * first 6 digits of a township (9) or village (12) code, and a 6-digit code itself — a
 * province or city org files its own rows under its own code, as rowsInScope expects of
 * every table carrying `county_code` (src/modules/orgs/org-scope.ts). Null for no org or a
 * malformed one (which the scope predicate then shows to the whole tree only).
 *
 * @example
 * trailCountyOf('620802100201') // '620802'
 * trailCountyOf('620800')       // '620800' (the city's own rows)
 */
export function trailCountyOf(orgCode: string | null | undefined): string | null {
  if (orgCode === null || orgCode === undefined || !isOrgCode(orgCode)) return null;
  return orgCode.slice(0, 6);
}

/** A half-open time range of trail rows: `fromAt <= at < beforeAt`, ISO UTC strings. */
export interface TrailTimeRange {
  readonly fromAt: string | null;
  readonly beforeAt: string | null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The instant a date or timestamp names, as the trail stores it (`toISOString`): a date
 * `YYYY-MM-DD` is that day's start in the server's time zone (a bureau's machine runs on
 * China time; the trail stores UTC), `endOfDay` takes the next day's start instead (an
 * inclusive `--to`); a timestamp must carry its zone (`Z` or `+08:00`).
 *
 * @param field the option or query field, named by the error when the text is neither
 * @example
 * trailInstant('2026-06-01T08:00:00+08:00', 'from') // '2026-06-01T00:00:00.000Z'
 */
export function trailInstant(text: string, field: string, endOfDay = false): string {
  const day = DATE.exec(text);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const date = new Date(y, m - 1, d + (endOfDay ? 1 : 0));
    const start = new Date(y, m - 1, d);
    if (start.getFullYear() !== y || start.getMonth() !== m - 1 || start.getDate() !== d)
      throw notATime(text, field);
    return date.toISOString();
  }
  if (TIMESTAMP.test(text)) {
    const date = new Date(text);
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  throw notATime(text, field);
}

function notATime(text: string, field: string): GongweiError {
  const shown = text.slice(0, 40);
  return GongweiError.badRequest(
    {
      zh: `不是日期（YYYY-MM-DD）或带时区的时间（2026-06-01T08:00:00+08:00）：${shown}`,
      en: `not a date (YYYY-MM-DD) or a timestamp with its zone (2026-06-01T08:00:00+08:00): ${shown}`,
    },
    field,
  );
}

/**
 * The range of `from` and `to` (both optional, both inclusive: a date `to` takes its whole
 * day); a range ending before it starts is refused, naming `to`.
 *
 * @example
 * trailTimeRange({ from: '2026-06-01', to: '2026-06-30' }, { from: '--from', to: '--to' })
 * // { fromAt: <June 1st, 00:00 local>, beforeAt: <July 1st, 00:00 local> }
 */
export function trailTimeRange(
  request: { readonly from?: string | undefined; readonly to?: string | undefined },
  fields: { readonly from: string; readonly to: string },
): TrailTimeRange {
  const fromAt = request.from === undefined ? null : trailInstant(request.from, fields.from);
  const beforeAt = request.to === undefined ? null : endOf(request.to, fields.to);
  if (fromAt !== null && beforeAt !== null && beforeAt <= fromAt)
    throw GongweiError.badRequest(
      { zh: '结束时间早于开始时间', en: 'the range ends before it starts' },
      fields.to,
    );
  return { fromAt, beforeAt };
}

/** An inclusive end: a date's whole day, a timestamp's own millisecond. */
function endOf(text: string, field: string): string {
  if (DATE.test(text)) return trailInstant(text, field, true);
  return new Date(new Date(trailInstant(text, field)).getTime() + 1).toISOString();
}

/**
 * The least retention, in months, of the access trail: the Cybersecurity Law (网络安全法)
 * Art. 21(3) requires network logs kept no less than six months.
 */
export const MINIMUM_RETENTION_MONTHS = 6;

/**
 * The retention in months an operator configured (`--retention-months` or the environment
 * variable GONGWEI_TRAIL_RETENTION_MONTHS), at least {@link MINIMUM_RETENTION_MONTHS}.
 *
 * @example
 * retentionMonths(undefined, '--retention-months') // 6
 * retentionMonths('24', '--retention-months')      // 24
 */
export function retentionMonths(text: string | undefined, field: string): number {
  if (text === undefined || text.trim() === '') return MINIMUM_RETENTION_MONTHS;
  const months = Number(text);
  if (!Number.isInteger(months) || months < MINIMUM_RETENTION_MONTHS || months > 1200)
    throw GongweiError.badRequest(
      {
        zh: `保留期应为 ${MINIMUM_RETENTION_MONTHS}..1200 个月的整数（网络安全法第二十一条：不少于六个月）：${text.slice(0, 20)}`,
        en: `retention must be a whole number of months, ${MINIMUM_RETENTION_MONTHS}..1200 (Cybersecurity Law Art. 21: at least six): ${text.slice(0, 20)}`,
      },
      field,
    );
  return months;
}

/**
 * The latest instant an archive may end at: `months` calendar months before `now`. Rows
 * younger than that must stay in the database, so `access-log archive --before` refuses a
 * later date (an archive is the first step of removing old rows; docs/access-trail.md).
 *
 * @example
 * retentionCutoff(new Date('2026-09-15T00:00:00Z'), 6) // 2026-03-15T00:00:00.000Z
 */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now.getTime());
  const day = cutoff.getUTCDate();
  cutoff.setUTCDate(1);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  // The 31st of a month six months back that has 30 days is its last day, not the 1st after.
  const last = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate();
  cutoff.setUTCDate(Math.min(day, last));
  return cutoff;
}
