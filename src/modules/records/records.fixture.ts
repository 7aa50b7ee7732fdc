import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ResidentInput } from '../../domain/records/inputs.js';

/**
 * A small piece of the real division tree (Jingchuan county 620881 is used throughout the
 * tests): one county, one township and two villages, written straight into `orgs` so that
 * records tests do not depend on the division import.
 */
export const FIXTURE_ORGS = {
  county: '620881',
  township: '620881100',
  village: '620881100201',
  otherVillage: '620881100202',
} as const;

/** Inserts the fixture orgs (idempotent). */
export async function insertFixtureOrgs(db: Kysely<Database>): Promise<void> {
  const base = { province_code: '620000', city_code: '620800', county_code: '620881' };
  const rows = [
    {
      code: '620881',
      name: '泾川县',
      level: 3 as const,
      parent_code: '620800',
      ...base,
      township_code: null,
    },
    {
      code: '620881100',
      name: '城关镇',
      level: 4 as const,
      parent_code: '620881',
      ...base,
      township_code: '620881100',
    },
    {
      code: '620881100201',
      name: '一村',
      level: 5 as const,
      parent_code: '620881100',
      ...base,
      township_code: '620881100',
    },
    {
      code: '620881100202',
      name: '二村',
      level: 5 as const,
      parent_code: '620881100',
      ...base,
      township_code: '620881100',
    },
  ];
  await db
    .insertInto('orgs')
    .values(
      rows.map((r) => ({
        ...r,
        urban_rural: 'rural',
        responsible_institution: null,
        responsible_person: null,
        contact_phone: null,
      })),
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/**
 * A valid resident of the fixture village with sequence number `seq`.
 *
 * @example fixtureResident(1).recordNo // '62088110020100001'
 */
export function fixtureResident(seq: number, overrides: Partial<ResidentInput> = {}): ResidentInput {
  return {
    recordNo: `${FIXTURE_ORGS.village}${String(seq).padStart(5, '0')}`,
    idNumber: '620881195501010011',
    name: `居民${seq}`,
    sex: seq % 2 === 0 ? 'F' : 'M',
    birthDate: '1955-01-01',
    ethnicity: '汉族',
    orgCode: FIXTURE_ORGS.village,
    phone: '13809331234',
    contactName: null,
    contactPhone: null,
    electronic: true,
    recordCreated: '2018-03-15',
    recordUpdated: null,
    deathDate: null,
    movedOutDate: null,
    ...overrides,
  };
}

/**
 * A valid elderly check-up payload (the shape the service writers accept): blood pressure on
 * both arms, the usual measurements, the laboratory fields empty. `values` replaces any field.
 *
 * @example elderlyCheckupPayload({ sbp: 150, dbp: 95 }).sbpRight // 130
 */
export function elderlyCheckupPayload(
  values: Record<string, number | null> = {},
): Record<string, number | null> {
  return {
    sbp: 130,
    dbp: 80,
    sbpRight: 130,
    dbpRight: 80,
    heartRate: 70,
    fastingGlucose: 5,
    weight: 60,
    waist: 80,
    height: null,
    totalCholesterol: null,
    triglycerides: null,
    alt: null,
    creatinine: null,
    ecg: null,
    ultrasound: null,
    selfCareScore: null,
    ...values,
  };
}

/**
 * Orgs beside the fixture's township, for scope tests: another township of the same county
 * with one village, and another county of the city with one township and one village.
 */
export const OTHER_ORGS = {
  township: '620881101',
  village: '620881101201',
  county: '620802',
  countyTownship: '620802100',
  countyVillage: '620802100201',
} as const;

/** Inserts {@link OTHER_ORGS} (idempotent). */
export async function insertOtherOrgs(db: Kysely<Database>): Promise<void> {
  const org = (
    code: string,
    name: string,
    level: 3 | 4 | 5,
    parent: string,
    county: string,
    township: string | null,
  ) => ({
    code,
    name,
    level,
    parent_code: parent,
    province_code: '620000',
    city_code: '620800',
    county_code: county,
    township_code: township,
    urban_rural: 'rural',
    responsible_institution: null,
    responsible_person: null,
    contact_phone: null,
  });
  const o = OTHER_ORGS;
  await db
    .insertInto('orgs')
    .values([
      org(o.township, '玉都镇', 4, '620881', '620881', o.township),
      org(o.village, '玉都村', 5, o.township, '620881', o.township),
      org(o.county, '崆峒区', 3, '620800', o.county, null),
      org(o.countyTownship, '崆峒镇', 4, o.county, o.county, o.countyTownship),
      org(o.countyVillage, '崆峒村', 5, o.countyTownship, o.county, o.countyTownship),
    ])
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}
