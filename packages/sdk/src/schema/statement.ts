import * as z from 'zod/mini';
import { Fen, Id, Instant, LocalDate, LocalizedText, Month } from './common.js';

export const StatementLine = z.object({
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
export const Statement = z.object({
  id: Id,
  householdId: Id,
  month: Month,
  lines: z.array(StatementLine),
  total: Fen,
  status: z.enum(['open', 'issued', 'paid']),
  issuedAt: z.optional(Instant),
  receipt: z.optional(z.object({ number: z.string(), at: Instant, by: z.literal('cashier') })),
});
export type Statement = z.infer<typeof Statement>;

export const StatementQuery = z.object({ month: z.optional(Month) });
export type StatementQuery = z.infer<typeof StatementQuery>;
