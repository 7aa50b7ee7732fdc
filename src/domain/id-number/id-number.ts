/**
 * Citizen identity numbers (公民身份号码, GB 11643-1999): normalisation, the check
 * character, birth date, sex and address code. Pure: "today" and the division names are
 * parameters. See docs/decisions/0004-id-number-rules.md.
 */

/**
 * Stable error codes (part of the CLI and REST output; never renamed):
 * - EMPTY: nothing left after removing spaces;
 * - LENGTH: not 18 characters (or 15 for a legacy number);
 * - CHARS: a character other than digits (and a final X on 18-character numbers);
 * - DATE: the birth date is not a real date, is before 1880-01-01, or after today;
 * - CHECKSUM: the 18th character is not the check character of the first 17;
 * - REGION: the address code's province is unknown (or, with the 'county' policy, the
 *   exact county is unknown).
 */
export type IdErrorCode = 'EMPTY' | 'LENGTH' | 'CHARS' | 'DATE' | 'CHECKSUM' | 'REGION';

/** How far the address code was recognised: by county, city, province only, or not at all. */
export type RegionMatch = 'county' | 'city' | 'province' | 'none';

/** The result of checking one ID number. */
export interface IdCheck {
  /** The input exactly as given. */
  input: string;
  /** True when there is no error. */
  valid: boolean;
  /**
   * The input with full-width digits and X, lower-case x and every space removed; for a
   * 15-digit number of digits only, its 18-digit form (19 inserted before the year, check
   * character computed). Empty for EMPTY.
   */
  normalized: string;
  /** True when the input was a 15-digit (first-generation) number. */
  legacy: boolean;
  /** ISO birth date, null when it cannot be read or is not a real date. */
  birthDate: string | null;
  sex: 'M' | 'F' | null;
  /** First 6 digits (address code of first registration), null when not 6 digits. */
  regionCode: string | null;
  /** Province, city and county names joined (e.g. 甘肃省平凉市华亭市), as far as known. */
  regionName: string | null;
  /** How far the address code was recognised. */
  regionMatch: RegionMatch;
  errors: IdErrorCode[];
}

/** Names of 6-digit division codes: province 'xx0000', city 'xxxx00', county. Null when unknown. */
export interface RegionLookup {
  name(code: string): string | null;
}

/**
 * How an unknown address code is judged. 'province' (default): only an unknown province
 * is an error, because address codes of abolished or renamed counties stay in valid
 * numbers for life. 'county': the exact county must be in the lookup.
 */
export type RegionPolicy = 'province' | 'county';

/** Options of `checkIdNumber`. */
export interface IdCheckOptions {
  /** ISO date; a birth date after it is a DATE error. Without it the future is not checked. */
  today?: string;
  regionPolicy?: RegionPolicy;
}

/** Weights of the 17 body digits (GB 11643: 2^(17-i) mod 11). */
export const ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

const CHECK_CHARS = '10X98765432';

/** Earliest birth date accepted. */
export const EARLIEST_BIRTH_DATE = '1880-01-01';

/**
 * Province-level address codes of GB/T 2260 and the residence permits of Hong Kong,
 * Macao and Taiwan residents (81, 82, 83), with names. Used without a lookup, and for
 * 71/81/82/83, which the division package does not carry.
 */
export const PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
  '83': '台湾居民',
};

// Placeholder names of a prefecture level that is not a city; left out of `regionName`.
const PLACEHOLDER_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/**
 * The check character of a 17-digit body: Σ digit × weight mod 11 mapped onto
 * "10X98765432".
 *
 * @example
 * idCheckChar('11010519491231002') // → 'X'
 */
export function idCheckChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new RangeError('the body of an ID number is 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(body17.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * The 18-digit form of a first-generation 15-digit ID number (19 inserted before the
 * two-digit year, the check character computed): the same person's old and new numbers
 * then compare equal. Any other value is returned unchanged.
 *
 * @example
 * idNumberAs18('620881550101001') // → '62088119550101001' + check character
 * idNumberAs18('620881195501010011') // unchanged
 */
export function idNumberAs18(value: string): string {
  if (!/^\d{15}$/.test(value)) return value;
  const body17 = `${value.slice(0, 6)}19${value.slice(6)}`;
  return body17 + idCheckChar(body17);
}

/**
 * Removes what data entry adds without changing the number: every space (ASCII, tab,
 * no-break, full-width U+3000, zero-width), full-width digits and X (０-９, Ｘ, ｘ), and a
 * lower-case x. Nothing else is changed, so a real typo stays visible.
 *
 * @example
 * normalizeIdInput(' ６２０８８１\u3000199001011234x ') // → '620881199001011234X'
 */
export function normalizeIdInput(input: string): string {
  let out = '';
  for (const ch of input) {
    const code = ch.codePointAt(0)!;
    if (/\s/.test(ch) || code === 0x200b || code === 0x200c || code === 0x200d || code === 0xfeff) continue;
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else if (ch === 'x' || ch === 'Ｘ' || ch === 'ｘ') out += 'X';
    else out += ch;
  }
  return out;
}

/** True when `iso` (YYYY-MM-DD) names a day of the Gregorian calendar. */
function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/**
 * Checks an ID number (GB 11643). Normalises the input first (`normalizeIdInput`), then
 * checks length and characters, the birth date (a real date from 1880-01-01 up to
 * `options.today`), the check character (18 digits), and the address code (province
 * always, against `PROVINCES` or the lookup; names from the lookup). Every applicable
 * error is reported; `birthDate`, `sex` and `regionCode` are filled whenever they can be
 * read, even when the number is invalid, so that audits can compare them with the record.
 *
 * @example
 * checkIdNumber('11010519491231002X').valid // → true
 * checkIdNumber('110105491231002').normalized // → '11010519491231002X'
 */
