import { toEpoch, type Loan, type LoanFilter, type Locale } from '@bianmin/sdk';

export type { LoanFilter };

/** The register's sortable columns. */
export type SortKey = 'lent' | 'due' | 'item' | 'household';
export type SortDirection = 'ascending' | 'descending';

export const LOAN_FILTERS: readonly LoanFilter[] = ['out', 'overdue', 'returned', 'all'];
export const SORT_KEYS: readonly SortKey[] = ['item', 'household', 'lent', 'due'];

const collators = new Map<string, Intl.Collator>();
function collator(locale: Locale): Intl.Collator {
  let c = collators.get(locale);
  // numeric: "2栋" before "10栋", "0601" before "1102".
  if (!c) collators.set(locale, (c = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' })));
  return c;
}

/**
 * The register sorted by a column, a stable sort over a copy. Loans without a due time (consumables
 * given away) sort after every loan with one, whichever the direction; ties keep the server's order
 * (latest lent first).
 */
export function sortLoans(loans: readonly Loan[], key: SortKey, direction: SortDirection, locale: Locale, itemName: (l: Loan) => string): Loan[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const c = collator(locale);
  const keyed = loans.map((loan, index) => {
    switch (key) {
      case 'lent':
        return { loan, index, n: toEpoch(loan.lentAt), s: '' };
      case 'due':
        return { loan, index, n: loan.dueAt === undefined ? Number.NaN : toEpoch(loan.dueAt), s: '' };
      case 'item':
        return { loan, index, n: 0, s: itemName(loan) };
      case 'household':
        return { loan, index, n: 0, s: `${loan.household.building}\u0000${loan.household.room}` };
    }
  });
  keyed.sort((a, b) => {
    if (Number.isNaN(a.n) !== Number.isNaN(b.n)) return Number.isNaN(a.n) ? 1 : -1;
    const d = key === 'item' || key === 'household' ? c.compare(a.s, b.s) : Number.isNaN(a.n) ? 0 : a.n - b.n;
    return d !== 0 ? d * sign : a.index - b.index;
  });
  return keyed.map((k) => k.loan);
}

/** The rows of a windowed list to put in the DOM: `[start, end)`. */
export interface RowWindow {
  start: number;
  end: number;
}

/**
 * Which rows of a list of `count` fixed-height rows are visible in a viewport scrolled to
 * `scrollTop`, plus `overscan` rows either side, so a fast scroll does not show blank space.
 */
export function rowWindow(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan: number): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
  const start = Math.max(0, Math.min(count - 1, first - overscan));
  const end = Math.min(count, Math.max(start + 1, last + overscan));
  return { start, end };
}
