import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { http, HttpResponse } from 'msw';
import { createFixtures, createHandlers, createMockBackend, type MockBackend } from '@bianmin/mock';
import { createClient, type FeeBoard, type FeeBoardRow, type PriceRule } from '@bianmin/sdk';
import '../packages/elements/src/define/provider.js';
import '../packages/elements/src/define/fee-board.js';
import type { BmFeeBoard, BoardClock } from '../packages/elements/src/fee-board/fee-board.js';

interface Args {
  locale: 'zh-CN' | 'en';
  layout: 'auto' | 'landscape' | 'portrait' | 'embedded';
  /** The frame the board fills: `WIDTHxHEIGHT` or `WIDTH` in CSS px; `auto` for the page's width. */
  frame: string;
  hideFree: boolean;
  sections: string;
  pageDuration: number;
  dimHours: string;
}

/** A mock compound for one story (翠湖花园, this year's list published and in force). */
function backendWith(setup: (b: MockBackend) => void = () => {}, fixtures = createFixtures): MockBackend {
  const backend = createMockBackend({ fixtures });
  setup(backend);
  return backend;
}
type Override = ReturnType<typeof http.get>;
const handlers = (backend: MockBackend, ...overrides: Override[]) => ({
  msw: { handlers: { overrides, api: createHandlers(backend, { baseUrl: '/api' }) } },
});

const standard = backendWith();
const loading = backendWith((b) => (b.scenario.latencyMs = 86_400_000));
const failing = backendWith();
const longNames = backendWith(undefined, (now) => {
  const state = createFixtures(now);
  for (const list of state.priceLists) {
    for (const item of list.items) {
      item.name = {
        'zh-CN': `${item.name['zh-CN']}（含上门勘察、材料代购及完工清洁）`,
        en: `${item.name.en ?? ''} (with a home visit, materials at cost and cleaning up)`,
      };
    }
  }
  return state;
});

/**
 * Notes as offices write them: prices for owners and for others stay, while a contact's name and
 * mobile number and a household's room are taken off before anything reaches the screen.
 */
const personalNotes = backendWith(undefined, (now) => {
  const state = createFixtures(now);
  for (const list of state.priceLists) {
    const gym = list.items.find((i) => i.id === 'svc-gym');
    if (gym) gym.priceNote = { 'zh-CN': '业主：20元/次；非业主：30元/次。联系人：王芳 13812345678', en: 'Owners: ¥20 a visit; others: ¥30. Contact: Wang Fang 13812345678' };
    const pool = list.items.find((i) => i.id === 'svc-swimming');
    if (pool) pool.priceNote = { 'zh-CN': '租户：半价；报名请到2栋0601登记', en: 'Tenants: half price; sign up at Room 2-0601' };
  }
  return state;
});

/** The board the standard compound serves, as JSON. */
async function standardBoard(): Promise<FeeBoard> {
  const res = await standard.handle(new Request(new URL('/api/fee-board', location.href)));
  return (await res.json()) as FeeBoard;
}

/** 12 sections of 14 services each, every price shape: far more than one screen. */
const longList = http.get('/api/fee-board', async () => {
  const board = await standardBoard();
  const shapes: PriceRule[] = [
    { kind: 'free' },
    { kind: 'fixed', amount: 2000 },
    { kind: 'per-unit', unit: 'person-hour', amount: 300 },
    { kind: 'quote', basis: 'market' },
    { kind: 'labour-materials', labour: 5000, labourUnit: 'hour' },
    { kind: 'fixed', amount: 3000, bands: [{ name: 'peak', days: [6, 7], from: '09:00', to: '12:00', amount: 4000 }] },
  ];
  board.current.sections = Array.from({ length: 12 }, (_, s) => ({
    categoryId: `gen-cat-${s + 1}`,
    title: { 'zh-CN': `服务类别 ${s + 1}`, en: `Category ${s + 1}` },
    rows: Array.from({ length: 14 }, (_, r): FeeBoardRow => {
      const no = `${s + 1}-${r + 1}`;
      const row: FeeBoardRow = { serviceId: `gen-${no}`, name: { 'zh-CN': `便民服务 ${no}`, en: `Service ${no}` }, price: shapes[(s + r) % shapes.length]! };
      if (r % 4 === 0) row.note = { 'zh-CN': '需提前一天预约', en: 'Book a day ahead' };
      return row;
    }),
  }));
  return HttpResponse.json(board);
});

