import { sql, type Migration, type RawBuilder } from 'kysely';

/**
 * The least difference of the left and right systolic (mmHg) a finding of the rule
 * `arm_bp_difference` can have, as it stood when the index `services_arm_difference` was
 * made (the rule's default `flagOver`; a test keeps the two equal).
 */
export const ARM_DIFFERENCE_OVER = 10;

/**
 * True (in SQL, on `services` under `alias`) for a service whose left and right systolic
 * differ by more than {@link ARM_DIFFERENCE_OVER}: the rows of `services_arm_difference`.
 */
export function serviceArmDifference(alias?: string): RawBuilder<boolean> {
  const col = (name: string): RawBuilder<unknown> => (alias ? sql.ref(`${alias}.${name}`) : sql.ref(name));
  return sql<boolean>`(${col('sbp')} is not null and ${col('sbp_right')} is not null and abs(${col('sbp')} - ${col('sbp_right')}) > ${sql.lit(ARM_DIFFERENCE_OVER)})`;
}

/**
 * True (in SQL, on `services` under `alias`) for a service judged uncontrolled with no
 * guidance recorded (`controlled = 0`, guidance 0 or missing), of any type: the rows of
 * `services_uncontrolled_unguided`.
 */
export function serviceUncontrolledUnguided(alias?: string): RawBuilder<boolean> {
  const col = (name: string): RawBuilder<unknown> => (alias ? sql.ref(`${alias}.${name}`) : sql.ref(name));
  return sql<boolean>`(${col('controlled')} = ${sql.lit(0)} and (${col('guidance')} is null or ${col('guidance')} = ${sql.lit(0)}))`;
}

/**
 * Services that can be findings of the practice rules (issue 12: `arm_bp_difference` and
 * `uncontrolled_without_guidance` read every service of their window and scope from the
 * table to find a few thousand): partial indexes on `id` of the rows of
 * {@link serviceArmDifference} and {@link serviceUncontrolledUnguided}, kept by the
 * database on every write of a service.
 */
export function servicePracticeSuspects024(): Migration {
  return {
    async up(db) {
      await db.schema
        .createIndex('services_arm_difference')
        .on('services')
        .column('id')
        .where(serviceArmDifference())
        .execute();
      await db.schema
        .createIndex('services_uncontrolled_unguided')
        .on('services')
        .column('id')
        .where(serviceUncontrolledUnguided())
        .execute();
    },
  };
}
