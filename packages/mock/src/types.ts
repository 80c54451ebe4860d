import type {
  Agreement,
  AgreementChange,
  Booking,
  Compound,
  HelpRequest,
  Household,
  Loan,
  LoanItem,
  PriceList,
} from '@bianmin/sdk/schema';

/** Who works the front desk and the cabinet. Staff are not part of the public contract. */
export interface Staff {
  id: string;
  name: string;
  /** 管理员 (day administrator), 保安班长 (night security lead), 管理处经理, 收费员. */
  role: 'administrator' | 'security-lead' | 'manager' | 'cashier';
}

/**
 * The cashier's record of a statement paid (seed 001: money passes only through the cashier, against
 * a receipt). Only the cashier writes it; no operation of the contract does.
 */
export interface CashierReceipt {
  statementId: string;
  number: string;
  at: string;
}

/**
 * Everything the mock compound knows. Plain JSON, so it can be saved to localStorage and loaded
 * back. Statements are not stored: they are derived from completed monthly bookings, and from the
 * cashier's receipts for the ones paid.
 */
export interface MockState {
  version: 1;
  compound: Compound;
  households: Household[];
  staff: Staff[];
  priceLists: PriceList[];
  bookings: Booking[];
  agreements: Agreement[];
  agreementChanges: AgreementChange[];
  loanItems: LoanItem[];
  loans: Loan[];
  helpRequests: HelpRequest[];
  /** Statements paid at the cashier. A statement with none stays issued, however old (arrears). */
  receipts: CashierReceipt[];
  /** Last number used per prefix and day: `{ 'BM-20261123': 7 }`, and `seq` for ids. */
  counters: Record<string, number>;
}

/** Where the browser keeps the state between page loads. */
export interface MockPersist {
  load(): string | null;
  save(serialized: string): void;
  clear(): void;
}
