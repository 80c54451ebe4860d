import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Quote, type PriceBand, type PriceRule, type QuoteInput } from '@bianmin/sdk/schema';
import { formatInstant, matchBand, quote, quotedPrice, withMaterials } from '@bianmin/sdk/rules';

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const fen = fc.integer({ min: 0, max: 20_000 });
const band: fc.Arbitrary<PriceBand> = fc.record({
  name: fc.constantFrom('peak' as const, 'off-peak' as const),
  days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  from: fc.integer({ min: 0, max: 1439 }).map(hhmm),
  to: fc.integer({ min: 1, max: 1440 }).map(hhmm),
  amount: fen,
});
const bands = fc.option(fc.array(band, { maxLength: 3 }), { nil: undefined });
const rule: fc.Arbitrary<PriceRule> = fc.oneof(
  fc.constant({ kind: 'free' as const }),
  fc.record({ kind: fc.constant('fixed' as const), amount: fen, bands }),
  fc.record({
    kind: fc.constant('per-unit' as const),
    unit: fc.constantFrom('time', 'hour', 'person', 'person-hour', 'item', 'm2', 'kg', 'day', 'month', 'set'),
    amount: fen,
    minQuantity: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    bands,
  }),
  fc.record({
    kind: fc.constant('quote' as const),
    basis: fc.constantFrom('inspection', 'market', 'negotiable'),
    from: fc.option(fen, { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('labour-materials' as const), labour: fen, labourUnit: fc.constantFrom('time', 'hour') }),
);
const instant = fc
  .tuple(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }), fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York'))
  .map(([ms, tz]) => formatInstant(ms, tz));
const input: fc.Arbitrary<QuoteInput> = fc.record({
  // Small counts often, so minimum quantities are hit and just missed.
  quantity: fc.option(fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 10_000 })), { nil: undefined }),
  people: fc.option(fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 1_000 })), { nil: undefined }),
  hours: fc.option(fc.integer({ min: 1, max: 24 }), { nil: undefined }),
  at: fc.option(instant, { nil: undefined }),
  materials: fc.option(fc.integer({ min: 0, max: 100_000_000 }), { nil: undefined }),
});
const slots = fc.option(fc.record({ durationMinutes: fc.integer({ min: 5, max: 1440 }) }), { nil: undefined });

describe('quote: properties over random rules and inputs', () => {
  it('every amount is a safe non-negative integer, each line is unitAmount × quantity, the lines sum to the total', () => {
    fc.assert(
      fc.property(rule, input, slots, (price, inp, s) => {
        const q = quote({ price, slots: s }, inp);
        expect(Quote.safeParse(q).success).toBe(true);
        let sum = 0;
        for (const l of q.lines) {
          for (const n of [l.unitAmount, l.quantity, l.amount]) {
            expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
          }
          expect(l.amount).toBe(l.unitAmount * l.quantity);
          expect(l.label['zh-CN'].length).toBeGreaterThan(0);
          expect(l.label.en?.length).toBeGreaterThan(0);
          sum += l.amount;
        }
        expect(q.total).toBe(sum);
      }),
    );
  });

  it('the basis follows the rule: free, exact, from, on-inspection', () => {
    fc.assert(
      fc.property(rule, input, slots, (price, inp, s) => {
        const q = quote({ price, slots: s }, inp);
        switch (price.kind) {
          case 'free':
            expect(q).toMatchObject({ basis: 'free', total: 0 });
            break;
          case 'fixed':
            expect(q.basis).toBe('exact');
            expect(q.lines).toHaveLength(1);
            expect(q.lines[0]?.quantity).toBe(inp.quantity ?? 1);
            break;
          case 'per-unit': {
            expect(q.basis).toBe('exact');
            const unitAmount = q.lines[0]?.unitAmount ?? 0;
            expect(q.total).toBeGreaterThanOrEqual((price.minQuantity ?? 1) * unitAmount);
            expect(q.lines.every((l) => l.unitAmount === unitAmount)).toBe(true);
            break;
          }
          case 'quote':
            expect(q.basis).toBe(price.from === undefined ? 'on-inspection' : 'from');
            expect(q.total).toBe(price.from ?? 0);
            break;
          case 'labour-materials':
            expect(q.basis).toBe(inp.materials === undefined ? 'from' : 'exact');
            expect(q.lines.find((l) => l.code === 'materials')?.amount).toBe(inp.materials);
            break;
        }
      }),
    );
  });

  it('a band line is used exactly when a band matches the start', () => {
    fc.assert(
      fc.property(rule, input, (price, inp) => {
        if (price.kind !== 'fixed' && price.kind !== 'per-unit') return;
        const q = quote({ price }, inp);
        const b = matchBand(price.bands, inp.at);
        expect(q.lines[0]?.code).toBe(b ? b.name : 'base');
        expect(q.lines[0]?.unitAmount).toBe(b ? b.amount : price.amount);
      }),
    );
  });
});

