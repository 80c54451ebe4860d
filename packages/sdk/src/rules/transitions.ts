import type { BookingStatus } from '../schema/booking.js';
import type { PriceListStatus } from '../schema/catalog.js';
import type { HelpStatus } from '../schema/help.js';
import type { LoanStatus } from '../schema/loan.js';

/** A state machine as data: for each state, the states it may move to. */
export type TransitionTable<S extends string> = { readonly [K in S]: readonly S[] };

/** Bookings: requests are confirmed or turned down; quote requests are quoted first. */
export const BOOKING_TRANSITIONS: TransitionTable<BookingStatus> = {
  requested: ['confirmed', 'cancelled', 'rejected'],
  'quote-requested': ['quoted', 'cancelled', 'rejected'],
  quoted: ['confirmed', 'cancelled'],
  confirmed: ['in-progress', 'cancelled', 'no-show'],
  'in-progress': ['completed'],
  completed: [],
  cancelled: [],
  rejected: [],
  'no-show': [],
};

/** Loans: what is out comes back (in any condition) or is written off as lost; consumables are given. */
export const LOAN_TRANSITIONS: TransitionTable<LoanStatus> = {
  out: ['returned', 'lost'],
  returned: [],
  lost: ['returned'],
  given: [],
};

/** Help requests: acknowledged at once, replied within five minutes, referred rather than refused. */
export const HELP_TRANSITIONS: TransitionTable<HelpStatus> = {
  received: ['acknowledged', 'referred', 'resolved'],
  acknowledged: ['in-progress', 'replied', 'referred', 'resolved'],
  'in-progress': ['replied', 'referred', 'resolved'],
  replied: ['in-progress', 'referred', 'resolved'],
  referred: ['resolved'],
  resolved: [],
};

/** Price lists: drafted by the manager, approved by the general manager, then published (seed 001). */
export const PRICE_LIST_TRANSITIONS: TransitionTable<PriceListStatus> = {
  draft: ['submitted'],
  submitted: ['approved', 'draft'],
  approved: ['published', 'draft'],
  published: ['superseded'],
  superseded: [],
};

/** Whether `table` allows moving from `from` to `to`. Unknown states never transition. */
export function canTransition<S extends string>(table: TransitionTable<S>, from: S, to: S): boolean {
  const next = Object.prototype.hasOwnProperty.call(table, from) ? table[from] : undefined;
  return next !== undefined && next.includes(to);
}

/** States with no way out. */
export function isTerminal<S extends string>(table: TransitionTable<S>, state: S): boolean {
  return (table[state] ?? []).length === 0;
}

/** Booking states in which the service is still ahead (it can be followed, changed or cancelled). */
export const OPEN_BOOKING_STATUSES: readonly BookingStatus[] = ['requested', 'quote-requested', 'quoted', 'confirmed', 'in-progress'];

/** Help states in which the office still owes the resident something. */
export const OPEN_HELP_STATUSES: readonly HelpStatus[] = ['received', 'acknowledged', 'in-progress', 'replied'];
