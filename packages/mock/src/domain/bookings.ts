import type { Address, Booking, BookingInput, BookingStatus, Household, ServiceItem, Settlement } from '@bianmin/sdk/schema';
import {
  BOOKING_TRANSITIONS,
  OPEN_BOOKING_STATUSES,
  agreementCovers,
  canCancel,
  canTransition,
  cancellableUntil,
  checkSlot,
  checkWantedAt,
  localDate,
  needsWantedAt,
  quote,
  quotedPrice,
  toEpoch,
  withMaterials,
} from '@bianmin/sdk/rules';
import { assertOwn, visible, type Ctx, type Handlers } from '../context.js';
import { conflict, forbidden, invalid, notFound } from '../http.js';
import { nextId, nextNumber } from '../numbers.js';
import { paginate } from '../paging.js';
import type { MockState } from '../types.js';
import { scheduleOn } from './accounts.js';
import { serviceInForce, serviceOfRecord } from './catalog.js';

const sameAddress = (a: Address, b: Address): boolean => a.building.trim() === b.building.trim() && a.room.trim() === b.room.trim();

export function householdAt(state: MockState, address: Address): Household | undefined {
  return state.households.find((h) => sameAddress(h.address, address));
}

/**
 * The settlements a household may choose (seed 001): owners per visit or monthly on account,
 * tenants prepay a deposit. The booking form offers the same (`settlementsFor` in its module).
 */
export function settlementsFor(occupancy: Household['occupancy'] | undefined): Settlement[] {
  if (occupancy === 'tenant') return ['prepaid'];
  if (occupancy === 'owner') return ['per-visit', 'monthly'];
  return ['per-visit', 'monthly', 'prepaid'];
}

/** Whole hours of one slot of a slot-booked service, when its slots are a whole number of hours. */
function slotHours(item: ServiceItem): number | undefined {
  const minutes = item.slots?.durationMinutes;
  return minutes !== undefined && minutes % 60 === 0 ? minutes / 60 : undefined;
}

/** Why a wanted time is refused, in the words of the 400's issue. */
const WANTED_REFUSALS = {
  invalid: 'expected a time',
  past: 'the wanted time has passed',
  'too-far': 'the wanted time is more than a year ahead',
  closed: 'the wanted time is outside the service hours',
} as const;
const WANTED_REFUSALS_ZH = {
  invalid: '请选择期望时间',
  past: '期望时间已经过去了，请另选一个时间',
  'too-far': '期望时间只能在一年以内',
  closed: '期望时间不在服务时间内',
} as const;

/**
 * The rules of a booking's input that its schema cannot check, the booking form's rules held on
 * the server; throws a 400 on the first field that breaks one.
 * - A resident books online: the service must be bookable online (a desk-only or phone-only
 *   service is booked by the desk), and a resident claims no phone or desk channel.
 * - A channel named must be one the service offers; `agreement` needs an active long-term
 *   agreement of the household for the service that covers the day wanted (`agreementCovers`:
 *   one of its work days inside its period; seed 004: one rest day a week).
 * - The settlement is one the household may choose: tenants prepay (seed 001).
 * - A room is booked with its number of people (seed 003), and so is a service priced per person
 *   or per person-hour (the chess room, a course): its price is counted in people.
 * - A service without slots is wanted at a time from now to a year ahead, within its opening hours
 *   when it names them (a job booked by the hour done by closing time: `checkWantedAt`); one priced
 *   by period (peak / off-peak) must say when (seed 001: the order records the wanted time). A
 *   slot-booked service is wanted at its slot and takes no other time, a slotless one no slot.
 * - The counts are those the price takes (`checkCounts`).
 */
