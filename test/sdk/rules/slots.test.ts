import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AvailableSlot, type BookingStatus, type OpeningHours, type SlotPolicy } from '@bianmin/sdk/schema';
import {
  type SlotBooking,
  addMinutes,
  canCancel,
  cancellableUntil,
  checkSlot,
  generateSlots,
  localDate,
  localTime,
  toEpoch,
} from '@bianmin/sdk/rules';

const policy = (over: Partial<SlotPolicy> = {}): SlotPolicy => ({
  durationMinutes: 60,
  capacity: 1,
  bufferMinutes: 0,
  leadMinutes: 0,
  cancelBeforeMinutes: 120,
  horizonDays: 14,
  ...over,
});
const NOW = '2026-11-22T12:00:00+08:00'; // Sunday noon; the examples book Monday 23 November
const book = (start: string, end: string, status: BookingStatus = 'confirmed', householdId = 'h-1'): SlotBooking => ({
  slot: { start, end },
  status,
  householdId,
});
const times = (slots: AvailableSlot[]) => slots.map((s) => localTime(s.start));

describe('generateSlots: the grid', () => {
  it('offers 08:00–20:00 every day when a service names no hours', () => {
    const slots = generateSlots({ slots: policy({ durationMinutes: 120 }) }, { from: '2026-11-23', days: 1, now: NOW, bookings: [] });
    expect(times(slots)).toEqual(['08:00', '10:00', '12:00', '14:00', '16:00', '18:00']);
    expect(slots.every((s) => s.state === 'available' && s.remaining === 1 && s.capacity === 1)).toBe(true);
    expect(slots[0]).toMatchObject({ start: '2026-11-23T08:00:00+08:00', end: '2026-11-23T10:00:00+08:00' });
  });

  it('steps by duration plus buffer and never runs past closing', () => {
    const hours: OpeningHours[] = [{ days: [1], open: '09:00', close: '12:00' }];
    const slots = generateSlots({ slots: policy({ bufferMinutes: 15 }), hours }, { from: '2026-11-23', days: 1, now: NOW, bookings: [] });
    expect(times(slots)).toEqual(['09:00', '10:15']);
  });

  it('follows the opening weekdays, several ranges a day, up to 24:00', () => {
    const hours: OpeningHours[] = [
      { days: [1, 2, 3, 4, 5], open: '09:00', close: '11:00' },
      { days: [6, 7], open: '22:00', close: '24:00' },
    ];
    const slots = generateSlots({ slots: policy(), hours }, { from: '2026-11-27', days: 2, now: NOW, bookings: [] });
    expect(slots.map((s) => `${localDate(s.start)} ${localTime(s.start)}`)).toEqual([
      '2026-11-27 09:00',
      '2026-11-27 10:00',
      '2026-11-28 22:00',
      '2026-11-28 23:00',
    ]);
    expect(slots[3]?.end).toBe('2026-11-29T00:00:00+08:00');
  });

  it('offers nothing for a service without a slot policy', () => {
    expect(generateSlots({}, { from: '2026-11-23', days: 7, now: NOW, bookings: [] })).toEqual([]);
  });

  it('a device in another zone gets the same Shanghai grid', () => {
    const a = generateSlots({ slots: policy() }, { from: '2026-11-23', days: 1, now: '2026-11-22T04:00:00Z', bookings: [] });
    const b = generateSlots({ slots: policy() }, { from: '2026-11-23', days: 1, now: new Date('2026-11-21T23:00:00-05:00'), bookings: [] });
    expect(a).toEqual(b);
    expect(a[0]?.start).toBe('2026-11-23T08:00:00+08:00');
  });
});

