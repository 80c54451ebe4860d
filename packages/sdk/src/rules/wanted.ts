/**
 * The wanted time of a service booked without slots (委托服务单, seed 001: the order records the
 * wanted time): when the resident would like it, which staff then confirm. It decides peak or
 * off-peak (seed 003), so a booking of a service priced by period must give one. The booking form
 * checks it as the backend does, with the same function.
 */
import type { OpeningHours, PriceRule } from '../schema/catalog.js';
import { DEFAULT_OPENING_HOURS } from './slots.js';
import { COMPOUND_TIME_ZONE, addDays, daysBetween, localDate, localTime, minuteOfDay, toEpoch, toInstant, weekdayOf, type At } from './time.js';

/** How far ahead a wanted time may be, in local days from today: a year, the longest booking horizon. */
export const WANTED_HORIZON_DAYS = 366;

/**
 * Whether a booking of a service must say when it is wanted: the service has no slots (a slot's
 * start is its time) and its price differs by period (peak / off-peak bands).
 */
export function needsWantedAt(item: { slots?: object; price: PriceRule }): boolean {
  const p = item.price;
  return !item.slots && (p.kind === 'fixed' || p.kind === 'per-unit') && (p.bands?.length ?? 0) > 0;
}

/** Why a wanted time is refused. */
export type WantedCheck = { ok: true } | { ok: false; reason: 'invalid' | 'past' | 'too-far' | 'closed' };

/**
 * Checks a wanted time (an instant with offset, or a wall time `YYYY-MM-DDTHH:mm` in the compound's
 * zone): not before `now`; on a local day less than `WANTED_HORIZON_DAYS` days after today (local
 * dates, whatever the hour); and, when the service names opening hours, within them: on one of a
 * range's days, at or after its `open` and before its `close`, and a job of `minutes` (hours booked
 * by the hour) done by the `close`. A service that names none takes any time of day (a wake-up
 * call, a taxi at dawn); a picker still offers 08:00–20:00 for it.
 */
export function checkWantedAt(
  item: { hours?: readonly OpeningHours[] },
  at: string,
  now: At,
  timeZone = COMPOUND_TIME_ZONE,
  minutes = 0,
): WantedCheck {
  let t: number;
  try {
    t = toEpoch(at, timeZone);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (t < toEpoch(now)) return { ok: false, reason: 'past' };
  const date = localDate(t, timeZone);
  if (daysBetween(localDate(now, timeZone), date) >= WANTED_HORIZON_DAYS) return { ok: false, reason: 'too-far' };
  if (!item.hours) return { ok: true };
  const minute = minuteOfDay(localTime(t, timeZone));
  const day = weekdayOf(date);
  const open = item.hours.some((h) => h.days.includes(day) && minute >= minuteOfDay(h.open) && minute + Math.max(minutes, 1) <= minuteOfDay(h.close));
  return open ? { ok: true } : { ok: false, reason: 'closed' };
}

/**
 * The wanted times a picker offers for a service without slots: on each of `days` local days from
 * `from` (default: today), every `stepMinutes` from each opening-hours range's `open` while before
 * its `close` (08:00–20:00 every day when the service names none), leaving out those before `now`,
 * those on a day `WANTED_HORIZON_DAYS` or more after today and, when the service names its hours,
 * those at which a job of `minutes` (hours booked by the hour) would not be done by the `close`:
 * exactly the times of that grid `checkWantedAt` accepts with the same `minutes`, in time order,
 * as instants with the zone's offset.
 */
export function wantedTimes(
  item: { hours?: readonly OpeningHours[] },
  opts: { now: At; days: number; stepMinutes: number; from?: string; timeZone?: string; minutes?: number },
): string[] {
  const tz = opts.timeZone ?? COMPOUND_TIME_ZONE;
  const step = Math.max(1, Math.floor(opts.stepMinutes));
  const today = localDate(opts.now, tz);
  const now = toEpoch(opts.now);
  const first = opts.from ?? today;
  // As `checkWantedAt`: a job's length counts only against hours the service names.
  const length = item.hours ? Math.max(opts.minutes ?? 0, 1) : 1;
  const out: string[] = [];
  for (let i = 0; i < opts.days; i++) {
    const date = addDays(first, i);
    if (daysBetween(today, date) >= WANTED_HORIZON_DAYS) break;
    const day = weekdayOf(date);
    const minutes = new Set<number>();
    for (const h of item.hours ?? DEFAULT_OPENING_HOURS) {
      if (!h.days.includes(day)) continue;
      for (let t = minuteOfDay(h.open); t + length <= minuteOfDay(h.close); t += step) minutes.add(t);
    }
    // A wall time that a daylight-saving change skips lands on a later one's instant: kept once, in time order.
    const instants = new Set<string>();
    for (const t of minutes) instants.add(toInstant(date, `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`, tz));
    out.push(...[...instants].filter((at) => toEpoch(at) >= now).sort((a, b) => toEpoch(a) - toEpoch(b)));
  }
  return out;
}
