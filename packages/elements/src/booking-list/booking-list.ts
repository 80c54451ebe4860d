import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  canCancel,
  formatDate,
  formatDateTime,
  formatMoney,
  formatTime,
  isConflictError,
  localDate,
  minutesBetween,
  telHref,
  toEpoch,
  type Booking,
  type CancelCheck,
  type Page,
} from '@bianmin/sdk';
import type { BianminClient } from '../base/context.js';
import { BmElement } from '../base/element.js';
import { describeError } from '../base/errors.js';
import { Resource } from '../controllers/resource.js';
import { Localize } from '../i18n/localize.js';
import { baseStyles, tokens } from '../theme/tokens.js';
import { messages } from './booking-list.i18n.js';
import { styles } from './booking-list.styles.js';

/** Which bookings the list shows: `all` shows upcoming and past ones in two tabs. */
export type BookingListScope = 'upcoming' | 'past' | 'all';
type ListScope = Exclude<BookingListScope, 'all'>;
const SCOPES: readonly string[] = ['upcoming', 'past', 'all'];
const LIST_SCOPES: readonly ListScope[] = ['upcoming', 'past'];
/** The contract's page-size bounds (BookingListQuery.limit). */
const MAX_LIMIT = 200;

export interface BookingEventDetail {
  /** The booking as the server returned it after the change. */
  booking: Booking;
}

/** A resident cancelled a booking; the server has accepted it. */
export class BmBookingCancelledEvent extends Event {
  readonly detail: BookingEventDetail;
  constructor(booking: Booking) {
    super('bm-booking-cancelled', { bubbles: true, composed: true });
    this.detail = { booking };
  }
}

/** A resident sent the follow-up (回访) of a completed booking: a rating or a complaint. */
export class BmFeedbackSentEvent extends Event {
  readonly detail: BookingEventDetail;
  constructor(booking: Booking) {
    super('bm-feedback-sent', { bubbles: true, composed: true });
    this.detail = { booking };
  }
}

/** What one booking's card is doing: idle, asking to confirm a cancellation, or showing the follow-up form. */
interface CardUi {
  mode: 'idle' | 'confirm' | 'cancelling' | 'feedback' | 'sending';
  kind: 'rating' | 'complaint';
  rating?: number;
  /** A message under the card's actions (a failed cancel or follow-up); kept across refreshes. */
  error?: string;
  /** Which field a validation message belongs to. */
  invalid?: 'rating' | 'complaint';
}

interface MoreState {
  pending: boolean;
  error?: unknown;
}

type ListArgs = readonly [BianminClient, ListScope, number];

/** A card's failed cancel or follow-up (`error-<id>`: focus moves there to say so). */
const actionError = (b: Booking, ui: CardUi): unknown =>
  ui.error ? html`<p class="action-error" part="action-error" role="alert" id=${`error-${b.id}`} tabindex="-1">${ui.error}</p>` : nothing;

