/**
 * The monthly statement of services on account (有偿便民服务月结统计表, seed 001): a household's
 * completed services settled monthly, summed on one sheet the cashier collects against.
 */
import type { Booking } from '../schema/booking.js';
import type { StatementLine } from '../schema/statement.js';
import { sumFen } from './money.js';
import { COMPOUND_TIME_ZONE, localDate, localMonth } from './time.js';

type Billable = Pick<
  Booking,
  'id' | 'number' | 'householdId' | 'serviceName' | 'slot' | 'wantedAt' | 'history' | 'createdAt' | 'settlement' | 'channel' | 'status' | 'quote'
>;

type Dated = Pick<Booking, 'slot' | 'wantedAt' | 'history' | 'createdAt'>;

/** When a booking was recorded completed (the last such step of its history). */
const completedAt = (b: Pick<Booking, 'history'>): string | undefined => [...b.history].reverse().find((h) => h.status === 'completed')?.at;

/**
 * The day a booking's service was given, an instant: its slot's start, else the time it was
 * wanted, else when it was recorded completed, else when it was booked.
 */
export function serviceDay(b: Dated): string {
  return b.slot?.start ?? b.wantedAt ?? completedAt(b) ?? b.createdAt;
}

/**
 * The moment that puts a booking on a month's statement: when it was recorded completed (else its
 * service day). A service recorded late goes on the statement still open, so a statement already
 * issued or paid never changes.
 */
export function billedAt(b: Dated): string {
  return completedAt(b) ?? serviceDay(b);
}

/**
 * The lines and total of `householdId`'s statement for `month` (`YYYY-MM`): its completed bookings
 * settled `monthly` billed in that month (`billedAt`, in the compound's zone), in order of their
 * service day (`serviceDay`, each line's date); each line is the booking's quote total. A booking
 * made under a long-term agreement (`channel: 'agreement'`) is not on it: the agreement's own fee
 * covers it (seed 001, 4.3.2).
 */
export function statementFor(
  householdId: string,
  month: string,
  bookings: readonly Billable[],
  timeZone = COMPOUND_TIME_ZONE,
): { lines: StatementLine[]; total: number } {
  const lines = bookings
    .filter(
      (b) =>
        b.householdId === householdId &&
        b.status === 'completed' &&
        b.settlement === 'monthly' &&
        b.channel !== 'agreement' &&
        localMonth(billedAt(b), timeZone) === month,
    )
    .map((b) => ({
      bookingId: b.id,
      bookingNumber: b.number,
      date: localDate(serviceDay(b), timeZone),
      serviceName: b.serviceName,
      amount: b.quote.total,
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.bookingNumber < b.bookingNumber ? -1 : a.bookingNumber > b.bookingNumber ? 1 : 0));
  return { lines, total: sumFen(lines.map((l) => l.amount)) };
}
