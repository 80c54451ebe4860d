// Example only, never part of the kit: the Bianmin API mocked in the page (msw in a service worker
// over the mock compound 翠湖花园), so docs/examples/embed/*.html run without a backend.
// `npm run example:embed` bundles this file to ./mock-api.js and puts msw's worker beside it.
//
// A real page drops the <script src="./mock-api.js"> line and points `base-url` at its API.
import { DEMO_RESIDENT_TOKEN, startMockWorker } from '@bianmin/mock/browser';

// The worker needs a moment to take control of the page; until then a request would reach the
// real network (404). Hold every fetch until it is ready — this script runs before the kit's.
const ready = startMockWorker({ baseUrl: '/api', serviceWorkerUrl: './mockServiceWorker.js' });
const networkFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = (input, init) => ready.then(() => networkFetch(input, init));

// The page reads its token from sessionStorage, as it would after a WeChat login; here the
// token of the mock's demo household (2栋 0601).
sessionStorage.setItem('bianmin-token', DEMO_RESIDENT_TOKEN);
