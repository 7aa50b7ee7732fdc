import { sql, type Migration, type RawBuilder } from 'kysely';

/**
 * The service types whose values are checked against adults' ranges, as they stood when the
 * index of {@link serviceRangeSuspects020} was made (the default `rangeCheckedTypes` of the
 * rule `implausible_values`; a test keeps the two equal, so that a change there comes with a
 * new index, not an edit of this one).
 */
export const RANGE_SUSPECT_TYPES: readonly string[] = [
  'hypertension_followup',
  'diabetes_followup',
  'elderly_checkup',
];

/**
 * The closed plausible range of each measured value, as they stood when the index was made
 * (src/domain/audits/vocabulary.ts `PLAUSIBLE_RANGES`; a test keeps the two equal).
 */
export const RANGE_SUSPECT_RANGES: Readonly<Record<string, { readonly min: number; readonly max: number }>> =
  {
    sbp: { min: 60, max: 260 },
    dbp: { min: 30, max: 160 },
    sbp_right: { min: 60, max: 260 },
    dbp_right: { min: 30, max: 160 },
    heart_rate: { min: 30, max: 200 },
    fasting_glucose: { min: 1.5, max: 33.3 },
    weight: { min: 25, max: 200 },
    waist: { min: 40, max: 170 },
  };

/**
 * True (in SQL, on `services` under `alias`) for a service of {@link RANGE_SUSPECT_TYPES}
 * with a value outside its range of {@link RANGE_SUSPECT_RANGES} or a systolic not above its
 * diastolic (on either arm): the rows of the partial index `services_range_suspect`. A value
 * that is NULL breaks no range (the comparison is unknown), as in the rule. Every value is a
 * literal, never a parameter, so that a query repeating this condition verbatim is one both
 * databases answer from the index.
 */
export function serviceRangeSuspect(alias?: string): RawBuilder<boolean> {
  const col = (name: string): RawBuilder<unknown> => (alias ? sql.ref(`${alias}.${name}`) : sql.ref(name));
  const tests = Object.entries(RANGE_SUSPECT_RANGES).map(
    ([f, r]) => sql`${col(f)} < ${sql.lit(r.min)} or ${col(f)} > ${sql.lit(r.max)}`,
  );
  tests.push(sql`${col('sbp')} <= ${col('dbp')}`, sql`${col('sbp_right')} <= ${col('dbp_right')}`);
  return sql<boolean>`(${col('type')} in (${sql.join(RANGE_SUSPECT_TYPES.map((t) => sql.lit(t)))}) and (${sql.join(tests, sql` or `)}))`;
}

/**
 * Services whose values break a plausible range (issue 12: the rule `implausible_values`
 * read every follow-up and check-up of the window through the type/date index, seconds at
 * city scale, to find a few thousand): a partial index on `id` of the rows of
 * {@link serviceRangeSuspect}, kept by the database on every write of a service — a row
 * corrected into range leaves it. The rule reads this index when its ranges and types are
 * no narrower than the ones frozen here.
 */
export function serviceRangeSuspects020(): Migration {
  return {
    async up(db) {
      await db.schema
        .createIndex('services_range_suspect')
        .on('services')
        .column('id')
        .where(serviceRangeSuspect())
        .execute();
    },
  };
}
