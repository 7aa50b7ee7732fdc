import type { Program } from '../programs.js';
import type { ServiceType } from '../service-types.js';
import type { ServicePayload } from './service-payloads.js';

/**
 * A resident health record as every write path (import, REST, demo generator) hands it to
 * the records repository. Dates are ISO `YYYY-MM-DD`. The county is the first 6 digits of
 * `orgCode`. A bad `idNumber` is kept as given and flagged by the audits, never "fixed".
 */
export interface ResidentInput {
  /** 17 digits: 6 county + 3 township + 3 village + 5 sequence. The match key on re-import. */
  recordNo: string;
  idNumber: string | null;
  name: string;
  sex: 'M' | 'F' | null;
  birthDate: string | null;
  ethnicity: string | null;
  /** 12-digit village/community code. */
  orgCode: string;
  phone: string | null;
  contactName: string | null;
  contactPhone: string | null;
  electronic: boolean;
  recordCreated: string;
  recordUpdated: string | null;
  deathDate: string | null;
  movedOutDate: string | null;
}

/** An enrolment of a resident in a programme, matched on (recordNo, program, startDate). */
export interface EnrollmentInput {
  recordNo: string;
  program: Program;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  /** Programme-specific detail, e.g. `{ expectedDelivery: '2020-09-01' }` for maternal. */
  detail: Record<string, unknown> | null;
}

/**
 * A service event. `serviceNo` (the source system's id) is the match key on re-import when
 * present; otherwise the key is record number + type + date (+ vaccine for vaccinations).
 */
export type ServiceInput = {
  [T in ServiceType]: {
    serviceNo: string | null;
    /** Null only for health-education activities. */
    recordNo: string | null;
    type: T;
    serviceDate: string;
    /** Defaults to the resident's village; required for health-education activities. */
    orgCode: string | null;
    institution: string | null;
    doctor: string | null;
    payload: ServicePayload<T>;
  };
}[ServiceType];
