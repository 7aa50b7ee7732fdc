/** The access trail table (migration 007) as Kysely sees it. */
import type { Generated, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** The append-only access trail. */
export type TrailTables = {
  access_trail: {
    id: Generated<number>;
    at: string;
    actor: string;
    role: string | null;
    client_address: string | null;
    request_id: string | null;
    action: string;
    object_type: string | null;
    object_id: string | null;
    org_code: string | null;
    county_code: string | null;
    /** 'allowed' | 'refused' | 'failed' */
    outcome: string;
    row_count: number | null;
    detail: string | null;
    previous_hash: string;
    hash: string;
  };
};

/** The same handle (database or transaction) seeing the access trail too. */
export function withTrailTables(h: Kysely<Database>): Kysely<Database & TrailTables> {
  return h.withTables<TrailTables>();
}
