import pg from 'pg';

/** Where the PostgreSQL suite runs: TEST_DATABASE_URL, else the local server CI machines have. */
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** True when a PostgreSQL server answers at TEST_POSTGRES_URL within a few seconds. */
export async function postgresAnswers(url: string = TEST_POSTGRES_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
