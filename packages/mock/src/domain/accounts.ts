import type { Agreement, AgreementChange, AgreementChangeInput, Statement } from '@bianmin/sdk/schema';
import { addDays, assessChange, billedAt, localDate, localMonth, statementFor, toEpoch, toInstant } from '@bianmin/sdk/rules';
import { assertOwn, visible, type Handlers } from '../context.js';
import { conflict, invalid, notFound } from '../http.js';
import { nextId } from '../numbers.js';
import type { MockState } from '../types.js';

// Long-term agreements (seed 004) and monthly statements (有偿便民服务月结统计表, seed 001).

/** The first day of the month after `month` (`2026-10` → `2026-11-01`). */
export const nextMonthFirst = (month: string): string => addDays(`${month}-28`, 4).slice(0, 7) + '-01';

/**
 * A household's statement for a month, derived from its completed monthly bookings by the rules.
 * The current month's is open; once the month is over, the sheet is issued on the 1st at 09:00
 * (open until then, so it never claims an issue time still to come), and it is paid only when the
 * cashier has recorded a receipt for it (`state.receipts`; never a staff member's: money passes
 * only through the cashier, seed 001). Without one it stays issued.
 */
export function statementOf(state: MockState, householdId: string, month: string, now: Date): Statement {
  const tz = state.compound.timeZone;
  const { lines, total } = statementFor(householdId, month, state.bookings, tz);
  const id = `st-${householdId}-${month}`;
  const s: Statement = { id, householdId, month, lines, total, status: 'open' };
  const issuedAt = toInstant(nextMonthFirst(month), '09:00', tz);
  if (month < localMonth(now, tz) && toEpoch(issuedAt) <= now.getTime()) {
    s.status = 'issued';
    s.issuedAt = issuedAt;
    const paid = state.receipts.find((r) => r.statementId === id);
    if (paid) {
      s.status = 'paid';
      s.receipt = { number: paid.number, at: paid.at, by: 'cashier' };
    }
  }
  return s;
}

/** The statements that have lines: one per household and month with completed monthly bookings. */
function statements(state: MockState, now: Date, householdIds: string[], month?: string): Statement[] {
  const tz = state.compound.timeZone;
  const out: Statement[] = [];
  for (const householdId of householdIds) {
    const months = new Set(
      state.bookings
        .filter((b) => b.householdId === householdId && b.settlement === 'monthly' && b.status === 'completed')
        .map((b) => localMonth(billedAt(b), tz)),
    );
    for (const m of [...months].sort().reverse()) {
      if (month !== undefined && m !== month) continue;
      const s = statementOf(state, householdId, m, now);
      if (s.lines.length) out.push(s);
    }
  }
  return out;
}

/**
 * What a change sets must fit its kind (seed 004): new times (`hours` from `start` to a later
 * `end`, and/or `workDays` leaving at least one rest day a week) for `times`, a new list of
 * `services` for `services`, nothing for a stop.
 */
function checkWhatChanges(body: AgreementChangeInput): void {
  const { kind, hours, workDays, services } = body;
  if (kind !== 'times' && (hours || workDays)) throw invalid([hours ? 'hours' : 'workDays'], `a ${kind} change sets no times`, '只有变更时间才填写时间');
  if (kind !== 'services' && services) throw invalid(['services'], `a ${kind} change sets no services`, '只有变更服务内容才填写服务');
  if (kind === 'times') {
    if (!hours && !workDays) throw invalid(['hours'], 'a change of times gives the new hours or work days', '请填写新的服务时间或工作日');
    if (hours && hours.start >= hours.end) throw invalid(['hours'], 'the hours end after they start', '结束时间须晚于开始时间');
    if (workDays && (workDays.length === 0 || new Set(workDays).size > 6)) {
      throw invalid(['workDays'], 'work days leave at least one rest day a week, and are at least one', '每周至少休息一天，且至少有一个工作日');
    }
  }
  if (kind === 'services' && !services?.length) throw invalid(['services'], 'a change of services gives the new services', '请填写新的服务内容');
}

/** The changes asked for an agreement whose effective date has come by `day`, in the order they apply. */
function changesDueBy(state: MockState, a: Agreement, day: string): AgreementChange[] {
  return state.agreementChanges
    .filter((c) => c.agreementId === a.id && c.effectiveDate <= day)
    .sort((x, y) => (x.effectiveDate < y.effectiveDate ? -1 : x.effectiveDate > y.effectiveDate ? 1 : x.requestedAt < y.requestedAt ? -1 : 1));
}

/**
 * Brings the agreements up to `now`: the changes of times and services whose effective date has
 * come are in force (each in effective-date order, the latest setting each field), and an active
 * agreement whose period is over (a stop that has taken effect, or the end of the term) is ended.
 * Says whether anything changed.
 */
