/**
 * A synthetic city for the benchmark when the demo generator (src/modules/demo) is not
 * available: the org tree of one city, village population, residents, enrolments and
 * services of 2019 and the first half of 2020, written straight into the tables in bulk and
 * then turned into indicator facts by recomputeAllFacts. Deterministic for a seed.
 */
import type { Insertable, Kysely } from 'kysely';
import type { Db } from '../src/db/database.js';
import type {
  Database,
  EnrollmentTable,
  OrgLevel,
  OrgTable,
  ResidentTable,
  ServiceTable,
} from '../src/db/schema.js';

/** The province and city rows above Pingliang's counties (甘肃省, 平凉市), for hand-built trees. */
export const PROVINCE_AND_CITY_ROWS: readonly Insertable<OrgTable>[] = [
  { code: '620000', name: '甘肃省', level: 1, parent_code: null, province_code: '620000', city_code: null },
  {
    code: '620800',
    name: '平凉市',
    level: 2,
    parent_code: '620000',
    province_code: '620000',
    city_code: '620800',
  },
].map((row) => ({
  ...row,
  level: row.level as OrgLevel,
  county_code: null,
  township_code: null,
  urban_rural: null,
  responsible_institution: null,
  responsible_person: null,
  contact_phone: null,
}));

type ServiceRow = Insertable<ServiceTable>;

/** Size of the generated city. */
export type BenchScale = 'small' | 'county' | 'city';

const SIZES: Record<
  BenchScale,
  { counties: number; townships: number; villages: number; perVillage: number }
> = {
  small: { counties: 2, townships: 4, villages: 5, perVillage: 500 },
  county: { counties: 1, townships: 16, villages: 16, perVillage: 1000 },
  city: { counties: 8, townships: 16, villages: 16, perVillage: 980 },
};

