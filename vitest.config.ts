import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Three projects: the server, CLI and bench tests under Node ('node'), the browser tests
// ('browser', Chromium driven from Node), and the web UI's component tests in jsdom ('web').
// `npx vitest run --project web` runs one.
export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'test/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['web/e2e/**/*.test.ts'],
          // A browser test that fails is run once more. Three clean-clone runs each lost one
          // browser test to a wait of 60 s on a loaded machine (a click whose request never
          // showed), and a lost run lands nothing; the failed attempt's page journal is
          // printed all the same (web/e2e/site.ts), so a flake stays visible in the log.
          retry: 1,
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['web/src/**/*.test.{ts,tsx}'],
          setupFiles: ['web/src/test-setup.ts'],
        },
      },
    ],
  },
});
