import * as z from 'zod/mini';
import { object } from './formats.js';
import { PriceRule } from './catalog.js';
import { Id, Instant, LocalizedText, ServicePhone } from './common.js';

/** A row on a public price board: no personal data can be expressed here. */
export const FeeBoardRow = object({
  serviceId: Id,
  name: LocalizedText,
  price: PriceRule,
  note: z.optional(LocalizedText),
});
export type FeeBoardRow = z.infer<typeof FeeBoardRow>;

export const FeeBoardSection = object({
  categoryId: Id,
  title: LocalizedText,
  rows: z.array(FeeBoardRow),
});
export type FeeBoardSection = z.infer<typeof FeeBoardSection>;

/** One published price list as a board shows it (收费标准公示). */
export const FeeBoardList = object({
  priceListId: Id,
  version: z.string(),
  effectiveFrom: Instant,
  sections: z.array(FeeBoardSection),
  notes: z.array(LocalizedText),
});
export type FeeBoardList = z.infer<typeof FeeBoardList>;

/** What a lobby screen fetches: the list in force, and the next one if it is already published. */
export const FeeBoard = object({
  compound: object({ name: LocalizedText, servicePhone: ServicePhone }),
  current: FeeBoardList,
  upcoming: z.optional(FeeBoardList),
  generatedAt: Instant,
});
export type FeeBoard = z.infer<typeof FeeBoard>;

export const FeeBoardQuery = object({
  /** Comma-separated category ids (top or sub) to show; all when absent. */
  sections: z.optional(z.string().check(z.maxLength(500))),
  /** Show free services too (default true). */
  free: z.optional(z.enum(['true', 'false'])),
});
export type FeeBoardQuery = z.infer<typeof FeeBoardQuery>;
