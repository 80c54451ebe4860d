import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { keyed } from 'lit/directives/keyed.js';
import {
  formatDate,
  formatInstant,
  formatPrice,
  formatPriceBands,
  formatTime,
  formatWeekday,
  minuteOfDay,
  telHref,
  toEpoch,
  zonedParts,
  type FeeBoard,
  type FeeBoardList,
  type FeeBoardRow,
  type LocalizedText,
} from '@bianmin/sdk';
import { BmElement } from '../base/element.js';
import { keepWhole } from '../base/keep-whole.js';
import { Resource } from '../controllers/resource.js';
import { Localize, resolveLocale } from '../i18n/localize.js';
import { baseStyles, tokens } from '../theme/tokens.js';
import { feeBoardMessages } from './fee-board.i18n.js';
import { styles } from './fee-board.styles.js';
import { guardBoard, ID, readCache, writeCache } from './guard.js';
import { priceRows } from './rows.js';
import { balance, paginate, totalHeight, type Block, type GroupHeights, type Page } from './paging.js';

/**
 * The one source of time and timers of a board. Tests and previews give a fake one; the default is
 * the real clock. The board never holds more than one timer of it at a time.
 */
export interface BoardClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: BoardClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type FeeBoardLayout = 'auto' | 'landscape' | 'portrait' | 'embedded';
const LAYOUTS: readonly FeeBoardLayout[] = ['auto', 'landscape', 'portrait', 'embedded'];

/** What `bm-fee-board-updated` carries: the list now in force on the board and when it was fetched. */
export interface FeeBoardUpdatedDetail {
  priceListId: string;
  version: string;
  /** Epoch milliseconds of the successful refresh, by the board's clock. */
  updatedAt: number;
}

/** Fired after every successful refresh (the data is then also the board's last good copy). */
export class BmFeeBoardUpdatedEvent extends Event {
  static readonly type = 'bm-fee-board-updated';
  constructor(readonly detail: FeeBoardUpdatedDetail) {
    super(BmFeeBoardUpdatedEvent.type, { bubbles: true, composed: true });
  }
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** Burn-in protection: the header and footer move to the next offset every 10 minutes. */
const SHIFT_PERIOD = 10 * MINUTE;
const SHIFTS: readonly (readonly [number, number])[] = [
  [0, 0], [2, 1], [3, -1], [1, -2], [-1, -2], [-3, -1], [-2, 1], [0, 2],
];
/** Below this width (CSS px) an `auto` board lays itself out as `embedded`. */
const EMBEDDED_BELOW = 640;
const DIM = /^(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/;

type Group = { key: string; kind: 'section'; title: LocalizedText; rows: FeeBoardRow[] } | { key: string; kind: 'notes'; rows: LocalizedText[] };

interface View {
  key: string;
  list: FeeBoardList;
  groups: Group[];
}

/** What is shown of a board: `generatedAt` changes on every response, the rest only with the list. */
const signature = (board: FeeBoard): string => JSON.stringify([board.compound, board.current, board.upcoming]);

/** Every group, whole, in one column: the embedded layout's only page, and the measuring pass. */
const oneColumn = (groups: readonly Group[]): Block[] => groups.map((g, group) => ({ group, continued: false, rows: g.rows.map((_, i) => i) }));

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // sandboxed frames may forbid it
  }
}

