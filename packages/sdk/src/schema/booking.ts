import * as z from 'zod/mini';
import { AMENITIES, Amenity, BookingMode } from './catalog.js';
import { Address, Fen, FreeText, HistoryEntry, Id, Instant, LocalDate, LocalizedText } from './common.js';
import { int, object, trim } from './formats.js';
import { Contact } from './household.js';

/** One line of a price quote. `amount` is always `unitAmount × quantity`; lines sum to the total. */
export const QuoteLine = object({
  code: z.enum(['base', 'peak', 'off-peak', 'labour', 'materials', 'minimum']),
  label: LocalizedText,
  unitAmount: Fen,
  quantity: int(0),
  amount: Fen,
});
export type QuoteLine = z.infer<typeof QuoteLine>;

/**
 * A price quote. `exact`: the total is the price. `from`: the total is a lower bound (materials at
 * cost, "from" prices). `on-inspection`: no price until staff inspect; total is 0 or a "from".
 */
export const Quote = object({
  currency: z.literal('CNY'),
  basis: z.enum(['exact', 'from', 'on-inspection', 'free']),
  lines: z.array(QuoteLine),
  total: Fen,
});
export type Quote = z.infer<typeof Quote>;

/** What the quantity fields of a booking mean depends on the price rule's unit. */
export const QuoteInput = object({
  /** Count in the rule's unit (items, m², times); default 1. */
  quantity: z.optional(int(1, 10_000)),
  /** People, for per-person and per-person-hour prices and rooms. */
  people: z.optional(int(1, 1_000)),
  /** Whole hours, for per-hour and per-person-hour prices and hourly labour. */
  hours: z.optional(int(1, 24)),
  /** When the service starts, which decides peak / off-peak bands. */
  at: z.optional(Instant),
  /** Materials used, at cost, once known. */
  materials: z.optional(Fen),
});
export type QuoteInput = z.infer<typeof QuoteInput>;

export const SETTLEMENTS = ['per-visit', 'monthly', 'prepaid'] as const;
/** Per visit (次结), monthly on account (记账月结), or prepaid deposit (tenants). */
export const Settlement = z.enum(SETTLEMENTS);
export type Settlement = z.infer<typeof Settlement>;

export const BOOKING_STATUSES = [
  'requested',
  'quote-requested',
  'quoted',
  'confirmed',
  'in-progress',
  'completed',
  'cancelled',
  'rejected',
  'no-show',
] as const;
export const BookingStatus = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof BookingStatus>;

export const Slot = object({ start: Instant, end: Instant });
export type Slot = z.infer<typeof Slot>;

/**
 * A JSON object of strings: keys up to `maxKey` characters, values up to `maxValue`. The same check
 * as `z.record(z.string().check(z.maxLength(maxKey)), z.string().check(z.maxLength(maxValue)))`,
 * written as one check function because `z.record` alone adds ~0.6 KB gzipped to a browser bundle.
 * It is returned as is (not copied). Its JSON Schema is set in contract/openapi.ts.
 */
function stringMap(maxKey = Infinity, maxValue = Infinity) {
  return z.unknown().check((ctx) => {
    const v = ctx.value;
    const fail = (message: string, path: string[] = []) => {
      ctx.issues.push({ code: 'custom', message, path, input: v });
    };
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail('expected an object of strings');
    for (const [k, s] of Object.entries(v)) {
      if (k.length > maxKey) fail(`expected a key of at most ${maxKey} characters`, [k]);
      else if (typeof s !== 'string' || s.length > maxValue) fail(`expected a string of at most ${maxValue} characters`, [k]);
    }
  }) as unknown as z.ZodMiniType<Record<string, string>>;
}

