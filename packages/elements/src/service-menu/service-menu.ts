import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  AUDIENCES,
  formatDate,
  formatPrice,
  formatPriceBands,
  formatWeekdays,
  isNetworkError,
  telHref,
  type Audience,
  type Locale,
  type PriceList,
  type ServiceItem,
} from '@bianmin/sdk';
import { BmElement } from '../base/element.js';
import { keepWhole } from '../base/keep-whole.js';
import { Resource } from '../controllers/resource.js';
import { Localize } from '../i18n/localize.js';
import { baseStyles, tokens } from '../theme/tokens.js';
import { UNFILED_CATEGORY_ID, filterCatalog, firstItems, indexCatalog, type CategoryGroup, type TopGroup } from './catalog-index.js';
import { messages, type ServiceMenuMessages } from './service-menu.i18n.js';
import { styles } from './service-menu.styles.js';

/**
 * Fired when a resident chooses a service that can be booked online, before the menu hands it to
 * the booking form named by `for`. Cancel it to stop that hand-over and handle the choice yourself.
 */
export class BmServiceSelectEvent extends Event {
  static readonly eventName = 'bm-service-select' as const;
  /** The chosen service, as the price list in force describes it. */
  readonly item: ServiceItem;
  readonly detail: { item: ServiceItem };
  constructor(item: ServiceItem) {
    super(BmServiceSelectEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.item = item;
    this.detail = { item };
  }
}

/** The target of `for`: a `<bm-booking-form>` (or anything taking a `serviceId`). */
type ServiceTarget = HTMLElement & { serviceId?: string };

interface MenuView {
  list: PriceList;
  query: string;
  audience: Audience | undefined;
  /** The categories and items that match, in reading order. */
  tops: TopGroup[];
  /** Ids of the items that match, in reading order. */
  ids: string[];
}

/**
 * The only price list residents may see: the approved list once published (seed 001). An approved
 * list not yet published is not in force, and a superseded list's prices no longer apply.
 */
const PUBLIC_STATUS: PriceList['status'] = 'published';

const AUDIENCE_KEYS = {
  household: 'audienceHousehold',
  office: 'audienceOffice',
  shop: 'audienceShop',
} as const satisfies Record<Audience, keyof ServiceMenuMessages>;

/**
 * The compound's convenience services (便民服务项目) from the approved price list in force: free and
 * paid services grouped by the two-level category tree, with a search box, an audience filter, each
 * price from the SDK's shared formatter, and how to get each service (book online, phone, front
 * desk). Printed, it becomes the residents' service handbook (便民服务手册).
 *
 * @summary The service menu and price list for residents.
 * @tagname bm-service-menu
 *
 * @event {BmServiceSelectEvent} bm-service-select - A service bookable online was chosen; `event.item` (also `event.detail.item`) is the `ServiceItem`. Cancelable: cancelling stops the `for` hand-over.
 *
 * @csspart base - The whole menu.
 * @csspart handbook-header - The handbook's title block (shown in print and with `handbook`).
 * @csspart handbook-title - The handbook's title.
 * @csspart search - The search box's wrapper.
 * @csspart search-input - The search field.
 * @csspart filters - The group of audience chips.
 * @csspart filter - One audience chip; the chosen one also has `filter-active`.
 * @csspart result-count - The polite live region with the number of services shown.
 * @csspart list - The composite of all categories and items (one tab stop).
 * @csspart category - A top category's section.
 * @csspart category-title - A top category's heading.
 * @csspart subcategory - A subcategory's section.
 * @csspart subcategory-title - A subcategory's heading.
 * @csspart items - The list of items of a subcategory.
 * @csspart item - One service.
 * @csspart item-name - A service's name.
 * @csspart price - A service's price, exactly as `formatPrice` gives it.
 * @csspart price-note - The note beside the price ("材料费按实际成本另计").
 * @csspart price-bands - Peak and off-peak prices, when the rule has bands.
 * @csspart hours - Opening hours.
 * @csspart actions - How to get a service.
 * @csspart action - One way to get it; also `book-button`, `phone-link`, `phone`, `desk` or `agreement`.
 * @csspart empty - The empty and no-match messages.
 * @csspart show-more - The button that renders the next page of matching services.
 * @csspart clear-search - The button that clears the search (or the audience filter) after no match.
 * @csspart notes - The price list's public notes.
 * @csspart loading - The loading message.
 * @csspart error - An error message (failed load, offline, invalid attribute, unapproved list).
 * @csspart retry-button - The retry button of an error.
 *
 * @cssproperty --bm-service-menu-gap - Space between sections. Default `var(--bm-space-4)`.
 * @cssproperty --bm-service-menu-item-background - Background of an item. Default `var(--bm-color-surface)`.
 * @cssproperty --bm-service-menu-item-border - Border colour of an item. Default `var(--bm-color-border)`.
 * @cssproperty --bm-service-menu-item-padding - Padding of an item. Default `var(--bm-space-3)`.
 * @cssproperty --bm-service-menu-price-color - Colour of prices. Default `var(--bm-color-primary)`.
 * @cssproperty --bm-service-menu-heading-color - Colour of category headings. Default `var(--bm-color-text)`.
 * @cssproperty --bm-service-menu-chip-radius - Corner radius of the audience chips. Default `999px`.
 *
 * @cssstate loading - The price list is loading.
 * @cssstate empty - The list has no services, or none matches the search and filter.
 * @cssstate error - Loading failed, the list is not the published one, or an attribute is invalid.
 * @cssstate offline - Loading failed because the network is down (together with `error`).
 */
export class BmServiceMenu extends BmElement {
  static override styles = [tokens, baseStyles, styles];

