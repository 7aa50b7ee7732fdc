import { sql, type Migration, type RawBuilder } from 'kysely';

/**
 * The columns of the duplicate key "same person within a county" as they stood when the
 * index of {@link residentPersonKeys022} was made (the second default key of the rule
 * `duplicate_records`; a test keeps the two equal, so that a change there comes with a new
 * index, not an edit of this one).
 */
export const PERSON_KEY_FIELDS: readonly string[] = ['county_code', 'name', 'birth_date', 'sex'];

/**
 * The duplicate key of {@link PERSON_KEY_FIELDS} on `residents` under `alias`: each column
 * trimmed, NULL when blank, joined by '|' (NULL when any column is): the rule's key
 * expression written out, so that a query grouping by it reads the index's own expression.
 */
export function residentPersonKey(alias?: string): RawBuilder<string | null> {
  const col = (name: string): RawBuilder<unknown> => (alias ? sql.ref(`${alias}.${name}`) : sql.ref(name));
  return sql<string | null>`(${sql.join(
    PERSON_KEY_FIELDS.map((f) => sql`nullif(trim(cast(${col(f)} as text)), '')`),
    sql` || '|' || `,
  )})`;
}

/**
 * Residents by their person key (issue 12: the duplicate rule computed the key of every
 * resident and sorted them all, seconds at city scale, to find a few thousand groups): an
 * index on the key expression followed by its columns, so that grouping by the key reads
 * the index in order, alone, and the members of the few repeated keys are found by key.
 */
export function residentPersonKeys022(): Migration {
  return {
    async up(db) {
      await db.schema
        .createIndex('residents_person_key')
        .on('residents')
        .expression(sql`${residentPersonKey()}, ${sql.join(PERSON_KEY_FIELDS.map((f) => sql.ref(f)))}`)
        .execute();
    },
  };
}
