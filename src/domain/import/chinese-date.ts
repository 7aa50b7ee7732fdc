import { toHalfWidth } from '../records/full-width.js';
import { isoDateOf } from '../records/iso-date.js';

/** A date cell as read from a file, turned into ISO text or refused. */
export type ParsedDate = { ok: true; value: string } | { ok: false };

// Year, month, day separated by -, /, . or 年/月/日, optionally followed by a time of day
// (exports often write "2020/6/30 0:00:00"), which is dropped.
const SEPARATED =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{1,5}(?:\.\d+)?$/;

/** Day 0 of Excel's 1900 date system, as a UTC timestamp (1899-12-30, which absorbs Excel's fake 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serial numbers of Excel's 1900 date system up to 2100-12-31. */
const LAST_SERIAL = 73_415;

/**
 * The ISO date of an Excel serial date number (1900 date system, the one Chinese exports use).
 * Excel counts 1900-02-29, which did not exist, so serials from 61 on are one day late against
 * a plain count from 1899-12-31; counting from 1899-12-30 is right for every serial after 60,
 * and serials 1–60 (January and February 1900) are refused rather than guessed.
 *
 * @example excelSerialToIso(43982) // '2020-05-31'
 */
export function excelSerialToIso(serial: number): string | null {
  const day = Math.floor(serial);
  if (!Number.isFinite(serial) || day <= 60 || day > LAST_SERIAL) return null;
  const date = new Date(EXCEL_EPOCH_MS + day * DAY_MS);
  return isoDateOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * Reads a date the way Chinese health systems and Excel write it: 2020-06-30, 2020/6/30,
 * 2020.6.30, 2020年6月30日, 20200630, with or without a time of day, full-width digits,
 * stray spaces, or an Excel serial date number (as a number cell or as text). Dates that do
 * not exist (2020-02-30) or fall outside 1900–2100 are refused.
 *
 * @example parseChineseDate('2020年6月30日') // { ok: true, value: '2020-06-30' }
 * @example parseChineseDate(44012) // { ok: true, value: '2020-06-30' }
 */
export function parseChineseDate(raw: string | number): ParsedDate {
  if (typeof raw === 'number') {
    const iso = excelSerialToIso(raw);
    return iso === null ? { ok: false } : { ok: true, value: iso };
  }
  const text = toHalfWidth(raw).trim();
  let m = SEPARATED.exec(text);
  if (m === null) m = COMPACT.exec(text);
  if (m !== null) {
    const iso = isoDateOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso === null ? { ok: false } : { ok: true, value: iso };
  }
  if (SERIAL.test(text)) return parseChineseDate(Number(text));
  return { ok: false };
}
