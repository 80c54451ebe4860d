import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HandoverSummary, ZeroLossReport, type Loan, type LoanItem } from '@bianmin/sdk/schema';
import { applyCheckout, dueAtFor, filterLoans, handoverFrom, handoverSummary, isOverdue, overdueMinutes, shiftAt, zeroLossReport } from '@bianmin/sdk/rules';

// The cabinet of seed 000, with its purchase costs.
const umbrella: LoanItem = {
  id: 'umbrella', kind: 'umbrella', name: { 'zh-CN': '雨伞', en: 'Umbrella' },
  total: 5, available: 5, returnable: true, loanHours: 24, deposit: 0, unitCost: 1500,
};
const trolley: LoanItem = {
  id: 'trolley', kind: 'trolley', name: { 'zh-CN': '手推车', en: 'Luggage trolley' },
  total: 2, available: 2, returnable: true, loanHours: 4, deposit: 5000, unitCost: 3000,
};
const tape: LoanItem = {
  id: 'tape', kind: 'consumable', name: { 'zh-CN': '胶带' }, total: 20, available: 20, returnable: false, loanHours: 1, deposit: 0, unitCost: 100,
};
const items = [umbrella, trolley, tape];

let seq = 0;
function loan(item: LoanItem, over: Partial<Loan> = {}): Loan {
  seq += 1;
  return {
    id: `loan-${seq}`,
    itemId: item.id,
    itemName: item.name,
    householdId: `hh-${seq}`,
    household: { building: '3', room: `12${String(seq).padStart(2, '0')}` },
    borrower: { name: '张三', phone: '13812345678' },
    quantity: 1,
    lentAt: '2026-11-23T09:00:00+08:00',
    dueAt: dueAtFor(item, '2026-11-23T09:00:00+08:00'),
    lentBy: { staffId: 'desk-1', shift: 'day' },
    deposit: item.deposit,
    status: 'out',
    history: [{ status: 'out', at: '2026-11-23T09:00:00+08:00' }],
    ...over,
  };
}

describe('due times and overdue loans', () => {
  it('is due one loan period after lending; consumables are never due', () => {
    expect(dueAtFor(umbrella, '2026-11-23T09:00:00+08:00')).toBe('2026-11-24T09:00:00+08:00');
    expect(dueAtFor(trolley, '2026-11-23T01:00:00Z')).toBe('2026-11-23T13:00:00+08:00');
    expect(dueAtFor(tape, '2026-11-23T09:00:00+08:00')).toBeUndefined();
  });

  it('is overdue only while out and past its due time', () => {
    const l = loan(trolley); // due 13:00
    expect(isOverdue(l, '2026-11-23T13:00:00+08:00')).toBe(false);
    expect(isOverdue(l, '2026-11-23T13:00:01+08:00')).toBe(true);
    expect(overdueMinutes(l, '2026-11-23T15:30:59+08:00')).toBe(150);
    expect(overdueMinutes(l, '2026-11-23T12:00:00+08:00')).toBe(0);
    expect(isOverdue({ ...l, status: 'returned' }, '2026-11-30T00:00:00+08:00')).toBe(false);
    expect(overdueMinutes({ ...l, status: 'lost' }, '2026-11-30T00:00:00+08:00')).toBe(0);
    expect(isOverdue({ ...l, dueAt: undefined }, '2030-01-01T00:00:00+08:00')).toBe(false);
  });
});

describe('shifts', () => {
  it('day from 08:00 to 20:00 Shanghai time, night otherwise, whatever offset the instant is written in', () => {
    expect(shiftAt('2026-11-23T07:59:00+08:00')).toBe('night');
    expect(shiftAt('2026-11-23T08:00:00+08:00')).toBe('day');
    expect(shiftAt('2026-11-23T19:59:00+08:00')).toBe('day');
    expect(shiftAt('2026-11-23T20:00:00+08:00')).toBe('night');
    expect(shiftAt('2026-11-23T00:30:00Z')).toBe('day'); // 08:30 in Shanghai
    expect(shiftAt('2026-11-23T12:30:00Z')).toBe('night'); // 20:30 in Shanghai
  });
});

