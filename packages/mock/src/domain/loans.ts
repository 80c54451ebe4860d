import type { Loan, LoanItem, LoanStatus } from '@bianmin/sdk/schema';
import {
  LOAN_TRANSITIONS,
  addMinutes,
  applyCheckout,
  canTransition,
  dueAtFor,
  filterLoans,
  handoverFrom,
  handoverSummary,
  localMonth,
  shiftAt,
  toEpoch,
  zeroLossReport,
} from '@bianmin/sdk/rules';
import { visible, type Ctx, type Handlers } from '../context.js';
import { conflict, invalid, notFound } from '../http.js';
import { nextId } from '../numbers.js';
import { paginate } from '../paging.js';
import type { MockState } from '../types.js';
import { householdAt } from './bookings.js';

// The convenience cabinet (便民箱, seed 000): every loan and return is registered; `available`
// counts what is in the cabinet, so it is `total` minus what is out, lost or given away.

const staffId = (ctx: Ctx): string => (ctx.caller.role === 'staff' ? ctx.caller.staffId : 'unknown');

function item(state: MockState, id: string): LoanItem {
  const found = state.loanItems.find((i) => i.id === id);
  if (!found) throw notFound('loan item');
  return found;
}

/**
 * Adds `n` historical loans, returned in good condition, one every 53 minutes back from `now`,
 * spread over the households and the returnable items: a register big enough to page through.
 * Returned loans do not change what is in the cabinet.
 */
export function seedLoans(state: MockState, n: number, now: Date): void {
  const items = state.loanItems.filter((i) => i.returnable);
  const staff = state.staff.filter((s) => s.role === 'administrator' || s.role === 'security-lead');
  for (let k = 0; k < n; k++) {
    const it = items[k % items.length];
    const h = state.households[(k * 7) % state.households.length];
    const contact = h?.contacts[0];
    const s = staff[k % staff.length];
    if (!it || !h || !contact || !s) return;
    const lentAt = addMinutes(now, -(k + 48) * 53);
    const returnedAt = addMinutes(lentAt, 90);
    state.loans.push({
      id: nextId(state.counters, 'ln'),
      itemId: it.id,
      itemName: it.name,
      householdId: h.id,
      household: h.address,
      borrower: contact,
      quantity: 1,
      lentAt,
      dueAt: dueAtFor(it, lentAt) ?? returnedAt,
      lentBy: { staffId: s.id, shift: shiftAt(lentAt) },
      deposit: it.deposit,
      status: 'returned',
      returnedAt,
      returnedTo: { staffId: s.id, shift: shiftAt(returnedAt) },
      condition: 'good',
      history: [
        { status: 'out', at: lentAt, by: 'staff' },
        { status: 'returned', at: returnedAt, by: 'staff' },
      ],
    });
  }
}

export const loanHandlers: Pick<
  Handlers,
  'loanItems.list' | 'loans.checkout' | 'loans.return' | 'loans.list' | 'loans.handover' | 'loans.report'
> = {
  'loanItems.list': ({ state }) => state.loanItems,

  'loans.checkout': (ctx, { body }) => {
    const { state, nowIso } = ctx;
    const it = item(state, body.itemId);
    const h = householdAt(state, body.household);
    if (!h) throw invalid(['household'], 'no such building and room in the compound', '小区里没有这个楼栋和房号');
    // A due time is a promise to bring the item back later: one at or before the lending is refused.
    if (it.returnable && body.dueAt !== undefined && toEpoch(body.dueAt) <= toEpoch(nowIso)) {
      throw invalid(['dueAt'], 'the due time must be after the time of lending', '归还时间必须晚于借出时间');
    }
    // Checked and taken in one synchronous turn: concurrent checkouts never take the stock below zero.
    const taken = applyCheckout(it, body.quantity);
    if (!taken.ok) throw conflict('out_of_stock', `Only ${it.available} in the cabinet`);
    it.available = taken.available;
    const status: LoanStatus = it.returnable ? 'out' : 'given';
    const loan: Loan = {
      id: nextId(state.counters, 'ln'),
      itemId: it.id,
      itemName: it.name,
      householdId: h.id,
      household: h.address,
      borrower: body.borrower,
      quantity: body.quantity,
      lentAt: nowIso,
      lentBy: { staffId: staffId(ctx), shift: body.shift },
      deposit: it.deposit * body.quantity,
      status,
      history: [{ status, at: nowIso, by: 'staff' }],
    };
    const due = it.returnable ? (body.dueAt ?? dueAtFor(it, nowIso, state.compound.timeZone)) : undefined;
    if (due) loan.dueAt = due;
    if (body.note !== undefined) loan.note = body.note;
    state.loans.push(loan);
    ctx.changed();
    return loan;
  },

  'loans.return': (ctx, { params, body }) => {
    const { state, nowIso } = ctx;
    const loan = state.loans.find((l) => l.id === params.loanId);
    if (!loan) throw notFound('loan');
    // Written off as lost, or back in the cabinet (a damaged one too: the office replaces it, and
    // the zero-loss report shows the cost). Either way the register records when, by whom and on
    // which shift (seed 000: every return is registered in detail).
    const to: LoanStatus = body.condition === 'lost' ? 'lost' : 'returned';
    if (!canTransition(LOAN_TRANSITIONS, loan.status, to)) throw conflict('invalid_transition', `A ${loan.status} loan cannot become ${to}`);
    const by = staffId(ctx);
    loan.status = to;
    loan.condition = body.condition;
    loan.returnedAt = nowIso;
    loan.returnedTo = { staffId: by, shift: body.shift };
    // History entries hold no staff fields: the note names who took it back, on which shift.
    const note = `${by}, ${body.shift} shift${body.note ? `: ${body.note}` : ''}`.slice(0, 500);
    loan.history.push({ status: to, at: nowIso, by: 'staff', note });
    if (body.note !== undefined) loan.note = body.note;
    if (to === 'returned') {
      const it = state.loanItems.find((i) => i.id === loan.itemId);
      if (it) it.available = Math.min(it.total, it.available + loan.quantity);
    }
    ctx.changed();
    return loan;
  },

  'loans.list': ({ state, now, caller }, { query }) => {
    const mine = filterLoans(visible(caller, state.loans), query.filter ?? 'all', query.q, now);
    return paginate(mine, (l) => toEpoch(l.lentAt), 'desc', query.cursor, query.limit);
  },

  'loans.handover': ({ state, now }, { query }) =>
    handoverSummary(state.loans, state.loanItems, { now, from: query.from ?? handoverFrom(now, state.compound.timeZone), timeZone: state.compound.timeZone }),

  'loans.report': ({ state, now }, { query }) =>
    zeroLossReport(state.loans, state.loanItems, query.month ?? localMonth(now, state.compound.timeZone), state.compound.timeZone),
};