/**
 * The approved, published price list on a lobby screen (收费标准公示, seed 001; DOMAIN §5): sections by
 * category with each service's price, unit and notes; the compound's name, the list's version and
 * effective date and the 24-hour service phone above; the Shanghai clock and the time of the last
 * update below. When the rows do not fit, the board pages through them.
 *
 * It runs unattended for weeks: it refreshes on an interval, keeps the last good list in
 * localStorage and shows it (quietly marked offline) while the network is down, catches up on its
 * own, switches to an announced list at its effective instant, and once its data is older than
 * `max-age` it shows the service phone instead of prices that may be wrong. Residents' personal data
 * is never shown: only the FeeBoard schema's fields are rendered, and every text is scrubbed of phone
 * numbers other than the compound's service phone.
 *
 * @summary The public price list for lobby screens and notice pages.
 * @tagname bm-fee-board
 * @csspart board - The whole board (header, body, footer).
 * @csspart header - Compound name, title, version, effective date, service phone.
 * @csspart compound - The compound's name.
 * @csspart title - The heading "收费标准公示".
 * @csspart meta - Version and effective date.
 * @csspart phone - The 24-hour service phone line.
 * @csspart phone-link - The `tel:` link of the service phone.
 * @csspart upcoming - The notice of an announced list not yet in force.
 * @csspart body - The area the rows are paged in.
 * @csspart column - One column of a page.
 * @csspart section - One category (or the notes), with its heading and rows.
 * @csspart section-title - A category heading.
 * @csspart row - One service.
 * @csspart name - A service's name.
 * @csspart price - A service's price (the SDK's `formatPrice`).
 * @csspart bands - Peak and off-peak prices under a price.
 * @csspart note - A service's note.
 * @csspart footer - Clock, last update, offline mark, page indicator.
 * @csspart clock - The date and time in Asia/Shanghai.
 * @csspart updated - "更新于 HH:mm".
 * @csspart offline-mark - Shown while refreshes fail and the last good list is on screen.
 * @csspart pager - The page indicator.
 * @csspart page-number - "2/5".
 * @csspart page-progress - The progress bar of the current page.
 * @csspart unavailable - The screen shown instead of prices once the data is older than `max-age`.
 * @csspart error - Bad attributes, or the first load failed with nothing to fall back on.
 * @csspart loading - The first load.
 * @cssproperty --bm-fee-board-font-size - Type size of rows (default scales with the board's width).
 * @cssproperty --bm-fee-board-columns - Columns in landscape (default 2).
 * @cssproperty --bm-fee-board-gap - Space between columns and around the body.
 * @cssproperty --bm-fee-board-row-padding - Vertical padding of a row.
 * @cssproperty --bm-fee-board-price-color - Colour of prices (default the primary colour).
 * @cssproperty --bm-fee-board-header-background - Background of the header.
 * @cssproperty --bm-fee-board-dim-brightness - Brightness during `dim-hours` (default 0.45).
 * @cssstate loading - The first load is under way.
 * @cssstate offline - The last refresh failed; the last good list is shown.
 * @cssstate stale - The data is older than `max-age`: prices are hidden.
 * @cssstate dim - Inside `dim-hours`.
 * @cssstate paging - The rows take more than one page.
 * @cssstate error - Bad attributes, or nothing could be loaded.
 * @event bm-fee-board-updated - A refresh succeeded; `detail: FeeBoardUpdatedDetail`.
 */
export class BmFeeBoard extends BmElement {
  static override styles = [tokens, baseStyles, styles];

  static {
    // Paging is a deliberate two-pass render: the rows are measured, then laid out in pages.
    this.disableWarning?.('change-in-update');
  }

  /** Hide free services (shown by default). */
  @property({ type: Boolean, attribute: 'hide-free', reflect: true }) hideFree = false;

  /** Comma-separated category ids (top or sub categories) to show; every category when absent. */
  @property() sections?: string;

  /** Seconds between refreshes (10 to 86400). */
  @property({ type: Number, attribute: 'refresh-interval' }) refreshInterval = 300;

  /** Seconds the last good data may be shown for before prices give way to the service phone. */
  @property({ type: Number, attribute: 'max-age' }) maxAge = 86_400;

  /** Seconds each page stays on screen (3 to 3600). */
  @property({ type: Number, attribute: 'page-duration' }) pageDuration = 12;

  /**
   * `landscape` (two columns), `portrait` (one column), `embedded` (page-sized type, every row, no
   * paging) or `auto`: embedded below 640 px wide, else landscape or portrait by the screen.
   */
  @property() layout: FeeBoardLayout = 'auto';

  /** Quiet hours in the compound's time zone, `HH:mm-HH:mm` (may cross midnight): the board dims. */
  @property({ attribute: 'dim-hours' }) dimHours?: string;

  /** The clock and timers the board runs on (a fake one in tests); the real clock by default. */
  @property({ attribute: false }) clock: BoardClock = realClock;