export const BookingInput = object({
  serviceId: Id,
  /** The wanted time; required for services with a slot policy. */
  slot: z.optional(Slot),
  /**
   * When the resident wants a service that has no slots (staff confirm it): within its opening
   * hours, from now to a year ahead. Required when its price differs by period (`needsWantedAt`).
   */
  wantedAt: z.optional(Instant),
  quantity: z.optional(int(1, 10_000)),
  people: z.optional(int(1, 1_000)),
  hours: z.optional(int(1, 24)),
  amenities: z.optional(z.array(z.enum(AMENITIES))),
  household: Address,
  contact: Contact,
  notes: z.optional(FreeText),
  settlement: Settlement,
  channel: z.optional(BookingMode),
  /** Host-page metadata carried with the booking (string values only). */
  metadata: z.optional(stringMap(40, 200)),
});
export type BookingInput = z.infer<typeof BookingInput>;

const rating = {
  kind: z.literal('rating'),
  rating: int(1, 5),
  comment: z.optional(FreeText),
};
const complaint = {
  kind: z.literal('complaint'),
  comment: z.string().check(trim, z.minLength(1), z.maxLength(1000)),
};
export const FeedbackInput = z.union([object(rating), object(complaint)]);
export type FeedbackInput = z.infer<typeof FeedbackInput>;

/**
 * The follow-up visit (回访) after a completed service: a rating, or a complaint, with when it was
 * given. The feedback input plus `at`, spelled as a union of its own (not `z.intersection`, which
 * adds ~0.7 KB gzipped to a browser bundle).
 */
export const Feedback = z.union([object({ ...rating, at: Instant }), object({ ...complaint, at: Instant })]);
export type Feedback = z.infer<typeof Feedback>;

/** A booking of a paid service (委托服务单). */
export const Booking = object({
  id: Id,
  /** The number a resident quotes on the phone: `BM-20261123-0007`. */
  number: z.string(),
  serviceId: Id,
  serviceName: LocalizedText,
  householdId: Id,
  household: Address,
  contact: Contact,
  slot: z.optional(Slot),
  /** When a service without slots is wanted, as booked. */
  wantedAt: z.optional(Instant),
  quantity: int(1),
  people: z.optional(int(1)),
  hours: z.optional(int(1)),
  amenities: z.array(Amenity),
  notes: z.optional(FreeText),
  settlement: Settlement,
  channel: BookingMode,
  quote: Quote,
  status: BookingStatus,
  history: z.array(HistoryEntry(BookingStatus)),
  createdAt: Instant,
  /** Until when the resident may cancel; absent when cancelling is no longer possible by rule. */
  cancellableUntil: z.optional(Instant),
  feedback: z.optional(Feedback),
  metadata: z.optional(stringMap()),
});
export type Booking = z.infer<typeof Booking>;

export const BookingListQuery = object({
  scope: z.optional(z.enum(['upcoming', 'past', 'all'])),
  status: z.optional(BookingStatus),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(int(1, 200)),
});
export type BookingListQuery = z.infer<typeof BookingListQuery>;

export const CancelInput = object({ reason: z.optional(z.string().check(z.maxLength(500))) });
export type CancelInput = z.infer<typeof CancelInput>;

export const SLOT_STATES = ['available', 'full', 'too-soon', 'closed', 'quota-reached'] as const;
export const SlotState = z.enum(SLOT_STATES);
export type SlotState = z.infer<typeof SlotState>;

export const AvailableSlot = object({
  start: Instant,
  end: Instant,
  capacity: int(0),
  remaining: int(0),
  state: SlotState,
});
export type AvailableSlot = z.infer<typeof AvailableSlot>;

export const AvailabilityQuery = object({
  /** First day, `YYYY-MM-DD` in the compound's time zone; default today. */
  from: z.optional(LocalDate),
  /** Number of days from `from`; default 7. */
  days: z.optional(int(1, 31)),
});
export type AvailabilityQuery = z.infer<typeof AvailabilityQuery>;

export const Availability = object({
  serviceId: Id,
  generatedAt: Instant,
  slots: z.array(AvailableSlot),
});
export type Availability = z.infer<typeof Availability>;
