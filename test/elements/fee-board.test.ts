import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { createClient, FeeBoard, formatPrice, formatTime, type PriceRule } from '@bianmin/sdk';
import { createHandlers, createMockBackend, DEMO_STAFF_TOKEN } from '@bianmin/mock';
import '../../packages/elements/src/define/provider.js';
import '../../packages/elements/src/define/fee-board.js';
import type { BmFeeBoard, BoardClock } from '../../packages/elements/src/fee-board/fee-board.js';
import type { BmProvider } from '../../packages/elements/src/provider/provider.js';
import { guardBoard, scrubText } from '../../packages/elements/src/fee-board/guard.js';
import { expectAccessible } from './helpers/axe.js';
import { linesOfText } from './helpers/lines.js';
import { useMsw } from './helpers/msw.js';

/** A clock the test moves by hand; it counts the timers the board holds. */
class FakeClock implements BoardClock {
  private readonly timers = new Map<number, { at: number; fn: () => void }>();
  private seq = 0;
  constructor(private t: number) {}
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): number {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + Math.max(0, ms), fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  get active(): number {
    return this.timers.size;
  }
  /** Moves time forward, running every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.timers) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.timers.delete(next[0]);
      this.t = Math.max(this.t, next[1].at);
      next[1].fn();
    }
    this.t = end;
  }
}

const START = Date.parse('2026-11-23T09:00:00+08:00');
const PHONE = '0571-8888-6666';
let clock = new FakeClock(START);
// The mock compound runs on the same fake clock as the board.
const backend = createMockBackend({ now: () => new Date(clock.now()) });
const msw = useMsw(...createHandlers(backend, { baseUrl: '/api' }));

async function publicBoard(query = ''): Promise<FeeBoard> {
  const res = await backend.handle(new Request(`${location.origin}/api/fee-board${query}`));
  return (await res.json()) as FeeBoard;
}

interface MountOptions {
  attrs?: Record<string, string | boolean>;
  width?: number;
  height?: number;
  client?: ReturnType<typeof createClient>;
  theme?: string;
}

/** A provider with one board, on the fake clock; resolves once the first refresh succeeded (unless `wait` is false). */
async function mount(options: MountOptions = {}, wait = true): Promise<BmFeeBoard> {
  const host = await fixture<HTMLDivElement>(html`<div class=${options.theme ?? ''}></div>`);
  const provider = document.createElement('bm-provider') as BmProvider;
  if (options.client) provider.client = options.client;
  else provider.setAttribute('base-url', '/api');
  const board = document.createElement('bm-fee-board');
  for (const [k, v] of Object.entries(options.attrs ?? {})) {
    if (v === true) board.setAttribute(k, '');
    else if (v !== false) board.setAttribute(k, v);
  }
  board.clock = clock;
  board.style.width = `${options.width ?? 1920}px`;
  if (options.height !== 0) board.style.height = `${options.height ?? 1080}px`;
  const loaded = new Promise((resolve) => board.addEventListener('bm-fee-board-updated', resolve, { once: true }));
  provider.append(board);
  host.append(provider);
  if (wait) await loaded;
  await board.updateComplete;
  await board.updateComplete;
  return board;
}

const root = (board: BmFeeBoard) => board.shadowRoot!;
const text = (board: BmFeeBoard) => root(board).textContent ?? '';
const is = (board: BmFeeBoard, state: string) => board.matches(`:state(${state})`);

interface SeenRow {
  id: string;
  name: string;
  price: string;
}
const visibleRows = (board: BmFeeBoard): SeenRow[] =>
  [...root(board).querySelectorAll<HTMLElement>('[part=row][data-service]')].map((li) => ({
    id: li.dataset.service!,
    name: li.querySelector('[part=name]')!.textContent!.trim(),
    price: li.querySelector('[part=price]')!.textContent!.trim(),
  }));

/** Every row on every page, page after page, by letting the fake clock turn them. */
async function rowsOfAllPages(board: BmFeeBoard, pageSeconds = 12): Promise<SeenRow[]> {
  const seen: SeenRow[] = [];
  const pages = board.pageCount;
  expect(board.pageIndex).to.equal(0);
  for (let i = 0; i < pages; i++) {
    expect(board.pageIndex).to.equal(i);
    seen.push(...visibleRows(board));
    clock.advance(pageSeconds * 1000);
    await board.updateComplete;
  }
  expect(board.pageIndex, 'back to the first page after the last').to.equal(0);
  return seen;
}

const expectedRows = (board: FeeBoard, locale: 'zh-CN' | 'en' = 'zh-CN'): SeenRow[] =>
  board.current.sections.flatMap((s) =>
    s.rows.map((r) => ({ id: r.serviceId, name: (locale === 'en' ? r.name.en : undefined) || r.name['zh-CN'], price: formatPrice(r.price, locale) })),
  );

async function transition(id: string, to: string): Promise<void> {
  const res = await fetch(`/api/price-lists/${id}/transitions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${DEMO_STAFF_TOKEN}` },
    body: JSON.stringify({ to, by: '公司总经理' }),
  });
  expect(res.status, `${id} → ${to}`).to.equal(200);
}

