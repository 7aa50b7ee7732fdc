/**
 * The tables of the funding module (migration 010) as Kysely sees them, and the query builder
 * its repository uses.
 */
import type { Generated, Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

/** Tables of migration 010. */
export type FundingTables = {
  funding_allocations: {
    id: Generated<number>;
    org_code: string;
    county_code: string | null;
    year: number;
    per_capita_fen: number;
    earmark_fen: number;
    village_share_bp: number;
    advance_share_bp: number;
    county_share_bp: number;
    population: number;
    total_fen: number;
    allocated_on: string;
    idle_after: string;
    idle_threshold_bp: number;
    late_after_days: number;
    source: string;
    created_by: string;
    created_at: string;
  };
  funding_allocation_units: {
    allocation_id: number;
    unit_code: string;
    county_code: string;
    unit_name: string;
    population: number;
    amount_fen: number;
    earmark_fen: number;
    village_fen: number;
    advance_fen: number;
  };
  funding_disbursements: {
    id: Generated<number>;
    allocation_id: number;
    unit_code: string;
    county_code: string;
    paid_on: string;
    payer: string;
    amount_fen: number;
    purpose: string;
    created_by: string;
    created_at: string;
  };
};

/** A query builder that knows the funding tables. */
export type FundingHandle = Kysely<Database & FundingTables>;

/** The funding tables' view of a database or transaction. */
export function fundingHandle(db: Db | Kysely<Database>): FundingHandle {
  const kysely = 'kysely' in db ? db.kysely : db;
  return kysely.withTables<FundingTables>();
}
