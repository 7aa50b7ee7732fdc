import { sql, type Migration, type RawBuilder } from 'kysely';

/**
 * True (in SQL, on `residents` under `alias`) for a resident who died or moved out: the rows
 * of the partial index `residents_left`; a query repeating this condition verbatim is one
 * both databases answer from the index.
 */
export function residentLeft(alias?: string): RawBuilder<boolean> {
  const col = (name: string): RawBuilder<unknown> => (alias ? sql.ref(`${alias}.${name}`) : sql.ref(name));
  return sql<boolean>`(${col('death_date')} is not null or ${col('moved_out_date')} is not null)`;
}

/**
 * The residents whose services can lie beyond their life within an audit's window (issue
 * 12: the rule `implausible_values` read every service of the window from the index of
 * services by person and joined each to its person, 1.2 s at city scale, to find a few
 * dozen). A service of the window before birth belongs to someone born after the window's
 * start, one after death or move-out to someone who left before its end: the index
 * `residents_birth_date` gives the first (about a year's births), the partial index
 * `residents_left` on `id` of the rows of {@link residentLeft} the second (the few who
 * left); their services are then found through the index of services by person.
 */
export function residentLifeDates026(): Migration {
  return {
    async up(db) {
      await db.schema.createIndex('residents_birth_date').on('residents').column('birth_date').execute();
      await db.schema
        .createIndex('residents_left')
        .on('residents')
        .column('id')
        .where(residentLeft())
        .execute();
    },
  };
}
