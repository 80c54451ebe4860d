import { defineElement } from '../base/define.js';
import { BmLoanLedger } from '../loan-ledger/loan-ledger.js';

defineElement('bm-loan-ledger', BmLoanLedger);
export { BmLoanLedger };
