import { endpoints, IDEMPOTENCY_HEADER, type EndpointId } from '@bianmin/sdk/contract';
import { createMockBackend, DEMO_RESIDENT_TOKEN, DEMO_STAFF_TOKEN, OTHER_RESIDENT_TOKEN, type MockBackend } from '@bianmin/mock';
import { startMockServer } from '@bianmin/mock/server';
import { formatReport, runConformance, type ConformanceOptions, type ConformanceReport } from '@bianmin/conformance';
import { beforeAll, describe, expect, it } from 'vitest';

// The kit against the mock (which conforms), and against the mock broken on purpose in one way at
// a time: each break must fail exactly the checks about it, so the kit can fail, and fails for the
// right reason.

const tokens = { resident: DEMO_RESIDENT_TOKEN, staff: DEMO_STAFF_TOKEN, otherResident: OTHER_RESIDENT_TOKEN };

type Json = any; // answers rewritten by the broken servers below
type Break = (request: Request, json: Json, status: number) => Json;

/** Rewrites the JSON answers of a backend; `request` may also be changed before it is handled. */
function broken(backend: MockBackend, change: { request?: (r: Request) => Promise<Request>; answer?: Break }): MockBackend {
  const handle: MockBackend['handle'] = async (request, opts) => {
    const req = change.request ? await change.request(request) : request;
    const res = await backend.handle(req, opts);
    if (!change.answer || res.type === 'error') return res;
    const text = await res.text();
    const json = change.answer(req, text ? JSON.parse(text) : undefined, res.status);
    return new Response(json === undefined ? text : JSON.stringify(json), { status: res.status, headers: res.headers });
  };
  return Object.assign(Object.create(backend) as MockBackend, { handle });
}

async function run(backend: MockBackend = createMockBackend(), options: Partial<ConformanceOptions> = {}): Promise<ConformanceReport> {
  const server = await startMockServer({ port: 0, backend });
  try {
    return await runConformance({ baseUrl: server.url, tokens, ...options });
  } finally {
    await server.close();
  }
}

const failed = (r: ConformanceReport): string[] => r.checks.filter((c) => c.status === 'fail').map((c) => c.id).sort();
const explain = (r: ConformanceReport): string =>
  r.checks
    .filter((c) => c.status !== 'pass')
    .map((c) => `${c.status} ${c.id}: ${c.reason}`)
    .join('\n');
const pathOf = (r: Request): string => new URL(r.url).pathname.replace(/^\/api/, '');

describe('the conformance kit against the mock server', () => {
  const backend = createMockBackend();
  const cabinet = backend.state.loanItems.map((i) => [i.id, i.available]);
  let report: ConformanceReport;
  beforeAll(async () => {
    report = await run(backend);
  });

  it('passes every check, none skipped, with all three tokens', () => {
    expect(explain(report)).toBe('');
    expect(report.ok).toBe(true);
    expect(report.summary.total).toBeGreaterThan(150);
    expect(new Set(report.checks.map((c) => c.group))).toEqual(new Set(['schema', 'status', 'idempotency', 'conflicts', 'pagination', 'privacy', 'time', 'errors']));
  });

  it('checks the schema of every endpoint of the table, GETs and POSTs alike', () => {
    const passed = new Set(report.checks.filter((c) => c.status === 'pass').map((c) => c.id));
    for (const id of Object.keys(endpoints) as EndpointId[]) expect(passed, id).toContain(`schema:${id}`);
  });

  it('leaves the cabinet as it found it and no help request of its own open', () => {
    expect(backend.state.loanItems.map((i) => [i.id, i.available])).toEqual(cabinet);
    const open = backend.state.helpRequests.filter((r) => r.description.startsWith('Conformance check') && !['resolved', 'referred'].includes(r.status));
    expect(open).toEqual([]);
  });

  it('prints a grouped list with a mark per check and the verdict', () => {
    const text = formatReport(report, { tokens: { resident: true, staff: true, otherResident: true } });
    expect(text).toMatch(/^schema · /m);
    expect(text).toMatch(/^  ✓ GET \/bookings\/\{bookingId\} answers 200 with its schema$/m);
    expect(text).toMatch(/PASS: every required check passed$/);
  });

  it('books for a tenant as a tenant may (prepaid, seed 001), so a server holding that rule still passes', async () => {
    // The resident of 1栋 0805 rents; the mock refuses any settlement but prepaid for that household.
    const tenant = await run(createMockBackend(), { tokens: { ...tokens, resident: 'resident.h-1-0805' } });
    expect(explain(tenant)).toBe('');
    expect(tenant.ok).toBe(true);
  });

  it('skips what needs a token it was not given, and still passes, without any token', async () => {
    const server = await startMockServer({ port: 0 });
    try {
      const bare = await runConformance({ baseUrl: server.url, only: ['schema', 'status'] });
      expect(failed(bare)).toEqual([]);
      const skipped = bare.checks.filter((c) => c.status === 'skip');
      expect(skipped.map((c) => c.id)).toContain('schema:bookings.create');
      expect(skipped.find((c) => c.id === 'status.403-role:loans.checkout:resident')?.reason).toBe('needs --resident-token');
      // Public endpoints and every "no token" check still ran.
      expect(bare.checks.find((c) => c.id === 'schema:feeBoard.get')?.status).toBe('pass');
      expect(bare.checks.find((c) => c.id === 'status.401:bookings.create')?.status).toBe('pass');
    } finally {
      await server.close();
    }
  });
  it('waits out a 429 with Retry-After instead of failing the check that met it', async () => {
    const backend = createMockBackend();
    backend.scenario.failNext(429, 2, { path: '/bookings', method: 'GET', retryAfter: 0 });
    const limited = await run(backend, { only: ['schema'] });
    expect(explain(limited)).toBe('');
    expect(backend.scenario.pending).toEqual([]);
  });
});

