/**
 * A resident's terms of one year as stored (`indicator_memberships.terms`): `|term=mask|…|`,
 * mask = the 36-bit 旬 membership (bit s = member at the end of slot s).
 */

/** Parses the stored `|term=mask|…|` text. */
export function parseTermMasks(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of text.split('|')) {
    if (!part) continue;
    const eq = part.lastIndexOf('=');
    out.set(part.slice(0, eq), Number(part.slice(eq + 1)));
  }
  return out;
}

/**
 * The mask of one term in stored `|term=mask|…|` text (0 when absent), without parsing the
 * others: a drill-down tests one or two terms of every member of its org.
 *
 * @example
 * storedMaskOf('|child.managed=7|hypertension.managed=12|', 'hypertension.managed') // 12
 */
export function storedMaskOf(text: string, term: string): number {
  const key = `|${term}=`;
  const at = text.indexOf(key);
  if (at < 0) return 0;
  const end = text.indexOf('|', at + key.length);
  return Number(text.slice(at + key.length, end < 0 ? undefined : end));
}

/** Writes term masks as stored text, terms sorted so equal sets give equal text. */
export function formatTermMasks(masks: ReadonlyMap<string, number>): string {
  const terms = [...masks.keys()].sort();
  return `|${terms.map((t) => `${t}=${masks.get(t)}`).join('|')}|`;
}

/** True when `mask` (36 bits: above 2³¹, so arithmetic, not bitwise) has slot `slot` set. */
export function maskHolds(mask: number, slot: number): boolean {
  return Math.floor(mask / 2 ** slot) % 2 === 1;
}
