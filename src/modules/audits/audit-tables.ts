/**
 * The tables of the audits (migration 004) as Kysely sees them, and the handle the audit
 * repositories take.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Tables of migration 004. */
export type AuditTables = {
  audit_runs: {
    id: number;
    started_at: string;
    finished_at: string | null;
    status: string;
    org_code: string | null;
    period: string | null;
    window_from: string | null;
    window_to: string;
    as_of: string;
    rules: string;
    parameters: string;
    summary: string | null;
  };
  audit_findings: {
    id: number;
    finding_key: string;
    rule: string;
    severity: string;
    /** 'open' | 'resolved' | 'closed' */
    status: string;
    county_code: string;
    org_code: string;
    resident_id: number | null;
    service_id: number | null;
    subject: string;
    subject_date: string | null;
    weight: number;
    evidence: string;
    first_run_id: number;
    last_run_id: number;
    first_seen_at: string;
    last_seen_at: string;
    resolved_by: string | null;
    resolved_at: string | null;
    resolution_note: string | null;
    closed_at: string | null;
    closed_run_id: number | null;
  };
  audit_run_counts: {
    run_id: number;
    org_code: string;
    rule: string;
    severity: string;
    count: number;
    affected: number;
  };
  audit_merges: {
    id: number;
    merged_at: string;
    merged_by: string;
    county_code: string;
    org_code: string;
    finding_id: number | null;
    survivor_id: number;
    survivor_record_no: string;
    absorbed_record_nos: string;
    field_sources: string;
    before: string;
    moved_enrollments: number;
    dropped_enrollments: string;
    moved_services: number;
    rekeyed_services: number;
  };
};

/** A Kysely handle (database or transaction) with the foundation tables. */
export type Handle = Kysely<Database>;

/** The same handle seeing the audit tables too. */
export function withAuditTables(h: Handle): Kysely<Database & AuditTables> {
  return h.withTables<AuditTables>();
}
