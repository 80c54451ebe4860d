import type { Loan } from '@bianmin/sdk';

export interface LoanEventDetail {
  /** The loan as the server returned it after the change. */
  loan: Loan;
}

/** An item was lent from the cabinet; the server has registered the loan. */
export class BmLoanCheckedOutEvent extends Event {
  readonly detail: LoanEventDetail;
  constructor(loan: Loan) {
    super('bm-loan-checked-out', { bubbles: true, composed: true });
    this.detail = { loan };
  }
}

/** A loan was checked in (good or damaged) or written off as lost; the server has registered it. */
export class BmLoanReturnedEvent extends Event {
  readonly detail: LoanEventDetail;
  constructor(loan: Loan) {
    super('bm-loan-returned', { bubbles: true, composed: true });
    this.detail = { loan };
  }
}