function checkInput(state: MockState, item: ServiceItem, body: BookingInput, household: Household, byResident: boolean, now: Date): void {
  if (byResident && !item.bookingModes.includes('online')) {
    throw invalid(['serviceId'], `this service is booked by ${item.bookingModes.join(' or ')}, not online`, '这项服务不接受网上预约，请致电或到服务台办理');
  }
  const channel = body.channel;
  if (channel !== undefined) {
    if (!item.bookingModes.includes(channel)) throw invalid(['channel'], `this service is not booked by ${channel}`, '这项服务不接受这种预约方式');
    if (byResident && (channel === 'phone' || channel === 'desk')) throw invalid(['channel'], 'phone and desk bookings are taken by the desk', '电话和服务台预约由服务台办理');
    if (channel === 'agreement') {
      const held = state.agreements.filter((a) => a.householdId === household.id && a.serviceId === item.id && a.status === 'active');
      if (!held.length) throw invalid(['channel'], 'the household has no active agreement for this service', '本户没有这项服务的有效长期协议');
      // Its fee covers its work days inside its period only: a visit on the rest day or outside the period is billed per visit.
      const at = body.slot?.start ?? body.wantedAt;
      // With the work days in force on that day: a change of times asked for earlier may move the rest day.
      const tz = state.compound.timeZone;
      if (at !== undefined && !held.some((a) => agreementCovers(scheduleOn(state, a, localDate(at, tz)), at, tz))) {
        throw invalid([body.slot ? 'slot' : 'wantedAt'], 'the agreement does not cover this day (a rest day, or outside its period): book it as a single visit', '长期协议不包括这一天（休息日或协议期外），请按次预约');
      }
    }
  }
  const settlements = settlementsFor(household.occupancy);
  if (!settlements.includes(body.settlement)) {
    throw invalid(['settlement'], household.occupancy === 'tenant' ? 'tenants prepay a deposit before the service' : `expected ${settlements.join(' or ')}`, household.occupancy === 'tenant' ? '租户需在服务前预付押金' : '业主可以选择次结或月结');
  }
  if (item.room && body.people === undefined) throw invalid(['people'], 'a room is booked with the number of people', '预约场室需要填写人数');
  const perPerson = item.price.kind === 'per-unit' && (item.price.unit === 'person' || item.price.unit === 'person-hour');
  if (perPerson && body.people === undefined) throw invalid(['people'], 'this service is priced per person: say how many people', '这项服务按人数计价，请填写人数');
  if (!item.slots && body.slot) throw invalid(['slot'], 'this service has no time slots: give the wanted time as wantedAt', '这项服务不按时段预约，请选择期望时间');
  if (item.slots) {
    if (body.wantedAt !== undefined) throw invalid(['wantedAt'], 'a slot-booked service is wanted at its slot: send the slot only', '这项服务按时段预约，时间以所选时段为准');
  } else if (body.wantedAt !== undefined) {
    // Hours booked by the hour are a job that must be done by closing time.
    const check = checkWantedAt(item, body.wantedAt, now, state.compound.timeZone, (body.hours ?? 0) * 60);
    if (!check.ok) throw invalid(['wantedAt'], WANTED_REFUSALS[check.reason], WANTED_REFUSALS_ZH[check.reason]);
  } else if (needsWantedAt(item)) {
    throw invalid(['wantedAt'], 'the price of this service depends on when it is wanted (peak or off-peak): give wantedAt', '这项服务按时间计价（高峰或平峰），请选择期望时间');
  }
  checkCounts(item, body);
}

/**
 * The counts of a booking or a quote must be those its price takes, so that nothing is recorded
 * that is not billed (throws a 400 on the first that is not):
 * - `hours` only for a price by the hour (per hour, per person-hour, labour by the hour);
 * - no `quantity` where the price counts something else (labour by the hour and per person-hour are
 *   counted in hours and people); for a price per hour, `quantity` and `hours` say the same, and
 *   for a price per person, `quantity` and `people`;
 * - a slot-booked service is priced by its slot: hours (and, for a price per hour, a quantity) that
 *   disagree with the slot's length are refused rather than priced, and a slot that is not a whole
 *   number of hours cannot be priced by the hour at all (a catalog error, refused rather than
 *   billed as a shorter count).
 */
