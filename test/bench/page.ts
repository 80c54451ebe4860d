// The page `npm run bench` drives in Chromium (bundled by scripts/bench.ts, minified as an app ships).
// It renders the widgets from a client stub fed with test/bench/fixtures.ts's data (no network while
// measuring), next to plain `createElement` tables of the same rows, and exposes one function per
// sample on `window.bench`. Every function leaves the stage empty for the next one.
import '../../packages/elements/src/define/provider.js';
import '../../packages/elements/src/define/fee-board.js';
import '../../packages/elements/src/define/service-menu.js';
import '../../packages/elements/src/define/loan-ledger.js';
import { formatDateTime, formatPrice, PriceList, type BianminClient, type FeeBoard, type Loan } from '@bianmin/sdk';
import type { BoardClock, BmFeeBoard } from '../../packages/elements/src/fee-board/fee-board.js';
import type { BmLoanLedger } from '../../packages/elements/src/loan-ledger/loan-ledger.js';
import type { BmProvider } from '../../packages/elements/src/provider/provider.js';
import type { BmServiceMenu } from '../../packages/elements/src/service-menu/service-menu.js';
import type { BenchData } from './fixtures.js';

const data = (await (await fetch('./data.json')).json()) as BenchData;
const stage = document.getElementById('stage')!;
const TZ = 'Asia/Shanghai';

/** The client methods the measured widgets call, answering from memory like a warm cache. */
interface Stub {
  board?: () => FeeBoard;
  loans?: () => Loan[];
}

function stubClient(stub: Stub): BianminClient {
  const no = (): Promise<never> => Promise.reject(new Error('not served by the bench stub'));
  const client = {
    compound: { get: async () => data.compound },
    catalog: { current: async () => data.catalog },
    feeBoard: { get: async () => (stub.board ? stub.board() : no()) },
    loanItems: { list: async () => data.loanItems },
    // The whole register in one page: the ledger's first render has every record.
    loans: { list: async () => ({ items: stub.loans ? stub.loans() : [], nextCursor: null }) },
  };
  return client as unknown as BianminClient;
}

function provider(stub: Stub): BmProvider {
  const p = document.createElement('bm-provider');
  p.client = stubClient(stub);
  p.compound = data.compound;
  return p;
}

/** Waits (in microtasks only: no frame can slip in) until `ready()` or the element settles without it. */
async function settle(el: { updateComplete: Promise<boolean> }, ready: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !ready(); i++) await el.updateComplete;
  while (!(await el.updateComplete));
  if (!ready()) throw new Error('the widget did not render its rows');
}

/** Style and layout of the whole document, now: the end of every render measure. */
function layout(el: Element): void {
  void el.getBoundingClientRect().height;
  void (document.body.offsetHeight + document.body.scrollHeight);
}

/** Resolves after the next frame has been produced (rAF, then a task queued from it runs after paint). */
function nextFrame(): Promise<number> {
  return frameWork().then((f) => f.end);
}

/**
 * The next frame: when its rAF callbacks ran (the frame's start) and when a task queued from them
 * ran (after its style, layout and paint).
 */
function frameWork(): Promise<{ start: number; end: number }> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const start = performance.now();
      const mc = new MessageChannel();
      mc.port1.onmessage = () => resolve({ start, end: performance.now() });
      mc.port2.postMessage(0);
    }),
  );
}

/**
 * From `t0` to the first frame after the render, less the time spent idle waiting for that frame
 * to start (up to one display refresh, 16.7 ms at 60 Hz, landing anywhere in it): the work of
 * the render, its layout and the frame that shows it, without the phase of the display's clock,
 * which would otherwise move each sample by up to a frame.
 */
async function toFrame(t0: number): Promise<number> {
  const laidOut = performance.now();
  const frame = await frameWork();
  return laidOut - t0 + (frame.end - frame.start);
}

function clear(): void {
  stage.replaceChildren();
  localStorage.clear();
}

const FIXED_NOW = Date.parse('2025-06-02T02:30:00Z');

/** A clock for one board: time moves only when `fire` runs the board's single pending timer. */
function fakeClock(): BoardClock & { fire(): boolean } {
  let t = FIXED_NOW;
  let pending: { callback: () => void; at: number } | undefined;
  return {
    now: () => t,
    setTimeout(callback, ms) {
      pending = { callback, at: t + ms };
      return pending;
    },
    clearTimeout(handle) {
      if (pending === handle) pending = undefined;
    },
    fire() {
      const p = pending;
      if (!p) return false;
      pending = undefined;
      t = Math.max(t, p.at);
      p.callback();
      return true;
    },
  };
}

