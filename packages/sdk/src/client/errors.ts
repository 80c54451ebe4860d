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

/** Each error name and the names of the classes it is an instance of. */
const KINDS: { readonly [name: string]: readonly string[] } = {
  BianminError: ['BianminError'],
  ValidationError: ['ValidationError', 'BianminError'],
  ResponseShapeError: ['ResponseShapeError', 'BianminError'],
  HttpError: ['HttpError', 'BianminError'],
  ConflictError: ['ConflictError', 'HttpError', 'BianminError'],
  RateLimitError: ['RateLimitError', 'HttpError', 'BianminError'],
  NetworkError: ['NetworkError', 'BianminError'],
  TimeoutError: ['TimeoutError', 'BianminError'],
  AbortedError: ['AbortedError', 'BianminError'],
};

/**
 * True when `e` is (a subclass of) the SDK error called `kind`. Compares names, not prototypes, and
 * also requires a string `code`, so a DOMException named `TimeoutError` (numeric `code`) or another
 * library's `NetworkError` is not mistaken for ours.
 */
function isKind(e: unknown, kind: string): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  if (typeof name !== 'string' || typeof code !== 'string') return false;
  const kinds = Object.prototype.hasOwnProperty.call(KINDS, name) ? KINDS[name] : undefined;
  return kinds !== undefined && kinds.includes(kind);
}

export const isBianminError = (e: unknown): e is BianminError => isKind(e, 'BianminError');
export const isValidationError = (e: unknown): e is ValidationError => isKind(e, 'ValidationError');
export const isResponseShapeError = (e: unknown): e is ResponseShapeError => isKind(e, 'ResponseShapeError');
export const isHttpError = (e: unknown): e is HttpError => isKind(e, 'HttpError');
export const isConflictError = (e: unknown): e is ConflictError => isKind(e, 'ConflictError');
export const isRateLimitError = (e: unknown): e is RateLimitError => isKind(e, 'RateLimitError');
export const isNetworkError = (e: unknown): e is NetworkError => isKind(e, 'NetworkError');
export const isTimeoutError = (e: unknown): e is TimeoutError => isKind(e, 'TimeoutError');
export const isAbortedError = (e: unknown): e is AbortedError => isKind(e, 'AbortedError');
