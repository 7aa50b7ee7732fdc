import { serviceTypeDefinition } from '../service-types.js';
import type { ServiceInput } from './inputs.js';

/**
 * The idempotency key of a service event (`services.service_key`), so that importing the
 * same visit twice updates it instead of adding a second visit:
 * - the source system's service number when there is one (`no:<serviceNo>`);
 * - otherwise record number | type | date, plus the type's key detail where several events
 *   of the type fall on one day (vaccine | dose for vaccinations);
 * - for activities without a person (health education): type | org | key detail | date.
 *
 * @example serviceKey({ serviceNo: null, recordNo: '62088110020100001', type: 'hypertension_followup',
 *   serviceDate: '2020-03-02', ... }) // '62088110020100001|hypertension_followup|2020-03-02'
 */
export function serviceKey(input: ServiceInput): string {
  if (input.serviceNo !== null && input.serviceNo !== '') return `no:${input.serviceNo}`;
  const definition = serviceTypeDefinition(input.type);
  const head =
    definition.subject === 'activity'
      ? `${input.type}|${input.orgCode ?? ''}`
      : `${input.recordNo ?? ''}|${input.type}|${input.serviceDate}`;
  const detail = definition.keyDetail?.(input.payload as never);
  const key = detail === undefined ? head : `${head}|${detail.join('|')}`;
  return definition.subject === 'activity' ? `${key}|${input.serviceDate}` : key;
}
