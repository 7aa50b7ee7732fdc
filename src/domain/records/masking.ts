/**
 * Masking of personal identifiers where they are shown (API responses, rejection reports).
 * The stored values are never changed.
 */

/**
 * Keeps the first 6 (the region) and the last 4 characters of an ID number.
 *
 * @example maskIdNumber('620881199001010011') // '620881********0011'
 */
export function maskIdNumber(idNumber: string | null): string | null {
  if (idNumber === null) return null;
  if (idNumber.length <= 10) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, 6) + '*'.repeat(idNumber.length - 10) + idNumber.slice(-4);
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
