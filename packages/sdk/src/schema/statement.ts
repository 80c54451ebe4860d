import * as z from 'zod/mini';
import { object } from './formats.js';
import { Fen, Id, Instant, LocalDate, LocalizedText, Month } from './common.js';

export const StatementLine = object({
  bookingId: Id,
  bookingNumber: z.string(),
  date: LocalDate,
  serviceName: LocalizedText,
  amount: Fen,
});
export type StatementLine = z.infer<typeof StatementLine>;

/**
 * A household's monthly statement of services on account (有偿便民服务月结统计表). Money is taken
 * only by the cashier: `receipt` is the cashier's record, never a staff member's.
 */
export const Statement = object({
  id: Id,
  householdId: Id,
  month: Month,
  lines: z.array(StatementLine),
  total: Fen,
  status: z.enum(['open', 'issued', 'paid']),
  issuedAt: z.optional(Instant),
  receipt: z.optional(object({ number: z.string(), at: Instant, by: z.literal('cashier') })),
});
export type Statement = z.infer<typeof Statement>;

export const StatementQuery = object({ month: z.optional(Month) });
export type StatementQuery = z.infer<typeof StatementQuery>;