/** What was generated. */
export interface FixtureSummary {
  rootCode: string;
  orgs: number;
  residents: number;
  enrollments: number;
  services: number;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const isoDay = (year: number, month: number, day: number): string =>
  `${year}-${pad(month, 2)}-${pad(day, 2)}`;

async function insertChunked<T>(
  db: Kysely<Database>,
  table: string,
  rows: readonly T[],
  columns: number,
): Promise<void> {
  const size = Math.floor(8000 / columns);
  for (let i = 0; i < rows.length; i += size) {
    // The table name is one of ours; Kysely's typed insert would need one call per table.
    await (
      db as unknown as { insertInto(t: string): { values(v: readonly T[]): { execute(): Promise<unknown> } } }
    )
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
  }
}

/**
 * Generates the synthetic city 620800 (Pingliang's code, synthetic villages) into an empty,
 * migrated database. `onProgress` is told each phase.
 */
export async function generateBenchCity(
  db: Db,
  scale: BenchScale,
  seed: number,
  onProgress: (phase: string) => void = () => {},
): Promise<FixtureSummary> {
  const size = SIZES[scale];
  const rand = mulberry32(seed);
  const pick = (p: number): boolean => rand() < p;
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const none = {
    urban_rural: 'rural',
    responsible_institution: null,
    responsible_person: null,
    contact_phone: null,
  };
  const orgs: Insertable<OrgTable>[] = PROVINCE_AND_CITY_ROWS.map((row) => ({
    ...row,
    urban_rural: 'rural',
  }));
  const villages: string[] = [];
  for (let c = 1; c <= size.counties; c++) {
    const county = `6208${pad(20 + c, 2)}`;
    orgs.push({
      code: county,
      name: `县${c}`,
      level: 3,
      parent_code: '620800',
      province_code: '620000',
      city_code: '620800',
      county_code: county,
      township_code: null,
      ...none,
    });
    for (let t = 1; t <= size.townships; t++) {
      const township = `${county}${pad(100 + t, 3)}`;
      orgs.push({
        code: township,
        name: `县${c}镇${t}`,
        level: 4,
        parent_code: county,
        province_code: '620000',
        city_code: '620800',
        county_code: county,
        township_code: township,
        ...none,
      });
      for (let v = 1; v <= size.villages; v++) {
        const village = `${township}${pad(200 + v, 3)}`;
        villages.push(village);
        orgs.push({
          code: village,
          name: `县${c}镇${t}村${v}`,
          level: 5,
          parent_code: township,
          province_code: '620000',
          city_code: '620800',
          county_code: county,
          township_code: township,
          ...none,
        });
      }
    }
  }
  onProgress('orgs');
  await insertChunked(db.kysely, 'orgs', orgs, 12);
  await insertChunked(
    db.kysely,
    'org_population',
    villages.flatMap((org_code) =>
      [2019, 2020].map((year) => ({
        org_code,
        year,
        total: Math.round(size.perVillage * 1.1),
        age_0_6: Math.round(size.perVillage * 0.08),
        age_65_plus: Math.round(size.perVillage * 0.13),
        age_15_plus: Math.round(size.perVillage * 0.85),
        age_18_plus: Math.round(size.perVillage * 0.8),
        women_15_49: Math.round(size.perVillage * 0.25),
        live_births: Math.round(size.perVillage * 0.012),
      })),
    ),
    9,
  );

  let residentId = 0;
  let enrollmentCount = 0;
  let serviceCount = 0;
  const now = '2020-07-01T00:00:00Z';
  const VACCINE_NAMES = ['卡介苗', '乙肝疫苗', '脊灰疫苗', '百白破疫苗', '麻腮风疫苗'];
  // Written per county so memory stays flat at city scale.
  const counties = new Map<string, string[]>();
  for (const v of villages) counties.set(v.slice(0, 6), [...(counties.get(v.slice(0, 6)) ?? []), v]);
  for (const [county, countyVillages] of counties) {
    onProgress(`county ${county}`);
    const residents: Insertable<ResidentTable>[] = [];
    const enrollments: Insertable<EnrollmentTable>[] = [];
    const services: ServiceRow[] = [];
    const base = (resident_id: number, org_code: string, type: string, service_date: string): ServiceRow => ({
      county_code: county,
      resident_id,
      service_key: `b:${resident_id}:${type}:${service_date}:${serviceCount++}`,
      type,
      service_date,
      org_code,
      institution: null,
      doctor: null,
      sbp: null,
      dbp: null,
      sbp_right: null,
      dbp_right: null,
      heart_rate: null,
      fasting_glucose: null,
      weight: null,
      waist: null,
      controlled: null,
      guidance: null,
      payload: null,
      created_at: now,
    });
    let lastIdNumber = '';
    for (const village of countyVillages) {
      for (let i = 1; i <= size.perVillage; i++) {
        const id = ++residentId;
        const age = int(0, 90);
        const birthYear = 2020 - age;
        const birth = isoDay(birthYear, int(1, 12), int(1, 28));
        const idNumber =
          pick(0.01) && lastIdNumber
            ? lastIdNumber
            : `${county}${birth.replaceAll('-', '')}${pad(int(0, 9999), 4)}`;
        lastIdNumber = idNumber;
        const created = birthYear >= 2019 ? birth : isoDay(int(2010, 2019), int(1, 12), int(1, 28));
        residents.push({
          id,
          county_code: county,
          record_no: `${village}${pad(i, 5)}`,
          id_number: pick(0.02) ? null : idNumber,
          name: `居民${id}`,
          sex: pick(0.5) ? 'M' : 'F',
          birth_date: birth,
          ethnicity: '汉族',
          org_code: village,
          phone: `138${pad(id % 100000000, 8)}`,
          contact_name: null,
          contact_phone: null,
          electronic: pick(0.9) ? 1 : 0,
          record_created: created,
          record_updated: null,
          death_date: pick(0.005) ? isoDay(2020, int(1, 6), int(1, 28)) : null,
          moved_out_date: pick(0.005) ? isoDay(2020, int(1, 6), int(1, 28)) : null,
          created_at: now,
          updated_at: now,
        });
        const enrol = (program: string, start: string, end: string | null = null): void => {
          enrollmentCount++;
          enrollments.push({
            county_code: county,
            resident_id: id,
            program,
            start_date: start,
            end_date: end,
            end_reason: null,
            detail: null,
          });
        };
        const chronic = (program: 'hypertension' | 'diabetes'): void => {
          enrol(program, isoDay(int(2012, 2020), int(1, 6), int(1, 28)));
          const type = program === 'hypertension' ? 'hypertension_followup' : 'diabetes_followup';
          for (const [year, months] of [
            [2019, [2, 5, 8, 11]],
            [2020, [1, 4]],
          ] as const) {
            for (const m of months) {
              if (!pick(0.85)) continue;
              const row = base(id, village, type, isoDay(year, m + int(0, 1), int(1, 28)));
              if (program === 'hypertension') {
                const sbp = int(110, 175);
                const dbp = int(65, 105);
                Object.assign(row, { sbp, dbp, controlled: sbp < 140 && dbp < 90 ? 1 : 0 });
              } else {
                const glucose = Math.round((5 + rand() * 5) * 10) / 10;
                Object.assign(row, { fasting_glucose: glucose, controlled: glucose < 7 ? 1 : 0 });
              }
              row.guidance = row.controlled === 1 ? 0 : pick(0.8) ? 1 : 0;
              services.push(row);
            }
          }
        };
        if (age >= 35 && pick(age >= 60 ? 0.35 : 0.12)) chronic('hypertension');
        if (age >= 35 && pick(age >= 60 ? 0.12 : 0.04)) chronic('diabetes');
        if (age >= 65 && pick(0.75)) {
          enrol('elderly', isoDay(int(2015, 2019), int(1, 12), int(1, 28)));
          if (pick(0.75)) {
            const row = base(id, village, 'elderly_checkup', isoDay(2020, int(1, 6), int(1, 28)));
            const sbp = int(110, 170);
            const dbp = int(65, 100);
            Object.assign(row, {
              sbp,
              dbp,
              sbp_right: sbp + int(-8, 8),
              dbp_right: dbp + int(-5, 5),
              heart_rate: int(60, 95),
              fasting_glucose: Math.round((4.5 + rand() * 4) * 10) / 10,
              weight: int(45, 85),
              waist: int(70, 100),
            });
            services.push(row);
          }
        }
        if (age <= 6 && pick(0.9)) {
          enrol('child', birth < '2014-01-01' ? '2014-01-01' : birth);
          if (age === 0) services.push(base(id, village, 'newborn_visit', birth));
          if (pick(0.8))
            services.push({
              ...base(id, village, 'child_visit', isoDay(2020, int(1, 6), int(1, 28))),
              payload: JSON.stringify({ ageMonths: age * 12, weight: null, height: null }),
            });
          for (const vaccine of VACCINE_NAMES)
            if (pick(0.9))
              services.push({
                ...base(id, village, 'vaccination', birth),
                payload: JSON.stringify({ vaccine, dose: 1 }),
              });
        }
        if (age >= 20 && age <= 40 && pick(0.03)) {
          const start = isoDay(2020, int(1, 5), int(1, 28));
          enrol('maternal', start, pick(0.4) ? isoDay(2020, 6, int(1, 28)) : null);
          services.push({
            ...base(id, village, 'prenatal_registration', start),
            payload: JSON.stringify({ gestationalWeeks: int(6, 20) }),
          });
          if (pick(0.5))
            services.push({
              ...base(id, village, 'postpartum_visit', isoDay(2020, 6, int(1, 28))),
              payload: JSON.stringify({ deliveryDate: isoDay(2020, 6, 1) }),
            });
        }
        if (pick(0.001)) {
          enrol('tuberculosis', isoDay(2020, 1, int(1, 28)));
          for (const m of [2, 3, 4, 5])
            services.push({
              ...base(id, village, 'tb_followup', isoDay(2020, m, 15)),
              payload: JSON.stringify({ medicationRegular: pick(0.9) }),
            });
        }
        if (age >= 18 && pick(0.004)) {
          enrol('severe_mental', isoDay(int(2012, 2019), 3, 1));
          for (const m of [1, 3, 5])
            if (pick(0.8))
              services.push({
                ...base(id, village, 'mental_followup', isoDay(2020, m, 10)),
                payload: JSON.stringify({ condition: 'stable' }),
              });
        }
      }
    }
    for (const village of countyVillages.filter(() => pick(0.5))) {
      services.push({
        ...base(0, village, 'health_education', isoDay(2020, int(1, 6), int(1, 28))),
        resident_id: null,
        payload: JSON.stringify({
          activityKind: ['lecture', 'consultation', 'board', 'materials'][int(0, 3)],
          participants: int(0, 80),
          topic: null,
        }),
      });
    }
    await db.kysely.transaction().execute(async (trx) => {
      await insertChunked(trx, 'residents', residents, 20);
      await insertChunked(trx, 'enrollments', enrollments, 7);
      await insertChunked(trx, 'services', services, 21);
    });
  }
  return {
    rootCode: '620800',
    orgs: orgs.length,
    residents: residentId,
    enrollments: enrollmentCount,
    services: serviceCount,
  };
}
