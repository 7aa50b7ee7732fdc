/**
 * The single-record view of a resident (GET /api/residents/:recordNo): its answer schema and
 * how a stored resident becomes it, in full or masked (src/domain/privacy/masking.ts).
 */
import { z } from 'zod';
import { maskIdNumber, maskName, maskPhone, type Disclosure } from '../../domain/privacy/masking.js';
import type { StoredResident } from './record-lookups-repository.js';

/** The answer of the single-record view. */
export const ResidentView = z
  .object({
    recordNo: z.string(),
    idNumber: z
      .string()
      .nullable()
      .describe('in full for a role with personal.read; else masked to the region (first 6)'),
    name: z.string().describe('in full for a role with personal.read; else masked as 陈**'),
    sex: z.enum(['M', 'F']).nullable(),
    birthDate: z.string().nullable(),
    ethnicity: z.string().nullable(),
    orgCode: z.string(),
    countyCode: z.string(),
    phone: z.string().nullable().describe('in full for a role with personal.read; else 138****1234'),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    electronic: z.boolean(),
    recordCreated: z.string(),
    recordUpdated: z.string().nullable(),
    deathDate: z.string().nullable(),
    movedOutDate: z.string().nullable(),
  })
  .describe('One resident health record: the single-record view, written to the access trail');

/**
 * The single-record view of a resident: in full, or masked so that its other fields cannot
 * undo it (the birth date and sex are shown, so a masked ID number keeps its region only).
 *
 * @example residentView(stored, disclosureFor(caller.permissions, { view: 'record' }))
 */
export function residentView(
  resident: StoredResident,
  disclosure: Disclosure,
): z.output<typeof ResidentView> {
  const full = disclosure === 'full';
  return {
    recordNo: resident.recordNo,
    // The birth date and sex are in the same answer: a masked ID number keeps its region only.
    idNumber: full ? resident.idNumber : maskIdNumber(resident.idNumber, { withLastFour: false }),
    name: full ? resident.name : (maskName(resident.name) ?? ''),
    sex: resident.sex,
    birthDate: resident.birthDate,
    ethnicity: resident.ethnicity,
    orgCode: resident.orgCode,
    countyCode: resident.countyCode,
    phone: full ? resident.phone : maskPhone(resident.phone),
    contactName: full ? resident.contactName : maskName(resident.contactName),
    contactPhone: full ? resident.contactPhone : maskPhone(resident.contactPhone),
    electronic: resident.electronic,
    recordCreated: resident.recordCreated,
    recordUpdated: resident.recordUpdated,
    deathDate: resident.deathDate,
    movedOutDate: resident.movedOutDate,
  };
}
