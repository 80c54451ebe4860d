import { describe, expect, it } from 'vitest';
import { addDays, addMinutes, cancellableUntil, localDate, localMonth, quote, replyDueAt, statementFor, toInstant } from '@bianmin/sdk/rules';
import type { BookingInput } from '@bianmin/sdk/schema';
import { DEMO_HOUSEHOLD_ID, DEMO_RESIDENT_TOKEN, DEMO_STAFF_TOKEN, FIXTURE_IDS } from '@bianmin/mock';
import { bookingFor, direct, fixedBackend, freeSlot, staffCheckout } from './helpers.js';

const R = DEMO_RESIDENT_TOKEN;
const S = DEMO_STAFF_TOKEN;

describe('bookings', () => {
  it('a slot booking is priced by the rules, confirmed at once, numbered BM-YYYYMMDD-NNNN and cancellable until the policy says', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const slot = freeSlot(backend.state, backend.now(), FIXTURE_IDS.slotService);
    const res = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor(FIXTURE_IDS.slotService, { slot }) });
    expect(res.status).toBe(201);
    const item = backend.state.priceLists.find((l) => l.status === 'published')?.items.find((i) => i.id === FIXTURE_IDS.slotService);
    if (!item?.slots) throw new Error('no tennis policy');
    expect(res.body.quote).toEqual(quote(item, { at: slot.start }));
    expect(res.body.status).toBe('confirmed');
    expect(res.body.number).toMatch(/^BM-20261123-\d{4}$/);
    expect(res.body.cancellableUntil).toBe(cancellableUntil(slot.start, item.slots));
    expect(res.body.householdId).toBe(DEMO_HOUSEHOLD_ID);
    // The slot is now taken for the next household.
    const again = await call({ method: 'POST', path: '/bookings', token: S, body: bookingFor(FIXTURE_IDS.slotService, { slot, household: { building: '1栋', room: '1201' } }) });
    expect(again.body.code).toBe('slot_taken');
  });

  it('booking numbers count up within a day', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const a = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-dry-cleaning') });
    const b = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-dry-cleaning') });
    const n = (x: string) => Number(x.slice(-4));
    expect(n(b.body.number)).toBe(n(a.body.number) + 1);
  });

  it('a quote-only service becomes a request for a quote; a room waits for the desk', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const q = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor(FIXTURE_IDS.quoteService) });
    expect(q.body.status).toBe('quote-requested');
    expect(q.body.quote.basis).toBe('from');
    const slot = freeSlot(backend.state, backend.now(), FIXTURE_IDS.smallRoom);
    const room = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor(FIXTURE_IDS.smallRoom, { slot, people: 6, amenities: ['tea'] }) });
    expect(room.body.status).toBe('requested');
  });

  it('rooms refuse more people than they hold and amenities they lack', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const slot = freeSlot(backend.state, backend.now(), FIXTURE_IDS.smallRoom);
    const many = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor(FIXTURE_IDS.smallRoom, { slot, people: 13 }) });
    expect(many.body.issues[0].path).toEqual(['people']);
    const sound = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor(FIXTURE_IDS.smallRoom, { slot, people: 4, amenities: ['sound'] }) });
    expect(sound.body.issues[0].path).toEqual(['amenities']);
  });

  it('the per-household daily quota is enforced inside the write (quota_exceeded)', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const day = addDays(localDate(backend.now()), 3);
    const at = (h: string) => ({ start: `${day}T${h}:00:00+08:00`, end: `${day}T${String(Number(h) + 1).padStart(2, '0')}:00:00+08:00` });
    const codes = [];
    for (const h of ['09', '10', '11']) {
      const r = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-tennis', { slot: at(h) }) });
      codes.push(r.status === 201 ? 'ok' : r.body.code);
    }
    expect(codes).toEqual(['ok', 'ok', 'quota_exceeded']);
  });

  it('a slot off the grid or too soon is slot_unavailable', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const today = localDate(backend.now());
    const off = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-tennis', { slot: { start: `${addDays(today, 2)}T09:30:00+08:00`, end: `${addDays(today, 2)}T10:30:00+08:00` } }) });
    expect(off.body.code).toBe('slot_unavailable');
    const soon = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-tennis', { slot: { start: `${today}T10:00:00+08:00`, end: `${today}T11:00:00+08:00` } }) });
    expect(soon.body.code).toBe('slot_unavailable');
  });

  it('cancel: allowed inside the window, 409 cancellation_window_closed after it for a resident, invalid_transition once cancelled', async () => {
    const { backend, clock } = fixedBackend();
    const call = direct(backend);
    const slot = freeSlot(backend.state, backend.now(), FIXTURE_IDS.slotService);
    const a = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor(FIXTURE_IDS.slotService, { slot }) });
    const b = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-badminton', { slot: freeSlot(backend.state, backend.now(), 'svc-badminton') }) });
    const ok = await call({ method: 'POST', path: `/bookings/${a.body.id}/cancel`, token: R, body: { reason: '有事' } });
    expect(ok.body.status).toBe('cancelled');
    expect(ok.body.cancellableUntil).toBeUndefined();
    expect((await call({ method: 'POST', path: `/bookings/${a.body.id}/cancel`, token: R, body: {} })).body.code).toBe('invalid_transition');
    clock.set(Date.parse(addMinutes(b.body.cancellableUntil, 1)));
    const late = await call({ method: 'POST', path: `/bookings/${b.body.id}/cancel`, token: R, body: {} });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('cancellation_window_closed');
    // The desk may still cancel (a broken court).
    expect((await call({ method: 'POST', path: `/bookings/${b.body.id}/cancel`, token: S, body: {} })).body.status).toBe('cancelled');
  });

  it('cancel keeps the window the booking was given, whatever the price list in force says of it later', async () => {
    const { backend, clock } = fixedBackend();
    const call = direct(backend);
    const slot = (id: string) => freeSlot(backend.state, backend.now(), id);
    const a = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor(FIXTURE_IDS.slotService, { slot: slot(FIXTURE_IDS.slotService) }) });
    const b = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-badminton', { slot: slot('svc-badminton') }) });
    const policy = (id: string) => backend.state.priceLists.find((l) => l.status === 'published')!.items.find((i) => i.id === id)!.slots!;
    // Later the list asks for a day's notice for tennis, and none for badminton.
    policy(FIXTURE_IDS.slotService).cancelBeforeMinutes += 24 * 60;
    policy('svc-badminton').cancelBeforeMinutes = 0;
    // Still inside the window tennis was booked with: the resident may cancel, as they were told.
    clock.set(Date.parse(addMinutes(a.body.cancellableUntil, -1)));
    expect((await call({ method: 'POST', path: `/bookings/${a.body.id}/cancel`, token: R, body: {} })).body.status).toBe('cancelled');
    // Past badminton's window: closed, as they were told, though the new list would allow it.
    clock.set(Date.parse(addMinutes(b.body.cancellableUntil, 1)));
    const late = await call({ method: 'POST', path: `/bookings/${b.body.id}/cancel`, token: R, body: {} });
    expect([late.status, late.body.code]).toEqual([409, 'cancellation_window_closed']);
  });

  it('cancel keeps a wanted-time booking’s window (until the wanted time) if a later list books the service by slot', async () => {
    const { backend, clock } = fixedBackend();
    const call = direct(backend);
    const wash = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-car-wash', { wantedAt: '2026-11-24T10:30:00+08:00' }) });
    expect(wash.body.cancellableUntil).toBe('2026-11-24T10:30:00+08:00');
    // Later the car wash is booked by slot, with an hour's notice to cancel.
    const item = backend.state.priceLists.find((l) => l.status === 'published')!.items.find((i) => i.id === 'svc-car-wash')!;
    item.slots = { ...backend.state.priceLists.find((l) => l.status === 'published')!.items.find((i) => i.id === 'svc-tennis')!.slots!, cancelBeforeMinutes: 60 };
    clock.set(Date.parse('2026-11-24T10:00:00+08:00'));
    expect((await call({ method: 'POST', path: `/bookings/${wash.body.id}/cancel`, token: R, body: {} })).body.status).toBe('cancelled');
  });

  it('feedback only on a completed booking, and only once; staff moves follow the machine', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const made = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-dry-cleaning') });
    const id = made.body.id;
    const rate = () => call({ method: 'POST', path: `/bookings/${id}/feedback`, token: R, body: { kind: 'rating', rating: 4 } });
    expect((await rate()).body.code).toBe('invalid_transition');
    expect((await call({ method: 'POST', path: `/bookings/${id}/status`, token: S, body: { to: 'completed' } })).body.code).toBe('invalid_transition');
    for (const to of ['confirmed', 'in-progress', 'completed']) {
      expect((await call({ method: 'POST', path: `/bookings/${id}/status`, token: S, body: { to } })).body.status).toBe(to);
    }
    const first = await rate();
    expect(first.status).toBe(200);
    expect(first.body.feedback).toMatchObject({ kind: 'rating', rating: 4, at: '2026-11-23T10:00:00+08:00' });
    expect((await rate()).body.code).toBe('invalid_transition');
  });

  it('lists page with cursors and filter by scope and status', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call({ method: 'GET', path: '/bookings', token: S, query: { limit: 4, ...(cursor ? { cursor } : {}) } });
      seen.push(...page.body.items.map((b: { id: string }) => b.id));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(backend.state.bookings.map((b) => b.id).sort());
    const up = await call({ method: 'GET', path: '/bookings', token: R, query: { scope: 'upcoming' } });
    expect(up.body.items.length).toBeGreaterThan(0);
    expect(up.body.items.every((b: { status: string }) => ['requested', 'quote-requested', 'quoted', 'confirmed', 'in-progress'].includes(b.status))).toBe(true);
    const done = await call({ method: 'GET', path: '/bookings', token: R, query: { status: 'completed' } });
    expect(done.body.items.every((b: { status: string }) => b.status === 'completed')).toBe(true);
  });
});

