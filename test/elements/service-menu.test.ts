import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { TemplateResult } from 'lit';
import { COMPOUND, DEMO_RESIDENT_TOKEN, createHandlers, createMockBackend } from '@bianmin/mock';
import { formatPrice, formatWeekdays, telHref, type Locale, type PriceList, type ServiceItem } from '@bianmin/sdk';
import '../../packages/elements/src/define/provider.js';
import '../../packages/elements/src/define/service-menu.js';
import type { BmServiceMenu, BmServiceSelectEvent } from '../../packages/elements/src/service-menu/service-menu.js';
import { expectAccessible } from './helpers/axe.js';
import { linesOfText } from './helpers/lines.js';
import { useMsw } from './helpers/msw.js';

// A fixed clock: the list in force is 2026's, last year's is superseded, next year's is a draft.
const backend = createMockBackend({ now: () => new Date('2026-03-10T10:00:00+08:00') });

const published = (): PriceList => backend.state.priceLists.find((l) => l.status === 'published')!;
const draft = (): PriceList => backend.state.priceLists.find((l) => l.status === 'draft')!;

async function mount(menu: TemplateResult): Promise<BmServiceMenu> {
  const host = await fixture<HTMLElement>(
    html`<div><bm-provider base-url="/api" .getToken=${() => DEMO_RESIDENT_TOKEN}>${menu}</bm-provider></div>`,
  );
  return host.querySelector('bm-service-menu')!;
}

const root = (el: BmServiceMenu): ShadowRoot => el.shadowRoot!;

/** Waits until the menu has left its loading state (list, empty, or an error). */
async function settled(el: BmServiceMenu): Promise<void> {
  await waitUntil(() => root(el).querySelector('[part~=list], [part~=empty], [part~=error]'), 'the menu finishes loading', { timeout: 5000 });
  await el.updateComplete;
}

/** The items a resident can see (filtering hides the others). */
const shownIds = (el: BmServiceMenu): string[] => [...root(el).querySelectorAll<HTMLElement>('li[part~=item]')].filter((li) => li.checkVisibility()).map((li) => li.dataset['id']!);
const row = (el: BmServiceMenu, id: string) => root(el).querySelector<HTMLElement>(`li[part~=item][data-id="${id}"]`);
const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const activeInMenu = (el: BmServiceMenu): Element | null => root(el).activeElement;

async function setQuery(el: BmServiceMenu, q: string): Promise<void> {
  el.query = q;
  await el.updateComplete;
}

/** The order a resident reads the list in: top categories, their subcategories, then items, each by `order`. */
function treeOrder(list: PriceList): ServiceItem[] {
  const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;
  const out: ServiceItem[] = [];
  for (const top of list.categories.filter((c) => c.parentId === null).sort(byOrder)) {
    for (const cat of [top, ...list.categories.filter((c) => c.parentId === top.id).sort(byOrder)]) {
      out.push(...list.items.filter((i) => i.categoryId === cat.id).sort(byOrder));
    }
  }
  return out;
}

