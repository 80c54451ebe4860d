// English loads on demand: each widget's en strings are a module of their own, imported the first
// time a widget shows English. These tests prove that a widget never shows zh-CN in its place while
// they load, that a page loads them once, and that a failed load falls back to zh-CN and is tried
// again. The controller is tested on small test widgets with loaders the test controls; the real
// modules through the form fields and every widget's catalog.
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { http, HttpResponse } from 'msw';
import { BmElement } from '../../packages/elements/src/base/element.js';
import { defineElement } from '../../packages/elements/src/base/define.js';
import { Localize, MessageCatalog, type Translation } from '../../packages/elements/src/i18n/localize.js';
import '../../packages/elements/src/define/provider.js';
import '../../packages/elements/src/define/booking-form.js';
import type { BmProvider } from '../../packages/elements/src/provider/provider.js';
import type { BmNumberField } from '../../packages/elements/src/fields/number-field.js';
import { messages as bookingFormMessages } from '../../packages/elements/src/booking-form/booking-form.i18n.js';
import { messages as slotPickerMessages } from '../../packages/elements/src/booking-form/slot-picker.i18n.js';
import { messages as bookingListMessages } from '../../packages/elements/src/booking-list/booking-list.i18n.js';
import { feeBoardMessages } from '../../packages/elements/src/fee-board/fee-board.i18n.js';
import { fieldMessages } from '../../packages/elements/src/fields/fields.i18n.js';
import { messages as helpButtonMessages } from '../../packages/elements/src/help-button/help-button.i18n.js';
import { messages as loanLedgerMessages } from '../../packages/elements/src/loan-ledger/loan-ledger.i18n.js';
import { messages as serviceMenuMessages } from '../../packages/elements/src/service-menu/service-menu.i18n.js';
import { useMsw } from './helpers/msw.js';

const CJK = /[\u3400-\u9fff\uff00-\uffef]/;

type Words = { hello: string; count: (n: number) => string };
const zhWords: Words = { hello: '你好', count: (n: number) => `${n} 件` };
const enWords: Translation<Words> = { hello: 'Hello', count: (n: number) => `${n} items` };

/** A loader the test settles by hand; `calls` counts how often it was asked. */
function manualLoader() {
  const calls: { resolve: (strings: Translation<Words>) => void; reject: (error: unknown) => void }[] = [];
  const load = () => new Promise<Translation<Words>>((resolve, reject) => calls.push({ resolve, reject }));
  return { calls, load };
}

let widgets = 0;
/** A new widget type (its own tag and catalog, so nothing is loaded yet) on the shared base. */
function wordsWidget(load: () => Promise<Translation<Words>>): string {
  const catalog = new MessageCatalog(zhWords, { en: load });
  class WordsWidget extends BmElement {
    readonly msg = new Localize(this, catalog);
    protected override render() {
      return litHtml`<p>${this.msg.t('hello')}</p><p>${this.msg.t('count', 3)}</p>`;
    }
  }
  const tag = `bm-test-words-${++widgets}`;
  defineElement(tag, WordsWidget);
  return tag;
}

/** Everything the element's shadow root ever showed (text and attributes), from now on. */
function watch(el: Element): () => string {
  const seen: string[] = [];
  const root = el.shadowRoot!;
  const note = (records: MutationRecord[]) => {
    for (const r of records) {
      if (r.oldValue) seen.push(r.oldValue);
      for (const n of [...r.addedNodes, ...r.removedNodes]) seen.push(n.textContent ?? '');
      if (r.type === 'attributes' && r.attributeName) seen.push((r.target as Element).getAttribute(r.attributeName) ?? '');
    }
  };
  const observer = new MutationObserver(note);
  observer.observe(root, { subtree: true, childList: true, characterData: true, characterDataOldValue: true, attributes: true, attributeOldValue: true });
  return () => {
    note(observer.takeRecords());
    observer.disconnect();
    const attrs = [...root.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.value));
    return [...seen, root.textContent ?? '', ...attrs].join('\n');
  };
}

