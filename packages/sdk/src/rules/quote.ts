/**
 * Price quotes for every price shape that occurs (seeds 000, 001, 003). Every line is
 * `unitAmount × quantity` in integer fen and the lines sum exactly to the total.
 */
import type { PriceBand, PriceRule } from '../schema/catalog.js';
import type { Quote, QuoteInput, QuoteLine } from '../schema/booking.js';
import { mulFen } from './money.js';
import { build, line } from './quote-lines.js';
import { COMPOUND_TIME_ZONE, minuteOfDay, zonedParts } from './time.js';

export { QUOTE_LINE_LABELS } from './quote-lines.js';

/**
 * The band that prices a service starting at `at`: the start, read in the compound's zone, falls on
 * one of the band's ISO weekdays, from `from` (inclusive) to `to` (exclusive). A band whose `to` is
 * not after its `from` runs past midnight (22:00–06:00) and belongs to the day it starts: Saturday's
 * 22:00–06:00 is Saturday night, so Sunday 01:00 is in it and Saturday 01:00 (Friday night) is not.
 * The first matching band wins.
 */
export function matchBand(bands: readonly PriceBand[] | undefined, at: string | undefined, timeZone = COMPOUND_TIME_ZONE): PriceBand | undefined {
  if (!bands?.length || at === undefined) return undefined;
  const p = zonedParts(at, timeZone);
  const t = p.hour * 60 + p.minute;
  const day = p.weekday;
  return bands.find((b) => {
    const from = minuteOfDay(b.from);
    const to = minuteOfDay(b.to);
    // After midnight, a night band is the previous day's.
    return from < to ? b.days.includes(day) && t >= from && t < to : (t >= from && b.days.includes(day)) || (t < to && b.days.includes(((day + 5) % 7) + 1));
  });
}

/** Whole hours of one slot, when the slot is a whole number of hours. */
function slotHours(item: { slots?: { durationMinutes: number } }): number | undefined {
  const minutes = item.slots?.durationMinutes;
  return minutes !== undefined && minutes > 0 && minutes % 60 === 0 ? minutes / 60 : undefined;
}

/**
 * Prices `input` for a service.
 * - free: basis `free`, no lines, total 0.
 * - fixed: one line × `quantity` (default 1); the line is `peak` / `off-peak` when a band matches `input.at`.
 * - per-unit: the quantity in the rule's unit: `hour` → hours ?? quantity ?? whole slot hours ?? 1;
 *   `person` → people ?? quantity ?? 1; `person-hour` → people × hours (each default 1; hours default
 *   to the whole slot hours); any other unit → quantity ?? 1. Below `minQuantity`, the shortfall is
 *   charged on a separate `minimum` line at the same unit amount, so the resident sees both what was
 *   asked for and why the total is higher.
 * - quote: basis `from` with one `base` line when the rule has a "from" price, else `on-inspection`
 *   with no lines and total 0.
 * - labour-materials: a `labour` line (per time: quantity ?? 1; per hour: hours ?? whole slot hours ?? 1)
 *   and, once `input.materials` is known, a `materials` line at cost (basis `exact`); without it the
 *   total is a lower bound (basis `from`).
 * Throws a RangeError if an amount is not a safe integer or the total exceeds `MAX_FEN`.
 */
export function quote(item: { price: PriceRule; slots?: { durationMinutes: number } }, input: QuoteInput, timeZone = COMPOUND_TIME_ZONE): Quote {
  const rule = item.price;
  switch (rule.kind) {
    case 'free':
      return build('free', []);
    case 'quote':
      return rule.from === undefined ? build('on-inspection', []) : build('from', [line('base', rule.from, 1)]);
    case 'labour-materials': {
      const n = rule.labourUnit === 'hour' ? (input.hours ?? slotHours(item) ?? 1) : (input.quantity ?? 1);
      const lines = [line('labour', rule.labour, n)];
      if (input.materials !== undefined) lines.push(line('materials', input.materials, 1));
      return build(input.materials === undefined ? 'from' : 'exact', lines);
    }
    case 'fixed':
    case 'per-unit': {
      const band = matchBand(rule.bands, input.at, timeZone);
      const unitAmount = band ? band.amount : rule.amount;
      const code: QuoteLine['code'] = band ? band.name : 'base';
      if (rule.kind === 'fixed') return build('exact', [line(code, unitAmount, input.quantity ?? 1)]);
      const hours = input.hours ?? slotHours(item);
      const n =
        rule.unit === 'hour'
          ? (input.hours ?? input.quantity ?? hours ?? 1)
          : rule.unit === 'person'
            ? (input.people ?? input.quantity ?? 1)
            : rule.unit === 'person-hour'
              ? mulFen(input.people ?? 1, hours ?? 1)
              : (input.quantity ?? 1);
      const lines = [line(code, unitAmount, n)];
      if (rule.minQuantity !== undefined && n < rule.minQuantity) lines.push(line('minimum', unitAmount, rule.minQuantity - n));
      return build('exact', lines);
    }
  }
}