/**
 * A resident's bookings (委托服务单): upcoming and past, paged with "load more". Each booking shows
 * the service, its status in words, the price of its quote and its time in the compound's zone. An
 * open booking can be cancelled while its cancellation window is open (with a confirm step and an
 * optional reason); once the window has closed the card says why. A completed booking asks for the
 * follow-up (回访, seed 001): a 1–5 rating with a comment, or a complaint; given once, then shown.
 *
 * @summary A resident's bookings, with cancelling and the follow-up after the service.
 * @tagname bm-booking-list
 *
 * @csspart tabs - The tab list (scope `all`).
 * @csspart tab - Each tab ("upcoming", "past").
 * @csspart panel - The tab panel, or the list's container for a single scope.
 * @csspart list - The `<ul>` of bookings.
 * @csspart item - One booking card (`<li>`, `data-status` carries the status).
 * @csspart service - The service name (a heading).
 * @csspart status - The status label.
 * @csspart details - Time, price and booking number.
 * @csspart note - The reason of a cancelled or declined booking.
 * @csspart cancel-button - "Cancel booking".
 * @csspart deadline - Until when a booking can be cancelled.
 * @csspart cancel-closed - Why a booking can no longer be cancelled.
 * @csspart confirm - The confirm step of a cancellation.
 * @csspart reason-input - The optional cancellation reason.
 * @csspart confirm-button - "Yes, cancel".
 * @csspart keep-button - "Keep booking".
 * @csspart action-error - A failed cancel or follow-up, under the card.
 * @csspart feedback-button - Opens the follow-up form.
 * @csspart feedback-form - The follow-up form.
 * @csspart rating - The 1–5 rating radio group.
 * @csspart star - One star of the rating.
 * @csspart comment-input - The rating's optional comment.
 * @csspart complaint-input - The complaint's text.
 * @csspart send-button - Sends the follow-up.
 * @csspart feedback-given - The follow-up once given.
 * @csspart load-more - The "load more" button.
 * @csspart offline - The offline notice.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state ("还没有预约").
 * @csspart error - An error state (load failure, invalid attribute).
 * @csspart retry-button - Retries a failed load.
 *
 * @cssproperty --bm-booking-list-gap - Space between cards. Default `--bm-space-3`.
 * @cssproperty --bm-booking-list-card-background - A card's background. Default `--bm-color-surface`.
 * @cssproperty --bm-booking-list-card-border - A card's border colour. Default `--bm-color-border`.
 * @cssproperty --bm-booking-list-star-color - A chosen star. Default `--bm-color-warning`.
 *
 * @cssstate loading - The shown list is loading for the first time.
 * @cssstate empty - The shown list has no bookings.
 * @cssstate error - The shown list failed to load, or an attribute is invalid.
 * @cssstate offline - The device is offline.
 *
 * @event bm-booking-cancelled - A booking was cancelled. `detail.booking`: the cancelled booking. {BmBookingCancelledEvent}
 * @event bm-feedback-sent - The follow-up of a booking was sent. `detail.booking`: the booking with its feedback. {BmFeedbackSentEvent}
 */
export class BmBookingList extends BmElement {
  static override styles = [tokens, baseStyles, styles];

  /** `upcoming`, `past`, or `all` (both, in two tabs). Anything else shows an error. */
  @property({ reflect: true }) scope: BookingListScope = 'all';

  /** Bookings per page (1–200); "load more" fetches the next page. */
  @property({ attribute: 'page-size', type: Number }) pageSize = 10;

  /**
   * The clock that decides whether a cancellation window is still open. Real time by default; a demo
   * or a test with a simulated compound clock (the mock backend's `now`) passes that clock here.
   */
  @property({ attribute: false }) now: () => Date | number = () => Date.now();

  @state() private tab: ListScope = 'upcoming';
  @state() private offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  @state() private announcement = '';

  private readonly t = new Localize(this, messages);
  private readonly visited = new Set<ListScope>(['upcoming']);
  private readonly ui = new Map<string, CardUi>();
  private readonly more: Record<ListScope, MoreState> = { upcoming: { pending: false }, past: { pending: false } };
  private moreController?: AbortController;
  private actionController?: AbortController;
  private tick?: ReturnType<typeof setTimeout>;
  /** Where focus goes after the next render (an element id in the shadow root). */
  private focusAfterRender?: string;

  private readonly lists: Record<ListScope, Resource<Page<Booking>, ListArgs>> = {
    upcoming: this.listResource('upcoming'),
    past: this.listResource('past'),
  };

  private listResource(scope: ListScope): Resource<Page<Booking>, ListArgs> {
    return new Resource<Page<Booking>, ListArgs>(this, {
      task: ([client, s, size], signal) => {
        // A refresh reloads as many bookings as are shown, in one request, so nobody loses their place.
        const shown = this.lists?.[s].value?.items.length ?? 0;
        this.moreController?.abort();
        this.more[s] = { pending: false };
        return client.bookings.list({ scope: s, limit: Math.min(MAX_LIMIT, Math.max(size, shown)) }, { signal });
      },
      args: () => (this.bm && this.configError() === undefined && this.shows(scope) ? [this.bm.client, scope, this.pageSize] : undefined),
      isEmpty: (page) => page.items.length === 0,
    });
  }