describe('loans', () => {
  it('checkout takes stock by the rules and dates the loan; return puts it back; 409 out_of_stock rather than below zero', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const stock = () => backend.state.loanItems.find((i) => i.id === 'li-umbrella')?.available;
    expect(stock()).toBe(4);
    const loan = await call({ method: 'POST', path: '/loans', token: S, body: staffCheckout('li-umbrella', 3) });
    expect(loan.status).toBe(201);
    expect(loan.body).toMatchObject({ status: 'out', dueAt: '2026-11-25T10:00:00+08:00', lentBy: { staffId: 'st-admin-01', shift: 'day' } });
    expect(stock()).toBe(1);
    const more = await call({ method: 'POST', path: '/loans', token: S, body: staffCheckout('li-umbrella', 2) });
    expect(more.body.code).toBe('out_of_stock');
    expect(stock()).toBe(1);
    const back = await call({ method: 'POST', path: `/loans/${loan.body.id}/return`, token: S, body: { condition: 'damaged', shift: 'night' } });
    expect(back.body).toMatchObject({ status: 'returned', condition: 'damaged', returnedTo: { shift: 'night' } });
    expect(stock()).toBe(4);
    expect((await call({ method: 'POST', path: `/loans/${loan.body.id}/return`, token: S, body: { condition: 'good', shift: 'day' } })).body.code).toBe('invalid_transition');
    const report = await call({ method: 'GET', path: '/loans/report', token: S, query: { month: '2026-11' } });
    expect(report.body.lines.find((l: { itemId: string }) => l.itemId === 'li-umbrella').damaged).toBe(4);
  });

  it('takes the deposit for each item lent', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const umbrella = backend.state.loanItems.find((i) => i.id === 'li-umbrella')!;
    umbrella.deposit = 2000;
    const three = await call({ method: 'POST', path: '/loans', token: S, body: staffCheckout('li-umbrella', 3) });
    expect([three.status, three.body.quantity, three.body.deposit]).toEqual([201, 3, 6000]);
    const one = await call({ method: 'POST', path: '/loans', token: S, body: staffCheckout('li-umbrella', 1) });
    expect(one.body.deposit).toBe(2000);
    // The fixtures' register follows the same rule.
    for (const loan of backend.state.loans) {
      const item = backend.state.loanItems.find((i) => i.id === loan.itemId)!;
      if (loan.id !== three.body.id && loan.id !== one.body.id) expect(loan.deposit, loan.id).toBe((loan.itemId === 'li-umbrella' ? 0 : item.deposit) * loan.quantity);
    }
  });

  it('consumables are given away, with no due time, and cannot be returned', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const tape = await call({ method: 'POST', path: '/loans', token: S, body: staffCheckout('li-tape') });
    expect(tape.body.status).toBe('given');
    expect(tape.body.dueAt).toBeUndefined();
    expect((await call({ method: 'POST', path: `/loans/${tape.body.id}/return`, token: S, body: { condition: 'good', shift: 'day' } })).status).toBe(409);
  });

  it('a loss is written off: the item stays out of the cabinet', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const out = backend.state.loans.find((l) => l.itemId === 'li-trolley' && l.status === 'out');
    const lost = await call({ method: 'POST', path: `/loans/${out?.id}/return`, token: S, body: { condition: 'lost', shift: 'day' } });
    expect(lost.body.status).toBe('lost');
    expect(backend.state.loanItems.find((i) => i.id === 'li-trolley')?.available).toBe(1);
  });

  it('the register filters overdue loans and searches by room; handover lists what is out', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const overdue = await call({ method: 'GET', path: '/loans', token: S, query: { filter: 'overdue' } });
    expect(overdue.body.items.map((l: { itemId: string }) => l.itemId)).toEqual(['li-toolbox']);
    const room = await call({ method: 'GET', path: '/loans', token: S, query: { q: '1栋1201' } });
    expect(room.body.items.length).toBeGreaterThan(0);
    expect(room.body.items.every((l: { household: { room: string } }) => l.household.room === '1201')).toBe(true);
    const handover = await call({ method: 'GET', path: '/loans/handover', token: S, query: { from: 'day' } });
    expect(handover.body).toMatchObject({ from: 'day', to: 'night', overdueCount: 1 });
  });

  it("by default the handover is the one at the nearest change of shift: at 20:05 still the day shift's", async () => {
    const { backend, clock } = fixedBackend();
    const call = direct(backend);
    clock.set(Date.parse('2026-11-23T20:05:00+08:00'));
    expect((await call({ method: 'GET', path: '/loans/handover', token: S })).body).toMatchObject({ from: 'day', to: 'night' });
    clock.set(Date.parse('2026-11-24T08:05:00+08:00'));
    expect((await call({ method: 'GET', path: '/loans/handover', token: S })).body).toMatchObject({ from: 'night', to: 'day' });
    expect((await call({ method: 'GET', path: '/loans/handover', token: S, query: { from: 'day' } })).body).toMatchObject({ from: 'day', to: 'night' });
  });
});

