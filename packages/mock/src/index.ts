/**
 * @bianmin/mock: an in-memory compound (翠湖花园) that applies the real rules of @bianmin/sdk, behind
 * msw handlers. The HTTP server (`@bianmin/mock/server`), the browser worker (`@bianmin/mock/browser`)
 * and msw's node server (`@bianmin/mock/node`) have their own entries.
 */
export { createMockBackend } from './backend.js';
export type { MockBackend, MockBackendOptions } from './backend.js';
export { createHandlers } from './handlers.js';
export type { HandlerOptions } from './handlers.js';
export { createFixtures, FIXTURE_IDS, CATEGORIES } from './fixtures/index.js';
export {
  COMPOUND,
  DEMO_HOUSEHOLD_ID,
  DEMO_RESIDENT_TOKEN,
  DEMO_STAFF_ID,
  DEMO_STAFF_TOKEN,
  HOUSEHOLDS,
  NIGHT_STAFF_ID,
  OTHER_HOUSEHOLD_ID,
  OTHER_RESIDENT_TOKEN,
  STAFF,
} from './fixtures/people.js';
export { canonicalJson } from './idempotency.js';
export type { Scenario, FailOptions, PendingFailure } from './scenario.js';
export type { MockState, MockPersist, Staff } from './types.js';