/** Mounts an element made by hand (so the test sees it before its first update). */
async function mount<T extends HTMLElement>(tag: string, attrs: Record<string, string> = {}): Promise<{ el: T; seen: () => string }> {
  const box = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement(tag) as T;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  box.append(el);
  return { el, seen: watch(el) };
}

const text = (el: Element) => el.shadowRoot!.textContent ?? '';

/** Console errors fail the story checks: collect them (and warnings) while `run` runs. */
async function quietly(run: () => Promise<void>): Promise<{ errors: unknown[][]; warnings: unknown[][] }> {
  const errors: unknown[][] = [];
  const warnings: unknown[][] = [];
  const { error, warn } = console;
  console.error = (...args: unknown[]) => void errors.push(args);
  console.warn = (...args: unknown[]) => void warnings.push(args);
  try {
    await run();
  } finally {
    console.error = error;
    console.warn = warn;
  }
  return { errors, warnings };
}

/** A test widget in English whose first load of the strings failed (offline): it shows zh-CN. */
async function afterFailedLoad(): Promise<{ loader: ReturnType<typeof manualLoader>; el: BmElement }> {
  const loader = manualLoader();
  const { el } = await mount<BmElement>(wordsWidget(loader.load), { locale: 'en' });
  await quietly(async () => {
    await waitUntil(() => loader.calls.length === 1);
    loader.calls[0]!.reject(new Error('offline'));
    await el.updateComplete;
  });
  return { loader, el };
}


