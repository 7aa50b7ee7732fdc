/**
 * The payload schema of each service type, gathered from the service types' own files
 * (src/domain/records/service-types/). Every write path validates a payload with its
 * type's schema (src/domain/records/validation.ts).
 */
import type { z } from 'zod';
import { SERVICE_TYPE_DEFINITIONS, type ServiceType } from '../service-types.js';

export { childVisitPayload } from './service-types/child-visit.js';
export { diabetesFollowupPayload } from './service-types/diabetes-followup.js';
export { elderlyCheckupPayload } from './service-types/elderly-checkup.js';
export { healthEducationPayload } from './service-types/health-education.js';
export { hypertensionFollowupPayload } from './service-types/hypertension-followup.js';
export { mentalFollowupPayload } from './service-types/mental-followup.js';
export { newbornVisitPayload } from './service-types/newborn-visit.js';
export { postpartum42dPayload } from './service-types/postpartum-42d.js';
export { postpartumVisitPayload } from './service-types/postpartum-visit.js';
export { prenatalRegistrationPayload } from './service-types/prenatal-registration.js';
export { tbFollowupPayload } from './service-types/tb-followup.js';
export { tcmChildPayload } from './service-types/tcm-child.js';
export { tcmElderlyPayload } from './service-types/tcm-elderly.js';
export { vaccinationPayload } from './service-types/vaccination.js';

type Definition = (typeof SERVICE_TYPE_DEFINITIONS)[number];

/** The payload schema of each service type, by type. */
export type ServicePayloadSchemas = { readonly [D in Definition as D['id']]: D['payload'] };

/** The payload schema of each service type. */
export const SERVICE_PAYLOAD_SCHEMAS: ServicePayloadSchemas = Object.fromEntries(
  SERVICE_TYPE_DEFINITIONS.map((d) => [d.id, d.payload]),
) as unknown as ServicePayloadSchemas;

/** The validated payload of service type `T`. */
export type ServicePayload<T extends ServiceType> = z.output<ServicePayloadSchemas[T]>;
