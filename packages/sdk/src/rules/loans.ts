/**
 * The convenience cabinet's loan register (便民箱, 业主借用登记表, seed 000): due times, overdue loans,
 * the hand-over at a change of shift, and the monthly zero-damage, zero-loss report.
 */
import type { HandoverSummary, Loan, LoanItem, Shift, ZeroLossReport } from '../schema/loan.js';
import { mulFen, sumFen } from './money.js';
import { COMPOUND_TIME_ZONE, addMinutes, formatInstant, localMonth, minuteOfDay, toEpoch, zonedParts, type At } from './time.js';

/** The day shift (administrator) runs 08:00–20:00 local; the night shift (security lead) the rest (seed 000). */
export const DAY_SHIFT = { start: '08:00', end: '20:00' } as const;

/** When a loan lent at `lentAt` is due back: the item's loan period later; undefined for consumables. */
export function dueAtFor(item: Pick<LoanItem, 'returnable' | 'loanHours'>, lentAt: string, timeZone = COMPOUND_TIME_ZONE): string | undefined {
  return item.returnable ? addMinutes(lentAt, item.loanHours * 60, timeZone) : undefined;
}

/** Out, with a due time that has passed. */
export function isOverdue(loan: Pick<Loan, 'status' | 'dueAt'>, now: At): boolean {
  return loan.status === 'out' && loan.dueAt !== undefined && toEpoch(loan.dueAt) < toEpoch(now);
}

/** Whole minutes past the due time; 0 when not overdue. */
export function overdueMinutes(loan: Pick<Loan, 'status' | 'dueAt'>, now: At): number {
  return isOverdue(loan, now) && loan.dueAt !== undefined ? Math.floor((toEpoch(now) - toEpoch(loan.dueAt)) / 60_000) : 0;
}

/** The shift on duty at an instant: `day` from 08:00 (inclusive) to 20:00 (exclusive) local, else `night`. */
export function shiftAt(at: At, timeZone = COMPOUND_TIME_ZONE): Shift {
  const { hour, minute } = zonedParts(at, timeZone);
  const t = hour * 60 + minute;
  return t >= minuteOfDay(DAY_SHIFT.start) && t < minuteOfDay(DAY_SHIFT.end) ? 'day' : 'night';
}

/**
 * The shift that hands over at the change of shift nearest to an instant: in the first half of a
 * shift, the one that has just handed over (at 20:05 the day shift hands to the night); in its
 * second half, the one on duty. This is the handover a desk opening the sheet means.
 */
export function handoverFrom(at: At, timeZone = COMPOUND_TIME_ZONE): Shift {
  return shiftAt(toEpoch(at) - 6 * 3_600_000, timeZone);
}

function itemName(items: readonly LoanItem[], loan: Loan): LoanItem['name'] {
  return items.find((i) => i.id === loan.itemId)?.name ?? loan.itemName;
}

/** Item ids in cabinet order, then any the loans name that the cabinet no longer lists. */
function itemOrder(items: readonly LoanItem[], loans: readonly Loan[]): string[] {
  return [...new Set([...items.map((i) => i.id), ...loans.map((l) => l.itemId)])];
}

/**
 * What one shift hands to the next (seed 000): per item, the units out and the units overdue (items
 * with nothing out are left off); the overdue loans, most overdue first; `outCount` and
 * `overdueCount` count loans (register lines), not units. `to` defaults to the other shift.
 */
export function handoverSummary(
  loans: readonly Loan[],
  items: readonly LoanItem[],
  opts: { now: At; from: Shift; to?: Shift; timeZone?: string },
): HandoverSummary {
  const out = loans.filter((l) => l.status === 'out');
  const overdue = out
    .filter((l) => isOverdue(l, opts.now))
    .sort((a, b) => toEpoch(a.dueAt ?? 0) - toEpoch(b.dueAt ?? 0));
  const lines = itemOrder(items, out).flatMap((itemId) => {
    const mine = out.filter((l) => l.itemId === itemId);
    const first = mine[0];
    if (!first) return [];
    return [
      {
        itemId,
        itemName: itemName(items, first),
        out: sumFen(mine.map((l) => l.quantity)),
        overdue: sumFen(mine.filter((l) => overdue.includes(l)).map((l) => l.quantity)),
      },
    ];
  });
  return {
    at: formatInstant(opts.now, opts.timeZone),
    from: opts.from,
    to: opts.to ?? (opts.from === 'day' ? 'night' : 'day'),
    items: lines,
    overdue,
    outCount: out.length,
    overdueCount: overdue.length,
  };
}

