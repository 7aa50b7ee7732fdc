/**
 * The evidence of a finding as one line: `key: value` pairs, arrays joined by commas,
 * nested objects in braces. The server has masked every personal value already; this only
 * lays out what it sent.
 *
 * @example evidenceText({ sbpLeft: 150, sbpRight: 128 }) // 'sbpLeft: 150; sbpRight: 128'
 */
export function evidenceText(evidence: unknown): string {
  if (evidence === null || evidence === undefined) return '—';
  if (Array.isArray(evidence)) return evidence.map(evidenceText).join(', ');
  if (typeof evidence === 'object')
    return Object.entries(evidence as Record<string, unknown>)
      .map(([key, value]) =>
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? `${key}: {${evidenceText(value)}}`
          : `${key}: ${evidenceText(value)}`,
      )
      .join('; ');
  return String(evidence);
}
