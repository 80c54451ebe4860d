import type { LoanCondition, LoanStatus, Shift } from '@bianmin/sdk';
import type { Translation } from '../i18n/localize.js';
import type { LoanLedgerView } from './loan-ledger.js';
import type { LoanFilter, SortKey } from './sorting.js';
import type { LoanLedgerMessages } from './loan-ledger.i18n.js';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** How late a loan is, from whole minutes: "Overdue 2 days 3 hours", "Overdue 45 minutes". */
function enLate(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return `Overdue ${plural(d, 'day', 'days')}${h > 0 ? ` ${plural(h, 'hour', 'hours')}` : ''}`;
  if (h > 0) return `Overdue ${plural(h, 'hour', 'hours')}${m > 0 ? ` ${plural(m, 'minute', 'minutes')}` : ''}`;
  return `Overdue ${plural(m, 'minute', 'minutes')}`;
}

/** A loan period in hours: whole days as days ("2 days"), else hours. */
const enPeriod = (hours: number): string => (hours % 24 === 0 ? plural(hours / 24, 'day', 'days') : plural(hours, 'hour', 'hours'));

/** `YYYY-MM` as a heading: "March 2026". */
const enMonthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const enMonth = (month: string): string => `${enMonthNames[Number(month.slice(5, 7)) - 1] ?? month.slice(5, 7)} ${month.slice(0, 4)}`;

const enView: Record<LoanLedgerView, string> = { ledger: 'Register', handover: 'Shift handover', report: 'Zero-loss report' };
const enStatus: Record<LoanStatus, string> = { out: 'Out', returned: 'Returned', lost: 'Lost', given: 'Given away' };
const enCondition: Record<LoanCondition, string> = { good: 'good', damaged: 'damaged', lost: 'lost' };
const enFilter: Record<LoanFilter, string> = { out: 'Out', overdue: 'Overdue', returned: 'Returned', all: 'All' };
const enColumn: Record<SortKey | 'borrower' | 'status' | 'action', string> = {
  item: 'Item',
  household: 'Household',
  borrower: 'Borrower',
  lent: 'Lent',
  due: 'Due back',
  status: 'Status',
  action: 'Action',
};
const enShift: Record<Shift, string> = { day: 'Day (administrator)', night: 'Night (security lead)' };

