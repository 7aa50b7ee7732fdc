/**
 * A small hand-built data set for the audit tests: a few orgs of Pingliang, residents and
 * services with planted findings and near misses, inserted directly with Kysely.
 */
import type { Db } from '../../db/database.js';
import type { OrgLevel } from '../../db/schema.js';
import { idCheckChar } from '../../domain/id-number/id-number.js';

/** An 18-digit ID number with a correct check character. */
export const validId = (body17: string): string => body17 + idCheckChar(body17);

const ORGS: [string, string, OrgLevel, string | null][] = [
  ['620000', '甘肃省', 1, null],
  ['620800', '平凉市', 2, '620000'],
  ['620881', '华亭市', 3, '620800'],
  ['620881100', '东华镇', 4, '620881'],
  ['620881100201', '东华村', 5, '620881100'],
  ['620881100202', '西华村', 5, '620881100'],
  ['620881101', '安口镇', 4, '620881'],
  ['620881101201', '安口村', 5, '620881101'],
  ['620826', '静宁县', 3, '620800'],
  ['620826105', '雷大镇', 4, '620826'],
  ['620826105201', '屈岔村', 5, '620826105'],
];

/** Inserts the org tree of the fixture. */
export async function insertOrgs(db: Db): Promise<void> {
  await insertOrgRows(db, ORGS);
}

/** Inserts orgs of Pingliang given as [code, name, level, parent code]. */
export async function insertOrgRows(
  db: Db,
  rows: readonly (readonly [string, string, OrgLevel, string | null])[],
): Promise<void> {
  await db.kysely
    .insertInto('orgs')
    .values(
      rows.map(([code, name, level, parent]) => ({
        code,
        name,
        level,
        parent_code: parent,
        province_code: '620000',
        city_code: level >= 2 ? '620800' : null,
        county_code: level >= 3 ? code.slice(0, 6) : null,
        township_code: level >= 4 ? code.slice(0, 9) : null,
        urban_rural: 'rural',
        responsible_institution: null,
        responsible_person: null,
        contact_phone: null,
      })),
    )
    .execute();
}

/** A resident of the fixture. */
export interface ResidentSeed {
  no: number;
  org: string;
  idNumber?: string | null;
  name?: string;
  sex?: 'M' | 'F';
  birth?: string | null;
  created?: string;
  updated?: string | null;
  death?: string | null;
  movedOut?: string | null;
  phone?: string | null;
}

/** Inserts residents; returns id by fixture number. */
export async function insertResidents(db: Db, seeds: readonly ResidentSeed[]): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  for (const s of seeds) {
    const row = await db.kysely
      .insertInto('residents')
      .values({
        county_code: s.org.slice(0, 6),
        record_no: `${s.org}${String(s.no).padStart(5, '0')}`,
        id_number: s.idNumber ?? null,
        name: s.name ?? `居民${s.no}`,
        sex: s.sex ?? 'M',
        birth_date: s.birth === undefined ? '1950-01-01' : s.birth,
        ethnicity: null,
        org_code: s.org,
        phone: s.phone ?? null,
        contact_name: null,
        contact_phone: null,
        electronic: 1,
        record_created: s.created ?? '2018-01-01',
        record_updated: s.updated ?? null,
        death_date: s.death ?? null,
        moved_out_date: s.movedOut ?? null,
        created_at: '2020-01-01T00:00:00Z',
        updated_at: '2020-01-01T00:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(s.no, Number(row.id));
  }
  return ids;
}

/** A service of the fixture. */
export interface ServiceSeed {
  resident: number;
  type: string;
  date: string;
  sbp?: number | null;
  dbp?: number | null;
  sbpRight?: number | null;
  heartRate?: number | null;
  glucose?: number | null;
  weight?: number | null;
  waist?: number | null;
  controlled?: number | null;
  guidance?: number | null;
  institution?: string | null;
}

let serial = 0;

/** Inserts services for residents (by id); returns the service ids in order. */
export async function insertServices(db: Db, seeds: readonly ServiceSeed[]): Promise<number[]> {
  const out: number[] = [];
  for (const s of seeds) {
    const r = await db.kysely
      .selectFrom('residents')
      .select(['record_no', 'org_code', 'county_code'])
      .where('id', '=', s.resident)
      .executeTakeFirstOrThrow();
    serial += 1;
    const row = await db.kysely
      .insertInto('services')
      .values({
        county_code: r.county_code,
        resident_id: s.resident,
        service_key: `${r.record_no}|${s.type}|${s.date}|${serial}`,
        type: s.type,
        service_date: s.date,
        org_code: r.org_code,
        institution: s.institution ?? null,
        doctor: null,
        sbp: s.sbp ?? null,
        dbp: s.dbp ?? null,
        sbp_right: s.sbpRight ?? null,
        dbp_right: null,
        heart_rate: s.heartRate ?? null,
        fasting_glucose: s.glucose ?? null,
        weight: s.weight ?? null,
        waist: s.waist ?? null,
        controlled: s.controlled ?? null,
        guidance: s.guidance ?? null,
        payload: null,
        created_at: '2020-01-01T00:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    out.push(Number(row.id));
  }
  return out;
}

/** Inserts an enrolment. */
export async function insertEnrollment(
  db: Db,
  residentId: number,
  program: string,
  start: string,
  end: string | null = null,
): Promise<void> {
  const r = await db.kysely
    .selectFrom('residents')
    .select('county_code')
    .where('id', '=', residentId)
    .executeTakeFirstOrThrow();
  await db.kysely
    .insertInto('enrollments')
    .values({
      county_code: r.county_code,
      resident_id: residentId,
      program,
      start_date: start,
      end_date: end,
      end_reason: null,
      detail: null,
    })
    .execute();
}