describe('the conformance kit fails servers that break the contract', () => {
  it('error bodies without requestId fail the error-body check, and only that one', async () => {
    const report = await run(
      broken(createMockBackend(), {
        answer: (_r, json, status) => {
          if (status >= 400 && json) delete json.requestId;
          return json;
        },
      }),
    );
    expect(failed(report)).toEqual(['errors.body']);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.id === 'errors.body')?.reason).toMatch(/requestId: expected string, got undefined/);
    const text = formatReport(report);
    expect(text).toContain('✗ Every error answer has the ErrorBody shape');
    expect(text).toMatch(/FAIL: 1 required check failed/);
  });

  it('a wrong-typed field fails the schema check of that endpoint, and only that one', async () => {
    const report = await run(
      broken(createMockBackend(), {
        answer: (r, json, status) => {
          if (r.method === 'GET' && /^\/bookings\/[^/]+$/.test(pathOf(r)) && status === 200) json.quote.total = String(json.quote.total);
          return json;
        },
      }),
    );
    expect(failed(report)).toEqual(['schema:bookings.get']);
    expect(report.checks.find((c) => c.id === 'schema:bookings.get')?.reason).toMatch(/quote\.total: expected number, got string/);
  });

  it('a server that ignores idempotency keys fails replay, mismatch and in-flight of every idempotent endpoint', async () => {
    const report = await run(
      broken(createMockBackend(), {
        request: async (r) => {
          if (!r.headers.has(IDEMPOTENCY_HEADER)) return r;
          const headers = new Headers(r.headers);
          headers.delete(IDEMPOTENCY_HEADER);
          return new Request(r.url, { method: r.method, headers, body: await r.text() });
        },
      }),
    );
    const idempotent = (Object.keys(endpoints) as EndpointId[]).filter((id) => (endpoints[id] as { idempotent?: boolean }).idempotent);
    expect(failed(report)).toEqual(idempotent.flatMap((id) => [`idempotency.in-flight:${id}`, `idempotency.mismatch:${id}`, `idempotency.replay:${id}`]).sort());
    expect(report.checks.find((c) => c.id === 'idempotency.replay:bookings.create')?.reason).toMatch(/the replay wrote a second record/);
  });

  it('a resident phone on the fee board fails the public-data check of the fee board, and only that one', async () => {
    const backend = createMockBackend();
    const phone = backend.state.households[0]?.contacts[0]?.phone;
    expect(phone).toBeDefined();
    const report = await run(
      broken(backend, {
        answer: (r, json, status) => {
          if (pathOf(r) === '/fee-board' && status === 200) json.current.notes.push({ 'zh-CN': `值班电话 ${phone}` });
          return json;
        },
      }),
    );
    expect(failed(report)).toEqual(['privacy.public:feeBoard.get']);
    const reason = report.checks.find((c) => c.id === 'privacy.public:feeBoard.get')?.reason ?? '';
    expect(reason).toMatch(/current\.notes\[\d+\]\.zh-CN: a mobile number/);
    // The report says where, never what: the number itself stays out of the output.
    expect(reason).not.toContain(phone);
  });

  it("a server that files the desk's help requests under the room they are about fails the desk-help check, and only that one", async () => {
    const backend = createMockBackend();
    const report = await run(
      broken(backend, {
        answer: (r, json, status) => {
          if (r.method === 'POST' && pathOf(r) === '/help-requests' && status === 201) {
            const record = backend.state.helpRequests.find((h) => h.id === json.id)!;
            const room = backend.state.households.find((h) => h.address.building === json.location.building && h.address.room === json.location.room);
            if (room) record.householdId = json.householdId = room.id;
          }
          return json;
        },
      }),
    );
    expect(failed(report)).toEqual(['privacy.desk-help-request']);
    expect(report.checks.find((c) => c.id === 'privacy.desk-help-request')?.reason).toContain("lists a stranger's request");
  });

  it('a server that ignores the cursor fails every pagination check', async () => {
    const report = await run(
      broken(createMockBackend(), {
        request: async (r) => {
          const url = new URL(r.url);
          if (r.method !== 'GET' || !url.searchParams.has('cursor')) return r;
          url.searchParams.delete('cursor');
          return new Request(url, { method: 'GET', headers: r.headers });
        },
      }),
    );
    expect(failed(report)).toEqual(['pagination:bookings.list', 'pagination:help.list', 'pagination:loans.list']);
  });

  it('slots off the local grid fail the grid check of every slotted service', async () => {
    const shift = (s: string): string => new Date(Date.parse(s) + 10 * 60_000).toISOString().replace('.000Z', 'Z');
    const report = await run(
      broken(createMockBackend(), {
        answer: (r, json, status) => {
          if (/\/availability$/.test(pathOf(r)) && status === 200) for (const s of json.slots) (s.start = shift(s.start)), (s.end = shift(s.end));
          return json;
        },
      }),
      { only: ['time'] },
    );
    const grid = report.checks.filter((c) => c.id.startsWith('time.grid:'));
    expect(grid.length).toBeGreaterThan(0);
    expect(grid.every((c) => c.status === 'fail' && /off the grid/.test(c.reason ?? ''))).toBe(true);
    expect(report.checks.find((c) => c.id === 'time.offsets')?.status).toBe('pass');
  });

  it('instants written in UTC fail only the optional offset check: the run still passes', async () => {
    const utc = (v: unknown): unknown =>
      typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T.*[+-]\d{2}:\d{2}$/.test(v)
        ? new Date(v).toISOString()
        : Array.isArray(v)
          ? v.map(utc)
          : v && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, utc(x)]))
            : v;
    const report = await run(broken(createMockBackend(), { answer: (_r, json) => utc(json) }));
    expect(failed(report)).toEqual(['time.compound-offset']);
    expect(report.ok).toBe(true);
    expect(formatReport(report)).toContain('! Instants are written in the compound');
  });
});

