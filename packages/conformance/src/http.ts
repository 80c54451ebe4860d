import { IDEMPOTENCY_HEADER, REQUEST_ID_HEADER, endpoints, type EndpointId } from '@bianmin/sdk/contract';

/**
 * Who sends a request: no token, one of the three tokens given to the kit, or a made-up token the
 * server must refuse.
 */
export type Caller = 'public' | 'resident' | 'staff' | 'other' | 'bogus';

export interface Call {
  endpoint: EndpointId;
  as: Caller;
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  /** A JSON body; `raw` sends text as it is. */
  body?: unknown;
  raw?: string;
  idempotencyKey?: string;
}

/** One request and its answer, as the kit saw it. No request bodies are kept. */
export interface Exchange {
  endpoint: EndpointId;
  method: string;
  /** The path template, `/bookings/{bookingId}`. */
  path: string;
  url: string;
  as: Caller;
  status: number;
  requestId: string | null;
  contentType: string;
  /** The parsed JSON body; `undefined` when the body is empty or not JSON. */
  json: unknown;
  text: string;
}

/** How often a 429 with `Retry-After` (at most 30 s) is waited out before it counts as the answer. */
const MAX_RATE_RETRIES = 3;

export class RequestFailed extends Error {
  override readonly name = 'RequestFailed';
}

export const label = (id: EndpointId): string => `${endpoints[id].method} ${endpoints[id].path}`;

export const fillPath = (template: string, params: Record<string, string> = {}): string =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k] ?? ''));

export interface HttpOptions {
  baseUrl: string;
  tokens: Partial<Record<Caller, string>>;
  timeoutMs: number;
  fetch: (input: string, init: RequestInit) => Promise<Response>;
}

/** Sends calls to the server under test and keeps every exchange for the aggregate checks. */
export function createHttp(opts: HttpOptions) {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const log: Exchange[] = [];

  async function send(call: Call): Promise<Exchange> {
    const ep = endpoints[call.endpoint];
    const url = new URL(base + fillPath(ep.path, call.params));
    for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = opts.tokens[call.as];
    if (token) headers.Authorization = `Bearer ${token}`;
    if (call.idempotencyKey) headers[IDEMPOTENCY_HEADER] = call.idempotencyKey;
    let body: string | undefined;
    if (call.raw !== undefined) body = call.raw;
    else if (call.body !== undefined) body = JSON.stringify(call.body);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    let text: string;
    for (let attempt = 1; ; attempt++) {
      try {
        res = await opts.fetch(url.href, { method: ep.method, headers, body, signal: AbortSignal.timeout(opts.timeoutMs) });
        text = await res.text();
      } catch (e) {
        const why = e instanceof Error ? (e.cause instanceof Error ? `${e.message}: ${e.cause.message}` : e.message) : String(e);
        throw new RequestFailed(`${ep.method} ${url.pathname} failed: ${why}`);
      }
      // A server that limits the kit's rate is within the contract: wait as it asks and go on.
      const retryAfter = res.headers.get('Retry-After');
      const wait = retryAfter === null ? NaN : Number(retryAfter);
      if (res.status !== 429 || attempt > MAX_RATE_RETRIES || !Number.isFinite(wait) || wait < 0 || wait > 30) break;
      await new Promise((r) => setTimeout(r, wait * 1000));
    }
    let json: unknown;
    try {
      json = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      json = undefined;
    }
    const ex: Exchange = {
      endpoint: call.endpoint,
      method: ep.method,
      path: ep.path,
      url: url.pathname + url.search,
      as: call.as,
      status: res.status,
      requestId: res.headers.get(REQUEST_ID_HEADER),
      contentType: res.headers.get('Content-Type') ?? '',
      json,
      text,
    };
    log.push(ex);
    return ex;
  }

  return { send, log, has: (as: Caller): boolean => as === 'public' || opts.tokens[as] !== undefined };
}
export type Http = ReturnType<typeof createHttp>;
