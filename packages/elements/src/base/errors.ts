import type { CommonMessages } from '../i18n/common.js';

type ErrorKey = Extract<
  keyof CommonMessages,
  | 'errorNetwork'
  | 'errorTimeout'
  | 'errorShape'
  | 'errorValidation'
  | 'errorUnauthorized'
  | 'errorForbidden'
  | 'errorNotFound'
  | 'errorConflict'
  | 'errorRateLimit'
  | 'errorServer'
  | 'errorUnknown'
>;

interface ErrorLike {
  name?: unknown;
  status?: unknown;
  requestId?: unknown;
}

/**
 * Which message explains an error from the SDK. It compares `name` and `status` (not
 * `instanceof`), so errors from another copy of the SDK are understood too.
 */
export function describeError(error: unknown): { key: ErrorKey; requestId?: string } {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const requestId = typeof e.requestId === 'string' && e.requestId ? e.requestId : undefined;
  const status = typeof e.status === 'number' ? e.status : 0;
  const key: ErrorKey =
    e.name === 'NetworkError' ? 'errorNetwork'
    : e.name === 'TimeoutError' ? 'errorTimeout'
    : e.name === 'ResponseShapeError' ? 'errorShape'
    : e.name === 'ValidationError' ? 'errorValidation'
    : status === 401 ? 'errorUnauthorized'
    : status === 403 ? 'errorForbidden'
    : status === 404 ? 'errorNotFound'
    : status === 409 ? 'errorConflict'
    : status === 429 ? 'errorRateLimit'
    : status >= 500 ? 'errorServer'
    : 'errorUnknown';
  return requestId ? { key, requestId } : { key };
}