  @state() private now = 0;
  @state() private board?: FeeBoard;
  @state() private lastGoodAt?: number;
  @state() private failed = false;
  @state() private page = 0;

  private readonly t = new Localize(this, feeBoardMessages);
  private problems: string[] = [];
  private boardSig = '';
  private cacheKey = '';
  private view?: View;
  private pages: Page[] = [];
  private measuredKey = '';
  private contentKey = '';
  private measuring = false;
  private constrained = false;
  private size?: { w: number; h: number };
  private timer?: { clock: BoardClock; handle: unknown };
  private nextRefreshAt = Infinity;
  private nextPageAt = Infinity;
  private readonly resizeObserver = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver((e) => this.onResize(e));

  private readonly resource = new Resource(this, {
    task: async ([client, sections, hideFree, key]: readonly [NonNullable<BmFeeBoard['bm']>['client'], string, boolean, string], signal) => {
      this.nextRefreshAt = this.clock.now() + this.refreshInterval * SECOND;
      this.schedule();
      try {
        const raw = await client.feeBoard.get(
          { ...(sections ? { sections } : {}), ...(hideFree ? { free: 'false' as const } : {}) },
          { signal },
        );
        const board = guardBoard(raw);
        if (!board) throw Object.assign(new Error('The fee board is not a FeeBoard'), { name: 'ResponseShapeError' });
        if (!signal.aborted) this.accept(board, key);
        return board;
      } catch (error) {
        if (!signal.aborted) {
          this.failed = true;
          this.now = this.clock.now();
        }
        throw error;
      }
    },
    args: () => {
      if (!this.bm || this.problems.length > 0) return undefined;
      return [this.bm.client, this.sectionList(), this.hideFree, this.cacheKey] as const;
    },
  });

  private readonly onOnline = (): void => void this.refresh();

  private get bodyEl(): HTMLElement | null {
    return this.renderRoot.querySelector('[part=body]');
  }

  /** The page on screen (0-based). */
  get pageIndex(): number {
    return this.page;
  }

  /** How many pages the rows take. */
  get pageCount(): number {
    return this.pages.length;
  }

  /** Fetches the board now (also done on the interval and when the browser comes back online). */
  async refresh(): Promise<void> {
    this.now = this.clock.now();
    this.nextRefreshAt = this.clock.now() + this.refreshInterval * SECOND;
    this.schedule();
    await this.resource.refresh();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.now = this.clock.now();
    globalThis.addEventListener?.('online', this.onOnline);
    this.resizeObserver?.observe(this);
    this.schedule();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener?.('online', this.onOnline);
    this.resizeObserver?.disconnect();
    this.clearTimer();
    this.nextRefreshAt = Infinity;
  }

  // ---- the single scheduler: one timer for clock, pages, refreshes, burn-in shift, dimming, expiry

  private clearTimer(): void {
    if (this.timer) this.timer.clock.clearTimeout(this.timer.handle);
    this.timer = undefined;
  }

  /** (Re)arms the one timer for the earliest thing due. */
  private schedule(): void {
    this.clearTimer();
    if (!this.isConnected) return;
    const now = this.clock.now();
    // The clock (and with it the burn-in shift and the dim schedule) changes every minute.
    let at = Math.floor(now / MINUTE + 1) * MINUTE;
    at = Math.min(at, this.nextRefreshAt);
    if (this.pages.length > 1) at = Math.min(at, this.nextPageAt);
    // An announced list comes into force, and the last good data expires, at their own instants.
    const up = this.board?.upcoming;
    const last = this.lastGoodAt;
    for (const t of [up && toEpoch(up.effectiveFrom), last === undefined ? undefined : last + this.maxAge * SECOND + 1]) {
      if (t !== undefined && t > now) at = Math.min(at, t);
    }
    const clock = this.clock;
    this.timer = { clock, handle: clock.setTimeout(this.tick, Math.max(0, Math.min(at - now, MINUTE))) };
  }

  private readonly tick = (): void => {
    this.timer = undefined;
    const now = this.clock.now();
    this.now = now;
    if (now >= this.nextRefreshAt) {
      this.nextRefreshAt = now + this.refreshInterval * SECOND;
      void this.resource.refresh();
    }
    if (this.pages.length > 1 && now >= this.nextPageAt) {
      this.page = (this.page + 1) % this.pages.length;
      this.nextPageAt = now + this.pageDuration * SECOND;
    }
    this.schedule();
  };

