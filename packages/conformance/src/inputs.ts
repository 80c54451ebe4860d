import { endpoints, type EndpointId, type Endpoints } from '@bianmin/sdk/contract';
import { COMPOUND_TIME_ZONE, DEFAULT_OPENING_HOURS, addDays, localDate, toEpoch, toInstant, weekdayOf } from '@bianmin/sdk/rules';
import type { AgreementChangeInput, BookingInput, CheckoutInput, HelpRequestInput, LoanItem, ServiceItem, Slot } from '@bianmin/sdk/schema';
import type * as z from 'zod/mini';
import { isRecord } from './assert.js';
import { shapeOf, type Fixtures, type HouseholdRef } from './fixtures.js';

// Request bodies, built from the catalog and the records discovered at run time. The kit marks
// what it writes, so a person reading the server's data can tell test records apart.

export const MARK = 'Conformance check (bianmin-conformance): please ignore';

export type PostId = { [K in EndpointId]: Endpoints[K]['method'] extends 'POST' ? K : never }[EndpointId];
export type IdempotentId = { [K in EndpointId]: Endpoints[K] extends { idempotent: true } ? K : never }[EndpointId];
export type BodyOf<K extends EndpointId> = Endpoints[K] extends { body: infer B extends z.ZodMiniType } ? z.input<B> : never;

export const timeZoneOf = (fx: Fixtures): string => fx.compound?.timeZone ?? COMPOUND_TIME_ZONE;
export const today = (fx: Fixtures): string => localDate(Date.now(), timeZoneOf(fx));

/** The resident's own household, as `/me` tells it. */
export function ownHousehold(fx: Fixtures, who: 'resident' | 'other' = 'resident'): HouseholdRef | undefined {
  const h = fx.me[who]?.household;
  const contact = h?.contacts[0];
  return h && contact ? { id: h.id, address: h.address, contact, ...(h.occupancy === 'tenant' ? { settlement: 'prepaid' as const } : {}) } : undefined;
}

/** Households to book or lend for, the resident's own last (so the desk's writes do not use up its quota). */
export function householdPool(fx: Fixtures): HouseholdRef[] {
  const own = fx.me.resident?.household?.id;
  return [...fx.households.values()].sort((a, b) => Number(a.id === own) - Number(b.id === own));
}

/** A household for a body whose household does not matter (401, 403, 404 probes). */
const placeholder: HouseholdRef = { id: 'unknown', address: { building: '1', room: '101' }, contact: { name: '测试', phone: '13800000000' } };
const anyHousehold = (fx: Fixtures): HouseholdRef => ownHousehold(fx) ?? householdPool(fx)[0] ?? placeholder;

/** Services with a slot policy, in catalog order. */
export const slotServices = (fx: Fixtures): ServiceItem[] => (fx.catalog?.items ?? []).filter((i) => i.slots);

/** A service booked without a slot, a paid one first: bookings of it take nothing anyone else wants. */
export function plainService(fx: Fixtures): ServiceItem | undefined {
  const plain = (fx.catalog?.items ?? []).filter((i) => !i.slots && !i.room);
  return plain.find((i) => i.price.kind !== 'free' && i.bookingModes.includes('online')) ?? plain[0];
}

/** A time a service without slots can be wanted at: its first opening on a day from tomorrow on. */
export function wantedTime(item: Pick<ServiceItem, 'hours'>, timeZone = COMPOUND_TIME_ZONE): string {
  const from = localDate(Date.now(), timeZone);
  for (let i = 1; i <= 7; i++) {
    const date = addDays(from, i);
    const open = (item.hours ?? DEFAULT_OPENING_HOURS).find((h) => h.days.includes(weekdayOf(date)))?.open;
    if (open) return toInstant(date, open, timeZone);
  }
  return toInstant(addDays(from, 1), '10:00', timeZone);
}

/** A booking of the service: in the slot given, else (a service without slots) at `wantedTime`. */
export function bookingBody(item: ServiceItem, h: HouseholdRef, slot?: Slot, notes = MARK, timeZone = COMPOUND_TIME_ZONE): BookingInput {
  const body: BookingInput = { serviceId: item.id, household: h.address, contact: h.contact, settlement: h.settlement ?? 'per-visit', notes };
  if (slot) body.slot = { start: slot.start, end: slot.end };
  else if (!item.slots) body.wantedAt = wantedTime(item, timeZone);
  // Rooms, and prices counted in people (per person, per person-hour), are booked with a number of people.
  if (item.room || (item.price.kind === 'per-unit' && (item.price.unit === 'person' || item.price.unit === 'person-hour'))) body.people = 1;
  return body;
}

/** The returnable item with the most in the cabinet. */
export const lendableItem = (fx: Fixtures): LoanItem | undefined =>
  (fx.loanItems ?? []).filter((i) => i.returnable && i.available > 0).sort((a, b) => b.available - a.available)[0];

