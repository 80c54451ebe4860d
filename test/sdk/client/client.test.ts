import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AbortedError,
  ConflictError,
  createClient,
  HttpError,
  isAbortedError,
  isTimeoutError,
  NetworkError,
  RateLimitError,
  ResponseShapeError,
  TimeoutError,
  ValidationError,
  type ClientOptions,
  type LogEvent,
} from '@bianmin/sdk/client';
import {
  booking,
  bookingInput,
  bookingPage,
  errorBody,
  fakeFetch,
  json,
  NAME,
  PHONE,
  priceList,
  reachableStrings,
  ROOM,
  type Reply,
} from './helpers.js';

const BASE = 'https://api.test/api';
function setup(replies: Reply[], options: Partial<ClientOptions> = {}) {
  const f = fakeFetch(...replies);
  const client = createClient({ baseUrl: BASE, fetch: f, retry: { baseDelayMs: 1 }, ...options });
  return { f, client };
}
const rejection = <T>(p: Promise<T>) => p.then(() => undefined, (e: unknown) => e);

describe('input validation', () => {
  it('rejects an invalid body with a ValidationError before anything is sent', async () => {
    const { f, client } = setup([json(booking, 201)]);
    const e = await rejection(client.bookings.create({ ...bookingInput, contact: { name: NAME, phone: '12345' } }));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toMatchObject({ name: 'ValidationError', code: 'validation_failed', part: 'body', endpoint: 'bookings.create' });
    expect((e as ValidationError).issues[0]!.path).toEqual(['contact', 'phone']);
    expect(f.seen).toHaveLength(0);
  });

  it('rejects an invalid path parameter (no path traversal through ids) and an invalid query', async () => {
    const { f, client } = setup([json(booking)]);
    await expect(client.bookings.get('../admin')).rejects.toMatchObject({ name: 'ValidationError', part: 'params' });
    await expect(client.bookings.list({ limit: 0 })).rejects.toMatchObject({ name: 'ValidationError', part: 'query' });
    await expect(client.statements.list({ month: '2026-13' })).rejects.toMatchObject({ part: 'query', issues: [{ path: ['month'] }] });
    expect(f.seen).toHaveLength(0);
  });

  it('sends the parsed input: trimmed strings, no unknown keys', async () => {
    const { f, client } = setup([json(booking, 201)]);
    const input = { ...bookingInput, household: { building: ' 7 ', room: '1203 ' }, extra: 'dropped' };
    await client.bookings.create(input as typeof bookingInput);
    expect(f.seen[0]!.body).toMatchObject({ household: { building: '7', room: '1203' } });
    expect(f.seen[0]!.body).not.toHaveProperty('extra');
    expect(f.seen[0]!.headers['Content-Type']).toBe('application/json');
  });

  it('leaves undefined query values out and encodes the rest', async () => {
    const { f, client } = setup([json({ items: [], nextCursor: null })]);
    await client.loans.list({ q: '7栋 & 12', filter: undefined });
    expect(f.seen[0]!.url).toBe(`${BASE}/loans?q=${encodeURIComponent('7栋 & 12')}`);
  });
});

describe('response validation', () => {
  it('returns the validated object', async () => {
    const { client } = setup([json(booking, 201)]);
    await expect(client.bookings.create(bookingInput)).resolves.toEqual(booking);
  });

  it('names the first failing field path in the message, e.g. items.3.price.amount', async () => {
    const list = priceList(5);
    (list.items[3]!.price as { amount: unknown }).amount = '5.00';
    const { client } = setup([json(list, 200, { 'X-Request-Id': 'req-7' })]);
    const e = (await rejection(client.catalog.current())) as ResponseShapeError;
    expect(e).toBeInstanceOf(ResponseShapeError);
    expect(e.message).toContain('items.3.price.amount');
    expect(e.issues[0]!.path).toEqual(['items', 3, 'price', 'amount']);
    expect(e).toMatchObject({ endpoint: 'catalog.current', status: 200, requestId: 'req-7', code: 'response_shape' });
  });

  it('rejects money that is not integer fen', async () => {
    const { client } = setup([json({ ...booking, quote: { ...booking.quote, total: 80.5 } }, 201)]);
    await expect(client.bookings.create(bookingInput)).rejects.toThrow(/quote\.total/);
  });
});