  // ---- data

  private accept(board: FeeBoard, key: string): void {
    const now = this.clock.now();
    this.now = now;
    this.failed = false;
    this.lastGoodAt = now;
    const sig = signature(board);
    if (sig !== this.boardSig) {
      this.board = board;
      this.boardSig = sig;
    }
    writeCache(storage(), key, { savedAt: now, board });
    this.schedule();
    const shown = this.displayed(board, now);
    this.emit(new BmFeeBoardUpdatedEvent({ priceListId: shown.priceListId, version: shown.version, updatedAt: now }));
  }

  /** The list in force by the board's clock: the announced one from its effective instant on. */
  private displayed(b: FeeBoard, now: number): FeeBoardList {
    return b.upcoming && toEpoch(b.upcoming.effectiveFrom) <= now ? b.upcoming : b.current;
  }

  private sectionList(): string {
    return (this.sections ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .join(',');
  }

  private validate(): string[] {
    const bad = (name: string, value: unknown) => this.common.t('invalidAttribute', name, this.getAttribute(name) ?? String(value));
    const out: string[] = [];
    const num = (name: string, value: number, min: number, max: number) => {
      if (!Number.isFinite(value) || value < min || value > max) out.push(bad(name, value));
    };
    num('refresh-interval', this.refreshInterval, 10, 86_400);
    num('max-age', this.maxAge, 60, 366 * 86_400);
    num('page-duration', this.pageDuration, 3, 3600);
    if (!LAYOUTS.includes(this.layout)) out.push(bad('layout', this.layout));
    const sections = this.sections?.trim() ?? '';
    if (sections && (sections.length > 500 || !sections.split(',').every((p) => ID.test(p.trim())))) out.push(bad('sections', this.sections));
    if (this.dimHours !== undefined && this.dimRange() === undefined) out.push(bad('dim-hours', this.dimHours));
    if (this.locale && !resolveLocale(this.locale)) out.push(bad('locale', this.locale));
    return out;
  }

  /** `dim-hours` as minutes of the day [from, to), or undefined when it is not `HH:mm-HH:mm`. */
  private dimRange(): [number, number] | undefined {
    const m = DIM.exec(this.dimHours?.trim() ?? '');
    if (!m) return undefined;
    try {
      const from = minuteOfDay(m[1] ?? '');
      const to = minuteOfDay(m[2] ?? '');
      return from === to ? undefined : [from, to];
    } catch {
      return undefined;
    }
  }

  private isDim(now: number): boolean {
    const range = this.dimHours === undefined ? undefined : this.dimRange();
    if (!range) return false;
    const p = zonedParts(now, this.timeZone);
    const m = p.hour * 60 + p.minute;
    const [from, to] = range;
    return from < to ? m >= from && m < to : m >= from || m < to;
  }

  private isStale(now: number): boolean {
    return this.lastGoodAt !== undefined && now - this.lastGoodAt > this.maxAge * SECOND;
  }

  private computeCacheKey(): string {
    const base = this.closest('[base-url]')?.getAttribute('base-url');
    let where = 'client';
    if (base) {
      try {
        where = new URL(base, document.baseURI).href;
      } catch {
        where = base;
      }
    }
    return `bianmin:fee-board:v1:${where}|${this.sectionList() || '*'}|${this.hideFree ? 'paid' : 'all'}`;
  }

  private effectiveLayout(): Exclude<FeeBoardLayout, 'auto'> {
    if (this.layout !== 'auto') return this.layout;
    const w = this.size?.w ?? 0;
    if (w < EMBEDDED_BELOW) return 'embedded';
    const win = globalThis as { innerWidth?: number; innerHeight?: number };
    return (win.innerWidth ?? 1) >= (win.innerHeight ?? 0) ? 'landscape' : 'portrait';
  }

  private buildView(list: FeeBoardList): View {
    const key = `${this.boardSig}|${list.priceListId}|${this.hideFree}`;
    if (this.view?.key === key) return this.view;
    const groups: Group[] = [];
    for (const s of list.sections) {
      const rows = this.hideFree ? s.rows.filter((r) => r.price.kind !== 'free') : s.rows;
      if (rows.length > 0) groups.push({ key: `s:${s.categoryId}`, kind: 'section', title: s.title, rows });
    }
    if (list.notes.length > 0) groups.push({ key: 'notes', kind: 'notes', rows: list.notes });
    this.view = { key, list, groups };
    return this.view;
  }

  // ---- lifecycle

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('clock')) {
      this.now = this.clock.now();
      this.schedule();
    }
    this.problems = this.validate();
    if (this.problems.length > 0) return;
    if (!this.size) {
      const r = this.getBoundingClientRect();
      this.size = { w: r.width, h: r.height };
    }
    const key = this.computeCacheKey();
    if (key !== this.cacheKey) {
      this.cacheKey = key;
      const cached = readCache(storage(), key);
      this.board = cached?.board;
      this.lastGoodAt = cached?.savedAt;
      this.boardSig = cached ? signature(cached.board) : '';
      this.failed = false;
      this.schedule();
    }
    const list = this.board && this.displayed(this.board, this.now);
    if (!list || this.isStale(this.now)) {
      this.pages = [];
      this.measuredKey = '';
      return;
    }
    const view = this.buildView(list);
    const layout = this.effectiveLayout();
    // The strings' locale too: English that arrives after a zh-CN stand-in is measured again.
    const contentKey = `${view.key}|${this.effectiveLocale}|${this.t.resolvedLocale}`;
    // Embedded, every row is on one page whatever the size; other layouts page by the size.
    const layoutKey =
      layout === 'embedded' ? `${contentKey}|${layout}` : `${contentKey}|${layout}|${Math.round(this.size.w)}|${this.constrained ? Math.round(this.size.h) : '*'}`;
    if (layoutKey !== this.measuredKey) {
      // Another list (or language) starts from its first page; a resize keeps the page if it still exists.
      if (contentKey !== this.contentKey) this.page = 0;
      this.contentKey = contentKey;
      this.measuredKey = layoutKey;
      if (layout === 'embedded') {
        this.setPages([[oneColumn(view.groups)]], false);
      } else {
        this.measuring = true;
      }
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.measuring) {
      this.measuring = false;
      this.measure();
      this.requestUpdate();
    }
    const now = this.now;
    const hasBoard = this.board !== undefined && this.problems.length === 0;
    const stale = hasBoard && this.isStale(now);
    this.setCustomState('loading', !hasBoard && this.problems.length === 0 && this.resource.status !== 'error');
    this.setCustomState('error', this.problems.length > 0 || (!hasBoard && this.resource.status === 'error'));
    this.setCustomState('offline', hasBoard && this.failed);
    this.setCustomState('stale', stale);
    this.setCustomState('dim', this.isDim(now));
    this.setCustomState('paging', hasBoard && !stale && this.pages.length > 1);
  }

  private setPages(pages: Page[], constrained: boolean): void {
    const wasPaging = this.pages.length > 1;
    this.pages = pages;
    this.constrained = constrained;
    if (this.page >= pages.length) this.page = 0;
    if (pages.length > 1 && (!wasPaging || this.nextPageAt === Infinity)) this.nextPageAt = this.clock.now() + this.pageDuration * SECOND;
    if (pages.length <= 1) this.nextPageAt = Infinity;
    this.schedule();
  }

  /** Reads the height of every heading and row rendered in one column, then pages them. */
  private measure(): void {
    const body = this.bodyEl;
    const view = this.view;
    if (!body || !view) return;
    const heights: GroupHeights[] = [];
    for (const el of body.querySelectorAll<HTMLElement>('[data-group]')) {
      const box = el.getBoundingClientRect();
      const rows = [...el.querySelectorAll<HTMLElement>('[data-row]')].map((r) => r.getBoundingClientRect().top);
      const head = (rows[0] ?? box.bottom) - box.top;
      heights.push({ head, rows: rows.map((top, i) => (rows[i + 1] ?? box.bottom) - top) });
    }
    const columns = Math.max(1, Math.round(Number(getComputedStyle(body).getPropertyValue('--_columns')) || 1));
    // A little slack for sub-pixel rounding.
    const available = body.clientHeight - 2;
    const fits = totalHeight(heights) <= available + 1;
    this.setPages(fits ? [balance(heights, columns)] : paginate(heights, Math.max(available, 1), columns), !fits);
  }

  private onResize(entries: readonly ResizeObserverEntry[]): void {
    const entry = entries[entries.length - 1];
    if (!entry) return;
    const { width: w, height: h } = entry.contentRect;
    const before = this.size;
    this.size = { w, h };
    if (!before) return void this.requestUpdate();
    const body = this.bodyEl;
    const overflowing = body != null && body.scrollHeight > body.clientHeight + 1;
    if (Math.abs(w - before.w) >= 1 || (Math.abs(h - before.h) >= 1 && (this.constrained || overflowing))) {
      this.measuredKey = '';
      this.requestUpdate();
    }
  }

  // ---- rendering

  protected override render() {
    if (!this.bm) return this.renderNoProvider();
    if (this.problems.length > 0) {
      return html`<div class="bm-state" data-kind="error" role="alert" part="error">${this.problems.map((p) => html`<span>${p}</span>`)}</div>`;
    }
    const board = this.board;
    if (!board) {
      if (this.resource.status !== 'error') return this.renderLoading();
      const phone = this.bm.compound?.servicePhone;
      return html`${this.renderError(this.resource.error, () => void this.refresh())}${phone ? html`<p class="fallback-phone">${this.renderPhone(phone)}</p>` : nothing}`;
    }
    const phone = board.compound.servicePhone;
    const now = this.now;
    const stale = this.isStale(now);
    const list = this.displayed(board, now);
    const layout = this.effectiveLayout();
    const [x, y] = SHIFTS[Math.floor(now / SHIFT_PERIOD) % SHIFTS.length] ?? [0, 0];
    // `.style` sets cssText (the CSSOM), never a style attribute, which a CSP without 'unsafe-inline' styles refuses.
    return html`<div
      class="board"
      part="board"
      data-layout=${layout}
      ?data-dim=${this.isDim(now)}
      .style=${`--_shift-x:${x}px;--_shift-y:${y}px;--_page-ms:${this.pageDuration * SECOND}ms`}
    >
      ${this.renderHeader(board, list, now)}
      ${stale
        ? html`<div part="unavailable" class="unavailable" role="status">
            <p class="big">${keepWhole(this.t.t('unavailable', phone), phone)}</p>
            <p class="detail">${this.t.t('unavailableDetail')}</p>
          </div>`
        : // The rows are rendered again only when the list, the page or the language changes, not on every tick.
          guard([this.view, this.pages, this.page, this.measuring, this.effectiveLocale, this.t.resolvedLocale], () => this.renderBody())}
      ${this.renderFooter(now, stale)}
    </div>`;
  }

  private renderPhone(phone: string): TemplateResult {
    const href = telHref(phone);
    return html`<span part="phone"
      ><span class="label">${this.t.t('servicePhone')}</span>
      ${href ? html`<a part="phone-link" href=${href}>${phone}</a>` : html`<span>${phone}</span>`}</span
    >`;
  }

  private renderHeader(board: FeeBoard, list: FeeBoardList, now: number): TemplateResult {
    const locale = this.effectiveLocale;
    const tz = this.timeZone;
    const up = board.upcoming && list !== board.upcoming && toEpoch(board.upcoming.effectiveFrom) > now ? board.upcoming : undefined;
    return html`<header part="header" class="static">
      <div class="titles">
        <p part="compound" class="compound">${this.t.text(board.compound.name)}</p>
        <h2 part="title" class="title">${this.t.t('title')}</h2>
      </div>
      <div class="facts">
        <p part="meta" class="meta">
          <span>${this.t.t('version', list.version)}</span>
          <span>${this.t.t('effectiveFrom', formatDate(list.effectiveFrom, locale, tz))}</span>
        </p>
        <p class="phone-line">${this.renderPhone(board.compound.servicePhone)}</p>
        ${up ? html`<p part="upcoming" class="upcoming">${this.t.t('upcoming', up.version, formatDate(up.effectiveFrom, locale, tz))}</p>` : nothing}
      </div>
    </header>`;
  }

  private renderBody(): TemplateResult {
    const view = this.view;
    const groups = view?.groups ?? [];
    if (groups.length === 0) return html`<div part="body" class="body"><p class="empty" part="empty">${this.t.t('noRows')}</p></div>`;
    // First pass: every group, whole, in the first column, to be measured.
    const columns = this.measuring ? [oneColumn(groups)] : (this.pages[this.page] ?? this.pages[0] ?? []);
    // Parts are reused by position (`map`), not by key: `repeat()` leaves its comment markers behind
    // when it removes items (lit-html 3.3, lit/lit#5010), and a board turns pages for weeks.
    return html`<div part="body" class="body" ?data-measuring=${this.measuring}>
      ${columns.map((blocks) => html`<div part="column" class="column">${blocks.map((b) => this.renderBlock(groups, b))}</div>`)}
    </div>`;
  }

  private renderBlock(groups: readonly Group[], block: Block): TemplateResult | typeof nothing {
    const g = groups[block.group];
    if (!g) return nothing;
    const locale = this.effectiveLocale;
    const cont = block.continued ? this.t.t('continued') : '';
    if (g.kind === 'notes') {
      return html`<section part="section" class="group notes" data-group>
        <h3 part="section-title" class="section-title">${this.t.t('notes')}${cont}</h3>
        <ul role="list">
          ${block.rows.map((i) => html`<li part="row" class="note-row" data-row>${this.t.text(g.rows[i])}</li>`)}
        </ul>
      </section>`;
    }
    return html`<section part="section" class="group" data-group>
      <h3 part="section-title" class="section-title">${this.t.text(g.title)}${cont}</h3>
      <ul
        role="list"
        ${priceRows(
          block.rows.flatMap((i) => {
            const row = g.rows[i];
            if (!row) return [];
            return [
              {
                serviceId: row.serviceId,
                name: this.t.text(row.name) || '—',
                price: formatPrice(row.price, locale),
                note: row.note ? this.t.text(row.note) : '',
                bands: formatPriceBands(row.price, locale).join('；'),
              },
            ];
          }),
        )}
      ></ul>
    </section>`;
  }

  private renderFooter(now: number, stale: boolean): TemplateResult {
    const locale = this.effectiveLocale;
    const tz = this.timeZone;
    const updated = this.lastGoodAt === undefined ? '' : formatTime(this.lastGoodAt, locale, tz);
    const pages = stale ? 0 : this.pages.length;
    const page = Math.min(this.page, Math.max(0, pages - 1));
    return html`<footer part="footer" class="static">
      <span class="clock-line"
        ><span class="visually-hidden">${this.t.t('clock')} </span
        ><time part="clock" class="clock" datetime=${formatInstant(now, tz)}
          >${formatDate(now, locale, tz)} ${formatWeekday(now, locale, tz)} ${formatTime(now, locale, tz)}</time
        ></span
      >
      ${updated ? html`<span part="updated" class="updated">${this.t.t('updatedAt', updated)}</span>` : nothing}
      ${this.failed
        ? html`<span part="offline-mark" class="offline"
            ><span aria-hidden="true" class="dot"></span>${this.t.t('offline')}<span class="visually-hidden"
              >${this.t.t('offlineLong', updated)}</span
            ></span
          >`
        : nothing}
      ${pages > 1
        ? html`<span part="pager" class="pager">
            <span part="page-number" class="page-number"
              ><span aria-hidden="true">${this.t.t('page', page + 1, pages)}</span
              ><span class="visually-hidden">${this.t.t('pageLabel', page + 1, pages)}</span></span
            >
            <span part="page-progress" class="progress" aria-hidden="true"
              >${keyed(
                `${page}/${pages}`,
                html`<span class="fill" .style=${`--_from:${page / pages};--_to:${(page + 1) / pages}`}></span>`,
              )}</span
            >
          </span>`
        : nothing}
    </footer>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bm-fee-board': BmFeeBoard;
  }
  interface GlobalEventHandlersEventMap {
    'bm-fee-board-updated': BmFeeBoardUpdatedEvent;
  }
}
