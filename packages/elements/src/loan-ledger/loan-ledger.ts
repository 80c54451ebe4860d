import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  MobilePhone,
  PersonName,
  addDays,
  dueAtFor,
  filterLoans,
  formatDate,
  formatDateTime,
  formatMoney,
  formatTime,
  isConflictError,
  isHttpError,
  isOverdue,
  localDate,
  localMonth,
  localTime,
  formatInstant,
  maskPhone,
  newIdempotencyKey,
  overdueMinutes,
  shiftAt,
  telHref,
  toEpoch,
  toInstant,
  type CheckoutInput,
  type HandoverSummary,
  type Loan,
  type LoanCondition,
  type LoanItem,
  type Shift,
  type ZeroLossReport,
} from '@bianmin/sdk';
import { handoverFrom } from '@bianmin/sdk/rules';
import type { BianminClient } from '../base/context.js';
import { BmElement } from '../base/element.js';
import { describeError } from '../base/errors.js';
import { Resource } from '../controllers/resource.js';
import { Localize, resolveLocale } from '../i18n/localize.js';
import { baseStyles, tokens } from '../theme/tokens.js';
import { BmLoanCheckedOutEvent, BmLoanReturnedEvent } from './events.js';
import { messages } from './loan-ledger.i18n.js';
import { styles } from './loan-ledger.styles.js';
import { LOAN_FILTERS, rowWindow, sortLoans, type LoanFilter, type SortDirection, type SortKey } from './sorting.js';

export { BmLoanCheckedOutEvent, BmLoanReturnedEvent, type LoanEventDetail } from './events.js';
export type { LoanFilter, SortKey, SortDirection };

/** Who is looking: the desk (`staff`) or a resident. */
export type LoanLedgerMode = 'staff' | 'resident';
/** What the desk sees: the register, the shift handover, or the monthly zero-loss report. */
export type LoanLedgerView = 'ledger' | 'handover' | 'report';

const MODES: readonly string[] = ['staff', 'resident'];
const SHIFT_VALUES: readonly string[] = ['day', 'night'];
const VIEWS: readonly LoanLedgerView[] = ['ledger', 'handover', 'report'];
const CONDITIONS: readonly LoanCondition[] = ['good', 'damaged', 'lost'];
/** The contract's largest page (LoanListQuery.limit): 10,000 loans are 50 requests. */
const PAGE_SIZE = 200;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 6;
/** The contract's largest quantity per loan (CheckoutInput.quantity). */
const MAX_QUANTITY = 100;
/** The due time as typed: `2026-03-12 18:00` (a `T` works too), read in the compound's zone. */
const DUE_RE = /^(\d{4}-\d{2}-\d{2})[ T]+(\d{1,2}):(\d{2})$/;

type Column = SortKey | 'borrower' | 'status' | 'action';
const SORTABLE: ReadonlySet<string> = new Set<SortKey>(['item', 'household', 'lent', 'due']);

/** The register as loaded so far: the server's order (latest lent first), filled page by page. */
interface Register {
  items: Loan[];
  ids: Set<string>;
  /** The next page's cursor; null once everything is in. */
  cursor: string | null;
  /** A later page failed; the rows loaded so far stay. */
  error?: unknown;
  /** Bumped on every change, so sorted views know to re-sort. */
  version: number;
  client: BianminClient;
  filter: LoanFilter;
  q: string;
  signal: AbortSignal;
  loading: boolean;
}

type CheckoutField = 'building' | 'room' | 'name' | 'phone' | 'item' | 'quantity' | 'due';
interface CheckoutUi {
  building: string;
  room: string;
  name: string;
  phone: string;
  itemId: string;
  quantity: string;
  due: string;
  /** The due time was typed by hand: changing the item does not overwrite it. */
  dueEdited: boolean;
  note: string;
  errors: Partial<Record<CheckoutField, string>>;
  message?: string;
  busy: boolean;
}

interface ReturnUi {
  loan: Loan;
  condition: LoanCondition;
  note: string;
  message?: string;
  busy: boolean;
}

type RegisterArgs = readonly [BianminClient, string, LoanFilter, string, number];
type ItemsArgs = readonly [BianminClient, string, number];
type HandoverArgs = readonly [BianminClient, Shift, number];
type ReportArgs = readonly [BianminClient, string, number];

/** Lists never show a full number (seed 000's register is read at the desk, by anyone standing there). */
function borrowerText(loan: Loan): string {
  return `${loan.borrower.name} ${maskPhone(loan.borrower.phone)}`;
}

/**
 * A dialog's note field. A literal of its own: the build's literal minifier (scripts/lit-literals.mjs)
 * leaves a literal holding a <textarea> as written, so the dialogs around it are minified.
 */
function noteField(cls: string, id: string, label: string, maxlength: number, ui: { note: string; busy: boolean }, set: (note: string) => void): TemplateResult {
  return html`<div class=${cls}><label for=${id}>${label}</label><textarea id=${id} rows="2" maxlength=${maxlength} .value=${ui.note} ?disabled=${ui.busy} @input=${(e: Event) => set((e.target as HTMLTextAreaElement).value)}></textarea></div>`;
}

/**
 * A plain table (the cabinet, the handover, the report) in a box that scrolls sideways on a narrow
 * screen: a region named like the table, so a keyboard can scroll it. `columns`: each header, and
 * whether its column holds numbers.
 */