export function settleAgreements(state: MockState, now: Date): boolean {
  const today = localDate(now, state.compound.timeZone);
  let changed = false;
  for (const a of state.agreements) {
    if (a.status !== 'active') continue;
    const before = JSON.stringify([a.hours, a.workDays, a.services]);
    for (const c of changesDueBy(state, a, today)) {
      if (c.hours) a.hours = { ...c.hours };
      if (c.workDays) a.workDays = [...c.workDays];
      if (c.services) a.services = c.services.map((x) => ({ ...x }));
    }
    if (JSON.stringify([a.hours, a.workDays, a.services]) !== before) changed = true;
    if (a.period.to < today) {
      a.status = 'ended';
      changed = true;
    }
  }
  return changed;
}

/**
 * The agreement's period and work days in force on `day` (a local date): its own, with the changes
 * of work days already asked for whose effective date has come by then (in effective-date order,
 * the latest winning, as `settleAgreements` applies them when the day comes). A visit booked ahead
 * is checked against the days the agreement will cover on its own day.
 */
export function scheduleOn(state: MockState, a: Agreement, day: string): Pick<Agreement, 'period' | 'workDays'> {
  let workDays = a.workDays;
  for (const c of changesDueBy(state, a, day)) if (c.workDays) workDays = c.workDays;
  return { period: a.period, workDays };
}

const STATEMENT_ID = /^st-(.+)-(\d{4}-\d{2})$/;

export const accountHandlers: Pick<Handlers, 'agreements.list' | 'agreements.get' | 'agreements.change' | 'statements.list' | 'statements.get'> = {
  'agreements.list': ({ state, caller }) => visible(caller, state.agreements),

  'agreements.get': ({ state, caller }, { params }) => {
    const a = state.agreements.find((x) => x.id === params.agreementId);
    if (!a) throw notFound('agreement');
    assertOwn(caller, a.householdId);
    return a;
  },

  'agreements.change': (ctx, { params, body }) => {
    const { state, caller, now, nowIso } = ctx;
    const a = state.agreements.find((x) => x.id === params.agreementId);
    if (!a) throw notFound('agreement');
    assertOwn(caller, a.householdId);
    if (a.status !== 'active') throw conflict('invalid_transition', 'The agreement has ended');
    // The side that changes late pays (seed 004): a resident cannot put a change on the office.
    if (caller.role === 'resident' && body.requestedBy !== 'resident') {
      throw invalid(['requestedBy'], 'a resident asks for a change as the resident', '住户只能以本人名义申请变更');
    }
    // A change takes effect from today on, within the agreement's period: a date in the past would dodge the notice.
    const today = localDate(now, state.compound.timeZone);
    if (body.effectiveDate < today) throw invalid(['effectiveDate'], 'a change takes effect from today on', '变更只能从今天起生效');
    if (body.effectiveDate < a.period.from || body.effectiveDate > a.period.to) {
      throw invalid(
        ['effectiveDate'],
        `a change takes effect within the agreement's period, ${a.period.from} to ${a.period.to}`,
        `变更日期须在协议期限内（${a.period.from} 至 ${a.period.to}）`,
      );
    }
    // When a resident stops a long-term service, the office asks and records why (seed 001).
    if (body.kind === 'stop' && !body.reason?.trim()) throw invalid(['reason'], 'say why the service stops', '请说明停止服务的原因');
    checkWhatChanges(body);
    const fee = assessChange(a, body, nowIso, state.compound.timeZone);
    const change: AgreementChange = {
      id: nextId(state.counters, 'agc'),
      agreementId: a.id,
      kind: body.kind,
      requestedBy: body.requestedBy,
      requestedAt: nowIso,
      effectiveDate: body.effectiveDate,
      noticeGivenDays: fee.noticeGivenDays,
      penalty: fee.penalty,
      month: fee.month,
    };
    if (body.hours) change.hours = body.hours;
    if (body.workDays) change.workDays = [...new Set(body.workDays)].sort((x, y) => x - y);
    if (body.services) change.services = body.services;
    if (body.reason !== undefined) change.reason = body.reason;
    if (body.kind === 'stop') {
      // The service runs until the day before the stop takes effect; the agreement ends on that day
      // (at once when that is today, else when the day comes: `settleAgreements`).
      const last = addDays(body.effectiveDate, -1);
      a.period.to = last < a.period.from ? a.period.from : last;
      a.endedReason = body.reason;
      if (body.effectiveDate <= today) a.status = 'ended';
    }
    state.agreementChanges.push(change);
    settleAgreements(state, now); // a change effective today applies at once
    ctx.changed();
    return change;
  },

  'statements.list': ({ state, now, caller }, { query }) => {
    const ids = caller.role === 'resident' ? [caller.householdId] : state.households.map((h) => h.id);
    return statements(state, now, ids, query.month);
  },

  'statements.get': ({ state, now, caller }, { params }) => {
    const m = STATEMENT_ID.exec(params.statementId);
    const householdId = m?.[1];
    const month = m?.[2];
    if (!householdId || !month || !state.households.some((h) => h.id === householdId)) throw notFound('statement');
    assertOwn(caller, householdId);
    const s = statementOf(state, householdId, month, now);
    if (!s.lines.length && month !== localMonth(now, state.compound.timeZone)) throw notFound('statement');
    return s;
  },
};