  /** Shows only services for this audience: `household`, `office` or `shop`; all when absent. The chips change it. */
  @property({ reflect: true }) audience?: string;

  /** The id of a `<bm-booking-form>` in the same document or shadow root that receives the chosen service. */
  @property({ attribute: 'for' }) htmlFor?: string;

  /** The search text: matches Chinese and English names, keywords and category names. The attribute sets the initial search. */
  @property() query = '';

  /** Shows the printed handbook layout (便民服务手册) on screen: no search, chips or buttons. */
  @property({ type: Boolean, reflect: true }) handbook = false;

  /**
   * Services rendered at first, and added by each "show more": a long list stays quick to search
   * and scroll. A positive whole number; the handbook layout and printing render every service.
   */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 12;

  /**
   * Seconds between quiet reloads of the price list, so that a page left open (a tablet at the
   * desk) shows a new list once it comes into force; `0` for never. A whole number, at most 86400.
   */
  @property({ type: Number, attribute: 'refresh-interval' }) refreshInterval = 3600;

  /** Pages shown beyond the first; back to none when the search or the audience changes. */
  @state() private morePages = 0;

  /** The document is being printed: every service is rendered. */
  @state() private printing = false;

  /** Ids of the items rendered, in reading order: what the arrow keys move through. */
  private shownIds: readonly string[] = [];

  /** The item holding the list's single tab stop (roving tabindex). */
  @state() private activeId?: string;

  private readonly msg = new Localize<ServiceMenuMessages>(this, messages);

  private readonly catalog = new Resource(this, {
    task: ([client], signal) => client.catalog.current({ signal }),
    args: () => (this.bm && !this.invalidAttribute ? ([this.bm.client] as const) : undefined),
    isEmpty: (list) => list.items.length === 0,
  });

  /** What the search and the audience leave visible, recomputed only when the list, the search or the audience changes. */
  private view?: MenuView;

  private refreshTimer?: ReturnType<typeof setInterval>;

  private get refreshValid(): boolean {
    const n = this.refreshInterval;
    // An empty or non-numeric attribute is a mistake, not "0" (which Number('') would make it).
    const attr = this.getAttribute('refresh-interval');
    return (attr === null || /^\s*\d+\s*$/.test(attr)) && Number.isInteger(n) && n >= 0 && n <= 86_400;
  }

  /** (Re)starts the quiet reloads; a reload already under way is not started again. */
  private armRefresh(): void {
    clearInterval(this.refreshTimer);
    if (this.isConnected && this.refreshValid && this.refreshInterval > 0) {
      this.refreshTimer = setInterval(() => this.catalog.status === 'pending' || void this.catalog.refresh(), this.refreshInterval * 1000);
    }
  }