describe('help requests', () => {
  it('are received now, numbered QZ-YYYYMMDD-NNNN, due by the rules, and moved by the machine', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const base = { location: { building: '2栋', room: '0601' }, phone: '13812345678', description: '需要书面答复' };
    const written = await call({ method: 'POST', path: '/help-requests', token: R, body: { kind: 'consultation', mode: 'written', ...base } });
    expect(written.status).toBe(201);
    expect(written.body).toMatchObject({ status: 'received', receivedAt: '2026-11-23T10:00:00+08:00', householdId: DEMO_HOUSEHOLD_ID });
    expect(written.body.number).toMatch(/^QZ-20261123-\d{4}$/);
    expect(written.body.replyDueAt).toBe(replyDueAt({ kind: 'consultation', mode: 'written', receivedAt: written.body.receivedAt }));
    const id = written.body.id;
    const step = (action: string, body: unknown = {}) => call({ method: 'POST', path: `/help-requests/${id}/${action}`, token: S, body });
    expect((await step('acknowledge')).body.acknowledgedAt).toBe('2026-11-23T10:00:00+08:00');
    expect((await step('reply', { reply: '已书面答复' })).body.status).toBe('replied');
    expect((await step('refer', { to: { 'zh-CN': '街道办' } })).body.status).toBe('referred');
    expect((await step('acknowledge')).body.code).toBe('invalid_transition');
    expect((await step('resolve')).body.status).toBe('resolved');
    const open = await call({ method: 'GET', path: '/help-requests', token: R });
    expect(open.body.items.some((h: { id: string }) => h.id === id)).toBe(false);
  });

  it('keep when the resident asked, from an offline outbox, but never a time after they arrived', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const ask = (askedAt: string) =>
      call({ method: 'POST', path: '/help-requests', token: R, body: { kind: 'repair', location: { building: '2栋', room: '0601' }, phone: '13812345678', description: '门锁坏了', askedAt } });
    const earlier = await ask('2026-11-23T09:40:00+08:00');
    expect([earlier.status, earlier.body.askedAt, earlier.body.receivedAt]).toEqual([201, '2026-11-23T09:40:00+08:00', '2026-11-23T10:00:00+08:00']);
    // A phone whose clock is years ahead: the request is kept, asked when it was received.
    const ahead = await ask('2030-01-01T00:00:00+08:00');
    expect([ahead.status, ahead.body.askedAt]).toEqual([201, '2026-11-23T10:00:00+08:00']);
  });

  it('taken by the desk belong to the caller’s household, never to that of the place they are about', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const desk = (phone: string, name: string) =>
      call({ method: 'POST', path: '/help-requests', token: S, body: { kind: 'complaint', location: { building: '2栋', room: '0601' }, phone, name, description: '楼上夜间噪音' } });
    // 2栋 1706 (何志明, on file) complains about 0601: the complaint is 1706's record, not 0601's.
    const neighbour = await desk('18268135509', '何志明');
    expect([neighbour.status, neighbour.body.householdId]).toEqual([201, 'h-2-1706']);
    // A passer-by not on file: no household's record.
    const stranger = await desk('13900001111', '李四');
    expect([stranger.status, 'householdId' in stranger.body]).toEqual([201, false]);
    // 0601 sees neither, nor the callers' names and phones.
    const seen = await call({ method: 'GET', path: '/help-requests?status=all&limit=100', token: R });
    const ids = seen.body.items.map((h: { id: string }) => h.id);
    expect(ids).not.toContain(neighbour.body.id);
    expect(ids).not.toContain(stranger.body.id);
    expect(JSON.stringify(seen.body)).not.toMatch(/18268135509|13900001111|何志明|李四/);
    expect((await call({ method: 'GET', path: `/help-requests/${neighbour.body.id}`, token: R })).status).toBe(403);
    // 0601's own call, from the phone on file, is 0601's.
    expect((await desk('13812345678', '王芳')).body.householdId).toBe(DEMO_HOUSEHOLD_ID);
  });
});