  /** Reloads the lists shown so far (e.g. after a booking was made elsewhere on the page). */
  async refresh(): Promise<void> {
    await Promise.all(LIST_SCOPES.filter((s) => this.shows(s)).map((s) => this.lists[s].refresh()));
  }

  private readonly onOnline = (): void => {
    this.offline = false;
    void this.refresh();
  };
  private readonly onOffline = (): void => {
    this.offline = true;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.offline = navigator.onLine === false;
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.moreController?.abort();
    this.actionController?.abort();
    clearTimeout(this.tick);
  }

  /** The readable error for an invalid attribute, if any. */
  private configError(): string | undefined {
    if (!SCOPES.includes(this.scope)) return this.common.t('invalidAttribute', 'scope', String(this.scope));
    if (!Number.isInteger(this.pageSize) || this.pageSize < 1 || this.pageSize > MAX_LIMIT) {
      // The attribute as written ("abc", not NaN), unless the property was set since.
      const raw = this.getAttribute('page-size');
      const fromAttribute = raw !== null && Object.is(Number(raw), this.pageSize);
      return this.t.t('invalidPageSize', fromAttribute ? raw : String(this.pageSize));
    }
    return undefined;
  }

  private shows(scope: ListScope): boolean {
    return this.scope === scope || (this.scope === 'all' && this.visited.has(scope));
  }

  /** The list in view: the scope's, or the selected tab's. */
  private get current(): ListScope {
    return this.scope === 'upcoming' || this.scope === 'past' ? this.scope : this.tab;
  }

  private uiOf(id: string): CardUi {
    let ui = this.ui.get(id);
    if (!ui) this.ui.set(id, (ui = { mode: 'idle', kind: 'rating' }));
    return ui;
  }

  private setUi(id: string, patch: Partial<CardUi>, focus?: string): void {
    const next = { ...this.uiOf(id), ...patch };
    for (const k of Object.keys(patch) as (keyof CardUi)[]) if (patch[k] === undefined) delete next[k];
    this.ui.set(id, next);
    if (focus) this.focusAfterRender = focus;
    this.requestUpdate();
  }

  /** Puts the server's copy of a booking in place wherever it is listed. */
  private replaceBooking(booking: Booking): void {
    for (const s of LIST_SCOPES) {
      const r = this.lists[s];
      const v = r.value;
      if (v?.items.some((b) => b.id === booking.id)) r.value = { ...v, items: v.items.map((b) => (b.id === booking.id ? booking : b)) };
    }
    this.requestUpdate();
  }

