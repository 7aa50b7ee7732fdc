import type { TestProject } from 'vitest/node';
import { TEST_POSTGRES_URL, postgresAnswers } from './postgres-availability.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

/**
 * Decides once per run whether the PostgreSQL suite runs. Without a server it is skipped,
 * and the run says so in capitals at the start and the end, never silently green.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const available = process.env.GONGWEI_SKIP_POSTGRES ? false : await postgresAnswers();
  project.provide('postgresUrl', available ? TEST_POSTGRES_URL : null);
  const banner = available
    ? `PostgreSQL suite: RUNNING against ${TEST_POSTGRES_URL.replace(/:[^:@/]+@/, ':***@')}`
    : `PostgreSQL suite: SKIPPED — no PostgreSQL answered at ${TEST_POSTGRES_URL}. Repository tests ran on SQLite only.`;
  console.warn(`\n========== ${banner} ==========\n`);
  return () => console.warn(`\n========== ${banner} ==========\n`);
}