describe('the shift handing over', () => {
  it('is the one at the change of shift nearest the instant: just after 20:00 still day → night, just after 08:00 night → day', () => {
    const from = (t: string) => handoverFrom(`2026-11-23T${t}:00+08:00`);
    expect([from('14:00'), from('19:45'), from('20:05'), from('01:59')]).toEqual(['day', 'day', 'day', 'day']);
    expect([from('02:00'), from('07:45'), from('08:05'), from('13:59')]).toEqual(['night', 'night', 'night', 'night']);
    expect(handoverFrom('2026-11-23T12:05:00Z')).toBe('day'); // 20:05 in Shanghai
  });
});

describe('handover at the change of shift', () => {
  const now = '2026-11-23T20:00:00+08:00';
  const loans = [
    loan(umbrella, { quantity: 2 }), // due tomorrow 09:00
    loan(trolley), // due 13:00: overdue
    loan(trolley, { lentAt: '2026-11-23T08:00:00+08:00', dueAt: '2026-11-23T12:00:00+08:00' }), // more overdue
    loan(umbrella, { status: 'returned', returnedAt: '2026-11-23T10:00:00+08:00', condition: 'good' }),
    loan(tape, { status: 'given', dueAt: undefined }),
  ];

  it('lists what is out per item, the overdue loans most overdue first, and counts loans', () => {
    const h = handoverSummary(loans, items, { now, from: 'day' });
    expect(HandoverSummary.safeParse(h).success).toBe(true);
    expect(h).toMatchObject({ at: '2026-11-23T20:00:00+08:00', from: 'day', to: 'night', outCount: 3, overdueCount: 2 });
    expect(h.items).toEqual([
      { itemId: 'umbrella', itemName: umbrella.name, out: 2, overdue: 0 },
      { itemId: 'trolley', itemName: trolley.name, out: 2, overdue: 2 },
    ]);
    expect(h.overdue.map((l) => l.dueAt)).toEqual(['2026-11-23T12:00:00+08:00', '2026-11-23T13:00:00+08:00']);
  });

  it('hands night to day by default, or to whoever is named', () => {
    expect(handoverSummary(loans, items, { now, from: 'night' }).to).toBe('day');
    expect(handoverSummary(loans, items, { now, from: 'day', to: 'day' }).to).toBe('day');
  });

  it('still reports loans of an item the cabinet no longer lists, under the loan register name', () => {
    const gone = loan({ ...umbrella, id: 'old-pump', name: { 'zh-CN': '打气筒' } });
    const h = handoverSummary([gone], items, { now, from: 'day' });
    expect(h.items).toEqual([{ itemId: 'old-pump', itemName: { 'zh-CN': '打气筒' }, out: 1, overdue: 0 }]);
  });

  it('with nothing out there is nothing to hand over', () => {
    expect(handoverSummary([], items, { now, from: 'day' })).toMatchObject({ items: [], overdue: [], outCount: 0, overdueCount: 0 });
  });
});

