import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  AbortedError,
  backoffDelay,
  BianminError,
  ConflictError,
  HttpError,
  isAbortedError,
  isBianminError,
  isConflictError,
  isHttpError,
  isNetworkError,
  isRateLimitError,
  isResponseShapeError,
  isTimeoutError,
  isValidationError,
  NetworkError,
  newIdempotencyKey,
  parseRetryAfter,
  RateLimitError,
  ResponseShapeError,
  TimeoutError,
  ValidationError,
} from '@bianmin/sdk/client';
import * as sdk from '@bianmin/sdk';

const http = { status: 409, code: 'slot_taken', message: 'taken' };
const guards = {
  isBianminError,
  isValidationError,
  isResponseShapeError,
  isHttpError,
  isConflictError,
  isRateLimitError,
  isNetworkError,
  isTimeoutError,
  isAbortedError,
};
type Guard = keyof typeof guards;

/** Each error, and exactly the guards that must accept it. */
const cases: [string, () => Error, Guard[]][] = [
  ['ValidationError', () => new ValidationError('bookings.create', 'body', []), ['isBianminError', 'isValidationError']],
  ['ResponseShapeError', () => new ResponseShapeError('catalog.current', [], 200), ['isBianminError', 'isResponseShapeError']],
  ['HttpError', () => new HttpError({ ...http, status: 404, code: 'not_found' }), ['isBianminError', 'isHttpError']],
  ['ConflictError', () => new ConflictError(http), ['isBianminError', 'isHttpError', 'isConflictError']],
  ['RateLimitError', () => new RateLimitError({ ...http, status: 429 }), ['isBianminError', 'isHttpError', 'isRateLimitError']],
  ['NetworkError', () => new NetworkError('down'), ['isBianminError', 'isNetworkError']],
  ['TimeoutError', () => new TimeoutError(10), ['isBianminError', 'isTimeoutError']],
  ['AbortedError', () => new AbortedError(), ['isBianminError', 'isAbortedError']],
];

describe('error classes', () => {
  it.each(cases)('%s sets its own name, a string code, and is an Error and a BianminError', (name, make) => {
    const e = make();
    expect(e.name).toBe(name);
    expect(typeof (e as BianminError).code).toBe('string');
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(BianminError);
    expect(e.stack).toContain(name);
  });

  it.each(cases)('%s is accepted by exactly its guards (and its ancestors)', (_, make, accepted) => {
    const e = make();
    for (const [guard, fn] of Object.entries(guards)) expect(fn(e), guard).toBe(accepted.includes(guard as Guard));
  });

  it('keeps the cause', () => {
    const cause = new TypeError('fetch failed');
    expect(new NetworkError('x', { cause }).cause).toBe(cause);
  });
});

describe('guards across realms', () => {
  it('recognise an error made in another realm by its name, where instanceof fails', () => {
    const foreign = runInNewContext(
      `class ConflictError extends Error { constructor() { super('taken'); this.name = 'ConflictError'; this.code = 'slot_taken'; this.status = 409; } }
       new ConflictError()`,
    ) as unknown;
    expect(foreign instanceof Error).toBe(false);
    expect(foreign instanceof ConflictError).toBe(false);
    expect(isConflictError(foreign)).toBe(true);
    expect(isHttpError(foreign)).toBe(true);
    expect(isBianminError(foreign)).toBe(true);
    expect(isRateLimitError(foreign)).toBe(false);
  });

  it('recognise a plain object with the right name and code (structured clone, another copy of the SDK)', () => {
    const cloned = structuredClone({ name: 'TimeoutError', code: 'timeout', message: 'slow' });
    expect(isTimeoutError(cloned)).toBe(true);
    expect(isBianminError(cloned)).toBe(true);
  });

  it.each([
    ['a DOMException TimeoutError (numeric code)', new DOMException('slow', 'TimeoutError')],
    ['a DOMException AbortError', new DOMException('stop', 'AbortError')],
    ["another library's NetworkError without a code", Object.assign(new Error('x'), { name: 'NetworkError' })],
    ['a ky HTTPError', Object.assign(new Error('x'), { name: 'HTTPError', code: 'x' })],
    ['an unknown name with a code', Object.assign(new Error('x'), { name: 'toString', code: 'x' })],
    ['null', null],
    ['a string', 'HttpError'],
  ])('reject %s', (_, value) => {
    for (const [guard, fn] of Object.entries(guards)) expect(fn(value), guard).toBe(false);
  });
});

describe('package entry', () => {
  it('re-exports the client, schemas and the contract from @bianmin/sdk', () => {
    expect(sdk.createClient).toBeTypeOf('function');
    expect(sdk.isHttpError).toBe(isHttpError);
    expect(sdk.endpoints['bookings.create'].idempotent).toBe(true);
    expect(sdk.Booking).toBeDefined();
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-23T01:00:00Z');
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 2 ', now)).toBe(2000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 01:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 00:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    // The three date formats HTTP allows all have a time of day.
    expect(parseRetryAfter('Monday, 23-Nov-26 01:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Mon Nov 23 01:00:05 2026', Date.parse('2026-11-23T01:00:00'))).toBe(5000);
  });

  it('reads nothing else as a date (V8 would take "-1" or "abc 2" for one, and retry at once)', () => {
    const now = Date.parse('2026-11-23T01:00:00Z');
    for (const junk of ['-1', '1.5', 'abc 2', '5, 10', 'Nov 2099']) expect(parseRetryAfter(junk, now), junk).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('is full jitter: an integer in [0, min(max, base × 2^(n-1))]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (attempt, baseDelayMs, maxDelayMs, r) => {
          const d = backoffDelay(attempt, { limit: 2, baseDelayMs, maxDelayMs }, () => r);
          return Number.isInteger(d) && d >= 0 && d <= Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
        },
      ),
    );
    const retry = { limit: 2, baseDelayMs: 300, maxDelayMs: 5000 };
    expect([1, 2, 3, 6].map((n) => backoffDelay(n, retry, () => 0.999_999))).toEqual([300, 600, 1200, 5000]);
  });
});

describe('newIdempotencyKey', () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  afterEach(() => vi.restoreAllMocks());

  it('is a v4 UUID, unique per call', () => {
    const keys = new Set(Array.from({ length: 200 }, newIdempotencyKey));
    expect(keys.size).toBe(200);
    for (const k of keys) expect(k).toMatch(uuid);
  });

  it('falls back to crypto.getRandomValues without crypto.randomUUID, never Math.random', () => {
    const random = vi.spyOn(Math, 'random');
    const values = vi.spyOn(crypto, 'getRandomValues');
    const proto = Object.getPrototypeOf(crypto) as { randomUUID?: unknown };
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'randomUUID');
    delete proto.randomUUID;
    try {
      expect(typeof (crypto as { randomUUID?: unknown }).randomUUID).toBe('undefined');
      const keys = Array.from({ length: 50 }, newIdempotencyKey);
      for (const k of keys) expect(k).toMatch(uuid);
      expect(new Set(keys).size).toBe(50);
    } finally {
      if (descriptor) Object.defineProperty(proto, 'randomUUID', descriptor);
    }
    expect(values).toHaveBeenCalledTimes(50);
    expect(random).not.toHaveBeenCalled();
  });
});