  private readonly onOnline = (): void => {
    if (this.catalog.status === 'error') void this.catalog.refresh();
  };

  /** `beforeprint` and `afterprint`: every service is rendered while the document is printed. */
  private readonly onPrint = (e: Event): void => {
    this.printing = e.type === 'beforeprint';
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    window.addEventListener('beforeprint', this.onPrint);
    window.addEventListener('afterprint', this.onPrint);
    this.armRefresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('beforeprint', this.onPrint);
    window.removeEventListener('afterprint', this.onPrint);
    clearInterval(this.refreshTimer);
  }

  /** The audience in force; undefined for all (and for an invalid attribute, which renders an error). */
  get effectiveAudience(): Audience | undefined {
    return this.audienceValid && this.audience ? (this.audience as Audience) : undefined;
  }

  private get audienceValid(): boolean {
    return !this.audience || (AUDIENCES as readonly string[]).includes(this.audience);
  }

  /** The first attribute with a value the menu cannot use, with that value. */
  private get invalidAttribute(): readonly [name: string, value: string] | undefined {
    if (!this.audienceValid) return ['audience', this.audience ?? ''];
    if (!(Number.isInteger(this.pageSize) && this.pageSize >= 1)) return ['page-size', this.getAttribute('page-size') ?? String(this.pageSize)];
    if (!this.refreshValid) return ['refresh-interval', this.getAttribute('refresh-interval') ?? String(this.refreshInterval)];
    return undefined;
  }

  private get offline(): boolean {
    return this.catalog.status === 'error' && (isNetworkError(this.catalog.error) || navigator.onLine === false);
  }

  private filtered(list: PriceList): MenuView {
    const audience = this.effectiveAudience;
    const v = this.view;
    if (v && v.list === list && v.query === this.query && v.audience === audience) return v;
    // With no limit, `firstItems` returns the filtered tree as it is, and its ids.
    this.view = { list, query: this.query, audience, ...firstItems(filterCatalog(indexCatalog(list), this.query, audience), Infinity) };
    return this.view;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('query') || changed.has('audience')) this.morePages = 0;
    if (changed.has('refreshInterval')) this.armRefresh();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const status = this.catalog.status;
    const invalid = !this.bm || this.invalidAttribute !== undefined;
    const list = this.catalog.value;
    const shown = status === 'ready' && list && list.status === PUBLIC_STATUS ? this.filtered(list).ids.length : -1;
    this.setCustomState('loading', !invalid && (status === 'pending' || status === 'idle') && list === undefined);
    this.setCustomState('error', invalid || status === 'error' || (list !== undefined && list.status !== PUBLIC_STATUS));
    this.setCustomState('offline', !invalid && this.offline);
    this.setCustomState('empty', !invalid && (status === 'empty' || shown === 0));
  }

  protected override render(): unknown {
    if (!this.bm) return this.renderNoProvider();
    const invalid = this.invalidAttribute;
    if (invalid) {
      return html`<div class="bm-state" data-kind="error" role="alert" part="error">${this.common.t('invalidAttribute', ...invalid)}</div>`;
    }
    if (this.offline) {
      return html`<div class="bm-state" data-kind="error" role="alert" part="error offline">
        <span>${this.common.t('offline')}</span>
        <button type="button" class="bm-button" part="retry-button" @click=${() => void this.catalog.refresh()}>
          ${this.msg.t('offlineRetry')}
        </button>
      </div>`;
    }
    return this.renderResource(this.catalog, (list) => this.renderMenu(list), { empty: this.msg.t('emptyCatalog') });
  }