/** When a loan was written off: its last `lost` history entry, else its return time. */
function lostAt(loan: Loan): string | undefined {
  const entry = [...loan.history].reverse().find((h) => h.status === 'lost');
  return entry?.at ?? loan.returnedAt;
}

/**
 * Zero damage, zero loss (零损坏、零丢失): units returned damaged (by the local month of `returnedAt`)
 * and units lost (status `lost`, or returned with condition `lost`, by the local month they were
 * written off), per item. Cost is `unitCost × quantity` for damaged units as well as lost ones: the
 * office replaces a damaged tool rather than repairs it, so the report shows the replacement cost.
 * An item the cabinet no longer lists costs 0. Items with nothing to report are left off.
 */
export function zeroLossReport(loans: readonly Loan[], items: readonly LoanItem[], month: string, timeZone = COMPOUND_TIME_ZONE): ZeroLossReport {
  const tally = new Map<string, { damaged: number; lost: number }>();
  for (const loan of loans) {
    const lost = loan.status === 'lost' || (loan.status === 'returned' && loan.condition === 'lost');
    const damaged = !lost && loan.status === 'returned' && loan.condition === 'damaged';
    const at = lost ? lostAt(loan) : damaged ? loan.returnedAt : undefined;
    if (at === undefined || localMonth(at, timeZone) !== month) continue;
    const t = tally.get(loan.itemId) ?? { damaged: 0, lost: 0 };
    if (lost) t.lost += loan.quantity;
    else t.damaged += loan.quantity;
    tally.set(loan.itemId, t);
  }
  const lines = itemOrder(items, loans).flatMap((itemId) => {
    const t = tally.get(itemId);
    if (!t) return [];
    const item = items.find((i) => i.id === itemId);
    const name = item?.name ?? loans.find((l) => l.itemId === itemId)?.itemName ?? { 'zh-CN': itemId };
    return [{ itemId, itemName: name, damaged: t.damaged, lost: t.lost, cost: mulFen(item?.unitCost ?? 0, t.damaged + t.lost) }];
  });
  return {
    month,
    lines,
    damaged: sumFen(lines.map((l) => l.damaged)),
    lost: sumFen(lines.map((l) => l.lost)),
    cost: sumFen(lines.map((l) => l.cost)),
  };
}

/** Takes `quantity` units out of the cabinet; never below zero. Throws a RangeError for a quantity below 1. */
export function applyCheckout(
  item: Pick<LoanItem, 'available'>,
  quantity: number,
): { ok: true; available: number } | { ok: false; code: 'out_of_stock' } {
  if (!Number.isSafeInteger(quantity) || quantity < 1) throw new RangeError(`a loan quantity must be a whole number from 1, got ${quantity}`);
  return quantity > item.available ? { ok: false, code: 'out_of_stock' } : { ok: true, available: item.available - quantity };
}

export type LoanFilter = 'out' | 'overdue' | 'returned' | 'all';

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, '');

/**
 * The register filtered: `out` (including overdue), `overdue`, `returned`, or `all`; then, when `q`
 * is not blank, loans whose building, room, "building-room" or item name (either language) contains
 * it, ignoring case and spaces.
 */
export function filterLoans<L extends Loan>(loans: readonly L[], filter: LoanFilter, q: string | undefined, now: At): L[] {
  const needle = norm(q ?? '');
  return loans.filter((l) => {
    const keep = filter === 'all' || (filter === 'overdue' ? isOverdue(l, now) : l.status === filter);
    if (!keep || needle === '') return keep;
    const { building, room } = l.household;
    return [building, room, `${building}-${room}`, `${building}${room}`, l.itemName['zh-CN'], l.itemName.en ?? ''].some((h) =>
      norm(h).includes(needle),
    );
  });
}