export function checkCounts(item: ServiceItem, body: { hours?: number; quantity?: number; people?: number }): void {
  const p = item.price;
  const perHour = p.kind === 'per-unit' && p.unit === 'hour';
  const perPerson = p.kind === 'per-unit' && p.unit === 'person';
  const labourByHour = p.kind === 'labour-materials' && p.labourUnit === 'hour';
  const personHour = p.kind === 'per-unit' && p.unit === 'person-hour';
  if (body.hours !== undefined && !perHour && !labourByHour && !personHour) {
    throw invalid(['hours'], 'this service is not priced by the hour: send no hours', '这项服务不按小时计价，无需填写时长');
  }
  if (body.quantity !== undefined && (labourByHour || personHour)) {
    throw invalid(['quantity'], `this service is counted in ${labourByHour ? 'hours' : 'people and hours'}: send ${labourByHour ? 'hours' : 'people and hours'}, not a quantity`, labourByHour ? '这项服务按小时计工，请填写时长而不是数量' : '这项服务按人数和小时计价，请填写人数和时长而不是数量');
  }
  if (perHour && body.hours !== undefined && body.quantity !== undefined && body.hours !== body.quantity) {
    throw invalid(['quantity'], 'the quantity of a price per hour is its hours: send hours only', '按小时计价的数量就是时长，请只填写时长');
  }
  if (perPerson && body.people !== undefined && body.quantity !== undefined && body.people !== body.quantity) {
    throw invalid(['quantity'], 'the quantity of a price per person is its people: send people only', '按人数计价的数量就是人数，请只填写人数');
  }
  const hours = slotHours(item);
  if (item.slots && hours === undefined && (perHour || labourByHour || personHour)) {
    // `quote()` counts whole hours: a 90-minute slot would be billed as one hour.
    throw invalid(['serviceId'], 'a slot of this service is not a whole number of hours, so it cannot be priced by the hour', '这项服务的时段不是整小时，无法按小时计价，请联系服务中心');
  }
  if (item.slots && hours !== undefined) {
    if (body.hours !== undefined && body.hours !== hours) throw invalid(['hours'], `one slot of this service is ${hours} hour(s); book it by its slot`, `这项服务每个时段 ${hours} 小时，按时段预约`);
    if (perHour && body.quantity !== undefined && body.quantity !== hours) throw invalid(['quantity'], `one slot of this service is ${hours} hour(s); book it by its slot`, `这项服务每个时段 ${hours} 小时，按时段预约`);
  }
}

/**
 * The status a new booking starts in. A service priced on inspection or at market price becomes a
 * request for a quote. A slot-booked service that is not a room (courts, the chess room, hourly
 * housekeeping) is confirmed at once: the slot check inside the write is the confirmation. Rooms
 * wait for the desk, who confirm with the booker before the meeting (seed 003), as does everything else.
 */
export function initialStatus(item: ServiceItem): BookingStatus {
  if (item.price.kind === 'quote') return 'quote-requested';
  return item.slots && !item.room ? 'confirmed' : 'requested';
}

export interface NewBooking {
  id: string;
  number: string;
  householdId: string;
  createdAt: string;
  channel: Booking['channel'];
  by: 'resident' | 'staff';
}

/** A booking record from its input, priced by the rules. Throws a RangeError when the quantities cannot be priced. */
export function makeBooking(item: ServiceItem, input: BookingInput, n: NewBooking, timeZone: string): Booking {
  const q = quote(
    item,
    {
      ...(input.quantity !== undefined ? { quantity: input.quantity } : {}),
      ...(input.people !== undefined ? { people: input.people } : {}),
      ...(input.hours !== undefined ? { hours: input.hours } : {}),
      ...(input.slot ? { at: input.slot.start } : input.wantedAt ? { at: input.wantedAt } : {}),
    },
    timeZone,
  );
  const status = initialStatus(item);
  const history: Booking['history'] = [{ status: status === 'confirmed' ? 'requested' : status, at: n.createdAt, by: n.by }];
  if (status === 'confirmed') history.push({ status: 'confirmed', at: n.createdAt, by: n.by, note: 'slot confirmed on booking' });
  const booking: Booking = {
    id: n.id,
    number: n.number,
    serviceId: item.id,
    serviceName: item.name,
    householdId: n.householdId,
    household: { building: input.household.building.trim(), room: input.household.room.trim() },
    contact: input.contact,
    quantity: input.quantity ?? 1,
    amenities: input.amenities ?? [],
    settlement: input.settlement,
    channel: n.channel,
    quote: q,
    status,
    history,
    createdAt: n.createdAt,
  };
  if (input.slot) booking.slot = input.slot;
  if (input.wantedAt !== undefined) booking.wantedAt = input.wantedAt;
  if (input.people !== undefined) booking.people = input.people;
  if (input.hours !== undefined) booking.hours = input.hours;
  if (input.notes !== undefined) booking.notes = input.notes;
  if (input.metadata !== undefined) booking.metadata = input.metadata;
  if (input.slot && item.slots) booking.cancellableUntil = cancellableUntil(input.slot.start, item.slots, timeZone);
  // Without a slot, a resident may cancel online until the wanted time (`canCancel`).
  else if (input.wantedAt) booking.cancellableUntil = input.wantedAt;
  return booking;
}

