/**
 * Masking of personal data where it is shown (API answers, exports, work lists, bulletins),
 * in a way other fields of the same answer cannot undo (DESIGN C9, issue 10). The stored
 * values are never changed.
 *
 * The rules:
 * - an ID number keeps its region (first 6 digits); the last 4 only when no birth date, age
 *   or sex is in the same answer, because digits 7–14 are the birth date and digit 17 the
 *   sex, so with them the last 4 leave too few candidates;
 * - a name keeps its first character (the family name of most Chinese names): 陈**;
 * - a phone keeps its first 3 and last 4 digits: 138****1234;
 * - lists show age in whole years, never the birth date.
 * Who sees what unmasked is {@link disclosureFor}.
 */
import type { Permission } from '../access/permissions.js';

/** Whether an answer shows personal data in full or masked. */
export type Disclosure = 'full' | 'masked';

/**
 * How much of personal data an answer may show: full only on a single-record view for a
 * role with `personal.read`, or in an export for a role with `personal.export`; masked in
 * every list of more than one person and for every other role.
 *
 * @example
 * disclosureFor(permissionsOf('centre'), { view: 'record' }) // 'full'
 * disclosureFor(permissionsOf('centre'), { view: 'list' })   // 'masked'
 */
export function disclosureFor(
  permissions: ReadonlySet<Permission>,
  answer: { readonly view: 'record' | 'list' | 'export' },
): Disclosure {
  if (answer.view === 'record') return permissions.has('personal.read') ? 'full' : 'masked';
  if (answer.view === 'export') return permissions.has('personal.export') ? 'full' : 'masked';
  return 'masked';
}

/**
 * Masks an ID number: the region (first 6) and, when `withLastFour`, the last 4 characters;
 * all else becomes '*'. Pass `withLastFour: false` whenever the same answer shows a birth
 * date, an age or a sex.
 *
 * @example
 * maskIdNumber('620881199001010011')                          // '620881********0011'
 * maskIdNumber('620881199001010011', { withLastFour: false }) // '620881************'
 */
export function maskIdNumber(
  idNumber: string | null,
  options: { readonly withLastFour?: boolean } = {},
): string | null {
  if (idNumber === null) return null;
  const chars = [...idNumber];
  if (chars.length <= 10) return '*'.repeat(chars.length);
  const tail = options.withLastFour === false ? '' : chars.slice(-4).join('');
  return chars.slice(0, 6).join('') + '*'.repeat(chars.length - 6 - tail.length) + tail;
}

/**
 * Keeps the first 3 and the last 4 digits of a phone number.
 *
 * @example maskPhone('13809331234') // '138****1234'
 */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/**
 * Keeps the first character of a name and shows two stars for the rest, whatever its
 * length, so the mask does not tell the length either.
 *
 * @example maskName('陈小明') // '陈**'
 */
export function maskName(name: string | null): string | null {
  if (name === null) return null;
  const first = [...name.trim()][0];
  return first === undefined ? '' : `${first}**`;
}

/**
 * Age in whole years on `asOf` (both ISO dates), the way lists show it instead of a birth
 * date; null without a birth date.
 *
 * @example ageInYears('1950-07-01', '2020-06-30') // 69
 */
export function ageInYears(birthDate: string | null, asOf: string): number | null {
  if (birthDate === null) return null;
  const years = Number(asOf.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return asOf.slice(5, 10) < birthDate.slice(5, 10) ? years - 1 : years;
}
