import { describe, expect, it } from 'vitest';
import {
  CITUS_LAYOUT,
  citusViolations,
  PENDING_REKEYING,
  violationText,
  type CitusPlacement,
  type SchemaFacts,
} from './citus-layout.js';

const layout: Record<string, CitusPlacement> = {
  people: { kind: 'distributed', by: 'county_code' },
  visits: { kind: 'distributed', by: 'county_code' },
  places: { kind: 'reference' },
  users: { kind: 'coordinator' },
};

const col = (table: string, column: string, extra: Partial<SchemaFacts['columns'][number]> = {}) => ({
  table,
  column,
  type: 'text',
  notNull: true,
  sequence: false,
  ...extra,
});

/** A schema that keeps every rule. */
const good: SchemaFacts = {
  columns: [
    col('people', 'county_code'),
    col('people', 'id', { type: 'bigint', sequence: true }),
    col('visits', 'county_code'),
    col('visits', 'person_id', { type: 'bigint' }),
    col('places', 'code'),
    col('users', 'id', { type: 'integer', sequence: true }),
  ],
  keys: [
    { table: 'people', kind: 'primary', columns: ['county_code', 'id'] },
    { table: 'visits', kind: 'unique', columns: ['person_id', 'county_code'] },
    { table: 'users', kind: 'primary', columns: ['id'] },
  ],
  foreignKeys: [
    {
      table: 'visits',
      columns: ['county_code', 'person_id'],
      references: 'people',
      referencedColumns: ['county_code', 'id'],
    },
    { table: 'people', columns: ['county_code'], references: 'places', referencedColumns: ['code'] },
  ],
};

const texts = (facts: SchemaFacts): string[] => citusViolations(facts, layout).map(violationText);

describe('the Citus layout rules', () => {
  it('finds nothing in a schema that keeps them (a coordinator table may use any sequence)', () => {
    expect(texts(good)).toEqual([]);
  });

  it('names a table the layout does not place', () => {
    expect(texts({ ...good, columns: [...good.columns, col('new_table', 'x')] })).toEqual([
      'new_table unplaced (not in CITUS_LAYOUT)',
    ]);
  });

  it('wants the distribution column present and not null', () => {
    const columns = good.columns.filter((c) => !(c.table === 'visits' && c.column === 'county_code'));
    expect(texts({ ...good, columns })).toContain('visits no-distribution-column (county_code)');
    const nullable = good.columns.map((c) =>
      c.table === 'people' && c.column === 'county_code' ? { ...c, notNull: false } : c,
    );
    expect(texts({ ...good, columns: nullable })).toEqual([
      'people nullable-distribution-column (county_code)',
    ]);
  });

  it('wants the distribution column in every primary and unique key of a distributed table', () => {
    const keys = [...good.keys, { table: 'people', kind: 'unique' as const, columns: ['record_no'] }];
    expect(texts({ ...good, keys })).toEqual(['people key-without-distribution-column (record_no)']);
  });

  it('wants a foreign key between distributed tables to join on the distribution column', () => {
    const foreignKeys = [
      { table: 'visits', columns: ['person_id'], references: 'people', referencedColumns: ['id'] },
      // The distribution column, but mapped to another column: still across shards.
      {
        table: 'visits',
        columns: ['county_code', 'person_id'],
        references: 'people',
        referencedColumns: ['id', 'county_code'],
      },
    ];
    expect(texts({ ...good, foreignKeys })).toEqual([
      'visits foreign-key-across-shards (person_id → people(id))',
      'visits foreign-key-across-shards (county_code, person_id → people(id, county_code))',
    ]);
  });

  it('refuses foreign keys from distributed to coordinator tables and into distributed tables', () => {
    const foreignKeys = [
      { table: 'visits', columns: ['doctor_id'], references: 'users', referencedColumns: ['id'] },
      { table: 'users', columns: ['person_id'], references: 'people', referencedColumns: ['id'] },
      { table: 'places', columns: ['person_id'], references: 'people', referencedColumns: ['id'] },
    ];
    expect(texts({ ...good, foreignKeys })).toEqual([
      'visits foreign-key-to-coordinator (doctor_id → users(id))',
      'users foreign-key-into-distributed (person_id → people(id))',
      'places foreign-key-into-distributed (person_id → people(id))',
    ]);
  });

  it('wants the sequences of distributed tables bigint', () => {
    const columns = good.columns.map((c) =>
      c.table === 'people' && c.column === 'id' ? { ...c, type: 'integer' } : c,
    );
    expect(texts({ ...good, columns })).toEqual(['people sequence-not-bigint (id integer)']);
  });

  it('places the person-level tables by county and lists only distributed tables as pending', () => {
    for (const table of ['residents', 'enrollments', 'services', 'indicator_tallies'])
      expect(CITUS_LAYOUT[table]).toEqual({ kind: 'distributed', by: 'county_code' });
    for (const line of PENDING_REKEYING) expect(CITUS_LAYOUT[line.split(' ')[0]!]?.kind).toBe('distributed');
    expect([...PENDING_REKEYING].sort()).toEqual(PENDING_REKEYING);
  });
});
