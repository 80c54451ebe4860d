// Fault injection for demos and tests: slow responses, failures on demand, a dead network, and
// writes that commit but never answer (the case idempotency keys exist for).

export interface FailOptions {
  /** An endpoint path template (`/bookings/{bookingId}/cancel`) or a prefix of the request path (`/bookings`). Any path when absent. */
  path?: string;
  /** Only requests with this method. */
  method?: string;
  /** The error code in the body; a default follows from the status. */
  code?: string;
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
}

export interface Scenario {
  /** Delay before every request is handled, in milliseconds. */
  latencyMs: number;
  /** While true, every request fails as a network error. */
  offline: boolean;
  /**
   * The next `count` requests that match fail with `status` (0: a network error, the socket
   * destroyed) instead of being handled. Only matching requests use up a failure.
   */
  failNext(status: number, count?: number, options?: FailOptions): void;
  /** The next `count` successful writes (POST) are committed, then answered with a network error. */
  dropAfterCommit(count?: number): void;
  /** Back to no latency, online, no pending failures or drops. */
  reset(): void;
  /** Failures not yet used up. */
  readonly pending: ReadonlyArray<Readonly<PendingFailure>>;
}

export interface PendingFailure extends FailOptions {
  status: number;
  remaining: number;
}

/** What a request that matched a failure gets. */
export interface Failure {
  status: number;
  code: string;
  retryAfter?: number;
}

const DEFAULT_CODES: Record<number, string> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  408: 'timeout',
  409: 'idempotency_in_flight',
  422: 'idempotency_mismatch',
  429: 'rate_limited',
  500: 'internal',
  502: 'bad_gateway',
  503: 'unavailable',
  504: 'timeout',
};

export const defaultCode = (status: number): string => DEFAULT_CODES[status] ?? (status >= 500 ? 'internal' : 'error');

export interface ScenarioControl extends Scenario {
  /** Uses up the first pending failure that matches the request, if any. */
  take(method: string, paths: { relative?: string; full: string; template?: string }): Failure | undefined;
  /** Uses up one pending drop, if any. */
  takeDrop(): boolean;
}

export function createScenario(): ScenarioControl {
  let failures: PendingFailure[] = [];
  let drops = 0;
  const matches = (f: PendingFailure, method: string, p: { relative?: string; full: string; template?: string }): boolean => {
    if (f.method && f.method.toUpperCase() !== method.toUpperCase()) return false;
    if (f.path === undefined) return true;
    return f.path === p.template || (p.relative?.startsWith(f.path) ?? false) || p.full.startsWith(f.path);
  };
  return {
    latencyMs: 0,
    offline: false,
    failNext(status, count = 1, options = {}) {
      if (!Number.isInteger(status) || (status !== 0 && (status < 400 || status > 599))) {
        throw new RangeError(`failNext takes 0 (network error) or an HTTP error status, got ${status}`);
      }
      if (count > 0) failures.push({ ...options, status, remaining: count });
    },
    dropAfterCommit(count = 1) {
      drops += Math.max(0, count);
    },
    reset() {
      this.latencyMs = 0;
      this.offline = false;
      failures = [];
      drops = 0;
    },
    get pending() {
      return failures.map((f) => ({ ...f }));
    },
    take(method, paths) {
      const f = failures.find((x) => matches(x, method, paths));
      if (!f) return undefined;
      f.remaining -= 1;
      if (f.remaining <= 0) failures = failures.filter((x) => x !== f);
      const out: Failure = { status: f.status, code: f.code ?? defaultCode(f.status) };
      if (f.retryAfter !== undefined) out.retryAfter = f.retryAfter;
      return out;
    },
    takeDrop() {
      if (drops <= 0) return false;
      drops -= 1;
      return true;
    },
  };
}
