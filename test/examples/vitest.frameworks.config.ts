// Vitest for the React and Vue examples (`npm run test:frameworks`): builds docs/examples/react and
// docs/examples/vue with Vite, type-checks them (tsc, vue-tsc) and renders them in the system
// Chromium. Kept apart from `npm run test:unit` because it starts builds, compilers and a browser.
import { fileURLToPath } from 'node:url';
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  resolve: { conditions: ['source', ...defaultServerConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  test: {
    environment: 'node',
    include: ['test/examples/frameworks.test.ts'],
    passWithNoTests: false,
    // Shared 2-core machines: generous limits, so only real failures fail (never timed assertions).
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