/** English strings of `<bm-loan-ledger>`: loaded on demand, the first time English is shown (see loan-ledger.i18n.ts). */
export const en: Translation<LoanLedgerMessages> = {
  label: 'Convenience cabinet loans',
  residentLabel: 'Convenience cabinet',
  viewsLabel: 'Cabinet views',
  view: (v: LoanLedgerView) => enView[v],
  shiftLabel: 'On shift',
  shift: (s: Shift) => enShift[s],
  cabinetTitle: 'In the cabinet',
  residentCabinetTitle: 'Available to borrow now',
  cabinetEmpty: 'Nothing has been registered in the cabinet yet.',
  residentCabinetEmpty: 'Nothing can be borrowed right now. Come back later or call the service centre.',
  colName: 'Item',
  colStock: 'In / total',
  colPeriod: 'Loan period',
  colDeposit: 'Deposit',
  stock: (available: number, total: number) => `${available} / ${total}`,
  stockLong: (available: number, total: number) => `${available} of ${total} in the cabinet`,
  availableNow: (n: number) => `${n} available`,
  period: enPeriod,
  periodLong: (hours: number) => `Loan period ${enPeriod(hours)}`,
  consumable: 'Consumable: given, not returned',
  noDeposit: 'None',
  depositLong: (money: string) => `Deposit ${money}`,
  lend: 'Lend',
  lendItem: (item: string) => `: ${item}`,
  soldOut: 'None left',
  lendAny: 'Lend an item',
  loansTitle: 'Loans',
  residentLoansTitle: 'My loans',
  filterLabel: 'Show',
  filter: (f: LoanFilter) => enFilter[f],
  searchLabel: 'Search by household or item',
  searchPlaceholder: 'e.g. 2栋0601, umbrella',
  residentSearchLabel: 'Search by item',
  residentSearchPlaceholder: 'e.g. umbrella',
  search: 'Search',
  column: (c: SortKey | 'borrower' | 'status' | 'action') => enColumn[c],
  count: (n: number) => `${n} in all`,
  countLoading: (n: number) => `${n} loaded, loading the rest…`,
  countPartial: (n: number) => `${n} loaded`,
  moreFailed: 'The rest of the register did not load.',
  loansEmpty: 'No loans match.',
  residentLoansEmpty: 'You have not borrowed anything yet.',
  household: (building: string, room: string) => `${building} ${room}`,
  quantity: (item: string, n: number) => (n > 1 ? `${item} ×${n}` : item),
  status: (s: LoanStatus) => enStatus[s],
  returnedAs: (c: LoanCondition) => `Returned (${enCondition[c]})`,
  late: enLate,
  noDue: 'No return needed',
  call: (name: string) => `Call ${name}`,
  checkIn: 'Check in',
  checkInLoan: (item: string, household: string) => `: ${item}, ${household}`,
  checkoutTitle: 'Lend an item',
  fieldBuilding: 'Building',
  fieldRoom: 'Room',
  fieldName: 'Borrower’s name',
  fieldPhone: 'Mobile number',
  fieldItem: 'Item',
  fieldQuantity: 'Quantity',
  fieldDue: 'Due back (Beijing time)',
  dueHint: 'Format: 2026-03-12 18:00. Prefilled from the item’s loan period; you may change it.',
  fieldNote: 'Note (optional)',
  itemOption: (item: string, available: number) => `${item} (${available} available)`,
  itemOptionSoldOut: (item: string) => `${item} (none left)`,
  availableHint: (n: number) => `${n} in the cabinet.`,
  depositNote: (money: string) => `Deposit ${money}, taken by the cashier and refunded on return.`,
  noDepositNote: 'No deposit.',
  depositBack: (money: string, settle: boolean) => `Deposit ${money}: ${settle ? 'settled by the cashier by the state of the item' : 'refunded by the cashier'}.`,
  consumableNote: 'Consumable: given away, not returned.',
  recordedShift: (shift: string) => `Recorded for: ${shift}`,
  submitCheckout: 'Lend',
  saving: 'Saving…',
  errBuilding: 'Enter the building, e.g. 2栋.',
  errRoom: 'Enter the room, e.g. 0601.',
  errName: 'Enter the borrower’s name.',
  errPhone: 'Enter an 11-digit mobile number starting with 1.',
  errItem: 'Choose an item.',
  errQuantity: (max: number) => `The quantity must be a whole number from 1 to ${max}.`,
  errSoldOut: 'None of this item is left in the cabinet.',
  errDue: 'Enter the due time as 2026-03-12 18:00.',
  errDuePast: 'The due time must be later than now.',
  errHousehold: 'There is no such building and room in the compound.',
  errorsAbove: (n: number) => `${n} field${n === 1 ? ' needs' : 's need'} attention.`,
  outOfStock: (item: string, n: number) =>
    `Not enough “${item}” in the cabinet: only ${n} left (someone just borrowed one). Stock refreshed; what you typed is kept.`,
  checkedOut: (item: string, household: string) => `Lent ${item} to ${household}.`,
  returnTitle: 'Check in',
  returnSummary: (item: string, household: string, borrower: string) => `${item} · ${household} · ${borrower}`,
  conditionLabel: 'Condition on return',
  condition: (c: LoanCondition) => enCondition[c].charAt(0).toUpperCase() + enCondition[c].slice(1),
  conditionHint: 'Damaged or lost items count in this month’s zero-loss report.',
  returnNote: 'Note (optional, e.g. what is damaged)',
  submitReturn: 'Check in',
  submitLost: 'Record as lost',
  returnConflict: 'This loan has already been dealt with (perhaps by the other shift). The list has been refreshed.',
  returned: (item: string, household: string, condition: string) => `Checked in ${item} (${household}), ${condition}.`,
  handoverTitle: (from: string, to: string) => `Handover: ${from} → ${to}`,
  handoverAt: (at: string) => `At ${at}`,
  handoverCounts: (out: number, overdue: number) => `${out} out, ${overdue} of them overdue`,
  handoverItems: 'Items out',
  colOut: 'Out',
  colOverdue: 'Overdue',
  handoverOverdue: 'Overdue',
  handoverNothingOut: 'Everything is in the cabinet; nothing is out.',
  handoverNoOverdue: 'Nothing is overdue.',
  handoverSign: 'Handed over by: ________    Taken over by: ________',
  print: 'Print handover',
  refresh: 'Refresh',
  reportTitle: (month: string) => `Zero damage, zero loss: ${enMonth(month)}`,
  prevMonth: 'Previous month',
  nextMonth: 'Next month',
  monthName: enMonth,
  colDamaged: 'Damaged',
  colLost: 'Lost',
  colCost: 'Cost',
  total: 'Total',
  reportZero: (month: string) => `Nothing damaged or lost in ${enMonth(month)}.`,
  reportCostNote: 'Costs are purchase prices; a damaged item is counted as replaced.',
  invalidShift: (value: string) => `Attribute shift="${value}" is not valid: use day or night.`,
};
