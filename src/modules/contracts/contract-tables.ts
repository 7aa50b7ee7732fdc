/**
 * The tables of the family-doctor contracts module (migration 011) as Kysely sees them, and
 * the query builder its repositories share.
 */
import type { Generated, Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

/** Tables of migration 011. */
export type ContractTables = {
  family_doctor_teams: {
    id: Generated<number>;
    code: string;
    name: string;
    county_code: string;
    institution_code: string;
    /** JSON: `[{ name, role }]`. */
    members: string;
    /** JSON: village codes. */
    villages: string;
  };
  family_doctor_contracts: {
    id: Generated<number>;
    contract_no: string;
    county_code: string;
    /** The resident's village at signing. */
    org_code: string;
    resident_id: number;
    team_id: number;
    signed_date: string;
    end_date: string;
    package_code: string;
    /** `|elderly|hypertension|`: the key populations at signing. */
    key_populations: string;
    disabled: number;
    previous_contract_id: number | null;
    terminated_date: string | null;
    termination_reason: string | null;
    created_at: string;
  };
};

/** A query builder that knows the contract tables. */
export type ContractHandle = Kysely<Database & ContractTables>;

/** The contract tables' view of a database or transaction. */
export function contractHandle(db: Db | Kysely<Database>): ContractHandle {
  const kysely = 'kysely' in db ? db.kysely : db;
  return kysely.withTables<ContractTables>();
}
