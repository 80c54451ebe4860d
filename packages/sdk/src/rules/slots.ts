/**
 * Time slots of bookable services (rooms, courses, visits). The same functions build the picker's
 * grid in the browser and check a booking inside the backend's write, so the two always agree.
 */
import type { AvailableSlot, BookingStatus, Slot, SlotState } from '../schema/booking.js';
import type { OpeningHours, SlotPolicy } from '../schema/catalog.js';
import { BOOKING_TRANSITIONS, OPEN_BOOKING_STATUSES, canTransition } from './transitions.js';
import { COMPOUND_TIME_ZONE, addDays, addMinutes, localDate, minuteOfDay, toEpoch, toInstant, weekdayOf, type At } from './time.js';

const MINUTE = 60_000;

/** Booking states that hold a slot: everything still ahead of the service or under way. */
export const SLOT_HOLDING_STATUSES: readonly BookingStatus[] = OPEN_BOOKING_STATUSES;

/** Hours used when a service names none: 08:00–20:00 every day. */
export const DEFAULT_OPENING_HOURS: readonly OpeningHours[] = [{ days: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '20:00' }];

export type SlotBooking = { slot?: Slot; status: BookingStatus; householdId: string };

export interface SlotOptions {
  now: At;
  bookings: ReadonlyArray<SlotBooking>;
  /** The household asking: enables the per-household daily quota. */
  householdId?: string;
  timeZone?: string;
}

export interface GenerateSlotsOptions extends SlotOptions {
  /** First local day, `YYYY-MM-DD`. */
  from: string;
  /** Number of days from `from`. */
  days: number;
}

type Bookable = { slots?: SlotPolicy; hours?: readonly OpeningHours[] };

const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * The slots of `opts.days` local days from `opts.from`, in start order; none for a service without
 * a slot policy. Within each opening-hours range (`open` < `close`; ranges do not cross midnight) a
 * slot starts at `open` and every `durationMinutes + bufferMinutes` after, as long as it ends by
 * `close`. A booking that holds a slot occupies its slot plus the buffer after it; a slot counts
 * every such booking whose occupied time overlaps its own (plus its own buffer), and `remaining` is
 * `capacity` minus that count, never below 0. State, first match wins:
 * - `closed`: the slot has started, or its local day is beyond the horizon (today counts as day 1
 *   of `horizonDays`);
 * - `too-soon`: it starts within `leadMinutes` of now;
 * - `full`: nothing remains;
 * - `quota-reached`: `householdId` is given and that household already holds
 *   `quotaPerHouseholdPerDay` bookings that local day;
 * - `available`.
 */
export function generateSlots(item: Bookable, opts: GenerateSlotsOptions): AvailableSlot[] {
  const policy = item.slots;
  if (!policy) return [];
  const tz = opts.timeZone ?? COMPOUND_TIME_ZONE;
  const now = toEpoch(opts.now);
  const bufferMs = policy.bufferMinutes * MINUTE;
  const held = opts.bookings.flatMap((b) =>
    b.slot && SLOT_HOLDING_STATUSES.includes(b.status)
      ? [{ start: toEpoch(b.slot.start), until: toEpoch(b.slot.end) + bufferMs, householdId: b.householdId, day: localDate(b.slot.start, tz) }]
      : [],
  );
  const horizonEnd = addDays(localDate(now, tz), policy.horizonDays);
  const step = policy.durationMinutes + policy.bufferMinutes;
  const quota = opts.householdId === undefined ? undefined : policy.quotaPerHouseholdPerDay;
  const out: AvailableSlot[] = [];

  for (let i = 0; i < opts.days; i++) {
    const date = addDays(opts.from, i);
    const weekday = weekdayOf(date);
    const starts = new Set<number>();
    for (const h of item.hours ?? DEFAULT_OPENING_HOURS) {
      if (!h.days.includes(weekday)) continue;
      const close = minuteOfDay(h.close);
      for (let t = minuteOfDay(h.open); t + policy.durationMinutes <= close; t += step) starts.add(t);
    }
    const mine = quota === undefined ? 0 : held.filter((b) => b.householdId === opts.householdId && b.day === date).length;
    for (const t of [...starts].sort((a, b) => a - b)) {
      const start = toInstant(date, hhmm(t), tz);
      const end = addMinutes(start, policy.durationMinutes, tz);
      const s = toEpoch(start);
      const until = toEpoch(end) + bufferMs;
      const taken = held.filter((b) => b.start < until && s < b.until).length;
      const remaining = Math.max(0, policy.capacity - taken);
      const state: SlotState =
        s < now || date >= horizonEnd
          ? 'closed'
          : s < now + policy.leadMinutes * MINUTE
            ? 'too-soon'
            : remaining === 0
              ? 'full'
              : quota !== undefined && mine >= quota
                ? 'quota-reached'
                : 'available';
      out.push({ start, end, capacity: policy.capacity, remaining, state });
    }
  }
  return out;
}