  private renderMenu(list: PriceList): TemplateResult {
    // Defence in depth: the API serves only the published list in force; no other list may reach residents (seed 001).
    if (list.status !== PUBLIC_STATUS) {
      return html`<div class="bm-state" data-kind="error" role="alert" part="error">${this.common.t('errorShape')}</div>`;
    }
    const view = this.filtered(list);
    const shown = this.handbook || this.printing ? view : firstItems(view.tops, this.pageSize * (1 + this.morePages));
    this.shownIds = shown.ids;
    const remaining = view.ids.length - shown.ids.length;
    const active = this.activeId !== undefined && shown.ids.includes(this.activeId) ? this.activeId : shown.ids[0];
    const locale = this.effectiveLocale;
    const phone = this.bm?.compound?.servicePhone;
    return html`<section part="base" class="menu" aria-label=${this.msg.t('menuLabel')}>
      <header part="handbook-header" class="handbook-header">
        <p part="handbook-title" class="handbook-title">${this.msg.t('handbookTitle')}</p>
        ${this.bm?.compound ? html`<p>${this.msg.text(this.bm.compound.name)}</p>` : nothing}
        <p>${this.msg.t('version', list.version, formatDate(list.effectiveFrom, locale, this.timeZone))}</p>
        ${phone ? html`<p>${keepWhole(this.msg.t('servicePhone', phone), phone)}</p>` : nothing}
      </header>
      <div class="controls">
        <div part="search" class="search">
          <label for="search" class="visually-hidden">${this.msg.t('searchLabel')}</label>
          <input
            id="search"
            part="search-input"
            type="search"
            autocomplete="off"
            enterkeyhint="search"
            placeholder=${this.msg.t('searchPlaceholder')}
            .value=${live(this.query)}
            @input=${this.onSearchInput}
            @keydown=${this.onSearchKeydown}
          />
        </div>
        <div part="filters" class="filters" role="group" aria-label=${this.msg.t('filtersLabel')}>
          ${[undefined, ...AUDIENCES].map((a) => {
            const on = this.effectiveAudience === a;
            return html`<button
              type="button"
              class="chip"
              part=${on ? 'filter filter-active' : 'filter'}
              aria-pressed=${on ? 'true' : 'false'}
              data-audience=${a ?? 'all'}
              @click=${() => (this.audience = a)}
            >
              ${this.msg.t(a ? AUDIENCE_KEYS[a] : 'audienceAll')}
            </button>`;
          })}
        </div>
      </div>
      <p part="result-count" class="count" role="status" aria-live="polite">${this.msg.t('resultCount', view.ids.length)}</p>
      ${view.ids.length === 0 ? this.renderNoMatch() : nothing}
      <div
        part="list"
        class="list"
        role="group"
        aria-label=${this.msg.t('itemsLabel')}
        ?hidden=${view.ids.length === 0}
        @keydown=${this.onListKeydown}
        @focusin=${this.onListFocus}
      >
        ${repeat(
          shown.tops,
          (t) => t.category.id,
          (t) => this.renderTop(t, active, phone, locale),
        )}
      </div>
      ${remaining > 0
        ? html`<button type="button" class="bm-button more" part="show-more" @click=${this.showMore}>${this.msg.t('showMore', remaining)}</button>`
        : nothing}
      ${list.notes.length
        ? html`<aside part="notes" class="notes" aria-label=${this.msg.t('notesLabel')}>
            <ul>
              ${list.notes.map((n) => html`<li>${this.msg.text(n)}</li>`)}
            </ul>
          </aside>`
        : nothing}
    </section>`;
  }

  private renderNoMatch(): TemplateResult {
    const q = this.query.trim();
    return html`<div class="bm-state" data-kind="empty" part="empty">
      <span>${q ? this.msg.t('noMatch', q) : this.msg.t('noMatchAudience')}</span>
      <button type="button" class="bm-button" part="clear-search" @click=${q ? this.clearSearch : this.clearAudience}>
        ${q ? this.msg.t('clearSearch') : this.msg.t('showAll')}
      </button>
    </div>`;
  }

  // Only the items matching the search are rendered, the first pages of them: a keystroke in a
  // list of a thousand services changes at most a page of cards.
  private renderTop(top: TopGroup, active: string | undefined, phone: string | undefined, locale: Locale): TemplateResult {
    const c = top.category;
    const titleId = `cat-${c.id}`;
    return html`<section part="category" class="category" aria-labelledby=${titleId}>
      <h2 id=${titleId} part="category-title" class="category-title">${c.id === UNFILED_CATEGORY_ID ? this.msg.t('unfiled') : this.msg.text(c.name)}</h2>
      ${repeat(
        top.groups,
        (g) => g.category.id,
        (g) => this.renderGroup(g, g.category.id !== c.id, active, phone, locale),
      )}
    </section>`;
  }

