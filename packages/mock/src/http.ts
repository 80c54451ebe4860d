import { REQUEST_ID_HEADER } from '@bianmin/sdk';
import { ERROR_STATUS } from '@bianmin/sdk/contract';
import { flattenIssues, type ErrorBody, type ErrorCode, type IssueBody, type RawIssue } from '@bianmin/sdk/schema';

/** A failure a handler raises; the pipeline turns it into the contract's error body. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: MockIssue[],
  ) {
    super(message);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** An issue of a 400, with its message in Chinese too: the answer speaks the request's `Accept-Language`. */
export interface MockIssue extends IssueBody {
  zh?: string;
}

/**
 * A 400 for one field that the schema cannot check (an unknown room, a missing slot), with the
 * message in English and in Chinese: a request that accepts zh gets the Chinese (as a property
 * company's backend answers its residents; the booking form shows it next to the field).
 */
export const invalid = (path: (string | number)[], message: string, zh: string): ApiError =>
  new ApiError('validation_failed', 'The request is not valid', [{ path, message, zh }]);

/** Whether a request's `Accept-Language` puts Chinese first. */
export const wantsChinese = (acceptLanguage: string | null): boolean => /^\s*zh\b/i.test(acceptLanguage ?? '');

/** The issues of an answer in the request's language: the Chinese where there is one, without the extra field. */
export function issuesIn(issues: readonly MockIssue[] | undefined, zh: boolean): IssueBody[] | undefined {
  return issues?.map(({ zh: chinese, ...issue }) => (zh && chinese ? { ...issue, message: chinese } : issue));
}

export const notFound = (what: string): ApiError => new ApiError('not_found', `No such ${what}`);
export const forbidden = (message = 'This record belongs to another household'): ApiError => new ApiError('forbidden', message);
export const conflict = (code: ErrorCode, message: string): ApiError => new ApiError(code, message);

const texts = new WeakMap<Response, string>();

/** The body text of a response built by `json`, read without consuming the stream. */
export const bodyOf = (response: Response): string => texts.get(response) ?? '';

export function json(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  const response = new Response(text, {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', [REQUEST_ID_HEADER]: requestId, ...headers },
  });
  texts.set(response, text);
  return response;
}

export function errorResponse(
  requestId: string,
  status: number,
  code: string,
  message: string,
  issues?: IssueBody[],
  headers: Record<string, string> = {},
): Response {
  const body: ErrorBody = { code, message, requestId };
  if (issues?.length) body.issues = issues;
  return json(status, body, requestId, headers);
}

/** The SDK schemas' own messages (formats of ids, phones, times), in Chinese. */
const FORMAT_ZH: Record<string, string> = {
  'expected YYYY-MM': '应为年月，如 2026-11',
  'expected HH:mm': '应为时间，如 09:30',
  'expected an id of letters, digits, _ or -': '编号只能由字母、数字、_ 和 - 组成',
  'expected an 11-digit mainland mobile number': '请填写11位手机号',
  'expected a phone number of digits and hyphens': '电话号码只能包含数字和连字符',
};

/** A zod issue as the mock reads it, with the fields of its kind. */
type ZodIssue = RawIssue & { origin?: string; minimum?: unknown; maximum?: unknown; format?: string };

/**
 * A schema's own issue in Chinese, for a request that accepts zh: by zod's issue code, its origin
 * (text, list or number) and bound, or the SDK's message for a format.
 */
export function chineseOf(issue: ZodIssue): string {
  const { code, origin, minimum, maximum } = issue;
  const known = FORMAT_ZH[issue.message];
  if (known) return known;
  switch (code) {
    case 'too_big':
      return origin === 'string' ? `不能超过 ${String(maximum)} 个字` : origin === 'array' ? `最多 ${String(maximum)} 项` : `不能大于 ${String(maximum)}`;
    case 'too_small':
      if (origin === 'string') return minimum === 1 ? '不能为空' : `至少 ${String(minimum)} 个字`;
      return origin === 'array' ? `至少 ${String(minimum)} 项` : `不能小于 ${String(minimum)}`;
    case 'invalid_type':
      return /received undefined$/.test(issue.message) ? '必须填写' : '类型不对';
    case 'invalid_format':
      return issue.format === 'date' ? '应为日期，如 2026-11-23' : issue.format === 'datetime' ? '应为带时区的时间，如 2026-11-23T09:00:00+08:00' : '格式不对';
    case 'invalid_value':
      return '不是可以选择的值';
    case 'unrecognized_keys':
      return '含有不认识的字段';
    default:
      return '不符合要求';
  }
}

/** zod issues → the contract's issues (paths of strings and numbers only), each with its Chinese. */
export function toIssues(issues: readonly RawIssue[]): MockIssue[] {
  return flattenIssues(issues).map((i) => {
    const issue: MockIssue = { path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), message: i.message, zh: chineseOf(i) };
    if (i.code) issue.code = i.code;
    return issue;
  });
}

/** A network failure: msw answers it with `HttpResponse.error()`, the HTTP server destroys the socket. */
export const networkError = (): Response => Response.error();
export const isNetworkError = (r: Response): boolean => r.type === 'error';
