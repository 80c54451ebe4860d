/**
 * msw in browser tests: one service worker per test file (each WTR test file runs in
 * its own page and browser context). Unhandled requests are errors (static assets such
 * as .js/.ts/.css and node_modules are ignored by msw itself), so a component that
 * calls an endpoint nobody mocked fails loudly.
 *
 *   import { http, HttpResponse } from 'msw';
 *   import { useMsw } from '../helpers/msw.js';
 *
 *   describe('bm-thing', () => {
 *     const msw = useMsw(http.get('/api/ping', () => HttpResponse.json({ ok: true })));
 *     it('...', async () => {
 *       msw.use(http.get('/api/ping', () => HttpResponse.error()));   // per-test override
 *     });
 *   });
 *
 * useMsw() registers mocha hooks: before → start (once), afterEach → resetHandlers()
 * (back to the handlers given to useMsw), after → stop. The worker script is served at
 * /mockServiceWorker.js by web-test-runner.config.mjs.
 */
import type { AnyHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';

export type Handler = AnyHandler;

let worker: SetupWorker | undefined;
let starting: Promise<SetupWorker> | undefined;

/** Starts the worker once for this page; later calls replace the initial handlers. */
export async function startMsw(...handlers: Handler[]): Promise<SetupWorker> {
  if (worker) {
    worker.resetHandlers(...handlers);
    return worker;
  }
  starting ??= (async () => {
    const w = setupWorker(...handlers);
    await w.start({
      quiet: true,
      onUnhandledRequest: 'error',
      serviceWorker: { url: '/mockServiceWorker.js' },
    });
    worker = w;
    return w;
  })();
  return starting;
}

export function stopMsw(): void {
  worker?.stop();
  worker = undefined;
  starting = undefined;
}

export interface MswController {
  /** Prepend handlers for the current test (undone by resetHandlers after each test). */
  use(...handlers: Handler[]): void;
  /** Back to the initial handlers, or to `handlers` if given. */
  resetHandlers(...handlers: Handler[]): void;
  readonly worker: SetupWorker;
}

export function useMsw(...initialHandlers: Handler[]): MswController {
  before(async () => {
    await startMsw(...initialHandlers);
  });
  afterEach(() => {
    worker?.resetHandlers();
  });
  after(() => {
    stopMsw();
  });
  const get = (): SetupWorker => {
    if (!worker) throw new Error('msw worker not started yet: call use()/resetHandlers() inside tests or hooks');
    return worker;
  };
  return {
    use: (...handlers) => get().use(...handlers),
    resetHandlers: (...handlers) => get().resetHandlers(...handlers),
    get worker() {
      return get();
    },
  };
}
