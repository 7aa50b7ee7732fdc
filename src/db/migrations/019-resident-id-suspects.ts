import { sql, type Migration, type RawBuilder } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/**
 * The province codes an ID number may start with, as they stood when this index was made
 * (src/domain/id-number/id-number.ts `PROVINCES`; a test keeps the two equal, so that a
 * change there comes with a new index, not an edit of this one).
 */
// prettier-ignore
export const ID_SUSPECT_PROVINCES: readonly string[] = [
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42',
  '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
];

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/**
 * True (in SQL, on `residents` under `alias`) for a resident whose ID number is not certainly
 * fine whatever the date it is judged at, or who was born after the record was created: the
 * rows of the partial index `residents_id_suspect`. Certainly fine: 18 characters, 17 digits
 * then a digit or X, a known province, a correct check character, and the record's birth
 * date (from 1880-01-01) and sex. Every value is a literal, never a parameter, so that the
 * query's condition is the index's own and both databases use the index.
 *
 * An active resident born after the as-of date was born after the record was created (the
 * record exists at the as-of date), so the rows the ID rule must see at any date are among
 * these: the rule reads this index instead of computing checksums over every resident.
 */
export function residentIdSuspect(dialect: SqlDialect, alias?: string): RawBuilder<boolean> {
  const col = (name: string): RawBuilder<unknown> => (alias ? sql.ref(`${alias}.${name}`) : sql.ref(name));
  const id = col('id_number');
  const lit = (v: string | number): RawBuilder<unknown> => sql.lit(v);
  const digits17 = dialect.allDigits(sql`substr(${id}, ${lit(1)}, ${lit(17)})`);
  const sum = sql.join(
    ID_WEIGHTS.map((w, i) => sql`cast(substr(${id}, ${lit(i + 1)}, ${lit(1)}) as integer) * ${lit(w)}`),
    sql` + `,
  );
  const checkChars = sql.join(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'].map(lit));
  const odd = sql.join(['1', '3', '5', '7', '9'].map(lit));
  const fine = sql`${id} is not null and length(${id}) = ${lit(18)} and ${digits17}
    and substr(${id}, ${lit(18)}, ${lit(1)}) in (${checkChars})
    and substr(${id}, ${lit(1)}, ${lit(2)}) in (${sql.join(ID_SUSPECT_PROVINCES.map(lit))})
    and ${col('birth_date')} = substr(${id}, ${lit(7)}, ${lit(4)}) || ${lit('-')} || substr(${id}, ${lit(11)}, ${lit(2)}) || ${lit('-')} || substr(${id}, ${lit(13)}, ${lit(2)})
    and ${col('birth_date')} >= ${lit('1880-01-01')}
    and ${col('sex')} = case when substr(${id}, ${lit(17)}, ${lit(1)}) in (${odd}) then ${lit('M')} else ${lit('F')} end
    and substr(${id}, ${lit(18)}, ${lit(1)}) = substr(${lit('10X98765432')}, (case when length(${id}) = ${lit(18)} and ${digits17} then ${sum} else ${lit(0)} end) % ${lit(11)} + ${lit(1)}, ${lit(1)})`;
  // CASE, so that a NULL (no birth date, no sex) counts as not fine rather than unknown.
  return sql<boolean>`((case when ${fine} then ${lit(1)} else ${lit(0)} end) = ${lit(0)} or ${col('birth_date')} > ${col('record_created')})`;
}

/**
 * Residents whose ID number may have a problem (issue 12: the ID rule read every resident
 * and computed a checksum for each, seconds at city scale): a partial index on `id` of the
 * rows of {@link residentIdSuspect}, kept by the database on every write of a resident. The
 * rule then reads a few thousand rows in id order instead of two million.
 */
export function residentIdSuspects019(dialect: SqlDialect): Migration {
  return {
    async up(db) {
      await db.schema
        .createIndex('residents_id_suspect')
        .on('residents')
        .column('id')
        .where(residentIdSuspect(dialect))
        .execute();
    },
  };
}
