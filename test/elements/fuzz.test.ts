// Fuzzing every widget. Two sources of nonsense:
//
// 1. Responses: the mock backend answers each request for real, then the JSON is broken before the
//    widget sees it (a field dropped or added, a wrong type, a 100k-character string, negative,
//    fractional or infinite money, an unknown enum value, an impossible or extreme date, a huge
//    number, an emptied or duplicated array). Each case must end in an error state or in the valid
//    part rendered, never in an uncaught error or unhandled rejection, never in text like "NaN".
//    A body that the contract's schema refuses from a widget's main endpoint must show an error.
// 2. Attributes: every attribute of every element in custom-elements.json gets "", "null", "-1",
//    "1e309", markup and a 100k-character string: a readable error or a sane default, never an
//    exception; numeric attributes of the widgets refuse what is not a usable number.
//
// Every case is seeded (a small PRNG, helpers/tamper.ts): a failure names its seed and what was
// broken, and the same BASE_SEED replays the same cases. Change BASE_SEED to explore new ones.
import { expect } from '@open-wc/testing';
import { html, render, type TemplateResult } from 'lit';
import { http, HttpResponse } from 'msw';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createMockBackend, DEMO_RESIDENT_TOKEN, DEMO_STAFF_TOKEN, type MockBackend } from '@bianmin/mock';
import { endpoints, toEpoch, type EndpointId } from '@bianmin/sdk';
import '../../packages/elements/src/define/provider.js';
import '../../packages/elements/src/define/service-menu.js';
import '../../packages/elements/src/define/booking-form.js';
import '../../packages/elements/src/define/booking-list.js';
import '../../packages/elements/src/define/loan-ledger.js';
import '../../packages/elements/src/define/help-button.js';
import '../../packages/elements/src/define/fee-board.js';
import type { BmHelpButton } from '../../packages/elements/src/help-button/help-button.js';
import { useMsw } from './helpers/msw.js';
import { countFetches, deepElements, deepText, networkIdle, raw, seeded, sleep, tamperHandlers, until, watchUncaught, type Rng } from './helpers/tamper.js';

const BASE_SEED = 20260311;
const T0 = toEpoch('2026-03-11T10:00:00+08:00');
const now = () => new Date(T0);
const HUGE = 100_000;
const XSS = '<img src=x onerror="window.__bmXss=1">';

declare global {
  interface Window {
    __bmXss?: number;
  }
}

// ─── Mutations of a JSON body ─────────────────────────────────────────────────────────────────

type Json = unknown;
type Path = (string | number)[];
interface Node {
  path: Path;
  /** The nearest object key above (array items inherit their array's key). */
  key: string;
  value: Json;
}

function nodes(value: Json, path: Path = [], key = ''): Node[] {
  const out: Node[] = [{ path, key, value }];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...nodes(v, [...path, i], key)));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...nodes(v, [...path, k], k));
  return out;
}

function parentOf(root: Json, path: Path): [Record<string | number, Json>, string | number] {
  let cur = root as Record<string | number, Json>;
  for (const p of path.slice(0, -1)) cur = cur[p] as Record<string | number, Json>;
  return [cur, path[path.length - 1]!];
}

const MONEY_KEYS = new Set(['amount', 'total', 'deposit', 'unitCost', 'from', 'labour', 'unitAmount', 'cost']);
const ENUM_KEYS = new Set([
  'status', 'kind', 'basis', 'unit', 'state', 'code', 'channel', 'settlement', 'type', 'occupancy', 'size', 'labourUnit',
  'role', 'by', 'condition', 'shift', 'currency', 'audiences', 'bookingModes', 'amenities', 'timeZone', 'wanted', 'mode', 'subKind',
]);
const INSTANT = /^\d{4}-\d{2}-\d{2}T/;

const KINDS = ['drop', 'extra', 'type', 'huge', 'money', 'enum', 'date', 'number', 'array'] as const;
type Kind = (typeof KINDS)[number];