export type SlotCheck = { ok: true } | { ok: false; code: 'slot_taken' | 'slot_unavailable' | 'quota_exceeded'; reason: string };

/**
 * The server-side check of a wanted slot, run inside the booking write: the slot must be one that
 * `generateSlots` offers (same start and end, on the grid) and be `available` there. Full →
 * `slot_taken`; quota reached → `quota_exceeded`; anything else → `slot_unavailable`.
 * Reasons are plain English for logs and carry no personal data.
 */
export function checkSlot(item: Bookable, slot: Slot, opts: SlotOptions): SlotCheck {
  const unavailable = (reason: string): SlotCheck => ({ ok: false, code: 'slot_unavailable', reason });
  if (!item.slots) return unavailable('this service is not booked by time slot');
  let start: number;
  let end: number;
  try {
    start = toEpoch(slot.start);
    end = toEpoch(slot.end);
  } catch {
    return unavailable('the slot is not a valid time range');
  }
  const tz = opts.timeZone ?? COMPOUND_TIME_ZONE;
  const found = generateSlots(item, { ...opts, from: localDate(start, tz), days: 1 }).find(
    (s) => toEpoch(s.start) === start && toEpoch(s.end) === end,
  );
  if (!found) return unavailable('the slot is not one the service offers');
  switch (found.state) {
    case 'available':
      return { ok: true };
    case 'full':
      return { ok: false, code: 'slot_taken', reason: 'the slot is full' };
    case 'quota-reached':
      return { ok: false, code: 'quota_exceeded', reason: 'the household has reached its daily quota for this service' };
    case 'too-soon':
      return unavailable('the slot starts too soon to be booked');
    case 'closed':
      return unavailable('the slot has started or is beyond the booking horizon');
  }
}

/** Until when a booking of a slot starting at `slotStart` may be cancelled (inclusive). */
export function cancellableUntil(slotStart: string, policy: Pick<SlotPolicy, 'cancelBeforeMinutes'>, timeZone = COMPOUND_TIME_ZONE): string {
  return addMinutes(slotStart, -policy.cancelBeforeMinutes, timeZone);
}

export type CancelCheck = { ok: true; until?: string } | { ok: false; reason: 'window-closed' | 'status' };

/**
 * Whether a booking may be cancelled now. Only states the booking machine lets move to `cancelled`
 * qualify (in-progress and finished bookings: `status`). A booking that carries the window the
 * server gave it (`cancellableUntil`) keeps that window, whatever `policy` a later price list has.
 * Otherwise, with a slot the window closes `cancelBeforeMinutes` before the start (at the start
 * without a policy); without a slot, at the wanted time; without either there is no window. `until`
 * is that moment, itself still inside it.
 */
export function canCancel(
  booking: { status: BookingStatus; slot?: Slot; wantedAt?: string; cancellableUntil?: string },
  policy: Pick<SlotPolicy, 'cancelBeforeMinutes'> | undefined,
  now: At,
  timeZone = COMPOUND_TIME_ZONE,
): CancelCheck {
  if (!canTransition(BOOKING_TRANSITIONS, booking.status, 'cancelled')) return { ok: false, reason: 'status' };
  const start = booking.slot?.start ?? booking.wantedAt;
  if (!start) return { ok: true };
  const until = booking.cancellableUntil ?? cancellableUntil(start, policy ?? { cancelBeforeMinutes: 0 }, timeZone);
  return toEpoch(now) <= toEpoch(until) ? { ok: true, until } : { ok: false, reason: 'window-closed' };
}