describe('agreements and statements', () => {
  it('a change with less than 3 days notice costs 20% of the month fee; a stop needs a reason and ends the agreement when it takes effect', async () => {
    const { backend, clock } = fixedBackend();
    const call = direct(backend);
    const today = localDate(backend.now());
    const change = (body: object, token = R) => call({ method: 'POST', path: '/agreements/ag-0001/changes', token, body });
    const soon = await change({ kind: 'times', requestedBy: 'resident', effectiveDate: addDays(today, 1), hours: { start: '10:00', end: '13:00' } });
    expect(soon.status).toBe(201);
    expect(soon.body.noticeGivenDays).toBe(1);
    expect(soon.body.penalty).toBeGreaterThan(0);
    // December 2026 has 26 Monday-to-Saturday days inside the agreement: 26 × 105 yuan × 20%. The office's own change is made by the desk.
    const dec = await change({ kind: 'services', requestedBy: 'office', effectiveDate: '2026-12-01', services: [{ 'zh-CN': '日常保洁', en: 'Daily cleaning' }] }, S);
    expect(dec.body).toMatchObject({ requestedBy: 'office', noticeGivenDays: 8, penalty: 0, month: '2026-12' });
    // The side that changes late pays (seed 004): a resident cannot put a change on the office, nor date it back to dodge the notice.
    const hours = { start: '09:00', end: '12:00' };
    expect((await change({ kind: 'times', requestedBy: 'office', effectiveDate: addDays(today, 1), hours })).body.issues[0].path).toEqual(['requestedBy']);
    for (const effectiveDate of [addDays(today, -1), '2025-01-01', '2030-01-01']) {
      const res = await change({ kind: 'times', requestedBy: 'resident', effectiveDate, hours });
      expect(res.status, effectiveDate).toBe(400);
      expect(res.body.issues[0].path, effectiveDate).toEqual(['effectiveDate']);
    }
    const noReason = await change({ kind: 'stop', requestedBy: 'resident', effectiveDate: addDays(today, 10) });
    expect(noReason.body.issues[0].path).toEqual(['reason']);
    // A stop in ten days: the service runs until the day before, then the agreement ends.
    const stop = await change({ kind: 'stop', requestedBy: 'resident', effectiveDate: addDays(today, 10), reason: '搬家' });
    expect(stop.status).toBe(201);
    const get = async () => (await call({ method: 'GET', path: '/agreements/ag-0001', token: R })).body;
    expect(await get()).toMatchObject({ status: 'active', endedReason: '搬家', period: { to: addDays(today, 9) } });
    expect((await change({ kind: 'times', requestedBy: 'resident', effectiveDate: addDays(today, 20), hours })).body.issues[0].path).toEqual(['effectiveDate']);
    clock.set(Date.parse(toInstant(addDays(today, 10), '00:00')));
    expect(await get()).toMatchObject({ status: 'ended', endedReason: '搬家', period: { to: addDays(today, 9) } });
    expect((await change({ kind: 'times', requestedBy: 'resident', effectiveDate: addDays(today, 11), hours })).body.code).toBe('invalid_transition');
  });

  it('a change of times or services says what it sets, which is in force from its effective date', async () => {
    const { backend, clock } = fixedBackend();
    const call = direct(backend);
    const today = localDate(backend.now());
    const change = (body: object) => call({ method: 'POST', path: '/agreements/ag-0001/changes', token: R, body: { requestedBy: 'resident', effectiveDate: addDays(today, 5), ...body } });
    const get = async () => (await call({ method: 'GET', path: '/agreements/ag-0001', token: R })).body;
    const refused = async (body: object, path: string) => expect((await change(body)).body.issues?.[0]?.path, JSON.stringify(body)).toEqual([path]);
    await refused({ kind: 'times' }, 'hours');
    await refused({ kind: 'times', hours: { start: '12:00', end: '09:00' } }, 'hours');
    await refused({ kind: 'times', workDays: [1, 2, 3, 4, 5, 6, 7] }, 'workDays'); // one rest day a week (seed 004)
    await refused({ kind: 'times', services: [{ 'zh-CN': '做晚饭', en: 'Cooking dinner' }] }, 'services');
    await refused({ kind: 'services' }, 'services');
    await refused({ kind: 'stop', reason: '搬家', hours: { start: '09:00', end: '12:00' } }, 'hours');
    const times = await change({ kind: 'times', hours: { start: '14:00', end: '17:00' }, workDays: [5, 1, 3, 3] });
    expect(times.status).toBe(201);
    expect(times.body).toMatchObject({ hours: { start: '14:00', end: '17:00' }, workDays: [1, 3, 5] });
    const dinner = [{ 'zh-CN': '做晚饭', en: 'Cooking dinner' }];
    expect((await change({ kind: 'services', services: dinner, effectiveDate: addDays(today, 6) })).status).toBe(201);
    // Not yet: the agreement keeps its times until the change takes effect.
    expect(await get()).toMatchObject({ hours: { start: '09:00', end: '12:00' }, workDays: [1, 2, 3, 4, 5, 6] });
    clock.set(Date.parse(toInstant(addDays(today, 5), '00:00')));
    expect(await get()).toMatchObject({ hours: { start: '14:00', end: '17:00' }, workDays: [1, 3, 5] });
    expect((await get()).services).not.toEqual(dinner);
    clock.set(Date.parse(toInstant(addDays(today, 6), '00:00')));
    expect((await get()).services).toEqual(dinner);
  });

  it('a stop that takes effect today ends the agreement at once', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const today = localDate(backend.now());
    const stop = await call({ method: 'POST', path: '/agreements/ag-0001/changes', token: S, body: { kind: 'stop', requestedBy: 'resident', effectiveDate: today, reason: '老人住院' } });
    expect(stop.body).toMatchObject({ noticeGivenDays: 0 });
    expect(stop.body.penalty).toBeGreaterThan(0);
    expect((await call({ method: 'GET', path: '/agreements/ag-0001', token: R })).body).toMatchObject({ status: 'ended', period: { to: addDays(today, -1) } });
  });

  it('a statement issued or paid never changes: a service recorded completed late goes on the open one', async () => {
    const { backend, clock } = fixedBackend(Date.parse('2026-10-20T10:00:00+08:00'));
    const call = direct(backend);
    const b = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-water-delivery', { wantedAt: '2026-10-21T10:00:00+08:00', settlement: 'monthly' }) });
    expect(b.status).toBe(201);
    clock.set(Date.parse('2026-12-10T09:00:00+08:00'));
    const october = async () => (await call({ method: 'GET', path: `/statements/st-${DEMO_HOUSEHOLD_ID}-2026-10`, token: R })).body;
    const before = await october();
    expect(before.status, 'issued on 1 November; nobody has paid it at the cashier').toBe('issued');
    for (const to of ['confirmed', 'in-progress', 'completed']) {
      expect((await call({ method: 'POST', path: `/bookings/${b.body.id}/status`, token: S, body: { to } })).status, to).toBe(200);
    }
    expect(await october()).toEqual(before);
    const december = (await call({ method: 'GET', path: `/statements/st-${DEMO_HOUSEHOLD_ID}-2026-12`, token: R })).body;
    expect(december.lines.find((l: { bookingId: string }) => l.bookingId === b.body.id)).toMatchObject({ date: '2026-10-21', amount: b.body.quote.total });
  });

  it('statements are what the rules derive from completed monthly bookings; older ones paid at the cashier', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const res = await call({ method: 'GET', path: '/statements', token: R });
    expect(res.body.length).toBeGreaterThanOrEqual(2);
    for (const s of res.body) {
      expect({ lines: s.lines, total: s.total }).toEqual(statementFor(DEMO_HOUSEHOLD_ID, s.month, backend.state.bookings));
    }
    const byMonth = Object.fromEntries(res.body.map((s: { month: string; status: string }) => [s.month, s]));
    expect(byMonth['2026-11'].status).toBe('open');
    expect(byMonth['2026-10'].status).toBe('issued');
    expect(byMonth['2026-09']).toMatchObject({ status: 'paid', receipt: { by: 'cashier' } });
    const receipt = backend.state.receipts.find((r) => r.statementId === byMonth['2026-09'].id);
    expect(byMonth['2026-09'].receipt, "the cashier's own record, not one made up").toEqual({ number: receipt?.number, at: receipt?.at, by: 'cashier' });
    expect(localMonth(backend.now())).toBe('2026-11');
    // Completing a monthly booking adds a line to this month's statement.
    const made = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-dry-cleaning', { settlement: 'monthly', quantity: 2 }) });
    for (const to of ['confirmed', 'in-progress', 'completed']) await call({ method: 'POST', path: `/bookings/${made.body.id}/status`, token: S, body: { to } });
    const nov = await call({ method: 'GET', path: `/statements/st-${DEMO_HOUSEHOLD_ID}-2026-11`, token: R });
    expect(nov.body.total).toBe(byMonth['2026-11'].total + 5000);
  });

  it('a statement is issued at 09:00 on the 1st, not before: until then it is still open, and never says it was issued later than now', async () => {
    const { backend, clock } = fixedBackend(Date.parse('2026-12-01T08:00:00+08:00'));
    const call = direct(backend);
    const november = async () => (await call({ method: 'GET', path: `/statements/st-${DEMO_HOUSEHOLD_ID}-2026-11`, token: R })).body;
    const early = await november();
    expect(early.lines.length).toBeGreaterThan(0);
    expect([early.status, early.issuedAt]).toEqual(['open', undefined]);
    clock.set(Date.parse('2026-12-01T09:00:00+08:00'));
    expect(await november()).toMatchObject({ status: 'issued', issuedAt: '2026-12-01T09:00:00+08:00' });
  });

  it('time passing pays nothing: a statement stays issued until the cashier records a receipt', async () => {
    const { backend, clock } = fixedBackend();
    const call = direct(backend);
    const get = async (month: string) => (await call({ method: 'GET', path: `/statements/st-${DEMO_HOUSEHOLD_ID}-${month}`, token: R })).body;
    const september = await get('2026-09');
    expect((await get('2026-10')).status).toBe('issued');
    clock.set(Date.parse('2027-02-10T09:00:00+08:00'));
    expect(await get('2026-10'), 'three months on, still owed').toMatchObject({ status: 'issued', issuedAt: '2026-11-01T09:00:00+08:00' });
    expect((await get('2026-10')).receipt).toBeUndefined();
    expect((await get('2026-11')).status, 'November closed: issued, not paid').toBe('issued');
    expect(await get('2026-09'), 'a paid statement keeps its receipt').toEqual(september);
    backend.state.receipts.push({ statementId: `st-${DEMO_HOUSEHOLD_ID}-2026-10`, number: 'SK-20270210-0001', at: '2027-02-10T09:00:00+08:00' });
    expect(await get('2026-10')).toMatchObject({ status: 'paid', receipt: { number: 'SK-20270210-0001', at: '2027-02-10T09:00:00+08:00', by: 'cashier' } });
  });
});

