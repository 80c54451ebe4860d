import { conflictChecks } from './checks/conflicts.js';
import { errorChecks } from './checks/errors.js';
import { idempotencyChecks } from './checks/idempotency.js';
import { paginationChecks } from './checks/pagination.js';
import { privacyChecks } from './checks/privacy.js';
import { schemaChecks } from './checks/schema.js';
import { statusChecks } from './checks/status.js';
import { timeChecks } from './checks/time.js';
import { createCtx, undo, type Ctx } from './context.js';
import { discover } from './fixtures.js';
import { createHttp } from './http.js';
import { GROUPS, type CheckResult, type ConformanceOptions, type ConformanceReport, type Group } from './types.js';

const RUNNERS: { readonly [G in Group]: (ctx: Ctx) => Promise<void> } = {
  schema: schemaChecks,
  status: statusChecks,
  idempotency: idempotencyChecks,
  conflicts: conflictChecks,
  pagination: paginationChecks,
  privacy: privacyChecks,
  time: timeChecks,
  errors: errorChecks,
};

/** A token no server issued: the kit expects 401 for it. */
const BOGUS_TOKEN = 'conformance.not-a-token';

/**
 * Runs the contract's checks against the server at `baseUrl`. It reads the server's data first
 * (every list and setting it may), then writes records marked as the kit's (bookings, loans, help
 * requests, agreement changes) and undoes what the contract lets it undo. Run it against a test
 * instance, never production. Throws when the server cannot be reached at all.
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const started = Date.now();
  const groups = GROUPS.filter((g) => !options.only?.length || options.only.includes(g));
  const tokens = options.tokens ?? {};
  const http = createHttp({
    baseUrl: options.baseUrl,
    tokens: { resident: tokens.resident, staff: tokens.staff, other: tokens.otherResident, bogus: BOGUS_TOKEN },
    timeoutMs: options.timeoutMs ?? 15_000,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
  });
  const checks: CheckResult[] = [];
  const fx = await discover(http);
  const ctx = createCtx(http, fx, (r) => {
    checks.push(r);
    options.onResult?.(r);
  });
  try {
    for (const g of groups) await RUNNERS[g](ctx);
  } finally {
    await undo(ctx).catch(() => undefined);
  }
  const count = (s: CheckResult['status']): number => checks.filter((c) => c.status === s).length;
  const requiredFailed = checks.filter((c) => c.status === 'fail' && c.required).length;
  return {
    baseUrl: options.baseUrl,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    requests: http.log.length,
    groups,
    checks,
    summary: { total: checks.length, passed: count('pass'), failed: count('fail'), skipped: count('skip'), requiredFailed },
    ok: requiredFailed === 0,
  };
}
