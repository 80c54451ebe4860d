import { setupServer, type SetupServer } from 'msw/node';
import { createMockBackend, type MockBackend, type MockBackendOptions } from './backend.js';
import { createHandlers } from './handlers.js';

export interface MockServerOptions extends MockBackendOptions {
  /** Where the API is mocked. In node, give an absolute URL (`http://localhost/api`) to match one origin only. Default `/api` (any origin). */
  baseUrl?: string;
  /** An existing backend to serve (its own options win). */
  backend?: MockBackend;
}

/**
 * msw's `setupServer` over a mock backend, for in-process tests (Vitest): requests made with
 * `fetch` in the test process reach the same pipeline the browser worker and the HTTP server use.
 * Call `server.listen()` before the tests and `server.close()` after.
 */
export function createMockServer(options: MockServerOptions = {}): { server: SetupServer; backend: MockBackend } {
  const { backend: given, ...rest } = options;
  const baseUrl = options.baseUrl ?? '/api';
  const backend = given ?? createMockBackend({ ...rest, baseUrl });
  const server = setupServer(...createHandlers(backend, { baseUrl }));
  return { server, backend };
}

export { createHandlers } from './handlers.js';
export { createMockBackend } from './backend.js';