describe('generateSlots: states', () => {
  const item = { slots: policy({ leadMinutes: 120, horizonDays: 2 }), hours: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '20:00' }] };

  it('closed once started, too soon within the lead time, available after', () => {
    const slots = generateSlots(item, { from: '2026-11-22', days: 1, now: '2026-11-22T12:30:00+08:00', bookings: [] });
    const state = (t: string) => slots.find((s) => localTime(s.start) === t)?.state;
    expect(state('12:00')).toBe('closed');
    expect(state('13:00')).toBe('too-soon');
    expect(state('14:00')).toBe('too-soon');
    expect(state('15:00')).toBe('available');
  });

  it('the lead time is measured to the minute', () => {
    const at = (now: string) => generateSlots(item, { from: '2026-11-22', days: 1, now, bookings: [] }).find((s) => localTime(s.start) === '14:00')?.state;
    expect(at('2026-11-22T12:00:00+08:00')).toBe('available');
    expect(at('2026-11-22T12:01:00+08:00')).toBe('too-soon');
  });

  it('closed beyond the horizon: today counts as its first day', () => {
    const slots = generateSlots(item, { from: '2026-11-22', days: 3, now: '2026-11-22T06:00:00+08:00', bookings: [] });
    const days = (state: string) => [...new Set(slots.filter((s) => s.state === state).map((s) => localDate(s.start)))];
    expect(days('available')).toEqual(['2026-11-22', '2026-11-23']);
    expect(days('closed')).toEqual(['2026-11-24']);
  });

  it('counts the bookings that hold a slot, and only those', () => {
    const it2 = { slots: policy({ capacity: 2 }) };
    const bookings = [
      book('2026-11-23T09:00:00+08:00', '2026-11-23T10:00:00+08:00', 'confirmed'),
      book('2026-11-23T09:00:00+08:00', '2026-11-23T10:00:00+08:00', 'cancelled'),
      book('2026-11-23T09:00:00+08:00', '2026-11-23T10:00:00+08:00', 'completed'),
      book('2026-11-23T10:00:00+08:00', '2026-11-23T11:00:00+08:00', 'requested'),
      book('2026-11-23T10:00:00+08:00', '2026-11-23T11:00:00+08:00', 'quote-requested'),
    ];
    const slots = generateSlots(it2, { from: '2026-11-23', days: 1, now: NOW, bookings });
    const at = (t: string) => slots.find((s) => localTime(s.start) === t);
    expect(at('09:00')).toMatchObject({ remaining: 1, state: 'available' });
    expect(at('10:00')).toMatchObject({ remaining: 0, state: 'full' });
    expect(at('11:00')).toMatchObject({ remaining: 2, state: 'available' });
  });

  it('keeps the buffer after a booking: an off-grid booking blocks the slots its buffer reaches', () => {
    const it3 = { slots: policy({ bufferMinutes: 30 }), hours: [{ days: [1], open: '08:00', close: '14:00' }] };
    // Grid: 08:00, 09:30, 11:00, 12:30. A phone booking 10:00–10:45 holds until 11:15.
    const slots = generateSlots(it3, { from: '2026-11-23', days: 1, now: NOW, bookings: [book('2026-11-23T10:00:00+08:00', '2026-11-23T10:45:00+08:00')] });
    expect(slots.map((s) => [localTime(s.start), s.state])).toEqual([
      ['08:00', 'available'],
      ['09:30', 'full'],
      ['11:00', 'full'],
      ['12:30', 'available'],
    ]);
  });

  it('a slot needs its own buffer free too: a booking that starts inside it makes the slot full', () => {
    const it5 = { slots: policy({ bufferMinutes: 30 }), hours: [{ days: [1], open: '08:00', close: '11:00' }] };
    // Grid: 08:00–09:00 (kept until 09:30), 09:30–10:30, closing 11:00. A phone booking 09:10–09:20
    // sits in the first slot's buffer (so 08:00 is full), and its own buffer runs to 09:50 (so is 09:30).
    const bookings = [book('2026-11-23T09:10:00+08:00', '2026-11-23T09:20:00+08:00')];
    const slots = generateSlots(it5, { from: '2026-11-23', days: 1, now: NOW, bookings });
    expect(slots.map((s) => [localTime(s.start), s.state])).toEqual([
      ['08:00', 'full'],
      ['09:30', 'full'],
    ]);
    const early = [book('2026-11-23T07:00:00+08:00', '2026-11-23T07:20:00+08:00')]; // kept until 07:50
    expect(generateSlots(it5, { from: '2026-11-23', days: 1, now: NOW, bookings: early }).map((s) => s.state)).toEqual(['available', 'available']);
  });

  it('a household at its daily quota sees quota-reached; other households and other days do not', () => {
    const it4 = { slots: policy({ quotaPerHouseholdPerDay: 1, capacity: 3 }) };
    const bookings = [book('2026-11-23T09:00:00+08:00', '2026-11-23T10:00:00+08:00', 'confirmed', 'h-1')];
    const mine = generateSlots(it4, { from: '2026-11-23', days: 2, now: NOW, bookings, householdId: 'h-1' });
    expect(new Set(mine.filter((s) => localDate(s.start) === '2026-11-23').map((s) => s.state))).toEqual(new Set(['quota-reached']));
    expect(new Set(mine.filter((s) => localDate(s.start) === '2026-11-24').map((s) => s.state))).toEqual(new Set(['available']));
    const theirs = generateSlots(it4, { from: '2026-11-23', days: 1, now: NOW, bookings, householdId: 'h-2' });
    expect(theirs.every((s) => s.state === 'available')).toBe(true);
    const anonymous = generateSlots(it4, { from: '2026-11-23', days: 1, now: NOW, bookings });
    expect(anonymous.every((s) => s.state === 'available')).toBe(true);
  });
});

