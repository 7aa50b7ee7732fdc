import { sql, type Migration, type RawBuilder } from 'kysely';

/** A column of `residents`, under `alias` if given. */
function column(alias: string | undefined, name: string): RawBuilder<unknown> {
  return alias ? sql.ref(`${alias}.${name}`) : sql.ref(name);
}

/**
 * True (in SQL, on `residents` under `alias`) for a resident who died or moved out: the rows
 * of the partial index `residents_left`; a query repeating this condition verbatim is one
 * both databases answer from the index.
 */
export function residentLeft(alias?: string): RawBuilder<boolean> {
  return sql<boolean>`(${column(alias, 'death_date')} is not null or ${column(alias, 'moved_out_date')} is not null)`;
}

/**
 * True (in SQL, on `residents` under `alias`) for an ID number the duplicate search cannot
 * take as stored: not in normal form (spaces around it, a lower-case x), or of 15 characters
 * (a first-generation number, sought in its 18-digit form too). The rows of the partial
 * index `residents_id_odd`; false for a missing number.
 */
export function residentIdOdd(alias?: string): RawBuilder<boolean> {
  const id = column(alias, 'id_number');
  return sql<boolean>`(${id} <> upper(trim(${id})) or length(trim(${id})) = 15)`;
}

/**
 * Indexes of residents for the audits (issue 12), each replacing a read of every resident or
 * every service of a window:
 *
 * - `residents_birth_date` and the partial index `residents_left` on `id` of the rows of
 *   {@link residentLeft}: the residents whose services can lie beyond their life within a
 *   window (`implausible_values` read every service of the window from the index of services
 *   by person and joined each to its person, 1.2 s at city scale, to find a few dozen). A
 *   service of the window before birth belongs to someone born after the window's start, one
 *   after death or move-out to someone who left before its end: about a year's births and
 *   the few who left; their services are then found through the index of services by person.
 * - `residents_id_odd` on `id_number`, partial, of the rows of {@link residentIdOdd}: the ID
 *   numbers `duplicate_records` reads and normalises itself (it scanned the whole index of ID
 *   numbers twice for them, none in the demo).
 */
export function residentAuditIndexes026(): Migration {
  return {
    async up(db) {
      await db.schema.createIndex('residents_birth_date').on('residents').column('birth_date').execute();
      await db.schema
        .createIndex('residents_left')
        .on('residents')
        .column('id')
        .where(residentLeft())
        .execute();
      await db.schema
        .createIndex('residents_id_odd')
        .on('residents')
        .column('id_number')
        .where(residentIdOdd())
        .execute();
    },
  };
}
