import * as z from 'zod/mini';
import { Address, Fen, FreeText, HistoryEntry, Id, Instant, LocalizedText, Month } from './common.js';
import { int, object } from './formats.js';
import { Contact } from './household.js';

export const LOAN_ITEM_KINDS = ['first-aid', 'tools', 'bike-kit', 'umbrella', 'poncho', 'trolley', 'consumable'] as const;
export const LoanItemKind = z.enum(LOAN_ITEM_KINDS);
export type LoanItemKind = z.infer<typeof LoanItemKind>;

/** A thing in the convenience cabinet (便民箱, seed 000). */
export const LoanItem = object({
  id: Id,
  kind: LoanItemKind,
  name: LocalizedText,
  total: int(0),
  available: int(0),
  /** Consumables are given away and never come back. */
  returnable: z.boolean(),
  /** Default loan period; the due time is prefilled from it. */
  loanHours: int(1),
  /** The deposit for one, taken by the cashier and refunded on return; a loan of several takes it for each. */
  deposit: Fen,
  /** What the office paid for one, for the zero-loss report. */
  unitCost: Fen,
  rules: z.optional(LocalizedText),
});
export type LoanItem = z.infer<typeof LoanItem>;

/** By day the administrator answers for the cabinet, by night the security lead (seed 000). */
export const SHIFTS = ['day', 'night'] as const;
export const Shift = z.enum(SHIFTS);
export type Shift = z.infer<typeof Shift>;

export const LOAN_CONDITIONS = ['good', 'damaged', 'lost'] as const;
export const LoanCondition = z.enum(LOAN_CONDITIONS);
export type LoanCondition = z.infer<typeof LoanCondition>;

export const LOAN_STATUSES = ['out', 'returned', 'lost', 'given'] as const;
export const LoanStatus = z.enum(LOAN_STATUSES);
export type LoanStatus = z.infer<typeof LoanStatus>;

export const StaffOnShift = object({
  staffId: Id,
  shift: Shift,
});
export type StaffOnShift = z.infer<typeof StaffOnShift>;

/** One line of the loan register (业主借用登记表). */
export const Loan = object({
  id: Id,
  itemId: Id,
  itemName: LocalizedText,
  householdId: Id,
  household: Address,
  borrower: Contact,
  quantity: int(1),
  lentAt: Instant,
  dueAt: z.optional(Instant),
  lentBy: StaffOnShift,
  /** The deposit taken: the item's deposit times the quantity. */
  deposit: Fen,
  status: LoanStatus,
  returnedAt: z.optional(Instant),
  returnedTo: z.optional(StaffOnShift),
  condition: z.optional(LoanCondition),
  note: z.optional(FreeText),
  history: z.array(HistoryEntry(LoanStatus)),
});
export type Loan = z.infer<typeof Loan>;

export const CheckoutInput = object({
  itemId: Id,
  quantity: int(1, 100),
  household: Address,
  borrower: Contact,
  /** Defaults to now + the item's loan period. */
  dueAt: z.optional(Instant),
  shift: Shift,
  note: z.optional(FreeText),
});
export type CheckoutInput = z.infer<typeof CheckoutInput>;

export const ReturnInput = object({
  condition: LoanCondition,
  shift: Shift,
  note: z.optional(FreeText),
});
export type ReturnInput = z.infer<typeof ReturnInput>;

export const LOAN_FILTERS = ['out', 'overdue', 'returned', 'all'] as const;
export const LoanListQuery = object({
  filter: z.optional(z.enum(LOAN_FILTERS)),
  /** Matches building, room or item name. */
  q: z.optional(z.string().check(z.maxLength(80))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(int(1, 200)),
});
export type LoanListQuery = z.infer<typeof LoanListQuery>;

/** What is out at a change of shift, handed from one shift to the next. */
export const HandoverSummary = object({
  at: Instant,
  from: Shift,
  to: Shift,
  items: z.array(
    object({ itemId: Id, itemName: LocalizedText, out: int(0), overdue: int(0) }),
  ),
  overdue: z.array(Loan),
  outCount: int(0),
  overdueCount: int(0),
});
export type HandoverSummary = z.infer<typeof HandoverSummary>;

/** Zero damage, zero loss (零损坏、零丢失): what went wrong in a month and what it cost. */
export const ZeroLossReport = object({
  month: Month,
  lines: z.array(
    object({
      itemId: Id,
      itemName: LocalizedText,
      damaged: int(0),
      lost: int(0),
      cost: Fen,
    }),
  ),
  damaged: int(0),
  lost: int(0),
  cost: Fen,
});
export type ZeroLossReport = z.infer<typeof ZeroLossReport>;