describe('checkSlot: the check inside the booking write', () => {
  const item = { slots: policy({ quotaPerHouseholdPerDay: 1, leadMinutes: 60 }) };
  const slot = { start: '2026-11-23T09:00:00+08:00', end: '2026-11-23T10:00:00+08:00' };

  it('accepts a free slot on the grid, whatever offset it is written in', () => {
    expect(checkSlot(item, slot, { now: NOW, bookings: [] })).toEqual({ ok: true });
    expect(checkSlot(item, { start: '2026-11-23T01:00:00Z', end: '2026-11-23T02:00:00Z' }, { now: NOW, bookings: [] })).toEqual({ ok: true });
  });

  it('slot_taken when full, quota_exceeded at the quota, slot_unavailable off the grid, too soon or past', () => {
    const taken = [book(slot.start, slot.end, 'confirmed', 'h-9')];
    expect(checkSlot(item, slot, { now: NOW, bookings: taken, householdId: 'h-1' })).toMatchObject({ ok: false, code: 'slot_taken' });
    const mine = [book('2026-11-23T11:00:00+08:00', '2026-11-23T12:00:00+08:00', 'requested', 'h-1')];
    expect(checkSlot(item, slot, { now: NOW, bookings: mine, householdId: 'h-1' })).toMatchObject({ ok: false, code: 'quota_exceeded' });
    const off = { start: '2026-11-23T09:30:00+08:00', end: '2026-11-23T10:30:00+08:00' };
    expect(checkSlot(item, off, { now: NOW, bookings: [] })).toMatchObject({ ok: false, code: 'slot_unavailable' });
    const long = { start: slot.start, end: '2026-11-23T11:00:00+08:00' };
    expect(checkSlot(item, long, { now: NOW, bookings: [] })).toMatchObject({ ok: false, code: 'slot_unavailable' });
    expect(checkSlot(item, slot, { now: '2026-11-23T08:30:00+08:00', bookings: [] })).toMatchObject({ ok: false, code: 'slot_unavailable' });
    expect(checkSlot(item, slot, { now: '2026-11-23T09:30:00+08:00', bookings: [] })).toMatchObject({ ok: false, code: 'slot_unavailable' });
    expect(checkSlot(item, { start: 'garbage', end: slot.end }, { now: NOW, bookings: [] })).toMatchObject({ ok: false, code: 'slot_unavailable' });
    expect(checkSlot({}, slot, { now: NOW, bookings: [] })).toMatchObject({ ok: false, code: 'slot_unavailable' });
  });

  it('gives reasons without personal data', () => {
    const r = checkSlot(item, slot, { now: NOW, bookings: [book(slot.start, slot.end, 'confirmed', 'h-secret')], householdId: 'h-1' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).not.toContain('h-');
  });
});

describe('slots: properties', () => {
  const HOLDING: BookingStatus[] = ['requested', 'quote-requested', 'quoted', 'confirmed', 'in-progress'];
  const scenario = fc.record({
    durationMinutes: fc.integer({ min: 30, max: 180 }),
    bufferMinutes: fc.integer({ min: 0, max: 45 }),
    capacity: fc.integer({ min: 1, max: 3 }),
    leadMinutes: fc.integer({ min: 0, max: 240 }),
    horizonDays: fc.integer({ min: 1, max: 3 }),
    quota: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    open: fc.integer({ min: 6 * 60, max: 10 * 60 }),
    close: fc.integer({ min: 16 * 60, max: 24 * 60 }),
    nowOffset: fc.integer({ min: -24 * 60, max: 36 * 60 }), // minutes from 2026-11-23 00:00 Shanghai
    seeds: fc.array(
      fc.record({ pick: fc.nat(), shift: fc.integer({ min: -90, max: 90 }), status: fc.constantFrom<BookingStatus>(...HOLDING, 'cancelled', 'completed'), hh: fc.constantFrom('h-1', 'h-2', 'h-3') }),
      { maxLength: 12 },
    ),
    order: fc.array(fc.nat(), { maxLength: 40 }),
  });
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

  type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

  function setup(s: Scenario) {
    const item = {
      slots: policy({
        durationMinutes: s.durationMinutes,
        bufferMinutes: s.bufferMinutes,
        capacity: s.capacity,
        leadMinutes: s.leadMinutes,
        horizonDays: s.horizonDays,
        quotaPerHouseholdPerDay: s.quota,
      }),
      hours: [{ days: [1, 2, 3, 4, 5, 6, 7], open: hhmm(s.open), close: hhmm(s.close) }],
    };
    const now = addMinutes('2026-11-23T00:00:00+08:00', s.nowOffset);
    const grid = generateSlots(item, { from: '2026-11-23', days: 2, now, bookings: [] });
    // Existing bookings: some on the grid, some shifted off it (phone bookings), in every status.
    const bookings: SlotBooking[] = grid.length
      ? s.seeds.map((b) => {
          const g = grid[b.pick % grid.length]!;
          return book(addMinutes(g.start, b.shift), addMinutes(g.end, b.shift), b.status, b.hh);
        })
      : [];
    return { item, now, bookings };
  }

  it('remaining stays within 0…capacity, and a slot is only available while fewer than capacity bookings (with buffers) overlap it', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { item, now, bookings } = setup(s);
        const buffer = s.bufferMinutes * 60_000;
        for (const slot of generateSlots(item, { from: '2026-11-23', days: 2, now, bookings, householdId: 'h-1' })) {
          expect(AvailableSlot.safeParse(slot).success).toBe(true);
          expect(slot.remaining).toBeGreaterThanOrEqual(0);
          expect(slot.remaining).toBeLessThanOrEqual(s.capacity);
          const overlapping = bookings.filter(
            (b) =>
              HOLDING.includes(b.status) &&
              toEpoch(b.slot!.start) < toEpoch(slot.end) + buffer &&
              toEpoch(slot.start) < toEpoch(b.slot!.end) + buffer,
          ).length;
          expect(slot.remaining).toBe(Math.max(0, s.capacity - overlapping));
          if (overlapping >= s.capacity) expect(slot.state).not.toBe('available');
        }
      }),
      { numRuns: 60 },
    );
  });

  it('checkSlot agrees with generateSlots on every generated slot', () => {
    const expected = { available: undefined, full: 'slot_taken', 'quota-reached': 'quota_exceeded', 'too-soon': 'slot_unavailable', closed: 'slot_unavailable' } as const;
    fc.assert(
      fc.property(scenario, (s) => {
        const { item, now, bookings } = setup(s);
        const opts = { now, bookings, householdId: 'h-1' };
        for (const slot of generateSlots(item, { ...opts, from: '2026-11-23', days: 2 })) {
          const r = checkSlot(item, slot, opts);
          const code = expected[slot.state];
          if (code === undefined) expect(r).toEqual({ ok: true });
          else expect(r).toMatchObject({ ok: false, code });
        }
      }),
      { numRuns: 40 },
    );
  });

  it('booking whatever checkSlot accepts never puts more than capacity bookings (with buffers) on any instant', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { item, now } = setup(s);
        const buffer = s.bufferMinutes * 60_000;
        const grid = generateSlots(item, { from: '2026-11-23', days: 2, now, bookings: [] });
        const accepted: SlotBooking[] = [];
        for (const n of [...s.order, ...grid.map((_, i) => i)]) {
          const slot = grid[n % Math.max(1, grid.length)];
          if (!slot) break;
          const hh = `h-${n % 4}`;
          if (checkSlot(item, slot, { now, bookings: accepted, householdId: hh }).ok) accepted.push(book(slot.start, slot.end, 'confirmed', hh));
        }
        const edges = accepted.map((b) => toEpoch(b.slot!.start));
        for (const t of edges) {
          const covering = accepted.filter((b) => toEpoch(b.slot!.start) <= t && t < toEpoch(b.slot!.end) + buffer).length;
          expect(covering).toBeLessThanOrEqual(s.capacity);
        }
        if (s.quota !== undefined) {
          for (const hh of ['h-0', 'h-1', 'h-2', 'h-3']) {
            for (const day of ['2026-11-23', '2026-11-24']) {
              expect(accepted.filter((b) => b.householdId === hh && localDate(b.slot!.start) === day).length).toBeLessThanOrEqual(s.quota);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a slot booked to capacity is slot_taken for the next household', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (s, pick) => {
        const { item, now } = setup(s);
        const open = generateSlots(item, { from: '2026-11-23', days: 2, now, bookings: [] }).filter((g) => g.state === 'available');
        const slot = open[pick % Math.max(1, open.length)];
        if (!slot) return;
        const full = Array.from({ length: s.capacity }, (_, i) => book(slot.start, slot.end, 'confirmed', `h-other-${i}`));
        expect(checkSlot(item, slot, { now, bookings: full, householdId: 'h-1' })).toMatchObject({ ok: false, code: 'slot_taken' });
        expect(checkSlot(item, slot, { now, bookings: full.slice(1), householdId: 'h-1' })).toEqual({ ok: true });
      }),
      { numRuns: 60 },
    );
  });

  it('a slot moved off the grid by any number of minutes is slot_unavailable', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 29 }), fc.nat(), (s, shift, pick) => {
        const { item, now } = setup(s);
        const grid = generateSlots(item, { from: '2026-11-23', days: 2, now, bookings: [] });
        const slot = grid[pick % Math.max(1, grid.length)];
        if (!slot) return;
        const moved = { start: addMinutes(slot.start, shift), end: addMinutes(slot.end, shift) };
        expect(checkSlot(item, moved, { now, bookings: [] })).toMatchObject({ ok: false, code: 'slot_unavailable' });
      }),
      { numRuns: 60 },
    );
  });
});