  private announce(text: string): void {
    // Cleared first so the same message twice is announced twice.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  /** The cancellation rule of the SDK; the window is the one the server gave the booking (`cancellableUntil`). */
  private cancelCheck(b: Booking): CancelCheck & { minutes?: number } {
    const minutes = b.slot && b.cancellableUntil ? Math.max(0, Math.round(minutesBetween(b.cancellableUntil, b.slot.start))) : undefined;
    const check = canCancel(b, undefined, this.now(), this.timeZone);
    return minutes === undefined ? check : { ...check, minutes };
  }

  // ─── Actions ────────────────────────────────────────────────────────────────────────────────

  private selectTab(tab: ListScope, focus = false): void {
    this.tab = tab;
    this.visited.add(tab);
    if (focus) this.focusAfterRender = `tab-${tab}`;
  }

  private onTabKey(e: KeyboardEvent): void {
    // Two tabs: either arrow moves to the other one.
    const to = e.key === 'ArrowRight' || e.key === 'ArrowLeft' ? 1 - LIST_SCOPES.indexOf(this.tab) : e.key === 'Home' ? 0 : e.key === 'End' ? 1 : -1;
    const tab = LIST_SCOPES[to];
    if (!tab) return;
    e.preventDefault();
    this.selectTab(tab, true);
  }

  private async loadMore(scope: ListScope): Promise<void> {
    const r = this.lists[scope];
    const before = r.value;
    if (!this.bm || !before?.nextCursor || this.more[scope].pending) return;
    this.moreController?.abort();
    const controller = (this.moreController = new AbortController());
    this.more[scope] = { pending: true };
    this.requestUpdate();
    try {
      const page = await this.bm.client.bookings.list({ scope, cursor: before.nextCursor, limit: this.pageSize }, { signal: controller.signal });
      if (r.value !== before || controller.signal.aborted) return; // a refresh replaced the list meanwhile
      const seen = new Set(before.items.map((b) => b.id));
      const added = page.items.filter((b) => !seen.has(b.id));
      r.value = { items: [...before.items, ...added], nextCursor: page.nextCursor };
      this.more[scope] = { pending: false };
      // Focus moves to the first new booking, so a keyboard user carries on reading where the list grew.
      if (added[0]) this.focusAfterRender = `title-${added[0].id}`;
      this.announce(this.t.t('loadedMore', added.length));
    } catch (error) {
      if (controller.signal.aborted) return;
      this.more[scope] = { pending: false, error };
    }
    this.requestUpdate();
  }

  private async confirmCancel(b: Booking): Promise<void> {
    if (!this.bm || this.uiOf(b.id).mode === 'cancelling') return;
    const reason = (this.shadowRoot?.getElementById(`reason-${b.id}`) as HTMLTextAreaElement | null)?.value.trim() ?? '';
    this.setUi(b.id, { mode: 'cancelling', error: undefined });
    const controller = (this.actionController = new AbortController());
    try {
      const cancelled = await this.bm.client.bookings.cancel(b.id, reason ? { reason } : {}, { signal: controller.signal });
      this.setUi(b.id, { mode: 'idle' }, `title-${b.id}`);
      this.replaceBooking(cancelled);
      this.announce(this.t.t('cancelled', cancelled.number));
      this.emit(new BmBookingCancelledEvent(cancelled));
    } catch (error) {
      if (controller.signal.aborted) return;
      if (isConflictError(error)) {
        // The booking changed under us (the window closed, the desk started it): say so and show it as it is now.
        const message = this.t.t(error.code === 'cancellation_window_closed' ? 'windowClosedError' : 'statusChangedError');
        this.setUi(b.id, { mode: 'idle', error: message }, `error-${b.id}`);
        await this.refresh();
      } else {
        this.setUi(b.id, { mode: 'confirm', error: this.describe(error) }, `error-${b.id}`);
      }
    }
  }

  private async sendFeedback(e: SubmitEvent, b: Booking): Promise<void> {
    e.preventDefault();
    const ui = this.uiOf(b.id);
    if (!this.bm || ui.mode === 'sending') return;
    const field = (id: string) => (this.shadowRoot?.getElementById(id) as HTMLTextAreaElement | null)?.value.trim() ?? '';
    let input: { kind: 'rating'; rating: number; comment?: string } | { kind: 'complaint'; comment: string };
    if (ui.kind === 'rating') {
      if (!ui.rating) return this.setUi(b.id, { error: this.t.t('ratingRequired'), invalid: 'rating' }, `star-1-${b.id}`);
      const comment = field(`comment-${b.id}`);
      input = comment ? { kind: 'rating', rating: ui.rating, comment } : { kind: 'rating', rating: ui.rating };
    } else {
      const comment = field(`complaint-${b.id}`);
      if (!comment) return this.setUi(b.id, { error: this.t.t('complaintRequired'), invalid: 'complaint' }, `complaint-${b.id}`);
      input = { kind: 'complaint', comment };
    }
    this.setUi(b.id, { mode: 'sending', error: undefined, invalid: undefined });
    const controller = (this.actionController = new AbortController());
    try {
      const updated = await this.bm.client.bookings.feedback(b.id, input, { signal: controller.signal });
      this.setUi(b.id, { mode: 'idle' }, `given-${b.id}`);
      this.replaceBooking(updated);
      this.announce(this.t.t('feedbackSent'));
      this.emit(new BmFeedbackSentEvent(updated));
    } catch (error) {
      if (controller.signal.aborted) return;
      if (isConflictError(error)) {
        this.setUi(b.id, { mode: 'idle', error: this.t.t('feedbackConflict') }, `error-${b.id}`);
        await this.refresh();
      } else {
        this.setUi(b.id, { mode: 'feedback', error: this.describe(error) }, `error-${b.id}`);
      }
    }
  }

  private describe(error: unknown): string {
    const { key, requestId } = describeError(error);
    return requestId ? `${this.common.t(key)} ${this.common.t('requestId', requestId)}` : this.common.t(key);
  }

  // ─── Lifecycle ──────────────────────────────────────────────────────────────────────────────

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const r = this.lists[this.current];
    const invalid = this.configError() !== undefined;
    this.setCustomState('loading', !invalid && r.status === 'pending' && r.value === undefined);
    this.setCustomState('empty', !invalid && r.status === 'empty');
    this.setCustomState('error', invalid || r.status === 'error');
    this.setCustomState('offline', this.offline);
    if (this.focusAfterRender) {
      const el = this.shadowRoot?.getElementById(this.focusAfterRender);
      if (el) {
        this.focusAfterRender = undefined;
        el.focus();
      }
    }
    this.scheduleDeadline();
  }

