import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { html as litHtml, render } from 'lit';
import { BmElement } from '../../packages/elements/src/base/element.js';
import { defineElement } from '../../packages/elements/src/base/define.js';
import { keepWhole } from '../../packages/elements/src/base/keep-whole.js';
import { Resource } from '../../packages/elements/src/controllers/resource.js';
import { baseStyles, tokens } from '../../packages/elements/src/theme/tokens.js';
import '../../packages/elements/src/define/provider.js';
import type { BmProvider } from '../../packages/elements/src/provider/provider.js';
import { expectAccessible } from './helpers/axe.js';
import { useMsw } from './helpers/msw.js';

const compound = {
  id: 'c1',
  name: { 'zh-CN': '测试小区', en: 'Test Compound' },
  servicePhone: '0571-8888-6666',
  timeZone: 'Asia/Shanghai',
  buildings: [],
};

let calls: { signal?: AbortSignal; resolve?: (v: string[]) => void; reject?: (e: unknown) => void }[] = [];

/** A minimal widget built on the shared base, to test what every widget inherits. */
class TestProbe extends BmElement {
  static override styles = [tokens, baseStyles];
  get context() {
    return this.bm;
  }
  readonly items = new Resource(this, {
    task: ([client], signal) =>
      new Promise<string[]>((resolve, reject) => {
        void client;
        calls.push({ signal, resolve, reject });
      }),
    args: () => (this.bm ? [this.bm.client] : undefined),
    isEmpty: (v) => v.length === 0,
  });
  protected override render() {
    if (!this.bm) return this.renderNoProvider();
    return litHtml`<p data-locale=${this.effectiveLocale}></p>${this.renderResource(this.items, (v) => litHtml`<ul>${v.map((i) => litHtml`<li>${i}</li>`)}</ul>`)}`;
  }
}
defineElement('bm-test-probe', TestProbe);

