import { access, endpoints } from '@bianmin/sdk/contract';
import { localDate, localTime, toEpoch } from '@bianmin/sdk/rules';
import { CheckoutInput, type AvailableSlot, type Booking, type ServiceItem } from '@bianmin/sdk/schema';
import { expectError, expectSuccess, fail, skip } from '../assert.js';
import { availableSlots, remember, slotsOf, undo, type Ctx } from '../context.js';
import type { HouseholdRef } from '../fixtures.js';
import type { Caller } from '../http.js';
import { MARK, bookingBody, checkoutBody, householdPool, ownHousehold, plainService, slotServices, timeZoneOf } from '../inputs.js';

// Conflicts the contract names (409): a slot booked until it is full, a cabinet asked for more
// than it holds, a finished booking asked to move on.

export async function conflictChecks(ctx: Ctx): Promise<void> {
  const tz = timeZoneOf(ctx.fx);
  let filled: { item: ServiceItem; slot: AvailableSlot; as: Caller; bookings: Booking[] } | undefined;

  await ctx.check({ id: 'conflicts.slot_taken', group: 'conflicts', title: 'Booking a slot until it is full, then once more: 409 slot_taken', endpoint: 'bookings.create' }, async () => {
    // The desk books for several households, so no household's daily quota gets in the way.
    const as: Caller | undefined = ctx.http.has('staff') ? 'staff' : ctx.http.has('resident') ? 'resident' : undefined;
    if (!as) return skip('needs --staff-token or --resident-token');
    const own = ownHousehold(ctx.fx);
    const pool: HouseholdRef[] = as === 'staff' ? householdPool(ctx.fx) : own ? [own] : [];
    if (!pool.length) return skip('no household seen to book for');
    // The slot that takes the fewest bookings to fill, over every slotted service.
    let best: { item: ServiceItem; slot: AvailableSlot; quota: number } | undefined;
    for (const item of slotServices(ctx.fx)) {
      const quota = item.slots?.quotaPerHouseholdPerDay ?? Infinity;
      const slot = (await availableSlots(ctx, item, as)).filter((s) => s.remaining < pool.length * quota).sort((a, b) => a.remaining - b.remaining)[0];
      if (slot && (!best || slot.remaining < best.slot.remaining)) best = { item, slot, quota };
      if (best?.slot.remaining === 1) break;
    }
    if (!best) return skip('no available slot that the households seen could fill within their quotas');
    const { item, slot } = best;
    // Households in turn, fewest bookings first; one that meets its daily quota (bookings of its
    // own that day) is set aside and the booking tried for the next.
    const uses = new Map<string, number>();
    const book = async () => {
      for (;;) {
        const h = [...pool].sort((a, b) => (uses.get(a.id) ?? 0) - (uses.get(b.id) ?? 0))[0] as HouseholdRef;
        if ((uses.get(h.id) ?? 0) === Infinity) return fail('every household seen has met its daily quota for this service');
        const ex = await ctx.send({ endpoint: 'bookings.create', as, body: bookingBody(item, h, slot) });
        remember(ctx, 'booking', ex);
        const quotaMet = ex.status === 409 && (ex.json as { code?: unknown } | undefined)?.code === 'quota_exceeded';
        uses.set(h.id, quotaMet ? Infinity : (uses.get(h.id) ?? 0) + 1);
        if (!quotaMet) return ex;
      }
    };
    const bookings: Booking[] = [];
    for (let i = 0; i < slot.remaining; i++) bookings.push(expectSuccess(await book(), 'bookings.create'));
    filled = { item, slot, as, bookings };
    const ex = await book();
    expectError(ex, 409, 'slot_taken');
    return `${item.id} at ${localTime(slot.start, tz)} on ${localDate(slot.start, tz)}: ${slot.remaining} booking(s) filled it, the next got 409 slot_taken`;
  });

  await ctx.check({ id: 'conflicts.slot-full-shown', group: 'conflicts', title: 'Availability shows a full slot as full with nothing remaining', endpoint: 'services.availability' }, async () => {
    if (!filled) return skip('needs a slot filled by the slot_taken check');
    const { slots } = await slotsOf(ctx, filled.item, filled.as);
    const start = toEpoch(filled.slot.start);
    const s = slots.find((x) => toEpoch(x.start) === start);
    if (!s) return fail(`the slot at ${filled.slot.start} is no longer offered`);
    if (s.state !== 'full' || s.remaining !== 0) fail(`the filled slot shows ${s.state} with ${s.remaining} remaining`);
    return 'full, 0 remaining';
  });

  await ctx.check({ id: 'conflicts.invalid_transition', group: 'conflicts', title: 'Cancelling a cancelled booking: 409 invalid_transition', endpoint: 'bookings.cancel' }, async () => {
    if (!(access['bookings.cancel'].errors as readonly string[]).includes('invalid_transition')) return skip('the contract gives cancelling no invalid_transition');
    let target = filled?.bookings[0];
    let as: Caller | undefined = filled?.as;
    if (!target) {
      as = ctx.http.has('staff') ? 'staff' : ctx.http.has('resident') ? 'resident' : undefined;
      const h = as === 'staff' ? householdPool(ctx.fx)[0] : ownHousehold(ctx.fx);
      const item = plainService(ctx.fx);
      if (!as || !h || !item) return skip('needs a booking the kit can make');
      const ex = await ctx.send({ endpoint: 'bookings.create', as, body: bookingBody(item, h, undefined, MARK, timeZoneOf(ctx.fx)) });
      remember(ctx, 'booking', ex);
      target = expectSuccess(ex, 'bookings.create');
    }
    const cancel = () => ctx.send({ endpoint: 'bookings.cancel', as: as as Caller, params: { bookingId: (target as Booking).id }, body: { reason: MARK } });
    expectSuccess(await cancel(), 'bookings.cancel');
    expectError(await cancel(), 409, 'invalid_transition');
    return 'cancelled once (200), then 409 invalid_transition';
  });
  await undo(ctx);

  await ctx.check({ id: 'conflicts.out_of_stock', group: 'conflicts', title: 'Checking out more than the cabinet holds: 409 out_of_stock, and nothing taken', endpoint: 'loans.checkout' }, async () => {
    if (!ctx.http.has('staff')) return skip('needs --staff-token');
    const h = householdPool(ctx.fx)[0];
    if (!h) return skip('no household seen to lend to');
    const cabinet = async () => expectSuccess(await ctx.send({ endpoint: 'loanItems.list', as: 'staff' }), 'loanItems.list');
    const before = await cabinet();
    const item = before.find((i) => CheckoutInput.safeParse(checkoutBody(i, h, i.available + 1)).success);
    if (!item) return skip('every item holds more than one checkout may ask for');
    const ex = await ctx.send({ endpoint: 'loans.checkout', as: 'staff', body: checkoutBody(item, h, item.available + 1) });
    remember(ctx, 'loan', ex);
    expectError(ex, 409, 'out_of_stock');
    const after = (await cabinet()).find((i) => i.id === item.id);
    if (after?.available !== item.available) fail(`the refused checkout changed ${item.id} from ${item.available} to ${after?.available} available`);
    return `asked for ${item.available + 1} of ${item.id} (${item.available} in the cabinet)`;
  });
  await undo(ctx);
}
