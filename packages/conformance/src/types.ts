/** The groups of checks, in the order they run (the aggregate checks of `time` and `errors` read every earlier answer). */
export const GROUPS = ['schema', 'status', 'idempotency', 'conflicts', 'pagination', 'privacy', 'time', 'errors'] as const;
export type Group = (typeof GROUPS)[number];

export const GROUP_TITLES: { readonly [G in Group]: string } = {
  schema: 'Responses: success status and schema of every endpoint',
  status: 'Status codes: 401 without a token, 403 for another role or household, 404, 400 with issues',
  idempotency: 'Idempotency keys: replay, mismatch, in flight',
  conflicts: 'Conflicts: full slots, empty cabinet, finished records',
  pagination: 'Cursor pagination: no duplicates, no gaps, limit respected, terminates',
  privacy: 'Personal data: never on public endpoints, never another household’s',
  time: 'Time: offsets on every instant, slots on the compound’s local grid',
  errors: 'Error bodies and X-Request-Id on every answer',
};

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  /** Stable id, e.g. `status.404:bookings.get`. */
  id: string;
  group: Group;
  title: string;
  /** `GET /bookings/{bookingId}` when the check is about one endpoint. */
  endpoint?: string;
  /** A failed required check fails the run; an optional one is reported only. */
  required: boolean;
  status: CheckStatus;
  /** Why it failed or was skipped; for a pass, what was observed. */
  reason?: string;
  ms: number;
}

export interface Tokens {
  /** A resident of one household. */
  resident?: string;
  /** Front-desk staff. */
  staff?: string;
  /** A resident of another household (for "another household's record" and privacy checks). */
  otherResident?: string;
}

export interface ConformanceOptions {
  /** The API base URL, e.g. `http://127.0.0.1:8788/api`. */
  baseUrl: string;
  tokens?: Tokens;
  /** Run only these groups (default: all). */
  only?: readonly Group[];
  /** Per-request timeout, default 15 s. */
  timeoutMs?: number;
  /** Defaults to the global `fetch`. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Called as each check finishes (for live output). */
  onResult?: (result: CheckResult) => void;
}

export interface ConformanceReport {
  baseUrl: string;
  startedAt: string;
  durationMs: number;
  /** Requests sent to the server. */
  requests: number;
  groups: Group[];
  checks: CheckResult[];
  summary: { total: number; passed: number; failed: number; skipped: number; requiredFailed: number };
  /** No required check failed. */
  ok: boolean;
}
