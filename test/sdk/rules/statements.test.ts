import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BOOKING_STATUSES, SETTLEMENTS, type Booking, type BookingStatus, type Settlement } from '@bianmin/sdk/schema';
import { billedAt, localMonth, quote, serviceDay, statementFor } from '@bianmin/sdk/rules';

let seq = 0;
function booking(over: Partial<Booking> & { total?: number } = {}): Booking {
  seq += 1;
  const { total = 2000, ...rest } = over;
  return {
    id: `bk-${seq}`,
    number: `BM-20261123-${String(seq).padStart(4, '0')}`,
    serviceId: 'cleaning',
    serviceName: { 'zh-CN': '室内保洁', en: 'Indoor cleaning' },
    householdId: 'hh-1',
    household: { building: '3', room: '1201' },
    contact: { name: '张三', phone: '13812345678' },
    quantity: 1,
    amenities: [],
    settlement: 'monthly',
    channel: 'online',
    quote: quote({ price: { kind: 'fixed', amount: total } }, {}),
    status: 'completed',
    history: [],
    createdAt: '2026-11-02T10:00:00+08:00',
    ...rest,
  };
}

describe('the monthly statement (月结)', () => {
  it('sums the household completed monthly services of the Shanghai month, in date order', () => {
    const a = booking({ total: 3000, slot: { start: '2026-11-20T09:00:00+08:00', end: '2026-11-20T10:00:00+08:00' } });
    const b = booking({ total: 1250 }); // no slot: created 2 November
    const edge = booking({ total: 500, slot: { start: '2026-10-31T16:30:00Z', end: '2026-10-31T17:30:00Z' } }); // 1 November in Shanghai
    const october = booking({ total: 700, slot: { start: '2026-10-31T15:30:00Z', end: '2026-10-31T16:00:00Z' } });
    const perVisit = booking({ settlement: 'per-visit' });
    const open = booking({ status: 'confirmed' });
    const other = booking({ householdId: 'hh-2' });
    const { lines, total } = statementFor('hh-1', '2026-11', [a, b, edge, october, perVisit, open, other]);
    expect(lines.map((l) => [l.bookingId, l.date, l.amount])).toEqual([
      [edge.id, '2026-11-01', 500],
      [b.id, '2026-11-02', 1250],
      [a.id, '2026-11-20', 3000],
    ]);
    expect(lines[0]).toEqual({ bookingId: edge.id, bookingNumber: edge.number, date: '2026-11-01', serviceName: edge.serviceName, amount: 500 });
    expect(total).toBe(4750);
  });

  it('bills a service without a slot in the month it was done, and leaves off what an agreement already covers', () => {
    // Booked on the evening of 31 October for the morning of 1 November, and done then.
    const done = booking({
      total: 1800,
      createdAt: '2026-10-31T18:00:00+08:00',
      wantedAt: '2026-11-01T10:00:00+08:00',
      history: [
        { status: 'requested', at: '2026-10-31T18:00:00+08:00' },
        { status: 'completed', at: '2026-11-01T11:00:00+08:00' },
      ],
    });
    // No completion recorded in its history (an older record): the wanted day counts.
    const wanted = booking({ total: 900, createdAt: '2026-10-30T18:00:00+08:00', wantedAt: '2026-11-03T09:00:00+08:00' });
    // Hourly housekeeping under the household's long-term agreement: its daily fee is collected by the agreement (seed 004).
    const agreed = booking({ total: 7000, channel: 'agreement', slot: { start: '2026-11-21T08:00:00+08:00', end: '2026-11-21T10:00:00+08:00' } });
    expect([serviceDay(done), billedAt(done)]).toEqual(['2026-11-01T10:00:00+08:00', '2026-11-01T11:00:00+08:00']);
    expect(statementFor('hh-1', '2026-10', [done, wanted, agreed]).lines).toEqual([]);
    const { lines, total } = statementFor('hh-1', '2026-11', [done, wanted, agreed]);
    expect(lines.map((l) => [l.bookingId, l.date])).toEqual([
      [done.id, '2026-11-01'],
      [wanted.id, '2026-11-03'],
    ]);
    expect(total).toBe(2700);
  });

  it('bills a service recorded completed late on the statement still open, dated the day it was given', () => {
    // An October court, recorded completed on 10 December: October's sheet was issued on 1 November and does not change.
    const late = booking({
      total: 4000,
      slot: { start: '2026-10-21T19:00:00+08:00', end: '2026-10-21T20:00:00+08:00' },
      history: [
        { status: 'confirmed', at: '2026-10-20T10:00:00+08:00' },
        { status: 'completed', at: '2026-12-10T09:00:00+08:00' },
      ],
    });
    expect([serviceDay(late), billedAt(late)]).toEqual(['2026-10-21T19:00:00+08:00', '2026-12-10T09:00:00+08:00']);
    expect(statementFor('hh-1', '2026-10', [late]).total).toBe(0);
    expect(statementFor('hh-1', '2026-12', [late])).toEqual({
      lines: [{ bookingId: late.id, bookingNumber: late.number, date: '2026-10-21', serviceName: late.serviceName, amount: 4000 }],
      total: 4000,
    });
  });

  it('an empty month totals 0', () => {
    expect(statementFor('hh-1', '2026-12', [booking()])).toEqual({ lines: [], total: 0 });
  });

  it('the total is the exact sum of the lines, and only eligible bookings appear (property)', () => {
    const arb = fc.array(
      fc.record({
        total: fc.integer({ min: 0, max: 1_000_000 }),
        status: fc.constantFrom<BookingStatus>(...BOOKING_STATUSES),
        settlement: fc.constantFrom<Settlement>(...SETTLEMENTS),
        householdId: fc.constantFrom('hh-1', 'hh-2'),
        day: fc.integer({ min: Date.UTC(2026, 9, 25), max: Date.UTC(2026, 11, 5) }),
        slotted: fc.boolean(),
        channel: fc.constantFrom<Booking['channel']>('online', 'desk', 'agreement'),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const bookings = specs.map((s) => {
          const at = new Date(s.day).toISOString();
          return booking({ ...s, createdAt: at, slot: s.slotted ? { start: at, end: at } : undefined });
        });
        const { lines, total } = statementFor('hh-1', '2026-11', bookings);
        expect(total).toBe(lines.reduce((sum, l) => sum + l.amount, 0));
        const eligible = bookings.filter(
          (b) => b.householdId === 'hh-1' && b.status === 'completed' && b.settlement === 'monthly' && b.channel !== 'agreement' && localMonth(b.slot?.start ?? b.createdAt) === '2026-11',
        );
        expect(lines.map((l) => l.bookingId).sort()).toEqual(eligible.map((b) => b.id).sort());
        expect([...lines].sort((x, y) => x.date.localeCompare(y.date)).map((l) => l.date)).toEqual(lines.map((l) => l.date));
      }),
    );
  });
});
