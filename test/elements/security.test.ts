// Security of the widgets (docs/security.md, "How it is tested"):
//
// 1. XSS: every free-text field the API returns (names, notes, descriptions, replies, referral text,
//    numbers, building and room) carries markup, `javascript:` and `data:` payloads; phone fields carry
//    odd numbers the contract allows. Everything renders as inert text: no element comes from data,
//    no event-handler attribute, no href but tel: digits or http(s), and no payload ever runs.
// 2. CSP and Trusted Types: the built kit renders and is used under `script-src 'self'; style-src
//    'self'; require-trusted-types-for 'script'; trusted-types lit-html` with zero violations; the
//    bundles contain no eval and no Function constructor.
// 3. Storage: after a resident has used the menu, a booking, the list and the help button, no
//    token is in localStorage, sessionStorage, IndexedDB or cookies, and no personal data either.
import { expect } from '@open-wc/testing';
import { html, render, type TemplateResult } from 'lit';
import { createHandlers, createMockBackend, DEMO_RESIDENT_TOKEN, DEMO_STAFF_TOKEN, FIXTURE_IDS, HOUSEHOLDS, type MockBackend } from '@bianmin/mock';
import { endpoints, toEpoch, type EndpointId } from '@bianmin/sdk';
import '../../packages/elements/src/define/provider.js';
import '../../packages/elements/src/define/service-menu.js';
import '../../packages/elements/src/define/booking-form.js';
import '../../packages/elements/src/define/booking-list.js';
import '../../packages/elements/src/define/loan-ledger.js';
import '../../packages/elements/src/define/help-button.js';
import '../../packages/elements/src/define/fee-board.js';
import type { BmHelpButton } from '../../packages/elements/src/help-button/help-button.js';
import type { BmServiceMenu } from '../../packages/elements/src/service-menu/service-menu.js';
import type { CspReport } from './pages/csp-page.js';
import type { MountOptions } from './pages/widgets.js';
import { useMsw } from './helpers/msw.js';
import { countFetches, deepElements, deepText, networkIdle, sleep, tamperHandlers, until, watchUncaught } from './helpers/tamper.js';

const T0 = toEpoch('2026-03-11T10:00:00+08:00');
const now = () => new Date(T0);
let backend: MockBackend = createMockBackend({ now });

declare global {
  interface Window {
    __bmXss?: number;
    __x?: () => void;
  }
}

// One worker for the whole file; each suite installs its handlers per test.
const msw = useMsw();
countFetches();

// ─── 1. XSS ───────────────────────────────────────────────────────────────────────────────────

/** Payloads: each sets window.__bmXss if it ever runs. */
const CORPUS = [
  '<img src=x onerror="window.__bmXss=1">',
  '"><script>window.__bmXss=1</script>',
  'javascript:window.__bmXss=1',
  'data:text/html,<script>window.__bmXss=1</script>',
  '<svg onload="window.__bmXss=1"></svg><a href="javascript:window.__bmXss=1">点我</a>',
  `'><iframe srcdoc='<script>parent.__bmXss=1</script>'></iframe><style>*{display:none}</style>`,
] as const;
/** For fields of at most 20 and 10 characters (building, room, floor). */
const SHORT = '<svg/onload=__x()>';
const TINY = '<b>b</b>';

/** The most characters the contract allows in each free-text field (sdk/src/schema). */
const LIMITS: Record<string, number> = {
  'zh-CN': 2000, en: 2000, reply: 2000, description: 1000, comment: 1000, notes: 1000, note: 500, detail: 200,
  number: 200, subKind: 200, approvedBy: 80, name: 40, keywords: 40, version: 40, building: 20, room: 20, floor: 10,
};
/** Phone fields the contract lets be something else than a mobile number (ServicePhone). */
const ODD_PHONES = ['+86-571-8888-6666', '0571-----8888', '1-------------------'];
const MOBILE = /^1[3-9]\d{9}$/;

function fit(payload: string, limit: number): string {
  if (payload.length <= limit) return payload;
  return SHORT.length <= limit ? SHORT : TINY;
}

/** `body` with every free-text string replaced by `payload` (cut to fit) and odd service phones. */
function poison(body: unknown, payload: string, key = ''): unknown {
  if (Array.isArray(body)) return body.map((v) => poison(v, payload, key));
  if (body && typeof body === 'object') return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, poison(v, payload, k)]));
  if (typeof body !== 'string') return body;
  if ((key === 'phone' || key === 'servicePhone') && !MOBILE.test(body)) return ODD_PHONES[body.length % ODD_PHONES.length];
  const limit = LIMITS[key];
  // A price band's name is an enum (`peak`), not text.
  if (limit === undefined || (key === 'name' && (body === 'peak' || body === 'off-peak'))) return body;
  return fit(payload, limit);
}

