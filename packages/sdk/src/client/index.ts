export { createClient, type BianminClient } from './client.js';
export {
  backoffDelay,
  parseRetryAfter,
  type Body,
  type Call,
  type CallArgs,
  type ClientOptions,
  type FetchInit,
  type FetchLike,
  type LogEvent,
  type Output,
  type Params,
  type Query,
  type RequestOptions,
  type ResponseLike,
  type RetryOptions,
  type TokenValue,
} from './http.js';
export { newIdempotencyKey } from './idempotency.js';
export * from './errors.js';
