import type { AgreementChange, Statement } from '@bianmin/sdk/schema';
import { addDays, assessChange, localMonth, statementFor, toInstant } from '@bianmin/sdk/rules';
import { assertOwn, visible, type Handlers } from '../context.js';
import { conflict, invalid, notFound } from '../http.js';
import { nextId } from '../numbers.js';
import type { MockState } from '../types.js';

// Long-term agreements (seed 004) and monthly statements (有偿便民服务月结统计表, seed 001).

const previousMonth = (month: string): string => localMonth(addDays(`${month}-01`, -1));
const nextMonthFirst = (month: string): string => addDays(`${month}-28`, 4).slice(0, 7) + '-01';

/**
 * A household's statement for a month, derived from its completed monthly bookings by the rules.
 * Its state follows the calendar: the current month is open; last month's sheet was issued on the
 * 1st; older ones were paid at the cashier on the 5th, against the cashier's receipt (never a
 * staff member's: money passes only through the cashier, seed 001).
 */
export function statementOf(state: MockState, householdId: string, month: string, now: Date): Statement {
  const tz = state.compound.timeZone;
  const { lines, total } = statementFor(householdId, month, state.bookings, tz);
  const thisMonth = localMonth(now, tz);
  const s: Statement = { id: `st-${householdId}-${month}`, householdId, month, lines, total, status: 'open' };
  if (month < thisMonth) {
    const first = nextMonthFirst(month);
    s.status = 'issued';
    s.issuedAt = toInstant(first, '09:00', tz);
    if (month < previousMonth(thisMonth)) {
      s.status = 'paid';
      s.receipt = { number: `SK-${month.replace('-', '')}-${householdId}`, at: toInstant(addDays(first, 4), '10:00', tz), by: 'cashier' };
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
        .map((b) => localMonth(b.slot?.start ?? b.createdAt, tz)),
    );
    for (const m of [...months].sort().reverse()) {
      if (month !== undefined && m !== month) continue;
      const s = statementOf(state, householdId, m, now);
      if (s.lines.length) out.push(s);
    }
  }
  return out;
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
    const { state, caller, nowIso } = ctx;
    const a = state.agreements.find((x) => x.id === params.agreementId);
    if (!a) throw notFound('agreement');
    assertOwn(caller, a.householdId);
    if (a.status !== 'active') throw conflict('invalid_transition', 'The agreement has ended');
    // When a resident stops a long-term service, the office asks and records why (seed 001).
    if (body.kind === 'stop' && !body.reason?.trim()) throw invalid(['reason'], 'say why the service stops', '请说明停止服务的原因');
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
    if (body.reason !== undefined) change.reason = body.reason;
    if (body.kind === 'stop') {
      a.status = 'ended';
      a.endedReason = body.reason;
    }
    state.agreementChanges.push(change);
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