  /** Re-renders when the next cancellation deadline in view passes, so the button goes away on time. */
  private scheduleDeadline(): void {
    clearTimeout(this.tick);
    const now = toEpoch(this.now());
    let next = Infinity;
    for (const b of this.lists[this.current].value?.items ?? []) {
      if (!b.cancellableUntil) continue;
      const at = toEpoch(b.cancellableUntil);
      if (at >= now && at < next) next = at;
    }
    // Capped at an hour: a simulated clock may run at any speed, so look again now and then.
    if (next !== Infinity) this.tick = setTimeout(() => this.requestUpdate(), Math.min(next - now + 1000, 3_600_000));
  }

  // ─── Rendering ──────────────────────────────────────────────────────────────────────────────

  protected override render(): unknown {
    if (!this.bm) return this.renderNoProvider();
    const invalid = this.configError();
    if (invalid) return html`<div class="bm-state" data-kind="error" role="alert" part="error">${invalid}</div>`;
    const scope = this.current;
    const panel = this.renderResource(this.lists[scope], (page) => this.renderPage(scope, page), {
      empty: this.t.t(scope === 'upcoming' ? 'emptyUpcoming' : 'emptyPast'),
    });
    return html`
      ${this.offline ? html`<p class="offline" part="offline" role="status">${this.common.t('offline')}</p>` : nothing}
      ${this.scope === 'all'
        ? html`<div role="tablist" part="tabs" aria-label=${this.t.t('label')} @keydown=${this.onTabKey}>
              ${LIST_SCOPES.map(
                (s) => html`<button
                  type="button"
                  role="tab"
                  part="tab"
                  class="tab"
                  id=${`tab-${s}`}
                  aria-selected=${s === scope ? 'true' : 'false'}
                  aria-controls="panel"
                  tabindex=${s === scope ? 0 : -1}
                  @click=${() => this.selectTab(s)}
                >
                  ${this.t.t(s === 'upcoming' ? 'tabUpcoming' : 'tabPast')}
                </button>`,
              )}
            </div>
            <div role="tabpanel" part="panel" id="panel" aria-labelledby=${`tab-${scope}`} tabindex="0">${panel}</div>`
        : html`<section part="panel" aria-label=${`${this.t.t('label')}: ${this.t.t(scope === 'upcoming' ? 'tabUpcoming' : 'tabPast')}`}>
            ${panel}
          </section>`}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  private renderPage(scope: ListScope, page: Page<Booking>): TemplateResult {
    const more = this.more[scope];
    return html`<ul part="list" class="list" role="list">
        ${page.items.map((b) => this.renderBooking(b))}
      </ul>
      ${page.nextCursor !== null || more.error !== undefined
        ? html`<div class="more">
            <button
              type="button"
              class="bm-button"
              part="load-more"
              aria-describedby="shown"
              ?disabled=${more.pending}
              @click=${() => void this.loadMore(scope)}
            >
              ${this.t.t(more.pending ? 'loadingMore' : 'loadMore')}
            </button>
            <span id="shown" class="muted">${this.t.t('shown', page.items.length)}</span>
            ${more.error !== undefined ? html`<p class="action-error" part="action-error" role="alert">${this.describe(more.error)}</p>` : nothing}
          </div>`
        : page.items.length > this.pageSize
          ? html`<p class="more muted">${this.t.t('allLoaded')}</p>`
          : nothing}`;
  }

  private renderBooking(b: Booking): TemplateResult {
    const locale = this.effectiveLocale;
    const tz = this.timeZone;
    const ui = this.uiOf(b.id);
    const name = this.t.text(b.serviceName);
    const last = b.history[b.history.length - 1];
    const note = (b.status === 'cancelled' || b.status === 'rejected') && last?.status === b.status ? last.note : undefined;
    return html`<li part="item" class="card" data-status=${b.status}>
      <div class="head">
        <h3 class="service" part="service" id=${`title-${b.id}`} tabindex="-1">${name}</h3>
        <span class="status" part="status" data-status=${b.status}
          ><span class="visually-hidden">${this.t.t('statusLabel')}</span>${this.t.t('status', b.status)}</span
        >
      </div>
      <dl class="details" part="details">
        <div>
          <dt>${this.t.t(b.slot ? 'time' : b.wantedAt ? 'wanted' : 'submitted')}</dt>
          <dd>
            <time datetime=${b.slot?.start ?? b.wantedAt ?? b.createdAt}
              >${b.slot ? this.formatSlot(b.slot.start, b.slot.end) : formatDateTime(b.wantedAt ?? b.createdAt, locale, tz)}</time
            >
          </dd>
        </div>
        <div>
          <dt>${this.t.t('price')}</dt>
          <dd>${this.formatQuote(b)}</dd>
        </div>
        <div>
          <dt>${this.t.t('number')}</dt>
          <dd>${b.number}</dd>
        </div>
      </dl>
      ${note ? html`<p class="note" part="note">${this.t.t('reason', note)}</p>` : nothing}
      ${this.renderCancel(b, ui, name)} ${b.status === 'completed' ? this.renderFeedback(b, ui, name) : nothing}
      ${ui.mode === 'idle' ? actionError(b, ui) : nothing}
    </li>`;
  }

  /** A slot's date and times; on a narrow screen a line may end after the date, never inside the times. */
  private formatSlot(start: string, end: string): TemplateResult {
    const locale = this.effectiveLocale;
    const tz = this.timeZone;
    return localDate(start, tz) === localDate(end, tz)
      ? html`${formatDate(start, locale, tz)} <span class="bm-nowrap">${formatTime(start, locale, tz)}–${formatTime(end, locale, tz)}</span>`
      : html`<span class="bm-nowrap">${formatDateTime(start, locale, tz)}</span> – <span class="bm-nowrap">${formatDateTime(end, locale, tz)}</span>`;
  }

  /** The quote's total: exact, a "from" price, on inspection, or free (schema Quote.basis). */
  private formatQuote(b: Booking): string {
    const money = formatMoney(b.quote.total, this.effectiveLocale);
    switch (b.quote.basis) {
      case 'exact':
        return money;
      case 'from':
        return this.t.t('priceFrom', money);
      case 'on-inspection':
        return b.quote.total > 0 ? this.t.t('priceInspectionFrom', money) : this.t.t('priceInspection');
      case 'free':
        return this.t.t('free');
    }
  }

  private renderCancel(b: Booking, ui: CardUi, name: string): unknown {
    const check = this.cancelCheck(b);
    const locale = this.effectiveLocale;
    if (!check.ok) {
      const start = b.slot?.start ?? b.wantedAt;
      if (check.reason !== 'window-closed' || !start) return nothing;
      const deadline = formatDateTime(b.cancellableUntil ?? start, locale, this.timeZone);
      const phone = this.bm?.compound?.servicePhone;
      const href = phone ? telHref(phone) : null;
      return html`<p class="closed" part="cancel-closed">
        ${check.minutes ? this.t.t('windowClosed', check.minutes, deadline) : this.t.t('windowClosedAtStart', deadline)}
        ${phone && href ? html`${this.t.t('callDesk')} <a href=${href}>${phone}</a>` : nothing}
      </p>`;
    }
    if (ui.mode === 'confirm' || ui.mode === 'cancelling') {
      const busy = ui.mode === 'cancelling';
      // Each <textarea> is a literal of its own here and in the follow-up form: the build leaves a
      // literal holding one as written (scripts/lit-literals.mjs), so the card's would ship unminified.
      return html`<div class="confirm" part="confirm" role="group" aria-labelledby=${`confirm-${b.id}`}>
        <p class="confirm-title" id=${`confirm-${b.id}`}>${this.t.t('confirmTitle', name)}</p>
        <label for=${`reason-${b.id}`}>${this.t.t('reasonLabel')}</label>
        ${html`<textarea id=${`reason-${b.id}`} part="reason-input" rows="2" maxlength="500" ?disabled=${busy}></textarea>`}
        ${actionError(b, ui)}
        <div class="actions">
          <button type="button" class="bm-button" data-variant="danger" part="confirm-button" ?disabled=${busy} @click=${() => void this.confirmCancel(b)}>
            ${this.t.t(busy ? 'cancelling' : 'confirmCancel')}
          </button>
          <button type="button" class="bm-button" part="keep-button" ?disabled=${busy} @click=${() => this.setUi(b.id, { mode: 'idle', error: undefined }, `cancel-${b.id}`)}>${this.t.t('keepBooking')}</button>
        </div>
      </div>`;
    }
    return html`<div class="actions">
      <button type="button" class="bm-button" part="cancel-button" id=${`cancel-${b.id}`} aria-describedby=${check.until ? `deadline-${b.id}` : nothing} @click=${() => this.setUi(b.id, { mode: 'confirm', error: undefined }, `reason-${b.id}`)}>
        ${this.t.t('cancel')}<span class="visually-hidden">${this.t.t('forService', name)}</span>
      </button>
      ${check.until
        ? html`<span class="muted" part="deadline" id=${`deadline-${b.id}`}>${this.t.t('cancellableUntil', formatDateTime(check.until, locale, this.timeZone))}</span>`
        : nothing}
    </div>`;
  }

  private renderFeedback(b: Booking, ui: CardUi, name: string): unknown {
    const fb = b.feedback;
    if (fb) {
      const at = formatDateTime(fb.at, this.effectiveLocale, this.timeZone);
      return html`<div class="given" part="feedback-given" id=${`given-${b.id}`} tabindex="-1">
        ${fb.kind === 'rating'
          ? html`<p>
              <span class="stars" aria-hidden="true">${'★'.repeat(fb.rating)}${'☆'.repeat(5 - fb.rating)}</span>
              ${this.t.t('givenRating', fb.rating)}
            </p>`
          : html`<p>${this.t.t('givenComplaint')}</p>`}
        ${fb.comment ? html`<p class="comment">${fb.comment}</p>` : nothing}
        <p class="muted">${this.t.t('givenAt', at)}</p>
      </div>`;
    }
    if (ui.mode !== 'feedback' && ui.mode !== 'sending') {
      return html`<div class="actions">
        <button type="button" class="bm-button" data-variant="primary" part="feedback-button" id=${`feedback-${b.id}`} @click=${() => this.setUi(b.id, { mode: 'feedback', error: undefined, invalid: undefined }, `kind-rating-${b.id}`)}>
          ${this.t.t('followUpOpen')}<span class="visually-hidden">${this.t.t('forService', name)}</span>
        </button>
      </div>`;
    }
    const busy = ui.mode === 'sending';
    const errorId = `error-${b.id}`;
    return html`<form class="feedback" part="feedback-form" novalidate aria-label=${this.t.t('followUpLabel', name)} @submit=${(e: SubmitEvent) => void this.sendFeedback(e, b)}>
      <fieldset class="kind">
        <legend>${this.t.t('kindLabel')}</legend>
        ${(['rating', 'complaint'] as const).map(
          (kind) => html`<label class="choice">
            <input
              type="radio"
              name=${`kind-${b.id}`}
              id=${`kind-${kind}-${b.id}`}
              value=${kind}
              .checked=${ui.kind === kind}
              ?disabled=${busy}
              @change=${() => this.setUi(b.id, { kind, error: undefined, invalid: undefined })}
            />
            ${this.t.t(kind === 'rating' ? 'kindRating' : 'kindComplaint')}
          </label>`,
        )}
      </fieldset>
      ${ui.kind === 'rating'
        ? html`<fieldset class="rating" part="rating" aria-describedby=${ui.invalid === 'rating' ? errorId : nothing}>
              <legend>${this.t.t('ratingLabel')}</legend>
              <div class="stars-input">
                ${[1, 2, 3, 4, 5].map(
                  (n) => html`<label class="star" part="star" data-on=${(ui.rating ?? 0) >= n ? 'true' : 'false'}>
                    <input
                      type="radio"
                      class="visually-hidden"
                      name=${`rating-${b.id}`}
                      id=${`star-${n}-${b.id}`}
                      value=${n}
                      .checked=${ui.rating === n}
                      ?disabled=${busy}
                      aria-invalid=${ui.invalid === 'rating' ? 'true' : 'false'}
                      @change=${() => this.setUi(b.id, { rating: n, error: undefined, invalid: undefined })}
                    />
                    <span class="glyph" aria-hidden="true">★</span>
                    <span class="visually-hidden">${this.t.t('starName', n)}</span>
                  </label>`,
                )}
                <span class="muted rating-name" aria-hidden="true">${ui.rating ? this.t.t('ratingName', ui.rating) : ''}</span>
              </div>
            </fieldset>
            <label for=${`comment-${b.id}`}>${this.t.t('commentLabel')}</label>
            ${html`<textarea id=${`comment-${b.id}`} part="comment-input" rows="2" maxlength="1000" ?disabled=${busy}></textarea>`}`
        : html`<label for=${`complaint-${b.id}`}>${this.t.t('complaintLabel')}</label>
            ${html`<textarea id=${`complaint-${b.id}`} part="complaint-input" rows="3" maxlength="1000" required aria-invalid=${ui.invalid === 'complaint' ? 'true' : 'false'} aria-describedby=${ui.invalid === 'complaint' ? `${errorId} hint-${b.id}` : `hint-${b.id}`} ?disabled=${busy}></textarea>`}
            <p class="muted" id=${`hint-${b.id}`}>${this.t.t('complaintHint')}</p>`}
      ${actionError(b, ui)}
      <div class="actions">
        <button type="submit" class="bm-button" data-variant="primary" part="send-button" ?disabled=${busy}>
          ${this.t.t(busy ? 'sending' : 'send')}
        </button>
        <button type="button" class="bm-button" ?disabled=${busy} @click=${() => this.setUi(b.id, { mode: 'idle', error: undefined, invalid: undefined }, `feedback-${b.id}`)}>${this.t.t('closeForm')}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bm-booking-list': BmBookingList;
  }
  interface GlobalEventHandlersEventMap {
    'bm-booking-cancelled': BmBookingCancelledEvent;
    'bm-feedback-sent': BmFeedbackSentEvent;
  }
}
