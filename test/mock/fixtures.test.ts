import { describe, expect, it } from 'vitest';
import { Agreement, Booking, Compound, HelpRequest, Household, Loan, LoanItem, PriceList, HELP_KINDS, PRICE_UNITS } from '@bianmin/sdk/schema';
import { isOverdue } from '@bianmin/sdk/rules';
import { DEMO_RESIDENT_TOKEN, DEMO_STAFF_TOKEN, FIXTURE_IDS, createFixtures } from '@bianmin/mock';
import { T0 } from './helpers.js';

const now = new Date(T0);
const state = createFixtures(now);
const inForce = state.priceLists.find((l) => l.status === 'published');

describe('fixtures', () => {
  it('are deterministic for a given now', () => {
    expect(createFixtures(now)).toEqual(state);
  });

  it('build consistent records for any now: every hour of the turn of the year, and every 37 hours of a year', () => {
    const instants = [
      ...Array.from({ length: 48 }, (_, h) => Date.parse('2026-12-31T00:30:00+08:00') + h * 3_600_000),
      ...Array.from({ length: 240 }, (_, k) => Date.parse('2026-01-01T00:00:00+08:00') + k * 37 * 3_600_000),
    ];
    const broken: string[] = [];
    for (const t of instants) {
      const at = new Date(t);
      const s = createFixtures(at);
      const records = [...s.bookings.map((b) => Booking.safeParse(b)), ...s.loans.map((l) => Loan.safeParse(l)), ...s.priceLists.map((l) => PriceList.safeParse(l))];
      const inForceThen = s.priceLists.filter((l) => l.status === 'published' && Date.parse(l.effectiveFrom) <= t);
      const overdue = s.loans.filter((l) => isOverdue(l, at)).length;
      if (records.some((r) => !r.success) || inForceThen.length !== 1 || overdue !== 1) broken.push(at.toISOString());
    }
    expect(broken).toEqual([]);
  });

  it('pass the contract schemas record by record', () => {
    const bad = [
      ...[state.compound].filter((x) => !Compound.safeParse(x).success),
      ...state.households.filter((x) => !Household.safeParse(x).success),
      ...state.priceLists.filter((x) => !PriceList.safeParse(x).success),
      ...state.bookings.filter((x) => !Booking.safeParse(x).success),
      ...state.agreements.filter((x) => !Agreement.safeParse(x).success),
      ...state.loanItems.filter((x) => !LoanItem.safeParse(x).success),
      ...state.loans.filter((x) => !Loan.safeParse(x).success),
      ...state.helpRequests.filter((x) => !HelpRequest.safeParse(x).success),
    ];
    expect(bad).toEqual([]);
  });

  it('hold one list in force, one superseded and one draft for next year, approved by the general manager', () => {
    expect(state.priceLists.map((l) => l.status).sort()).toEqual(['draft', 'published', 'superseded']);
    expect(inForce?.approvedBy).toBe('公司总经理');
    expect(inForce?.effectiveFrom).toBe('2026-01-01T00:00:00+08:00');
    const draft = state.priceLists.find((l) => l.status === 'draft');
    expect(draft?.year).toBe(2027);
    expect(draft?.items.find((i) => i.id === 'svc-gym')?.price).not.toEqual(inForce?.items.find((i) => i.id === 'svc-gym')?.price);
  });

  it('list at least 60 services in a two-level category tree with every price kind and unit', () => {
    const items = inForce?.items ?? [];
    const cats = inForce?.categories ?? [];
    expect(items.length).toBeGreaterThanOrEqual(60);
    const tops = cats.filter((c) => c.parentId === null);
    const subs = cats.filter((c) => c.parentId !== null);
    expect(tops.map((c) => c.name['zh-CN'])).toEqual(expect.arrayContaining(['咨询', '生活服务', '其他', '会所']));
    expect(subs.every((c) => tops.some((t) => t.id === c.parentId))).toBe(true);
    // Items hang on subcategories only.
    expect(items.every((i) => subs.some((c) => c.id === i.categoryId))).toBe(true);
    expect(new Set(items.map((i) => i.price.kind))).toEqual(new Set(['free', 'fixed', 'per-unit', 'quote', 'labour-materials']));
    const units = new Set(items.flatMap((i) => (i.price.kind === 'per-unit' ? [i.price.unit] : [])));
    expect(PRICE_UNITS.filter((u) => u !== 'time' && !units.has(u))).toEqual([]);
    expect(items.some((i) => (i.price.kind === 'fixed' || i.price.kind === 'per-unit') && i.price.bands?.some((b) => b.name === 'peak'))).toBe(true);
    expect(new Set(items.flatMap((i) => (i.price.kind === 'quote' ? [i.price.basis] : [])))).toEqual(new Set(['inspection', 'market', 'negotiable']));
    expect(items.filter((i) => i.name.en).length / items.length).toBeGreaterThan(0.9);
  });

  it('price the clubhouse as seed 000 does, and staff the rooms as seed 003 does', () => {
    const item = (id: string) => inForce?.items.find((i) => i.id === id);
    expect(item('svc-gym')?.price).toEqual({ kind: 'fixed', amount: 2000 });
    expect(item('svc-table-tennis')?.price).toEqual({ kind: 'fixed', amount: 500 });
    expect(item('svc-chess-room')?.price).toMatchObject({ kind: 'per-unit', unit: 'person-hour', amount: 300 });
    expect(item('svc-aerobics-course')?.price).toMatchObject({ kind: 'per-unit', unit: 'person', amount: 20000 });
    expect(item('svc-piano-course')?.price).toEqual({ kind: 'quote', basis: 'market' });
    expect(item(FIXTURE_IDS.largeRoom)?.room).toMatchObject({ size: 'large', openEarlyMinutes: 20, confirmBeforeMinutes: 20 });
    expect(item(FIXTURE_IDS.smallRoom)?.room).toMatchObject({ size: 'small', openEarlyMinutes: 30, confirmBeforeMinutes: 10 });
    expect(item(FIXTURE_IDS.slotService)?.slots?.capacity).toBe(1);
    expect(item(FIXTURE_IDS.quoteService)?.price.kind).toBe('quote');
  });

  it('leave staff time to open a room before its next booking (seed 003): a buffer of at least openEarlyMinutes', () => {
    const rooms = (inForce?.items ?? []).filter((i) => i.room && i.slots);
    expect(rooms.length).toBeGreaterThan(2);
    for (const r of rooms) expect(r.slots!.bufferMinutes, r.id).toBeGreaterThanOrEqual(r.room!.openEarlyMinutes);
  });

  it('stock the cabinet of seed 000 at its costs, with available = total − out, lost or given', () => {
    const cost = state.loanItems.reduce((sum, i) => sum + i.unitCost * i.total, 0);
    expect(cost + 28000).toBe(70000); // + the 280-yuan cabinet: 700 yuan in all
    for (const it of state.loanItems) {
      const away = state.loans
        .filter((l) => l.itemId === it.id && (l.status === 'out' || l.status === 'lost' || l.status === 'given'))
        .reduce((n, l) => n + l.quantity, 0);
      expect({ id: it.id, available: it.available }).toEqual({ id: it.id, available: it.total - away });
    }
    expect(state.loanItems.find((i) => i.id === 'li-umbrella')?.total).toBe(5);
    expect(state.loanItems.find((i) => i.id === 'li-poncho')?.total).toBe(3);
    expect(state.loanItems.find((i) => i.id === 'li-trolley')?.total).toBe(2);
  });

  it('have exactly one overdue loan, returned ones, and one returned damaged', () => {
    expect(state.loans.filter((l) => isOverdue(l, now)).map((l) => l.itemId)).toEqual([FIXTURE_IDS.overdueLoanItem]);
    expect(state.loans.filter((l) => l.status === 'returned').length).toBeGreaterThanOrEqual(3);
    expect(state.loans.filter((l) => l.condition === 'damaged')).toHaveLength(1);
  });

  it('record help requests of all seven kinds, some resolved and one referred', () => {
    expect(new Set(state.helpRequests.map((h) => h.kind))).toEqual(new Set(HELP_KINDS));
    expect(state.helpRequests.filter((h) => h.status === 'referred')).toHaveLength(1);
    expect(state.helpRequests.filter((h) => h.status === 'resolved').length).toBeGreaterThanOrEqual(2);
  });

  it('keep a long-term housekeeping agreement with seed 004 terms', () => {
    expect(state.agreements.find((a) => a.id === FIXTURE_IDS.agreement)).toMatchObject({
      noticeDays: 3,
      latePenaltyPercent: 20,
      status: 'active',
      workDays: [1, 2, 3, 4, 5, 6],
    });
  });

  it('book past and upcoming services, with and without feedback, and monthly ones for statements', () => {
    const statuses = new Set(state.bookings.map((b) => b.status));
    for (const s of ['completed', 'confirmed', 'requested', 'quote-requested', 'cancelled']) expect(statuses.has(s as never)).toBe(true);
    const done = state.bookings.filter((b) => b.status === 'completed');
    expect(done.some((b) => b.feedback) && done.some((b) => !b.feedback)).toBe(true);
    expect(done.filter((b) => b.settlement === 'monthly').length).toBeGreaterThanOrEqual(3);
    expect(state.bookings.every((b) => /^BM-\d{8}-\d{4}$/.test(b.number))).toBe(true);
  });

  it('settle as the households may: tenants prepay (seed 001), owners per visit or monthly', () => {
    const occupancy = new Map(state.households.map((h) => [h.id, h.occupancy]));
    const tenants = state.bookings.filter((b) => occupancy.get(b.householdId) === 'tenant');
    expect(tenants.length).toBeGreaterThan(0);
    expect(tenants.filter((b) => b.settlement !== 'prepaid').map((b) => b.number)).toEqual([]);
    const owners = state.bookings.filter((b) => occupancy.get(b.householdId) === 'owner');
    expect(owners.filter((b) => b.settlement === 'prepaid').map((b) => b.number)).toEqual([]);
  });

  it('name the demo tokens after a real household and staff member', () => {
    expect(state.households.some((h) => `resident.${h.id}` === DEMO_RESIDENT_TOKEN)).toBe(true);
    expect(state.staff.some((s) => `staff.${s.id}` === DEMO_STAFF_TOKEN)).toBe(true);
    expect(state.households.map((h) => h.type)).toEqual(expect.arrayContaining(['household', 'office', 'shop']));
    expect(state.households.map((h) => h.occupancy)).toEqual(expect.arrayContaining(['owner', 'tenant']));
  });
});
