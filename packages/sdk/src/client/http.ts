/**
 * The transport under every client method: `call(endpointId, args, options)` reads the endpoint
 * table (method, path template, schemas), validates the input, sends it, retries what is safe to
 * retry, and validates the response.
 *
 * It speaks to `fetch` directly. Per-attempt timeouts use one AbortController per attempt, aborted
 * by a timer or by a listener on the caller's signal (removed when the attempt ends), so nothing
 * here needs `AbortSignal.any`, `AbortSignal.timeout` or `Object.hasOwn`, which older WebViews lack.
 * (ky 2.1 calls `Object.hasOwn` in its constructor on every request, whatever the options, and
 * with retries, timeouts and errors handled here it would only add ~10 KB gzipped.)
 */
import type * as z from 'zod/mini';
import { endpoints, IDEMPOTENCY_HEADER, REQUEST_ID_HEADER, type Endpoint, type EndpointId, type Endpoints } from '../contract/endpoints.js';
import { ErrorBody } from '../schema/common.js';
import { flattenIssues, type RawIssue } from '../schema/issues.js';
import {
  AbortedError,
  ConflictError,
  HttpError,
  NetworkError,
  RateLimitError,
  ResponseShapeError,
  TimeoutError,
  ValidationError,
  type HttpErrorInit,
  type Issue,
} from './errors.js';
import { newIdempotencyKey } from './idempotency.js';

type Ep<K extends EndpointId> = Endpoints[K];
type Part<K extends EndpointId, P extends 'params' | 'query' | 'body'> =
  Ep<K> extends { readonly [Q in P]: infer S extends z.ZodMiniType } ? z.input<S> : never;

/** What an endpoint's path parameters accept (`never` when it has none). */
export type Params<K extends EndpointId> = Part<K, 'params'>;
/** What an endpoint's query accepts (`never` when it has none). */
export type Query<K extends EndpointId> = Part<K, 'query'>;
/** What an endpoint's body accepts (`never` when it has none). */
export type Body<K extends EndpointId> = Part<K, 'body'>;
/** What an endpoint answers with, once validated. */
export type Output<K extends EndpointId> = z.output<Ep<K>['response']>;

export interface CallArgs<K extends EndpointId> {
  params?: Params<K>;
  query?: Query<K>;
  body?: Body<K>;
}

/** Per-call options; every client method takes them as its last argument. */
export interface RequestOptions {
  /** Aborting it aborts the request (and any wait before a retry) with an `AbortedError`. */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms (default: the client's, 10 000), `getToken` included; `false` for none. */
  timeout?: number | false;
  /**
   * Only for idempotent endpoints (`bookings.create`, `agreements.change`, `loans.checkout`,
   * `help.create`); ignored elsewhere. Omitted: a fresh key is generated, so the call is retried
   * safely. A string: that key (reuse it to retry a write yourself, e.g. from an outbox). `null`,
   * or a string with nothing but spaces: send no key, and then the request is never retried.
   */
  idempotencyKey?: string | null;
}

export interface RetryOptions {
  /** Retries after the first attempt (default 2); 0 disables retrying. */
  limit: number;
  /** Backoff base: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs × 2^(n-1))]. */
  baseDelayMs: number;
  /**
   * The longest the client waits before a retry. A `Retry-After` (429, 503) up to this long is
   * honoured exactly; a longer one ends the retries and the error is thrown (a `RateLimitError`
   * carries `retryAfterMs`), leaving the caller to decide when to try again.
   */
  maxDelayMs: number;
}

/** What the client tells `onLog`. Never headers, tokens, bodies, query strings or filled paths. */
export interface LogEvent {
  type: 'request' | 'response' | 'retry' | 'error';
  endpoint: EndpointId;
  method: 'GET' | 'POST';
  /** The path template, e.g. `/bookings/{bookingId}`: ids in the filled path can identify people. */
  path: string;
  /** 1 for the first attempt; on `retry`, the attempt that failed. */
  attempt: number;
  status?: number;
  durationMs?: number;
  /** On `retry`: how long the client waits before the next attempt. */
  delayMs?: number;
  requestId?: string;
  code?: string;
}

/** The part of the Response the client reads; `globalThis.fetch` and most adapters fit. */
export interface ResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}
export type FetchLike = (url: string, init: FetchInit) => Promise<ResponseLike>;

export type TokenValue = string | undefined | null;

