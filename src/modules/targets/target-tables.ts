/**
 * The tables of the targets module (migrations 003 and 006) as Kysely sees them, and the
 * query builder its repositories share: targets and their history
 * (targets-repository.ts), named parameters (target-parameters-repository.ts), push-plan
 * snapshots (push-plan-snapshots-repository.ts) and schedules
 * (push-plan-schedules-repository.ts).
 */
import type { Generated, Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

/** Tables of migrations 003 and 006. */
export type TargetTables = {
  push_plan_schedules: {
    id: Generated<number>;
    org_code: string;
    county_code: string | null;
    period: string;
    deadline: string;
    days: string;
    holidays: string;
    workdays: string;
    active: Generated<number>;
    created_by: string;
    created_at: string;
    last_run_on: string | null;
    last_run_at: string | null;
    last_snapshot_id: number | null;
    last_error: string | null;
    ended_at: string | null;
    ended_reason: string | null;
  };
  targets: {
    id: Generated<number>;
    org_code: string;
    county_code: string | null;
    indicator: string;
    year: number;
    base_kind: string;
    base_band: string | null;
    base_parameter: string | null;
    parameter_value: number | null;
    base: number;
    rate: number;
    target: number;
    milestones: string;
    responsible_unit: string | null;
    responsible_person: string | null;
    source: string;
    set_by: string;
    set_at: string;
  };
  target_changes: {
    id: Generated<number>;
    org_code: string;
    county_code: string | null;
    indicator: string;
    year: number;
    action: string;
    base_kind: string | null;
    base_band: string | null;
    base_parameter: string | null;
    parameter_value: number | null;
    base: number | null;
    rate: number | null;
    target: number | null;
    milestones: string | null;
    responsible_unit: string | null;
    responsible_person: string | null;
    source: string | null;
    changed_by: string;
    changed_at: string;
  };
  target_parameters: {
    org_code: string;
    year: number;
    name: string;
    value: number;
    set_by: string;
    set_at: string;
  };
  push_plan_snapshots: {
    id: Generated<number>;
    org_code: string;
    county_code: string | null;
    period: string;
    as_of: string;
    done_as_of: string;
    deadline: string;
    days: string;
    days_left: number;
    created_by: string;
    created_at: string;
  };
  push_plan_rows: {
    snapshot_id: number;
    position: number;
    unit_code: string | null;
    unit: string;
    task: string;
    task_name: string;
    target: number;
    done: number;
    remaining: number;
    days_left: number;
    per_day: number;
    leader: string | null;
    phone: string | null;
    is_total: number;
  };
};

/** A query builder that knows the orgs and the targets tables. */
export type TargetsHandle = Kysely<Database & TargetTables>;

/**
 * The query builder of the targets repositories, from the database or a transaction.
 *
 * @example
 * await targetsHandle(trx).selectFrom('targets').selectAll().execute();
 */
export function targetsHandle(db: Db | Kysely<Database>): TargetsHandle {
  const kysely = 'kysely' in db ? db.kysely : db;
  return kysely.withTables<TargetTables>();
}