describe('prices settled before billing (seed 001)', () => {
  const month = () => `st-${DEMO_HOUSEHOLD_ID}-2026-11`;

  it('a quoted service is billed at the price the office quoted; quoting takes a price and nothing else does', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const before = (await call({ method: 'GET', path: `/statements/${month()}`, token: R })).body.total;
    const made = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-pest-control', { settlement: 'monthly' }) });
    expect(made.body).toMatchObject({ status: 'quote-requested', quote: { basis: 'from', total: 12000 } });
    const move = (body: Record<string, unknown>) => call({ method: 'POST', path: `/bookings/${made.body.id}/status`, token: S, body });
    const unpriced = await move({ to: 'quoted' });
    expect(unpriced.status).toBe(400);
    expect(unpriced.body.issues[0].path).toEqual(['price']);
    const quoted = await move({ to: 'quoted', price: 15000 });
    expect(quoted.body).toMatchObject({ status: 'quoted', quote: { basis: 'exact', total: 15000 } });
    expect((await move({ to: 'confirmed', price: 9000 })).body.issues[0].path).toEqual(['price']);
    for (const to of ['confirmed', 'in-progress', 'completed']) expect((await move({ to })).body.status).toBe(to);
    const after = (await call({ method: 'GET', path: `/statements/${month()}`, token: R })).body.total;
    expect(after - before, 'the statement bills the quoted price, not the "from" price').toBe(15000);
  });

  it('labour plus materials is completed with what the materials cost, and billed as both', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const before = (await call({ method: 'GET', path: `/statements/${month()}`, token: R })).body.total;
    const made = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-plumbing', { settlement: 'monthly' }) });
    expect(made.body.quote).toMatchObject({ basis: 'from', total: 3000 });
    const move = (body: Record<string, unknown>) => call({ method: 'POST', path: `/bookings/${made.body.id}/status`, token: S, body });
    expect((await move({ to: 'confirmed', materials: 100 })).body.issues[0].path).toEqual(['materials']);
    for (const to of ['confirmed', 'in-progress']) expect((await move({ to })).body.status).toBe(to);
    expect((await move({ to: 'completed' })).body.issues[0].path).toEqual(['materials']);
    const done = await move({ to: 'completed', materials: 4550 });
    expect(done.body.quote).toMatchObject({ basis: 'exact', total: 7550 });
    expect(done.body.quote.lines.map((l: { code: string }) => l.code)).toEqual(['labour', 'materials']);
    const after = (await call({ method: 'GET', path: `/statements/${month()}`, token: R })).body.total;
    expect(after - before).toBe(7550);
  });
});

describe('loans: every lending and return registered in detail (DOMAIN §3)', () => {
  it('a write-off as lost is registered like any return: when, by whom and on which shift', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const out = backend.state.loans.find((l) => l.itemId === 'li-trolley' && l.status === 'out');
    const lost = await call({ method: 'POST', path: `/loans/${out?.id}/return`, token: S, body: { condition: 'lost', shift: 'night', note: '借用人搬走' } });
    expect(lost.status).toBe(200);
    expect(lost.body).toMatchObject({
      status: 'lost',
      condition: 'lost',
      returnedAt: '2026-11-23T10:00:00+08:00',
      returnedTo: { staffId: 'st-admin-01', shift: 'night' },
      note: '借用人搬走',
    });
    const entry = lost.body.history.at(-1);
    expect(entry).toMatchObject({ status: 'lost', at: '2026-11-23T10:00:00+08:00', by: 'staff' });
    expect(entry.note).toContain('st-admin-01');
    expect(entry.note).toContain('night');
    expect(entry.note).toContain('借用人搬走');
    // A good return names the desk and the shift the same way.
    const loan = await call({ method: 'POST', path: '/loans', token: S, body: staffCheckout('li-umbrella') });
    const back = await call({ method: 'POST', path: `/loans/${loan.body.id}/return`, token: S, body: { condition: 'good', shift: 'day' } });
    expect(back.body.returnedTo).toEqual({ staffId: 'st-admin-01', shift: 'day' });
    expect(back.body.history.at(-1).note).toContain('st-admin-01');
  });

  it('a checkout due at or before the time of lending is a 400 on dueAt, and nothing leaves the cabinet', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const stock = () => backend.state.loanItems.find((i) => i.id === 'li-umbrella')?.available;
    const before = stock();
    const loans = backend.state.loans.length;
    for (const dueAt of ['2026-11-22T18:00:00+08:00', '2026-11-23T10:00:00+08:00']) {
      const res = await call({ method: 'POST', path: '/loans', token: S, body: { ...staffCheckout('li-umbrella'), dueAt } });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'validation_failed', issues: [{ path: ['dueAt'] }] });
    }
    expect(stock()).toBe(before);
    expect(backend.state.loans).toHaveLength(loans);
    const later = await call({ method: 'POST', path: '/loans', token: S, body: { ...staffCheckout('li-umbrella'), dueAt: '2026-11-23T18:00:00+08:00' } });
    expect(later.status).toBe(201);
    expect(later.body.dueAt).toBe('2026-11-23T18:00:00+08:00');
  });
});

