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

/** The evidence of an `unused_records` finding: the records of one org unused over a period. */
export interface UnusedRecordsEvidence {
  /** How many records of the org were unused when the audits ran. */
  readonly records: number;
  /** Neither updated nor served after this date… */
  readonly noServiceSince: string;
  /** …up to this one (the run's as-of date). */
  readonly asOf: string;
  /** The length of that period in months, as the rule's parameter set it (12 by default). */
  readonly months: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-\d{2}$/;

/**
 * Reads the evidence of an `unused_records` finding, or null when it is not of that shape (a
 * finding stored before the rule counted records per org). The months are read from the two
 * dates rather than assumed, since the rule's period is a parameter of the run.
 *
 * @example
 * unusedRecordsEvidence({ records: 1234, noServiceSince: '2019-06-30', asOf: '2020-06-30' })
 * // { records: 1234, noServiceSince: '2019-06-30', asOf: '2020-06-30', months: 12 }
 */
export function unusedRecordsEvidence(evidence: unknown): UnusedRecordsEvidence | null {
  if (evidence === null || typeof evidence !== 'object' || Array.isArray(evidence)) return null;
  const { records, noServiceSince, asOf } = evidence as Record<string, unknown>;
  if (typeof records !== 'number' || typeof noServiceSince !== 'string' || typeof asOf !== 'string')
    return null;
  const since = ISO_DATE.exec(noServiceSince);
  const until = ISO_DATE.exec(asOf);
  if (!since || !until) return null;
  const months = (Number(until[1]) - Number(since[1])) * 12 + (Number(until[2]) - Number(since[2]));
  return { records, noServiceSince, asOf, months };
}