describe('quote: the price shapes of the seeds', () => {
  it('free: no lines, total 0', () => {
    expect(quote({ price: { kind: 'free' } }, {})).toEqual({ currency: 'CNY', basis: 'free', lines: [], total: 0 });
  });

  it('fixed: gym 20 yuan a time, times the quantity', () => {
    const q = quote({ price: { kind: 'fixed', amount: 2000 } }, { quantity: 3 });
    expect(q.lines).toEqual([{ code: 'base', label: { 'zh-CN': '服务费', en: 'Service' }, unitAmount: 2000, quantity: 3, amount: 6000 }]);
    expect(q.total).toBe(6000);
  });

  it('per person-hour: chess room, 4 people for 2 hours at 3 yuan', () => {
    const q = quote({ price: { kind: 'per-unit', unit: 'person-hour', amount: 300 } }, { people: 4, hours: 2 });
    expect(q.lines[0]).toMatchObject({ quantity: 8, amount: 2400 });
    expect(q.total).toBe(2400);
  });

  it('per person-hour: hours come from a whole-hour slot when not given, else 1', () => {
    const price: PriceRule = { kind: 'per-unit', unit: 'person-hour', amount: 300 };
    expect(quote({ price, slots: { durationMinutes: 120 } }, { people: 3 }).total).toBe(1800);
    expect(quote({ price, slots: { durationMinutes: 90 } }, { people: 3 }).total).toBe(900);
    expect(quote({ price }, {}).total).toBe(300);
  });

  it('per person, per hour and per item use people, hours and quantity', () => {
    expect(quote({ price: { kind: 'per-unit', unit: 'person', amount: 20000 } }, { people: 3, quantity: 9 }).total).toBe(60000);
    expect(quote({ price: { kind: 'per-unit', unit: 'person', amount: 20000 } }, { quantity: 2 }).total).toBe(40000);
    expect(quote({ price: { kind: 'per-unit', unit: 'hour', amount: 3500 } }, { hours: 3, quantity: 7 }).total).toBe(10500);
    expect(quote({ price: { kind: 'per-unit', unit: 'hour', amount: 3500 }, slots: { durationMinutes: 120 } }, {}).total).toBe(7000);
    expect(quote({ price: { kind: 'per-unit', unit: 'm2', amount: 350 } }, { quantity: 80, people: 5 }).total).toBe(28000);
  });

  it('below the minimum quantity, the shortfall is a separate minimum line', () => {
    const q = quote({ price: { kind: 'per-unit', unit: 'person-hour', amount: 300, minQuantity: 4 } }, { people: 1, hours: 1 });
    expect(q.lines.map((l) => [l.code, l.quantity, l.amount])).toEqual([
      ['base', 1, 300],
      ['minimum', 3, 900],
    ]);
    expect(q.total).toBe(1200);
    expect(quote({ price: { kind: 'per-unit', unit: 'item', amount: 300, minQuantity: 4 } }, { quantity: 3 }).lines.map((l) => [l.code, l.quantity])).toEqual([
      ['base', 3],
      ['minimum', 1],
    ]);
    expect(quote({ price: { kind: 'per-unit', unit: 'item', amount: 300, minQuantity: 4 } }, { quantity: 4 }).lines).toHaveLength(1);
    expect(quote({ price: { kind: 'per-unit', unit: 'item', amount: 300, minQuantity: 4 } }, { quantity: 5 }).lines).toHaveLength(1);
  });

  describe('peak and off-peak bands, read in Shanghai time', () => {
    const price: PriceRule = {
      kind: 'fixed',
      amount: 2000,
      bands: [
        { name: 'peak', days: [6, 7], from: '09:00', to: '12:00', amount: 3000 },
        { name: 'off-peak', days: [1, 2, 3, 4, 5, 6, 7], from: '22:00', to: '06:00', amount: 1000 },
      ],
    };
    const lineAt = (at: string) => quote({ price }, { at }).lines[0];

    it('Saturday 09:00 Shanghai is peak, though it is still Friday in UTC', () => {
      expect(lineAt('2026-11-28T01:00:00Z')).toMatchObject({ code: 'peak', unitAmount: 3000, amount: 3000 });
      expect(lineAt('2026-11-27T20:00:00-05:00')).toMatchObject({ code: 'peak' });
    });

    it('the band start is inclusive and its end exclusive', () => {
      expect(lineAt('2026-11-28T08:59:00+08:00')?.code).toBe('base');
      expect(lineAt('2026-11-28T11:59:00+08:00')?.code).toBe('peak');
      expect(lineAt('2026-11-28T12:00:00+08:00')?.code).toBe('base');
    });

    it('weekdays outside the band pay the base price', () => {
      expect(lineAt('2026-11-27T10:00:00+08:00')).toMatchObject({ code: 'base', unitAmount: 2000 });
    });

    it('a band that ends before it starts runs past midnight', () => {
      expect(lineAt('2026-11-24T23:00:00+08:00')?.code).toBe('off-peak');
      expect(lineAt('2026-11-24T05:59:00+08:00')?.code).toBe('off-peak');
      expect(lineAt('2026-11-24T06:00:00+08:00')?.code).toBe('base');
    });

    it('a band past midnight belongs to the night it starts: Saturday night runs into Sunday morning', () => {
      const saturdayNight: PriceRule = { kind: 'fixed', amount: 2000, bands: [{ name: 'peak', days: [6], from: '22:00', to: '06:00', amount: 9000 }] };
      const at = (t: string) => quote({ price: saturdayNight }, { at: t }).lines[0]?.code;
      expect(at('2026-11-28T23:00:00+08:00')).toBe('peak'); // Saturday 23:00
      expect(at('2026-11-29T01:00:00+08:00')).toBe('peak'); // Sunday 01:00: still Saturday night
      expect(at('2026-11-29T06:00:00+08:00')).toBe('base');
      expect(at('2026-11-28T01:00:00+08:00')).toBe('base'); // Saturday 01:00 is Friday night
      expect(at('2026-11-29T23:00:00+08:00')).toBe('base'); // Sunday night
      // Sunday night runs into Monday: the week wraps.
      const sundayNight: PriceRule = { ...saturdayNight, bands: [{ name: 'peak', days: [7], from: '22:00', to: '06:00', amount: 9000 }] };
      expect(quote({ price: sundayNight }, { at: '2026-11-30T02:00:00+08:00' }).lines[0]?.code).toBe('peak');
      expect(quote({ price: sundayNight }, { at: '2026-11-23T02:00:00+08:00' }).lines[0]?.code).toBe('peak');
      expect(quote({ price: sundayNight }, { at: '2026-11-29T02:00:00+08:00' }).lines[0]?.code).toBe('base');
    });

    it('without a start time there is no band', () => {
      expect(quote({ price }, {}).lines[0]?.code).toBe('base');
    });
  });

  it('quote: a "from" price is a lower bound; without one, nothing until inspection', () => {
    expect(quote({ price: { kind: 'quote', basis: 'inspection', from: 5000 } }, { quantity: 4 })).toMatchObject({
      basis: 'from',
      total: 5000,
      lines: [{ code: 'base', unitAmount: 5000, quantity: 1, amount: 5000 }],
    });
    expect(quote({ price: { kind: 'quote', basis: 'negotiable' } }, {})).toEqual({ currency: 'CNY', basis: 'on-inspection', lines: [], total: 0 });
  });

  it('labour and materials: labour per time or per hour, materials at cost once known', () => {
    const perTime: PriceRule = { kind: 'labour-materials', labour: 3000, labourUnit: 'time' };
    expect(quote({ price: perTime }, { quantity: 2 })).toMatchObject({ basis: 'from', total: 6000 });
    const q = quote({ price: perTime }, { quantity: 2, materials: 1250 });
    expect(q.basis).toBe('exact');
    expect(q.lines.map((l) => [l.code, l.unitAmount, l.quantity, l.amount])).toEqual([
      ['labour', 3000, 2, 6000],
      ['materials', 1250, 1, 1250],
    ]);
    expect(q.total).toBe(7250);
    const perHour: PriceRule = { kind: 'labour-materials', labour: 4000, labourUnit: 'hour' };
    expect(quote({ price: perHour }, { hours: 3, quantity: 9 }).total).toBe(12000);
    expect(quote({ price: perHour, slots: { durationMinutes: 120 } }, {}).total).toBe(8000);
    expect(quote({ price: perHour, slots: { durationMinutes: 45 } }, {}).total).toBe(4000);
  });

  it('refuses a total above the largest amount the contract accepts', () => {
    expect(() => quote({ price: { kind: 'per-unit', unit: 'item', amount: 1_000_000_000 } }, { quantity: 2 })).toThrow(RangeError);
  });
});

describe('settling a price (seed 001)', () => {
  it('a quoted price is one exact line; materials make labour exact, replacing any earlier materials line', () => {
    expect(quotedPrice(15000)).toMatchObject({ basis: 'exact', total: 15000, lines: [{ code: 'base', unitAmount: 15000, quantity: 1, amount: 15000 }] });
    const labour = quote({ price: { kind: 'labour-materials', labour: 3000, labourUnit: 'time' } }, {});
    expect(labour).toMatchObject({ basis: 'from', total: 3000 });
    const done = withMaterials(labour, 4550);
    expect(done).toMatchObject({ basis: 'exact', total: 7550 });
    expect(withMaterials(done, 1000).lines.map((l) => [l.code, l.amount])).toEqual([['labour', 3000], ['materials', 1000]]);
    expect(() => quotedPrice(1.5)).toThrow(RangeError);
  });
});