function cell(tr: HTMLTableRowElement, text: string, tag: 'td' | 'th' = 'td'): void {
  const c = document.createElement(tag);
  c.textContent = text;
  tr.appendChild(c);
}

/** A render measure: the whole of it, and the part before style and layout (script, DOM building). */
export interface Timing {
  ms: number;
  scriptMs: number;
}

const zh = (t: { 'zh-CN': string } | undefined): string => t?.['zh-CN'] ?? '';

// ─── a. fee board, first render of 1,000 rows ─────────────────────────────────────────────────

async function feeBoardFirstRender(): Promise<Timing> {
  clear();
  const board = data.bigBoard;
  const t0 = performance.now();
  const p = provider({ board: () => board });
  const el = document.createElement('bm-fee-board');
  el.layout = 'embedded';
  el.clock = fakeClock();
  p.appendChild(el);
  stage.appendChild(p);
  const rows = (): number => el.shadowRoot?.querySelectorAll('[part=row]').length ?? 0;
  await settle(el, () => rows() >= 1000);
  const scriptMs = performance.now() - t0;
  layout(el);
  // Up to the first frame: what the browser leaves for the frame (sections coming into view) counts too.
  const ms = await toFrame(t0);
  clear();
  return { ms, scriptMs };
}

/** The same rows as a plain table: a heading row per section, then name, price and note. */
async function feeTableFirstRender(): Promise<Timing> {
  clear();
  const board = data.bigBoard;
  const t0 = performance.now();
  const table = document.createElement('table');
  const body = document.createElement('tbody');
  for (const s of board.current.sections) {
    const head = document.createElement('tr');
    cell(head, zh(s.title), 'th');
    body.appendChild(head);
    for (const r of s.rows) {
      const tr = document.createElement('tr');
      cell(tr, zh(r.name));
      cell(tr, formatPrice(r.price, 'zh-CN'));
      cell(tr, zh(r.note));
      body.appendChild(tr);
    }
  }
  table.appendChild(body);
  stage.appendChild(table);
  const scriptMs = performance.now() - t0;
  layout(table);
  const ms = await toFrame(t0);
  if (table.rows.length < 1000) throw new Error('the plain table lost rows');
  clear();
  return { ms, scriptMs };
}

// ─── b. service menu, one filter keystroke over 1,000 items ────────────────────────────────────

let menu: BmServiceMenu | undefined;
let armed: Promise<Timing> | undefined;

async function menuSetup(): Promise<void> {
  clear();
  const p = provider({});
  menu = document.createElement('bm-service-menu');
  p.appendChild(menu);
  stage.appendChild(p);
  const m = menu;
  // The count names all 1,000; the menu renders the first page of them.
  await settle(m, () => /\b1000\b/.test(m.shadowRoot?.querySelector('[part~=result-count]')?.textContent ?? ''));
  m.shadowRoot?.querySelector<HTMLInputElement>('input[type=search]')?.focus();
}

/** Listens for the next input event of the menu's search box; `keystroke()` then gives its latency. */
function menuArm(): void {
  const m = menu!;
  armed = new Promise((resolve) => {
    m.addEventListener(
      'input',
      (e) => {
        // The event's own time stamp: when the browser took the keystroke, before any handler ran.
        const start = e.timeStamp;
        void m.updateComplete.then(async () => {
          const scriptMs = performance.now() - start;
          resolve({ ms: (await nextFrame()) - start, scriptMs });
        });
      },
      // Bubbling, so the menu's own handler has set the query and its update is pending.
      { once: true },
    );
  });
}

function menuKeystroke(): Promise<Timing> {
  if (!armed) throw new Error('menuArm() first');
  return armed;
}

/** Services matching the search, as the menu counts them. */
function menuShown(): number {
  return Number(/\d+/.exec(menu?.shadowRoot?.querySelector('[part~=result-count]')?.textContent ?? '')?.[0] ?? NaN);
}

// ─── c. loan ledger with 10,000 records against a plain 10,000-row table ───────────────────────

async function ledgerFirstRender(): Promise<Timing> {
  clear();
  const loans = data.loans.slice();
  const t0 = performance.now();
  const p = provider({ loans: () => loans });
  const el: BmLoanLedger = document.createElement('bm-loan-ledger');
  el.filter = 'all';
  el.now = () => FIXED_NOW;
  p.appendChild(el);
  stage.appendChild(p);
  await settle(el, () => el.shadowRoot?.querySelector('.spacer > .row') != null);
  const scriptMs = performance.now() - t0;
  layout(el);
  const ms = performance.now() - t0;
  if (!el.shadowRoot?.querySelector('[part=count]')?.textContent?.includes(String(loans.length))) throw new Error('the ledger did not count the register');
  clear();
  return { ms, scriptMs };
}