  private renderGroup(group: CategoryGroup, isSub: boolean, active: string | undefined, phone: string | undefined, locale: Locale): TemplateResult {
    const titleId = `sub-${group.category.id}`;
    return html`<section part="subcategory" class="group" aria-labelledby=${isSub ? titleId : nothing}>
      ${isSub ? html`<h3 id=${titleId} part="subcategory-title" class="subcategory-title">${this.msg.text(group.category.name)}</h3>` : nothing}
      <ul part="items" class="items" role="list">
        ${repeat(
          group.items,
          (e) => e.item.id,
          // Cards that stay, with the same tab stop, are skipped entirely while typing (but not when
          // the English strings arrive after a zh-CN stand-in: resolvedLocale).
          (e) => {
            const isActive = e.item.id === active;
            return guard([e.item, isActive, phone, locale, this.msg.resolvedLocale], () => this.renderItem(e.item, isActive, phone, locale));
          },
        )}
      </ul>
    </section>`;
  }

  private renderItem(item: ServiceItem, isActive: boolean, compoundPhone: string | undefined, locale: Locale): TemplateResult {
    const id = item.id;
    const name = this.msg.text(item.name);
    const bands = formatPriceBands(item.price, locale);
    const online = item.bookingModes.includes('online');
    const number = item.bookingModes.includes('phone') ? (item.phone ?? compoundPhone) : undefined;
    const href = number ? telHref(number) : null;
    const described = `p-${id}${item.priceNote ? ` pn-${id}` : ''} a-${id}`;
    return html`<li
      part="item"
      class="item"
      data-id=${id}
      data-kind=${item.price.kind === 'free' ? 'free' : 'paid'}
      tabindex=${isActive ? '0' : '-1'}
      aria-labelledby=${`n-${id}`}
      aria-describedby=${described}
    >
      <div class="head"><span id=${`n-${id}`} part="item-name" class="name" .textContent=${name}></span><span id=${`p-${id}`} part="price" class="price" .textContent=${formatPrice(item.price, locale)}></span></div>
      ${item.priceNote ? html`<p id=${`pn-${id}`} part="price-note" class="note" .textContent=${this.msg.text(item.priceNote)}></p>` : nothing}
      ${bands.length ? html`<ul part="price-bands" class="bands">${bands.map((b) => html`<li>${b}</li>`)}</ul>` : nothing}
      ${item.hours?.length
        ? html`<p part="hours" class="hours">${item.hours.map(
            (h, i) => html`${i > 0 ? (locale === 'en' ? '; ' : '；') : ''}${formatWeekdays(h.days, locale)} <span class="bm-nowrap">${h.open}–${h.close}</span>`,
          )}</p>`
        : nothing}
      <div id=${`a-${id}`} part="actions" class="actions">
        ${online
          ? html`<button type="button" tabindex="-1" class="bm-button" data-variant="primary" part="action book-button" aria-label=${this.msg.t('bookLabel', name)} @click=${() => this.choose(item)}>
              ${this.msg.t('book')}
            </button>`
          : nothing}
        ${item.bookingModes.includes('phone')
          ? href && number
            ? html`<a class="bm-button" tabindex="-1" part="action phone-link" href=${href} aria-label=${this.msg.t('phoneLabel', name, number)}>${keepWhole(this.msg.t('phone', number), number)}</a>`
            : // A number telHref refuses (a +, letters) is still worth reading: shown as text, never as a link.
              html`<span part="action phone" class="mode">${number ? keepWhole(this.msg.t('phone', number), number) : this.msg.t('phoneNoNumber')}</span>`
          : nothing}
        ${item.bookingModes.includes('desk') ? html`<span part="action desk" class="mode">${this.msg.t('desk')}</span>` : nothing}
        ${item.bookingModes.includes('agreement') ? html`<span part="action agreement" class="mode">${this.msg.t('agreement')}</span>` : nothing}
      </div>
    </li>`;
  }

  private readonly onSearchInput = (e: Event): void => {
    this.query = (e.target as HTMLInputElement).value;
  };

