/**
 * The typed service events, as stored in `services.type`: the one list of service types.
 * Each type is a self-describing unit in src/domain/records/service-types/ (its name,
 * programme, payload schema and import columns); validation, the service key, the import
 * columns and docs/import.md derive from this list. The hot numeric fields of payloads live
 * in their own columns (sbp, dbp, sbp_right, dbp_right, heart_rate, fasting_glucose, weight,
 * waist, controlled, guidance) so indicators and audits read them without parsing JSON.
 *
 * Adding a service type: its file in src/domain/records/service-types/ (with a test where
 * it has rules of its own) and one line in {@link SERVICE_TYPE_DEFINITIONS}. A type that
 * feeds an indicator term is also declared by that term (src/domain/indicators).
 */
import type { Program } from './programs.js';
import { childVisit } from './records/service-types/child-visit.js';
import { diabetesFollowup } from './records/service-types/diabetes-followup.js';
import { elderlyCheckup } from './records/service-types/elderly-checkup.js';
import { healthEducation } from './records/service-types/health-education.js';
import { hypertensionFollowup } from './records/service-types/hypertension-followup.js';
import { mentalFollowup } from './records/service-types/mental-followup.js';
import { newbornVisit } from './records/service-types/newborn-visit.js';
import { postpartum42d } from './records/service-types/postpartum-42d.js';
import { postpartumVisit } from './records/service-types/postpartum-visit.js';
import { prenatalRegistration } from './records/service-types/prenatal-registration.js';
import type { ServiceTypeDefinition } from './records/service-types/service-type.js';
import { tbFollowup } from './records/service-types/tb-followup.js';
import { tcmChild } from './records/service-types/tcm-child.js';
import { tcmElderly } from './records/service-types/tcm-elderly.js';
import { vaccination } from './records/service-types/vaccination.js';

export type { ServiceTypeDefinition } from './records/service-types/service-type.js';

/** Every service type, in the order documents list them. */
export const SERVICE_TYPE_DEFINITIONS = [
  hypertensionFollowup,
  diabetesFollowup,
  elderlyCheckup,
  tcmElderly,
  prenatalRegistration,
  postpartumVisit,
  postpartum42d,
  newbornVisit,
  childVisit,
  tcmChild,
  tbFollowup,
  mentalFollowup,
  vaccination,
  healthEducation,
] as const;

/** The definition of one service type, by its id. */
type DefinitionOf<T extends ServiceType> = Extract<(typeof SERVICE_TYPE_DEFINITIONS)[number], { id: T }>;

/** A kind of service event. */
export type ServiceType = (typeof SERVICE_TYPE_DEFINITIONS)[number]['id'];

/** The ids of every service type, in the order of {@link SERVICE_TYPE_DEFINITIONS}. */
export const SERVICE_TYPES: readonly ServiceType[] = SERVICE_TYPE_DEFINITIONS.map((d) => d.id);

const BY_ID = new Map<string, ServiceTypeDefinition>(SERVICE_TYPE_DEFINITIONS.map((d) => [d.id, d]));

/**
 * The definition of a service type.
 *
 * @example serviceTypeDefinition('vaccination').name.zh // '预防接种'
 */
export function serviceTypeDefinition<T extends ServiceType>(type: T): DefinitionOf<T> {
  return BY_ID.get(type) as DefinitionOf<T>;
}

/** The programme a service type belongs to (null: not a key-population service). */
export const SERVICE_PROGRAM: Readonly<Record<ServiceType, Program | null>> = Object.fromEntries(
  SERVICE_TYPE_DEFINITIONS.map((d) => [d.id, d.program]),
) as Record<ServiceType, Program | null>;

/** True when `value` names a service type. */
export function isServiceType(value: string): value is ServiceType {
  return BY_ID.has(value);
}