function plainTable(labelledBy: string, columns: [unknown, boolean?][], rows: unknown, foot: unknown = nothing, part?: string): TemplateResult {
  return html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby=${labelledBy}>
    <table part=${part ?? nothing} aria-labelledby=${labelledBy}>
      <thead>
        <tr>
          ${columns.map(([header, num]) => html`<th scope="col" class=${num ? 'num' : nothing}>${header}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
      ${foot}
    </table>
  </div>`;
}

/**
 * The convenience cabinet (便民箱, seed 000) and its loan register (业主借用登记表). The desk sees what is
 * in the cabinet with each item's rules (loan period, deposit, consumable or returnable), lends items in
 * a dialog (household, borrower and mobile number, item, quantity, due time prefilled from the item's
 * loan period) and checks them in with their condition (good, damaged, lost). The register filters
 * (out, overdue, returned, all), searches by household or item, sorts by column and stays smooth with
 * tens of thousands of loans: it is windowed (only the visible rows are in the DOM) and loads page after
 * page in the background. Overdue loans say how late they are ("逾期 2 天 3 小时"). By day the
 * administrator answers for the cabinet, by night the security lead: the shift on duty is recorded with
 * every loan and return, and the handover view lists what is out and overdue at the change of shift,
 * ready to print. The zero-loss report (零损坏、零丢失) counts what came back damaged or was lost in a
 * month and what it cost.
 *
 * A resident (`mode="resident"`) sees what can be borrowed now and the rules, and their own loans.
 * Phone numbers in lists are always masked.
 *
 * @summary The convenience cabinet's loan register: lending, check-in, shifts, handover and the zero-loss report.
 * @tagname bm-loan-ledger
 *
 * @csspart toolbar - The shift selector and the "lend" button (staff).
 * @csspart shift-select - The shift selector.
 * @csspart lend-button - Opens the check-out dialog with no item chosen.
 * @csspart tabs - The view tabs (staff): register, handover, report.
 * @csspart tab - One view tab.
 * @csspart panel - The panel of the selected view.
 * @csspart cabinet - The cabinet's items (a table for staff, cards for a resident).
 * @csspart item - One item of the cabinet (a table row or a card).
 * @csspart item-lend-button - Lends this item (staff).
 * @csspart filters - The filter radio group.
 * @csspart search - The search form.
 * @csspart count - How many loans the register holds (and how many are loaded).
 * @csspart grid - The register (ARIA grid).
 * @csspart viewport - The scrolling part of the register.
 * @csspart row - One loan (`data-status`, `data-overdue` when overdue, `data-loan-id`).
 * @csspart cell - One cell of the register.
 * @csspart late - The "overdue by" marker.
 * @csspart check-in-button - Checks this loan in (staff).
 * @csspart checkout-dialog - The check-out dialog.
 * @csspart return-dialog - The check-in dialog.
 * @csspart dialog-error - A refusal shown in a dialog (out of stock, network…).
 * @csspart handover - The handover sheet.
 * @csspart print-button - Prints the handover sheet.
 * @csspart report - The zero-loss report.
 * @csspart month-picker - The report's month picker.
 * @csspart loading - A loading state.
 * @csspart empty - An empty state.
 * @csspart error - An error state (load failure, invalid attribute).
 * @csspart retry-button - Retries a failed load.
 *
 * @cssproperty --bm-loan-ledger-row-height - Height of one register row (fixed, for windowing). Default `3em`: two lines of the widget's type, whatever size a theme sets.
 * @cssproperty --bm-loan-ledger-viewport-height - Largest height of the register's scrolling area. Default `26rem`.
 * @cssproperty --bm-loan-ledger-border - Lines between rows. Default `--bm-color-border`.
 * @cssproperty --bm-loan-ledger-head-background - Column headers. Default `--bm-color-surface-alt`.
 * @cssproperty --bm-loan-ledger-overdue-color - The overdue marker. Default `--bm-color-danger`.
 *
 * @cssstate loading - The cabinet or the register is loading for the first time.
 * @cssstate empty - The register shows no loans.
 * @cssstate error - A load failed, or an attribute is invalid.
 * @cssstate resident - `mode="resident"`.
 * @cssstate busy - A check-out or check-in is being saved.
 *
 * @event bm-loan-checked-out - An item was lent. `detail.loan`: the new loan. {BmLoanCheckedOutEvent}
 * @event bm-loan-returned - A loan was checked in or written off as lost. `detail.loan`: the loan after the change. {BmLoanReturnedEvent}
 */
export class BmLoanLedger extends BmElement {
  static override styles = [tokens, baseStyles, styles];

  /** `staff` (default: the desk) or `resident`. Anything else shows an error. */
  @property({ reflect: true }) mode: LoanLedgerMode = 'staff';

  /** The shift on duty, `day` (administrator) or `night` (security lead); by default the one at the compound's clock (08:00–20:00 is day). */
  @property({ reflect: true }) shift?: Shift;

  /** Which loans the register shows: `out`, `overdue`, `returned` or `all`. Default: `out` for staff, `all` for a resident. */
  @property({ reflect: true }) filter?: LoanFilter;

  /** The desk's view: `ledger` (default), `handover` or `report`. Ignored in resident mode. */
  @property({ reflect: true }) view: LoanLedgerView = 'ledger';

  /**
   * The compound's clock: decides what is overdue, the default shift, the prefilled due time and the
   * report's month. Real time by default; a demo or test with a simulated clock passes it here.
   */
  @property({ attribute: false }) now: () => Date | number = () => Date.now();

  /** The search as submitted (building, room, or item). */
  @state() private q = '';
  @state() private searchText = '';
  @state() private sortKey: SortKey = 'lent';
  @state() private sortDirection: SortDirection = 'descending';
  @state() private scrolled = 0;
  @state() private viewportHeight = 480;
  @state() private rowHeight = 48;
  @state() private active = { row: 0, col: 0 };
  @state() private month?: string;
  @state() private announcement = '';
  @state() private checkout?: CheckoutUi;
  @state() private returning?: ReturnUi;
  /** Bumped after every check-out and check-in: the cabinet, the handover and the report reload. */
  @state() private revision = 0;

  @query('#checkout-dialog') private checkoutDialog?: HTMLDialogElement;
  @query('#return-dialog') private returnDialog?: HTMLDialogElement;
  @query('.viewport') private viewport?: HTMLElement;

  private readonly t = new Localize(this, messages);
  private invoker?: HTMLElement | null;
  /** One idempotency key per check-out intent: kept while the outcome is unknown, dropped once the server decided. */
  private checkoutIntent?: { key: string; payload: string; shift: Shift };
  private searchTimer?: ReturnType<typeof setTimeout>;
  private tick?: ReturnType<typeof setInterval>;
  private resizeObserver?: ResizeObserver;
  private observed?: Element;
  private focusActiveCell = false;
  private focusAfterRender?: string;
  /** The register's rows as last sorted, and what their order depended on besides the register. */
  private sorted?: { register: Register; key: string; rows: Loan[] };

  private readonly items = new Resource<LoanItem[], ItemsArgs>(this, {
    task: ([client], signal) => client.loanItems.list({ signal }),
    args: () => (this.bm && !this.configError() ? [this.bm.client, this.mode, this.revision] : undefined),
    isEmpty: (items) => items.length === 0,
  });

  private readonly register = new Resource<Register, RegisterArgs>(this, {
    task: async ([client, , filter, q], signal) => {
      const page = await client.loans.list(this.listQuery(filter, q), { signal });
      const register: Register = {
        items: page.items,
        ids: new Set(page.items.map((l) => l.id)),
        cursor: page.nextCursor,
        version: 0,
        client,
        filter,
        q,
        signal,
        loading: false,
      };
      void this.loadRest(register);
      return register;
    },
    args: () =>
      this.bm && !this.configError() && (this.isResident || this.view === 'ledger')
        ? [this.bm.client, this.mode, this.currentFilter, this.q, 0]
        : undefined,
    isEmpty: (r) => r.items.length === 0 && r.cursor === null,
  });

  private readonly handover = new Resource<HandoverSummary, HandoverArgs>(this, {
    task: ([client, from], signal) => client.loans.handover({ from }, { signal }),
    args: () =>
      this.bm && !this.configError() && !this.isResident && this.view === 'handover'
        ? [this.bm.client, this.handoverShift, this.revision]
        : undefined,
  });

  private readonly report = new Resource<ZeroLossReport, ReportArgs>(this, {
    task: ([client, month], signal) => client.loans.report({ month }, { signal }),
    args: () =>
      this.bm && !this.configError() && !this.isResident && this.view === 'report'
        ? [this.bm.client, this.currentMonth, this.revision]
        : undefined,
  });

  // ─── Derived values ────────────────────────────────────────────────────────────────────────

  private get isResident(): boolean {
    return this.mode === 'resident';
  }

  /** The shift recorded with each action: the attribute's, else the one on duty now. */
  get currentShift(): Shift {
    return this.shift === 'day' || this.shift === 'night' ? this.shift : shiftAt(this.now(), this.timeZone);
  }

  /**
   * The shift whose handover the sheet shows: the one chosen, else the one handing over at the
   * change of shift nearest now (at 20:05, day to night; at 19:30 too).
   */
  private get handoverShift(): Shift {
    return this.shift === 'day' || this.shift === 'night' ? this.shift : handoverFrom(this.now(), this.timeZone);
  }

  private get currentFilter(): LoanFilter {
    return this.filter ?? (this.isResident ? 'all' : 'out');
  }

  private get currentMonth(): string {
    return this.month ?? localMonth(this.now(), this.timeZone);
  }

  /**
   * The register's columns. A resident's loans are all their own household's, so they have no
   * household column, and what they look for (when it is due back, and whether it is late) comes
   * right after the item, where a phone's width still shows it.
   */
  private get columns(): Column[] {
    if (this.isResident) return ['item', 'due', 'status', 'lent', 'borrower'];
    return ['item', 'household', 'borrower', 'lent', 'due', 'status', 'action'];
  }

  private listQuery(filter: LoanFilter, q: string): { filter: LoanFilter; q?: string; limit: number } {
    return q ? { filter, q, limit: PAGE_SIZE } : { filter, limit: PAGE_SIZE };
  }

  /** The readable error for an invalid attribute, if any. */
  private configError(): string | undefined {
    const invalid = (name: string, value: unknown) => this.common.t('invalidAttribute', name, String(value));
    if (!MODES.includes(this.mode)) return invalid('mode', this.mode);
    if (this.shift != null && !SHIFT_VALUES.includes(this.shift)) return this.t.t('invalidShift', String(this.shift));
    if (this.filter != null && !LOAN_FILTERS.includes(this.filter)) return invalid('filter', this.filter);
    if (!VIEWS.includes(this.view)) return invalid('view', this.view);
    if (this.locale != null && resolveLocale(this.locale) === undefined) return invalid('locale', this.locale);
    return undefined;
  }

  /** The cabinet's item with this id (once the cabinet is loaded). */
  private findItem(id: string | undefined): LoanItem | undefined {
    return this.items.value?.find((i) => i.id === id);
  }

  private itemName(loan: Loan): string {
    return this.t.text(this.findItem(loan.itemId)?.name ?? loan.itemName);
  }

  /** The item and, when more than one, how many: "雨伞 ×2". */
  private itemsText(loan: Loan): string {
    return this.t.t('quantity', this.itemName(loan), loan.quantity);
  }

  private householdText(a: { building: string; room: string }): string {
    return this.t.t('household', a.building, a.room);
  }

  /** The register in the chosen order; re-sorted only when it or the order changed. */
  private rowsOf(register: Register): Loan[] {
    const s = this.sorted;
    const locale = this.effectiveLocale;
    const key = `${register.version} ${this.sortKey} ${this.sortDirection} ${locale}`;
    if (s?.register === register && s.key === key) return s.rows;
    const rows =
      this.sortKey === 'lent' && this.sortDirection === 'descending'
        ? register.items // the server's own order
        : sortLoans(register.items, this.sortKey, this.sortDirection, locale, (l) => this.itemName(l));
    this.sorted = { register, key, rows };
    return rows;
  }

  // ─── Loading ───────────────────────────────────────────────────────────────────────────────

  /** Fetches the register's later pages one after another, until the end or until the register is replaced. */
  private async loadRest(register: Register): Promise<void> {
    if (register.loading) return;
    register.loading = true;
    register.error = undefined;
    try {
      while (register.cursor !== null && !register.signal.aborted) {
        const page = await register.client.loans.list(
          { ...this.listQuery(register.filter, register.q), cursor: register.cursor },
          { signal: register.signal },
        );
        if (register.signal.aborted) return;
        for (const loan of page.items) {
          if (register.ids.has(loan.id)) continue;
          register.ids.add(loan.id);
          register.items.push(loan);
        }
        register.cursor = page.nextCursor;
        register.version++;
        this.requestUpdate();
      }
    } catch (error) {
      if (register.signal.aborted) return;
      register.error = error;
      this.requestUpdate();
    } finally {
      register.loading = false;
    }
  }

  /** Reloads the cabinet and the register (and the handover or report in view). */
  async refresh(): Promise<void> {
    this.revision++;
    await Promise.all([this.items.refresh(), this.register.refresh()]);
  }

  /**
   * Puts the server's copy of a loan in the register: replaced where it is, added in the server's order
   * (latest lent first) if new, dropped if it no longer matches the filter and search (SDK filterLoans).
   */
  private upsert(loan: Loan): void {
    const r = this.register.value;
    if (!r) return;
    const keep = filterLoans([loan], r.filter, r.q, this.now()).length > 0;
    const at = r.items.findIndex((l) => l.id === loan.id);
    if (at >= 0) {
      if (keep) r.items[at] = loan;
      else {
        r.items.splice(at, 1);
        r.ids.delete(loan.id);
      }
    } else if (keep) {
      const lent = toEpoch(loan.lentAt);
      const before = r.items.findIndex((l) => toEpoch(l.lentAt) < lent);
      r.items.splice(before < 0 ? r.items.length : before, 0, loan);
      r.ids.add(loan.id);
    }
    r.version++;
    if (this.register.status === 'empty' || this.register.status === 'ready') {
      this.register.status = r.items.length === 0 && r.cursor === null ? 'empty' : 'ready';
    }
    this.requestUpdate();
  }

  // ─── Lifecycle ─────────────────────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    super.connectedCallback();
    // Overdue times move with the clock: look again every minute.
    this.tick = setInterval(() => this.requestUpdate(), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.tick);
    clearTimeout(this.searchTimer);
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.observed = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A different list: back to its top.
    if (changed.has('filter') || changed.has('mode') || changed.has('q' as keyof BmLoanLedger)) {
      this.scrolled = 0;
      this.active = { row: 0, col: this.active.col };
      if (this.viewport) this.viewport.scrollTop = 0;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const invalid = this.configError() !== undefined;
    const firstLoad = (r: { status: string; value: unknown }) => r.status === 'pending' && r.value === undefined;
    this.setCustomState('loading', !invalid && (firstLoad(this.items) || firstLoad(this.register)));
    this.setCustomState('empty', !invalid && this.register.status === 'empty');
    this.setCustomState('error', invalid || this.items.status === 'error' || this.register.status === 'error');
    this.setCustomState('resident', this.isResident);
    this.setCustomState('busy', Boolean(this.checkout?.busy || this.returning?.busy));
    this.observeViewport();
    this.measureRow();
    if (this.focusActiveCell) {
      const target = this.activeTarget();
      if (target) {
        this.focusActiveCell = false;
        target.focus({ preventScroll: true });
      }
    }
    if (this.focusAfterRender) {
      const el = this.shadowRoot?.getElementById(this.focusAfterRender);
      if (el) {
        this.focusAfterRender = undefined;
        el.focus();
      }
    }
  }

  /** Follows the viewport's height, so the window holds as many rows as fit. */
  private observeViewport(): void {
    const vp = this.viewport;
    if (vp === this.observed) return;
    this.resizeObserver?.disconnect();
    this.observed = vp;
    if (!vp) return;
    // The observer reports the first size right away (asynchronously, so not inside this update).
    if (typeof ResizeObserver === 'undefined') return;
    this.resizeObserver = new ResizeObserver(() => {
      const h = this.viewport?.clientHeight ?? 0;
      if (h > 0 && h !== this.viewportHeight) this.viewportHeight = h;
    });
    this.resizeObserver.observe(vp);
  }

  /** Reads the rendered row height (the CSS custom property, in whatever unit and font size). */
  private measureRow(): void {
    const row = this.shadowRoot?.querySelector<HTMLElement>('.spacer > .row');
    const h = row?.offsetHeight ?? 0;
    // Set after this update, not inside it.
    if (h > 0 && h !== this.rowHeight) queueMicrotask(() => (this.rowHeight = h));
  }

  // ─── Register: scrolling, sorting, keyboard ────────────────────────────────────────────────

  private readonly onScroll = (e: Event): void => {
    this.scrolled = (e.currentTarget as HTMLElement).scrollTop;
  };

  private sortBy(key: SortKey): void {
    if (this.sortKey === key) this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sortKey = key;
      // Times read latest first, names from A.
      this.sortDirection = key === 'lent' ? 'descending' : 'ascending';
    }
    this.active = { row: 0, col: this.active.col };
    this.scrolled = 0;
    if (this.viewport) this.viewport.scrollTop = 0;
  }

  /** The element that takes focus in the active cell: its link or button if it has one, else the cell. */
  private activeTarget(): HTMLElement | null {
    const cell = this.shadowRoot?.querySelector<HTMLElement>(`[data-row="${this.active.row}"] [data-col="${this.active.col}"]`);
    if (!cell) return null;
    return cell.querySelector<HTMLElement>('a, button') ?? cell;
  }

  private moveTo(row: number, col: number, count: number): void {
    const r = Math.max(0, Math.min(count - 1, row));
    const c = Math.max(0, Math.min(this.columns.length - 1, col));
    this.active = { row: r, col: c };
    const vp = this.viewport;
    if (vp) {
      const top = r * this.rowHeight;
      const bottom = top + this.rowHeight;
      if (top < vp.scrollTop) vp.scrollTop = top;
      else if (bottom > vp.scrollTop + vp.clientHeight) vp.scrollTop = bottom - vp.clientHeight;
      this.scrolled = vp.scrollTop;
    }
    this.focusActiveCell = true;
    this.requestUpdate();
  }

  /** Grid keys (WAI-ARIA APG data grid): arrows, Home/End (Ctrl: first/last row), Page Up/Down. */
  private onGridKey(e: KeyboardEvent, count: number): void {
    if (count === 0) return;
    const row = Math.min(this.active.row, count - 1);
    const col = this.active.col;
    const page = Math.max(1, Math.floor(this.viewportHeight / this.rowHeight) - 1);
    const last = this.columns.length - 1;
    let to: [number, number] | undefined;
    switch (e.key) {
      case 'ArrowDown':
        to = [row + 1, col];
        break;
      case 'ArrowUp':
        to = [row - 1, col];
        break;
      case 'ArrowRight':
        to = [row, col + 1];
        break;
      case 'ArrowLeft':
        to = [row, col - 1];
        break;
      case 'PageDown':
        to = [row + page, col];
        break;
      case 'PageUp':
        to = [row - page, col];
        break;
      case 'Home':
        to = e.ctrlKey || e.metaKey ? [0, col] : [row, 0];
        break;
      case 'End':
        to = e.ctrlKey || e.metaKey ? [count - 1, col] : [row, last];
        break;
    }
    if (!to) return;
    e.preventDefault();
    this.moveTo(to[0], to[1], count);
  }

  /** A click or a Tab into a cell makes it the active one. */
  private onGridFocus(e: FocusEvent): void {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-col]');
    const row = cell?.closest<HTMLElement>('[data-row]');
    if (!cell || !row) return;
    const r = Number(row.dataset.row);
    const c = Number(cell.dataset.col);
    if (r !== this.active.row || c !== this.active.col) this.active = { row: r, col: c };
  }

  // ─── Search and filters ────────────────────────────────────────────────────────────────────

  private onSearchInput(e: Event): void {
    this.searchText = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.q = this.searchText.trim()), 300);
  }

  private onSearchSubmit(e: SubmitEvent): void {
    e.preventDefault();
    clearTimeout(this.searchTimer);
    this.q = this.searchText.trim();
  }

  private setFilter(filter: LoanFilter): void {
    this.filter = filter;
  }

  private selectView(view: LoanLedgerView, focus = false): void {
    this.view = view;
    if (focus) this.focusAfterRender = `tab-${view}`;
  }

  private onTabKey(e: KeyboardEvent): void {
    const i = VIEWS.indexOf(this.view);
    const n = VIEWS.length;
    const to = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    const view = VIEWS[to];
    if (!view) return;
    e.preventDefault();
    this.selectView(view, true);
  }

  private announce(text: string): void {
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  private describe(error: unknown): string {
    const { key, requestId } = describeError(error);
    return requestId ? `${this.common.t(key)} ${this.common.t('requestId', requestId)}` : this.common.t(key);
  }

  // ─── Check-out ─────────────────────────────────────────────────────────────────────────────

  /** `YYYY-MM-DD HH:mm` in the compound's zone: the due time an item's loan period gives from now (SDK dueAtFor). */
  private prefillDue(item: LoanItem | undefined): string {
    if (!item) return '';
    const due = dueAtFor(item, formatInstant(this.now(), this.timeZone), this.timeZone);
    return due ? `${localDate(due, this.timeZone)} ${localTime(due, this.timeZone)}` : '';
  }

  /** Opens the check-out dialog, with `itemId` chosen when given. */
  async openCheckout(itemId?: string): Promise<void> {
    const items = this.items.value ?? [];
    const item = this.findItem(itemId) ?? items.find((i) => i.available > 0) ?? items[0];
    this.invoker = (this.shadowRoot?.activeElement as HTMLElement | null) ?? null;
    this.checkoutIntent = undefined;
    this.checkout = {
      building: '',
      room: '',
      name: '',
      phone: '',
      itemId: item?.id ?? '',
      quantity: '1',
      due: this.prefillDue(item),
      dueEdited: false,
      note: '',
      errors: {},
      busy: false,
    };
    await this.updateComplete;
    const dialog = this.checkoutDialog;
    if (dialog && !dialog.open) dialog.showModal();
    this.shadowRoot?.getElementById('co-building')?.focus();
  }

  private editCheckout(patch: Partial<CheckoutUi>, field?: CheckoutField): void {
    const ui = this.checkout;
    if (!ui) return;
    const errors = { ...ui.errors };
    if (field) delete errors[field];
    this.checkout = { ...ui, ...patch, errors };
  }

  private chooseItem(itemId: string): void {
    const ui = this.checkout;
    if (!ui) return;
    const item = this.findItem(itemId);
    this.editCheckout({ itemId, ...(ui.dueEdited ? {} : { due: this.prefillDue(item) }) }, 'item');
  }

  /** Checks the form with the SDK's schemas and rules; returns the input, or the problems. */
  private validateCheckout(ui: CheckoutUi): { input?: CheckoutInput; errors: Partial<Record<CheckoutField, string>> } {
    const errors: Partial<Record<CheckoutField, string>> = {};
    const building = ui.building.trim();
    const room = ui.room.trim();
    const name = ui.name.trim();
    const phone = ui.phone.replace(/[\s-]/g, '');
    if (!building) errors.building = this.t.t('errBuilding');
    if (!room) errors.room = this.t.t('errRoom');
    if (!PersonName.safeParse(name).success) errors.name = this.t.t('errName');
    if (!MobilePhone.safeParse(phone).success) errors.phone = this.t.t('errPhone');
    const item = this.findItem(ui.itemId);
    let quantity = 0;
    if (!item) errors.item = this.t.t('errItem');
    else if (item.available < 1) errors.quantity = this.t.t('errSoldOut');
    else {
      // Stock never below zero: at most what the cabinet holds (the server checks again).
      const max = Math.min(item.available, MAX_QUANTITY);
      // Digits only: a whole number (or 0 for anything else, which is refused too).
      const typed = ui.quantity.trim();
      quantity = /^\d+$/.test(typed) ? Number(typed) : 0;
      if (quantity < 1 || quantity > max) errors.quantity = this.t.t('errQuantity', max);
    }
    let dueAt: string | undefined;
    if (item?.returnable) {
      const m = DUE_RE.exec(ui.due.trim());
      try {
        if (!m) throw new RangeError('format');
        dueAt = toInstant(m[1] ?? '', `${(m[2] ?? '').padStart(2, '0')}:${m[3] ?? ''}`, this.timeZone);
        if (localDate(dueAt, this.timeZone) !== m[1]) throw new RangeError('no such date');
        if (toEpoch(dueAt) <= toEpoch(this.now())) errors.due = this.t.t('errDuePast');
      } catch {
        errors.due = this.t.t('errDue');
      }
    }
    if (Object.keys(errors).length > 0 || !item) return { errors };
    const input: CheckoutInput = {
      itemId: item.id,
      quantity,
      household: { building, room },
      borrower: { name, phone },
      shift: this.currentShift,
    };
    if (dueAt) input.dueAt = dueAt;
    if (ui.note.trim()) input.note = ui.note.trim();
    return { input, errors };
  }

  private async submitCheckout(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const ui = this.checkout;
    if (!ui || ui.busy || !this.bm) return;
    const { input, errors } = this.validateCheckout(ui);
    if (!input) {
      // validateCheckout finds the problems in the form's order: the first is the first to fix.
      const fields = Object.keys(errors) as CheckoutField[];
      this.checkout = { ...ui, errors, message: this.t.t('errorsAbove', fields.length) };
      if (fields[0]) this.focusAfterRender = `co-${fields[0]}`;
      return;
    }
    // Trying again after an unknown outcome is the same intent even when the clock has crossed into
    // the next shift since: it keeps the shift (and so the key) it was first sent with.
    const { shift, ...what } = input;
    const payload = JSON.stringify(what);
    if (!this.checkoutIntent || this.checkoutIntent.payload !== payload) this.checkoutIntent = { key: newIdempotencyKey(), payload, shift };
    const intent = this.checkoutIntent;
    input.shift = intent.shift;
    this.checkout = { ...ui, errors: {}, busy: true };
    delete this.checkout.message;
    try {
      const loan = await this.bm.client.loans.checkout(input, { idempotencyKey: intent.key });
      this.checkoutIntent = undefined;
      this.checkout = undefined;
      this.checkoutDialog?.close();
      this.upsert(loan);
      this.revision++;
      this.announce(this.t.t('checkedOut', this.itemsText(loan), this.householdText(loan.household)));
      this.emit(new BmLoanCheckedOutEvent(loan));
    } catch (error) {
      // The server decided (a 4xx): trying again is a new intent with a new key. After a network
      // error, a timeout or a 5xx the outcome is unknown: the same key makes a retry safe.
      if (isHttpError(error) && error.status < 500) this.checkoutIntent = undefined;
      const current = this.checkout ?? ui;
      if (isConflictError(error) && error.code === 'out_of_stock') {
        // The cabinet changed under us (another desk lent some): show what is left, keep what was typed.
        await this.items.refresh();
        const fresh = this.findItem(input.itemId);
        const left = fresh?.available ?? 0;
        this.checkout = {
          ...current,
          busy: false,
          errors: { quantity: left > 0 ? this.t.t('errQuantity', Math.min(left, MAX_QUANTITY)) : this.t.t('errSoldOut') },
          message: this.t.t('outOfStock', fresh ? this.t.text(fresh.name) : input.itemId, left),
        };
      } else if (isHttpError(error) && error.status === 400 && error.issues.some((i) => i.path[0] === 'household')) {
        this.checkout = { ...current, busy: false, errors: { building: this.t.t('errHousehold') }, message: this.t.t('errorsAbove', 1) };
      } else {
        this.checkout = { ...current, busy: false, message: this.describe(error) };
      }
      this.focusAfterRender = 'co-message';
    }
  }

  // ─── Check-in ──────────────────────────────────────────────────────────────────────────────

  /** Opens the check-in dialog for a loan that is out. */
  async openReturn(loan: Loan): Promise<void> {
    this.invoker = (this.shadowRoot?.activeElement as HTMLElement | null) ?? null;
    this.returning = { loan, condition: 'good', note: '', busy: false };
    await this.updateComplete;
    const dialog = this.returnDialog;
    if (dialog && !dialog.open) dialog.showModal();
    this.shadowRoot?.querySelector<HTMLInputElement>('#return-dialog input[name=condition]:checked')?.focus();
  }

  private async submitReturn(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const ui = this.returning;
    if (!ui || ui.busy || !this.bm) return;
    this.returning = { ...ui, busy: true };
    delete this.returning.message;
    const note = ui.note.trim();
    try {
      const loan = await this.bm.client.loans.return(ui.loan.id, { condition: ui.condition, shift: this.currentShift, ...(note ? { note } : {}) });
      this.returning = undefined;
      this.returnDialog?.close();
      this.upsert(loan);
      this.revision++;
      this.announce(this.t.t('returned', this.itemName(loan), this.householdText(loan.household), this.t.t('condition', ui.condition)));
      this.emit(new BmLoanReturnedEvent(loan));
    } catch (error) {
      const current = this.returning ?? ui;
      if (isConflictError(error)) {
        this.returning = { ...current, busy: false, message: this.t.t('returnConflict') };
        void this.refresh();
      } else {
        this.returning = { ...current, busy: false, message: this.describe(error) };
      }
      this.focusAfterRender = 'rt-message';
    }
  }

  /** A dialog closed (Esc, Cancel, or done): forget it and give focus back to what opened it. */
  private onDialogClose(kind: 'checkout' | 'return'): void {
    if (kind === 'checkout') this.checkout = undefined;
    else this.returning = undefined;
    const back = this.invoker;
    this.invoker = undefined;
    if (back?.isConnected) back.focus();
    else if (kind === 'return') this.focusActiveCell = true;
    else this.focusAfterRender = 'lend-any';
  }

  // ─── Rendering ─────────────────────────────────────────────────────────────────────────────

  protected override render(): unknown {
    if (!this.bm) return this.renderNoProvider();
    const invalid = this.configError();
    if (invalid) return html`<div class="bm-state" data-kind="error" role="alert" part="error">${invalid}</div>`;
    return html`${this.isResident ? this.renderResident() : this.renderStaff()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  private renderStaff(): TemplateResult {
    const shift = this.currentShift;
    const panel =
      this.view === 'handover' ? this.renderHandover() : this.view === 'report' ? this.renderReport() : this.renderLedger();
    return html`<h2 class="visually-hidden">${this.t.t('label')}</h2>
      <div class="toolbar" part="toolbar">
        <label for="shift">${this.t.t('shiftLabel')}</label>
        <select id="shift" part="shift-select" @change=${(e: Event) => (this.shift = (e.target as HTMLSelectElement).value as Shift)}>
          ${(['day', 'night'] as const).map((s) => html`<option value=${s} ?selected=${s === shift}>${this.t.t('shift', s)}</option>`)}
        </select>
        <button type="button" id="lend-any" class="bm-button" data-variant="primary" part="lend-button" ?disabled=${!this.items.value?.length} @click=${() => void this.openCheckout()}>
          ${this.t.t('lendAny')}
        </button>
      </div>
      <div role="tablist" part="tabs" aria-label=${this.t.t('viewsLabel')} @keydown=${this.onTabKey}>
        ${VIEWS.map(
          (v) => html`<button
            type="button"
            role="tab"
            class="tab"
            part="tab"
            id=${`tab-${v}`}
            aria-selected=${v === this.view ? 'true' : 'false'}
            aria-controls="panel"
            tabindex=${v === this.view ? 0 : -1}
            @click=${() => this.selectView(v)}
          >
            ${this.t.t('view', v)}
          </button>`,
        )}
      </div>
      <div role="tabpanel" id="panel" part="panel" aria-labelledby=${`tab-${this.view}`}>${panel}</div>
      ${this.renderCheckoutDialog()} ${this.renderReturnDialog()}`;
  }

  private renderLedger(): TemplateResult {
    return html`<section aria-labelledby="cabinet-title">
        <h3 id="cabinet-title">${this.t.t('cabinetTitle')}</h3>
        ${this.renderResource(this.items, (items) => this.renderCabinetTable(items), { empty: this.t.t('cabinetEmpty') })}
      </section>
      <section aria-labelledby="loans-title">
        <h3 id="loans-title">${this.t.t('loansTitle')}</h3>
        ${this.renderRegister()}
      </section>`;
  }

  private renderCabinetTable(items: LoanItem[]): TemplateResult {
    return plainTable(
      'cabinet-title',
      [
        [this.t.t('colName')],
        [this.t.t('colStock'), true],
        [this.t.t('colPeriod')],
        [this.t.t('colDeposit'), true],
        [html`<span class="visually-hidden">${this.t.t('column', 'action')}</span>`],
      ],
      items.map((item) => {
        const name = this.t.text(item.name);
        return html`<tr part="item" data-item-id=${item.id}>
          <th scope="row">
            ${name} ${item.rules ? html`<span class="rules muted">${this.t.text(item.rules)}</span>` : nothing}
          </th>
          <td class="num" data-stock>
            <span aria-hidden="true">${this.t.t('stock', item.available, item.total)}</span>
            <span class="visually-hidden">${this.t.t('stockLong', item.available, item.total)}</span>
          </td>
          <td>${item.returnable ? this.t.t('period', item.loanHours) : this.t.t('consumable')}</td>
          <td class="num">${item.deposit > 0 ? formatMoney(item.deposit, this.effectiveLocale) : this.t.t('noDeposit')}</td>
          <td>
            <button
              type="button"
              class="bm-button small"
              part="item-lend-button"
              id=${`lend-${item.id}`}
              ?disabled=${item.available < 1}
              @click=${() => void this.openCheckout(item.id)}
            >
              ${item.available < 1 ? this.t.t('soldOut') : this.t.t('lend')}<span class="visually-hidden">${this.t.t('lendItem', name)}</span>
            </button>
          </td>
        </tr>`;
      }),
      nothing,
      'cabinet',
    );
  }

  private renderResident(): TemplateResult {
    return html`<h2 class="visually-hidden">${this.t.t('residentLabel')}</h2>
      <section aria-labelledby="cabinet-title">
        <h3 id="cabinet-title">${this.t.t('residentCabinetTitle')}</h3>
        ${this.renderResource(this.items, (items) => this.renderCabinetCards(items), { empty: this.t.t('residentCabinetEmpty') })}
      </section>
      <section aria-labelledby="loans-title">
        <h3 id="loans-title">${this.t.t('residentLoansTitle')}</h3>
        ${this.renderRegister()}
      </section>`;
  }

  /** What a resident can borrow now: items with something in the cabinet, with their rules. */
  private renderCabinetCards(items: LoanItem[]): TemplateResult {
    const now = items.filter((i) => i.available > 0);
    if (now.length === 0) return this.renderEmpty(this.t.t('residentCabinetEmpty'));
    return html`<ul class="cards" part="cabinet" role="list">
      ${now.map(
        (item) => html`<li class="card" part="item" data-item-id=${item.id}>
          <h4>${this.t.text(item.name)}</h4>
          <p>${this.t.t('availableNow', item.available)}</p>
          <p>${item.returnable ? this.t.t('periodLong', item.loanHours) : this.t.t('consumable')}</p>
          ${item.deposit > 0 ? html`<p>${this.t.t('depositLong', formatMoney(item.deposit, this.effectiveLocale))}</p>` : nothing}
          ${item.rules ? html`<p class="muted">${this.t.text(item.rules)}</p>` : nothing}
        </li>`,
      )}
    </ul>`;
  }

  private renderRegister(): TemplateResult {
    const filter = this.currentFilter;
    const r = this.register;
    // A new filter or search: the old rows would mislead, so show loading until the new ones come.
    const stale = r.value !== undefined && (r.value.filter !== filter || r.value.q !== this.q);
    const body =
      r.status === 'pending' && stale
        ? this.renderLoading()
        : this.renderResource(r, (reg) => this.renderGrid(reg), {
            empty: this.isResident && filter === 'all' && !this.q ? this.t.t('residentLoansEmpty') : this.t.t('loansEmpty'),
          });
    return html`<div class="controls">
        <fieldset class="filters" part="filters">
          <legend>${this.t.t('filterLabel')}</legend>
          ${LOAN_FILTERS.map(
            (f) => html`<label>
              <input type="radio" name="filter" value=${f} .checked=${f === filter} @change=${() => this.setFilter(f)} />
              ${this.t.t('filter', f)}
            </label>`,
          )}
        </fieldset>
        <form class="search" part="search" role="search" @submit=${this.onSearchSubmit}>
          <label for="search">${this.t.t(this.isResident ? 'residentSearchLabel' : 'searchLabel')}</label>
          <input id="search" type="search" maxlength="80" placeholder=${this.t.t(this.isResident ? 'residentSearchPlaceholder' : 'searchPlaceholder')} .value=${this.searchText} @input=${this.onSearchInput} />
          <button type="submit" class="bm-button small">${this.t.t('search')}</button>
        </form>
      </div>
      ${body}`;
  }

  // Sizes and row positions are bound to `.style` (cssText, the CSSOM), never to a style attribute,
  // which a CSP without 'unsafe-inline' styles refuses (test/elements/security.test.ts).
  private renderGrid(reg: Register): TemplateResult {
    const rows = this.rowsOf(reg);
    const count = rows.length;
    const cols = this.columns;
    const rh = this.rowHeight;
    const activeRow = Math.min(this.active.row, count - 1);
    const { start, end } = rowWindow(this.scrolled, this.viewportHeight, rh, count, OVERSCAN);
    const indices: number[] = [];
    // The active row stays in the DOM even when scrolled away, so focus is never lost.
    if (activeRow < start && count > 0) indices.push(activeRow);
    for (let i = start; i < end; i++) indices.push(i);
    if (activeRow >= end && count > 0) indices.push(activeRow);
    const now = this.now();
    const done = reg.cursor === null;
    const counted = done ? this.t.t('count', count) : reg.error !== undefined ? this.t.t('countPartial', count) : this.t.t('countLoading', count);
    return html`<p class="count muted" part="count">${counted}</p>
      ${reg.error !== undefined
        ? html`<div class="more-error" role="alert">
            <span>${this.t.t('moreFailed')} ${this.describe(reg.error)}</span>
            <button type="button" class="bm-button small" part="retry-button" @click=${() => void this.loadRest(reg)}>${this.common.t('retry')}</button>
          </div>`
        : nothing}
      <div class="grid-scroll">
        <div
          role="grid"
          class="grid"
          part="grid"
          ?data-actions=${!this.isResident}
          aria-labelledby="loans-title"
          aria-rowcount=${count + 1}
          aria-colcount=${cols.length}
          aria-busy=${reg.loading ? 'true' : 'false'}
        >
          <div role="rowgroup" class="head">
            <div role="row" class="row" aria-rowindex="1">
              ${cols.map((c, i) => this.renderHeader(c, i))}
            </div>
          </div>
          <div
            role="rowgroup"
            class="viewport"
            part="viewport"
            @scroll=${this.onScroll}
            @keydown=${(e: KeyboardEvent) => this.onGridKey(e, count)}
            @focusin=${this.onGridFocus}
          >
            <div class="spacer" .style=${`height: ${count * rh}px`}>
              ${repeat(
                indices,
                (i) => rows[i]?.id ?? i,
                (i) => {
                  const loan = rows[i];
                  return loan ? this.renderRow(loan, i, i === activeRow, cols, now) : nothing;
                },
              )}
            </div>
          </div>
        </div>
      </div>`;
  }

  private renderHeader(c: Column, index: number): TemplateResult {
    const label = this.t.t('column', c);
    if (!SORTABLE.has(c)) {
      return html`<div role="columnheader" class="cell" aria-colindex=${index + 1}>
        ${c === 'action' ? html`<span class="visually-hidden">${label}</span>` : label}
      </div>`;
    }
    const key = c as SortKey;
    const sorted = this.sortKey === key;
    return html`<div role="columnheader" class="cell" aria-colindex=${index + 1} aria-sort=${sorted ? this.sortDirection : 'none'} data-sort=${key}>
      <button type="button" class="sort" @click=${() => this.sortBy(key)}>
        ${label}<span aria-hidden="true">${sorted ? (this.sortDirection === 'ascending' ? '▲' : '▼') : '↕'}</span>
      </button>
    </div>`;
  }

  private renderRow(loan: Loan, index: number, activeRow: boolean, cols: Column[], now: Date | number): TemplateResult {
    const overdue = isOverdue(loan, now);
    return html`<div
      role="row"
      class="row"
      part="row"
      aria-rowindex=${index + 2}
      data-row=${index}
      data-loan-id=${loan.id}
      data-status=${loan.status}
      ?data-overdue=${overdue}
      .style=${`top: ${index * this.rowHeight}px`}
    >
      ${cols.map((c, ci) => {
        const focusable = activeRow && ci === this.active.col;
        const { view, interactive } = this.cellContent(loan, c, overdue, now, focusable);
        return html`<div
          role="gridcell"
          class="cell ${c}"
          part="cell"
          aria-colindex=${ci + 1}
          data-col=${ci}
          tabindex=${interactive ? nothing : focusable ? 0 : -1}
        >
          ${view}
        </div>`;
      })}
    </div>`;
  }

  /** An instant in a register cell: the date over the time, in the compound's zone. */
  private renderInstant(at: string): TemplateResult {
    const locale = this.effectiveLocale;
    const tz = this.timeZone;
    return html`<time class="instant" datetime=${at}><span>${formatDate(at, locale, tz)}</span> <span>${formatTime(at, locale, tz)}</span></time>`;
  }

  /** A cell's content; `interactive` when it holds a link or button, which then takes the focus instead of the cell. */
  private cellContent(loan: Loan, c: Column, overdue: boolean, now: Date | number, focusable: boolean): { view: unknown; interactive?: true } {
    const tab = focusable ? 0 : -1;
    switch (c) {
      case 'item':
        return { view: this.itemsText(loan) };
      case 'household':
        return { view: this.householdText(loan.household) };
      case 'borrower': {
        const text = borrowerText(loan);
        const href = this.isResident ? null : telHref(loan.borrower.phone);
        if (!href) return { view: text };
        return {
          interactive: true,
          view: html`<span class="borrower"><a href=${href} tabindex=${tab} aria-label=${this.t.t('call', text)}>${text}</a></span>`,
        };
      }
      case 'lent':
        return { view: this.renderInstant(loan.lentAt) };
      case 'due':
        return { view: loan.dueAt ? this.renderInstant(loan.dueAt) : this.t.t('noDue') };
      case 'status':
        if (overdue) return { view: html`<span class="late" part="late">${this.t.t('late', overdueMinutes(loan, now))}</span>` };
        if (loan.status === 'returned' && loan.condition) return { view: this.t.t('returnedAs', loan.condition) };
        return { view: this.t.t('status', loan.status) };
      case 'action':
        if (loan.status !== 'out') return { view: nothing };
        return {
          interactive: true,
          view: html`<button type="button" class="bm-button small" part="check-in-button" tabindex=${tab} @click=${() => void this.openReturn(loan)}>
            ${this.t.t('checkIn')}<span class="visually-hidden">${this.t.t('checkInLoan', this.itemName(loan), this.householdText(loan.household))}</span>
          </button>`,
        };
    }
  }

  // ─── Dialogs ───────────────────────────────────────────────────────────────────────────────

  private fieldError(field: CheckoutField, ui: CheckoutUi): unknown {
    const message = ui.errors[field];
    return message ? html`<p class="field-error" id=${`co-${field}-error`}>${message}</p>` : nothing;
  }

  private describedBy(field: CheckoutField, ui: CheckoutUi, hint?: string): string | typeof nothing {
    const ids = [hint, ui.errors[field] ? `co-${field}-error` : undefined].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  /** A text box of the check-out form, with its label and error (and its building list). */
  private textField(
    ui: CheckoutUi,
    field: 'building' | 'room' | 'name' | 'phone',
    label: string,
    maxlength: number,
    type = 'text',
    list?: string,
    after: unknown = nothing,
  ): TemplateResult {
    return html`<div class="field">
      <label for=${`co-${field}`}>${label}</label>
      <input id=${`co-${field}`} type=${type} list=${list ?? nothing} inputmode=${type === 'tel' ? 'numeric' : nothing} autocomplete="off" maxlength=${maxlength} required
        .value=${ui[field]} aria-invalid=${ui.errors[field] ? 'true' : 'false'} aria-describedby=${this.describedBy(field, ui)}
        ?disabled=${ui.busy} @input=${(e: Event) => this.editCheckout({ [field]: (e.target as HTMLInputElement).value }, field)} />
      ${after}
      ${this.fieldError(field, ui)}
    </div>`;
  }

  private renderCheckoutDialog(): TemplateResult {
    const ui = this.checkout;
    const items = this.items.value ?? [];
    const item = ui ? this.findItem(ui.itemId) : undefined;
    const buildings = this.bm?.compound?.buildings ?? [];
    const invalid = (f: CheckoutField) => (ui?.errors[f] ? 'true' : 'false');
    return html`<dialog id="checkout-dialog" part="checkout-dialog" aria-labelledby="checkout-title" @close=${() => this.onDialogClose('checkout')}>
      ${ui
        ? html`<form novalidate @submit=${(e: SubmitEvent) => void this.submitCheckout(e)}>
            <h3 id="checkout-title">${this.t.t('checkoutTitle')}</h3>
            <div class="fields">
              ${this.textField(
                ui,
                'building',
                this.t.t('fieldBuilding'),
                20,
                'text',
                'co-buildings',
                html`<datalist id="co-buildings">${buildings.map((b) => html`<option value=${b.name['zh-CN']}></option>`)}</datalist>`,
              )}
              ${this.textField(ui, 'room', this.t.t('fieldRoom'), 20)}
              ${this.textField(ui, 'name', this.t.t('fieldName'), 40)}
              ${this.textField(ui, 'phone', this.t.t('fieldPhone'), 13, 'tel')}
              <div class="field">
                <label for="co-item">${this.t.t('fieldItem')}</label>
                <select id="co-item" required aria-invalid=${invalid('item')} aria-describedby=${this.describedBy('item', ui)}
                  ?disabled=${ui.busy} @change=${(e: Event) => this.chooseItem((e.target as HTMLSelectElement).value)}>
                  ${items.map(
                    (i) => html`<option value=${i.id} ?selected=${i.id === ui.itemId} ?disabled=${i.available < 1 && i.id !== ui.itemId}>
                      ${i.available < 1 ? this.t.t('itemOptionSoldOut', this.t.text(i.name)) : this.t.t('itemOption', this.t.text(i.name), i.available)}
                    </option>`,
                  )}
                </select>
                ${this.fieldError('item', ui)}
              </div>
              <div class="field">
                <label for="co-quantity">${this.t.t('fieldQuantity')}</label>
                <input id="co-quantity" type="number" inputmode="numeric" min="1" max=${Math.max(1, Math.min(item?.available ?? 1, MAX_QUANTITY))} step="1" required
                  .value=${ui.quantity} aria-invalid=${invalid('quantity')} aria-describedby=${this.describedBy('quantity', ui, 'co-available')}
                  ?disabled=${ui.busy} @input=${(e: Event) => this.editCheckout({ quantity: (e.target as HTMLInputElement).value }, 'quantity')} />
                <p class="muted" id="co-available">${item ? this.t.t('availableHint', item.available) : ''}</p>
                ${this.fieldError('quantity', ui)}
              </div>
              ${item && !item.returnable
                ? nothing
                : html`<div class="field wide">
                    <label for="co-due">${this.t.t('fieldDue')}</label>
                    <input id="co-due" type="text" inputmode="numeric" autocomplete="off" maxlength="20" required placeholder="2026-03-12 18:00"
                      .value=${ui.due} aria-invalid=${invalid('due')} aria-describedby=${this.describedBy('due', ui, 'co-due-hint')}
                      ?disabled=${ui.busy} @input=${(e: Event) => this.editCheckout({ due: (e.target as HTMLInputElement).value, dueEdited: true }, 'due')} />
                    <p class="muted" id="co-due-hint">${this.t.t('dueHint')}</p>
                    ${this.fieldError('due', ui)}
                  </div>`}
              ${noteField('field wide', 'co-note', this.t.t('fieldNote'), 1000, ui, (note) => this.editCheckout({ note }))}
            </div>
            <ul class="notes muted">
              ${item
                ? html`<li>${item.returnable ? (item.deposit > 0 ? this.t.t('depositNote', formatMoney(item.deposit * (/^[1-9]\d*$/.test(ui.quantity.trim()) ? Number(ui.quantity.trim()) : 1), this.effectiveLocale)) : this.t.t('noDepositNote')) : this.t.t('consumableNote')}</li>
                    ${item.rules ? html`<li>${this.t.text(item.rules)}</li>` : nothing}`
                : nothing}
              <li>${this.t.t('recordedShift', this.t.t('shift', this.currentShift))}</li>
            </ul>
            ${ui.message ? html`<p class="alert" part="dialog-error" role="alert" id="co-message" tabindex="-1">${ui.message}</p>` : nothing}
            <div class="actions">
              <button type="submit" class="bm-button" data-variant="primary" ?disabled=${ui.busy}>${ui.busy ? this.t.t('saving') : this.t.t('submitCheckout')}</button>
              <button type="button" class="bm-button" @click=${() => this.checkoutDialog?.close()}>${this.common.t('cancel')}</button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }

  private renderReturnDialog(): TemplateResult {
    const ui = this.returning;
    const loan = ui?.loan;
    return html`<dialog id="return-dialog" part="return-dialog" aria-labelledby="return-title" aria-describedby="return-summary" @close=${() => this.onDialogClose('return')}>
      ${ui && loan
        ? html`<form novalidate @submit=${(e: SubmitEvent) => void this.submitReturn(e)}>
            <h3 id="return-title">${this.t.t('returnTitle')}</h3>
            <p id="return-summary">
              ${this.t.t('returnSummary', this.itemsText(loan), this.householdText(loan.household), borrowerText(loan))}
            </p>
            <fieldset class="field conditions-field" aria-describedby="return-hint">
              <legend>${this.t.t('conditionLabel')}</legend>
              <div class="conditions">
                ${CONDITIONS.map(
                  (c) => html`<label>
                    <input type="radio" name="condition" value=${c} .checked=${ui.condition === c} ?disabled=${ui.busy}
                      @change=${() => (this.returning = { ...(this.returning ?? ui), condition: c })} />
                    ${this.t.t('condition', c)}
                  </label>`,
                )}
              </div>
              <p class="muted" id="return-hint">${this.t.t('conditionHint')}</p>
            </fieldset>
            ${noteField('field', 'rt-note', this.t.t('returnNote'), 500, ui, (note) => (this.returning = { ...(this.returning ?? ui), note }))}
            <ul class="notes muted">
              ${loan.deposit > 0 ? html`<li>${this.t.t('depositBack', formatMoney(loan.deposit, this.effectiveLocale), ui.condition !== 'good')}</li>` : nothing}
              <li>${this.t.t('recordedShift', this.t.t('shift', this.currentShift))}</li>
            </ul>
            ${ui.message ? html`<p class="alert" part="dialog-error" role="alert" id="rt-message" tabindex="-1">${ui.message}</p>` : nothing}
            <div class="actions">
              <button type="submit" class="bm-button" data-variant=${ui.condition === 'lost' ? 'danger' : 'primary'} ?disabled=${ui.busy}>
                ${ui.busy ? this.t.t('saving') : ui.condition === 'lost' ? this.t.t('submitLost') : this.t.t('submitReturn')}
              </button>
              <button type="button" class="bm-button" @click=${() => this.returnDialog?.close()}>${this.common.t('cancel')}</button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }

  // ─── Handover and report ───────────────────────────────────────────────────────────────────

  private renderHandover(): unknown {
    return this.renderResource(this.handover, (h) => {
      const locale = this.effectiveLocale;
      const tz = this.timeZone;
      return html`<section class="handover" part="handover" aria-labelledby="handover-title">
        <h3 id="handover-title">${this.t.t('handoverTitle', this.t.t('shift', h.from), this.t.t('shift', h.to))}</h3>
        <p>${this.t.t('handoverAt', formatDateTime(h.at, locale, tz))}</p>
        <p data-counts>${this.t.t('handoverCounts', h.outCount, h.overdueCount)}</p>
        ${h.items.length === 0
          ? html`<p>${this.t.t('handoverNothingOut')}</p>`
          : html`<h4 id="handover-items">${this.t.t('handoverItems')}</h4>
              ${plainTable(
                'handover-items',
                [[this.t.t('colName')], [this.t.t('colOut'), true], [this.t.t('colOverdue'), true]],
                h.items.map(
                  (line) => html`<tr data-item-id=${line.itemId}>
                    <th scope="row">${this.t.text(line.itemName)}</th>
                    <td class="num">${line.out}</td>
                    <td class="num">${line.overdue}</td>
                  </tr>`,
                ),
              )}`}
        <h4 id="handover-overdue">${this.t.t('handoverOverdue')}</h4>
        ${h.overdue.length === 0
          ? html`<p>${this.t.t('handoverNoOverdue')}</p>`
          : plainTable(
              'handover-overdue',
              (['item', 'household', 'borrower', 'due', 'status'] as const).map((c) => [this.t.t('column', c)]),
              h.overdue.map(
                (loan) => html`<tr data-loan-id=${loan.id}>
                  <th scope="row">${this.itemsText(loan)}</th>
                  <td class="bm-nowrap">${this.householdText(loan.household)}</td>
                  <td>${borrowerText(loan)}</td>
                  <td class="bm-nowrap">${loan.dueAt ? formatDateTime(loan.dueAt, locale, tz) : this.t.t('noDue')}</td>
                  <td class="late bm-nowrap">${this.t.t('late', overdueMinutes(loan, h.at))}</td>
                </tr>`,
              ),
            )}
        <p class="sign">${this.t.t('handoverSign')}</p>
        <div class="actions no-print">
          <button type="button" class="bm-button" data-variant="primary" part="print-button" @click=${() => window.print()}>${this.t.t('print')}</button>
          <button type="button" class="bm-button" @click=${() => void this.handover.refresh()}>${this.t.t('refresh')}</button>
        </div>
      </section>`;
    });
  }

  /** The month before or after: from the 1st, a day back, or 31 days on (always into the next month). */
  private shiftMonth(month: string, by: -1 | 1): string {
    return addDays(`${month}-01`, by < 0 ? -1 : 31).slice(0, 7);
  }

  private renderReport(): TemplateResult {
    const month = this.currentMonth;
    const latest = localMonth(this.now(), this.timeZone);
    const locale = this.effectiveLocale;
    return html`<section class="report" part="report" aria-labelledby="report-title">
      <div class="month-picker no-print" part="month-picker" role="group" aria-label=${this.t.t('monthName', month)}>
        <button type="button" class="bm-button small" @click=${() => (this.month = this.shiftMonth(month, -1))}>
          <span aria-hidden="true">‹</span> ${this.t.t('prevMonth')}
        </button>
        <output aria-live="polite">${this.t.t('monthName', month)}</output>
        <button type="button" class="bm-button small" ?disabled=${month >= latest} @click=${() => (this.month = this.shiftMonth(month, 1))}>
          ${this.t.t('nextMonth')} <span aria-hidden="true">›</span>
        </button>
      </div>
      <h3 id="report-title">${this.t.t('reportTitle', month)}</h3>
      ${this.renderResource(this.report, (r) =>
        r.lines.length === 0
          ? html`<p data-zero>${this.t.t('reportZero', r.month)}</p>`
          : html`${plainTable(
                'report-title',
                [[this.t.t('colName')], [this.t.t('colDamaged'), true], [this.t.t('colLost'), true], [this.t.t('colCost'), true]],
                r.lines.map(
                  (line) => html`<tr data-item-id=${line.itemId}>
                    <th scope="row">${this.t.text(line.itemName)}</th>
                    <td class="num" data-damaged>${line.damaged}</td>
                    <td class="num" data-lost>${line.lost}</td>
                    <td class="num" data-cost>${formatMoney(line.cost, locale)}</td>
                  </tr>`,
                ),
                html`<tfoot>
                  <tr data-total>
                    <th scope="row">${this.t.t('total')}</th>
                    <td class="num" data-damaged>${r.damaged}</td>
                    <td class="num" data-lost>${r.lost}</td>
                    <td class="num" data-cost>${formatMoney(r.cost, locale)}</td>
                  </tr>
                </tfoot>`,
              )}
              <p class="muted">${this.t.t('reportCostNote')}</p>`,
      )}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bm-loan-ledger': BmLoanLedger;
  }
  interface GlobalEventHandlersEventMap {
    'bm-loan-checked-out': BmLoanCheckedOutEvent;
    'bm-loan-returned': BmLoanReturnedEvent;
  }
}
