/**
 * What the writers of one village's records share while they draw it: the random stream,
 * the plan, the people holding a first record, the rows written so far, and the helpers
 * that write a service or an enrolment and mark the record as used.
 */
import type { EnrollmentInput, ResidentInput, ServiceInput } from '../../../domain/records/inputs.js';
import type { ServicePayload } from '../../../domain/records/service-payloads.js';
import type { ServiceType } from '../../../domain/service-types.js';
import type { DemoRandom } from './random.js';
import type { VillagePlan } from './village-plan.js';

/** The rows of one village (duplicates filed in a neighbouring village included). */
export interface VillageRecords {
  residents: ResidentInput[];
  enrollments: EnrollmentInput[];
  services: ServiceInput[];
}

/** Which residents carry a planted problem, for tests and the summary. */
export interface PlantedProblems {
  duplicateRecords: number;
  badIdNumbers: number;
  identicalCheckups: number;
  armBpDifferences: number;
  servicesAfterDeathOrMoveOut: number;
  unusedRecords: number;
}

/** A person holding a first record of the village, with the days the record was last used. */
export interface VillagePerson {
  readonly recordNo: string;
  readonly birthDay: number;
  readonly birthIso: string;
  readonly age: number;
  readonly male: boolean;
  readonly name: string;
  idNumber: string | null;
  readonly created: number;
  /** Last enrolment or service (day number), -1 for none. */
  lastActivity: number;
  /** Last service (day number), -1 for none. */
  lastService: number;
}

/** Writes one service of the village's institution, by one of its doctors. */
export type ServiceBuilder = <T extends ServiceType>(
  type: T,
  recordNo: string,
  day: number,
  payload: ServicePayload<T>,
) => ServiceInput;

/** The state of one village's draw, shared by the programme writers. */
export interface VillageDraw {
  /** The village's random stream: every writer draws from it in a fixed order. */
  readonly r: DemoRandom;
  readonly plan: VillagePlan;
  readonly people: VillagePerson[];
  readonly out: VillageRecords;
  /** Running totals of the planted problems (the whole city's). */
  readonly planted: PlantedProblems;
  readonly service: ServiceBuilder;
  /** Marks the record of person `i` as used on `day` (by a service unless `isService` is false). */
  touch(i: number, day: number, isService?: boolean): void;
  /** Enrols person `i` in a programme from `start` (to `end`, for `reason`). */
  enrol(
    i: number,
    program: EnrollmentInput['program'],
    start: number,
    detail?: EnrollmentInput['detail'],
    end?: number | null,
    reason?: string | null,
  ): void;
}
