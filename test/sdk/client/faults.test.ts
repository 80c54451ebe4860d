// Fault tests against the real mock HTTP server on 127.0.0.1: dropped connections, error statuses,
// slow responses, and what the server actually received (server.requests).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startMockServer } from '@bianmin/mock/server';
import { createClient, TimeoutError, type ClientOptions, type LogEvent } from '@bianmin/sdk/client';
import type { BookingInput } from '@bianmin/sdk';
import { nodeHttpFetch } from './node-fetch.js';

type Server = Awaited<ReturnType<typeof startMockServer>>;
type MockProcess = Awaited<ReturnType<typeof startMockProcess>>;

/** The mock server in a child process (see mock-process.ts), with the few controls the tests need. */
async function startMockProcess() {
  const child = fork(fileURLToPath(new URL('./mock-process.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx', '--conditions=source'],
    cwd: fileURLToPath(new URL('../../..', import.meta.url)),
  });
  const waiting = new Map<number, (m: { requests?: Server['requests'] }) => void>();
  let next = 0;
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`mock process exited with ${code}`)));
    child.on('message', (m: { ready?: boolean; url?: string; id?: number; requests?: Server['requests'] }) => {
      if (m.ready && m.url) resolve(m.url);
      if (m.id !== undefined) waiting.get(m.id)?.(m);
    });
  });
  const ask = (message: { op: 'latency'; ms: number } | { op: 'requests' } | { op: 'close' }) =>
    new Promise<{ requests?: Server['requests'] }>((resolve) => {
      const id = ++next;
      waiting.set(id, resolve);
      child.send({ ...message, id });
    });
  return {
    url,
    latency: (ms: number) => ask({ op: 'latency', ms }),
    requests: async () => (await ask({ op: 'requests' })).requests ?? [],
    close: async () => {
      child.removeAllListeners('exit');
      const exited = new Promise((r) => child.once('exit', r));
      await ask({ op: 'close' });
      await exited;
    },
  };
}
let server: Server;