export interface ClientOptions {
  /** The API root, e.g. `https://wuye.example.cn/api` (paths are appended to it). */
  baseUrl: string;
  /** Called before every attempt; its token goes out as `Authorization: Bearer …` and is kept nowhere. */
  getToken?: () => TokenValue | Promise<TokenValue>;
  /** A fetch implementation (tests, WebView bridges); default `globalThis.fetch`. */
  fetch?: FetchLike;
  /** Per-attempt timeout in ms, default 10 000; `false` for none. */
  timeout?: number | false;
  /** Retry policy; a number sets the limit only; `0` disables retrying. */
  retry?: number | Partial<RetryOptions>;
  /** Sent as `Accept-Language`; a function is read on every request (the locale can change). */
  locale?: string | (() => string | undefined);
  /** Receives one event per request, response, retry and final error (see `LogEvent`). */
  onLog?: (event: LogEvent) => void;
}

export type Call = <K extends EndpointId>(id: K, args?: CallArgs<K>, options?: RequestOptions) => Promise<Output<K>>;

const DEFAULT_RETRY: RetryOptions = { limit: 2, baseDelayMs: 300, maxDelayMs: 5000 };
const DEFAULT_TIMEOUT = 10_000;
const MAX_TIMER = 2_147_483_647;
/** Statuses worth another attempt: the server or a proxy may answer differently next time. */
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];

function toIssues(issues: readonly RawIssue[]): Issue[] {
  return flattenIssues(issues).map(({ path, message, code }) => defined({ path: path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message, code }));
}

/** `o` without its undefined properties, so that absent facts stay absent (log events, issues). */
function defined<T extends object>(o: T): T {
  for (const k in o) if (o[k] === undefined) delete o[k];
  return o;
}

/**
 * `Retry-After` as milliseconds from now: delay-seconds or an HTTP date (which has a time of day;
 * anything else, `-1`, `1.5`, two headers merged as `5, 10`, is not read as a date).
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = /\d:\d\d/.test(v) ? Date.parse(v) : NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Full-jitter exponential backoff for the retry after attempt `attempt` (1-based). */
export function backoffDelay(attempt: number, retry: RetryOptions, random = Math.random): number {
  const cap = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * (cap + 1));
}

