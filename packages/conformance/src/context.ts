import type { EndpointId } from '@bianmin/sdk/contract';
import { BOOKING_TRANSITIONS, toEpoch, type TransitionTable } from '@bianmin/sdk/rules';
import type { AvailableSlot, BookingStatus, ServiceItem } from '@bianmin/sdk/schema';
import { Fail, Skip, expectSuccess } from './assert.js';
import type { Fixtures } from './fixtures.js';
import { RequestFailed, label, type Caller, type Exchange, type Http } from './http.js';
import { MARK, idOf, today } from './inputs.js';
import type { CheckResult, Group } from './types.js';

export interface CheckSpec {
  id: string;
  group: Group;
  title: string;
  endpoint?: EndpointId;
  /** Default true. */
  required?: boolean;
}

/** What every group of checks works with. */
export interface Ctx {
  http: Http;
  fx: Fixtures;
  /** A fresh idempotency key, unique to this run. */
  key(): string;
  /** A value unique to this run (unknown ids, notes). */
  runId: string;
  /** Runs one check: a returned string is what it observed; `fail()` / `skip()` end it. */
  check(spec: CheckSpec, fn: () => Promise<string | void>): Promise<CheckResult>;
  /** Records the kit wrote, undone at the end where the contract allows it. */
  created: { bookings: Map<string, Caller>; loans: Set<string>; help: Set<string> };
  send: Http['send'];
}

export function createCtx(http: Http, fx: Fixtures, onResult: (r: CheckResult) => void): Ctx {
  const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  let n = 0;
  return {
    http,
    fx,
    runId,
    key: () => `conformance-${runId}-${++n}`,
    created: { bookings: new Map(), loans: new Set(), help: new Set() },
    send: http.send,
    async check(spec, fn) {
      const started = Date.now();
      const result: CheckResult = {
        id: spec.id,
        group: spec.group,
        title: spec.title,
        required: spec.required ?? true,
        status: 'pass',
        ms: 0,
      };
      if (spec.endpoint) result.endpoint = label(spec.endpoint);
      try {
        const note = await fn();
        if (note) result.reason = note;
      } catch (e) {
        result.status = e instanceof Skip ? 'skip' : 'fail';
        const where = e instanceof Error ? (e.stack?.split('\n')[1]?.trim() ?? '') : '';
        result.reason =
          e instanceof Fail || e instanceof Skip || e instanceof RequestFailed
            ? e.message
            : `the check crashed (a fault of the kit, please report it): ${e instanceof Error ? e.message : String(e)} ${where}`.trim();
      }
      result.ms = Date.now() - started;
      onResult(result);
      return result;
    },
  };
}

/** Remembers what a successful create wrote, so the run can undo it. */
export function remember(ctx: Ctx, kind: 'booking' | 'loan' | 'help', ex: Exchange): void {
  const id = ex.status < 300 ? idOf(ex.json) : undefined;
  if (!id) return;
  if (kind === 'booking') ctx.created.bookings.set(id, ex.as);
  else if (kind === 'loan') ctx.created.loans.add(id);
  else ctx.created.help.add(id);
}

/**
 * Bookable slots of a service as `as` sees them, over as many days as the contract lets one ask
 * for (the service's horizon, at most 31), from today in the compound.
 */
export async function slotsOf(ctx: Ctx, item: ServiceItem, as: Caller): Promise<{ from: string; days: number; slots: AvailableSlot[] }> {
  const from = today(ctx.fx);
  const days = Math.max(1, Math.min(31, item.slots?.horizonDays ?? 7));
  const ex = await ctx.send({ endpoint: 'services.availability', as, params: { serviceId: item.id }, query: { from, days } });
  return { from, days, slots: expectSuccess(ex, 'services.availability').slots };
}

/** Available slots, latest first (a late slot leaves time to cancel and disturbs nobody). */
export async function availableSlots(ctx: Ctx, item: ServiceItem, as: Caller): Promise<AvailableSlot[]> {
  const { slots } = await slotsOf(ctx, item, as);
  return slots.filter((s) => s.state === 'available' && s.remaining > 0).sort((a, b) => toEpoch(b.start) - toEpoch(a.start));
}

/** The shortest path of states from `from` to `to` in a transition table (the states after `from`). */
export function pathTo<S extends string>(table: TransitionTable<S>, from: S, to: S): S[] | undefined {
  const prev = new Map<S, S>();
  const queue: S[] = [from];
  while (queue.length) {
    const s = queue.shift() as S;
    if (s === to) {
      const path: S[] = [];
      for (let c: S | undefined = s; c !== undefined && c !== from; c = prev.get(c)) path.unshift(c);
      return path;
    }
    for (const next of table[s] ?? []) if (next !== from && !prev.has(next)) (prev.set(next, s), queue.push(next));
  }
  return undefined;
}

/** Moves a booking, as staff, along the booking machine to `to`; returns the states it went through. */
export async function walkBooking(ctx: Ctx, id: string, from: BookingStatus, to: BookingStatus): Promise<BookingStatus[]> {
  const path = pathTo(BOOKING_TRANSITIONS, from, to);
  if (!path) throw new Fail(`the booking machine has no way from ${from} to ${to}`);
  // The price is settled on the way, as the contract asks: a quote states its price, and labour
  // plus materials is completed with what the materials cost (none, for the kit's own bookings).
  let labour = false;
  for (const step of path) {
    const body = { to: step, ...(step === 'quoted' ? { price: 100 } : {}), ...(step === 'completed' && labour ? { materials: 0 } : {}) };
    const ex = await ctx.send({ endpoint: 'bookings.transition', as: 'staff', params: { bookingId: id }, body });
    const b = expectSuccess(ex, 'bookings.transition');
    if (b.status !== step) throw new Fail(`asked for ${step}, the booking is ${b.status}`);
    labour = b.quote.lines.some((l) => l.code === 'labour');
  }
  return path;
}

/**
 * Undoes what the kit wrote where the contract allows it: cancels its open bookings, returns its
 * loans and resolves its help requests (as staff when the kit has that token), so a test
 * instance's desk is not left with open work. Answers are not checked: a booking that was walked
 * to `completed` cannot be cancelled, and that is fine.
 */
export async function undo(ctx: Ctx): Promise<void> {
  for (const [id, as] of ctx.created.bookings) {
    const by: Caller = ctx.http.has('staff') ? 'staff' : as;
    await ctx.send({ endpoint: 'bookings.cancel', as: by, params: { bookingId: id }, body: { reason: MARK } }).catch(() => undefined);
  }
  ctx.created.bookings.clear();
  if (ctx.http.has('staff')) {
    for (const id of ctx.created.loans) {
      await ctx.send({ endpoint: 'loans.return', as: 'staff', params: { loanId: id }, body: { condition: 'good', shift: 'day', note: MARK } }).catch(() => undefined);
    }
    for (const id of ctx.created.help) await ctx.send({ endpoint: 'help.resolve', as: 'staff', params: { helpRequestId: id }, body: {} }).catch(() => undefined);
  }
  ctx.created.loans.clear();
  ctx.created.help.clear();
}
