/**
 * The tables of the reported-values module (migration 017) as Kysely sees them, and the
 * query builder its repository uses.
 */
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Tables of migration 017. */
export type ReportedTables = {
  reported_values: {
    county_code: string;
    org_code: string;
    period: string;
    year: number;
    indicator: string;
    numerator: number | string | null;
    denominator: number | string | null;
    percent: number | null;
    source: string;
    entered_by: string;
    entered_at: string;
  };
  reported_value_changes: {
    id: Generated<number>;
    county_code: string;
    org_code: string;
    period: string;
    indicator: string;
    action: string;
    numerator: number | string | null;
    denominator: number | string | null;
    percent: number | null;
    source: string | null;
    changed_by: string;
    changed_at: string;
  };
};

/** A query builder that knows the foundation's tables and these. */
export type ReportedHandle = Kysely<Database & ReportedTables>;

/** The handle of a database or transaction, with the module's tables in its type. */
export function reportedHandle(h: Kysely<Database> | Transaction<Database>): ReportedHandle {
  return h as unknown as ReportedHandle;
}
