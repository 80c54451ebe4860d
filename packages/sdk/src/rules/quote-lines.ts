/**
 * The lines a quote is made of, shared by `quote()` (what a booking will cost) and `settle.ts` (what
 * it costs once the office has quoted it or the materials are known). Internal: not re-exported.
 */
import type { LocalizedText } from '../schema/common.js';
import type { Quote, QuoteLine } from '../schema/booking.js';
import { MAX_FEN, mulFen, sumFen } from './money.js';

type LineCode = QuoteLine['code'];

/** The label of each kind of quote line, in both locales. */
export const QUOTE_LINE_LABELS: Readonly<Record<LineCode, LocalizedText>> = {
  base: { 'zh-CN': '服务费', en: 'Service' },
  peak: { 'zh-CN': '高峰时段', en: 'Peak hours' },
  'off-peak': { 'zh-CN': '低峰时段', en: 'Off-peak hours' },
  labour: { 'zh-CN': '人工费', en: 'Labour' },
  materials: { 'zh-CN': '材料费（按实）', en: 'Materials at cost' },
  minimum: { 'zh-CN': '最低计费补足', en: 'Minimum charge' },
};

/** One line, `unitAmount × quantity`. */
export function line(code: LineCode, unitAmount: number, quantity: number): QuoteLine {
  return { code, label: QUOTE_LINE_LABELS[code], unitAmount, quantity, amount: mulFen(unitAmount, quantity) };
}

/** A quote of these lines; throws a RangeError above `MAX_FEN`. */
export function build(basis: Quote['basis'], lines: QuoteLine[]): Quote {
  const total = sumFen(lines.map((l) => l.amount));
  if (total > MAX_FEN) throw new RangeError(`a quote of ${total} fen is above MAX_FEN`);
  return { currency: 'CNY', basis, lines, total };
}