/** A body from the backend, broken one way; `note` says how (for failure messages). */
function mutate(body: Json, kind: Kind, rng: Rng): { body: Json; note: string } {
  const copy = structuredClone(body);
  const all = nodes(copy).filter((n) => n.path.length > 0);
  const leaves = all.filter((n) => n.value === null || typeof n.value !== 'object');
  const strings = leaves.filter((n) => typeof n.value === 'string');
  const numbers = leaves.filter((n) => typeof n.value === 'number');
  const objects = [{ path: [] as Path, key: '', value: copy }, ...all].filter((n) => n.value && typeof n.value === 'object' && !Array.isArray(n.value));
  const arrays = all.filter((n) => Array.isArray(n.value));
  const set = (n: Node, v: Json) => {
    if (n.path.length === 0) return v;
    const [p, k] = parentOf(copy, n.path);
    p[k] = v;
    return copy;
  };
  const at = (n: Node) => n.path.join('.') || '(root)';
  switch (kind) {
    case 'drop': {
      const n = rng.pick(all.filter((x) => typeof x.path[x.path.length - 1] === 'string'));
      const [p, k] = parentOf(copy, n.path);
      delete p[k];
      return { body: copy, note: `dropped ${at(n)}` };
    }
    case 'extra': {
      const n = rng.pick(objects);
      const o = n.value as Record<string, Json>;
      if (rng.next() < 0.5) {
        // An own "__proto__" key, as JSON.parse makes one: it must not reach any prototype.
        Object.defineProperty(o, '__proto__', { value: { polluted: 'yes' }, enumerable: true, configurable: true, writable: true });
        return { body: copy, note: `added __proto__ to ${at(n)}` };
      }
      o[`extra${rng.int(1000)}`] = rng.pick([XSS, 42, null, { nested: [1, 2] }, true]);
      return { body: copy, note: `added a field to ${at(n)}` };
    }
    case 'type': {
      const n = rng.pick(all);
      const v = n.value;
      const wrong = typeof v === 'string' ? rng.pick([42, null, [], {}, true]) : typeof v === 'number' ? rng.pick([String(v), null, [v], true]) : Array.isArray(v) ? rng.pick([{}, 'list', null, 0]) : v && typeof v === 'object' ? rng.pick([[], 'object', null, 0]) : rng.pick(['x', 0, {}]);
      return { body: set(n, wrong), note: `${at(n)} = ${JSON.stringify(wrong)}` };
    }
    case 'huge': {
      const n = strings.length ? rng.pick(strings) : rng.pick(all);
      const s = rng.pick(['长', 'A', `${XSS} `]).repeat(HUGE).slice(0, HUGE);
      return { body: set(n, s), note: `${at(n)} = ${HUGE} characters` };
    }
    case 'money': {
      const money = numbers.filter((n) => MONEY_KEYS.has(n.key));
      const n = money.length ? rng.pick(money) : numbers.length ? rng.pick(numbers) : rng.pick(all);
      const v = rng.pick<Json>([-100, -1, 12.5, 0.1, 1e21, Number.MAX_SAFE_INTEGER + 2, 'INFINITY']);
      if (v === 'INFINITY') {
        // JSON has no Infinity: the text 1e309 parses to it.
        const marker = `"__bm_inf_${rng.int(1e9)}__"`;
        return { body: raw(JSON.stringify(set(n, JSON.parse(marker))).replace(marker, '1e309')), note: `${at(n)} = 1e309` };
      }
      return { body: set(n, v), note: `${at(n)} = ${String(v)}` };
    }
    case 'enum': {
      const enums = strings.filter((n) => ENUM_KEYS.has(n.key));
      const n = enums.length ? rng.pick(enums) : strings.length ? rng.pick(strings) : rng.pick(all);
      const v = rng.pick(['unknown-value', '', 'STATUS', 'toString', '__proto__']);
      return { body: set(n, v), note: `${at(n)} = ${JSON.stringify(v)}` };
    }
    case 'date': {
      const dates = strings.filter((n) => INSTANT.test(String(n.value)));
      const n = dates.length ? rng.pick(dates) : strings.length ? rng.pick(strings) : rng.pick(all);
      // Impossible dates, then extreme ones the schema accepts.
      const v = rng.pick([
        '2026-02-30T10:00:00+08:00', '2026-13-01T00:00:00Z', 'yesterday', '', '2026-03-11', '2026-03-11T25:00:00+08:00',
        '0000-01-01T00:00:00Z', '9999-12-31T23:59:59+14:00', '2026-03-11T10:00:00.123456789-23:59',
      ]);
      return { body: set(n, v), note: `${at(n)} = ${JSON.stringify(v)}` };
    }
    case 'number': {
      const n = numbers.length ? rng.pick(numbers) : rng.pick(all);
      const v = rng.pick([Number.MAX_SAFE_INTEGER, 0, -1, 1.5, 2 ** 31, 1e15]);
      return { body: set(n, v), note: `${at(n)} = ${v}` };
    }
    case 'array': {
      const n = arrays.length ? rng.pick(arrays) : rng.pick(all);
      const a = n.value;
      if (!Array.isArray(a) || a.length === 0 || rng.next() < 0.3) return { body: set(n, []), note: `${at(n)} = []` };
      // The same element (same id) several times: a server bug lists must survive.
      const copies = rng.pick([2, 5, 60]);
      const dup = [...a, ...Array.from({ length: copies }, () => structuredClone(a[0]))];
      return { body: set(n, dup), note: `${at(n)}[0] repeated ${copies} times` };
    }
  }
}

