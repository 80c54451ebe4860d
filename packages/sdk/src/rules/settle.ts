/**
 * What a booking costs once the office has settled its price (seed 001: repairs charge labour plus
 * materials at cost; a service quoted on inspection, at market price or by negotiation is quoted
 * before it is done). The month's statement bills these exact totals (statements.ts).
 */
import type { Quote } from '../schema/booking.js';
import { build, line } from './quote-lines.js';

/** The price the office quoted after the inspection, in fen: an exact quote of one line. */
export function quotedPrice(price: number): Quote {
  return build('exact', [line('base', price, 1)]);
}

/** A labour-plus-materials quote with what the materials cost, in fen: exact from then on. */
export function withMaterials(quote: Quote, materials: number): Quote {
  return build('exact', [...quote.lines.filter((l) => l.code !== 'materials'), line('materials', materials, 1)]);
}