describe('error mapping', () => {
  it.each([
    [400, 'validation_failed', HttpError],
    [401, 'unauthorized', HttpError],
    [403, 'forbidden', HttpError],
    [404, 'not_found', HttpError],
    [409, 'slot_taken', ConflictError],
    [409, 'invalid_transition', ConflictError],
    [422, 'idempotency_mismatch', HttpError],
    [429, 'rate_limited', RateLimitError],
    [500, 'internal', HttpError],
    [503, 'unavailable', HttpError],
  ] as const)('%i %s → %o with status, code and request id', async (status, code, Class) => {
    const { client } = setup([errorBody(status, code, { issues: [{ path: ['slot'], message: 'taken' }] })], { retry: 0 });
    const e = (await rejection(client.bookings.create(bookingInput))) as HttpError;
    expect(e).toBeInstanceOf(Class);
    expect(e.constructor).toBe(Class);
    expect(e).toMatchObject({ status, code, requestId: 'req-hdr', message: `${code} happened`, issues: [{ path: ['slot'] }] });
  });

  it('falls back to the body request id without the header', async () => {
    const { client } = setup([json({ code: 'not_found', message: 'no', requestId: 'req-b' }, 404)]);
    await expect(client.bookings.get('bk_1')).rejects.toMatchObject({ requestId: 'req-b', code: 'not_found' });
  });

  it('turns an error body that is not the ErrorBody shape into HttpError http_<status> with the raw body', async () => {
    const { client } = setup([new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'X-Request-Id': 'px-1' } })], { retry: 0 });
    const e = (await rejection(client.compound.get())) as HttpError;
    expect(e).toBeInstanceOf(HttpError);
    expect(e).toMatchObject({ status: 502, code: 'http_502', requestId: 'px-1', body: '<h1>Bad gateway</h1>', issues: [] });
    const { client: c2 } = setup([json({ error: 'nope' }, 418)]);
    await expect(c2.compound.get()).rejects.toMatchObject({ name: 'HttpError', code: 'http_418', body: { error: 'nope' } });
  });

  it('reads Retry-After into RateLimitError.retryAfterMs', async () => {
    const { client } = setup([errorBody(429, 'rate_limited', {}, { 'Retry-After': '30' })]);
    const e = (await rejection(client.compound.get())) as RateLimitError;
    expect(e).toBeInstanceOf(RateLimitError);
    expect(e.retryAfterMs).toBe(30_000);
  });

  it('turns a failed fetch into a NetworkError that keeps the cause', async () => {
    const { client } = setup(['network-error'], { retry: 0 });
    const e = (await rejection(client.compound.get())) as NetworkError;
    expect(e).toBeInstanceOf(NetworkError);
    expect(e.code).toBe('network_error');
    expect(e.cause).toBeInstanceOf(TypeError);
  });
});

