import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RESIDENT_TOKEN, DEMO_STAFF_TOKEN, FIXTURE_IDS, createMockBackend } from '@bianmin/mock';
import { startMockServer, type RunningMockServer } from '@bianmin/mock/server';
import { bookingFor, clock, freeSlot, overHttp, staffCheckout } from './helpers.js';

const R = DEMO_RESIDENT_TOKEN;
const S = DEMO_STAFF_TOKEN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let server: RunningMockServer;
let call: ReturnType<typeof overHttp>;
const c = clock();

beforeAll(async () => {
  server = await startMockServer({ port: 0, backend: createMockBackend({ now: c.now }) });
  call = overHttp(server.url);
});
afterAll(() => server.close());
afterEach(() => {
  server.backend.reset();
  server.requests.length = 0;
});

/** Rejects like a dropped connection: fetch throws a TypeError. */
async function networkFailure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'answered';
  } catch (e) {
    return e instanceof TypeError ? 'network error' : String(e);
  }
}

describe('the HTTP server', () => {
  it('binds to 127.0.0.1 and serves the API under /api', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
  });

  it('answers CORS preflights and exposes the request id', async () => {
    const pre = await fetch(`${server.url}/bookings`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, idempotency-key' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/Authorization.*Content-Type.*Idempotency-Key.*Accept-Language/);
    const get = await fetch(`${server.url}/compound`, { headers: { Origin: 'http://localhost:5173' } });
    expect(get.headers.get('access-control-expose-headers')).toMatch(/X-Request-Id.*Retry-After/);
  });

  it('20 concurrent bookings of one slot of capacity 1: exactly one is created, 19 get slot_taken', async () => {
    const slot = freeSlot(server.backend.state, server.backend.now(), FIXTURE_IDS.slotService);
    const households = server.backend.state.households;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const h = households[i % households.length];
        if (!h) throw new Error('no household');
        // Staff book for twenty households, so no per-household quota gets in the way (tenants prepay).
        const settlement = h.occupancy === 'tenant' ? 'prepaid' : 'per-visit';
        return call({ method: 'POST', path: '/bookings', token: S, body: bookingFor(FIXTURE_IDS.slotService, { slot, household: h.address, settlement }) });
      }),
    );
    const statuses = answers.map((a) => (a.status === 201 ? 'created' : a.body.code));
    expect(statuses.filter((s) => s === 'created')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'slot_taken')).toHaveLength(19);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(19);
    expect(server.backend.state.bookings.filter((b) => b.serviceId === FIXTURE_IDS.slotService && b.slot?.start === slot.start)).toHaveLength(1);
  });

  it('concurrent checkouts never take the stock below zero', async () => {
    const before = server.backend.state.loanItems.find((i) => i.id === 'li-umbrella')?.available ?? 0;
    const answers = await Promise.all(Array.from({ length: 12 }, () => call({ method: 'POST', path: '/loans', token: S, body: staffCheckout('li-umbrella') })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(before);
    expect(answers.filter((a) => a.body.code === 'out_of_stock')).toHaveLength(12 - before);
    expect(server.backend.state.loanItems.find((i) => i.id === 'li-umbrella')?.available).toBe(0);
  });
});

describe('idempotency keys', () => {
  const book = (key: string, quantity = 1) =>
    call({ method: 'POST', path: '/bookings', token: R, headers: { 'Idempotency-Key': key }, body: bookingFor('svc-dry-cleaning', { quantity }) });

  it('the same key and body replays the stored response; nothing is booked twice', async () => {
    const count = server.backend.state.bookings.length;
    const first = await book('k-replay');
    const second = await book('k-replay');
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(server.backend.state.bookings.length).toBe(count + 1);
    expect(server.requests.filter((r) => r.idempotencyKey === 'k-replay')).toHaveLength(2);
  });

  it('a key of fewer than 8 or more than 128 characters is a 400 on the header, and books nothing', async () => {
    const count = server.backend.state.bookings.length;
    for (const key of ['abc', 'x'.repeat(129)]) {
      const r = await book(key);
      expect([r.status, r.body.code, r.body.issues]).toEqual([400, 'validation_failed', [{ path: ['Idempotency-Key'], message: 'an idempotency key is 8 to 128 characters' }]]);
    }
    expect(server.backend.state.bookings.length).toBe(count);
    expect((await book('k'.repeat(8))).status).toBe(201);
    expect((await book('k'.repeat(128))).status).toBe(201);
  });

  it('the same key with another body is a 422 idempotency_mismatch', async () => {
    await book('k-mismatch', 1);
    const other = await book('k-mismatch', 2);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_mismatch');
  });

  it('the same key while the first is in flight is a 409 idempotency_in_flight', async () => {
    server.backend.scenario.latencyMs = 150;
    const first = book('k-flight');
    await sleep(30);
    const second = await book('k-flight');
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('idempotency_in_flight');
    expect((await first).status).toBe(201);
  });

  it('keys are scoped per token: another caller with the same key is processed anew', async () => {
    const mine = await book('k-scope-1');
    const theirs = await call({ method: 'POST', path: '/bookings', token: S, headers: { 'Idempotency-Key': 'k-scope-1' }, body: bookingFor('svc-dry-cleaning') });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });
});