interface XssSpec {
  tag: string;
  token: string | null;
  template: () => TemplateResult;
  ready: string;
  use?: (el: HTMLElement) => Promise<void>;
}

const sr = (el: Element) => el.shadowRoot!;

const XSS_SPECS: XssSpec[] = [
  { tag: 'bm-service-menu', token: DEMO_RESIDENT_TOKEN, template: () => html`<bm-service-menu page-size="100"></bm-service-menu>`, ready: 'li[part~=item]' },
  {
    tag: 'bm-booking-form',
    token: DEMO_RESIDENT_TOKEN,
    template: () => html`<bm-booking-form service-id=${FIXTURE_IDS.slotService} building="2栋" room="0601" contact-name="王芳" phone="13812345678"></bm-booking-form>`,
    ready: 'form[part=form]',
    use: async (el) => {
      const picker = () => sr(el).querySelector('bm-slot-picker')?.shadowRoot;
      await until(() => picker()?.querySelector('input[name=slot]:enabled'), 'a free slot');
      picker()!.querySelector<HTMLInputElement>('input[name=slot]:enabled')!.click();
      await until(() => sr(el).querySelector('[part=quote-line]'), 'the price');
      await sleep(50);
      sr(el).querySelector<HTMLButtonElement>('[part=submit]')!.click();
      await until(() => sr(el).querySelector('[part=receipt], [part=failure]'), 'the receipt');
    },
  },
  {
    tag: 'bm-booking-list',
    token: DEMO_RESIDENT_TOKEN,
    template: () => html`<bm-booking-list .now=${now}></bm-booking-list>`,
    ready: '[part=item]',
    use: async (el) => {
      sr(el).querySelector<HTMLButtonElement>('#tab-past')!.click();
      await until(() => sr(el).querySelector('[part=feedback-given]'), 'past bookings with their follow-up');
    },
  },
  { tag: 'bm-loan-ledger', token: DEMO_STAFF_TOKEN, template: () => html`<bm-loan-ledger .now=${now}></bm-loan-ledger>`, ready: '[part=row]' },
  {
    tag: 'bm-help-button',
    token: DEMO_RESIDENT_TOKEN,
    template: () => html`<bm-help-button inline outbox-name=${`xss-${Date.now()}-${Math.random()}`} poll-interval="60" .now=${() => T0}></bm-help-button>`,
    ready: '[part~=trigger]',
    use: async (el) => {
      const b = el as BmHelpButton;
      b.show();
      await until(() => sr(b).querySelector('[part~=form]'), 'the form');
      await networkIdle();
      sr(b).querySelector<HTMLInputElement>('input[name=kind][value=medical]')!.click();
      await b.updateComplete;
      sr(b).querySelector<HTMLInputElement>('input[name=wanted][value=ambulance]')!.click();
      for (const [name, value] of [['building', '2栋'], ['phone', '13812345678'], ['description', '老人摔倒']]) {
        const input = sr(b).querySelector<HTMLInputElement>(`[name=${name}]`)!;
        input.value = value!;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      await b.updateComplete;
      sr(b).querySelector<HTMLButtonElement>('[part~=submit]')!.click();
      await until(() => sr(b).querySelector('[part~=entry][data-state=delivered]'), 'the request is delivered');
      // The desk replies and refers the resident on; a reopen shows both (with the poisoned text).
      const request = backend.state.helpRequests.at(-1)!;
      const staff = (path: string, body: unknown) =>
        backend.handle(
          new Request(`${location.origin}/api/help-requests/${request.id}/${path}`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${DEMO_STAFF_TOKEN}`, 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          }),
        );
      await staff('acknowledge', {});
      await staff('reply', { reply: '师傅马上到' });
      await staff('refer', { to: { 'zh-CN': '社区医院' }, phone: '0571-8888-1200', note: { 'zh-CN': '请带上病历' } });
      b.hide();
      await until(() => !sr(b).querySelector<HTMLDialogElement>('dialog')!.open && !b.open, 'the dialog closes');
      b.show();
      await until(() => sr(b).querySelector('[part~=reply]') && sr(b).querySelector('[part~=referral]'), 'the reply and the referral');
    },
  },
  {
    tag: 'bm-fee-board',
    token: null,
    template: () => html`<bm-fee-board layout="embedded" style="width: 1280px"></bm-fee-board>`,
    ready: '[part=board] [data-row]',
  },
];

/** Every way markup could have come alive in `el`'s tree. */
function injected(el: HTMLElement): string[] {
  const out: string[] = [];
  for (const node of deepElements(el)) {
    if (['img', 'script', 'iframe', 'svg', 'object', 'embed', 'style', 'link', 'b', 'base', 'meta'].includes(node.localName)) out.push(`<${node.localName}> element`);
    for (const a of node.attributes) {
      if (a.name.startsWith('on')) out.push(`${a.name} attribute on <${node.localName}>`);
      if (['srcdoc', 'src', 'formaction', 'action', 'xlink:href'].includes(a.name)) out.push(`${a.name}="${a.value}" on <${node.localName}>`);
    }
    if (node.localName === 'a' && node.hasAttribute('href')) {
      const href = node.getAttribute('href')!;
      if (!/^(tel:\d+|https?:\/\/)/.test(href)) out.push(`<a href="${href}">`);
    }
  }
  return out;
}

describe('XSS: markup in every text the API returns is shown as text', function () {
  let broken: string[] = [];

  beforeEach(() => {
    backend = createMockBackend({ now });
    localStorage.clear();
    window.__bmXss = undefined;
    window.__x = () => {
      window.__bmXss = 1;
    };
  });

  for (const spec of XSS_SPECS) {
    it(`${spec.tag}: ${CORPUS.length} payloads in every free-text field, odd numbers in every phone field`, async function (this: MochaContext) {
      this.timeout(120_000);
      const failures: string[] = [];
      for (const [i, payload] of CORPUS.entries()) {
        backend.reset();
        broken = [];
        const seen = new Set<string>();
        msw.resetHandlers(
          ...tamperHandlers(backend, (body, ctx) => {
            if (!ctx.id || ctx.status >= 400) return body;
            const out = poison(body, payload);
            const check = endpoints[ctx.id as EndpointId].response.safeParse(out);
            // A payload the contract would refuse never reaches the widget: the test must not rely on one.
            if (!check.success) broken.push(`${ctx.id}: ${check.error.issues.map((x) => x.path.join('.')).join(', ')}`);
            seen.add(ctx.id);
            return out;
          }),
        );
        const watch = watchUncaught();
        const host = document.createElement('div');
        document.body.append(host);
        try {
          render(html`<bm-provider base-url="/api" .getToken=${() => spec.token}>${spec.template()}</bm-provider>`, host);
          const el = host.querySelector<HTMLElement>(spec.tag)!;
          await until(() => el.shadowRoot?.querySelector(spec.ready), `${spec.tag} renders its data`, 8000);
          await networkIdle();
          await spec.use?.(el);
          await networkIdle();
          // An injected image would fire its onerror a little later.
          await sleep(100);
          const problems = [...injected(el), ...watch.errors, ...broken.map((b) => `payload refused by the schema: ${b}`)];
          if (window.__bmXss) problems.push('a payload ran');
          const text = deepText(el);
          const shown = payload.length <= 40 ? payload : payload.slice(0, 40);
          if (!text.includes(shown) && !text.includes(SHORT)) problems.push(`the payload is not shown as text (${[...seen].join(', ')}): ${text.slice(0, 400)}`);
          if (problems.length) failures.push(`payload ${i} ${JSON.stringify(payload)}:\n    ${problems.join('\n    ')}`);
        } catch (e) {
          failures.push(`payload ${i}: ${e instanceof Error ? e.message : String(e)}\n    ${watch.errors.join('\n    ')}`);
        } finally {
          watch.stop();
          render(html``, host);
          host.remove();
          await networkIdle();
        }
      }
      expect(failures, failures.join('\n')).to.deep.equal([]);
    });
  }
});

// ─── 2. CSP, Trusted Types, no eval ───────────────────────────────────────────────────────────

/** Loads a page of test/elements/helpers/bundles.mjs in an iframe and waits for its global `name`. */
async function frame<T>(src: string, name: string): Promise<{ iframe: HTMLIFrameElement; api: T }> {
  const iframe = document.createElement('iframe');
  iframe.style.width = '1280px';
  iframe.style.height = '900px';
  iframe.src = src;
  document.body.append(iframe);
  const api = await until(() => (iframe.contentWindow as unknown as Record<string, T> | null)?.[name], `${src} to start (did its bundle build?)`, 30_000);
  return { iframe, api };
}

describe('CSP and Trusted Types: the built kit under a strict policy', function () {
  beforeEach(() => {
    backend = createMockBackend({ now });
    msw.resetHandlers(...createHandlers(backend, { baseUrl: '/api' }));
  });

  it("renders and uses every widget under script-src 'self', style-src 'self' and Trusted Types with zero violations", async function (this: MochaContext) {
    this.timeout(60_000);
    const { iframe, api } = await frame<{ run(o: MountOptions): Promise<CspReport> }>('/__bianmin__/csp.html', 'bianminCsp');
    try {
      const report = await api.run({ residentToken: DEMO_RESIDENT_TOKEN, staffToken: DEMO_STAFF_TOKEN, serviceId: FIXTURE_IDS.slotService, outboxName: `csp-${Date.now()}` });
      expect(report.trustedTypes, 'the browser enforces Trusted Types').to.equal(true);
      for (const w of report.widgets) expect(w.rendered, `${w.tag} shows its data; it shows: ${w.text}`).to.equal(true);
      expect(report.widgets).to.have.length(6);
      expect(report.violations, JSON.stringify(report.violations, null, 2)).to.deep.equal([]);

      // The policy is really in force: eval, an inline style attribute and a string to innerHTML are refused.
      const w = iframe.contentWindow as Window & typeof globalThis & { __violations: unknown[] };
      expect(() => w.eval('1 + 1')).to.throw();
      expect(() => {
        w.document.body.innerHTML = '<b>x</b>';
      }).to.throw(/TrustedHTML/);
      const div = w.document.createElement('div');
      div.setAttribute('style', 'color: red');
      w.document.body.append(div);
      await until(() => w.__violations.length >= 3, 'the probes are reported as violations');
    } finally {
      iframe.remove();
    }
  });

  it('ships no eval and no Function constructor in the kit and the fee-board bundles', async () => {
    for (const name of ['kit.js', 'fee-board.js']) {
      const res = await fetch(`/__bianmin__/${name}`);
      expect(res.status, name).to.equal(200);
      const code = await res.text();
      expect(code.length, `${name} is a real bundle`).to.be.greaterThan(20_000);
      expect(code, name).to.contain('bm-provider');
      expect(code.match(/\beval\s*\(/g), `${name}: eval(`).to.equal(null);
      expect(code.match(/\bFunction\s*\(/g), `${name}: Function(`).to.equal(null);
      expect(code.match(/\bnew\s+Function\b/g), `${name}: new Function`).to.equal(null);
      // The Function constructor taken into a variable (zod's allowsEval probe does `const F = Function; new F("")`).
      expect(code.match(/[=(,:?]\s*Function\b(?!\.)/g), `${name}: Function aliased`).to.equal(null);
      // zod's probe is tree-shaken out: its tell-tale user-agent check is not in the bundle at all.
      expect(code, `${name}: zod's allowsEval probe`).to.not.contain('Cloudflare');
    }
  });
});

// ─── 3. Storage ───────────────────────────────────────────────────────────────────────────────

/** Every key and value of localStorage, sessionStorage and cookies, and every record of every IndexedDB database. */
async function everythingStored(): Promise<{ where: string; text: string }[]> {
  const out: { where: string; text: string }[] = [];
  for (const [name, s] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]] as const) {
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i)!;
      out.push({ where: `${name}[${k}]`, text: `${k}=${s.getItem(k) ?? ''}` });
    }
  }
  if (document.cookie) out.push({ where: 'cookies', text: document.cookie });
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(info.name!);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      for (const store of db.objectStoreNames) {
        const [keys, values] = await new Promise<[unknown[], unknown[]]>((resolve, reject) => {
          const tx = db.transaction(store, 'readonly');
          const k = tx.objectStore(store).getAllKeys();
          const v = tx.objectStore(store).getAll();
          tx.oncomplete = () => resolve([k.result, v.result]);
          tx.onerror = () => reject(tx.error);
        });
        out.push({ where: `indexedDB ${info.name}/${store}`, text: JSON.stringify({ keys, values }) });
      }
    } finally {
      db.close();
    }
  }
  return out;
}