describe('English strings loaded on demand', () => {
  useMsw(http.get('/api/compound', () => HttpResponse.json({ id: 'c1', name: { 'zh-CN': '测试小区', en: 'Test Compound' }, servicePhone: '0571-8888-6666', timeZone: 'Asia/Shanghai', buildings: [] })));

  // First, while no English module of the kit has loaded yet in this page.
  it('renders a real widget in English on its first completed update, with no zh-CN before', async () => {
    const { el, seen } = await mount<BmNumberField>('bm-number-field', { label: 'Guests', locale: 'en', required: '' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button')?.getAttribute('aria-label')).to.equal('Decrease Guests');
    expect(el.validationMessage).to.equal('Please fill in “Guests”.');
    expect(seen()).not.to.match(CJK);
  });

  it('holds the first render until the English strings are here', async () => {
    const loader = manualLoader();
    const { el, seen } = await mount<BmElement>(wordsWidget(loader.load), { locale: 'en' });
    await nextFrame();
    expect(loader.calls).to.have.length(1);
    expect(el.hasUpdated, 'nothing rendered while English loads').to.be.false;
    expect(text(el)).to.equal('');
    loader.calls[0]!.resolve(enWords);
    await el.updateComplete;
    expect(text(el)).to.equal('Hello3 items');
    expect(seen()).not.to.match(CJK);
  });

  it('renders zh-CN at once, loading nothing, when the locale is zh-CN', async () => {
    const loader = manualLoader();
    const { el } = await mount<BmElement>(wordsWidget(loader.load));
    await el.updateComplete;
    expect(text(el)).to.equal('你好3 件');
    expect(loader.calls).to.have.length(0);
  });

  it('loads the strings once for every instance of a widget type', async () => {
    const loader = manualLoader();
    const tag = wordsWidget(loader.load);
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    const a = document.createElement(tag) as BmElement;
    const b = document.createElement(tag) as BmElement;
    a.locale = 'en';
    b.locale = 'en';
    box.append(a, b);
    await nextFrame();
    expect(loader.calls).to.have.length(1);
    loader.calls[0]!.resolve(enWords);
    await Promise.all([a.updateComplete, b.updateComplete]);
    expect(text(a)).to.equal('Hello3 items');
    expect(text(b)).to.equal('Hello3 items');
    // A third one, later, has them at once.
    const c = document.createElement(tag) as BmElement;
    c.locale = 'en';
    box.append(c);
    await c.updateComplete;
    expect(text(c)).to.equal('Hello3 items');
    expect(loader.calls).to.have.length(1);
  });

  it('switches zh-CN → en → zh-CN at run time through its own locale', async () => {
    const loader = manualLoader();
    const { el } = await mount<BmElement>(wordsWidget(loader.load));
    await el.updateComplete;
    expect(text(el)).to.equal('你好3 件');
    el.locale = 'en';
    await nextFrame();
    expect(text(el), 'the old language stays, whole, until the new one is here').to.equal('你好3 件');
    loader.calls[0]!.resolve(enWords);
    await el.updateComplete;
    expect(text(el)).to.equal('Hello3 items');
    el.locale = 'zh-CN';
    await el.updateComplete;
    expect(text(el)).to.equal('你好3 件');
    el.locale = 'en';
    await el.updateComplete;
    expect(text(el), 'loaded once, English is at once').to.equal('Hello3 items');
    expect(loader.calls).to.have.length(1);
  });

  it('switches zh-CN → en → zh-CN at run time through the provider', async () => {
    const loader = manualLoader();
    const tag = wordsWidget(loader.load);
    const provider = await fixture<BmProvider>(html`<bm-provider base-url="/api" locale="zh-CN"></bm-provider>`);
    const el = document.createElement(tag) as BmElement;
    provider.append(el);
    await el.updateComplete;
    expect(text(el)).to.equal('你好3 件');
    provider.locale = 'en';
    await provider.updateComplete;
    await waitUntil(() => loader.calls.length === 1, 'the widget asks for English');
    expect(text(el)).to.equal('你好3 件');
    loader.calls[0]!.resolve(enWords);
    await el.updateComplete;
    expect(text(el)).to.equal('Hello3 items');
    provider.locale = 'zh-CN';
    await provider.updateComplete;
    await el.updateComplete;
    expect(text(el)).to.equal('你好3 件');
  });

  it('switches a real widget zh-CN → en → zh-CN at run time', async () => {
    const field = await fixture<BmNumberField>(html`<bm-number-field label="人数"></bm-number-field>`);
    const decrease = () => field.shadowRoot!.querySelector('button')!.getAttribute('aria-label');
    expect(decrease()).to.equal('减少人数');
    field.locale = 'en';
    await field.updateComplete;
    expect(decrease()).to.equal('Decrease 人数');
    field.locale = 'zh-CN';
    await field.updateComplete;
    expect(decrease()).to.equal('减少人数');
  });

  it('falls back to zh-CN when the strings cannot load, with no console error, and tries again next time', async () => {
    const loader = manualLoader();
    const tag = wordsWidget(loader.load);
    let el!: BmElement;
    const { errors, warnings } = await quietly(async () => {
      ({ el } = await mount<BmElement>(tag, { locale: 'en' }));
      await waitUntil(() => loader.calls.length === 1);
      loader.calls[0]!.reject(new TypeError('Failed to fetch dynamically imported module'));
      await el.updateComplete;
    });
    expect(text(el), 'zh-CN rather than nothing').to.equal('你好3 件');
    expect(errors).to.deep.equal([]);
    expect(warnings.every((w) => String(w[0]).startsWith('[bianmin]'))).to.be.true;

    // Other updates of the same widget do not wait for (or hammer) the server.
    el.requestUpdate();
    await el.updateComplete;
    expect(loader.calls).to.have.length(1);

    // English is needed again: a new widget of the same type tries again and gets it …
    const { el: other } = await mount<BmElement>(tag, { locale: 'en' });
    await waitUntil(() => loader.calls.length === 2, 'a new widget tries again');
    loader.calls[1]!.resolve(enWords);
    await other.updateComplete;
    expect(text(other)).to.equal('Hello3 items');
    // … and the one showing zh-CN in its place follows.
    await waitUntil(() => text(el) === 'Hello3 items', 'the fallen-back widget updates once English is here');
  });

  it('tries again when the locale is switched back to en after a failed load', async () => {
    const { loader, el } = await afterFailedLoad();
    expect(text(el)).to.equal('你好3 件');
    el.locale = 'zh-CN';
    await el.updateComplete;
    el.locale = 'en';
    await waitUntil(() => loader.calls.length === 2, 'switching to English tries again');
    expect(text(el)).to.equal('你好3 件');
    loader.calls[1]!.resolve(enWords);
    await el.updateComplete;
    expect(text(el)).to.equal('Hello3 items');
  });

  it('retries in the background on later updates, at most every retryAfter ms', async () => {
    const { loader, el } = await afterFailedLoad();
    const retryAfter = Localize.retryAfter;
    Localize.retryAfter = 0;
    try {
      el.requestUpdate();
      await el.updateComplete;
      expect(loader.calls).to.have.length(2);
      expect(text(el), 'a background retry does not hold the update').to.equal('你好3 件');
      loader.calls[1]!.resolve(enWords);
      await waitUntil(() => text(el) === 'Hello3 items', 'English once the retry succeeds');
    } finally {
      Localize.retryAfter = retryAfter;
    }
  });

  it('renders zh-CN after holdLimit when the strings are slow, then English when they arrive', async () => {
    const loader = manualLoader();
    const holdLimit = Localize.holdLimit;
    Localize.holdLimit = 50;
    try {
      const { el } = await mount<BmElement>(wordsWidget(loader.load), { locale: 'en' });
      await el.updateComplete;
      expect(text(el), 'not a blank widget while a hung request lasts').to.equal('你好3 件');
      loader.calls[0]!.resolve(enWords);
      await waitUntil(() => text(el) === 'Hello3 items', 'English once it arrives');
      expect(loader.calls).to.have.length(1);
    } finally {
      Localize.holdLimit = holdLimit;
    }
  });

  it('on a host that does not hold its updates, renders zh-CN, then English once loaded', async () => {
    const loader = manualLoader();
    const catalog = new MessageCatalog(zhWords, { en: loader.load });
    class PlainHost extends LitElement {
      effectiveLocale = 'en' as const;
      readonly msg = new Localize(this, catalog);
      protected override render() {
        return litHtml`${this.msg.t('hello')}`;
      }
    }
    defineElement('bm-test-plain-host', PlainHost);
    const el = await fixture<PlainHost>(html`<bm-test-plain-host></bm-test-plain-host>`);
    expect(text(el)).to.equal('你好');
    loader.calls[0]!.resolve(enWords);
    await waitUntil(() => text(el) === 'Hello');
  });

  it('accepts plain dictionaries (both locales inline), as before', async () => {
    class InlineHost extends BmElement {
      readonly msg = new Localize(this, { 'zh-CN': zhWords, en: enWords });
      protected override render() {
        return litHtml`${this.msg.t('hello')}`;
      }
    }
    defineElement('bm-test-inline-host', InlineHost);
    const el = await fixture<InlineHost>(html`<bm-test-inline-host locale="en"></bm-test-inline-host>`);
    expect(text(el)).to.equal('Hello');
  });

  it("loads every widget's English module, with exactly the keys of its zh-CN strings", async () => {
    const catalogs = {
      bookingFormMessages,
      slotPickerMessages,
      bookingListMessages,
      feeBoardMessages,
      fieldMessages,
      helpButtonMessages,
      loanLedgerMessages,
      serviceMenuMessages,
    } as Record<string, MessageCatalog<Record<string, string | ((...a: never[]) => string)>>>;
    for (const [name, catalog] of Object.entries(catalogs)) {
      expect(await catalog.load('en'), name).to.be.true;
      const en = catalog.get('en')!;
      expect(Object.keys(en).sort(), name).to.deep.equal(Object.keys(catalog.reference).sort());
      for (const [key, message] of Object.entries(en)) expect(typeof message, `${name}.${key}`).to.equal(typeof catalog.reference[key]);
    }
  });
});