describe('scenario controls, observed over HTTP', () => {
  it('failNext answers the next matching request with the status, code and Retry-After, then lets requests through', async () => {
    server.backend.scenario.failNext(503, 2, { path: '/catalog', retryAfter: 7 });
    const other = await call({ method: 'GET', path: '/compound' });
    expect(other.status).toBe(200);
    const a = await call({ method: 'GET', path: '/catalog' });
    expect(a.status).toBe(503);
    expect(a.body.code).toBe('unavailable');
    expect(a.headers.get('retry-after')).toBe('7');
    expect((await call({ method: 'GET', path: '/catalog' })).status).toBe(503);
    expect((await call({ method: 'GET', path: '/catalog' })).status).toBe(200);
  });

  it('failNext matches a path template and a method, and takes a code', async () => {
    server.backend.scenario.failNext(429, 1, { path: '/bookings/{bookingId}/cancel', method: 'POST', code: 'rate_limited' });
    const id = server.backend.state.bookings.find((b) => b.status === 'confirmed' && b.householdId === 'h-2-0601')?.id;
    expect((await call({ method: 'GET', path: `/bookings/${id}`, token: R })).status).toBe(200);
    const limited = await call({ method: 'POST', path: `/bookings/${id}/cancel`, token: R, body: {} });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
  });

  it('failNext(0) destroys the socket: the client sees a network error', async () => {
    server.backend.scenario.failNext(0);
    expect(await networkFailure(call({ method: 'GET', path: '/compound' }))).toBe('network error');
    expect((await call({ method: 'GET', path: '/compound' })).status).toBe(200);
  });

  it('offline fails every request as a network error until switched back', async () => {
    server.backend.scenario.offline = true;
    expect(await networkFailure(call({ method: 'GET', path: '/compound' }))).toBe('network error');
    expect(await networkFailure(fetch(`${server.url}/compound`, { method: 'OPTIONS' }))).toBe('network error');
    server.backend.scenario.offline = false;
    expect((await call({ method: 'GET', path: '/compound' })).status).toBe(200);
  });

  it('dropAfterCommit commits the write and loses the answer; a retry with the same key gets the stored one', async () => {
    const count = server.backend.state.bookings.length;
    server.backend.scenario.dropAfterCommit();
    const send = () =>
      call({ method: 'POST', path: '/bookings', token: R, headers: { 'Idempotency-Key': 'k-drop-01' }, body: bookingFor('svc-dry-cleaning') });
    expect(await networkFailure(send())).toBe('network error');
    expect(server.backend.state.bookings.length).toBe(count + 1);
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(server.backend.state.bookings[count]?.id);
    expect(server.backend.state.bookings.length).toBe(count + 1);
  });

  it('latency delays every answer', async () => {
    server.backend.scenario.latencyMs = 120;
    const t = performance.now();
    await call({ method: 'GET', path: '/compound' });
    expect(performance.now() - t).toBeGreaterThanOrEqual(110);
  });

  it('a request the client aborts before the answer is logged as aborted', async () => {
    server.backend.scenario.latencyMs = 300;
    const ac = new AbortController();
    const pending = call({ method: 'GET', path: '/catalog', signal: ac.signal });
    await sleep(50);
    ac.abort();
    await expect(pending).rejects.toThrow();
    await sleep(350);
    const entry = server.requests.find((r) => r.path === '/api/catalog');
    expect(entry).toMatchObject({ method: 'GET', aborted: true });
    expect(entry?.status).toBeUndefined();
    const ok = await call({ method: 'GET', path: '/compound' });
    expect(ok.status).toBe(200);
    expect(server.requests.find((r) => r.path === '/api/compound')).toMatchObject({ aborted: false, status: 200 });
  });
});

describe('a register of 10,000 loans', () => {
  it('pages through with cursors, every loan exactly once', async () => {
    server.backend.seedLoans(10_000);
    const total = server.backend.state.loans.length;
    expect(total).toBeGreaterThan(10_000);
    const seen = new Set<string>();
    let duplicates = 0;
    let pages = 0;
    let cursor: string | undefined;
    do {
      const page = await call({ method: 'GET', path: '/loans', token: S, query: { limit: 200, ...(cursor ? { cursor } : {}) } });
      expect(page.status).toBe(200);
      for (const l of page.body.items as { id: string }[]) {
        if (seen.has(l.id)) duplicates += 1;
        seen.add(l.id);
      }
      cursor = page.body.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 100);
    expect(duplicates).toBe(0);
    expect(seen.size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 200));
  });
});
