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

/** Writes term masks as stored text, terms sorted so equal sets give equal text. */
export function formatTermMasks(masks: ReadonlyMap<string, number>): string {
  const terms = [...masks.keys()].sort();
  return `|${terms.map((t) => `${t}=${masks.get(t)}`).join('|')}|`;
}

/** True when the masks hold `term` at the end of slot `slot`. */
export function memberAt(masks: ReadonlyMap<string, number>, term: string, slot: number): boolean {
  return Math.floor((masks.get(term) ?? 0) / 2 ** slot) % 2 === 1;
}
