import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PRICE_UNITS, type PriceRule } from '@bianmin/sdk/schema';
import { formatMoney, formatPrice, formatPriceBands, formatWeekdays, mulFen, sumFen, unitLabel } from '@bianmin/sdk/rules';

describe('formatMoney', () => {
  it('shows whole yuan without decimals and anything else with two', () => {
    expect(formatMoney(2000, 'zh-CN')).toBe('¥20');
    expect(formatMoney(350, 'zh-CN')).toBe('¥3.50');
    expect(formatMoney(2000, 'en')).toBe('¥20');
    expect(formatMoney(1, 'en')).toBe('¥0.01');
    expect(formatMoney(0, 'zh-CN')).toBe('¥0');
    expect(formatMoney(123456789, 'en')).toBe('¥1,234,567.89');
  });

  it('throws a RangeError for a non-integer or unsafe amount', () => {
    expect(() => formatMoney(3.5, 'zh-CN')).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN, 'zh-CN')).toThrow(RangeError);
    expect(() => formatMoney(2 ** 53, 'en')).toThrow(RangeError);
  });

  it('shows exactly the yuan and fen of any amount (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (fen) => {
        const yuan = Math.floor(fen / 100);
        const cents = fen % 100;
        const expected = cents === 0 ? `¥${yuan.toLocaleString('en')}` : `¥${yuan.toLocaleString('en')}.${String(cents).padStart(2, '0')}`;
        expect(formatMoney(fen, 'en')).toBe(expected);
      }),
    );
  });
});

describe('unitLabel', () => {
  it('names every unit in both locales', () => {
    expect([...PRICE_UNITS]).toEqual(['time', 'hour', 'person', 'person-hour', 'item', 'm2', 'kg', 'day', 'month', 'set', 'page', 'machine']);
    const zh = PRICE_UNITS.map((u) => unitLabel(u, 'zh-CN'));
    expect(zh).toEqual(['次', '小时', '人', '人·小时', '件', '平方米', '公斤', '天', '月', '套', '页', '台']);
    const en = PRICE_UNITS.map((u) => unitLabel(u, 'en'));
    expect(en).toEqual(['visit', 'hour', 'person', 'person-hour', 'item', 'm²', 'kg', 'day', 'month', 'set', 'page', 'unit']);
  });

  it('prices a copy per page and an air conditioner per machine, as the public notice must say (not 件)', () => {
    expect(formatPrice({ kind: 'per-unit', unit: 'page', amount: 50 }, 'zh-CN')).toBe('¥0.50/页');
    expect(formatPrice({ kind: 'per-unit', unit: 'machine', amount: 6000 }, 'zh-CN')).toBe('¥60/台');
    expect(formatPrice({ kind: 'per-unit', unit: 'machine', amount: 6000 }, 'en')).toBe('¥60 per unit');
  });
});

