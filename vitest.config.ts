import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Two projects: the server, CLI, bench and browser tests under Node ('node'), and the web
// UI's component tests in jsdom ('web'). `npx vitest run --project web` runs one.
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
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'test/**/*.test.ts', 'web/e2e/**/*.test.ts'],
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
