// @ts-check
// Browser tests for @bianmin/elements (and anything else under test/elements).
//
// - TypeScript is compiled by esbuild with tsconfig.base.json, whose compilerOptions
//   carry experimentalDecorators + useDefineForClassFields:false inline (esbuild's
//   transform API does not follow `extends`, so tsconfig.json would not do).
// - @bianmin/* resolve through the `source` export condition (src/*.ts).
// - The browser is the system Chromium (never a downloaded one): $CHROME_PATH or
//   /usr/bin/chromium, flags in scripts/chrome.mjs.
// - /mockServiceWorker.js is served straight from node_modules/msw/lib.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromePath, chromiumArgs } from './scripts/chrome.mjs';
import { bundlesMiddleware } from './test/elements/helpers/bundles.mjs';

const require = createRequire(import.meta.url);

let executablePath;
try {
  executablePath = chromePath();
} catch (e) {
  throw new Error(`[web-test-runner] ${e instanceof Error ? e.message : e}`);
}

const mswWorkerPath = require.resolve('msw/mockServiceWorker.js', { paths: [process.cwd()] });

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/elements/**/*.test.ts'],
  rootDir: '.',
  nodeResolve: {
    exportConditions: ['source', 'browser', 'development'],
    browser: true,
  },
  // 2 cores: two pages at a time (override with WTR_CONCURRENCY=1 when debugging flakiness).
  concurrency: Number(process.env.WTR_CONCURRENCY) || 2,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  // Lit's dev-mode banner is noise; everything else from the browser console is shown.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  testFramework: {
    config: { timeout: 10_000 },
  },
  middleware: [
    function mockServiceWorker(context, next) {
      if (context.path === '/mockServiceWorker.js') {
        context.type = 'application/javascript';
        context.set('Cache-Control', 'no-cache');
        context.body = readFileSync(mswWorkerPath, 'utf8');
        return undefined;
      }
      return next();
    },
    // /__bianmin__/*: esbuild bundles of the kit and the CSP / older-engine pages (see the file).
    bundlesMiddleware,
  ],
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2021',
      tsconfig: new URL('./tsconfig.base.json', import.meta.url).pathname,
    }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        headless: true,
        args: chromiumArgs,
      },
    }),
  ],
};