/** The list in force with nothing on it. */
const emptyList = http.get('/api/fee-board', async () => {
  const board = await standardBoard();
  board.current.sections = [];
  board.current.notes = [];
  return HttpResponse.json(board);
});

/** A new list already published, in force from the 1st of next month: the board announces it. */
const withUpcoming = http.get('/api/fee-board', async () => {
  const board = await standardBoard();
  const first = new Date();
  first.setMonth(first.getMonth() + 1, 1);
  const from = `${first.getFullYear()}-${String(first.getMonth() + 1).padStart(2, '0')}-01T00:00:00+08:00`;
  board.upcoming = { ...board.current, priceListId: 'pl-next', version: '2027版', effectiveFrom: from };
  return HttpResponse.json(board);
});

/** The first request is answered; every later one fails as a network error. */
let answered = 0;
const firstThenDown = http.get('/api/fee-board', () => (answered++ === 0 ? undefined : HttpResponse.error()));

/** The real clock, moved forward by `skewMs` (to show a board whose data has grown old). */
let skewMs = 0;
const skewedClock: BoardClock = {
  now: () => Date.now() + skewMs,
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Each story starts without a board kept from another story. */
function clearBoardCache(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('bianmin:fee-board:')) localStorage.removeItem(key);
}

async function loaded(board: BmFeeBoard): Promise<void> {
  if (!board.matches(':state(loading)')) return;
  await new Promise((resolve) => board.addEventListener('bm-fee-board-updated', resolve, { once: true }));
}

const theme =
  (name: 'dark' | 'signage'): Decorator =>
  (story) => html`<link rel="stylesheet" href=${new URL(`../packages/elements/themes/${name}.css`, import.meta.url).href} />
    <div class=${`bm-theme-${name}`} style="background: var(--bm-color-surface); color: var(--bm-color-text);">${story()}</div>`;

/** `1280x720` → a fixed frame; `420` → that width and the board's natural height; anything else → the page. */
const frameStyle = (frame: string): string => {
  const m = /^(\d+)(?:x(\d+))?$/.exec(frame);
  if (!m) return '';
  return `width:${m[1]}px;max-width:100%;${m[2] ? `height:${m[2]}px;` : ''}`;
};

