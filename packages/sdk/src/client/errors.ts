/**
 * The SDK's errors: one base class and subclasses by meaning. Every class sets `name` explicitly and
 * every error carries a string `code`, so the `is*` guards can recognise an error by its name alone
 * (they work across realms, bundles and duplicated copies of the SDK, where `instanceof` does not).
 */

/** One problem with a value: where (`path`) and what (`message`). */
export interface Issue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly code?: string;
}

/** The dotted form of an issue path: `items.3.price.amount` (`(root)` for the value itself). */
export function issuePath(path: readonly (string | number)[]): string {
  return path.length === 0 ? '(root)' : path.join('.');
}

/** Base class of every error the SDK throws. */
export class BianminError extends Error {
  /** Machine-readable: the server's error code for HTTP errors, else the SDK's own. */
  readonly code: string;
  constructor(message: string, code: string, options?: { cause?: unknown }) {
    super(message);
    this.name = 'BianminError';
    this.code = code;
    // Set here rather than through `super(message, { cause })`, which ES2021 runtimes ignore.
    if (options && 'cause' in options) this.cause = options.cause;
  }
}

/** The input given to a client method does not match the endpoint's schema; nothing was sent. */
export class ValidationError extends BianminError {
  readonly issues: readonly Issue[];
  readonly endpoint: string;
  /** Which part of the input failed: path parameters, query or body. */
  readonly part: 'params' | 'query' | 'body';
  constructor(endpoint: string, part: 'params' | 'query' | 'body', issues: readonly Issue[]) {
    const first = issues[0];
    super(
      `Invalid ${part} for ${endpoint}${first ? `: ${issuePath(first.path)}: ${first.message}` : ''}`,
      'validation_failed',
    );
    this.name = 'ValidationError';
    this.endpoint = endpoint;
    this.part = part;
    this.issues = issues;
  }
}

/** The server answered 2xx with a body that does not match the endpoint's response schema. */
export class ResponseShapeError extends BianminError {
  readonly issues: readonly Issue[];
  readonly endpoint: string;
  readonly status: number;
  readonly requestId: string | undefined;
  constructor(endpoint: string, issues: readonly Issue[], status: number, requestId?: string) {
    const first = issues[0];
    super(
      `Unexpected response from ${endpoint}${first ? ` at ${issuePath(first.path)}: ${first.message}` : ''}`,
      'response_shape',
    );
    this.name = 'ResponseShapeError';
    this.endpoint = endpoint;
    this.issues = issues;
    this.status = status;
    this.requestId = requestId;
  }
}

/** Everything `HttpError` is built from. */
export interface HttpErrorInit {
  status: number;
  code: string;
  message: string;
  requestId?: string | undefined;
  issues?: readonly Issue[] | undefined;
  /** The parsed response body (JSON, else text), whatever its shape. */
  body?: unknown;
  retryAfterMs?: number | undefined;
}

/**
 * The server answered with a non-2xx status. `code` is the error body's code (`unauthorized`,
 * `not_found`, `slot_taken`…), or `http_<status>` when the body is not the contract's error body.
 */
export class HttpError extends BianminError {
  readonly status: number;
  readonly requestId: string | undefined;
  /** Field problems the server reported (400 `validation_failed`), else empty. */
  readonly issues: readonly Issue[];
  readonly body: unknown;
  /** The server's `Retry-After` in ms, on a 429 or 503 that sent one. */
  readonly retryAfterMs: number | undefined;
  constructor(init: HttpErrorInit) {
    super(init.message, init.code);
    this.name = 'HttpError';
    this.status = init.status;
    this.requestId = init.requestId;
    this.issues = init.issues ?? [];
    this.body = init.body;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** 409: the request conflicts with the current state (`slot_taken`, `invalid_transition`, …). */
export class ConflictError extends HttpError {
  constructor(init: HttpErrorInit) {
    super(init);
    this.name = 'ConflictError';
  }
}

/** 429: too many requests. `retryAfterMs` is the server's `Retry-After`, when it sent one. */
export class RateLimitError extends HttpError {
  constructor(init: HttpErrorInit) {
    super(init);
    this.name = 'RateLimitError';
  }
}

/** The request never got an answer: connection refused or dropped, DNS, offline. */
export class NetworkError extends BianminError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'network_error', options);
    this.name = 'NetworkError';
  }
}

/** An attempt took longer than the timeout; the request was aborted. */
export class TimeoutError extends BianminError {
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`No response within ${timeoutMs} ms`, 'timeout');
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** The caller aborted the request through its `signal`. */
export class AbortedError extends BianminError {
  constructor(options?: { cause?: unknown }) {
    super('The request was aborted', 'aborted', options);
    this.name = 'AbortedError';
  }
}

/** Each SDK error name and the name of the class it extends ('' for the base class). */
const PARENT: { readonly [name: string]: string } = {
  BianminError: '',
  ValidationError: 'BianminError',
  ResponseShapeError: 'BianminError',
  HttpError: 'BianminError',
  ConflictError: 'HttpError',
  RateLimitError: 'HttpError',
  NetworkError: 'BianminError',
  TimeoutError: 'BianminError',
  AbortedError: 'BianminError',
};

/**
 * True when `e` is (a subclass of) the SDK error called `kind`. Compares names, not prototypes, and
 * also requires a string `code`, so a DOMException named `TimeoutError` (numeric `code`) or another
 * library's `NetworkError` is not mistaken for ours.
 */
function isKind(e: unknown, kind: string): boolean {
  if (typeof e !== 'object' || e === null || typeof (e as { code?: unknown }).code !== 'string') return false;
  for (let n = (e as { name?: unknown }).name; typeof n === 'string' && Object.prototype.hasOwnProperty.call(PARENT, n); n = PARENT[n]) {
    if (n === kind) return true;
  }
  return false;
}

const guard =
  <T>(kind: string) =>
  (e: unknown): e is T =>
    isKind(e, kind);

export const isBianminError = guard<BianminError>('BianminError');
export const isValidationError = guard<ValidationError>('ValidationError');
export const isResponseShapeError = guard<ResponseShapeError>('ResponseShapeError');
export const isHttpError = guard<HttpError>('HttpError');
export const isConflictError = guard<ConflictError>('ConflictError');
export const isRateLimitError = guard<RateLimitError>('RateLimitError');
export const isNetworkError = guard<NetworkError>('NetworkError');
export const isTimeoutError = guard<TimeoutError>('TimeoutError');
export const isAbortedError = guard<AbortedError>('AbortedError');