function loanTableFirstRender(): Timing {
  clear();
  const loans = data.loans;
  const t0 = performance.now();
  const table = document.createElement('table');
  const body = document.createElement('tbody');
  for (const l of loans) {
    const tr = document.createElement('tr');
    cell(tr, zh(l.itemName));
    cell(tr, `${l.household.building}-${l.household.room}`);
    cell(tr, l.borrower.name);
    cell(tr, formatDateTime(l.lentAt, 'zh-CN', TZ));
    cell(tr, l.dueAt ? formatDateTime(l.dueAt, 'zh-CN', TZ) : '');
    cell(tr, l.status);
    body.appendChild(tr);
  }
  table.appendChild(body);
  stage.appendChild(table);
  const scriptMs = performance.now() - t0;
  layout(table);
  const ms = performance.now() - t0;
  if (table.rows.length !== loans.length) throw new Error('the plain table lost rows');
  clear();
  return { ms, scriptMs };
}

// ─── d. validating a 1,000-item catalog against JSON.parse alone ───────────────────────────────

const catalogText = JSON.stringify(data.catalog);

function parseOnly(reps: number): Timing {
  const t0 = performance.now();
  let n = 0;
  for (let i = 0; i < reps; i++) n += (JSON.parse(catalogText) as { items: unknown[] }).items.length;
  const ms = (performance.now() - t0) / reps;
  if (n !== reps * 1000) throw new Error('the catalog lost items');
  return { ms, scriptMs: ms };
}

/** What the client does with a response: JSON.parse, then the schema's safeParse. */
function parseAndValidate(reps: number): Timing {
  const t0 = performance.now();
  let ok = 0;
  for (let i = 0; i < reps; i++) if (PriceList.safeParse(JSON.parse(catalogText)).success) ok++;
  const ms = (performance.now() - t0) / reps;
  if (ok !== reps) throw new Error('the catalog does not pass its own schema');
  return { ms, scriptMs: ms };
}

// ─── e. heap across fee-board refreshes driven by its clock ────────────────────────────────────

let loop: { board: BmFeeBoard; clock: ReturnType<typeof fakeClock>; refreshes: number; fetches: number } | undefined;

async function refreshSetup(): Promise<void> {
  clear();
  // Two versions of the seed's board; every 10th refresh the list changes, so the rows re-render too.
  const a = data.smallBoard;
  const b: FeeBoard = { ...a, current: { ...a.current, version: `${a.current.version}-b`, notes: [...a.current.notes, { 'zh-CN': '临时调整' }] } };
  const texts = [JSON.stringify(a), JSON.stringify(b)];
  const clock = fakeClock();
  const state = { fetches: 0 };
  const p = provider({
    board: () => {
      state.fetches++;
      // A fresh object per response, as the network gives, stamped by the board's clock.
      const board = JSON.parse(texts[Math.floor(state.fetches / 10) % 2]!) as FeeBoard;
      board.generatedAt = new Date(clock.now()).toISOString();
      return board;
    },
  });
  const board = document.createElement('bm-fee-board');
  board.layout = 'embedded';
  board.refreshInterval = 10;
  board.clock = clock;
  p.appendChild(board);
  stage.appendChild(p);
  loop = {
    board,
    clock,
    refreshes: 0,
    get fetches() {
      return state.fetches;
    },
  };
  board.addEventListener('bm-fee-board-updated', () => loop && loop.refreshes++);
  await settle(board, () => loop!.refreshes > 0);
}

/** Runs the board's timer until `n` more refreshes have landed; returns the total. */
async function refreshRun(n: number): Promise<number> {
  const l = loop!;
  const target = l.refreshes + n;
  while (l.refreshes < target) {
    const before = l.fetches;
    if (!l.clock.fire()) throw new Error('the board has no timer');
    if (l.fetches > before) {
      const seen = l.refreshes;
      for (let i = 0; i < 100 && l.refreshes === seen; i++) await l.board.updateComplete;
      if (l.refreshes === seen) throw new Error('a refresh did not land');
    }
    while (!(await l.board.updateComplete));
  }
  if (l.board.shadowRoot?.querySelector('[part=offline-mark], [part=unavailable]')) throw new Error('the board went offline or stale');
  return l.refreshes;
}

const bench = {
  chromeCores: navigator.hardwareConcurrency,
  feeBoardFirstRender,
  feeTableFirstRender,
  menuSetup,
  menuArm,
  menuKeystroke,
  menuShown,
  ledgerFirstRender,
  loanTableFirstRender,
  parseOnly,
  parseAndValidate,
  refreshSetup,
  refreshRun,
};

declare global {
  interface Window {
    bench: typeof bench;
    benchReady: boolean;
  }
}

window.bench = bench;
window.benchReady = true;