const meta: Meta<Args> = {
  title: 'Widgets/Fee board',
  component: 'bm-fee-board',
  tags: ['autodocs'],
  args: { locale: 'zh-CN', layout: 'landscape', frame: '1280x720', hideFree: false, sections: '', pageDuration: 12, dimHours: '' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    layout: { control: 'inline-radio', options: ['auto', 'landscape', 'portrait', 'embedded'] },
    frame: { control: 'text' },
    hideFree: { control: 'boolean' },
    sections: { control: 'text' },
    pageDuration: { control: { type: 'number', min: 3, max: 120 } },
    dimHours: { control: 'text' },
  },
  parameters: {
    ...handlers(standard),
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'The approved, published price list for lobby screens (收费标准公示): sections by category, each price from the SDK’s `formatPrice`, the compound’s name, the list’s version and effective date, the 24-hour service phone, the Shanghai clock and the time of the last update. It pages when the rows do not fit, keeps the last good list when the network fails, and shows the service phone instead of prices that are too old. The stories run against the mock compound (msw).',
      },
    },
  },
  beforeEach: () => {
    clearBoardCache();
    answered = 0;
    skewMs = 0;
  },
  render: ({ locale, layout, frame, hideFree, sections, pageDuration, dimHours }) => html`<div style=${frameStyle(frame)}>
    <bm-provider base-url="/api" locale=${locale}>
      <bm-fee-board
        style="height: 100%"
        layout=${layout}
        ?hide-free=${hideFree}
        sections=${ifDefined(sections || undefined)}
        page-duration=${pageDuration}
        dim-hours=${ifDefined(dimHours || undefined)}
        .clock=${skewedClock}
      ></bm-fee-board>
    </bm-provider>
  </div>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A 16:9 lobby screen: two columns, paging through the list. */
export const Landscape: Story = {};

/** A screen turned upright: one column of larger rows. */
export const Portrait: Story = { args: { layout: 'portrait', frame: '540x960' } };

/** In a page (a WeChat H5 page, the residents' portal): page-sized type, every row, no paging. */
export const Embedded: Story = { args: { layout: 'embedded', frame: '420' } };

export const Signage: Story = { decorators: [theme('signage')] };

export const Dark: Story = { decorators: [theme('dark')] };

export const English: Story = { args: { locale: 'en' } };

/** Far more rows than fit: "1/12" and the bar show where the board is; each page stays 5 s here. */
export const LongListPages: Story = { name: 'Long list that pages', args: { pageDuration: 5 }, parameters: handlers(standard, longList) };

/** Only the clubhouse, without free services. */
export const ChosenSections: Story = { args: { sections: 'cat-club', hideFree: true } };

/** The API went down after the first load: the last good list stays, marked offline, with "更新于 HH:mm". */
export const OfflineWithLastGoodData: Story = {
  parameters: handlers(standard, firstThenDown),
  play: async ({ canvasElement }) => {
    const board = canvasElement.querySelector('bm-fee-board')!;
    await loaded(board);
    await board.refresh();
  },
};

/** The same on a lobby screen: the signage theme's offline mark and "更新于 HH:mm". */
export const OfflineOnSignage: Story = { ...OfflineWithLastGoodData, name: 'Offline, signage', decorators: [theme('signage')] };

/** Offline for longer than `max-age`: the prices give way to "价目表暂不可用，请致电 …". */
export const StalePastMaxAge: Story = {
  name: 'Stale past max-age',
  parameters: handlers(standard, firstThenDown),
  render: (args) => html`<div style=${frameStyle(args.frame)}>
    <bm-provider base-url="/api" locale=${args.locale}>
      <bm-fee-board style="height: 100%" layout=${args.layout} max-age="600" .clock=${skewedClock}></bm-fee-board>
    </bm-provider>
  </div>`,
  play: async ({ canvasElement }) => {
    const board = canvasElement.querySelector('bm-fee-board')!;
    await loaded(board);
    skewMs = 601_000; // eleven minutes later, by the board's clock
    await board.refresh();
  },
};

/**
 * A client that waits as long as the server takes: without a per-attempt timeout a loading story
 * stays loading (the default client gives up after three 10-second attempts).
 */
const patient = createClient({ baseUrl: '/api', timeout: false });

/** The server takes a day to answer (and nothing is kept from before). */
export const Loading: Story = {
  parameters: handlers(loading),
  render: ({ locale, layout, frame }) => html`<div style=${frameStyle(frame)}>
    <bm-provider .client=${patient} locale=${locale}><bm-fee-board style="height: 100%" layout=${layout}></bm-fee-board></bm-provider>
  </div>`,
};

/** Nothing kept and the first load fails: the shared error look, with a retry. */
export const ServerError: Story = {
  name: 'Error',
  parameters: handlers(failing),
  beforeEach: () => {
    failing.reset();
    failing.scenario.failNext(500, 3, { path: '/fee-board' });
  },
};

/** The first load fails on a lobby screen: the error look in the signage theme. */
export const ErrorOnSignage: Story = { ...ServerError, name: 'Error, signage', decorators: [theme('signage')] };

/** Past max-age on a lobby screen: the phone to call, in the signage theme. */
export const StaleOnSignage: Story = { ...StalePastMaxAge, name: 'Stale, signage', decorators: [theme('signage')] };

/** A new price list is announced: "新价目表（2027版）将于 … 起执行" under the heading. */
export const UpcomingList: Story = { name: 'Upcoming list announced', parameters: handlers(standard, withUpcoming) };

/** A published list with nothing to show. */
export const Empty: Story = { parameters: handlers(standard, emptyList) };

/** Service names far longer than usual wrap inside their column. */
export const LongChineseNames: Story = { parameters: handlers(longNames) };

/** Owner and tenant prices stay on the board; a contact's name, a mobile number and a household's room do not. */
export const PersonalDataInNotes: Story = { name: 'Personal data in notes', args: { sections: 'cat-club' }, parameters: handlers(personalNotes) };

/** Quiet hours cover the whole day here, so the board is dimmed. */
export const Dimmed: Story = { args: { dimHours: '00:00-24:00' }, decorators: [theme('signage')] };

/** A bad attribute value is explained, not a blank box. */
export const InvalidAttribute: Story = {
  render: () => html`<bm-provider base-url="/api"><bm-fee-board refresh-interval="soon"></bm-fee-board></bm-provider>`,
};
