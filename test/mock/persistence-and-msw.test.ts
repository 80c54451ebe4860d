import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RESIDENT_TOKEN, DEMO_STAFF_TOKEN, createMockBackend, type MockPersist } from '@bianmin/mock';
import { createMockServer } from '@bianmin/mock/node';
import { bookingFor, clock, direct, send, staffCheckout } from './helpers.js';

/** A storage like localStorage, in memory, counting what happens to it. */
function memoryPersist() {
  let value: string | null = null;
  const log = { saves: 0, clears: 0 };
  const persist: MockPersist = {
    load: () => value,
    save: (s) => {
      value = s;
      log.saves += 1;
    },
    clear: () => {
      value = null;
      log.clears += 1;
    },
  };
  return { persist, log, peek: () => value };
}

describe('persistence', () => {
  it('saves after every write, not after reads, and a new backend loads what was saved', async () => {
    const c = clock();
    const store = memoryPersist();
    const a = createMockBackend({ now: c.now, persist: store.persist });
    const call = direct(a);
    await call({ method: 'GET', path: '/catalog' });
    expect(store.log.saves).toBe(0);
    const made = await call({ method: 'POST', path: '/bookings', token: DEMO_RESIDENT_TOKEN, body: bookingFor('svc-dry-cleaning') });
    await call({ method: 'POST', path: '/loans', token: DEMO_STAFF_TOKEN, body: staffCheckout('li-poncho', 2) });
    expect(store.log.saves).toBe(2);

    const b = createMockBackend({ now: c.now, persist: store.persist });
    expect(b.state.bookings.find((x) => x.id === made.body.id)?.number).toBe(made.body.number);
    expect(b.state.loanItems.find((i) => i.id === 'li-poncho')?.available).toBe(1);
    // Numbers go on from the saved counters.
    const next = await direct(b)({ method: 'POST', path: '/bookings', token: DEMO_RESIDENT_TOKEN, body: bookingFor('svc-dry-cleaning') });
    expect(Number(next.body.number.slice(-4))).toBe(Number(made.body.number.slice(-4)) + 1);
  });

  it('a state saved before receipts were kept loads with none: its old statements are issued, not paid', async () => {
    const c = clock();
    const store = memoryPersist();
    const a = createMockBackend({ now: c.now, persist: store.persist });
    await direct(a)({ method: 'POST', path: '/loans', token: DEMO_STAFF_TOKEN, body: staffCheckout('li-poncho') });
    const saved = JSON.parse(store.peek() ?? '{}');
    expect(saved.receipts.length).toBeGreaterThan(0);
    delete saved.receipts;
    store.persist.save(JSON.stringify(saved));
    const b = createMockBackend({ now: c.now, persist: store.persist });
    expect(b.state.receipts).toEqual([]);
    expect(b.state.loanItems.find((i) => i.id === 'li-poncho')?.available, 'the rest of the save is kept').toBe(2);
    const res = await direct(b)({ method: 'GET', path: '/statements', token: DEMO_RESIDENT_TOKEN });
    expect(res.status).toBe(200);
    expect(res.body.some((s: { status: string }) => s.status === 'paid')).toBe(false);
  });

  it('reset restores the fixtures and clears the storage', async () => {
    const c = clock();
    const store = memoryPersist();
    const backend = createMockBackend({ now: c.now, persist: store.persist });
    const fresh = JSON.stringify(backend.state);
    await direct(backend)({ method: 'POST', path: '/loans', token: DEMO_STAFF_TOKEN, body: staffCheckout('li-poncho') });
    expect(store.peek()).not.toBeNull();
    backend.reset();
    expect(store.peek()).toBeNull();
    expect(store.log.clears).toBe(1);
    expect(JSON.stringify(backend.state)).toBe(fresh);
  });

  it('a keyed POST retried after a reload replays the stored answer: no second record; reset forgets the key', async () => {
    const c = clock();
    const store = memoryPersist();
    const body = { kind: 'repair', location: { building: '2栋', room: '0601' }, phone: '13812345678', description: '厨房水管漏水' };
    const ask = (backend: ReturnType<typeof createMockBackend>, more: Partial<typeof body> = {}) =>
      direct(backend)({ method: 'POST', path: '/help-requests', token: DEMO_RESIDENT_TOKEN, headers: { 'Idempotency-Key': 'help-after-reload-1' }, body: { ...body, ...more } });
    const a = createMockBackend({ now: c.now, persist: store.persist });
    // The request is committed and its answer lost on the way back; then the page reloads.
    a.scenario.dropAfterCommit();
    expect((await ask(a)).status).toBe(0);
    const count = a.state.helpRequests.length;
    const made = a.state.helpRequests.at(-1);

    const b = createMockBackend({ now: c.now, persist: store.persist });
    const retry = await ask(b);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(retry.body.id).toBe(made?.id);
    expect(b.state.helpRequests).toHaveLength(count);
    expect((await ask(b, { description: '另一件事' })).status).toBe(422);
    // The saved state is still only the state.
    expect(Object.keys(b.state)).toEqual(Object.keys(a.state));

    b.reset();
    const c2 = createMockBackend({ now: c.now, persist: store.persist });
    const anew = await ask(c2);
    expect(anew.status).toBe(201);
    expect(anew.headers.get('Idempotent-Replayed')).toBeNull();
  });

  it('an unreadable save is dropped and the fixtures are used', () => {
    const store = memoryPersist();
    store.persist.save('{not json');
    const backend = createMockBackend({ now: clock().now, persist: store.persist });
    expect(backend.state.bookings.length).toBeGreaterThan(0);
    expect(store.peek()).toBeNull();
  });
});

describe('msw in node (setupServer)', () => {
  const { server, backend } = createMockServer({ now: clock().now });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  const viaFetch = (path: string, init: { token?: string; method?: 'GET' | 'POST'; body?: unknown } = {}) =>
    send((r) => fetch(r), 'http://bianmin.test/api', { method: init.method ?? 'GET', path, ...(init.token ? { token: init.token } : {}), ...(init.body ? { body: init.body } : {}) });

  it('fetch in the test process reaches the same pipeline', async () => {
    const me = await viaFetch('/me', { token: DEMO_RESIDENT_TOKEN });
    expect(me.body.household.id).toBe('h-2-0601');
    const made = await viaFetch('/bookings', { method: 'POST', token: DEMO_RESIDENT_TOKEN, body: bookingFor('svc-dry-cleaning') });
    expect(made.status).toBe(201);
    expect(backend.state.bookings.some((b) => b.id === made.body.id)).toBe(true);
  });

  it('a network error from the scenario becomes a failed fetch', async () => {
    backend.scenario.failNext(0, 1, { path: '/compound' });
    await expect(viaFetch('/compound')).rejects.toThrow(TypeError);
    expect((await viaFetch('/compound')).status).toBe(200);
  });
});