describe('storage: nothing secret is left behind in the browser', function () {
  beforeEach(() => {
    backend = createMockBackend({ now });
    msw.resetHandlers(...createHandlers(backend, { baseUrl: '/api' }));
  });

  it('keeps no token (nor a phone, a name or a room) after a resident used the menu, a booking, the list and the help button', async function (this: MochaContext) {
    this.timeout(60_000);
    localStorage.clear();
    sessionStorage.clear();
    const host = document.createElement('div');
    document.body.append(host);
    render(
      html`<bm-provider base-url="/api" .getToken=${() => DEMO_RESIDENT_TOKEN}>
          <bm-service-menu for="form" page-size="100"></bm-service-menu>
          <bm-booking-form id="form"></bm-booking-form>
          <bm-booking-list .now=${now}></bm-booking-list>
          <bm-help-button inline outbox-name=${`storage-${Date.now()}`} poll-interval="60" .now=${() => T0}></bm-help-button>
        </bm-provider>
        <bm-provider base-url="/api"><bm-fee-board layout="embedded"></bm-fee-board></bm-provider>`,
      host,
    );
    try {
      const menu = host.querySelector<BmServiceMenu>('bm-service-menu')!;
      const form = host.querySelector<HTMLElement>('bm-booking-form')!;
      const list = host.querySelector<HTMLElement>('bm-booking-list')!;
      const help = host.querySelector<BmHelpButton>('bm-help-button')!;

      // The menu hands a service to the form; the resident books a slot.
      await until(() => sr(menu).querySelector(`li[data-id=${FIXTURE_IDS.slotService}] [part~=book-button]`), 'the menu');
      sr(menu).querySelector<HTMLButtonElement>(`li[data-id=${FIXTURE_IDS.slotService}] [part~=book-button]`)!.click();
      const picker = () => sr(form).querySelector('bm-slot-picker')?.shadowRoot;
      await until(() => picker()?.querySelector('input[name=slot]:enabled'), 'the slots');
      await until(() => (sr(form).querySelector('[name=phone]') as HTMLInputElement & { value: string } | null)?.value, 'the prefilled contact');
      picker()!.querySelector<HTMLInputElement>('input[name=slot]:enabled')!.click();
      await until(() => sr(form).querySelector('[part=quote-line]'), 'the price');
      await sleep(50);
      sr(form).querySelector<HTMLButtonElement>('[part=submit]')!.click();
      await until(() => sr(form).querySelector('[part=receipt]'), 'the receipt');

      // The list shows it; the resident cancels it.
      await (list as HTMLElement & { refresh(): Promise<void> }).refresh();
      await until(() => sr(list).querySelector('[part=cancel-button]'), 'a cancellable booking');
      sr(list).querySelector<HTMLButtonElement>('[part=cancel-button]')!.click();
      await until(() => sr(list).querySelector('[part=confirm-button]'), 'the confirmation');
      sr(list).querySelector<HTMLButtonElement>('[part=confirm-button]')!.click();
      await until(() => !sr(list).querySelector('[part=confirm-button]'), 'the cancellation');

      // The help button: a request through the outbox (IndexedDB), delivered.
      help.show();
      await until(() => sr(help).querySelector('input[name=kind][value=repair]'), 'the help form');
      await networkIdle();
      sr(help).querySelector<HTMLInputElement>('input[name=kind][value=repair]')!.click();
      await help.updateComplete;
      const description = sr(help).querySelector<HTMLTextAreaElement>('[name=description]')!;
      description.value = '卫生间漏水';
      description.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await help.updateComplete;
      sr(help).querySelector<HTMLButtonElement>('[part~=submit]')!.click();
      await until(() => sr(help).querySelector('[part~=entry][data-state=delivered]'), 'the help request is delivered');
      await networkIdle();
      await sleep(100);

      const stored = await everythingStored();
      // The scan sees what the widgets keep: the outbox's receipt and the fee board's last good list.
      expect(stored.some((s) => s.where.startsWith('indexedDB') && s.text.includes('QZ-')), JSON.stringify(stored.map((s) => s.where))).to.equal(true);
      expect(stored.some((s) => s.where.startsWith('localStorage[bianmin:fee-board'))).to.equal(true);
      const household = HOUSEHOLDS.find((h) => h.id === 'h-2-0601')!;
      for (const s of stored) {
        expect(s.text, s.where).to.not.contain(DEMO_RESIDENT_TOKEN);
        expect(s.text, s.where).to.not.contain(DEMO_STAFF_TOKEN);
        expect(s.text, s.where).to.not.match(/Bearer/i);
        expect(s.text, s.where).to.not.match(/(?<!\d)1[3-9]\d{9}(?!\d)/);
        for (const c of household.contacts) expect(s.text, s.where).to.not.contain(c.name);
        expect(s.text, s.where).to.not.contain(`"${household.address.room}"`);
      }
    } finally {
      render(html``, host);
      host.remove();
    }
  });
});
