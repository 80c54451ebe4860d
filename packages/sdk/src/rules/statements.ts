/**
 * The monthly statement of services on account (有偿便民服务月结统计表, seed 001): a household's
 * completed services settled monthly, summed on one sheet the cashier collects against.
 */
import type { Booking } from '../schema/booking.js';
import type { StatementLine } from '../schema/statement.js';
import { sumFen } from './money.js';
import { COMPOUND_TIME_ZONE, localDate } from './time.js';

type Billable = Pick<
  Booking,
  'id' | 'number' | 'householdId' | 'serviceName' | 'slot' | 'wantedAt' | 'history' | 'createdAt' | 'settlement' | 'channel' | 'status' | 'quote'
>;

/**
 * The day a booking's service was given, an instant: its slot's start; without a slot, when it
 * was completed (its history), else when it was wanted, else when it was booked.
 */
export function serviceDay(b: Pick<Booking, 'slot' | 'wantedAt' | 'history' | 'createdAt'>): string {
  return b.slot?.start ?? [...b.history].reverse().find((h) => h.status === 'completed')?.at ?? b.wantedAt ?? b.createdAt;
}

/**
 * The lines and total of `householdId`'s statement for `month` (`YYYY-MM`): its completed bookings
 * settled `monthly` whose service day (`serviceDay`, in the compound's zone) falls in that month, in
 * date order; each line is the booking's quote total. A booking made under a long-term agreement
 * (`channel: 'agreement'`) is not on it: the agreement's own fee covers it (seed 001, 4.3.2).
 */
export function statementFor(
  householdId: string,
  month: string,
  bookings: readonly Billable[],
  timeZone = COMPOUND_TIME_ZONE,
): { lines: StatementLine[]; total: number } {
  const lines = bookings
    .filter((b) => b.householdId === householdId && b.status === 'completed' && b.settlement === 'monthly' && b.channel !== 'agreement')
    .map((b) => ({
      bookingId: b.id,
      bookingNumber: b.number,
      date: localDate(serviceDay(b), timeZone),
      serviceName: b.serviceName,
      amount: b.quote.total,
    }))
    .filter((l) => l.date.startsWith(`${month}-`))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.bookingNumber < b.bookingNumber ? -1 : a.bookingNumber > b.bookingNumber ? 1 : 0));
  return { lines, total: sumFen(lines.map((l) => l.amount)) };
}
