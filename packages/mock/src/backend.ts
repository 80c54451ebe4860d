import { IDEMPOTENCY_HEADER, REQUEST_ID_HEADER, type Endpoint, type EndpointId } from '@bianmin/sdk';
import { access } from '@bianmin/sdk/contract';
import { formatInstant } from '@bianmin/sdk/rules';
import type { Caller, Ctx, HandlerInput, Handlers } from './context.js';
import { accountHandlers, settleAgreements } from './domain/accounts.js';
import { bookingHandlers } from './domain/bookings.js';
import { catalogHandlers, settlePriceLists } from './domain/catalog.js';
import { helpHandlers } from './domain/help.js';
import { loanHandlers, seedLoans } from './domain/loans.js';
import { createFixtures, structuredCloneJson } from './fixtures/index.js';
import { DEMO_RESIDENT_TOKEN, DEMO_STAFF_TOKEN } from './fixtures/people.js';
import { ApiError, bodyOf, errorResponse, issuesIn, json, networkError, toIssues, wantsChinese } from './http.js';
import { canonicalJson, createIdempotencyStore, type IdempotencyRecord } from './idempotency.js';
import { createRouter, type Route } from './router.js';
import { createScenario, type Scenario } from './scenario.js';
import type { MockPersist, MockState } from './types.js';

export interface MockBackendOptions {
  /** The compound's clock; real time by default. Tests pass a fixed clock. */
  now?: () => Date;
  /**
   * Where to keep the state between page loads (the browser's localStorage), with the answers
   * stored under idempotency keys, so a retry after a reload is replayed; in memory only without it.
   */
  persist?: MockPersist;
  /** The initial state, or how to build it from `now` (default: `createFixtures`). */
  fixtures?: MockState | ((now: Date) => MockState);
  /** Path (or URL) the API is served under; `handle` strips it before routing. Default `/api`. */
  baseUrl?: string;
}

export interface MockBackend {
  /** The live state (plain JSON): read it in tests, never replace it. */
  readonly state: MockState;
  readonly scenario: Scenario;
  /**
   * The one request pipeline, shared by the msw handlers and the HTTP server: scenario faults,
   * routing, auth, validation, idempotency, latency, then the handler in one synchronous turn.
   * A network error is returned as `Response.error()` (`type === 'error'`).
   */
  handle(request: Request, options?: { baseUrl?: string }): Promise<Response>;
  /** Back to the fixtures: clears the saved state, idempotency keys and the scenario. */
  reset(): void;
  /** Adds `n` returned loans to the register (for paging through a big register). */
  seedLoans(n: number): void;
  now(): Date;
  readonly tokens: { readonly resident: string; readonly staff: string };
}

const handlers: Handlers = { ...catalogHandlers, ...bookingHandlers, ...loanHandlers, ...helpHandlers, ...accountHandlers };

/** Query parameters the contract types as integers; everything else stays a string. */
const NUMERIC_QUERY = new Set(['limit', 'days']);

let requestCounter = 0;
const newRequestId = (): string => `req_${Math.random().toString(36).slice(2, 10)}${(++requestCounter).toString(36)}`;

const sleep = (ms: number): Promise<void> => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

function basePathOf(baseUrl: string): string {
  const path = /^[a-z][a-z0-9+.-]*:\/\//i.test(baseUrl) ? new URL(baseUrl).pathname : baseUrl;
  return path.replace(/\/+$/, '');
}

function callerOf(state: MockState, header: string | null): Caller | undefined {
  if (header === null) return { role: 'public' };
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  const token = m?.[1];
  if (!token) return undefined;
  const dot = token.indexOf('.');
  const kind = token.slice(0, dot);
  const id = token.slice(dot + 1);
  if (kind === 'resident' && state.households.some((h) => h.id === id)) return { role: 'resident', householdId: id, token };
  if (kind === 'staff' && state.staff.some((s) => s.id === id)) return { role: 'staff', staffId: id, token };
  return undefined;
}

/** A request read and checked: its route, caller and input, and whether it asks for answers in Chinese. */
type Prepared = { route: Route; caller: Caller; input: HandlerInput<EndpointId>; rawBody: unknown; zh: boolean };

/** Idempotency keys saved with the state: the newest ones, so a long demo does not fill localStorage. */
const SAVED_KEYS = 200;

/** What `persist` holds: the state, plus the idempotency keys with their stored answers. */
type Saved = MockState & { idempotency?: IdempotencyRecord[] };

const isRecord = (r: unknown): r is IdempotencyRecord =>
  Array.isArray(r) &&
  typeof r[0] === 'string' &&
  typeof r[1] === 'string' &&
  typeof r[2] === 'object' &&
  r[2] !== null &&
  typeof (r[2] as { status?: unknown }).status === 'number' &&
  typeof (r[2] as { body?: unknown }).body === 'string';

