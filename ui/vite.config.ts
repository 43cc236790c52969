// Vite builds the front end into ui/dist, which the Tauri shell embeds; Vitest runs the
// component tests in jsdom with the Tauri IPC mocked.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  clearScreen: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'safari15',
    // One small bundle: nothing is worth splitting, and no inline module preload helper is
    // wanted under the strict CSP.
    modulePreload: false,
    assetsInlineLimit: 0,
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.ts'],
  },
});
