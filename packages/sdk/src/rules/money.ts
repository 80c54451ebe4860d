/**
 * Money is CNY in integer fen (分): arithmetic multiplies and adds integers only, and display goes
 * through Intl.NumberFormat, never string concatenation of amounts (DOMAIN "Money and time").
 */
import type { PriceBand, PriceRule, PriceUnit } from '../schema/catalog.js';
import type { Locale } from '../schema/common.js';

/** The largest amount the contract accepts (`Fen` in schema/common.ts): ten million yuan. */
export const MAX_FEN = 1_000_000_000;

function assertInt(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
}

/** Sum of amounts in fen; throws a RangeError on a non-integer (or unsafe) value or total. */
export function sumFen(values: readonly number[]): number {
  let total = 0;
  for (const v of values) {
    assertInt(v, 'an amount in fen');
    total += v;
  }
  assertInt(total, 'a total in fen');
  return total;
}

/** `fen × quantity` for non-negative integers; throws a RangeError when either is not, or the product is unsafe. */
export function mulFen(fen: number, quantity: number): number {
  assertInt(fen, 'an amount in fen');
  assertInt(quantity, 'a quantity');
  if (fen < 0 || quantity < 0) throw new RangeError('amounts and quantities are never negative');
  const product = fen * quantity;
  assertInt(product, 'a product in fen');
  return product;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** "¥20", "¥3.50": whole yuan without decimals, otherwise two. Throws a RangeError on a non-integer. */
export function formatMoney(fen: number, locale: Locale): string {
  assertInt(fen, 'an amount in fen');
  const digits = fen % 100 === 0 ? 0 : 2;
  const key = `${locale}|${digits}`;
  let f = moneyFormats.get(key);
  if (!f) {
    // narrowSymbol: "¥" in English too (the plain symbol there is "CN¥").
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'CNY',
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(key, f);
  }
  // Display only: fen / 100 is exact to two decimals for every safe integer the contract allows.
  return f.format(fen / 100);
}

/** Each unit's name, `"zh en"` (one string each: fewer bytes in the browser bundle). */
const UNITS: Record<PriceUnit, string> = {
  time: '次 visit',
  hour: '小时 hour',
  person: '人 person',
  'person-hour': '人·小时 person-hour',
  item: '件 item',
  m2: '平方米 m²',
  kg: '公斤 kg',
  day: '天 day',
  month: '月 month',
  set: '套 set',
  page: '页 page',
  machine: '台 unit',
};

/** The name of a price unit: "人·小时" / "person-hour". */
export function unitLabel(unit: PriceUnit, locale: Locale): string {
  return UNITS[unit].split(' ')[locale === 'en' ? 1 : 0]!;
}

/** "¥20/次" / "¥20 per visit". */
function perUnit(fen: number, unit: PriceUnit, locale: Locale): string {
  const money = formatMoney(fen, locale);
  return locale === 'en' ? `${money} per ${unitLabel(unit, locale)}` : `${money}/${unitLabel(unit, locale)}`;
}

/**
 * THE price formatter shared by the menu, the booking form and the fee board. A rule with bands shows
 * its base price here; `formatPriceBands` lists the bands.
 */
export function formatPrice(rule: PriceRule, locale: Locale): string {
  const en = locale === 'en';
  switch (rule.kind) {
    case 'free':
      return en ? 'Free' : '免费';
    case 'fixed':
      return perUnit(rule.amount, 'time', locale);
    case 'per-unit': {
      // A minimum is charged (quote.ts), so it is published with the price: open and public (seed 001).
      const price = perUnit(rule.amount, rule.unit, locale);
      const min = rule.minQuantity ?? 1;
      return min < 2 ? price : en ? `${price}, min. ${min}` : `${price}（${min}${unitLabel(rule.unit, locale)}起）`;
    }
    case 'quote':
      if (rule.from !== undefined) return en ? `from ${formatMoney(rule.from, locale)}` : `${formatMoney(rule.from, locale)}起`;
      if (rule.basis === 'negotiable') return en ? 'Negotiable' : '面议';
      if (rule.basis === 'market') return en ? 'Market price' : '按市场价';
      return en ? 'Quoted on inspection' : '上门报价';
    case 'labour-materials': {
      const labour = perUnit(rule.labour, rule.labourUnit, locale);
      return en ? `Labour ${labour} + materials at cost` : `人工${labour} + 材料按实`;
    }
  }
}

const DAY_NAMES: [zh: readonly string[], en: readonly string[]] = [
  ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
];

/** ISO weekdays as runs: "周一至周五、周日" / "Mon–Fri, Sun"; all seven: "每天" / "Every day". */
export function formatWeekdays(days: readonly number[], locale: Locale): string {
  const en = locale === 'en';
  const names = DAY_NAMES[en ? 1 : 0];
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (sorted.length === 7) return en ? 'Every day' : '每天';
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    const a = names[(sorted[i] ?? 1) - 1];
    runs.push(j > i ? `${a}${en ? '–' : '至'}${names[(sorted[j] ?? 1) - 1]}` : `${a}`);
    i = j + 1;
  }
  return runs.join(en ? ', ' : '、');
}

/** One band: "高峰 周六至周日 09:00–12:00 ¥30/次" / "Peak Sat–Sun 09:00–12:00 ¥30 per visit". */
export function formatPriceBand(band: PriceBand, unit: PriceUnit, locale: Locale): string {
  const en = locale === 'en';
  const name = band.name === 'peak' ? (en ? 'Peak' : '高峰') : en ? 'Off-peak' : '低峰';
  return `${name} ${formatWeekdays(band.days, locale)} ${band.from}–${band.to} ${perUnit(band.amount, unit, locale)}`;
}

/** The peak / off-peak lines of a rule (seed 003), empty when it has none. */
export function formatPriceBands(rule: PriceRule, locale: Locale): string[] {
  if (rule.kind !== 'fixed' && rule.kind !== 'per-unit') return [];
  const unit = rule.kind === 'fixed' ? 'time' : rule.unit;
  return (rule.bands ?? []).map((band) => formatPriceBand(band, unit, locale));
}