describe('the shared element base', () => {
  const msw = useMsw(http.get('/api/compound', () => HttpResponse.json(compound)));
  beforeEach(() => {
    calls = [];
  });

  it('shows a readable error, not a blank box, when a widget has no provider', async () => {
    const el = await fixture<TestProbe>(html`<bm-test-probe></bm-test-probe>`);
    const alert = el.shadowRoot!.querySelector('[role=alert]');
    expect(alert?.textContent).to.contain('<bm-provider>');
    await expectAccessible(el);
  });

  it('explains in English when the page asks for English', async () => {
    const el = await fixture<TestProbe>(html`<bm-test-probe locale="en"></bm-test-probe>`);
    expect(el.shadowRoot!.querySelector('[role=alert]')?.textContent).to.contain('must be placed inside');
  });

  it('gives the client, the locale and the compound settings to widgets inside it', async () => {
    const provider = await fixture<BmProvider>(html`<bm-provider base-url="/api" locale="en"><bm-test-probe></bm-test-probe></bm-provider>`);
    const probe = provider.querySelector('bm-test-probe') as TestProbe;
    await waitUntil(() => calls.length === 1, 'the widget starts loading through the provided client');
    expect(probe.effectiveLocale).to.equal('en');
    await waitUntil(() => provider.compound !== undefined, 'the compound settings load');
    expect(provider.compound?.servicePhone).to.equal('0571-8888-6666');
  });

  it('asks for the compound settings again when the network comes back, and gives them to the widgets', async () => {
    let up = false;
    let asked = 0;
    msw.use(http.get('/api/compound', () => (asked++, up ? HttpResponse.json(compound) : HttpResponse.error())));
    const provider = await fixture<BmProvider>(html`<bm-provider base-url="/api"><bm-test-probe></bm-test-probe></bm-provider>`);
    const probe = provider.querySelector('bm-test-probe') as TestProbe;
    await waitUntil(() => calls.length === 1);
    // The client tries 3 times (2 retries) before giving up; then the settings are missing.
    await waitUntil(() => asked === 3, 'the client gives up', { timeout: 5000 });
    await new Promise((r) => setTimeout(r, 50));
    expect(provider.compound).to.equal(undefined);
    up = true;
    const ready = oneEvent(provider, 'bm-provider-ready');
    dispatchEvent(new Event('online'));
    expect((await ready).detail.compound.servicePhone).to.equal('0571-8888-6666');
    await waitUntil(() => probe.context?.compound?.servicePhone === '0571-8888-6666', 'the widget gets the settings');
  });

  describe('asking for the compound settings again after a pause', () => {
    /** The provider's long pauses (15 s and up), held here instead of waited for; shorter timers run as usual. */
    let pauses: { run: () => void; ms: number }[];
    const realSetTimeout = window.setTimeout;
    beforeEach(() => {
      pauses = [];
      window.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
        if ((ms ?? 0) < 15_000) return realSetTimeout(fn, ms, ...args);
        pauses.push({ run: fn as () => void, ms: ms! });
        return 0;
      }) as typeof window.setTimeout;
    });
    afterEach(() => {
      window.setTimeout = realSetTimeout;
    });

    for (const [what, fail] of [
      ['a server error (503)', () => new HttpResponse(null, { status: 503 })],
      ['a refused sign-in (401), which a new sign-in may fix', () => HttpResponse.json({ code: 'unauthorized', message: 'sign in' }, { status: 401 })],
    ] as const) {
      it(`after ${what}: 15 s, then 30 s, until the settings arrive`, async () => {
        let up = false;
        let asked = 0;
        msw.use(http.get('/api/compound', () => (asked++, up ? HttpResponse.json(compound) : fail())));
        const provider = await fixture<BmProvider>(html`<bm-provider base-url="/api"></bm-provider>`);
        await waitUntil(() => pauses.length === 1, 'a pause is scheduled after the failure', { timeout: 5000 });
        const first = asked;
        expect(pauses[0]!.ms).to.equal(15_000);
        pauses[0]!.run();
        await waitUntil(() => pauses.length === 2, 'still failing: a longer pause', { timeout: 5000 });
        expect(asked, 'the pause asked again').to.be.greaterThan(first);
        expect(pauses[1]!.ms).to.equal(30_000);
        up = true;
        const ready = oneEvent(provider, 'bm-provider-ready');
        pauses[1]!.run();
        expect((await ready).detail.compound.servicePhone).to.equal('0571-8888-6666');
        await new Promise((r) => realSetTimeout(r, 50));
        expect(pauses.length, 'no pause once the settings are in').to.equal(2);
      });
    }

    it('does not ask again after a refusal that asking again cannot change (403, 404)', async () => {
      for (const status of [403, 404]) {
        let asked = 0;
        msw.use(http.get('/api/compound', () => (asked++, HttpResponse.json({ code: 'forbidden', message: 'no' }, { status }))));
        const provider = await fixture<BmProvider>(html`<bm-provider base-url="/api"></bm-provider>`);
        await waitUntil(() => asked >= 1, 'the settings are asked for');
        await new Promise((r) => realSetTimeout(r, 100));
        expect(provider.compound).to.equal(undefined);
        expect(pauses.length, `no pause after ${status}`).to.equal(0);
      }
    });
  });

  it('lets the nearest of nested providers win', async () => {
    const outer = await fixture<BmProvider>(html`<bm-provider base-url="/api" locale="zh-CN">
      <bm-provider base-url="/api" locale="en"><bm-test-probe id="inner"></bm-test-probe></bm-provider>
      <bm-test-probe id="outer"></bm-test-probe>
    </bm-provider>`);
    const inner = outer.querySelector('#inner') as TestProbe;
    const outerProbe = outer.querySelector('#outer') as TestProbe;
    await inner.updateComplete;
    await outerProbe.updateComplete;
    expect(inner.effectiveLocale).to.equal('en');
    expect(outerProbe.effectiveLocale).to.equal('zh-CN');
  });

  it('reaches widgets that were upgraded before their provider', async () => {
    const host = await fixture<HTMLElement>(html`<div><bm-late-provider base-url="/api"><bm-test-probe></bm-test-probe></bm-late-provider></div>`);
    const probe = host.querySelector('bm-test-probe') as TestProbe;
    await probe.updateComplete;
    expect(probe.shadowRoot!.querySelector('[role=alert]')).to.exist;
    // Now the provider's tag is defined: the widget must find it without being re-attached.
    const { BmProvider } = await import('../../packages/elements/src/provider/provider.js');
    customElements.define('bm-late-provider', class extends BmProvider {});
    await waitUntil(() => calls.length === 1, 'the widget loads once the provider exists');
  });

  it('says what is missing when a provider has neither base-url nor client', async () => {
    const provider = await fixture<BmProvider>(html`<bm-provider></bm-provider>`);
    expect(provider.shadowRoot!.querySelector('[role=alert]')?.textContent).to.contain('base-url');
  });

  it('renders loading, then the data; empty; and an error with a retry that works', async () => {
    const provider = await fixture<BmProvider>(html`<bm-provider base-url="/api"><bm-test-probe></bm-test-probe></bm-provider>`);
    const probe = provider.querySelector('bm-test-probe') as TestProbe;
    await waitUntil(() => calls.length === 1);
    await probe.updateComplete;
    expect(probe.shadowRoot!.querySelector('[role=status]')).to.exist;
    await expectAccessible(probe);

    calls[0]!.reject!(Object.assign(new Error('down'), { name: 'HttpError', status: 503, requestId: 'req-42' }));
    await waitUntil(() => probe.items.status === 'error');
    await probe.updateComplete;
    const alert = probe.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('服务器暂时不可用');
    expect(alert.textContent).to.contain('req-42');
    await expectAccessible(probe);

    (alert.querySelector('button') as HTMLButtonElement).click();
    await waitUntil(() => calls.length === 2, 'retry runs the task again');
    calls[1]!.resolve!([]);
    await waitUntil(() => probe.items.status === 'empty');
    await probe.updateComplete;
    expect(probe.shadowRoot!.querySelector('[part=empty]')).to.exist;

    const refreshed = probe.items.refresh();
    calls[2]!.resolve!(['甲', '乙']);
    await refreshed;
    await waitUntil(() => probe.items.status === 'ready');
    await probe.updateComplete;
    expect([...probe.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['甲', '乙']);
  });

  it('aborts a pending load when the widget is removed from the page', async () => {
    const provider = await fixture<BmProvider>(html`<bm-provider base-url="/api"><bm-test-probe></bm-test-probe></bm-provider>`);
    await waitUntil(() => calls.length === 1);
    const signal = calls[0]!.signal!;
    expect(signal.aborted).to.equal(false);
    provider.querySelector('bm-test-probe')!.remove();
    expect(signal.aborted).to.equal(true);
  });

  it('warns instead of throwing when a tag is defined twice by different copies', () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      defineElement('bm-test-probe', class extends TestProbe {});
      defineElement('bm-test-probe', TestProbe);
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
    expect(String(warnings[0])).to.contain('bm-test-probe');
  });
});

describe('keepWhole', () => {
  const rendered = (value: unknown) => {
    const host = document.createElement('div');
    render(value, host);
    return host;
  };

  it('wraps the number, and only the number, in one .bm-nowrap span, keeping the message’s text and order', () => {
    for (const [message, number] of [
      ['如需取消，或致电 0571-8888-6666。', '0571-8888-6666'],
      ['0571-8888-6666 (24 hours)', '0571-8888-6666'],
      ['Call 110', '110'],
    ] as const) {
      const host = rendered(keepWhole(message, number));
      expect(host.textContent).to.equal(message);
      const spans = host.querySelectorAll('.bm-nowrap');
      expect(spans).to.have.length(1);
      expect(spans[0]!.textContent).to.equal(number);
    }
  });

  it('gives back a message without the number (or with no number at all) as it is', () => {
    expect(keepWhole('价目表暂不可用，请联系物业', '0571-8888-6666')).to.equal('价目表暂不可用，请联系物业');
    expect(keepWhole('这项服务不接受网上预约，请致电物业或到服务台办理。', '')).to.equal('这项服务不接受网上预约，请致电物业或到服务台办理。');
  });
});