describe('the in-flight check', () => {
  // A client-side stand-in for a slow server, deterministic: while a request with a key is on
  // its way, another with the same key is answered 409 idempotency_in_flight at once.
  function inFlightFetch(twoWrites = false): ConformanceOptions['fetch'] {
    const pending = new Set<string>();
    return async (input, init) => {
      const key = new Headers(init.headers).get(IDEMPOTENCY_HEADER);
      if (!key) return fetch(input, init);
      if (pending.has(key)) {
        if (twoWrites) {
          const headers = new Headers(init.headers);
          headers.delete(IDEMPOTENCY_HEADER);
          return fetch(input, { ...init, headers });
        }
        const body = { code: 'idempotency_in_flight', message: 'still being processed', requestId: 'req_inflight' };
        return new Response(JSON.stringify(body), { status: 409, headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req_inflight' } });
      }
      pending.add(key);
      try {
        return await fetch(input, init);
      } finally {
        pending.delete(key);
      }
    };
  }

  it('accepts 409 idempotency_in_flight for the second of two concurrent requests, then a replay', async () => {
    const report = await run(createMockBackend(), { only: ['idempotency', 'errors'], fetch: inFlightFetch() });
    expect(explain(report)).toBe('');
    const inFlight = report.checks.filter((c) => c.id.startsWith('idempotency.in-flight:'));
    expect(inFlight.length).toBeGreaterThan(0);
    for (const c of inFlight) expect(c.reason).toMatch(/^observed: 201 and 409 idempotency_in_flight, then a replay/);
  });

  it('fails when two concurrent requests with one key both write', async () => {
    const report = await run(createMockBackend(), { only: ['idempotency'], fetch: inFlightFetch(true) });
    const inFlight = report.checks.filter((c) => c.id.startsWith('idempotency.in-flight:'));
    expect(inFlight.length).toBeGreaterThan(0);
    for (const c of inFlight) expect(c.status, c.id).toBe('fail');
    expect(report.checks.filter((c) => c.status === 'fail').every((c) => c.id.startsWith('idempotency.in-flight:'))).toBe(true);
  });
});
