/**
 * The tables of the assessment module (migration 008) as Kysely sees them, and the query
 * builder its repositories share.
 */
import type { Generated, Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

/** Tables of migration 008. */
export type AssessmentTables = {
  assessment_schemes: {
    id: Generated<number>;
    code: string;
    version: number;
    name_zh: string;
    name_en: string;
    definition: string;
    max_centi: number;
    created_by: string;
    created_at: string;
  };
  assessment_runs: {
    id: Generated<number>;
    scheme_id: number;
    org_code: string;
    county_code: string | null;
    period: string;
    data_cutoff: string;
    unit_count: number;
    created_by: string;
    created_at: string;
  };
  assessment_unit_results: {
    run_id: number;
    unit_code: string;
    county_code: string | null;
    unit_name: string;
    total_centi: number;
    max_centi: number;
    applicable_centi: number;
    converted_centi: number;
    missing: number;
    rank: number;
  };
  assessment_item_results: {
    run_id: number;
    unit_code: string;
    position: number;
    section_id: string;
    item_id: string;
    kind: string;
    indicator: string | null;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    target: number | null;
    target_source: string | null;
    scoring: string;
    points_centi: number;
    score_centi: number | null;
    status: string;
    explanation_zh: string;
    explanation_en: string;
    inputs: string;
  };
  assessment_manual_entries: {
    id: Generated<number>;
    scheme_code: string;
    item_id: string;
    unit_code: string;
    county_code: string | null;
    period: string;
    score_centi: number;
    evidence: string;
    assessor: string;
    entered_at: string;
  };
};

/** A query builder that knows the assessment tables. */
export type AssessmentHandle = Kysely<Database & AssessmentTables>;

/** The assessment tables' view of a database or transaction. */
export function assessmentHandle(db: Db | Kysely<Database>): AssessmentHandle {
  const kysely = 'kysely' in db ? db.kysely : db;
  return kysely.withTables<AssessmentTables>();
}