  private readonly onSearchKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowDown' || e.altKey || e.ctrlKey || e.metaKey) return;
    const ids = this.shownIds;
    const id = this.activeId !== undefined && ids.includes(this.activeId) ? this.activeId : ids[0];
    if (id === undefined) return;
    e.preventDefault();
    this.focusItem(id);
  };

  private readonly clearSearch = (): void => {
    this.query = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus());
  };

  private readonly clearAudience = (): void => {
    this.audience = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-audience=all]')?.focus());
  };

  private readonly showMore = (): void => this.revealMore(this.shownIds.length);

  /** Renders one more page of services and moves focus to the item at `focusAt`, the first new one. */
  private revealMore(focusAt: number): void {
    this.morePages++;
    void this.updateComplete.then(() => {
      const id = this.shownIds[focusAt];
      if (id !== undefined) this.focusItem(id);
    });
  }

  /** Moves the list's tab stop to an item and focuses it. */
  private focusItem(id: string): void {
    this.activeId = id;
    const row = this.renderRoot.querySelector<HTMLElement>(`li.item[data-id="${CSS.escape(id)}"]`);
    if (row) {
      row.tabIndex = 0;
      row.focus();
    }
  }

  private readonly onListFocus = (e: FocusEvent): void => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('li.item');
    const id = row?.dataset['id'];
    if (id !== undefined && id !== this.activeId) this.activeId = id;
  };

  /** The composite's keys: ↑ ↓ Home End between items, → ← through an item's actions, Enter / Space to choose. */
  private readonly onListKeydown = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    const row = target.closest<HTMLElement>('li.item');
    const id = row?.dataset['id'];
    if (!row || id === undefined) return;
    const ids = this.shownIds;
    const i = ids.indexOf(id);
    const go = (j: number): void => {
      const next = ids[j];
      if (next === undefined) {
        // ↓ on the last card rendered brings in the next page when there is one.
        if (j === ids.length && ids.length < (this.view?.ids.length ?? 0)) {
          e.preventDefault();
          this.revealMore(j);
        }
        return;
      }
      e.preventDefault();
      this.focusItem(next);
    };
    const actions = [...row.querySelectorAll<HTMLElement>('button, a[href]')];
    const at = actions.indexOf(target);
    switch (e.key) {
      case 'ArrowDown':
        return go(i + 1);
      case 'ArrowUp':
        if (i === 0) {
          e.preventDefault();
          this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
          return;
        }
        return go(i - 1);
      case 'Home':
        return go(0);
      case 'End':
        return go(ids.length - 1);
      case 'ArrowRight': {
        const next = actions[at + 1];
        if (next) {
          e.preventDefault();
          next.focus();
        }
        return;
      }
      case 'ArrowLeft':
        if (at >= 0) {
          e.preventDefault();
          (actions[at - 1] ?? row).focus();
        }
        return;
      case 'Enter':
      case ' ':
        if (target !== row) return; // buttons and links keep their own keys
        e.preventDefault();
        this.activate(id, row);
        return;
    }
  };

  /** Enter on an item: book it if it can be booked online, else follow its phone link if any. */
  private activate(id: string, row: HTMLElement): void {
    const item = this.view?.list.items.find((x) => x.id === id);
    if (!item) return;
    if (item.bookingModes.includes('online')) this.choose(item);
    else row.querySelector<HTMLAnchorElement>('a[href]')?.click();
  }

  /** Emits `bm-service-select`; unless cancelled, hands the service to the booking form named by `for`. */
  private choose(item: ServiceItem): void {
    if (!item.bookingModes.includes('online')) return;
    if (!this.emit(new BmServiceSelectEvent(item)) || !this.htmlFor) return;
    const root = this.getRootNode() as Document | ShadowRoot;
    const target = root.getElementById?.(this.htmlFor) as ServiceTarget | null;
    if (!target) return;
    target.serviceId = item.id;
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView?.({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
    target.focus?.({ preventScroll: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bm-service-menu': BmServiceMenu;
  }
  interface GlobalEventHandlersEventMap {
    'bm-service-select': BmServiceSelectEvent;
  }
}