describe('<bm-service-menu>', () => {
  const msw = useMsw(...createHandlers(backend, { baseUrl: '/api' }));
  beforeEach(() => backend.reset());

  it('renders the approved list grouped by its two-level category tree', async () => {
    const el = await mount(html`<bm-service-menu page-size="100"></bm-service-menu>`);
    await settled(el);
    const list = published();
    expect(shownIds(el)).to.deep.equal(treeOrder(list).map((i) => i.id));
    expect(text(root(el).querySelector('[part~=result-count]'))).to.equal(`共 ${list.items.length} 项服务`);

    const tops = [...root(el).querySelectorAll('[part~=category]')];
    const topNames = list.categories.filter((c) => c.parentId === null).sort((a, b) => a.order - b.order).map((c) => c.name['zh-CN']);
    expect(tops.map((s) => text(s.querySelector('[part~=category-title]')))).to.deep.equal(topNames);
    // Each item sits under the heading of its own subcategory, inside the section of its top category.
    for (const item of list.items) {
      const sub = row(el, item.id)!.closest('[part~=subcategory]')!;
      const cat = list.categories.find((c) => c.id === item.categoryId)!;
      expect(text(sub.querySelector('[part~=subcategory-title]')), item.id).to.equal(cat.name['zh-CN']);
      const top = list.categories.find((c) => c.id === cat.parentId)!;
      expect(text(sub.closest('[part~=category]')!.querySelector('[part~=category-title]')), item.id).to.equal(top.name['zh-CN']);
    }
    expect(el.matches(':state(loading)')).to.equal(false);
    await expectAccessible(el);
  });

  it('shows exactly the shared formatPrice text, and the price note, for every item in both locales', async () => {
    for (const locale of ['zh-CN', 'en'] as Locale[]) {
      const el = await mount(html`<bm-service-menu locale=${locale} page-size="100"></bm-service-menu>`);
      await settled(el);
      const list = published();
      expect(shownIds(el)).to.have.length(list.items.length);
      for (const item of list.items) {
        const li = row(el, item.id)!;
        expect(text(li.querySelector('[part~=price]')), `${locale} ${item.id}`).to.equal(formatPrice(item.price, locale));
        expect(text(li.querySelector('[part~=item-name]'))).to.equal(locale === 'en' ? (item.name.en ?? item.name['zh-CN']) : item.name['zh-CN']);
        const note = item.priceNote ? (locale === 'en' ? (item.priceNote.en ?? item.priceNote['zh-CN']) : item.priceNote['zh-CN']) : '';
        expect(text(li.querySelector('[part~=price-note]')), `${locale} note ${item.id}`).to.equal(note);
      }
      if (locale === 'en') {
        expect(text(root(el).querySelector('[part~=result-count]'))).to.equal(`${list.items.length} services`);
        await expectAccessible(el);
      }
    }
  });

  it('tells how to get each service: a book button, a tel: link built by telHref, or the front desk', async () => {
    backend.state.priceLists.find((l) => l.status === 'published')!.items.find((i) => i.id === 'svc-taxi-booking')!.phone = '0571-8765-4321';
    const el = await mount(html`<bm-service-menu page-size="100"></bm-service-menu>`);
    await settled(el);
    await waitUntil(() => row(el, 'svc-ticket-booking')?.querySelector('a[href]'), 'the compound phone arrives');
    // Online: a book button; phone: the compound's 24-hour phone unless the item has its own.
    expect(row(el, 'svc-gym')!.querySelector('[part~=book-button]')).to.exist;
    expect(row(el, 'svc-ticket-booking')!.querySelector('[part~=book-button]')).to.equal(null);
    expect(row(el, 'svc-ticket-booking')!.querySelector('a')!.getAttribute('href')).to.equal(telHref(COMPOUND.servicePhone));
    expect(row(el, 'svc-taxi-booking')!.querySelector('a')!.getAttribute('href')).to.equal(telHref('0571-8765-4321'));
    expect(text(row(el, 'svc-reading-room')!.querySelector('[part~=actions]'))).to.equal('到服务台办理');
    for (const a of root(el).querySelectorAll('a[href]')) expect(a.getAttribute('href')).to.match(/^tel:\d+$/);
  });

  it('shows a number telHref refuses as text, never as a link, and says 电话办理 only when there is no number', async () => {
    const items = backend.state.priceLists.find((l) => l.status === 'published')!.items;
    items.find((i) => i.id === 'svc-taxi-booking')!.phone = '+86-571-8765-4321';
    backend.state.compound.servicePhone = '+86-571-8888-6666';
    const el = await mount(html`<bm-service-menu page-size="100"></bm-service-menu>`);
    await settled(el);
    await waitUntil(() => text(row(el, 'svc-ticket-booking')?.querySelector('[part~=phone]') ?? null).includes('8888'), 'the compound phone arrives');
    expect(text(row(el, 'svc-taxi-booking')!.querySelector('[part~=phone]'))).to.equal('电话 +86-571-8765-4321');
    expect(text(row(el, 'svc-ticket-booking')!.querySelector('[part~=phone]'))).to.equal('电话 +86-571-8888-6666');
    expect(root(el).querySelectorAll('[part~=phone-link]').length).to.equal(0);
    expect(root(el).querySelectorAll('a[href]').length).to.equal(0);
    await expectAccessible(el);
  });

  it('keeps each opening-hours range whole at any phone width, and a phone number whole however narrow the column', async () => {
    const gym = published().items.find((i) => i.id === 'svc-gym')!;
    const before = gym.hours;
    gym.hours = [
      { days: [1, 2, 3, 4, 5], open: '06:00', close: '22:00' },
      { days: [6, 7], open: '08:00', close: '20:00' },
    ];
    try {
      const el = await mount(html`<bm-service-menu page-size="100"></bm-service-menu>`);
      await settled(el);
      await waitUntil(() => row(el, 'svc-gym') && root(el).querySelector('[part~=phone-link]'), 'the gym and a phone link');
      const hours = row(el, 'svc-gym')!.querySelector('[part~=hours]')!;
      expect(text(hours)).to.equal(`${formatWeekdays([1, 2, 3, 4, 5], 'zh-CN')} 06:00–22:00；${formatWeekdays([6, 7], 'zh-CN')} 08:00–20:00`);
      for (let width = 300; width <= 430; width += 5) {
        await setViewport({ width, height: 800 });
        for (const range of ['06:00–22:00', '08:00–20:00']) expect(linesOfText(hours, range), `${range} at ${width} px`).to.equal(1);
      }
      // A phone button wraps only in a column narrower than a phone (a portal's sidebar): around the number, not inside it.
      await setViewport({ width: 800, height: 600 });
      const phone = root(el).querySelector('[part~=phone-link]')!;
      const host = el.closest('bm-provider')!.parentElement!;
      for (let width = 120; width <= 260; width += 5) {
        host.style.width = `${width}px`;
        expect(linesOfText(phone, COMPOUND.servicePhone), `the phone button in ${width} px`).to.equal(1);
      }
    } finally {
      gym.hours = before;
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('never shows the draft list: neither its new items nor its prices', async () => {
    const extra: ServiceItem = { ...published().items[0]!, id: 'svc-draft-only', name: { 'zh-CN': '草案新增服务', en: 'Draft-only service' }, order: 999 };
    draft().items.push(extra);
    const el = await mount(html`<bm-service-menu page-size="100"></bm-service-menu>`);
    await settled(el);
    expect(row(el, 'svc-draft-only')).to.equal(null);
    expect(text(root(el))).not.to.contain('草案新增服务');
    const gymNow = published().items.find((i) => i.id === 'svc-gym')!;
    const gymDraft = draft().items.find((i) => i.id === 'svc-gym')!;
    expect(formatPrice(gymDraft.price, 'zh-CN')).not.to.equal(formatPrice(gymNow.price, 'zh-CN'));
    expect(text(row(el, 'svc-gym')!.querySelector('[part~=price]'))).to.equal(formatPrice(gymNow.price, 'zh-CN'));
  });

  it('refuses to show any list but the published one, even if a server sends one', async () => {
    // A draft or submitted list is not approved; an approved one is not yet in force; a superseded one's prices no longer apply.
    for (const status of ['draft', 'submitted', 'approved', 'superseded'] as const) {
      msw.use(http.get('/api/catalog', () => HttpResponse.json({ ...published(), status })));
      const el = await mount(html`<bm-service-menu></bm-service-menu>`);
      await settled(el);
      expect(root(el).querySelector('[role=alert]'), status).to.exist;
      expect(shownIds(el), status).to.deep.equal([]);
      expect(el.matches(':state(error)'), status).to.equal(true);
    }
  });

  describe('search', () => {
    it('matches a Chinese name, an English name (any case), a keyword, a category name, and every word', async () => {
      const el = await mount(html`<bm-service-menu></bm-service-menu>`);
      await settled(el);
      await setQuery(el, '钟点工');
      expect(shownIds(el)).to.deep.equal(['svc-hourly-housekeeping']);
      await setQuery(el, 'TABLE TENNIS');
      expect(shownIds(el)).to.deep.equal(['svc-table-tennis', 'svc-table-tennis-course']);
      await setQuery(el, 'mahjong');
      expect(shownIds(el)).to.deep.equal(['svc-chess-room']);
      // 会所 is a top category: its items match though their names do not say it.
      await setQuery(el, '会所');
      expect(shownIds(el)).to.include('svc-gym');
      expect(shownIds(el)).not.to.include('svc-plumbing');
      // Every word must match, in a name, a keyword or a category name: 培训 alone matches all courses.
      await setQuery(el, '乒乓 培训');
      expect(shownIds(el)).to.deep.equal(['svc-table-tennis-course']);
      expect(text(root(el).querySelector('[part~=result-count]'))).to.equal('共 1 项服务');
      expect(root(el).querySelector('[part~=result-count]')!.getAttribute('aria-live')).to.equal('polite');
      await expectAccessible(el);
    });

    it('filters as the resident types, starting from the query attribute', async () => {
      const el = await mount(html`<bm-service-menu query="洗"></bm-service-menu>`);
      await settled(el);
      expect(shownIds(el)).to.include('svc-car-wash');
      const input = root(el).querySelector<HTMLInputElement>('[part~=search-input]')!;
      expect(input.value).to.equal('洗');
      input.focus();
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: 'xiche' });
      await el.updateComplete;
      expect(shownIds(el)).to.deep.equal(['svc-car-wash']);
    });

    it('says no service matches the words, and the clear button brings everything back', async () => {
      const el = await mount(html`<bm-service-menu query="火箭发射" page-size="100"></bm-service-menu>`);
      await settled(el);
      const empty = root(el).querySelector('[part~=empty]')!;
      expect(text(empty)).to.contain('没有找到与“火箭发射”相关的服务');
      expect(el.matches(':state(empty)')).to.equal(true);
      await expectAccessible(el);
      root(el).querySelector<HTMLButtonElement>('[part~=clear-search]')!.click();
      await el.updateComplete;
      expect(el.query).to.equal('');
      expect(shownIds(el)).to.have.length(published().items.length);
      expect(el.matches(':state(empty)')).to.equal(false);
    });
  });

  it('filters by audience from the attribute and from the chips', async () => {
    const el = await mount(html`<bm-service-menu audience="shop" page-size="100"></bm-service-menu>`);
    await settled(el);
    const list = published();
    const forShops = treeOrder(list).filter((i) => i.audiences.includes('shop'));
    expect(forShops.length).to.be.lessThan(list.items.length);
    expect(shownIds(el)).to.deep.equal(forShops.map((i) => i.id));
    expect(shownIds(el)).not.to.include('svc-nanny-finding');
    expect(root(el).querySelector('[data-audience=shop]')!.getAttribute('aria-pressed')).to.equal('true');
    await expectAccessible(el);

    root(el).querySelector<HTMLButtonElement>('[data-audience=household]')!.click();
    await el.updateComplete;
    expect(el.getAttribute('audience')).to.equal('household');
    expect(shownIds(el)).to.include('svc-nanny-finding');
    expect(shownIds(el)).not.to.include('svc-office-equipment-repair');

    root(el).querySelector<HTMLButtonElement>('[data-audience=all]')!.click();
    await el.updateComplete;
    expect(el.hasAttribute('audience')).to.equal(false);
    expect(shownIds(el)).to.have.length(list.items.length);
  });

  it('shows a readable error for a wrong audience, and loads once it is fixed', async () => {
    const el = await mount(html`<bm-service-menu audience="resident"></bm-service-menu>`);
    await el.updateComplete;
    const alert = root(el).querySelector('[role=alert]')!;
    expect(text(alert)).to.contain('audience="resident"');
    expect(el.matches(':state(error)')).to.equal(true);
    await expectAccessible(el);
    el.audience = 'office';
    await el.updateComplete;
    await waitUntil(() => shownIds(el).length > 0, 'the list loads once the attribute is valid', { timeout: 5000 });
    expect(shownIds(el).length).to.be.greaterThan(0);
    expect(el.matches(':state(error)')).to.equal(false);
  });

  it('reloads the list quietly at its refresh interval, so a page left open shows new prices', async () => {
    const el = await mount(html`<bm-service-menu refresh-interval="1" page-size="100"></bm-service-menu>`);
    await settled(el);
    const item = published().items.find((i) => i.price.kind === 'fixed')!;
    expect(text(row(el, item.id))).to.contain(formatPrice(item.price, 'zh-CN'));
    // The office corrects the price in force (as a newly published list would).
    item.price = { kind: 'fixed', amount: 12300 };
    await waitUntil(() => text(row(el, item.id)).includes('¥123'), 'the new price shows without a reload', { timeout: 4000 });
    expect(root(el).querySelector('[part~=error]')).to.equal(null);
  });

  it('explains a wrong refresh-interval instead of loading', async () => {
    const el = await mount(html`<bm-service-menu refresh-interval="-5"></bm-service-menu>`);
    await el.updateComplete;
    expect(text(root(el).querySelector('[role=alert]'))).to.contain('refresh-interval="-5"');
  });

  describe('keyboard', () => {
    it('type in search, ArrowDown into the list, Enter books the right item', async () => {
      const el = await mount(html`<bm-service-menu></bm-service-menu>`);
      await settled(el);
      await sendKeys({ press: 'Tab' });
      expect(activeInMenu(el)?.getAttribute('part')).to.equal('search-input');
      await sendKeys({ type: 'gym' });
      await el.updateComplete;
      expect(shownIds(el)).to.deep.equal(['svc-gym']);
      await sendKeys({ press: 'ArrowDown' });
      expect(activeInMenu(el)).to.equal(row(el, 'svc-gym'));
      const chosen = oneEvent(el, 'bm-service-select') as Promise<BmServiceSelectEvent>;
      await sendKeys({ press: 'Enter' });
      const event = await chosen;
      expect(event.item.id).to.equal('svc-gym');
      expect(event.item).to.deep.equal(published().items.find((i) => i.id === 'svc-gym'));
      expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
    });

    it('moves with the arrows, Home and End through one tab stop, Space chooses, Tab leaves', async () => {
      const el = await mount(html`<bm-service-menu audience="office" page-size="100"></bm-service-menu><button id="after">after</button>`);
      await settled(el);
      const ids = shownIds(el);
      root(el).querySelector<HTMLInputElement>('[part~=search-input]')!.focus();
      await sendKeys({ press: 'ArrowDown' });
      expect(activeInMenu(el)).to.equal(row(el, ids[0]!));
      await sendKeys({ press: 'ArrowDown' });
      expect(activeInMenu(el)).to.equal(row(el, ids[1]!));
      await el.updateComplete;
      expect(root(el).querySelectorAll('li[part~=item][tabindex="0"]')).to.have.length(1);
      await sendKeys({ press: 'End' });
      expect(activeInMenu(el)).to.equal(row(el, ids[ids.length - 1]!));
      await sendKeys({ press: 'Home' });
      expect(activeInMenu(el)).to.equal(row(el, ids[0]!));
      await sendKeys({ press: 'ArrowUp' });
      expect(activeInMenu(el)?.getAttribute('part')).to.equal('search-input');

      // An online item: Space chooses it.
      const bookable = published().items.find((i) => i.audiences.includes('office') && i.bookingModes.includes('online'))!;
      row(el, bookable.id)!.focus();
      const chosen = oneEvent(el, 'bm-service-select') as Promise<BmServiceSelectEvent>;
      await sendKeys({ press: 'Space' });
      expect((await chosen).item.id).to.equal(bookable.id);

      // ArrowRight reaches the item's own actions without adding tab stops.
      await sendKeys({ press: 'ArrowRight' });
      expect(activeInMenu(el)?.getAttribute('part')).to.contain('book-button');
      await sendKeys({ press: 'ArrowLeft' });
      expect(activeInMenu(el)).to.equal(row(el, bookable.id));

      await sendKeys({ press: 'Tab' });
      expect(document.activeElement?.id).to.equal('after');
    });
  });

  describe('for', () => {
    it('hands the chosen service to the booking form it names', async () => {
      const el = await mount(html`<bm-service-menu for="booking" query="gym"></bm-service-menu><div id="booking" tabindex="-1"></div>`);
      await settled(el);
      const form = el.parentElement!.querySelector('#booking') as HTMLElement & { serviceId?: string };
      row(el, 'svc-gym')!.querySelector<HTMLButtonElement>('[part~=book-button]')!.click();
      expect(form.serviceId).to.equal('svc-gym');
      expect(document.activeElement).to.equal(form);
    });

    it('leaves the form alone when a listener cancels bm-service-select', async () => {
      const el = await mount(html`<bm-service-menu for="booking" query="gym"></bm-service-menu><div id="booking" tabindex="-1"></div>`);
      await settled(el);
      const form = el.parentElement!.querySelector('#booking') as HTMLElement & { serviceId?: string };
      let seen: string | undefined;
      el.addEventListener('bm-service-select', (e) => {
        seen = e.item.id;
        e.preventDefault();
      });
      row(el, 'svc-gym')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(seen).to.equal('svc-gym');
      expect(form.serviceId).to.equal(undefined);
      expect(document.activeElement).not.to.equal(form);
    });
  });

  describe('states', () => {
    it('shows loading, then an error with a retry that works', async () => {
      backend.scenario.failNext(500, 3, { path: '/catalog' });
      const el = await mount(html`<bm-service-menu></bm-service-menu>`);
      expect(el.matches(':state(loading)')).to.equal(true);
      expect(root(el).querySelector('[part~=loading]')).to.exist;
      await settled(el);
      const alert = root(el).querySelector('[role=alert]')!;
      expect(text(alert)).to.contain('服务器暂时不可用');
      expect(el.matches(':state(error)')).to.equal(true);
      await expectAccessible(el);
      root(el).querySelector<HTMLButtonElement>('[part~=retry-button]')!.click();
      await waitUntil(() => shownIds(el).length > 0, 'retry loads the list', { timeout: 5000 });
      expect(el.matches(':state(error)')).to.equal(false);
    });

    it('says it is offline, and reloads by itself when the network is back', async () => {
      backend.scenario.offline = true;
      const el = await mount(html`<bm-service-menu locale="en"></bm-service-menu>`);
      await settled(el);
      expect(text(root(el).querySelector('[role=alert]'))).to.contain('You are offline');
      expect(el.matches(':state(offline)')).to.equal(true);
      await expectAccessible(el);
      backend.scenario.offline = false;
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => shownIds(el).length > 0, 'the list loads when the network returns', { timeout: 5000 });
      expect(el.matches(':state(offline)')).to.equal(false);
    });

    it('says the price list has no services when it is empty', async () => {
      msw.use(http.get('/api/catalog', () => HttpResponse.json({ ...published(), items: [] })));
      const el = await mount(html`<bm-service-menu></bm-service-menu>`);
      await settled(el);
      expect(text(root(el).querySelector('[part~=empty]'))).to.equal('价目表中暂无服务项目。');
      expect(el.matches(':state(empty)')).to.equal(true);
      await expectAccessible(el);
    });

    it('offers the whole list again when an audience has no services', async () => {
      const list = published();
      msw.use(http.get('/api/catalog', () => HttpResponse.json({ ...list, items: list.items.map((i) => ({ ...i, audiences: ['household'] })) })));
      const el = await mount(html`<bm-service-menu audience="shop" page-size="100"></bm-service-menu>`);
      await settled(el);
      expect(text(root(el).querySelector('[part~=empty]'))).to.contain('没有面向该对象的服务');
      root(el).querySelector<HTMLButtonElement>('[part~=clear-search]')!.click();
      await el.updateComplete;
      expect(shownIds(el)).to.have.length(list.items.length);
    });

    it('lays out the handbook without search, chips or buttons', async () => {
      const el = await mount(html`<bm-service-menu handbook></bm-service-menu>`);
      await settled(el);
      const hidden = (sel: string) => !root(el).querySelector(sel)!.checkVisibility();
      expect(hidden('[part~=search]')).to.equal(true);
      expect(hidden('[part~=filters]')).to.equal(true);
      expect(hidden('[part~=actions]')).to.equal(true);
      expect(hidden('[part~=handbook-header]')).to.equal(false);
      expect(text(root(el).querySelector('[part~=handbook-title]'))).to.equal('便民服务手册');
      await expectAccessible(el);
    });
  });

  describe('a long list', () => {
    const thousand = (): ServiceItem[] => {
      const subs = published().categories.filter((c) => c.parentId !== null);
      const audiences = [['household'], ['office'], ['shop'], ['household', 'office', 'shop']] as const;
      return Array.from({ length: 1000 }, (_, n) => {
        const no = String(n).padStart(4, '0');
        return {
          id: `big-${no}`,
          categoryId: subs[n % subs.length]!.id,
          name: { 'zh-CN': `测试服务${no}`, en: `Test service ${no}` },
          keywords: [`kw${no}`],
          audiences: [...audiences[n % audiences.length]!],
          bookingModes: n % 2 ? ['online'] : ['desk'],
          price: n % 3 ? { kind: 'fixed', amount: 100 * (n + 1) } : { kind: 'free' },
          order: n,
        };
      });
    };
    const serve = (items: ServiceItem[]) => msw.use(http.get('/api/catalog', () => HttpResponse.json({ ...published(), items })));
    const more = (el: BmServiceMenu) => root(el).querySelector<HTMLButtonElement>('[part~=show-more]');
    /** Presses "show more" until every match is rendered. */
    async function showAll(el: BmServiceMenu): Promise<void> {
      for (let b = more(el); b; b = more(el)) {
        b.click();
        await el.updateComplete;
      }
    }

    it('renders the first page of 1,000 services, counts them all, and shows more a page at a time', async () => {
      const items = thousand();
      serve(items);
      const el = await mount(html`<bm-service-menu></bm-service-menu>`);
      await settled(el);
      expect(el.pageSize).to.equal(12);
      expect(shownIds(el)).to.have.length(12);
      expect(text(root(el).querySelector('[part~=result-count]'))).to.equal('共 1000 项服务');
      expect(text(more(el))).to.equal('显示更多（还有 988 项）');

      const first = shownIds(el);
      more(el)!.click();
      await el.updateComplete;
      const second = shownIds(el);
      expect(second).to.have.length(24);
      expect(second.slice(0, 12)).to.deep.equal(first);
      // Focus moves to the first service the button brought in.
      expect(activeInMenu(el)).to.equal(row(el, second[12]!));
      expect(text(more(el))).to.equal('显示更多（还有 976 项）');
      await expectAccessible(el);
    });

    it('searches all 1,000 services, not just those rendered, and starts again from the first page', async () => {
      const items = thousand();
      serve(items);
      const el = await mount(html`<bm-service-menu></bm-service-menu>`);
      await settled(el);
      more(el)!.click();
      await el.updateComplete;

      await setQuery(el, '测试服务01');
      const hundreds = items.filter((i) => i.name['zh-CN'].startsWith('测试服务01')).map((i) => i.id);
      expect(text(root(el).querySelector('[part~=result-count]'))).to.equal(`共 ${hundreds.length} 项服务`);
      expect(shownIds(el)).to.have.length(12);
      await showAll(el);
      expect(shownIds(el).sort()).to.deep.equal(hundreds);

      await setQuery(el, 'KW0999');
      expect(shownIds(el)).to.deep.equal(['big-0999']);
      expect(more(el)).to.equal(null);

      await setQuery(el, 'test service 05');
      el.audience = 'shop';
      await el.updateComplete;
      // Three words, each of which must match somewhere: "05" anywhere in the number.
      const expected = items.filter((i) => i.name.en!.includes('05') && i.audiences.includes('shop')).map((i) => i.id);
      expect(text(root(el).querySelector('[part~=result-count]'))).to.equal(`共 ${expected.length} 项服务`);
      await showAll(el);
      expect(shownIds(el).sort()).to.deep.equal(expected);

      await setQuery(el, '');
      el.audience = undefined;
      await el.updateComplete;
      expect(shownIds(el)).to.have.length(12);
      expect(text(row(el, shownIds(el)[2]!)!.querySelector('[part~=price]'))).to.equal(
        formatPrice(items.find((i) => i.id === shownIds(el)[2])!.price, 'zh-CN'),
      );
    });

    it('brings in the next page when ↓ leaves the last service rendered; End stays among those rendered', async () => {
      serve(thousand());
      const el = await mount(html`<bm-service-menu page-size="5"></bm-service-menu>`);
      await settled(el);
      const ids = shownIds(el);
      expect(ids).to.have.length(5);
      row(el, ids[0]!)!.focus();
      await sendKeys({ press: 'End' });
      expect(activeInMenu(el)).to.equal(row(el, ids[4]!));
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      const next = shownIds(el);
      expect(next).to.have.length(10);
      expect(activeInMenu(el)).to.equal(row(el, next[5]!));
      expect(root(el).querySelectorAll('li[part~=item][tabindex="0"]')).to.have.length(1);
    });

    it('renders every service with a page size that large, in the handbook, and while printing', async () => {
      serve(thousand());
      const all = await mount(html`<bm-service-menu page-size="1000"></bm-service-menu>`);
      await settled(all);
      expect(shownIds(all)).to.have.length(1000);
      expect(more(all)).to.equal(null);

      const book = await mount(html`<bm-service-menu handbook page-size="10"></bm-service-menu>`);
      await settled(book);
      expect(root(book).querySelectorAll('li[part~=item]')).to.have.length(1000);

      const el = await mount(html`<bm-service-menu page-size="10"></bm-service-menu>`);
      await settled(el);
      expect(shownIds(el)).to.have.length(10);
      window.dispatchEvent(new Event('beforeprint'));
      await el.updateComplete;
      expect(root(el).querySelectorAll('li[part~=item]')).to.have.length(1000);
      window.dispatchEvent(new Event('afterprint'));
      await el.updateComplete;
      expect(shownIds(el)).to.have.length(10);
    });

    for (const bad of ['0', '-3', '2.5', 'many']) {
      it(`says page-size="${bad}" is wrong instead of rendering`, async () => {
        const el = await mount(html`<bm-service-menu page-size=${bad}></bm-service-menu>`);
        await waitUntil(() => root(el).querySelector('[part~=error]'), 'the error shows');
        expect(text(root(el).querySelector('[part~=error]'))).to.contain('page-size').and.to.contain(bad);
        expect(el.matches(':state(error)')).to.equal(true);
        // Mended, it loads and renders a page of that size.
        el.setAttribute('page-size', '30');
        await waitUntil(() => shownIds(el).length === 30, 'a page of 30 services', { timeout: 5000 });
        expect(el.matches(':state(error)')).to.equal(false);
      });
    }
  });
});