describe('price lists and the fee board', () => {
  it('a list published for the same effective time as the list in force replaces it (the later publication wins)', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const current = backend.state.priceLists.find((l) => l.status === 'published');
    const corrected = backend.state.priceLists.find((l) => l.status === 'draft');
    if (!current || !corrected) throw new Error('fixtures without a list in force and a draft');
    // A corrected list for the current year, effective on the same date.
    corrected.effectiveFrom = current.effectiveFrom;
    for (const to of ['submitted', 'approved', 'published']) {
      const r = await call({ method: 'POST', path: `/price-lists/${corrected.id}/transitions`, token: S, body: { to, by: to === 'approved' ? '公司总经理' : '管理处经理' } });
      expect(r.status).toBe(200);
      expect(r.body.status).toBe(to);
    }
    for (let i = 0; i < 2; i++) {
      expect((await call({ method: 'GET', path: '/catalog' })).body.id).toBe(corrected.id);
      expect((await call({ method: 'GET', path: '/fee-board' })).body.current.priceListId).toBe(corrected.id);
    }
    const lists = await call({ method: 'GET', path: '/price-lists', token: S });
    const status = (id: string) => lists.body.find((l: { id: string }) => l.id === id).status;
    expect([status(current.id), status(corrected.id)]).toEqual(['superseded', 'published']);
  });

  it('two lists published for the same future date: the later publication is the one announced', async () => {
    const { backend, clock } = fixedBackend();
    const call = direct(backend);
    const draft = backend.state.priceLists.find((l) => l.status === 'draft');
    if (!draft) throw new Error('fixtures without a draft');
    const publish = async (id: string) => {
      for (const to of ['submitted', 'approved', 'published']) await call({ method: 'POST', path: `/price-lists/${id}/transitions`, token: S, body: { to, by: '公司总经理' } });
    };
    const second = { ...structuredClone(draft), id: 'pl-2027-b', version: '2027版（修订）' };
    backend.state.priceLists.push(second);
    await publish(draft.id);
    clock.advance(60);
    await publish(second.id);
    expect((await call({ method: 'GET', path: '/fee-board' })).body.upcoming.priceListId).toBe(second.id);
    clock.set(Date.parse(draft.effectiveFrom) + 5_000);
    expect((await call({ method: 'GET', path: '/catalog' })).body.id).toBe(second.id);
  });

  it('the fee board keeps services filed on a top category that has subcategories, and services of an unknown category', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const list = backend.state.priceLists.find((l) => l.status === 'published');
    const template = list?.items.find((i) => i.id === 'svc-dry-cleaning');
    if (!list || !template) throw new Error('fixtures without dry cleaning');
    list.items.push(
      { ...template, id: 'svc-on-top', categoryId: 'cat-life', order: 1, name: { 'zh-CN': '生活服务总台', en: 'Life services desk' } },
      { ...template, id: 'svc-unfiled', categoryId: 'cat-gone', order: 1, name: { 'zh-CN': '旧目录服务', en: 'From an old category' } },
    );
    const ids = (s: { rows: { serviceId: string }[] }) => s.rows.map((r) => r.serviceId);
    const board = await call({ method: 'GET', path: '/fee-board' });
    const sections: { categoryId: string; title: { 'zh-CN': string }; rows: { serviceId: string }[] }[] = board.body.current.sections;
    const top = sections.findIndex((s) => s.categoryId === 'cat-life');
    // The top category's own services come first in its part of the board, under its own title.
    expect(top).toBeGreaterThanOrEqual(0);
    expect(sections[top]).toMatchObject({ title: { 'zh-CN': '生活服务' } });
    expect(ids(sections[top]!)).toEqual(['svc-on-top']);
    expect(sections[top + 1]?.categoryId).toBe('cat-life-housekeeping');
    // Services of a category the list does not hold come last, as the menu's "other services".
    expect(sections.at(-1)).toMatchObject({ categoryId: '__unfiled', title: { 'zh-CN': '其他服务' } });
    expect(ids(sections.at(-1)!)).toEqual(['svc-unfiled']);
    // Every service of the list is on the board once.
    expect(sections.flatMap(ids).sort()).toEqual(list.items.map((i) => i.id).sort());
    const life = await call({ method: 'GET', path: '/fee-board', query: { sections: 'cat-life' } });
    expect(life.body.current.sections.flatMap(ids)).toContain('svc-on-top');
    expect(life.body.current.sections.flatMap(ids)).not.toContain('svc-unfiled');
  });
});