export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const now = options.now ?? (() => new Date());
  const baseUrl = options.baseUrl ?? '/api';
  const persist = options.persist;
  const fresh = (): MockState => {
    const f = options.fixtures;
    return f === undefined ? createFixtures(now()) : typeof f === 'function' ? f(now()) : structuredCloneJson(f);
  };
  const scenario = createScenario();
  const idempotency = createIdempotencyStore();
  const router = createRouter();
  const load = (): MockState | undefined => {
    try {
      const saved = persist?.load();
      if (!saved) return undefined;
      const parsed = JSON.parse(saved) as Partial<Saved>;
      if (parsed.version === 1 && Array.isArray(parsed.bookings) && Array.isArray(parsed.priceLists)) {
        const { idempotency: keys, ...loaded } = parsed as Saved;
        if (Array.isArray(keys)) idempotency.restore(keys.filter(isRecord));
        // Saved before the cashier's receipts were kept: none recorded yet.
        if (!Array.isArray(loaded.receipts)) loaded.receipts = [];
        return loaded;
      }
    } catch {
      // An unreadable save is dropped below.
    }
    persist?.clear();
    return undefined;
  };

  let state = load() ?? fresh();
  const save = (): void => {
    if (!persist) return;
    const saved: Saved = { ...state, idempotency: idempotency.records(SAVED_KEYS) };
    persist.save(JSON.stringify(saved));
  };

  async function prepare(request: Request, route: Route, params: Record<string, string>, url: URL): Promise<Prepared> {
    const endpoint: Endpoint = route.endpoint;
    // Auth: no token is the public role; a token must name a known household or staff member.
    const caller = callerOf(state, request.headers.get('Authorization'));
    const { roles } = access[route.id];
    const publicOk = (roles as readonly string[]).includes('public');
    if (!caller && !publicOk) throw new ApiError('unauthorized', 'The token is missing or not valid');
    const who: Caller = caller ?? { role: 'public' };
    if (!(roles as readonly string[]).includes(who.role)) {
      throw who.role === 'public' ? new ApiError('unauthorized', 'A token is required') : new ApiError('forbidden', `A ${who.role} may not call this`);
    }
    // Validation of path, query and body against the endpoint's schemas.
    const issues: ReturnType<typeof toIssues> = [];
    const check = (schema: Endpoint['params'] | Endpoint['body'], value: unknown): unknown => {
      if (!schema) return undefined;
      const r = schema.safeParse(value);
      if (r.success) return r.data;
      issues.push(...toIssues(r.error.issues));
      return undefined;
    };
    const query: Record<string, unknown> = {};
    url.searchParams.forEach((v, k) => {
      if (k in query) return;
      query[k] = NUMERIC_QUERY.has(k) && /^-?\d+$/.test(v) ? Number(v) : v;
    });
    let rawBody: unknown;
    if (endpoint.body) {
      const text = await request.text();
      try {
        rawBody = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
      } catch {
        throw new ApiError('validation_failed', 'The request is not valid', [{ path: [], message: 'the body is not valid JSON', zh: '请求内容不是有效的 JSON' }]);
      }
    }
    const input = {
      params: check(endpoint.params, params),
      query: endpoint.query ? check(endpoint.query, query) : undefined,
      body: check(endpoint.body, rawBody),
    } as HandlerInput<EndpointId>;
    if (issues.length) throw new ApiError('validation_failed', 'The request is not valid', issues);
    return { route, caller: who, input, rawBody, zh: wantsChinese(request.headers.get('Accept-Language')) };
  }

  /**
   * Runs a handler in one synchronous turn and shapes its answer by the endpoint's response schema.
   * Says whether the state changed; the caller saves it, with the answer's idempotency key.
   */
  function run(p: Prepared, requestId: string): { response: Response; dirty: boolean } {
    let dirty = false;
    const at = now();
    const ctx: Ctx = { state, now: at, nowIso: formatInstant(at, state.compound.timeZone), caller: p.caller, changed: () => (dirty = true) };
    try {
      if (settlePriceLists(state, at)) dirty = true;
      if (settleAgreements(state, at)) dirty = true;
      const handler = handlers[p.route.id] as (c: Ctx, i: HandlerInput<EndpointId>) => unknown;
      const out = handler(ctx, p.input);
      const shaped = p.route.endpoint.response.safeParse(out);
      if (!shaped.success) {
        return { response: errorResponse(requestId, 500, 'internal', 'The mock built a response its contract does not allow', issuesIn(toIssues(shaped.error.issues), false)), dirty };
      }
      return { response: json(p.route.endpoint.status, shaped.data, requestId), dirty };
    } catch (e) {
      if (e instanceof ApiError) {
        // A rule's 400 speaks the request's language.
        const message = p.zh && e.code === 'validation_failed' ? '请求未通过检查' : e.message;
        return { response: errorResponse(requestId, e.status, e.code, message, issuesIn(e.issues, p.zh)), dirty };
      }
      return { response: errorResponse(requestId, 500, 'internal', 'The mock failed to handle the request'), dirty };
    }
  }

  async function handle(request: Request, opts: { baseUrl?: string } = {}): Promise<Response> {
    const requestId = newRequestId();
    if (scenario.offline) return networkError();
    const url = new URL(request.url);
    const base = basePathOf(opts.baseUrl ?? baseUrl);
    const relative = url.pathname === base || url.pathname.startsWith(`${base}/`) ? url.pathname.slice(base.length) || '/' : undefined;
    const match = relative === undefined ? undefined : router.match(request.method, relative);
    const route = match && 'route' in match ? match : undefined;

    // Scenario faults come first: they stand for the network and the servers in front of the API.
    const failure = scenario.take(request.method, { relative, full: url.pathname, template: route?.route.endpoint.path });
    if (failure) {
      await sleep(scenario.latencyMs);
      if (failure.status === 0) return networkError();
      const headers: Record<string, string> = failure.retryAfter !== undefined ? { 'Retry-After': String(failure.retryAfter) } : {};
      return errorResponse(requestId, failure.status, failure.code, `Failure injected by the mock scenario (${failure.status})`, undefined, headers);
    }

    let prepared: Prepared;
    try {
      if (!route) {
        if (match && 'allowed' in match) {
          await sleep(scenario.latencyMs);
          return errorResponse(requestId, 405, 'method_not_allowed', 'This path does not take that method', undefined, { Allow: match.allowed.join(', ') });
        }
        throw new ApiError('not_found', 'No such endpoint');
      }
      prepared = await prepare(request, route.route, route.params, url);
    } catch (e) {
      await sleep(scenario.latencyMs);
      if (e instanceof ApiError) {
        // A schema's 400 speaks the request's language too (the booking form shows it at the field).
        const zh = wantsChinese(request.headers.get('Accept-Language'));
        const message = zh && e.code === 'validation_failed' ? '请求未通过检查' : e.message;
        return errorResponse(requestId, e.status, e.code, message, issuesIn(e.issues, zh));
      }
      return errorResponse(requestId, 500, 'internal', 'The mock failed to read the request');
    }

    // Idempotency: registered before the latency, so a second request with the key meets the first in flight.
    const key = prepared.route.endpoint.idempotent ? request.headers.get(IDEMPOTENCY_HEADER) : null;
    if (key !== null && (key.length < 8 || key.length > 128)) {
      await sleep(scenario.latencyMs);
      return errorResponse(requestId, 400, 'validation_failed', 'The request is not valid', [{ path: [IDEMPOTENCY_HEADER], message: 'an idempotency key is 8 to 128 characters' }]);
    }
    let scope: string | undefined;
    if (key) {
      // Scoped to whom the token names, not to the token string (a refreshed token keeps its keys).
      const c = prepared.caller;
      scope = `${c.role === 'public' ? 'public' : c.role === 'resident' ? `household:${c.householdId}` : `staff:${c.staffId}`}|${prepared.route.id}|${key}`;
      const begun = idempotency.begin(scope, canonicalJson({ params: prepared.input.params, body: prepared.rawBody }));
      if (begun.kind !== 'new') {
        await sleep(scenario.latencyMs);
        if (begun.kind === 'mismatch') return errorResponse(requestId, 422, 'idempotency_mismatch', 'This idempotency key was used with another request');
        if (begun.kind === 'in-flight') return errorResponse(requestId, 409, 'idempotency_in_flight', 'A request with this idempotency key is still being processed');
        const r = begun.response;
        return new Response(r.body, { status: r.status, headers: { ...r.headers, [REQUEST_ID_HEADER]: requestId, 'Idempotent-Replayed': 'true' } });
      }
    }

    await sleep(scenario.latencyMs);
    if (scenario.offline) {
      if (scope) idempotency.abandon(scope);
      return networkError();
    }
    const { response, dirty } = run(prepared, requestId);

    let stored = false;
    if (scope) {
      if (response.status >= 500) idempotency.abandon(scope);
      else {
        idempotency.finish(scope, { status: response.status, body: bodyOf(response), headers: { 'Content-Type': response.headers.get('Content-Type') ?? 'application/json' } });
        stored = true;
      }
    }
    // Saved in the same turn as the write and its key: a reload never finds one without the other.
    if (dirty || stored) save();
    // The write is committed; the answer is lost on the way back.
    if (request.method.toUpperCase() === 'POST' && response.ok && scenario.takeDrop()) return networkError();
    return response;
  }

  return {
    get state() {
      return state;
    },
    scenario,
    handle,
    reset() {
      persist?.clear();
      state = fresh();
      idempotency.clear();
      scenario.reset();
    },
    seedLoans(n: number) {
      seedLoans(state, n, now());
      save();
    },
    now,
    tokens: { resident: DEMO_RESIDENT_TOKEN, staff: DEMO_STAFF_TOKEN },
  };
}