export function checkoutBody(item: Pick<LoanItem, 'id'>, h: HouseholdRef, quantity = 1, note = MARK): CheckoutInput {
  return { itemId: item.id, quantity, household: h.address, borrower: h.contact, shift: 'day', note };
}

export function helpBody(h: HouseholdRef, description = MARK): HelpRequestInput {
  return { kind: 'repair', location: { building: h.address.building, room: h.address.room }, phone: h.contact.phone, description };
}

type WorkHours = NonNullable<AgreementChangeInput['hours']>;

/**
 * A change of times far enough ahead to need no late fee, to the hours the agreement already has
 * (so the check changes nothing a household relies on).
 */
export function agreementChangeBody(
  fx: Fixtures,
  noticeDays: number,
  requestedBy: 'resident' | 'office',
  reason = MARK,
  hours: WorkHours = { start: '09:00', end: '12:00' },
): AgreementChangeInput {
  return { kind: 'times', requestedBy, effectiveDate: addDays(today(fx), noticeDays + 3), hours, reason };
}

/** An active agreement a caller may change, from its own list, with its notice and its hours. */
export function activeAgreement(records: Record<string, unknown>[]): { id: string; noticeDays: number; hours?: WorkHours } | undefined {
  const a = records.find((r) => r.status === 'active' && typeof r.id === 'string');
  if (!a) return undefined;
  const h = a.hours as Partial<WorkHours> | undefined;
  const hours = typeof h?.start === 'string' && typeof h.end === 'string' ? { start: h.start, end: h.end } : undefined;
  return { id: a.id as string, noticeDays: typeof a.noticeDays === 'number' ? a.noticeDays : 3, ...(hours ? { hours } : {}) };
}

/**
 * A body each POST accepts by its schema, whatever the state of the record it names: for the
 * probes where only the status matters (no token, wrong role, unknown id, another household).
 * Typed over every POST of the table, so a new POST does not compile until it has one.
 */
export const SAMPLE_BODIES: { [K in PostId]: (fx: Fixtures) => BodyOf<K> } = {
  'priceLists.transition': () => ({ to: 'submitted', by: 'bianmin-conformance', note: MARK }),
  'services.quote': () => ({}),
  'bookings.create': (fx) => {
    const item = plainService(fx);
    return item ? bookingBody(item, anyHousehold(fx), undefined, MARK, timeZoneOf(fx)) : { serviceId: 'unknown', household: anyHousehold(fx).address, contact: anyHousehold(fx).contact, settlement: 'per-visit' };
  },
  'bookings.cancel': () => ({ reason: MARK }),
  'bookings.feedback': () => ({ kind: 'rating', rating: 5, comment: MARK }),
  'bookings.transition': () => ({ to: 'confirmed', note: MARK }),
  'agreements.change': (fx) => agreementChangeBody(fx, 3, 'resident'),
  'loans.checkout': (fx) => checkoutBody(lendableItem(fx) ?? { id: 'unknown' }, anyHousehold(fx)),
  'loans.return': () => ({ condition: 'good', shift: 'day', note: MARK }),
  'help.create': (fx) => helpBody(anyHousehold(fx)),
  'help.acknowledge': () => ({}),
  'help.reply': () => ({ reply: MARK }),
  'help.refer': () => ({ to: { 'zh-CN': '社区服务中心', en: 'Community service centre' }, note: { 'zh-CN': MARK } }),
  'help.resolve': () => ({}),
};

export const sampleBody = (fx: Fixtures, id: EndpointId): unknown =>
  id in SAMPLE_BODIES ? (SAMPLE_BODIES as Record<string, (fx: Fixtures) => unknown>)[id]!(fx) : undefined;

/**
 * A body the endpoint's schema rejects, checked locally before it is sent: `{}` when a field is
 * required, else one field of a wrong type, else not an object at all.
 */
export function invalidBody(id: EndpointId): unknown {
  const schema = (endpoints[id] as { body?: z.ZodMiniType }).body;
  if (!schema) return undefined;
  const candidates: unknown[] = [{}, ...Object.keys(shapeOf(schema)).map((k) => ({ [k]: [true] })), [], 'not an object'];
  return candidates.find((c) => !schema.safeParse(c).success);
}

/** A query the endpoint's schema rejects: one parameter with a value no schema of ours takes. */
export function invalidQuery(id: EndpointId): Record<string, string> | undefined {
  const schema = (endpoints[id] as { query?: z.ZodMiniType }).query;
  if (!schema) return undefined;
  for (const k of Object.keys(shapeOf(schema))) {
    const q = { [k]: '!!' };
    if (!schema.safeParse(q).success) return q;
  }
  return undefined;
}

/** Whether a slot starts late enough to be cancelled by a resident after it is booked. */
export const cancellable = (slot: Slot, item: ServiceItem): boolean =>
  toEpoch(slot.start) - Date.now() > ((item.slots?.cancelBeforeMinutes ?? 0) + 30) * 60_000;

export const idOf = (json: unknown): string | undefined => (isRecord(json) && typeof json.id === 'string' ? json.id : undefined);