describe('bookings: the booking form’s rules, held by the server', () => {
  const TENANT = 'h-2-0904';
  const tenantBody = (more: Partial<BookingInput> = {}) =>
    bookingFor('svc-dry-cleaning', { household: { building: '2栋', room: '0904' }, contact: { name: '马小龙', phone: '17764502218' }, ...more });

  it('a slot-booked service is priced by its slot: hours or hourly quantities that disagree with the slot are a 400', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const item = backend.state.priceLists.find((l) => l.status === 'published')?.items.find((i) => i.id === 'svc-tea-room');
    expect(item?.slots?.durationMinutes).toBe(120);
    const slot = freeSlot(backend.state, backend.now(), 'svc-tea-room');
    const room = { slot, people: 4 };
    const short = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-tea-room', { ...room, hours: 1 }) });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ code: 'validation_failed', issues: [{ path: ['hours'] }] });
    const byQuantity = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-tea-room', { ...room, quantity: 1 }) });
    expect(byQuantity.body).toMatchObject({ code: 'validation_failed', issues: [{ path: ['quantity'] }] });
    expect(backend.state.bookings.some((b) => b.serviceId === 'svc-tea-room')).toBe(false);
    const whole = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-tea-room', room) });
    expect(whole.status).toBe(201);
    expect(whole.body.quote.total).toBe(2 * 6000);
  });

  it('tenants prepay: a tenant household booked per visit or monthly is a 400 on settlement, whoever books', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    expect(backend.state.households.find((h) => h.id === TENANT)?.occupancy).toBe('tenant');
    for (const settlement of ['monthly', 'per-visit'] as const) {
      for (const token of [`resident.${TENANT}`, S]) {
        const res = await call({ method: 'POST', path: '/bookings', token, body: tenantBody({ settlement }) });
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'validation_failed', issues: [{ path: ['settlement'] }] });
      }
    }
    const prepaid = await call({ method: 'POST', path: '/bookings', token: `resident.${TENANT}`, body: tenantBody({ settlement: 'prepaid' }) });
    expect(prepaid.status).toBe(201);
    // Owners settle per visit or monthly, as the form offers them.
    const owner = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-dry-cleaning', { settlement: 'prepaid' }) });
    expect(owner.body.issues?.[0]?.path).toEqual(['settlement']);
  });

  it('a resident books online only: a desk-only service, a phone or desk channel, an agreement they do not hold are a 400', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const deskOnly = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-copying', { quantity: 10 }) });
    expect(deskOnly.status).toBe(400);
    expect(deskOnly.body.issues[0].path).toEqual(['serviceId']);
    // The desk books it for the household.
    expect((await call({ method: 'POST', path: '/bookings', token: S, body: bookingFor('svc-copying', { quantity: 10 }) })).status).toBe(201);
    const phoneOnly = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-ticket-booking', { channel: 'agreement' }) });
    expect(phoneOnly.status).toBe(400);
    const claims = [
      { token: R, body: bookingFor('svc-dry-cleaning', { channel: 'agreement' }) },
      { token: R, body: bookingFor('svc-dry-cleaning', { channel: 'phone' }) },
      { token: S, body: bookingFor('svc-copying', { quantity: 10, channel: 'agreement' }) },
      { token: S, body: bookingFor('svc-copying', { quantity: 10, channel: 'online' }) },
    ];
    for (const c of claims) {
      const res = await call({ method: 'POST', path: '/bookings', token: c.token, body: c.body });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'validation_failed', issues: [{ path: ['channel'] }] });
    }
    // The demo household holds the housekeeping agreement (ag-0001): a visit under it is booked as such.
    const slot = freeSlot(backend.state, backend.now(), 'svc-hourly-housekeeping');
    const visit = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-hourly-housekeeping', { slot, channel: 'agreement' }) });
    expect(visit.status).toBe(201);
    expect(visit.body.channel).toBe('agreement');
  });

  it('a visit under an agreement falls on one of its work days inside its period: a rest day is booked and billed per visit (seed 004)', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    // ag-0001 works Monday to Saturday; T0 is Monday 23 November 2026, so the 29th is its rest day.
    const agreement = backend.state.agreements.find((a) => a.id === 'ag-0001')!;
    expect(agreement.workDays).toEqual([1, 2, 3, 4, 5, 6]);
    const on = (day: string) => ({ start: `${day}T08:00:00+08:00`, end: `${day}T10:00:00+08:00` });
    const book = (slot: { start: string; end: string }, more: Partial<BookingInput> = {}) =>
      call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-hourly-housekeeping', { slot, channel: 'agreement', settlement: 'monthly', ...more }) });
    const sunday = await book(on('2026-11-29'));
    expect([sunday.status, sunday.body.issues?.[0]?.path]).toEqual([400, ['slot']]);
    // After the period (a stop in three days ends it on the 25th).
    const stop = await call({ method: 'POST', path: '/agreements/ag-0001/changes', token: R, body: { kind: 'stop', requestedBy: 'resident', effectiveDate: '2026-11-26', reason: '搬家' } });
    expect(stop.status).toBe(201);
    const after = await book(on('2026-11-27'));
    expect([after.status, after.body.issues?.[0]?.path]).toEqual([400, ['slot']]);
    // A work day inside the period is booked under the agreement; the rest day per visit, as any service.
    expect((await book(on('2026-11-25'))).status).toBe(201);
    const perVisit = await book(on('2026-11-29'), { channel: 'online' });
    expect([perVisit.status, perVisit.body.channel]).toEqual([201, 'online']);
  });

  it('a visit under an agreement is checked against the work days in force on its day, a change of times already asked for included', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const on = (day: string) => ({ start: `${day}T08:00:00+08:00`, end: `${day}T10:00:00+08:00` });
    const book = (day: string) => call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-hourly-housekeeping', { slot: on(day), channel: 'agreement', settlement: 'monthly' }) });
    // From Sunday 29 November, ag-0001 works Sunday to Saturday but Monday: Monday becomes its rest day.
    const change = await call({ method: 'POST', path: '/agreements/ag-0001/changes', token: R, body: { kind: 'times', requestedBy: 'resident', effectiveDate: '2026-11-29', workDays: [2, 3, 4, 5, 6, 7] } });
    expect(change.status).toBe(201);
    // Monday 30 November is then a rest day: not covered, so not taken under the agreement (it would be billed nowhere).
    const monday = await book('2026-11-30');
    expect([monday.status, monday.body.issues?.[0]?.path]).toEqual([400, ['slot']]);
    // Sunday 6 December is then a work day: covered.
    expect((await book('2026-12-06')).status).toBe(201);
  });

  it('a room is booked with its number of people', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const slot = freeSlot(backend.state, backend.now(), FIXTURE_IDS.smallRoom);
    for (const token of [R, S]) {
      const res = await call({ method: 'POST', path: '/bookings', token, body: bookingFor(FIXTURE_IDS.smallRoom, { slot }) });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'validation_failed', issues: [{ path: ['people'] }] });
    }
    expect((await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor(FIXTURE_IDS.smallRoom, { slot, people: 5 }) })).status).toBe(201);
  });

  it('a service without slots records when it is wanted, prices peak by it, and refuses a time it cannot take', async () => {
    // T0 is Monday 23 November 2026, 10:00. The car wash is open 08:00–18:00 with a weekend peak (25 → 30 yuan).
    const { backend, clock } = fixedBackend();
    const call = direct(backend);
    const book = (more: Partial<BookingInput>, token = R) => call({ method: 'POST', path: '/bookings', token, body: bookingFor('svc-car-wash', more) });
    const refused = async (more: Partial<BookingInput>, path: string) => {
      const res = await book(more);
      expect(res.status, JSON.stringify(more)).toBe(400);
      expect(res.body.issues[0].path, JSON.stringify(more)).toEqual([path]);
    };
    // Its price depends on when: no wanted time is refused, for a resident and for the desk.
    await refused({}, 'wantedAt');
    expect((await book({}, S)).body.issues[0].path).toEqual(['wantedAt']);
    const saturday = await book({ wantedAt: '2026-11-28T10:30:00+08:00' });
    expect(saturday.status).toBe(201);
    expect(saturday.body.wantedAt).toBe('2026-11-28T10:30:00+08:00');
    expect(saturday.body.quote).toMatchObject({ basis: 'exact', total: 3000 });
    expect(saturday.body.quote.lines.map((l: { code: string }) => l.code)).toEqual(['peak']);
    const tuesday = await book({ wantedAt: '2026-11-24T02:30:00Z' }); // 10:30 in Shanghai
    expect(tuesday.body.quote.total).toBe(2500);
    await refused({ wantedAt: '2026-11-23T09:59:00+08:00' }, 'wantedAt'); // has passed
    await refused({ wantedAt: '2026-11-24T07:30:00+08:00' }, 'wantedAt'); // before opening
    await refused({ wantedAt: '2026-11-24T18:00:00+08:00' }, 'wantedAt'); // closed at 18:00
    await refused({ wantedAt: '2027-11-24T10:00:00+08:00' }, 'wantedAt'); // more than a year ahead
    await refused({ wantedAt: '2026-11-28T10:30:00+08:00', slot: { start: '2026-11-28T10:30:00+08:00', end: '2026-11-28T11:30:00+08:00' } }, 'slot');
    // A service whose price does not depend on when may leave it to staff; a slot-booked one is wanted at its slot.
    expect((await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-plumbing') })).status).toBe(201);
    // A service that names no hours takes any time of day: the desk books a taxi at dawn.
    const taxi = await call({ method: 'POST', path: '/bookings', token: S, body: bookingFor('svc-taxi-booking', { wantedAt: '2026-11-24T05:30:00+08:00', channel: 'phone' }) });
    expect([taxi.status, taxi.body.wantedAt]).toEqual([201, '2026-11-24T05:30:00+08:00']);
    const slot = freeSlot(backend.state, backend.now(), 'svc-tennis');
    const both = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-tennis', { slot, wantedAt: slot.start }) });
    expect(both.status).toBe(400);
    expect(both.body.issues[0].path).toEqual(['wantedAt']);
    // Upcoming bookings come soonest first, by their wanted time when they have no slot.
    const upcoming = await call({ method: 'GET', path: '/bookings', token: R, query: { scope: 'upcoming' } });
    const ids = upcoming.body.items.map((b: { id: string }) => b.id);
    expect(ids.indexOf(tuesday.body.id)).toBeLessThan(ids.indexOf(saturday.body.id));
    // A resident cancels online until the wanted time, not once the service may have been given.
    expect(tuesday.body.cancellableUntil).toBe('2026-11-24T02:30:00Z');
    clock.set(Date.parse('2026-11-24T10:31:00+08:00'));
    const late = await call({ method: 'POST', path: `/bookings/${tuesday.body.id}/cancel`, token: R, body: {} });
    expect([late.status, late.body.code]).toEqual([409, 'cancellation_window_closed']);
    expect((await call({ method: 'POST', path: `/bookings/${saturday.body.id}/cancel`, token: R, body: {} })).status).toBe(200);
  });

  it('a job booked by the hour without a slot must be done by closing time', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    // Give the elderly companion opening hours, 08:00–20:00 every day.
    for (const list of backend.state.priceLists) {
      const item = list.items.find((i) => i.id === 'svc-elderly-companion');
      if (item) item.hours = [{ days: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '20:00' }];
    }
    const book = (wantedAt: string, hours: number) => call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-elderly-companion', { wantedAt, hours }) });
    const late = await book('2026-11-24T19:30:00+08:00', 8);
    expect([late.status, late.body.issues?.[0]?.path]).toEqual([400, ['wantedAt']]);
    expect((await book('2026-11-24T12:00:00+08:00', 8)).status).toBe(201);
  });

  it('takes only the counts a price takes, in a booking and in a quote, so nothing is recorded that is not billed', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const book = (serviceId: string, more: Partial<BookingInput>) => call({ method: 'POST', path: '/bookings', token: R, body: bookingFor(serviceId, more) });
    const priced = (serviceId: string, body: object) => call({ method: 'POST', path: `/services/${serviceId}/quote`, body });
    // Appliance repair: labour by the hour. Three as a quantity was recorded and one hour billed.
    const asQuantity = await book('svc-appliance-repair', { quantity: 3 });
    expect([asQuantity.status, asQuantity.body.issues?.[0]?.path]).toEqual([400, ['quantity']]);
    const asHours = await book('svc-appliance-repair', { hours: 3 });
    expect([asHours.status, asHours.body.quote.lines[0].quantity, asHours.body.quote.lines[0].amount]).toEqual([201, 3, 12000]);
    // A price per time takes no hours; a price per hour takes hours and quantity only when they agree.
    expect((await book('svc-plumbing', { hours: 2 })).body.issues?.[0]?.path).toEqual(['hours']);
    expect((await book('svc-meeting-service', { hours: 2, quantity: 3 })).body.issues?.[0]?.path).toEqual(['quantity']);
    expect((await book('svc-meeting-service', { hours: 3, quantity: 3 })).body.quote.total).toBe(15000);
    // A course per person: the people are its count, and a quantity, when sent, says the same.
    expect((await book('svc-aerobics-course', { people: 2, quantity: 5 })).body.issues?.[0]?.path).toEqual(['quantity']);
    expect((await priced('svc-aerobics-course', { people: 2, quantity: 5 })).body.issues?.[0]?.path).toEqual(['quantity']);
    const course = await book('svc-aerobics-course', { people: 2, quantity: 2 });
    expect([course.status, course.body.quantity, course.body.quote.total]).toEqual([201, 2, 40000]);
    // The chess room, per person-hour by one-hour slots: no quantity, and no hours but the slot's one.
    const slot = freeSlot(backend.state, backend.now(), 'svc-chess-room');
    expect((await book('svc-chess-room', { slot, people: 2, quantity: 2 })).body.issues?.[0]?.path).toEqual(['quantity']);
    // The public quote answers as the booking would.
    expect((await priced('svc-room-large', { hours: 5 })).body.issues?.[0]?.path).toEqual(['hours']);
    expect((await priced('svc-room-large', {})).body.total).toBe(40000);
    expect((await priced('svc-hourly-housekeeping', { hours: 5 })).body.issues?.[0]?.path).toEqual(['hours']);
    expect((await priced('svc-appliance-repair', { quantity: 3 })).body.issues?.[0]?.path).toEqual(['quantity']);
    expect((await priced('svc-chess-room', { people: 4 })).body.total).toBe(1200);
    // A price by the hour over 90-minute slots cannot be counted in whole hours: refused, not billed as one.
    for (const list of backend.state.priceLists) for (const i of list.items) if (i.id === 'svc-room-small' && i.slots) i.slots.durationMinutes = 90;
    const ninety = await book('svc-room-small', { slot: freeSlot(backend.state, backend.now(), 'svc-room-small'), people: 4 });
    expect([ninety.status, ninety.body.issues?.[0]?.path]).toEqual([400, ['serviceId']]);
    expect((await priced('svc-room-small', {})).status).toBe(400);
  });

  it("answers a rule's 400 in the request's language: Chinese for zh, English otherwise", async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const ask = (lang?: string) =>
      call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-car-wash', { wantedAt: '2026-11-24T07:30:00+08:00' }), ...(lang ? { headers: { 'Accept-Language': lang } } : {}) });
    const zh = await ask('zh-CN');
    expect(zh.status).toBe(400);
    expect(zh.body).toMatchObject({ code: 'validation_failed', message: '请求未通过检查', issues: [{ path: ['wantedAt'], message: '期望时间不在服务时间内' }] });
    expect(Object.keys(zh.body.issues[0]).sort()).toEqual(['message', 'path']);
    for (const lang of [undefined, 'en', 'en-GB,zh;q=0.5']) {
      const en = await ask(lang);
      expect(en.body, String(lang)).toMatchObject({ message: 'The request is not valid', issues: [{ path: ['wantedAt'], message: 'the wanted time is outside the service hours' }] });
    }
    // Every rule's 400 has its Chinese: a tenant's settlement, a room without people.
    const tenant = await call({ method: 'POST', path: '/bookings', token: 'resident.h-1-0805', headers: { 'Accept-Language': 'zh' }, body: { ...bookingFor('svc-plumbing'), household: { building: '1栋', room: '0805' } } });
    expect(tenant.body.issues[0]).toEqual({ path: ['settlement'], message: '租户需在服务前预付押金' });
  });

  it("answers a schema's own 400 in the request's language too: each issue in Chinese for zh, zod's words otherwise", async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const body = {
      ...bookingFor('svc-plumbing'),
      contact: { name: '', phone: '138' },
      notes: '很'.repeat(1001),
      settlement: 'cash',
    };
    const zh = await call({ method: 'POST', path: '/bookings', token: R, headers: { 'Accept-Language': 'zh-CN,zh;q=0.9' }, body });
    expect([zh.status, zh.body.message]).toEqual([400, '请求未通过检查']);
    const said = Object.fromEntries(zh.body.issues.map((i: { path: string[]; message: string }) => [i.path.join('.'), i.message]));
    expect(said).toMatchObject({ 'contact.name': '不能为空', 'contact.phone': '请填写11位手机号', notes: '不能超过 1000 个字', settlement: '不是可以选择的值' });
    expect(Object.values(said).every((m) => /[\u4e00-\u9fff]/.test(String(m)))).toBe(true);
    const en = await call({ method: 'POST', path: '/bookings', token: R, body });
    expect(en.body.message).toBe('The request is not valid');
    expect(en.body.issues.find((i: { path: string[] }) => i.path.join('.') === 'contact.phone').message).toBe('expected an 11-digit mainland mobile number');
    expect(en.body.issues.every((i: object) => !('zh' in i))).toBe(true);
    // A body that is not JSON, and a missing field.
    const broken = await call({ method: 'POST', path: '/help-requests', token: R, headers: { 'Accept-Language': 'zh' }, body: '{' });
    expect(broken.body.issues).toEqual([{ path: [], message: '请求内容不是有效的 JSON' }]);
  });

  it('a service priced per person-hour is booked with its number of people, not priced as one person', async () => {
    const { backend } = fixedBackend();
    const call = direct(backend);
    const slot = freeSlot(backend.state, backend.now(), 'svc-chess-room');
    const none = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-chess-room', { slot }) });
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({ code: 'validation_failed', issues: [{ path: ['people'] }] });
    const four = await call({ method: 'POST', path: '/bookings', token: R, body: bookingFor('svc-chess-room', { slot, people: 4 }) });
    expect(four.status).toBe(201);
    expect(four.body.quote.total).toBe(4 * 300);
  });
});
