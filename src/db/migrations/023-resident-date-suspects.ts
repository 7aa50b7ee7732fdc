import { sql, type Migration, type RawBuilder } from 'kysely';

/**
 * True (in SQL, on `residents` under `alias`) for a resident record whose own dates
 * contradict each other: born after the record was created, or dead or moved out before
 * birth. The rows of the partial index `residents_date_suspect`; a query repeating this
 * condition verbatim is one both databases answer from the index.
 */
export function residentDateSuspect(alias?: string): RawBuilder<boolean> {
  const col = (name: string): RawBuilder<unknown> => (alias ? sql.ref(`${alias}.${name}`) : sql.ref(name));
  return sql<boolean>`(${col('birth_date')} > ${col('record_created')} or ${col('death_date')} < ${col('birth_date')} or ${col('moved_out_date')} < ${col('birth_date')})`;
}

/**
 * Residents whose own dates contradict each other (issue 12: the rule `implausible_values`
 * read every resident of its scope to find the few stored before the write paths refused
 * such dates): a partial index on `id` of the rows of {@link residentDateSuspect}, empty
 * for data written through the application.
 */
export function residentDateSuspects023(): Migration {
  return {
    async up(db) {
      await db.schema
        .createIndex('residents_date_suspect')
        .on('residents')
        .column('id')
        .where(residentDateSuspect())
        .execute();
    },
  };
}