describe('zero damage, zero loss report', () => {
  const returned = (item: LoanItem, condition: Loan['condition'], at: string, quantity = 1) =>
    loan(item, { status: 'returned', condition, returnedAt: at, quantity });

  it('counts damaged and lost units by the Shanghai month and costs them at unit cost × quantity', () => {
    const loans = [
      returned(umbrella, 'damaged', '2026-10-31T16:30:00Z', 2), // 1 November 00:30 in Shanghai
      returned(umbrella, 'damaged', '2026-10-31T15:30:00Z'), // still October in Shanghai
      returned(umbrella, 'good', '2026-11-10T10:00:00+08:00'),
      loan(trolley, { status: 'lost', history: [{ status: 'out', at: '2026-11-01T09:00:00+08:00' }, { status: 'lost', at: '2026-11-20T09:00:00+08:00' }] }),
      returned(trolley, 'lost', '2026-11-21T09:00:00+08:00'),
      loan(trolley, { status: 'lost', history: [{ status: 'lost', at: '2026-12-01T09:00:00+08:00' }] }),
    ];
    const r = zeroLossReport(loans, items, '2026-11');
    expect(ZeroLossReport.safeParse(r).success).toBe(true);
    expect(r.lines).toEqual([
      { itemId: 'umbrella', itemName: umbrella.name, damaged: 2, lost: 0, cost: 3000 },
      { itemId: 'trolley', itemName: trolley.name, damaged: 0, lost: 2, cost: 6000 },
    ]);
    expect(r).toMatchObject({ month: '2026-11', damaged: 2, lost: 2, cost: 9000 });
  });

  it('a lost item found and returned in good condition is no loss', () => {
    const found = loan(umbrella, {
      status: 'returned',
      condition: 'good',
      returnedAt: '2026-11-25T09:00:00+08:00',
      history: [{ status: 'lost', at: '2026-11-20T09:00:00+08:00' }, { status: 'returned', at: '2026-11-25T09:00:00+08:00' }],
    });
    expect(zeroLossReport([found], items, '2026-11')).toEqual({ month: '2026-11', lines: [], damaged: 0, lost: 0, cost: 0 });
  });

  it('a month with nothing wrong is all zeros', () => {
    expect(zeroLossReport([loan(umbrella)], items, '2026-11')).toEqual({ month: '2026-11', lines: [], damaged: 0, lost: 0, cost: 0 });
  });
});

describe('checking out', () => {
  it('takes units out, never below zero', () => {
    expect(applyCheckout(trolley, 2)).toEqual({ ok: true, available: 0 });
    expect(applyCheckout({ available: 0 }, 1)).toEqual({ ok: false, code: 'out_of_stock' });
    expect(() => applyCheckout(trolley, 0)).toThrow(RangeError);
    fc.assert(
      fc.property(fc.nat(50), fc.integer({ min: 1, max: 100 }), (available, quantity) => {
        const r = applyCheckout({ available }, quantity);
        if (r.ok) expect(r.available).toBe(available - quantity);
        expect(r.ok ? r.available >= 0 : quantity > available).toBe(true);
      }),
    );
  });
});

describe('filtering the register', () => {
  const now = '2026-11-23T20:00:00+08:00';
  const a = loan(umbrella, { household: { building: '3', room: '1201' } });
  const b = loan(trolley, { household: { building: '5', room: '0302' } }); // overdue at 20:00
  const c = loan(umbrella, { status: 'returned', household: { building: '3', room: '1502' } });
  const d = loan(trolley, { status: 'lost', household: { building: '7', room: '0101' } });
  const all = [a, b, c, d];

  it('by state: out includes overdue; all includes lost', () => {
    expect(filterLoans(all, 'out', undefined, now)).toEqual([a, b]);
    expect(filterLoans(all, 'overdue', undefined, now)).toEqual([b]);
    expect(filterLoans(all, 'returned', undefined, now)).toEqual([c]);
    expect(filterLoans(all, 'all', '  ', now)).toEqual(all);
  });

  it('by building, room or item name in either language, ignoring case and spaces', () => {
    expect(filterLoans(all, 'all', '3-12', now)).toEqual([a]);
    expect(filterLoans(all, 'all', '0302', now)).toEqual([b]);
    expect(filterLoans(all, 'all', '雨伞', now)).toEqual([a, c]);
    expect(filterLoans(all, 'all', 'luggage TROLLEY', now)).toEqual([b, d]);
    expect(filterLoans(all, 'out', 'umbrella', now)).toEqual([a]);
    expect(filterLoans(all, 'all', 'nothing like it', now)).toEqual([]);
  });
});