// ─── The widgets ──────────────────────────────────────────────────────────────────────────────

interface Spec {
  tag: string;
  token: string | null;
  /** The widget inside its provider. */
  template: (attrs?: Record<string, string>) => TemplateResult;
  /** What the widget calls; the first ones are those whose broken answer must show an error. */
  calls: EndpointId[];
  main: EndpointId[];
  /** A settled widget shows one of these (in its own shadow root). */
  settled: string;
  /** Steps a person takes after mounting (open the dialog, send a request). */
  use?: (el: HTMLElement) => Promise<void>;
  /** The lighter steps of the attribute suite (open the dialog). */
  peek?: (el: HTMLElement) => Promise<void>;
  /** Attributes every mount of this widget needs (its service, a unique outbox). */
  base?: () => Record<string, string>;
}

const SETTLED = '[part~=error], [part~=empty], [role=alert]';
let outbox = 0;

const provider = (token: string | null, inner: TemplateResult, attrs: Record<string, string> = {}) =>
  html`<bm-provider base-url=${attrs['base-url'] ?? '/api'} locale=${ifDefined(attrs['locale'])} time-zone=${ifDefined(attrs['time-zone'])} .getToken=${() => token}>${inner}</bm-provider>`;

/** Sets the attributes of the element rendered by `template` (attributes not known statically). */
function withAttrs(el: Element, attrs: Record<string, string>) {
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
}

