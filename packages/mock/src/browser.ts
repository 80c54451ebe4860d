import { setupWorker, type SetupWorker } from 'msw/browser';
import { createMockBackend, type MockBackend } from './backend.js';
import { createHandlers } from './handlers.js';
import type { Scenario } from './scenario.js';
import type { MockPersist } from './types.js';

/** Keeps the mock's state in localStorage under `key`, so a page reload keeps bookings and loans. */
export function localStoragePersist(key = 'bianmin-mock'): MockPersist {
  return {
    load: () => {
      try {
        return localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    save: (s) => {
      try {
        localStorage.setItem(key, s);
      } catch {
        // Storage full or blocked (private mode): the state stays in memory.
      }
    },
    clear: () => {
      try {
        localStorage.removeItem(key);
      } catch {
        // as above
      }
    },
  };
}

/** What the demo and browser tests reach through `window.bianminMock`. */
export interface BianminMockGlobal {
  backend: MockBackend;
  scenario: Scenario;
  tokens: MockBackend['tokens'];
  reset(): void;
  seedLoans(n: number): void;
}

declare global {
  interface Window {
    bianminMock?: BianminMockGlobal;
  }
}

export interface StartMockWorkerOptions {
  /** Default `/api`. */
  baseUrl?: string;
  /** Keep the state in localStorage (true: under `bianmin-mock`; a string: under that key). */
  persist?: boolean | string;
  /** Silence msw's console lines. Default true. */
  quiet?: boolean;
  /** Where msw's worker script is served. Default `/mockServiceWorker.js`. */
  serviceWorkerUrl?: string;
  /** The compound's clock (default: real time). */
  now?: () => Date;
}

/**
 * Starts msw's service worker over a mock backend and exposes the scenario controls on
 * `window.bianminMock`. Requests outside the base URL go to the network.
 */
export async function startMockWorker(options: StartMockWorkerOptions = {}): Promise<{ worker: SetupWorker; backend: MockBackend }> {
  const baseUrl = options.baseUrl ?? '/api';
  const persist = options.persist ? localStoragePersist(typeof options.persist === 'string' ? options.persist : undefined) : undefined;
  const backend = createMockBackend({ baseUrl, ...(persist ? { persist } : {}), ...(options.now ? { now: options.now } : {}) });
  const worker = setupWorker(...createHandlers(backend, { baseUrl }));
  await worker.start({
    quiet: options.quiet ?? true,
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
  });
  window.bianminMock = {
    backend,
    scenario: backend.scenario,
    tokens: backend.tokens,
    reset: () => backend.reset(),
    seedLoans: (n) => backend.seedLoans(n),
  };
  return { worker, backend };
}

export { createMockBackend } from './backend.js';
export { createHandlers } from './handlers.js';
export { DEMO_RESIDENT_TOKEN, DEMO_STAFF_TOKEN } from './fixtures/people.js';
