/**
 * The evidence of a finding as it may leave the server (API, CLI, exports): the rules store
 * values, codes and record numbers, but a rule may quote a personal value (the birth date a
 * service precedes), and findings stored by older versions may hold anything. Masked here
 * with the rules of src/domain/privacy/masking.ts; the stored evidence is never changed.
 */
import { maskIdNumber, maskName, maskPhone } from '../privacy/masking.js';

/** An 18-character or a 15-digit ID number, alone in a string. */
const ID_NUMBER = /^(\d{17}[\dXx]|\d{15})$/;
/** A mainland mobile number, alone in a string. */
const MOBILE = /^1[3-9]\d{9}$/;
/** Keys whose value is a birth date: dropped, as lists show no birth dates (age at most). */
const BIRTH_DATE_KEYS = new Set(['birthDate', 'birth_date', 'birth', 'dateOfBirth']);
/** Keys whose value is a person's name. */
const NAME_KEYS = new Set(['name', 'residentName', 'contactName', 'contact_name']);
/** Keys whose value is a phone number. */
const PHONE_KEYS = new Set(['phone', 'contactPhone', 'contact_phone', 'mobile']);
/** Keys whose value is an ID number. */
const ID_KEYS = new Set(['idNumber', 'id_number']);

function maskString(key: string | null, value: string): string | null {
  if (key !== null && NAME_KEYS.has(key)) return maskName(value);
  if (key !== null && PHONE_KEYS.has(key)) return maskPhone(value);
  // The region only: an answer may hold a birth date or an age beside the evidence.
  if ((key !== null && ID_KEYS.has(key)) || ID_NUMBER.test(value))
    return maskIdNumber(value, { withLastFour: false });
  if (MOBILE.test(value)) return maskPhone(value);
  return value;
}

function maskValue(key: string | null, value: unknown): unknown {
  if (typeof value === 'string') return maskString(key, value);
  if (Array.isArray(value)) return value.map((v) => maskValue(key, v));
  if (value !== null && typeof value === 'object') return maskObject(value as Record<string, unknown>);
  return value;
}

function maskObject(evidence: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(evidence)) {
    if (BIRTH_DATE_KEYS.has(key)) continue;
    // A service before birth quotes the birth date it precedes (implausible_values).
    if (key === 'against' && evidence.check === 'before_birth') continue;
    out[key] = maskValue(key, value);
  }
  return out;
}

/**
 * The evidence of a finding with every personal value masked: birth dates dropped (also the
 * one a `before_birth` check quotes), names as 陈**, phones as 138****1234, ID numbers to
 * their region, wherever they sit and whatever their key.
 *
 * @example
 * maskEvidence({ check: 'before_birth', against: '1950-07-01' }) // { check: 'before_birth' }
 * maskEvidence({ partners: ['620881195001010011'] })            // { partners: ['620881************'] }
 */
export function maskEvidence(evidence: unknown): unknown {
  return maskValue(null, evidence);
}