async function useHelp(el: HTMLElement): Promise<void> {
  const b = el as BmHelpButton;
  b.show();
  await b.updateComplete;
  const sr = b.shadowRoot!;
  await until(() => sr.querySelector('[part~=form], [part~=requests]'), 'the help dialog opens');
  const form = sr.querySelector<HTMLFormElement>('[part~=form]');
  if (!form) return;
  sr.querySelector<HTMLInputElement>('input[name=kind][value=repair]')!.click();
  await b.updateComplete;
  const type = (name: string, value: string) => {
    const input = sr.querySelector<HTMLInputElement>(`[name=${name}]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };
  type('building', '2栋');
  type('phone', '13812345678');
  type('description', '厨房水管漏水');
  await b.updateComplete;
  sr.querySelector<HTMLButtonElement>('[part~=submit]')!.click();
  // Sent and answered (or refused in the form: a prefilled room too long to send), then a reopen
  // asks for its progress (help.get) at once.
  await until(() => hits.get('help.create') || sr.querySelector('[part~=problem]'), 'the request is sent or refused', 8000);
  // A good answer is stored as delivered before progress can be asked for; a broken one leaves it queued.
  if (target !== 'help.create') await until(() => sr.querySelector('[part~=entry]:is([data-state=delivered], [data-state=failed]), [part~=problem]'), 'the request is delivered', 8000);
  await networkIdle();
  b.hide();
  // The dialog's close event comes a task later; reopening before it would be closed again by it.
  await until(() => !sr.querySelector<HTMLDialogElement>('dialog')!.open && !b.open, 'the dialog closes');
  await sleep(20);
  b.show();
  await b.updateComplete;
}

const SPECS: Spec[] = [
  {
    tag: 'bm-service-menu',
    token: DEMO_RESIDENT_TOKEN,
    template: () => html`<bm-service-menu page-size="100"></bm-service-menu>`,
    calls: ['catalog.current', 'compound.get'],
    main: ['catalog.current'],
    settled: `li[part~=item], ${SETTLED}`,
  },
  {
    tag: 'bm-booking-form',
    token: DEMO_RESIDENT_TOKEN,
    template: () => html`<bm-booking-form></bm-booking-form>`,
    base: () => ({ 'service-id': 'svc-tennis' }),
    calls: ['catalog.current', 'services.availability', 'session.me', 'compound.get'],
    main: ['catalog.current', 'services.availability'],
    settled: `form[part=form], ${SETTLED}`,
    use: async (el) => {
      // The slot picker loads after the form appears.
      const picker = () => el.shadowRoot!.querySelector('bm-slot-picker')?.shadowRoot;
      if (el.shadowRoot!.querySelector('bm-slot-picker')) {
        await until(() => picker()?.querySelector('input[name=slot], [part~=error], [role=alert], [part~=empty]'), 'the slots load', 5000);
      }
    },
  },
  {
    tag: 'bm-booking-list',
    token: DEMO_RESIDENT_TOKEN,
    template: () => html`<bm-booking-list .now=${now}></bm-booking-list>`,
    calls: ['bookings.list', 'compound.get'],
    main: ['bookings.list'],
    settled: `[part=item], ${SETTLED}`,
  },
  {
    tag: 'bm-loan-ledger',
    token: DEMO_STAFF_TOKEN,
    template: () => html`<bm-loan-ledger .now=${now}></bm-loan-ledger>`,
    calls: ['loans.list', 'loanItems.list', 'compound.get'],
    main: ['loans.list', 'loanItems.list'],
    settled: `[part=row], ${SETTLED}`,
    use: async (el) => {
      await until(() => el.shadowRoot!.querySelector('[part=cabinet] [part=item], [part=cabinet] [part~=error], [part~=error]'), 'the cabinet loads', 5000).catch(() => undefined);
    },
  },
  {
    tag: 'bm-help-button',
    token: DEMO_RESIDENT_TOKEN,
    template: () => html`<bm-help-button inline poll-interval="60" .now=${() => T0}></bm-help-button>`,
    base: () => ({ 'outbox-name': `fuzz-${Date.now()}-${++outbox}` }),
    calls: ['help.create', 'help.get', 'session.me', 'compound.get'],
    main: [],
    settled: `[part~=trigger], ${SETTLED}`,
    use: useHelp,
    peek: async (el) => {
      (el as BmHelpButton).show();
      await until(() => el.shadowRoot!.querySelector('[part~=form], [part~=requests]'), 'the help dialog opens');
    },
  },
  {
    tag: 'bm-fee-board',
    token: null,
    template: () => html`<bm-fee-board style="width: 1280px; height: 720px"></bm-fee-board>`,
    calls: ['feeBoard.get', 'compound.get'],
    main: ['feeBoard.get'],
    settled: `[part=board], ${SETTLED}`,
  },
];

// ─── Mounting and judging one case ────────────────────────────────────────────────────────────

let backend: MockBackend;
/** Requests answered, by endpoint. */
let hits = new Map<string, number>();
/** The endpoint whose answers the current case breaks. */
let target: EndpointId | undefined;

interface Mounted {
  host: HTMLElement;
  el: HTMLElement;
}

async function mountSpec(spec: Spec, attrs: Record<string, string> = {}, providerAttrs: Record<string, string> = {}): Promise<Mounted> {
  const host = document.createElement('div');
  document.body.append(host);
  render(provider(spec.token, spec.template(), providerAttrs), host);
  const el = host.querySelector<HTMLElement>(spec.tag)!;
  withAttrs(el, { ...(spec.base?.() ?? {}), ...attrs });
  return { host, el };
}

async function settle(spec: Spec, el: HTMLElement, how: 'use' | 'peek' = 'use'): Promise<void> {
  await until(() => el.shadowRoot?.querySelector(spec.settled), `${spec.tag} settles`, 8000);
  await networkIdle();
  const steps = how === 'use' ? spec.use : spec.peek;
  if (steps && el.shadowRoot!.querySelector(spec.settled.split(',')[0]!)) await steps(el);
  await networkIdle();
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  await sleep(0);
}

const GARBAGE = /\bNaN\b|\bundefined\b|\[object \w+\]|Invalid Date/;

/** What a settled widget must never show: garbage text, an error without words, markup run as markup. */
function judge(el: HTMLElement): string[] {
  const problems: string[] = [];
  const all = deepElements(el);
  const text = deepText(el);
  const garbage = GARBAGE.exec(text);
  if (garbage) problems.push(`shows "${garbage[0]}" in: …${text.slice(Math.max(0, garbage.index - 60), garbage.index + 60)}…`);
  if (text.length === 0) problems.push('renders no text at all');
  for (const e of all.filter((x) => x.matches('[part~=error], [role=alert]'))) {
    if (!(e.textContent ?? '').trim() && !e.closest('[hidden]')) problems.push('shows an error without words');
  }
  if (all.some((x) => x.localName === 'img' || x.localName === 'script')) problems.push('renders an <img> or <script> from data');
  if (window.__bmXss) problems.push('ran an onerror handler from data');
  if ((Object.prototype as { polluted?: unknown }).polluted !== undefined) problems.push('Object.prototype was polluted');
  return problems;
}

const hasError = (el: HTMLElement) => deepElements(el).some((x) => x.matches('[part~=error], [role=alert]') && (x.textContent ?? '').trim() !== '');

// ─── The suites ───────────────────────────────────────────────────────────────────────────────

// One worker for the whole file (restarting msw in a page updates its registration in the background).
const msw = useMsw();
countFetches();

describe('fuzzing: broken responses reach every widget', function () {
  let mutation: ((body: unknown) => unknown) | undefined;
  let lastNote = '';
  let lastValid: boolean | undefined;

  beforeEach(() => {
    backend = createMockBackend({ now });
    hits = new Map();
    target = undefined;
    localStorage.clear();
    msw.use(
      ...tamperHandlers(backend, (body, ctx) => {
        if (ctx.id) hits.set(ctx.id, (hits.get(ctx.id) ?? 0) + 1);
        if (!mutation || ctx.id !== target || ctx.status >= 400) return body;
        return mutation(body);
      }),
    );
  });

  for (const spec of SPECS) {
    for (const endpoint of spec.calls) {
      it(`${spec.tag} survives every kind of broken ${endpoint} answer`, async function (this: MochaContext) {
        this.timeout(180_000);
        const failures: string[] = [];
        for (const [k, kind] of KINDS.entries()) {
          const seed = BASE_SEED + SPECS.indexOf(spec) * 1000 + spec.calls.indexOf(endpoint) * 100 + k;
          const rng = seeded(seed);
          backend.reset();
          localStorage.clear();
          window.__bmXss = undefined;
          hits = new Map();
          target = endpoint;
          lastNote = '';
          lastValid = undefined;
          mutation = (body) => {
            const m = mutate(body, kind, rng);
            lastNote = m.note;
            const parsed = typeof m.body === 'object' && m.body !== null && !Array.isArray(m.body) && Object.getOwnPropertySymbols(m.body).length ? undefined : m.body;
            // The first answer decides whether the case expects an error (later answers are broken the same way but may differ).
            lastValid ??= parsed === undefined ? false : endpoints[endpoint].response.safeParse(parsed).success;
            return m.body;
          };
          const watch = watchUncaught();
          let mounted: Mounted | undefined;
          try {
            mounted = await mountSpec(spec);
            await settle(spec, mounted.el);
            const problems = judge(mounted.el);
            if (!hits.has(endpoint)) problems.push(`${endpoint} was never called`);
            if (spec.main.includes(endpoint) && lastValid === false && !hasError(mounted.el)) problems.push('a body the schema refuses did not show an error');
            problems.push(...watch.errors);
            if (problems.length) failures.push(`seed ${seed} (${kind}: ${lastNote || 'no change'}):\n    ${problems.join('\n    ')}`);
          } catch (e) {
            failures.push(`seed ${seed} (${kind}: ${lastNote || 'no change'}): ${e instanceof Error ? e.message : String(e)}\n    ${watch.errors.join('\n    ')}`);
          } finally {
            watch.stop();
            mutation = undefined;
            mounted?.host.remove();
            await networkIdle();
          }
        }
        expect(failures, failures.join('\n')).to.deep.equal([]);
      });
    }
  }
});

// ─── Attributes ───────────────────────────────────────────────────────────────────────────────

interface ManifestAttribute {
  name: string;
  type?: { text: string };
}
interface ManifestDeclaration {
  tagName?: string;
  attributes?: ManifestAttribute[];
}

const NONSENSE = ['', 'null', '-1', '1e309', '<img src=x onerror="window.__bmXss=1">', 'x'.repeat(HUGE)];
const show = (v: string) => (v.length > 40 ? `${v.slice(0, 12)}…(${v.length} chars)` : JSON.stringify(v));

describe('fuzzing: nonsense in every attribute', function () {
  let tags: Map<string, ManifestAttribute[]>;

  before(async () => {
    const manifest = (await (await fetch('/packages/elements/custom-elements.json')).json()) as { modules: { declarations?: ManifestDeclaration[] }[] };
    tags = new Map();
    for (const m of manifest.modules) for (const d of m.declarations ?? []) if (d.tagName) tags.set(d.tagName, d.attributes ?? []);
  });

  beforeEach(() => {
    backend = createMockBackend({ now });
    localStorage.clear();
    msw.use(
      ...tamperHandlers(backend, (body) => body),
      // A nonsense base-url sends the API calls elsewhere on this origin: they fail like a wrong URL does.
      ...Object.values(endpoints).map((ep) => http.all(`*${ep.path.replace(/\{(\w+)\}/g, ':$1')}`, () => HttpResponse.error())),
    );
  });

  it('covers every widget the kit defines', () => {
    for (const spec of SPECS) expect(tags.get(spec.tag), spec.tag).to.be.an('array').that.is.not.empty;
    expect(tags.get('bm-provider')!.map((a) => a.name)).to.include.members(['base-url', 'locale', 'time-zone']);
  });

  const cases: { label: string; spec: Spec; on: 'widget' | 'provider' }[] = [
    ...SPECS.map((spec) => ({ label: spec.tag, spec, on: 'widget' as const })),
    { label: 'bm-provider (around a service menu and a fee board)', spec: SPECS[0]!, on: 'provider' as const },
  ];

  for (const c of cases) {
    it(`${c.label}: every attribute, every nonsense value`, async function (this: MochaContext) {
      this.timeout(180_000);
      const tag = c.on === 'provider' ? 'bm-provider' : c.spec.tag;
      const attributes = tags.get(tag) ?? [];
      expect(attributes, `${tag} has attributes in custom-elements.json`).to.not.be.empty;
      const specs = c.on === 'provider' ? [SPECS[0]!, SPECS[5]!] : [c.spec];
      const failures: string[] = [];
      for (const attr of attributes) {
        // A boolean attribute is on whatever its value: one empty and one nonsense value say it all.
        const values = attr.type?.text === 'boolean' ? NONSENSE.filter((v) => v === '' || v.startsWith('<')) : NONSENSE;
        for (const value of values) {
          for (const spec of specs) {
            window.__bmXss = undefined;
            backend.reset();
            localStorage.clear();
            const watch = watchUncaught();
            const warned: string[] = [];
            const warn = console.warn;
            console.warn = (...args: unknown[]) => void warned.push(args.map(String).join(' '));
            let mounted: Mounted | undefined;
            const label = `${spec.tag}${c.on === 'provider' ? ' in bm-provider' : ''} ${attr.name}=${show(value)}`;
            try {
              mounted = c.on === 'provider' ? await mountSpec(spec, {}, { [attr.name]: value }) : await mountSpec(spec, { [attr.name]: value });
              await settle(spec, mounted.el, 'peek');
              const problems = judge(mounted.el);
              // A number that cannot be used (negative, infinite, empty) is refused with an error naming the attribute.
              if (c.on === 'widget' && attr.type?.text === 'number' && ['', 'null', '-1', '1e309'].includes(value)) {
                const alerts = deepElements(mounted.el).filter((x) => x.matches('[part~=error], [role=alert]')).map((x) => x.textContent ?? '');
                if (!alerts.some((t) => t.includes(attr.name))) problems.push(`no error names ${attr.name} (shows: ${deepText(mounted.el).slice(0, 120)})`);
              }
              // The provider cannot show an error without hiding the widgets: an unknown zone is said on the console.
              if (c.on === 'provider' && attr.name === 'time-zone' && !warned.some((w) => w.includes('time-zone'))) problems.push('no warning about the time zone');
              problems.push(...watch.errors);
              if (problems.length) failures.push(`${label}:\n    ${problems.join('\n    ')}`);
            } catch (e) {
              failures.push(`${label}: ${e instanceof Error ? e.message : String(e)}\n    ${watch.errors.join('\n    ')}`);
            } finally {
              console.warn = warn;
              watch.stop();
              mounted?.host.remove();
              await networkIdle();
            }
          }
        }
      }
      expect(failures, failures.join('\n')).to.deep.equal([]);
    });
  }
});