beforeAll(async () => {
  server = await startMockServer({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.backend.reset();
  server.backend.scenario.reset();
});
afterEach(() => {
  server.backend.scenario.reset();
});

/** The demo resident (2栋 0601, 王芳) asks for a plumber: no slot, priced labour + materials. */
const plumbing: BookingInput = {
  serviceId: 'svc-plumbing',
  household: { building: '2栋', room: '0601' },
  contact: { name: '王芳', phone: '13812345678' },
  settlement: 'per-visit',
  notes: '厨房水龙头漏水',
};

function resident(options: Partial<ClientOptions> = {}) {
  return createClient({ baseUrl: server.url, getToken: () => server.backend.tokens.resident, retry: { baseDelayMs: 1 }, ...options });
}

/** The requests the server has received since `from`, for one method and path (without the API prefix). */
function received(from: number, method: string, path: string) {
  return server.requests.slice(from).filter((r) => r.method === method && r.path.split('?')[0]!.endsWith(path));
}

const bookingCount = (): number => server.backend.state.bookings.length;

describe('retried: the same request succeeds on a later attempt', () => {
  const retried: [string, number, { retryAfter?: number }][] = [
    ['a dropped connection (status 0)', 0, {}],
    ['408', 408, {}],
    ['429 with Retry-After: 0', 429, { retryAfter: 0 }],
    ['429 with Retry-After: 1', 429, { retryAfter: 1 }],
    ['500', 500, {}],
    ['502', 502, {}],
    ['503', 503, {}],
    ['504', 504, {}],
  ];

  it.each(retried)('GET after %s', async (_, status, opts) => {
    const from = server.requests.length;
    server.backend.scenario.failNext(status, 1, { path: '/compound', ...opts });
    await expect(resident().compound.get()).resolves.toMatchObject({ timeZone: 'Asia/Shanghai' });
    const seen = received(from, 'GET', '/compound');
    expect(seen).toHaveLength(2);
    expect(seen[1]!.status).toBe(200);
  });

  it.each(retried)('keyed POST /bookings after %s, with the same Idempotency-Key', async (_, status, opts) => {
    const from = server.requests.length;
    server.backend.scenario.failNext(status, 1, { path: '/bookings', method: 'POST', ...opts });
    const booking = await resident().bookings.create(plumbing);
    const seen = received(from, 'POST', '/bookings');
    expect(seen).toHaveLength(2);
    expect(seen[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[1]!.idempotencyKey).toBe(seen[0]!.idempotencyKey);
    expect(seen[1]!.status).toBe(201);
    expect(booking.serviceId).toBe('svc-plumbing');
  });

  it('keyed POST after 409 idempotency_in_flight', async () => {
    const from = server.requests.length;
    server.backend.scenario.failNext(409, 1, { path: '/bookings', method: 'POST', code: 'idempotency_in_flight' });
    await resident().bookings.create(plumbing, { idempotencyKey: 'fault-in-flight-1' });
    expect(received(from, 'POST', '/bookings').map((r) => [r.status, r.idempotencyKey])).toEqual([
      [409, 'fault-in-flight-1'],
      [201, 'fault-in-flight-1'],
    ]);
  });

  it('GET while the network is offline, once it is back', async () => {
    server.backend.scenario.offline = true;
    const events: LogEvent[] = [];
    const client = resident({
      onLog: (e) => {
        events.push(e);
        if (e.type === 'retry') server.backend.scenario.offline = false;
      },
    });
    await expect(client.loanItems.list()).resolves.toBeInstanceOf(Array);
    expect(events.filter((e) => e.type === 'retry')).toMatchObject([{ code: 'network_error', attempt: 1 }]);
  });
});

describe('sent once: never retried', () => {
  it.each([
    [400, 'validation_failed'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [422, 'idempotency_mismatch'],
    [409, 'slot_taken'],
  ] as const)('keyed POST answered %i %s', async (status, code) => {
    const from = server.requests.length;
    server.backend.scenario.failNext(status, 1, { path: '/bookings', method: 'POST', code });
    await expect(resident().bookings.create(plumbing)).rejects.toMatchObject({ status, code });
    expect(received(from, 'POST', '/bookings')).toHaveLength(1);
  });

  it.each([400, 401, 403, 404] as const)('GET answered %i', async (status) => {
    const from = server.requests.length;
    server.backend.scenario.failNext(status, 1, { path: '/compound' });
    await expect(resident().compound.get()).rejects.toMatchObject({ status });
    expect(received(from, 'GET', '/compound')).toHaveLength(1);
  });

  it('an unkeyed POST (idempotencyKey: null), even on 503', async () => {
    const from = server.requests.length;
    server.backend.scenario.failNext(503, 1, { path: '/bookings', method: 'POST' });
    await expect(resident().bookings.create(plumbing, { idempotencyKey: null })).rejects.toMatchObject({ status: 503 });
    const seen = received(from, 'POST', '/bookings');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.idempotencyKey).toBeUndefined();
  });
});

describe('idempotent writes', () => {
  it('POST /bookings answered 503 then 201 creates one booking, both attempts with the same key', async () => {
    const before = bookingCount();
    const from = server.requests.length;
    server.backend.scenario.failNext(503, 1, { path: '/bookings', method: 'POST' });
    const booking = await resident().bookings.create(plumbing);
    const seen = received(from, 'POST', '/bookings');
    expect(seen.map((r) => r.status)).toEqual([503, 201]);
    expect(new Set(seen.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(bookingCount()).toBe(before + 1);
    await expect(resident().bookings.get(booking.id)).resolves.toEqual(booking);
  });

  it('a connection dropped after the commit is retried and returns the stored record: one booking', async () => {
    const before = bookingCount();
    const from = server.requests.length;
    server.backend.scenario.dropAfterCommit(1);
    const booking = await resident().bookings.create(plumbing);
    const seen = received(from, 'POST', '/bookings');
    expect(seen).toHaveLength(2);
    expect(seen[1]!.idempotencyKey).toBe(seen[0]!.idempotencyKey);
    expect(bookingCount()).toBe(before + 1);
    const stored = server.backend.state.bookings.filter((b) => b.notes === plumbing.notes);
    expect(stored.map((b) => b.id)).toEqual([booking.id]);
    await expect(resident().bookings.get(booking.id)).resolves.toEqual(booking);
  });

  it('a dropped connection on an unkeyed POST is not retried (the write may have happened)', async () => {
    const from = server.requests.length;
    server.backend.scenario.dropAfterCommit(1);
    await expect(resident().bookings.create(plumbing, { idempotencyKey: null })).rejects.toMatchObject({ name: 'NetworkError' });
    expect(received(from, 'POST', '/bookings')).toHaveLength(1);
  });
});

describe('timeouts abort the request on the wire', () => {
  it('latency 2000 ms, timeout 200 ms: TimeoutError, and the server sees the client go away', async () => {
    server.backend.scenario.latencyMs = 2000;
    const from = server.requests.length;
    const started = Date.now();
    await expect(resident({ timeout: 200, retry: 0 }).compound.get()).rejects.toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(1500);
    await vi.waitFor(() => expect(received(from, 'GET', '/compound')).toMatchObject([{ aborted: true }]), { timeout: 3000 });
  });

  describe('without AbortSignal.any and Object.hasOwn', () => {
    // The server runs in a child process here: Node's own Request and Headers, which the mock
    // server uses, need Object.hasOwn, and this test removes it from this process.
    let child: MockProcess;
    beforeAll(async () => {
      child = await startMockProcess();
    }, 30_000);
    afterAll(async () => {
      await child?.close();
    });

    it('a timeout still aborts the request and the server sees the disconnect, on every attempt', async () => {
      await child.latency(2000);
      const client = createClient({
        baseUrl: child.url,
        timeout: 200,
        retry: { limit: 1, baseDelayMs: 1 },
        fetch: nodeHttpFetch,
      });
      const any = Object.getOwnPropertyDescriptor(AbortSignal, 'any');
      const hasOwn = Object.getOwnPropertyDescriptor(Object, 'hasOwn');
      const ctrl = new AbortController();
      let outcome: unknown;
      let missing = false;
      // Vitest's matchers need Object.hasOwn too: delete, run, restore, then assert.
      delete (AbortSignal as { any?: unknown }).any;
      delete (Object as { hasOwn?: unknown }).hasOwn;
      try {
        missing = !('any' in AbortSignal) && !('hasOwn' in Object);
        outcome = await client.compound.get({ signal: ctrl.signal }).catch((e: unknown) => e);
      } finally {
        if (any) Object.defineProperty(AbortSignal, 'any', any);
        if (hasOwn) Object.defineProperty(Object, 'hasOwn', hasOwn);
      }
      expect(missing).toBe(true);
      expect(outcome).toBeInstanceOf(TimeoutError);
      await vi.waitFor(
        async () => {
          const seen = (await child.requests()).filter((r) => r.method === 'GET' && r.path.endsWith('/compound'));
          expect(seen).toMatchObject([{ aborted: true }, { aborted: true }]);
        },
        { timeout: 3000, interval: 100 },
      );
    });
  });

  it("the caller's abort also closes the connection", async () => {
    server.backend.scenario.latencyMs = 2000;
    const from = server.requests.length;
    const ctrl = new AbortController();
    const p = resident().compound.get({ signal: ctrl.signal }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(received(from, 'GET', '/compound')).toHaveLength(1));
    ctrl.abort();
    await expect(p).resolves.toMatchObject({ name: 'AbortedError' });
    await vi.waitFor(() => expect(received(from, 'GET', '/compound')).toMatchObject([{ aborted: true }]), { timeout: 3000 });
  });
});

describe('against real data', () => {
  it('every response of a resident session passes its schema', async () => {
    const c = resident();
    await c.session.me();
    await c.compound.get();
    await c.catalog.current();
    await c.loanItems.list();
    await c.feeBoard.get();
    await c.agreements.list();
    await c.statements.list();
    for await (const _ of c.bookings.listAll({ limit: 2 })) void _;
    for await (const _ of c.help.listAll({ status: 'all', limit: 2 })) void _;
  });

  it('a missing token is answered 401 unauthorized as an HttpError', async () => {
    const c = createClient({ baseUrl: server.url, retry: 0 });
    await expect(c.bookings.list()).rejects.toMatchObject({ name: 'HttpError', status: 401, code: 'unauthorized' });
  });
});