describe('<bm-fee-board>', () => {
  beforeEach(() => {
    clock = new FakeClock(START);
    backend.reset();
    localStorage.clear();
  });

  it('shows the published list with every price from the menu formatter, and pages through every row exactly once', async () => {
    const expected = await publicBoard();
    const kinds = new Set<PriceRule['kind']>(expected.current.sections.flatMap((s) => s.rows.map((r) => r.price.kind)));
    expect([...kinds].sort(), 'the fixture covers every price rule').to.deep.equal(['fixed', 'free', 'labour-materials', 'per-unit', 'quote']);

    const board = await mount({ attrs: { layout: 'landscape' }, width: 1280, height: 720 });
    expect(board.pageCount, 'a long list pages on a small screen').to.be.greaterThan(1);
    expect(is(board, 'paging')).to.equal(true);
    const seen = await rowsOfAllPages(board);
    expect(seen).to.deep.equal(expectedRows(expected));
    // Header: compound, version, effective date and the 24-hour phone.
    const header = root(board).querySelector('[part=header]')!.textContent!;
    expect(header).to.contain('翠湖花园').and.contain(expected.current.version).and.contain('2026年1月1日').and.contain(PHONE);
    expect(root(board).querySelector('[part=page-number]')!.textContent).to.contain(`1/${board.pageCount}`);
    await expectAccessible(board);
  });

  it('fits the same list on fewer pages at 4K and in portrait, still every row once', async () => {
    const expected = expectedRows(await publicBoard());
    const small = await mount({ attrs: { layout: 'landscape' }, width: 1280, height: 720 });
    const smallPages = small.pageCount;
    for (const [layout, width, height] of [
      ['landscape', 3840, 2160],
      ['portrait', 1080, 1920],
      ['portrait', 2160, 3840],
    ] as const) {
      const board = await mount({ attrs: { layout }, width, height });
      expect(board.pageCount, `${layout} ${width}×${height}`).to.be.at.most(smallPages + 2);
      expect(await rowsOfAllPages(board)).to.deep.equal(expected);
      board.closest('bm-provider')!.remove();
    }
  });

  it('shows every row without paging when embedded, and in English', async () => {
    const expected = await publicBoard();
    const board = await mount({ attrs: { layout: 'embedded', locale: 'en' }, width: 480, height: 0 });
    expect(board.pageCount).to.equal(1);
    expect(root(board).querySelector('[part=pager]')).to.equal(null);
    expect(visibleRows(board)).to.deep.equal(expectedRows(expected, 'en'));
    expect(text(board)).to.contain('Service charges').and.contain('24-hour service line');
    await expectAccessible(board);
  });

  it('embedded, follows a change of language and of hide-free at once, and keeps its rows through clock ticks', async () => {
    const expected = await publicBoard();
    const board = await mount({ attrs: { layout: 'embedded' }, width: 480, height: 0 });
    expect(visibleRows(board)).to.deep.equal(expectedRows(expected));
    const first = root(board).querySelector('[part=row][data-service]');
    // A minute passes: the clock changes, the rows stay the very same elements.
    clock.advance(60_000);
    await board.updateComplete;
    expect(root(board).querySelector('[part=row][data-service]')).to.equal(first);

    board.locale = 'en';
    await board.updateComplete;
    expect(visibleRows(board)).to.deep.equal(expectedRows(expected, 'en'));
    // Hiding free services asks the API again (`free=false`).
    const updated = new Promise((r) => board.addEventListener('bm-fee-board-updated', r, { once: true }));
    board.hideFree = true;
    await updated;
    await board.updateComplete;
    expect(visibleRows(board)).to.deep.equal(expectedRows(expected, 'en').filter((r) => r.price !== 'Free'));
  });

  it('hides free services and shows only the chosen sections', async () => {
    const board = await mount({ attrs: { layout: 'embedded', 'hide-free': true, sections: 'cat-club' }, width: 600, height: 0 });
    const expected = await publicBoard('?sections=cat-club&free=false');
    expect(expected.current.sections.length).to.be.greaterThan(0);
    expect(visibleRows(board)).to.deep.equal(expectedRows(expected));
    expect(visibleRows(board).some((r) => r.price === '免费')).to.equal(false);
  });

  it('never shows a list that is not published: the draft and an approved list stay off the board', async () => {
    const board = await mount({ attrs: { layout: 'embedded', 'refresh-interval': '60' }, width: 600, height: 0 });
    const gym = () => visibleRows(board).find((r) => r.id === 'svc-gym')!;
    expect(gym().price).to.equal('¥20/次');
    expect(text(board)).to.contain('价目表 2026版').and.not.contain('2027');
    await transition('pl-2027', 'submitted');
    await transition('pl-2027', 'approved');
    const updated = new Promise((r) => board.addEventListener('bm-fee-board-updated', r, { once: true }));
    clock.advance(60_000);
    await updated;
    await board.updateComplete;
    expect(gym().price, 'the draft price (¥25) is never shown').to.equal('¥20/次');
    expect(text(board)).to.not.contain('2027');
  });

  it('switches to a newly published list at its effective instant, by its own clock', async () => {
    clock = new FakeClock(Date.parse('2026-12-31T23:59:00+08:00'));
    backend.reset();
    await transition('pl-2027', 'submitted');
    await transition('pl-2027', 'approved');
    await transition('pl-2027', 'published');
    let requests = 0;
    msw.use(
      http.get('/api/fee-board', () => {
        requests += 1;
        return undefined; // fall through to the mock
      }),
    );
    const board = await mount({ attrs: { layout: 'embedded', 'refresh-interval': '3600' }, width: 600, height: 0 });
    const gym = () => visibleRows(board).find((r) => r.id === 'svc-gym')!;
    expect(gym().price).to.equal('¥20/次');
    expect(root(board).querySelector('[part=upcoming]')!.textContent).to.contain('2027年1月1日');
    clock.advance(59_999);
    await board.updateComplete;
    expect(gym().price, 'a millisecond before').to.equal('¥20/次');
    clock.advance(1);
    await board.updateComplete;
    expect(gym().price, 'at the effective instant').to.equal('¥25/次');
    expect(root(board).querySelector('[part=meta] span')!.textContent, 'the label names the list itself').to.equal('价目表 2027版');
    expect(root(board).querySelector('[part=upcoming]')).to.equal(null);
    expect(requests, 'the switch needs no request').to.equal(1);
  });

  it('keeps the last good list when the API fails, marks it offline, and catches up when the network returns', async () => {
    const board = await mount({ attrs: { layout: 'landscape', 'refresh-interval': '60', 'page-duration': '3600' }, width: 1920, height: 1080 });
    const before = visibleRows(board);
    const loadedAt = formatTime(clock.now(), 'zh-CN');
    backend.scenario.offline = true;
    clock.advance(60_000);
    await waitUntil(() => is(board, 'offline'), 'the failed refresh marks the board offline', { timeout: 5000 });
    await board.updateComplete;
    expect(visibleRows(board)).to.deep.equal(before);
    expect(root(board).querySelector('[part=offline-mark]')).to.exist;
    expect(root(board).querySelector('[part=updated]')!.textContent).to.contain(`更新于 ${loadedAt}`);
    await expectAccessible(board);

    backend.scenario.offline = false;
    const back = new Promise((r) => board.addEventListener('bm-fee-board-updated', r, { once: true }));
    window.dispatchEvent(new Event('online'));
    await back;
    await board.updateComplete;
    expect(is(board, 'offline')).to.equal(false);
    expect(root(board).querySelector('[part=offline-mark]')).to.equal(null);
    expect(root(board).querySelector('[part=updated]')!.textContent).to.contain(formatTime(clock.now(), 'zh-CN'));
  });

  it('accepts and refuses the same boards as the SDK’s FeeBoard schema', async () => {
    const good = await publicBoard();
    expect(guardBoard(good), 'a valid board passes unchanged').to.deep.equal(FeeBoard.parse(good));
    type Mutation = [what: string, change: (b: any) => void];
    const first = (b: any, kind: string) => b.current.sections.flatMap((s: any) => s.rows).find((r: any) => r.price.kind === kind);
    const mutations: Mutation[] = [
      ['a fractional amount', (b) => (first(b, 'fixed').price.amount = 12.5)],
      ['a negative amount', (b) => (first(b, 'fixed').price.amount = -100)],
      ['an unknown price kind', (b) => (b.current.sections[0].rows[0].price = { kind: 'bargain' })],
      ['an unknown unit', (b) => (first(b, 'per-unit').price.unit = 'week')],
      ['an unknown quote basis', (b) => (first(b, 'quote').price.basis = 'whim')],
      ['a band on day 8', (b) => (b.current.sections[0].rows[0].price = { kind: 'fixed', amount: 100, bands: [{ name: 'peak', days: [8], from: '09:00', to: '10:00', amount: 200 }] })],
      ['a band at 25:00', (b) => (b.current.sections[0].rows[0].price = { kind: 'fixed', amount: 100, bands: [{ name: 'peak', days: [1], from: '25:00', to: '26:00', amount: 200 }] })],
      ['an empty Chinese name', (b) => (b.current.sections[0].rows[0].name['zh-CN'] = '')],
      ['a name that is a string', (b) => (b.current.sections[0].rows[0].name = '代订机票')],
      ['an id with a space', (b) => (b.current.sections[0].rows[0].serviceId = 'svc ticket')],
      ['an effective date without an offset', (b) => (b.current.effectiveFrom = '2026-01-01T00:00:00')],
      ['an effective date that is not a date', (b) => (b.current.effectiveFrom = 'soon')],
      ['a service phone with letters', (b) => (b.compound.servicePhone = 'call us')],
      ['rows that are not a list', (b) => (b.current.sections[0].rows = {})],
      ['no current list', (b) => delete b.current],
      ['an upcoming list without sections', (b) => (b.upcoming = { ...b.current, sections: undefined })],
    ];
    for (const [what, change] of mutations) {
      const bad = structuredClone(good);
      change(bad);
      expect(FeeBoard.safeParse(bad).success, `the schema refuses ${what}`).to.equal(false);
      expect(guardBoard(bad), `the board refuses ${what}`).to.equal(undefined);
    }
  });

  it('refuses a board that is not what the schema says and keeps the good one', async () => {
    const board = await mount({ attrs: { layout: 'embedded', 'refresh-interval': '60' }, width: 600, height: 0 });
    const before = visibleRows(board);
    const bad = await publicBoard();
    (bad.current.sections[0]!.rows[0]!.price as unknown as { kind: string; amount: number }) = { kind: 'fixed', amount: 12.5 };
    msw.use(http.get('/api/fee-board', () => HttpResponse.json(bad)));
    clock.advance(60_000);
    await waitUntil(() => is(board, 'offline'), 'the refused board counts as a failed refresh', { timeout: 5000 });
    expect(visibleRows(board)).to.deep.equal(before);
  });

  it('gives way to the service phone once the data is older than max-age, also after a reload while offline', async () => {
    const board = await mount({ attrs: { layout: 'landscape', 'refresh-interval': '60', 'max-age': '600' } });
    backend.scenario.offline = true;
    clock.advance(600_000);
    await board.updateComplete;
    expect(is(board, 'stale'), 'exactly max-age old is still shown').to.equal(false);
    expect(root(board).querySelectorAll('[part=price]').length).to.be.greaterThan(0);
    clock.advance(1000);
    await board.updateComplete;
    expect(is(board, 'stale')).to.equal(true);
    expect(root(board).querySelectorAll('[part=price]').length, 'no old prices').to.equal(0);
    expect(root(board).querySelector('[part=unavailable]')!.textContent).to.contain(`价目表暂不可用，请致电 ${PHONE}`);
    await expectAccessible(board);

    // A reload while still offline: the cached list is too old, so the phone screen comes at once.
    board.closest('bm-provider')!.remove();
    const again = await mount({ attrs: { layout: 'landscape', 'max-age': '600' } }, false);
    expect(is(again, 'stale')).to.equal(true);
    expect(root(again).querySelector('[part=unavailable]')!.textContent).to.contain(PHONE);
    // On a narrow or portrait screen the sentence wraps around the number, never inside it.
    for (let width = 240; width <= 720; width += 10) {
      again.style.width = `${width}px`;
      expect(linesOfText(root(again).querySelector('[part=unavailable] .big')!, PHONE), `the phone on a ${width} px board`).to.equal(1);
    }
  });

  it('shows the cached list at once after a reload within max-age, marked offline while the API is down', async () => {
    const first = await mount({ attrs: { layout: 'embedded' }, width: 600, height: 0 });
    const rows = visibleRows(first);
    first.closest('bm-provider')!.remove();
    backend.scenario.offline = true;
    clock.advance(3_600_000);
    const board = await mount({ attrs: { layout: 'embedded' }, width: 600, height: 0 }, false);
    expect(visibleRows(board), 'the last good list, before any answer').to.deep.equal(rows);
    await waitUntil(() => is(board, 'offline'), 'marked offline once the refresh fails', { timeout: 5000 });
  });

  it('never shows a resident’s name or phone, even when the API sends them', async () => {
    msw.use(
      http.get('/api/fee-board', async () => {
        const body = (await publicBoard()) as FeeBoard & Record<string, unknown>;
        const leak = { name: '王芳', phone: '13812345678', contact: '陈建国 13905718821' };
        Object.assign(body, leak);
        Object.assign(body.compound, { phone: leak.phone, contact: leak.contact, residentName: leak.name });
        body.compound.name['zh-CN'] += ' 13812345678';
        const row = body.current.sections[0]!.rows[0]! as FeeBoard['current']['sections'][number]['rows'][number] & Record<string, unknown>;
        Object.assign(row, { phone: leak.phone, contact: leak.contact, resident: leak });
        row.name['zh-CN'] += '（业主：陈建国，139 0571 8821）';
        row.note = { 'zh-CN': '联系人：王芳 13812345678', en: 'Contact: Wang Fang, +86 138-1234-5678' };
        body.current.notes.push({ 'zh-CN': '如需帮助请致电 13905718821 或 0571-8888-6666' });
        body.current.sections[1]!.title['zh-CN'] += ' 住户：王芳';
        return HttpResponse.json(body);
      }),
    );
    for (const locale of ['zh-CN', 'en']) {
      const board = await mount({ attrs: { layout: 'embedded', locale }, width: 600, height: 0 });
      const shown = root(board).innerHTML + text(board);
      for (const secret of ['王芳', '陈建国', 'Wang Fang', '13812345678', '13905718821', '138-1234-5678', '139 0571 8821']) {
        expect(shown.includes(secret), `${locale}: ${secret} is shown`).to.equal(false);
      }
      expect(text(board), 'the service phone is the one number shown').to.contain(PHONE);
      expect(visibleRows(board)[0]!.name).to.equal(locale === 'en' ? 'Air and rail tickets' : '代订机票、火车票');
      const cached = Object.values(localStorage).join('');
      for (const secret of ['王芳', '陈建国', '13812345678', '13905718821']) expect(cached.includes(secret), `${secret} is kept`).to.equal(false);
      board.closest('bm-provider')!.remove();
    }
  });

  it('updates the Shanghai clock each minute, shifts header and footer against burn-in, and dims in quiet hours', async () => {
    clock = new FakeClock(Date.parse('2026-11-23T22:58:30+08:00'));
    const board = await mount({ attrs: { layout: 'landscape', 'dim-hours': '23:00-06:00', 'refresh-interval': '3600' } });
    const clockText = () => root(board).querySelector('[part=clock]')!.textContent!;
    const shift = () => (root(board).querySelector('[part=board]') as HTMLElement).style.getPropertyValue('--_shift-x');
    expect(clockText()).to.contain('22:58');
    expect(is(board, 'dim')).to.equal(false);
    clock.advance(30_000);
    await board.updateComplete;
    expect(clockText()).to.contain('22:59');
    const first = shift();
    clock.advance(60_000);
    await board.updateComplete;
    expect(clockText()).to.contain('23:00');
    expect(is(board, 'dim')).to.equal(true);
    expect(root(board).querySelector('[part=board]')!.hasAttribute('data-dim')).to.equal(true);
    expect(shift(), 'a new offset every 10 minutes').to.not.equal(first);
    clock.advance(7 * 3_600_000);
    await board.updateComplete;
    expect(is(board, 'dim'), 'bright again after 06:00').to.equal(false);
  });

  it('explains bad attribute values instead of showing a blank box', async () => {
    for (const [name, value] of [
      ['refresh-interval', 'soon'],
      ['max-age', '-5'],
      ['page-duration', '0'],
      ['layout', 'sideways'],
      ['sections', 'cat club'],
      ['dim-hours', '25:00-06:00'],
      ['locale', 'fr'],
    ] as const) {
      const board = await mount({ attrs: { [name]: value } }, false);
      const alert = root(board).querySelector('[role=alert]');
      expect(alert?.textContent, name).to.contain(`属性 ${name}="${value}" 无效`);
      expect(is(board, 'error')).to.equal(true);
      board.closest('bm-provider')!.remove();
    }
  });

  it('passes axe in the signage theme', async () => {
    const css = await (await fetch('/packages/elements/themes/signage.css')).text();
    const style = document.createElement('style');
    style.textContent = css.replace(/:root,\s*/g, '');
    document.head.append(style);
    try {
      const board = await mount({ attrs: { layout: 'landscape' }, width: 1280, height: 720, theme: 'bm-theme-signage' });
      await expectAccessible(board);
    } finally {
      style.remove();
    }
  });

  it('stays flat over 10,000 refresh-and-page cycles: DOM nodes, timers and window listeners', async function (this: MochaContext) {
    this.timeout(150_000);
    const counts = new Map<string, number>();
    const add = window.addEventListener;
    const remove = window.removeEventListener;
    window.addEventListener = function (this: Window, type: string, ...rest: unknown[]) {
      counts.set(type, (counts.get(type) ?? 0) + 1);
      return (add as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof window.addEventListener;
    window.removeEventListener = function (this: Window, type: string, ...rest: unknown[]) {
      counts.set(type, (counts.get(type) ?? 0) - 1);
      return (remove as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof window.removeEventListener;
    try {
      // Straight to the mock's pipeline (no service worker) so 10,000 refreshes take seconds.
      const client = createClient({ baseUrl: '/api', fetch: (url, init) => backend.handle(new Request(new URL(url, location.origin), init)) });
      const board = await mount({
        client,
        attrs: { layout: 'landscape', sections: 'cat-club,cat-life-repair', 'refresh-interval': '10', 'page-duration': '10' },
        width: 1280,
        height: 480,
      });
      expect(board.pageCount).to.be.greaterThan(1);
      const nodes = () => {
        const walker = document.createTreeWalker(root(board), NodeFilter.SHOW_ALL);
        let n = 0;
        while (walker.nextNode()) n++;
        return n;
      };
      const listeners = () => [...counts.values()].reduce((a, b) => a + b, 0);
      let resolveUpdated: () => void = () => {};
      board.addEventListener('bm-fee-board-updated', () => resolveUpdated());
      const cycle = async () => {
        const updated = new Promise<void>((r) => (resolveUpdated = r));
        // Each cycle: one refresh and one page turn, due at the same instant.
        clock.advance(10_000);
        await updated;
        await board.updateComplete;
      };
      // Warm up, then note the size of every page.
      const perPage = new Map<number, number>();
      for (let i = 0; i < 10; i++) {
        await cycle();
        perPage.set(board.pageIndex, nodes());
      }
      const startTimers = clock.active;
      const startListeners = listeners();
      expect(startTimers).to.equal(1);
      for (let i = 0; i < 10_000; i++) {
        await cycle();
        expect(clock.active).to.equal(1);
      }
      expect(nodes(), 'DOM nodes').to.equal(perPage.get(board.pageIndex));
      expect(clock.active, 'timers').to.equal(startTimers);
      expect(listeners(), 'window listeners').to.equal(startListeners);
      board.closest('bm-provider')!.remove();
      expect(clock.active, 'no timer left after removal').to.equal(0);
      expect(listeners(), 'no window listener left after removal').to.equal(0);
    } finally {
      window.addEventListener = add;
      window.removeEventListener = remove;
    }
  });
});

describe('the fee board’s guard (scrubText, instants)', () => {
  const unchanged = (texts: string[], servicePhone = '') => {
    for (const t of texts) expect(scrubText(t, servicePhone), t).to.equal(t);
  };
  const scrubbed = (cases: [before: string, after: string][], servicePhone = '') => {
    for (const [before, after] of cases) expect(scrubText(before, servicePhone), before).to.equal(after);
  };

  it('keeps approved prices behind an owner, resident or tenant label: amounts, free, discounts and units', () => {
    unchanged([
      '业主：20元/次；非业主：30元/次',
      'Owner: free; tenant: ¥5',
      'Owners: Free; non-owners: ¥10/hour',
      'Residents: half price; tenants: same as owners',
      '业主：免费；租户：半价',
      '住户：同业主价',
      '业主：八五折',
      '业主：每月100元',
      '业主：凭卡免费入场，非业主：5元/人/小时',
      '住户: 按面积计费 ¥4/平方米',
    ]);
  });

  it('removes a name behind a label, Chinese or Latin, and keeps the text around it', () => {
    scrubbed([
      ['联系人:张三 (13912345678)', ''],
      ['联系人：王女士，服务时间8:00-20:00', '服务时间8:00-20:00'],
      ['健身房 20元/次（业主：欧阳娜娜）', '健身房 20元/次'],
      ['负责人：阿卜杜·热合曼', ''],
      ['联系人：王芳、李四 13812345678', ''],
      ['Contact: Wang Fang; gym ¥20/time', 'gym ¥20/time'],
      ['Resident: Ms. Li, 138 1234 5678', ''],
    ]);
  });

  it('removes mobile numbers written in full-width digits or with dots', () => {
    scrubbed([
      ['咨询１３８１２３４５６７８', '咨询'],
      ['138.1234.5678', ''],
      ['请致电 +86 138.1234.5678 预约', '请致电 预约'],
      ['请致电 ０５７１－８８８８－７７７７', '请致电'],
    ]);
  });

  it('removes a household’s room, labelled or not, and keeps areas, dates, hours and buildings as places', () => {
    scrubbed([
      ['房号：5-302', ''],
      ['Room 5-302', ''],
      ['3栋2单元1201', ''],
      ['2栋0601', ''],
      ['代收快递（房号：5-2-302）', '代收快递'],
      ['维修登记 5号楼302室', '维修登记'],
    ]);
    unchanged([
      '¥4/平方米',
      '2026年1月1日起',
      '2026-01-01 08:00起执行',
      '8:00-20:00',
      '1号楼会所',
      '1号楼会所 健身房 20元/次',
      '2栋1200平方米',
      'Reading room 8:00-20:00, free',
      'Meeting room 10-20 people: ¥100/hour',
      '阅览室 8:00-20:00',
    ]);
  });

  it('keeps the compound’s own service phone in any spelling, even a mobile number, and removes every other number', () => {
    unchanged(['24小时服务 13800138000', '服务电话 138 0013 8000', '服务电话 138-0013-8000', '+86 138 0013 8000', '１３８００１３８０００'], '13800138000');
    scrubbed([['服务 13800138000，业主 13912345678', '服务 13800138000，业主']], '13800138000');
    unchanged(['客服 0571-88886666', '客服 +86 571 8888 6666'], '0571-8888-6666');
    scrubbed([['客服 0571-8888-6666 或 0571-8888-7777', '客服 0571-8888-6666 或']], '0571-8888-6666');
  });

  it('refuses an instant on a day its month does not have, as the SDK’s schema does', async () => {
    const good = await publicBoard();
    for (const day of ['2026-02-31', '2026-02-29', '2026-04-31', '2100-02-29']) {
      for (const field of ['effectiveFrom', 'generatedAt'] as const) {
        const bad = structuredClone(good) as any;
        if (field === 'generatedAt') bad.generatedAt = `${day}T00:00:00+08:00`;
        else bad.current.effectiveFrom = `${day}T00:00:00+08:00`;
        expect(FeeBoard.safeParse(bad).success, `the schema refuses ${field} ${day}`).to.equal(false);
        expect(guardBoard(bad), `the board refuses ${field} ${day}`).to.equal(undefined);
      }
    }
    const leap = structuredClone(good);
    leap.current.effectiveFrom = '2028-02-29T00:00:00+08:00';
    expect(FeeBoard.safeParse(leap).success).to.equal(true);
    expect(guardBoard(leap)?.current.effectiveFrom, 'a leap day is a day').to.equal('2028-02-29T00:00:00+08:00');
  });
});
