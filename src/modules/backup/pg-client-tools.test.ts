import { describe, expect, it } from 'vitest';
import { archiveDataReader, libpqConnection, parseArchiveList } from './pg-client-tools.js';

describe('PostgreSQL client tools', () => {
  it('passes the password through PGPASSWORD, never on the command line', () => {
    const c = libpqConnection('postgres://gw:s3cr%40t@db.example:5433/gongwei?sslmode=require', {});
    expect(c.dbname).toBe('postgres://gw@db.example:5433/gongwei?sslmode=require');
    expect(c.env.PGPASSWORD).toBe('s3cr@t');
    expect(c.password).toBe('s3cr@t');
    const none = libpqConnection('postgres://gw@db/gongwei', { PGPASSWORD: 'from-env' });
    expect(none.dbname).toBe('postgres://gw@db/gongwei');
    expect(none.env.PGPASSWORD).toBe('from-env');
  });

  it('refuses what is not a URL, naming --db', () => {
    expect(() => libpqConnection('not a url')).toThrow(expect.objectContaining({ field: '--db' }));
  });

  it('reads an archive listing', () => {
    const entries = parseArchiveList([
      ';',
      '; Archive created at 2024-06-30 02:00:00 UTC',
      '4; 2615 2200 SCHEMA - public pg_database_owner',
      '3352; 0 0 COMMENT - SCHEMA public pg_database_owner',
      '215; 1259 38655 TABLE public residents gongwei',
      '3345; 0 38655 TABLE DATA public residents gongwei',
      '3202; 2606 38661 FK CONSTRAINT public services services_resident_fk gongwei',
    ]);
    expect(entries.map((e) => [e.kind, e.schema, e.name])).toEqual([
      ['SCHEMA', '-', 'public'],
      ['COMMENT', '-', 'SCHEMA'],
      ['TABLE', 'public', 'residents'],
      ['TABLE DATA', 'public', 'residents'],
      ['FK CONSTRAINT', 'public', 'services'],
    ]);
  });

  it('counts the rows of each COPY block and reads the migration names', () => {
    const reader = archiveDataReader();
    for (const line of [
      'SET statement_timeout = 0;',
      'COPY public.kysely_migration (name, "timestamp") FROM stdin;',
      '001-core\t2024-01-01T00:00:00.000Z',
      '002-indicators\t2024-01-01T00:00:00.000Z',
      '\\.',
      '',
      'COPY public.residents (id, name, note) FROM stdin;',
      '1\t陈小明\tline one\\nline two',
      '2\t王芳\t\\N',
      '\\.',
      'COPY public.users (id) FROM stdin;',
      '\\.',
    ])
      reader.line(line);
    expect(reader.data.counts).toEqual({ kysely_migration: 2, residents: 2, users: 0 });
    expect(reader.data.migrations).toEqual(['001-core', '002-indicators']);
  });
});
