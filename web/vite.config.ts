import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web UI: built into web/dist, which the server serves at / (src/server/web-ui.ts).
 * `npm run dev:web` serves it with hot reload on :5173 and sends /api to the server on :3000.
 */
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