describe('retries', () => {
  const retried: [string, Reply][] = [
    ['a network error', 'network-error'],
    ['408', errorBody(408, 'http_408')],
    ['429', errorBody(429, 'rate_limited', {}, { 'Retry-After': '0' })],
    ['500', errorBody(500, 'internal')],
    ['502', new Response('bad gateway', { status: 502 })],
    ['503', errorBody(503, 'unavailable')],
    ['504', new Response('', { status: 504 })],
  ];
  it.each(retried)('a GET is retried after %s', async (_, reply) => {
    const { f, client } = setup([reply, json(booking)]);
    await expect(client.bookings.get('bk_1')).resolves.toMatchObject({ id: 'bk_1' });
    expect(f.seen).toHaveLength(2);
  });

  it.each(retried)('a keyed POST is retried after %s with the same key', async (_, reply) => {
    const { f, client } = setup([reply, reply, json(booking, 201)]);
    await expect(client.bookings.create(bookingInput)).resolves.toMatchObject({ id: 'bk_1' });
    expect(f.seen).toHaveLength(3);
    const keys = f.seen.map((s) => s.headers['Idempotency-Key']);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it('a keyed POST is retried after 409 idempotency_in_flight, a GET or unkeyed POST is not', async () => {
    const inFlight = errorBody(409, 'idempotency_in_flight');
    const keyed = setup([inFlight, json(booking, 201)]);
    await expect(keyed.client.bookings.create(bookingInput, { idempotencyKey: 'k-1' })).resolves.toMatchObject({ id: 'bk_1' });
    expect(keyed.f.seen.map((s) => s.headers['Idempotency-Key'])).toEqual(['k-1', 'k-1']);
    const unkeyed = setup([inFlight, json(booking, 201)]);
    await expect(unkeyed.client.bookings.create(bookingInput, { idempotencyKey: null })).rejects.toBeInstanceOf(ConflictError);
    expect(unkeyed.f.seen).toHaveLength(1);
  });

  it.each([
    [400, 'validation_failed'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [422, 'idempotency_mismatch'],
    [409, 'slot_taken'],
  ] as const)('%i %s is never retried', async (status, code) => {
    const { f, client } = setup([errorBody(status, code), json(booking, 201)]);
    await expect(client.bookings.create(bookingInput)).rejects.toMatchObject({ status, code });
    expect(f.seen).toHaveLength(1);
    const get = setup([errorBody(status, code), json(booking)]);
    await expect(get.client.bookings.get('bk_1')).rejects.toMatchObject({ status, code });
    expect(get.f.seen).toHaveLength(1);
  });

  it('never retries a malformed response', async () => {
    const { f, client } = setup([json({}), json(booking)]);
    await expect(client.bookings.get('bk_1')).rejects.toBeInstanceOf(ResponseShapeError);
    expect(f.seen).toHaveLength(1);
  });

  it('never retries an unkeyed POST, even on 503 or a network error', async () => {
    for (const reply of [errorBody(503, 'unavailable'), 'network-error'] as Reply[]) {
      const { f, client } = setup([reply, json(booking, 201)]);
      await expect(client.bookings.create(bookingInput, { idempotencyKey: null })).rejects.toBeDefined();
      expect(f.seen).toHaveLength(1);
      expect(f.seen[0]!.headers).not.toHaveProperty('Idempotency-Key');
    }
  });

  it('never retries nor keys a POST of a non-idempotent endpoint', async () => {
    const { f, client } = setup([errorBody(503, 'unavailable'), json(booking)]);
    await expect(client.bookings.cancel('bk_1', {}, { idempotencyKey: 'ignored' })).rejects.toMatchObject({ status: 503 });
    expect(f.seen).toHaveLength(1);
    expect(f.seen[0]!.headers).not.toHaveProperty('Idempotency-Key');
  });

  it('stops after the limit: 1 + limit attempts', async () => {
    const { f, client } = setup([errorBody(500, 'internal')], { retry: { limit: 3, baseDelayMs: 1 } });
    await expect(client.bookings.get('bk_1')).rejects.toMatchObject({ status: 500 });
    expect(f.seen).toHaveLength(4);
  });

  it.each([0, { limit: 0 }])('retry: %o disables retrying', async (retry) => {
    const { f, client } = setup([errorBody(503, 'unavailable'), json(booking)], { retry });
    await expect(client.bookings.get('bk_1')).rejects.toMatchObject({ status: 503 });
    expect(f.seen).toHaveLength(1);
  });

  it('does not wait for a Retry-After longer than maxDelayMs: it throws and hands the delay over', async () => {
    const { f, client } = setup([errorBody(429, 'rate_limited', {}, { 'Retry-After': '60' }), json(booking)], {
      retry: { baseDelayMs: 1, maxDelayMs: 5000 },
    });
    const started = Date.now();
    await expect(client.bookings.get('bk_1')).rejects.toMatchObject({ name: 'RateLimitError', retryAfterMs: 60_000 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(f.seen).toHaveLength(1);
  });

  it('waits as long as Retry-After asks when it is within maxDelayMs', async () => {
    const { f, client } = setup([errorBody(503, 'unavailable', {}, { 'Retry-After': '1' }), json(booking)]);
    const started = Date.now();
    await client.bookings.get('bk_1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(f.seen).toHaveLength(2);
  });
});

describe('auth, locale and idempotency headers', () => {
  it('calls getToken for every attempt and sends it as a Bearer token', async () => {
    let n = 0;
    const getToken = vi.fn(async () => `tok-${++n}`);
    const { f, client } = setup([errorBody(503, 'unavailable'), json(booking)], { getToken });
    await client.bookings.get('bk_1');
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(f.seen.map((s) => s.headers.Authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('sends no Authorization header when there is no token', async () => {
    const { f, client } = setup([json(booking)], { getToken: () => null });
    await client.bookings.get('bk_1');
    expect(f.seen[0]!.headers).not.toHaveProperty('Authorization');
  });

  it('passes on what a failing getToken threw, even undefined, not a TypeError of its own', async () => {
    const refusal = new Error('signed out');
    await expect(setup([json(booking)], { getToken: () => Promise.reject(refusal) }).client.bookings.get('bk_1')).rejects.toBe(refusal);
    await expect(setup([json(booking)], { getToken: () => Promise.reject(undefined) }).client.bookings.get('bk_1')).rejects.toBeUndefined();
  });

  it('keeps the token nowhere on the client object', async () => {
    const secret = 'resident.secret-token-4711';
    const { client } = setup([json(booking)], { getToken: () => secret });
    await client.bookings.get('bk_1');
    expect(reachableStrings(client).some((s) => s.includes(secret))).toBe(false);
    expect(JSON.stringify(client)).not.toContain(secret);
  });

  it('sends the locale as Accept-Language, read on every request when it is a function', async () => {
    let locale = 'zh-CN';
    const { f, client } = setup([json(booking)], { locale: () => locale });
    await client.bookings.get('bk_1');
    locale = 'en';
    await client.bookings.get('bk_1');
    expect(f.seen.map((s) => s.headers['Accept-Language'])).toEqual(['zh-CN', 'en']);
  });

  it('generates a different key per call, and uses the caller key when given', async () => {
    const { f, client } = setup([json(booking, 201)]);
    await client.bookings.create(bookingInput);
    await client.bookings.create(bookingInput);
    await client.bookings.create(bookingInput, { idempotencyKey: 'outbox-42' });
    const keys = f.seen.map((s) => s.headers['Idempotency-Key']);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe('outbox-42');
  });

  it('takes an empty or blank key as no key: sent without one, and never retried', async () => {
    for (const idempotencyKey of ['', '  ']) {
      const { f, client } = setup([errorBody(503, 'unavailable'), json(booking, 201)]);
      await expect(client.bookings.create(bookingInput, { idempotencyKey })).rejects.toMatchObject({ status: 503 });
      expect(f.seen).toHaveLength(1);
      expect(f.seen[0]!.headers).not.toHaveProperty('Idempotency-Key');
    }
  });

  it('a failing getToken rejects with its own error, and nothing is sent', async () => {
    const refused = new Error('session expired');
    const { f, client } = setup([json(booking)], { getToken: () => Promise.reject(refused), retry: 0 });
    await expect(client.bookings.get('bk_1')).rejects.toBe(refused);
    expect(f.seen).toHaveLength(0);
  });
});

describe('onLog', () => {
  it('reports request, response, retry and error events without tokens, personal data, ids or query strings', async () => {
    const events: LogEvent[] = [];
    const token = 'staff.tok-secret';
    const { client } = setup(
      [errorBody(503, 'unavailable', { message: `${NAME} ${PHONE}` }), json(booking, 201)],
      { getToken: () => token, onLog: (e) => events.push(e) },
    );
    await client.bookings.create(bookingInput, { idempotencyKey: 'key-secret' });
    const { client: c2 } = setup([errorBody(404, 'not_found')], { onLog: (e) => events.push(e) });
    await rejection(c2.bookings.get('bk_ROOM1203'));
    await rejection(c2.loans.list({ q: `${ROOM} ${NAME}` }));

    expect(events.map((e) => e.type)).toEqual(['request', 'response', 'retry', 'request', 'response', 'request', 'response', 'error', 'request', 'response', 'error']);
    expect(events[2]).toMatchObject({ type: 'retry', status: 503, code: 'unavailable', attempt: 1, requestId: 'req-hdr', path: '/bookings' });
    expect(events[4]).toMatchObject({ type: 'response', status: 201, attempt: 2, method: 'POST' });
    expect(events[7]).toMatchObject({ type: 'error', path: '/bookings/{bookingId}', code: 'not_found', status: 404 });
    const text = JSON.stringify(events);
    for (const secret of [token, 'Bearer', NAME, PHONE, ROOM, 'key-secret', 'bk_ROOM', '?q', 'Authorization']) {
      expect(text).not.toContain(secret);
    }
  });

  it('a throwing logger does not fail the request', async () => {
    const { client } = setup([json(booking)], {
      onLog: () => {
        throw new Error('logger down');
      },
    });
    await expect(client.bookings.get('bk_1')).resolves.toMatchObject({ id: 'bk_1' });
  });
});

describe('timeouts and aborts', () => {
  const hang = (): Reply => () => new Promise<Response>(() => undefined);

  it('a timeout aborts the fetch signal and throws TimeoutError, even if fetch ignores the signal', async () => {
    const { f, client } = setup([hang()], { timeout: 50, retry: 0 });
    const e = await rejection(client.compound.get());
    expect(e).toBeInstanceOf(TimeoutError);
    expect(e).toMatchObject({ code: 'timeout', timeoutMs: 50 });
    expect(f.seen[0]!.signal.aborted).toBe(true);
  });

  it('a timed-out GET is retried like a network error, with a fresh signal', async () => {
    const { f, client } = setup([hang(), json(booking)], { timeout: 30 });
    await expect(client.bookings.get('bk_1')).resolves.toMatchObject({ id: 'bk_1' });
    expect(f.seen).toHaveLength(2);
    expect(f.seen[0]!.signal.aborted).toBe(true);
    expect(f.seen[1]!.signal.aborted).toBe(false);
  });

  it('a getToken that never answers is bounded by the timeout and by the caller’s abort', async () => {
    const stuck = () => new Promise<string>(() => undefined);
    const timed = setup([json(booking)], { getToken: stuck, timeout: 30, retry: 0 });
    await expect(timed.client.bookings.get('bk_1')).rejects.toMatchObject({ name: 'TimeoutError', timeoutMs: 30 });
    const aborted = setup([json(booking)], { getToken: stuck, timeout: 60_000 });
    const ctrl = new AbortController();
    const pending = rejection(aborted.client.bookings.get('bk_1', { signal: ctrl.signal }));
    setTimeout(() => ctrl.abort(), 20);
    expect(await pending).toBeInstanceOf(AbortedError);
    expect([...timed.f.seen, ...aborted.f.seen]).toHaveLength(0);
  });

  it('the per-call timeout overrides the client timeout', async () => {
    const { client } = setup([hang()], { timeout: 60_000, retry: 0 });
    await expect(client.compound.get({ timeout: 20 })).rejects.toMatchObject({ name: 'TimeoutError', timeoutMs: 20 });
  });

  it('a timeout also covers reading the body', async () => {
    const stalled = () =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"id":')) }), { status: 200 });
    const { client } = setup([stalled], { timeout: 50, retry: 0 });
    await expect(client.compound.get()).rejects.toBeInstanceOf(TimeoutError);
  });

  it("the caller's abort aborts the fetch, throws AbortedError and is not retried", async () => {
    const { f, client } = setup([hang(), json(booking)]);
    const ctrl = new AbortController();
    const p = rejection(client.bookings.get('bk_1', { signal: ctrl.signal }));
    await vi.waitFor(() => expect(f.seen).toHaveLength(1));
    ctrl.abort();
    const e = await p;
    expect(e).toBeInstanceOf(AbortedError);
    expect(isAbortedError(e) && !isTimeoutError(e)).toBe(true);
    expect(f.seen[0]!.signal.aborted).toBe(true);
    expect(f.seen).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const { f, client } = setup([json(booking)]);
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(client.bookings.get('bk_1', { signal: ctrl.signal })).rejects.toBeInstanceOf(AbortedError);
    expect(f.seen).toHaveLength(0);
  });

  it('an abort while getToken runs sends nothing', async () => {
    const ctrl = new AbortController();
    const { f, client } = setup([json(booking)], {
      getToken: async () => {
        ctrl.abort();
        return 'tok';
      },
    });
    await expect(client.bookings.get('bk_1', { signal: ctrl.signal })).rejects.toBeInstanceOf(AbortedError);
    expect(f.seen).toHaveLength(0);
  });

  it('aborting during the wait before a retry ends it with AbortedError', async () => {
    const { f, client } = setup([errorBody(503, 'unavailable', {}, { 'Retry-After': '3' }), json(booking)]);
    const ctrl = new AbortController();
    const p = rejection(client.bookings.get('bk_1', { signal: ctrl.signal }));
    await vi.waitFor(() => expect(f.seen).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 20));
    ctrl.abort();
    expect(await p).toBeInstanceOf(AbortedError);
    expect(f.seen).toHaveLength(1);
  });

  it("removes its listener from the caller's signal after each attempt", async () => {
    const ctrl = new AbortController();
    const add = vi.spyOn(ctrl.signal, 'addEventListener');
    const remove = vi.spyOn(ctrl.signal, 'removeEventListener');
    const { client } = setup([errorBody(500, 'internal'), json(booking)]);
    await client.bookings.get('bk_1', { signal: ctrl.signal });
    const added = add.mock.calls.filter(([type]) => type === 'abort').map(([, fn]) => fn);
    const removed = remove.mock.calls.filter(([type]) => type === 'abort').map(([, fn]) => fn);
    expect(added.length).toBeGreaterThan(0);
    for (const fn of added) expect(removed).toContain(fn);
  });

  describe('without AbortSignal.any and Object.hasOwn (older WebViews)', () => {
    const any = Object.getOwnPropertyDescriptor(AbortSignal, 'any');
    const hasOwn = Object.getOwnPropertyDescriptor(Object, 'hasOwn');
    const restore = () => {
      if (any) Object.defineProperty(AbortSignal, 'any', any);
      if (hasOwn) Object.defineProperty(Object, 'hasOwn', hasOwn);
    };
    afterEach(restore);

    it('still times out, aborts the fetch, retries and succeeds', async () => {
      // Node's own Response and fetch need Object.hasOwn, so this fetch answers with a plain object.
      const signals: AbortSignal[] = [];
      const fetch = (_url: string, init: { signal: AbortSignal }) => {
        signals.push(init.signal);
        if (signals.length === 1) return new Promise<never>(() => undefined);
        return Promise.resolve({ status: 201, headers: { get: () => null }, text: async () => JSON.stringify(booking) });
      };
      // Vitest's matchers need Object.hasOwn too: run first, restore, then assert.
      delete (AbortSignal as { any?: unknown }).any;
      delete (Object as { hasOwn?: unknown }).hasOwn;
      const missing = !('any' in AbortSignal) && !('hasOwn' in Object);
      const client = createClient({ baseUrl: BASE, fetch, timeout: 30, retry: { baseDelayMs: 1 } });
      const ctrl = new AbortController();
      const created = await client.bookings.create(bookingInput, { signal: ctrl.signal }).catch((e: unknown) => e);
      const firstSignals = signals.splice(0);
      const c2 = createClient({ baseUrl: BASE, fetch: (u, init) => fetch(u, { signal: init.signal }), timeout: 30, retry: 0 });
      const timedOut = await c2.bookings.get('bk_1', { signal: ctrl.signal }).catch((e: unknown) => e);
      restore();
      expect(missing).toBe(true);
      expect(created).toMatchObject({ id: 'bk_1' });
      expect(firstSignals.map((s) => s.aborted)).toEqual([true, false]);
      expect(timedOut).toBeInstanceOf(TimeoutError);
      expect(signals[0]!.aborted).toBe(true);
    });
  });
});

describe('listAll', () => {
  it('follows the cursors across pages and keeps the query', async () => {
    const { f, client } = setup([json(bookingPage(['a', 'b'], 'c1')), json(bookingPage(['c'], 'c2')), json(bookingPage([], null))]);
    const ids: string[] = [];
    for await (const b of client.bookings.listAll({ scope: 'past', limit: 2 })) ids.push(b.id);
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(f.seen.map((s) => s.url.replace(BASE, ''))).toEqual([
      '/bookings?scope=past&limit=2',
      '/bookings?scope=past&cursor=c1&limit=2',
      '/bookings?scope=past&cursor=c2&limit=2',
    ]);
  });

  it('stops fetching when the consumer breaks out', async () => {
    const { f, client } = setup([json(bookingPage(['a', 'b'], 'c1')), json(bookingPage(['c'], null))]);
    for await (const b of client.bookings.listAll()) if (b.id === 'a') break;
    expect(f.seen).toHaveLength(1);
  });

  it('throws a ResponseShapeError instead of looping on a cursor that repeats', async () => {
    const { client } = setup([json(bookingPage(['a'], 'same'))]);
    const run = async () => {
      for await (const _ of client.bookings.listAll({ cursor: 'same' })) void _;
    };
    await expect(run()).rejects.toMatchObject({ name: 'ResponseShapeError', issues: [{ path: ['nextCursor'] }] });
  });
});
