/**
 * Table types of the Gongwei database, as Kysely sees them.
 *
 * Conventions shared by every table:
 * - dates are ISO text `YYYY-MM-DD` (both dialects compare them correctly as text);
 * - timestamps are ISO text with time zone;
 * - every large table carries `county_code` (6 digits, GB/T 2260) so that a province can
 *   later be sharded by county; there are no foreign keys across counties.
 */
import type { Generated } from 'kysely';
import type { OrgLevel } from '../domain/orgs/division-codes.js';

export type { OrgLevel };

export interface OrgTable {
  /** 6-digit province/city/county code, 9-digit township code, 12-digit village code. */
  code: string;
  name: string;
  level: OrgLevel;
  parent_code: string | null;
  province_code: string;
  city_code: string | null;
  county_code: string | null;
  township_code: string | null;
  /** 'urban' | 'rural' */
  urban_rural: string | null;
  responsible_institution: string | null;
  responsible_person: string | null;
  contact_phone: string | null;
}

export interface OrgPopulationTable {
  org_code: string;
  year: number;
  total: number;
  age_0_6: number | null;
  age_65_plus: number | null;
  age_15_plus: number | null;
  age_18_plus: number | null;
  women_15_49: number | null;
  live_births: number | null;
}

export interface ResidentTable {
  id: Generated<number>;
  county_code: string;
  /** 17 digits: 6 county + 3 township + 3 village + 5 sequence. */
  record_no: string;
  id_number: string | null;
  name: string;
  /** 'M' | 'F' */
  sex: string | null;
  birth_date: string | null;
  ethnicity: string | null;
  /** Village or community (12 digits) where the resident lives. */
  org_code: string;
  phone: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  /** 1 when the record is kept electronically (电子健康档案). */
  electronic: number;
  record_created: string;
  record_updated: string | null;
  death_date: string | null;
  moved_out_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface EnrollmentTable {
  id: Generated<number>;
  county_code: string;
  resident_id: number;
  /** See `Program` in src/domain/programs.ts. */
  program: string;
  start_date: string;
  end_date: string | null;
  end_reason: string | null;
  /** Program-specific JSON (e.g. gestational weeks at registration, delivery date). */
  detail: string | null;
}

export interface ServiceTable {
  id: Generated<number>;
  county_code: string;
  /** Null for services not tied to a person (health-education activities). */
  resident_id: number | null;
  /** Idempotency key, see `serviceKey` in src/domain/services. Unique. */
  service_key: string;
  /** See `ServiceType` in src/domain/services. */
  type: string;
  service_date: string;
  /** Org where the service belongs (the resident's village, or the org of an activity). */
  org_code: string;
  institution: string | null;
  doctor: string | null;
  /** Systolic / diastolic BP in mmHg; for check-ups the left arm. */
  sbp: number | null;
  dbp: number | null;
  sbp_right: number | null;
  dbp_right: number | null;
  heart_rate: number | null;
  /** mmol/L */
  fasting_glucose: number | null;
  /** kg */
  weight: number | null;
  /** cm */
  waist: number | null;
  /** 1 controlled, 0 uncontrolled, null unknown (as judged at this visit). */
  controlled: number | null;
  /** 1 when guidance or referral was recorded. */
  guidance: number | null;
  /** Remaining typed fields of the service, validated JSON. */
  payload: string | null;
  created_at: string;
}

/** All tables of the foundation. Feature modules extend this interface in their own migrations. */
export interface Database {
  orgs: OrgTable;
  org_population: OrgPopulationTable;
  residents: ResidentTable;
  enrollments: EnrollmentTable;
  services: ServiceTable;
}