describe('cancelling', () => {
  const slot = { start: '2026-11-23T09:00:00+08:00', end: '2026-11-23T10:00:00+08:00' };
  const p = policy({ cancelBeforeMinutes: 120 });

  it('the window closes cancelBeforeMinutes before the start', () => {
    expect(cancellableUntil(slot.start, p)).toBe('2026-11-23T07:00:00+08:00');
    expect(cancellableUntil('2026-11-23T01:00:00Z', { cancelBeforeMinutes: 24 * 60 })).toBe('2026-11-22T09:00:00+08:00');
  });

  it('open until that moment inclusive, closed after', () => {
    expect(canCancel({ status: 'confirmed', slot }, p, '2026-11-23T06:59:00+08:00')).toEqual({ ok: true, until: '2026-11-23T07:00:00+08:00' });
    expect(canCancel({ status: 'confirmed', slot }, p, '2026-11-23T07:00:00+08:00')).toMatchObject({ ok: true });
    expect(canCancel({ status: 'confirmed', slot }, p, '2026-11-23T07:00:01+08:00')).toEqual({ ok: false, reason: 'window-closed' });
  });

  it('without a policy the window closes at the start; without a slot at the wanted time; without either there is no window', () => {
    expect(canCancel({ status: 'requested', slot }, undefined, '2026-11-23T08:59:00+08:00')).toEqual({ ok: true, until: slot.start });
    expect(canCancel({ status: 'requested', slot }, undefined, '2026-11-23T09:01:00+08:00')).toEqual({ ok: false, reason: 'window-closed' });
    // A car wash wanted at 09:00 on 1 December: cancelled online until then, not once it may have been done.
    const wantedAt = '2026-12-01T09:00:00+08:00';
    expect(canCancel({ status: 'confirmed', wantedAt }, undefined, '2026-12-01T09:00:00+08:00')).toEqual({ ok: true, until: wantedAt });
    expect(canCancel({ status: 'confirmed', wantedAt }, undefined, '2026-12-03T10:00:00+08:00')).toEqual({ ok: false, reason: 'window-closed' });
    expect(canCancel({ status: 'quote-requested' }, p, '2030-01-01T00:00:00+08:00')).toEqual({ ok: true });
  });

  it('a booking that carries the window the server gave it keeps that window, whatever the policy says now', () => {
    // Booked with two hours' notice (until 07:00); the list in force now asks for none, or for a day's.
    const booked = { status: 'confirmed' as const, slot, cancellableUntil: '2026-11-23T07:00:00+08:00' };
    expect(canCancel(booked, { cancelBeforeMinutes: 0 }, '2026-11-23T08:00:00+08:00')).toEqual({ ok: false, reason: 'window-closed' });
    expect(canCancel(booked, { cancelBeforeMinutes: 24 * 60 }, '2026-11-23T06:59:00+08:00')).toEqual({ ok: true, until: '2026-11-23T07:00:00+08:00' });
    expect(canCancel({ ...booked, status: 'completed' }, undefined, '2026-11-20T00:00:00+08:00')).toEqual({ ok: false, reason: 'status' });
  });

  it('in-progress and finished bookings cannot be cancelled, whatever the time', () => {
    for (const status of ['in-progress', 'completed', 'cancelled', 'rejected', 'no-show'] as const) {
      expect(canCancel({ status, slot }, p, '2026-11-20T00:00:00+08:00')).toEqual({ ok: false, reason: 'status' });
      expect(canCancel({ status }, undefined, '2026-11-20T00:00:00+08:00')).toEqual({ ok: false, reason: 'status' });
    }
    for (const status of ['requested', 'quote-requested', 'quoted', 'confirmed'] as const) {
      expect(canCancel({ status, slot }, p, '2026-11-20T00:00:00+08:00').ok).toBe(true);
    }
  });
});