export function checkIdNumber(input: string, regions?: RegionLookup, options: IdCheckOptions = {}): IdCheck {
  const cleaned = normalizeIdInput(input ?? '');
  const result: IdCheck = {
    input,
    valid: false,
    normalized: cleaned,
    legacy: false,
    birthDate: null,
    sex: null,
    regionCode: null,
    regionName: null,
    regionMatch: 'none',
    errors: [],
  };
  if (cleaned.length === 0) {
    result.errors.push('EMPTY');
    return result;
  }
  const isLegacy = cleaned.length === 15;
  if (cleaned.length !== 18 && !isLegacy) result.errors.push('LENGTH');
  // X is the check character: only ever the last of an 18-character number.
  if (!(isLegacy ? /^\d+$/ : /^\d*X?$/).test(cleaned)) result.errors.push('CHARS');
  if (/^\d{6}/.test(cleaned)) result.regionCode = cleaned.slice(0, 6);
  if (result.errors.length > 0) {
    checkRegion(result, regions, options.regionPolicy ?? 'province', false);
    return result;
  }

  result.legacy = isLegacy;
  const body17 = isLegacy ? `${cleaned.slice(0, 6)}19${cleaned.slice(6, 15)}` : cleaned.slice(0, 17);
  if (isLegacy) result.normalized = body17 + idCheckChar(body17);

  const year = Number(body17.slice(6, 10));
  const month = Number(body17.slice(10, 12));
  const day = Number(body17.slice(12, 14));
  const iso = `${body17.slice(6, 10)}-${body17.slice(10, 12)}-${body17.slice(12, 14)}`;
  if (
    !isRealDate(year, month, day) ||
    iso < EARLIEST_BIRTH_DATE ||
    (options.today !== undefined && iso > options.today)
  ) {
    result.errors.push('DATE');
  } else {
    result.birthDate = iso;
  }
  result.sex = Number(body17[16]) % 2 === 1 ? 'M' : 'F';

  if (!isLegacy && idCheckChar(body17) !== cleaned[17]) result.errors.push('CHECKSUM');
  checkRegion(result, regions, options.regionPolicy ?? 'province', true);
  result.valid = result.errors.length === 0;
  return result;
}

function checkRegion(
  result: IdCheck,
  regions: RegionLookup | undefined,
  policy: RegionPolicy,
  report: boolean,
): void {
  const code = result.regionCode;
  if (code === null) return;
  const provinceCode = `${code.slice(0, 2)}0000`;
  const cityCode = `${code.slice(0, 4)}00`;
  const provinceName = regions?.name(provinceCode) ?? PROVINCES[code.slice(0, 2)] ?? null;
  if (provinceName === null) {
    if (report) result.errors.push('REGION');
    return;
  }
  const cityName = code === provinceCode ? null : (regions?.name(cityCode) ?? null);
  const countyName = code === provinceCode || code === cityCode ? null : (regions?.name(code) ?? null);
  const exact = code === provinceCode || (code === cityCode ? cityName !== null : countyName !== null);
  result.regionMatch = countyName !== null ? 'county' : cityName !== null ? 'city' : 'province';
  const parts = [provinceName, cityName, countyName].filter(
    (name, i, all): name is string =>
      name !== null && !PLACEHOLDER_NAMES.has(name) && all.indexOf(name) === i,
  );
  result.regionName = parts.join('');
  if (report && policy === 'county' && regions !== undefined && !exact) result.errors.push('REGION');
}

/** A field where the ID number and the resident record disagree. */
export interface IdRecordDisagreement {
  field: 'birthDate' | 'sex';
  /** What the ID number says. */
  fromId: string;
  /** What the record says. */
  fromRecord: string;
}

/**
 * Where a checked ID number disagrees with the birth date and sex of the record it is on
 * (for the audits). Only fields known on both sides are compared; an invalid number still
 * contributes what could be read from it.
 *
 * @example
 * idMatchesRecord(checkIdNumber('11010519491231002X'), { birthDate: '1949-12-31', sex: 'M' })
 * // → [{ field: 'sex', fromId: 'F', fromRecord: 'M' }]
 */
export function idMatchesRecord(
  check: Pick<IdCheck, 'birthDate' | 'sex'>,
  record: { birthDate: string | null; sex: string | null },
): IdRecordDisagreement[] {
  const out: IdRecordDisagreement[] = [];
  if (check.birthDate !== null && record.birthDate && check.birthDate !== record.birthDate) {
    out.push({ field: 'birthDate', fromId: check.birthDate, fromRecord: record.birthDate });
  }
  if (check.sex !== null && record.sex && check.sex !== record.sex) {
    out.push({ field: 'sex', fromId: check.sex, fromRecord: record.sex });
  }
  return out;
}

/**
 * Masks an ID number for echoing (REST answers, messages): the 6-digit address code and the
 * last character stay, everything between becomes '*'. Short inputs are masked whole.
 *
 * @example
 * maskIdNumber('11010519491231002X') // → '110105***********X'
 */
export function maskIdNumber(value: string): string {
  const chars = [...value];
  if (chars.length < 10) return '*'.repeat(chars.length);
  return chars.slice(0, 6).join('') + '*'.repeat(chars.length - 7) + chars[chars.length - 1];
}
