// Older engines: the built kit (an esbuild bundle of every define entry, es2021, as an app ships it)
// in a page where `AbortSignal.any`, `AbortSignal.timeout`, `Object.hasOwn` and
// `crypto.randomUUID` were deleted before the kit loaded, as in the WebViews of a few years ago.
// Every widget still renders its data, a per-attempt timeout still rejects with a TimeoutError and
// aborts the fetch it gave up on, a caller's abort still aborts, and idempotency keys are still
// random UUIDs (from crypto.getRandomValues).
import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { createHandlers, createMockBackend, DEMO_RESIDENT_TOKEN, DEMO_STAFF_TOKEN, FIXTURE_IDS } from '@bianmin/mock';
import { toEpoch } from '@bianmin/sdk';
import type { OldEngines } from './pages/old-engines-page.js';
import { useMsw } from './helpers/msw.js';

const backend = createMockBackend({ now: () => new Date(toEpoch('2026-03-11T10:00:00+08:00')) });
/** Requests the slow handler saw. */
const slow: string[] = [];

async function openPage(): Promise<{ frame: HTMLIFrameElement; page: OldEngines }> {
  const frame = document.createElement('iframe');
  frame.style.width = '1280px';
  frame.style.height = '800px';
  frame.src = '/__bianmin__/old-engines.html';
  document.body.append(frame);
  const start = performance.now();
  for (;;) {
    const page = (frame.contentWindow as (Window & { bianminOldEngines?: OldEngines }) | null)?.bianminOldEngines;
    if (page) return { frame, page };
    if (performance.now() - start > 20_000) throw new Error('the older-engine page did not start (bundle failed to build or load?)');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the built kit on an engine without AbortSignal.any, AbortSignal.timeout, Object.hasOwn and crypto.randomUUID', function () {
  useMsw(
    // Answers after 10 s: the client gives up first.
    http.all('/slow-api/*', async ({ request }) => {
      slow.push(request.url);
      await delay(10_000);
      return HttpResponse.json({ role: 'resident' });
    }),
    ...createHandlers(backend, { baseUrl: '/api' }),
  );
  let frame: HTMLIFrameElement;
  let page: OldEngines;

  before(async function (this: MochaContext) {
    this.timeout(60_000);
    ({ frame, page } = await openPage());
  });
  after(() => frame?.remove());

  it('really runs without them', () => {
    expect(page.deleted).to.deep.equal({ 'AbortSignal.any': true, 'AbortSignal.timeout': true, 'Object.hasOwn': true, 'crypto.randomUUID': true });
    const w = frame.contentWindow as Window & typeof globalThis;
    expect(typeof (w.AbortSignal as unknown as { any?: unknown }).any).to.equal('undefined');
    expect(typeof (w.Object as unknown as { hasOwn?: unknown }).hasOwn).to.equal('undefined');
    expect(typeof (w.crypto as unknown as { randomUUID?: unknown }).randomUUID).to.equal('undefined');
  });

  it('renders every widget with its data from the mock backend', async function (this: MochaContext) {
    this.timeout(60_000);
    const reports = await page.mount({ residentToken: DEMO_RESIDENT_TOKEN, staffToken: DEMO_STAFF_TOKEN, serviceId: FIXTURE_IDS.slotService, outboxName: `old-${Date.now()}` });
    expect(reports.map((r) => r.tag)).to.deep.equal(['bm-service-menu', 'bm-booking-form', 'bm-booking-list', 'bm-help-button', 'bm-loan-ledger', 'bm-fee-board']);
    for (const r of reports) expect(r.rendered, `${r.tag} shows its data; it shows: ${r.text}`).to.equal(true);
  });

  it('rejects a slow call with a TimeoutError after its timeout, and aborts the fetch it gave up on', async function (this: MochaContext) {
    this.timeout(30_000);
    slow.length = 0;
    const out = await page.call({ baseUrl: '/slow-api', token: DEMO_RESIDENT_TOKEN, timeout: 200, op: 'me' });
    expect(out.name).to.equal('TimeoutError');
    expect(out.timeout).to.equal(true);
    expect(out.fetchSignalAborted, 'the signal handed to fetch is aborted').to.equal(true);
    expect(slow, 'one attempt (retry: 0)').to.have.length(1);
  });

  it("aborts a call when the caller's signal aborts, before any timeout", async function (this: MochaContext) {
    this.timeout(30_000);
    const out = await page.call({ baseUrl: '/slow-api', token: DEMO_RESIDENT_TOKEN, timeout: 5000, abortAfter: 100, op: 'me' });
    expect(out.name).to.equal('AbortedError');
    expect(out.aborted).to.equal(true);
    expect(out.fetchSignalAborted).to.equal(true);
  });

  it('still sends every write with a random version-4 UUID as its idempotency key', async () => {
    const keys = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const out = await page.call({ baseUrl: '/api', token: DEMO_RESIDENT_TOKEN, timeout: 10_000, op: 'create-help' });
      expect(out.name).to.equal('resolved');
      const key = out.headers['Idempotency-Key']!;
      expect(key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      keys.add(key);
    }
    expect(keys.size).to.equal(3);
  });
});
