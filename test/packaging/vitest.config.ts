// Packaging tests, run after `npm run build` (CI's packaging step: `npm run test:packaging`):
// the zero-build embed on the example pages in Chromium (test/examples/). Separate from the unit
// config (vite.config.ts) because they need built files and a browser.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    environment: 'node',
    include: ['test/examples/embed.test.ts', 'test/packaging/**/*.test.ts'],
    passWithNoTests: false,
    // One browser, pages one after another; generous limits for a busy 2-core machine.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
