import type { ServiceInput } from './inputs.js';

/**
 * The idempotency key of a service event (`services.service_key`), so that importing the
 * same visit twice updates it instead of adding a second visit:
 * - the source system's service number when there is one (`no:<serviceNo>`);
 * - otherwise record number | type | date, plus vaccine | dose for vaccinations
 *   (several vaccines can be given on one day);
 * - for health-education activities (no person): type | org | activity kind | date.
 *
 * @example serviceKey({ serviceNo: null, recordNo: '62088110020100001', type: 'hypertension_followup',
 *   serviceDate: '2020-03-02', ... }) // '62088110020100001|hypertension_followup|2020-03-02'
 */
export function serviceKey(input: ServiceInput): string {
  if (input.serviceNo !== null && input.serviceNo !== '') return `no:${input.serviceNo}`;
  switch (input.type) {
    case 'health_education':
      return `${input.type}|${input.orgCode ?? ''}|${input.payload.activityKind}|${input.serviceDate}`;
    case 'vaccination':
      return `${input.recordNo ?? ''}|${input.type}|${input.serviceDate}|${input.payload.vaccine}|${input.payload.dose}`;
    default:
      return `${input.recordNo ?? ''}|${input.type}|${input.serviceDate}`;
  }
}
