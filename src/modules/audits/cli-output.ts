/**
 * How the audit commands print: one line or block at a time on standard output, tables for
 * a terminal (CJK characters two columns wide), and findings as CSV rows.
 */
import type { WorkListItem } from './finding-queries.js';

/** Writes `text` and a line end to standard output. */
export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** The CSV columns of a finding: personal data masked as in the work list. */
export const FINDING_COLUMNS = [
  'id',
  'rule',
  'severity',
  'status',
  'org',
  'orgName',
  'recordNo',
  'name',
  'idNumber',
  'serviceId',
  'serviceType',
  'serviceDate',
  'evidence',
] as const;

/** A finding as a CSV row. */
export const findingRecord = (i: WorkListItem): Record<(typeof FINDING_COLUMNS)[number], unknown> => ({
  id: i.id,
  rule: i.rule,
  severity: i.severity,
  status: i.status,
  org: i.org,
  orgName: i.orgName,
  recordNo: i.resident?.recordNo ?? null,
  name: i.resident?.name ?? null,
  idNumber: i.resident?.idNumber ?? null,
  serviceId: i.service?.id ?? null,
  serviceType: i.service?.type ?? null,
  serviceDate: i.service?.date ?? null,
  evidence: JSON.stringify(i.evidence),
});

/** Rows as an aligned text table; `(none 无)` when there are none. */
export function table(rows: readonly Record<string, unknown>[]): string {
  if (rows.length === 0) return '(none 无)';
  const cols = Object.keys(rows[0]!);
  const width = (s: string): number => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const cell = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
  const widths = cols.map((c) => Math.max(width(c), ...rows.map((r) => width(cell(r[c])))));
  const line = (vals: string[]): string =>
    vals.map((v, i) => v + ' '.repeat(widths[i]! - width(v))).join('  ');
  return [
    line(cols),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(cols.map((c) => cell(r[c])))),
  ].join('\n');
}
