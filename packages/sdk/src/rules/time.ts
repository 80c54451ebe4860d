/**
 * The compound's clock. Instants travel as ISO 8601 with an offset; everything a person sees, and
 * every rule that speaks of a day, an hour or a month, is read in the compound's time zone, whatever
 * the device says (DOMAIN "Money and time"). Built on Intl.DateTimeFormat#formatToParts so any IANA
 * zone works, daylight saving included; formatters are cached because they are costly to create.
 */
import type { Locale } from '../schema/common.js';

/** The compound's time zone (UTC+8, no daylight saving). */
export const COMPOUND_TIME_ZONE = 'Asia/Shanghai';

/**
 * An instant: an ISO string with offset, a Date, or epoch milliseconds. A string without an offset
 * (`YYYY-MM-DD`, `YYYY-MM-DDTHH:mm[:ss]`) is a wall time in the zone at hand, never in the host's.
 */
export type At = string | Date | number;

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const MINUTE = 60_000;
const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;
const WALL_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?$/;

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function parseDate(date: string): [number, number, number] {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`expected YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Epoch milliseconds of a calendar date's midnight in UTC: calendar arithmetic, no zone involved. */
function utcDay(date: string): number {
  const [y, m, d] = parseDate(date);
  return Date.UTC(y, m - 1, d);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a UTC midnight. */
const isoWeekday = (ms: number): number => ((new Date(ms).getUTCDay() + 6) % 7) + 1;

/** Minutes since local midnight of an `HH:mm` wall time; `24:00` is 1440. */
export function minuteOfDay(time: string): number {
  const m = TIME_RE.exec(time);
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  if (!m || min > 59 || h > 24 || (h === 24 && min !== 0)) throw new RangeError(`expected HH:mm, got ${JSON.stringify(time)}`);
  return h * 60 + min;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date; no time zone involved. */
export function weekdayOf(date: string): number {
  return isoWeekday(utcDay(date));
}

/** Epoch milliseconds of an instant; throws a RangeError on anything unparseable. */
export function toEpoch(at: At, timeZone = COMPOUND_TIME_ZONE): number {
  if (typeof at === 'string' && DATE_RE.test(at)) return wallToEpoch(at, 0, timeZone);
  const wall = typeof at === 'string' ? WALL_RE.exec(at) : null;
  if (wall) return wallToEpoch(wall[1] ?? '', minuteOfDay(wall[2] ?? ''), timeZone) + Number(wall[3] ?? 0) * 1000;
  const ms = typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`invalid instant ${JSON.stringify(at)}`);
  return ms;
}

/** The wall-clock fields of an instant in a time zone. */
export function zonedParts(at: At, timeZone = COMPOUND_TIME_ZONE): ZonedParts {
  const ms = toEpoch(at, timeZone);
  const f = fmt(`p|${timeZone}`, 'en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const p: Record<string, number> = {};
  for (const { type, value } of f.formatToParts(ms)) p[type] = Number(value);
  const year = p.year ?? 0;
  const month = p.month ?? 1;
  const day = p.day ?? 1;
  return {
    year,
    month,
    day,
    hour: (p.hour ?? 0) % 24, // some engines print midnight as 24
    minute: p.minute ?? 0,
    second: p.second ?? 0,
    weekday: isoWeekday(Date.UTC(year, month - 1, day)),
  };
}

/** The zone's offset from UTC at an instant, in whole minutes (east positive). */
export function offsetMinutes(at: At, timeZone = COMPOUND_TIME_ZONE): number {
  const ms = toEpoch(at, timeZone);
  const p = zonedParts(ms, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wall - (ms - (((ms % 1000) + 1000) % 1000))) / MINUTE);
}

/**
 * The instant at which a wall clock in `timeZone` shows `date` + `minutes` past midnight. Like
 * Temporal's "compatible" disambiguation: a wall time that occurs twice (daylight saving ends) gives
 * the earlier instant; one that never occurs (daylight saving starts) is read with the offset before
 * the change, which lands after the gap (02:30 → 03:30).
 */
function wallToEpoch(date: string, minutes: number, timeZone: string): number {
  const wall = utcDay(date) + minutes * MINUTE;
  const before = wall - offsetMinutes(wall - DAY_MS, timeZone) * MINUTE;
  const after = wall - offsetMinutes(wall + DAY_MS, timeZone) * MINUTE;
  if (before === after) return before; // no offset change within a day: the usual case
  const valid = [before, after].filter((t) => t + offsetMinutes(t, timeZone) * MINUTE === wall);
  return valid.length ? Math.min(...valid) : before;
}

/** `YYYY-MM-DD` of an instant in the zone. */
export function localDate(at: At, timeZone = COMPOUND_TIME_ZONE): string {
  const p = zonedParts(at, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** `HH:mm` of an instant in the zone. */
export function localTime(at: At, timeZone = COMPOUND_TIME_ZONE): string {
  const p = zonedParts(at, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** `YYYY-MM` of an instant in the zone. */
export function localMonth(at: At, timeZone = COMPOUND_TIME_ZONE): string {
  return localDate(at, timeZone).slice(0, 7);
}

/**
 * ISO 8601 with the zone's offset at that instant, seconds precision (milliseconds are dropped):
 * `2026-11-23T09:00:00+08:00`. Every instant the SDK and the mock write goes through here.
 */
export function formatInstant(at: At, timeZone = COMPOUND_TIME_ZONE): string {
  const ms = Math.floor(toEpoch(at, timeZone) / 1000) * 1000;
  const off = offsetMinutes(ms, timeZone);
  // Wall fields from the instant plus the (minute-rounded) offset, so the string names the same instant.
  const w = new Date(ms + off * MINUTE);
  const abs = Math.abs(off);
  return (
    `${pad(w.getUTCFullYear(), 4)}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}` +
    `T${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}` +
    `${off < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The instant of a local date and wall time (`HH:mm`, `24:00` = next midnight), ISO with the zone's offset. */
export function toInstant(date: string, time: string, timeZone = COMPOUND_TIME_ZONE): string {
  return formatInstant(wallToEpoch(date, minuteOfDay(time), timeZone), timeZone);
}

/** `at` plus a number of minutes (negative to go back), ISO with the zone's offset. */
export function addMinutes(at: At, minutes: number, timeZone = COMPOUND_TIME_ZONE): string {
  return formatInstant(toEpoch(at, timeZone) + minutes * MINUTE, timeZone);
}

/** A calendar date plus `n` days (calendar arithmetic, no zone involved). */
export function addDays(date: string, n: number): string {
  return new Date(utcDay(date) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from date `a` to date `b` (`YYYY-MM-DD`), negative when `b` is earlier. */
export function daysBetween(a: string, b: string): number {
  const from = utcDay(a);
  return Math.round((utcDay(b) - from) / DAY_MS);
}

/** Minutes from `a` to `b` (negative when `b` is earlier; fractional if the seconds differ). */
export function minutesBetween(a: At, b: At): number {
  return (toEpoch(b) - toEpoch(a)) / MINUTE;
}

/** Days of a month `YYYY-MM`, as `YYYY-MM-DD`. */
export function daysOfMonth(month: string): string[] {
  const [y, m] = parseDate(`${month}-01`);
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => `${month}-${pad(i + 1)}`);
}

// Display. A bare `YYYY-MM-DD` is shown as that calendar date; instants are shown in the zone.
const DATE_OPTS: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const TIME_OPTS: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

function display(kind: string, options: Intl.DateTimeFormatOptions, at: At, locale: Locale, timeZone: string): string {
  return fmt(`${kind}|${locale}|${timeZone}`, locale, { ...options, timeZone }).format(toEpoch(at, timeZone));
}

/** "2026年11月23日" / "Nov 23, 2026". */
export function formatDate(at: At, locale: Locale, timeZone = COMPOUND_TIME_ZONE): string {
  return display('d', DATE_OPTS, at, locale, timeZone);
}

/** "09:00" (24 h) in the zone. */
export function formatTime(at: At, locale: Locale, timeZone = COMPOUND_TIME_ZONE): string {
  return display('t', TIME_OPTS, at, locale, timeZone);
}

/** "2026年11月23日 09:00" / "Nov 23, 2026, 09:00". */
export function formatDateTime(at: At, locale: Locale, timeZone = COMPOUND_TIME_ZONE): string {
  return display('dt', { ...DATE_OPTS, ...TIME_OPTS }, at, locale, timeZone);
}

/** "周一" / "Mon" (`width: 'long'`: "星期一" / "Monday"). */
export function formatWeekday(at: At, locale: Locale, timeZone = COMPOUND_TIME_ZONE, width: 'short' | 'long' = 'short'): string {
  return display(`w${width}`, { weekday: width }, at, locale, timeZone);
}