/**
 * Settles like `promise`, or rejects with `onAbort()` as soon as `signal` aborts (even if `promise`
 * ignores it), and then runs `cleanup` (a pending timer). The listener is removed either way.
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort: () => Error, cleanup?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      cleanup?.();
      reject(onAbort());
    };
    // Settled or not, the promise is always handled: a late rejection is never left unhandled.
    promise.then(resolve, reject).then(() => signal?.removeEventListener('abort', abort));
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort);
  });
}

function httpError(status: number, body: unknown, requestId: string | undefined, retryAfter: string | null): HttpError {
  const parsed = ErrorBody.safeParse(body);
  const e = parsed.data;
  const init: HttpErrorInit = e
    ? { status, code: e.code, message: e.message, requestId: requestId ?? e.requestId, issues: e.issues, body }
    : { status, code: `http_${status}`, message: `HTTP ${status}`, requestId, body };
  if (status === 429 || status === 503) init.retryAfterMs = parseRetryAfter(retryAfter);
  return new (status === 409 ? ConflictError : status === 429 ? RateLimitError : HttpError)(init);
}

/** Builds the `call` function of a client. */
export function createCall(options: ClientOptions): Call {
  const { getToken, onLog, locale, retry: r } = options;
  const base = options.baseUrl.replace(/\/+$/, '');
  const fetchImpl: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...(typeof r === 'number' ? { limit: r } : r) };

  const log = (event: LogEvent) => {
    try {
      onLog?.(defined(event));
    } catch {
      // A failing logger must not fail the request.
    }
  };

  return async function call<K extends EndpointId>(id: K, args: CallArgs<K> = {}, opts: RequestOptions = {}): Promise<Output<K>> {
    const ep: Endpoint = endpoints[id];
    const { method, path: template } = ep;
    const validate = (part: 'params' | 'query' | 'body') => {
      const schema = ep[part];
      if (!schema) return undefined;
      const result = schema.safeParse(args[part] ?? {});
      if (!result.success) throw new ValidationError(id, part, toIssues(result.error.issues));
      return result.data as Record<string, unknown>;
    };
    const params = validate('params');
    const query = validate('query');
    const body = validate('body');

    const pairs = Object.entries(query ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
    const url =
      base + template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params?.[name]))) + (pairs.length ? `?${pairs.join('&')}` : '');
    const k = opts.idempotencyKey;
    const key = ep.idempotent ? (k === undefined ? newIdempotencyKey() : k?.trim() ? k : null) : null;
    // GET is safe to repeat; a POST only when the server can recognise the repeat by its key.
    const limit = method === 'GET' || key !== null ? retry.limit : 0;
    const t = opts.timeout ?? options.timeout ?? DEFAULT_TIMEOUT;
    const timeout = t === false ? undefined : Math.min(Math.max(1, t), MAX_TIMER);
    const { signal } = opts;
    const event = { endpoint: id, method, path: template };

    for (let attempt = 1; ; attempt++) {
      try {
        return await attemptOnce(attempt);
      } catch (e) {
        const err = e as Error & { code?: unknown };
        const http = err instanceof HttpError ? err : undefined;
        let delayMs: number | undefined;
        if (attempt <= limit && !signal?.aborted) {
          if (err instanceof NetworkError || err instanceof TimeoutError) delayMs = backoffDelay(attempt, retry);
          else if (http && (RETRY_STATUSES.includes(http.status) || (http.status === 409 && http.code === 'idempotency_in_flight'))) {
            const after = http.retryAfterMs;
            delayMs = after === undefined ? backoffDelay(attempt, retry) : after <= retry.maxDelayMs ? after : undefined;
          }
        }
        const info = {
          ...event,
          attempt,
          status: http?.status,
          code: typeof err?.code === 'string' ? err.code : undefined,
          requestId: http?.requestId || undefined,
        };
        if (delayMs === undefined) {
          log({ type: 'error', ...info });
          throw err;
        }
        log({ type: 'retry', ...info, delayMs });
        let timer: ReturnType<typeof setTimeout> | undefined;
        await untilAborted(new Promise((resolve) => (timer = setTimeout(resolve, delayMs))), signal, () => new AbortedError(), () => clearTimeout(timer));
      }
    }

    async function attemptOnce(attempt: number): Promise<Output<K>> {
      if (signal?.aborted) throw new AbortedError();
      // One controller per attempt, aborted by the caller's signal or by the attempt's timer; it
      // bounds a token refresh that hangs as well as the request.
      const controller = new AbortController();
      const abort = () => controller.abort();
      let timedOut = false;
      signal?.addEventListener('abort', abort);
      if (signal?.aborted) abort();
      const timer =
        timeout &&
        setTimeout(() => {
          timedOut = true;
          abort();
        }, timeout);
      const stopped = (cause: unknown) => (signal?.aborted ? new AbortedError({ cause }) : timedOut ? new TimeoutError(timeout ?? 0) : undefined);
      let res: ResponseLike;
      let text: string;
      let started = 0;
      try {
        const token = getToken && (await untilAborted(Promise.resolve().then(getToken), controller.signal, () => new Error('aborted')));
        const lang = typeof locale === 'function' ? locale() : locale;
        const headers: Record<string, string> = { Accept: 'application/json' };
        if (body) headers['Content-Type'] = 'application/json';
        if (token) headers.Authorization = `Bearer ${token}`;
        if (lang) headers['Accept-Language'] = lang;
        if (key !== null) headers[IDEMPOTENCY_HEADER] = key;
        started = Date.now();
        log({ type: 'request', ...event, attempt });
        const init: FetchInit = { method, headers, signal: controller.signal };
        if (body) init.body = JSON.stringify(body);
        [res, text] = await untilAborted(
          fetchImpl(url, init).then(async (r) => [r, await r.text()] as const),
          controller.signal,
          () => new Error('aborted'),
        );
      } catch (cause) {
        // Before the request went out (no `started`), a failure is getToken's own, thrown as it is.
        throw stopped(cause) ?? (started ? new NetworkError(`${method} ${template} failed: no response`, { cause }) : cause);
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', abort);
      }

      const { status } = res;
      const requestId = res.headers.get(REQUEST_ID_HEADER) ?? undefined;
      log({ type: 'response', ...event, attempt, status, durationMs: Date.now() - started, requestId: requestId || undefined });
      let json: unknown = text;
      let isJson = false;
      try {
        json = JSON.parse(text);
        isJson = true;
      } catch {
        // not JSON: an HTML error page from a proxy, or an empty body
      }
      if (status < 200 || status > 299) throw httpError(status, json, requestId, res.headers.get('Retry-After'));
      const result = isJson ? ep.response.safeParse(json) : undefined;
      if (!result?.success) {
        throw new ResponseShapeError(id, result ? toIssues(result.error.issues) : [{ path: [], message: 'expected a JSON body' }], status, requestId);
      }
      return result.data as Output<K>;
    }
  };
}
