/**
 * A small world for the funding tests: 平凉市 with two counties, three townships and five
 * villages whose 2020 populations are known, so that every amount can be checked by hand.
 */
import type { Db } from '../../db/database.js';

/** Village populations: township → villages. */
export const FUNDING_WORLD = {
  city: '620800',
  counties: { '620802': '崆峒区', '620821': '泾川县' },
  townships: {
    '620802100': { name: '崆峒镇', county: '620802', villages: [1001, 2000] },
    '620802101': { name: '白水镇', county: '620802', villages: [3333] },
    '620821100': { name: '城关镇', county: '620821', villages: [1234, 4321] },
  },
} as const;

/** Writes the world's orgs and 2020 populations. */
export async function insertFundingWorld(db: Db): Promise<void> {
  const w = FUNDING_WORLD;
  const rows: {
    code: string;
    name: string;
    level: 1 | 2 | 3 | 4 | 5;
    parent_code: string | null;
    province_code: string;
    city_code: string | null;
    county_code: string | null;
    township_code: string | null;
    urban_rural: string | null;
    responsible_institution: null;
    responsible_person: null;
    contact_phone: null;
  }[] = [];
  const base = {
    province_code: '620000',
    responsible_institution: null,
    responsible_person: null,
    contact_phone: null,
  };
  rows.push({
    ...base,
    code: '620000',
    name: '甘肃省',
    level: 1,
    parent_code: null,
    city_code: null,
    county_code: null,
    township_code: null,
    urban_rural: null,
  });
  rows.push({
    ...base,
    code: w.city,
    name: '平凉市',
    level: 2,
    parent_code: '620000',
    city_code: w.city,
    county_code: null,
    township_code: null,
    urban_rural: null,
  });
  for (const [code, name] of Object.entries(w.counties)) {
    rows.push({
      ...base,
      code,
      name,
      level: 3,
      parent_code: w.city,
      city_code: w.city,
      county_code: code,
      township_code: null,
      urban_rural: null,
    });
  }
  const population: { org_code: string; year: number; total: number }[] = [];
  for (const [code, t] of Object.entries(w.townships)) {
    rows.push({
      ...base,
      code,
      name: t.name,
      level: 4,
      parent_code: t.county,
      city_code: w.city,
      county_code: t.county,
      township_code: code,
      urban_rural: null,
    });
    t.villages.forEach((total, i) => {
      const v = `${code}${String(201 + i)}`;
      rows.push({
        ...base,
        code: v,
        name: `${t.name}${i + 1}村`,
        level: 5,
        parent_code: code,
        city_code: w.city,
        county_code: t.county,
        township_code: code,
        urban_rural: 'rural',
      });
      population.push({ org_code: v, year: 2020, total });
    });
  }
  await db.kysely.insertInto('orgs').values(rows).execute();
  await db.kysely.insertInto('org_population').values(population).execute();
}