describe('formatPrice: the one price text of menu, form and fee board', () => {
  const cases: Array<[PriceRule, string, string]> = [
    [{ kind: 'free' }, '免费', 'Free'],
    [{ kind: 'fixed', amount: 2000 }, '¥20/次', '¥20 per visit'],
    [{ kind: 'fixed', amount: 500 }, '¥5/次', '¥5 per visit'],
    [{ kind: 'per-unit', unit: 'person-hour', amount: 300 }, '¥3/人·小时', '¥3 per person-hour'],
    [{ kind: 'per-unit', unit: 'person', amount: 20000 }, '¥200/人', '¥200 per person'],
    [{ kind: 'per-unit', unit: 'm2', amount: 350 }, '¥3.50/平方米', '¥3.50 per m²'],
    // A minimum is charged, so it is published with the price (seed 001: prices are open and public).
    [{ kind: 'per-unit', unit: 'm2', amount: 400, minQuantity: 30 }, '¥4/平方米（30平方米起）', '¥4 per m², min. 30'],
    [{ kind: 'per-unit', unit: 'hour', amount: 3500, minQuantity: 2 }, '¥35/小时（2小时起）', '¥35 per hour, min. 2'],
    [{ kind: 'per-unit', unit: 'hour', amount: 3500, minQuantity: 1 }, '¥35/小时', '¥35 per hour'],
    [{ kind: 'quote', basis: 'inspection', from: 5000 }, '¥50起', 'from ¥50'],
    [{ kind: 'quote', basis: 'market', from: 5000 }, '¥50起', 'from ¥50'],
    [{ kind: 'quote', basis: 'negotiable' }, '面议', 'Negotiable'],
    [{ kind: 'quote', basis: 'market' }, '按市场价', 'Market price'],
    [{ kind: 'quote', basis: 'inspection' }, '上门报价', 'Quoted on inspection'],
    [{ kind: 'labour-materials', labour: 3000, labourUnit: 'time' }, '人工¥30/次 + 材料按实', 'Labour ¥30 per visit + materials at cost'],
    [{ kind: 'labour-materials', labour: 4000, labourUnit: 'hour' }, '人工¥40/小时 + 材料按实', 'Labour ¥40 per hour + materials at cost'],
  ];
  for (const [rule, zh, en] of cases) {
    it(`${JSON.stringify(rule)} → "${zh}" / "${en}"`, () => {
      expect(formatPrice(rule, 'zh-CN')).toBe(zh);
      expect(formatPrice(rule, 'en')).toBe(en);
    });
  }

  it('shows the base price of a banded rule and lists the bands separately', () => {
    const rule: PriceRule = {
      kind: 'fixed',
      amount: 2000,
      bands: [
        { name: 'peak', days: [6, 7], from: '09:00', to: '12:00', amount: 3000 },
        { name: 'off-peak', days: [1, 2, 3, 4, 5], from: '13:00', to: '17:00', amount: 1500 },
      ],
    };
    expect(formatPrice(rule, 'zh-CN')).toBe('¥20/次');
    expect(formatPriceBands(rule, 'zh-CN')).toEqual(['高峰 周六至周日 09:00–12:00 ¥30/次', '低峰 周一至周五 13:00–17:00 ¥15/次']);
    expect(formatPriceBands(rule, 'en')).toEqual(['Peak Sat–Sun 09:00–12:00 ¥30 per visit', 'Off-peak Mon–Fri 13:00–17:00 ¥15 per visit']);
  });

  it('prices per-unit bands in the rule unit, and rules without bands have no band lines', () => {
    const rule: PriceRule = { kind: 'per-unit', unit: 'hour', amount: 300, bands: [{ name: 'peak', days: [5], from: '18:00', to: '24:00', amount: 450 }] };
    expect(formatPriceBands(rule, 'zh-CN')).toEqual(['高峰 周五 18:00–24:00 ¥4.50/小时']);
    expect(formatPriceBands({ kind: 'fixed', amount: 2000 }, 'en')).toEqual([]);
    expect(formatPriceBands({ kind: 'free' }, 'en')).toEqual([]);
  });

  it('writes weekday sets as runs', () => {
    expect(formatWeekdays([1, 2, 3, 5, 7], 'zh-CN')).toBe('周一至周三、周五、周日');
    expect(formatWeekdays([7, 6], 'en')).toBe('Sat–Sun');
    expect(formatWeekdays([1, 2, 3, 4, 5, 6, 7], 'zh-CN')).toBe('每天');
    expect(formatWeekdays([1, 2, 3, 4, 5, 6, 7], 'en')).toBe('Every day');
  });
});

describe('integer money arithmetic', () => {
  it('sums integers exactly (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { maxLength: 200 }), (values) => {
        const total = sumFen(values);
        expect(Number.isSafeInteger(total)).toBe(true);
        expect(total).toBe(values.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it('throws on a non-integer anywhere in the list (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 })),
        fc.double({ noInteger: true, noNaN: false }),
        fc.nat(),
        (values, bad, at) => {
          const list = [...values];
          list.splice(at % (list.length + 1), 0, bad);
          expect(() => sumFen(list)).toThrow(RangeError);
        },
      ),
    );
  });

  it('throws when a sum leaves the safe integers', () => {
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });

  it('multiplies only non-negative integers', () => {
    expect(mulFen(2000, 3)).toBe(6000);
    expect(() => mulFen(20.5, 2)).toThrow(RangeError);
    expect(() => mulFen(2000, 1.5)).toThrow(RangeError);
    expect(() => mulFen(-1, 2)).toThrow(RangeError);
    expect(() => mulFen(2 ** 40, 2 ** 20)).toThrow(RangeError);
  });
});
