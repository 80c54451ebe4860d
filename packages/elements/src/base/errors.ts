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
  const withId = (key: ErrorKey) => (requestId ? { key, requestId } : { key });
  switch (e.name) {
    case 'NetworkError':
      return withId('errorNetwork');
    case 'TimeoutError':
      return withId('errorTimeout');
    case 'ResponseShapeError':
      return withId('errorShape');
    case 'ValidationError':
      return withId('errorValidation');
  }
  const status = typeof e.status === 'number' ? e.status : 0;
  if (status === 401) return withId('errorUnauthorized');
  if (status === 403) return withId('errorForbidden');
  if (status === 404) return withId('errorNotFound');
  if (status === 409) return withId('errorConflict');
  if (status === 429) return withId('errorRateLimit');
  if (status >= 500) return withId('errorServer');
  return withId('errorUnknown');
}
