/// <reference types="vitest/config" />
// Vite (demo app, `npm start`) + Vitest (node unit/contract tests) configuration.
//
// - Workspace packages resolve through the `source` export condition (src/*.ts), in
//   the browser (resolve.conditions) and in Vitest's node/SSR environment.
// - TypeScript uses legacy decorators (experimentalDecorators) and
//   useDefineForClassFields:false, set explicitly for oxc so Lit's @customElement /
//   @property are compiled whatever tsconfig oxc would (or would not) find.
// - Every demo/*.html is a page of the multi-page build.
// - msw's worker is served at /mockServiceWorker.js in dev and emitted in the build
//   straight from node_modules/msw (no copy in the repo; not part of library builds).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defaultServerConditions, defineConfig, type Plugin } from 'vite';

const rootDir = dirname(fileURLToPath(import.meta.url));
const demoDir = resolve(rootDir, 'demo');
const require = createRequire(import.meta.url);

/** Serves (dev, preview) and emits (build) msw's worker script at /mockServiceWorker.js. */
export function mswWorkerPlugin(): Plugin {
  const workerPath = require.resolve('msw/mockServiceWorker.js');
  const fileName = 'mockServiceWorker.js';
  return {
    name: 'bianmin:msw-worker',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        if (path !== `${server.config.base}${fileName}` && path !== `/${fileName}`) return next();
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(readFileSync(workerPath));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: readFileSync(workerPath, 'utf8') });
    },
  };
}

/** demo/*.html → build inputs, so adding demo/signage.html needs no config change. */
function demoPages(): Record<string, string> {
  const pages: Record<string, string> = {};
  for (const file of readdirSync(demoDir)) {
    if (file.endsWith('.html')) pages[file.slice(0, -'.html'.length)] = resolve(demoDir, file);
  }
  return pages;
}

/** Legacy (experimental) decorators + useDefineForClassFields:false for oxc (Vite 8). */
export const legacyDecoratorsOxc = {
  decorator: { legacy: true },
  typescript: { removeClassFieldsWithoutInitializer: true },
  assumptions: { setPublicClassFields: true },
} as const;

export const sourceConditions = ['source', ...defaultClientConditions];

export default defineConfig({
  root: demoDir,
  base: './',
  publicDir: resolve(demoDir, 'public'),
  plugins: [mswWorkerPlugin()],
  oxc: legacyDecoratorsOxc,
  resolve: {
    conditions: sourceConditions,
  },
  ssr: {
    resolve: {
      conditions: ['source', ...defaultServerConditions],
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    fs: { allow: [rootDir] },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
  },
  build: {
    outDir: resolve(rootDir, 'dist/demo'),
    emptyOutDir: true,
    target: 'es2021',
    sourcemap: true,
    rolldownOptions: {
      input: demoPages(),
    },
  },
  test: {
    root: rootDir,
    environment: 'node',
    include: ['test/sdk/**/*.test.ts', 'test/mock/**/*.test.ts', 'test/contract/**/*.test.ts', 'test/conformance/**/*.test.ts', 'test/scripts/**/*.test.ts'],
    passWithNoTests: false,
    // Shared 2-core machines: generous limits, so only real failures fail (never timed assertions).
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
