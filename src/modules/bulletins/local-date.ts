/**
 * "Today" for documents: the calendar date where the server runs (a bureau's machine is on
 * China time), not the UTC date.
 */

/** The local calendar date of `now`, ISO. */
export function localIsoDate(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
