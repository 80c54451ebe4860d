// The React 19 example: `npx vite build --config docs/examples/react/vite.config.ts` → dist/examples/react.
// The workspace packages resolve to their sources (`source` condition), so their Lit decorators are
// lowered here exactly as in the demo (Vite 8's oxc leaves standard decorators untransformed).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { legacyDecoratorsOxc, mswWorkerPlugin, sourceConditions } from '../../../vite.config.js';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  plugins: [react(), mswWorkerPlugin()],
  oxc: legacyDecoratorsOxc,
  resolve: { conditions: sourceConditions },
  build: {
    outDir: resolve(here, '../../../dist/examples/react'),
    emptyOutDir: true,
    target: 'es2021',
    // The example bundles the mock backend (msw and the fixtures) next to the app.
    chunkSizeWarningLimit: 1500,
  },
});