/** Moves a booking on, recording the step; a booking that can no longer be cancelled loses its window. */
export function moveBooking(b: Booking, to: BookingStatus, at: string, by: 'resident' | 'staff', note?: string): void {
  b.status = to;
  b.history.push(note ? { status: to, at, by, note: note.slice(0, 500) } : { status: to, at, by });
  if (!canTransition(BOOKING_TRANSITIONS, to, 'cancelled')) delete b.cancellableUntil;
}

function findBooking(ctx: Ctx, id: string): Booking {
  const b = ctx.state.bookings.find((x) => x.id === id);
  if (!b) throw notFound('booking');
  assertOwn(ctx.caller, b.householdId);
  return b;
}

const startOf = (b: Booking): number => toEpoch(b.slot?.start ?? b.wantedAt ?? b.createdAt);

export const bookingHandlers: Pick<
  Handlers,
  'bookings.create' | 'bookings.list' | 'bookings.get' | 'bookings.cancel' | 'bookings.feedback' | 'bookings.transition'
> = {
  'bookings.create': (ctx, { body }) => {
    const { state, now, nowIso, caller } = ctx;
    const tz = state.compound.timeZone;
    const item = serviceInForce(state, now, body.serviceId);
    // A resident books for their own household; the desk books for any household of the compound.
    let household: Household;
    if (caller.role === 'resident') {
      const own = state.households.find((h) => h.id === caller.householdId);
      if (!own || !sameAddress(own.address, body.household)) throw forbidden('A resident books for their own household only');
      household = own;
    } else {
      const h = householdAt(state, body.household);
      if (!h) throw invalid(['household'], 'no such building and room in the compound', '小区里没有这个楼栋和房号');
      household = h;
    }
    const householdId = household.id;
    checkInput(state, item, body, household, caller.role === 'resident', now);
    if (item.room) {
      if (body.people !== undefined && body.people > item.room.maxPeople) throw invalid(['people'], `the room holds ${item.room.maxPeople} people at most`, `这个场室最多容纳 ${item.room.maxPeople} 人`);
      const missing = (body.amenities ?? []).filter((a) => !item.room?.amenities.includes(a));
      if (missing.length) throw invalid(['amenities'], `the room does not offer ${missing.join(', ')}`, '这个场室不提供所选的配套服务');
    } else if (body.amenities?.length) {
      throw invalid(['amenities'], 'only rooms offer tea, sound or a projector', '只有场室提供茶水、音响和投影仪');
    }
    if (item.slots) {
      if (!body.slot) throw invalid(['slot'], 'this service is booked by time slot', '这项服务按时段预约，请选择时段');
      // The check and the insert below run in one synchronous turn: no other booking can slip in between.
      const check = checkSlot(item, body.slot, {
        now,
        bookings: state.bookings.filter((b) => b.serviceId === item.id),
        householdId,
        timeZone: tz,
      });
      if (!check.ok) throw conflict(check.code, check.reason);
    }
    let booking: Booking;
    try {
      booking = makeBooking(
        item,
        body,
        {
          id: nextId(state.counters, 'bk'),
          number: nextNumber(state.counters, 'BM', nowIso),
          householdId,
          createdAt: nowIso,
          channel: body.channel ?? (caller.role === 'resident' ? 'online' : 'desk'),
          by: caller.role === 'resident' ? 'resident' : 'staff',
        },
        tz,
      );
    } catch (e) {
      if (e instanceof RangeError) throw invalid(['quantity'], e.message, '数量超出了可以计价的范围');
      throw e;
    }
    state.bookings.push(booking);
    ctx.changed();
    return booking;
  },

  'bookings.list': ({ state, now, caller }, { query }) => {
    const t = now.getTime();
    const upcoming = (b: Booking): boolean => OPEN_BOOKING_STATUSES.includes(b.status) && (!b.slot || toEpoch(b.slot.end) > t);
    const scope = query.scope ?? 'all';
    const mine = visible(caller, state.bookings).filter(
      (b) => (query.status === undefined || b.status === query.status) && (scope === 'all' || (scope === 'upcoming') === upcoming(b)),
    );
    // Upcoming: soonest first. Past and all: latest first.
    return paginate(mine, startOf, scope === 'upcoming' ? 'asc' : 'desc', query.cursor, query.limit);
  },

  'bookings.get': (ctx, { params }) => findBooking(ctx, params.bookingId),

  'bookings.cancel': (ctx, { params, body }) => {
    const { state, now, nowIso, caller } = ctx;
    const b = findBooking(ctx, params.bookingId);
    // canCancel keeps the window the booking was given (`cancellableUntil`), not what a later list says.
    const check = canCancel(b, serviceOfRecord(state, now, b.serviceId)?.slots, now, state.compound.timeZone);
    // The desk may cancel after the resident's window has closed (a broken room, a sick worker).
    if (!check.ok && (check.reason === 'status' || caller.role === 'resident')) {
      throw check.reason === 'status'
        ? conflict('invalid_transition', `A ${b.status} booking cannot be cancelled`)
        : conflict('cancellation_window_closed', 'The cancellation window has closed');
    }
    moveBooking(b, 'cancelled', nowIso, caller.role === 'resident' ? 'resident' : 'staff', body.reason);
    ctx.changed();
    return b;
  },

  'bookings.feedback': (ctx, { params, body }) => {
    const b = findBooking(ctx, params.bookingId);
    if (b.status !== 'completed') throw conflict('invalid_transition', 'Feedback is given on a completed booking');
    if (b.feedback) throw conflict('invalid_transition', 'Feedback has already been given');
    b.feedback = { ...body, at: ctx.nowIso };
    ctx.changed();
    return b;
  },

  'bookings.transition': (ctx, { params, body }) => {
    const b = findBooking(ctx, params.bookingId);
    if (!canTransition(BOOKING_TRANSITIONS, b.status, body.to)) {
      throw conflict('invalid_transition', `A ${b.status} booking cannot become ${body.to}`);
    }
    // The price is settled before the service is billed (seed 001): a quote states its price, and
    // labour plus materials is completed with what the materials cost. Nothing else takes either.
    if (body.to === 'quoted') {
      if (body.price === undefined) throw invalid(['price'], 'a quote states its price', '报价需要填写价格');
    } else if (body.price !== undefined) throw invalid(['price'], 'a price is given only when quoting', '只有报价时才填写价格');
    const materials = body.to === 'completed' && b.quote.lines.some((l) => l.code === 'labour');
    if (materials) {
      if (body.materials === undefined) throw invalid(['materials'], 'labour plus materials is completed with what the materials cost', '人工加材料的服务完成时需要填写材料费');
    } else if (body.materials !== undefined) throw invalid(['materials'], 'materials are given only when completing labour plus materials', '只有人工加材料的服务完成时才填写材料费');
    if (body.price !== undefined) b.quote = quotedPrice(body.price);
    if (body.materials !== undefined) b.quote = withMaterials(b.quote, body.materials);
    moveBooking(b, body.to, ctx.nowIso, 'staff', body.note);
    ctx.changed();
    return b;
  },
};
