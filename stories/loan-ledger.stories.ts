import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createClient, formatInstant } from '@bianmin/sdk';
import { createFixtures, createHandlers, createMockBackend, DEMO_RESIDENT_TOKEN, DEMO_STAFF_TOKEN, type MockBackend } from '@bianmin/mock';
import '../packages/elements/src/define/provider.js';
import '../packages/elements/src/define/loan-ledger.js';

interface Args {
  mode: 'staff' | 'resident';
  shift: '' | 'day' | 'night';
  filter: '' | 'out' | 'overdue' | 'returned' | 'all';
  view: 'ledger' | 'handover' | 'report';
  locale: 'zh-CN' | 'en';
}

const DAY = 86_400_000;

/** A mock compound for one story (翠湖花园 and its cabinet, fixtures placed around now). */
function backendWith(setup: (b: MockBackend) => void = () => {}, fixtures = createFixtures): MockBackend {
  const backend = createMockBackend({ fixtures });
  setup(backend);
  return backend;
}
const handlers = (backend: MockBackend) => ({ msw: { handlers: { api: createHandlers(backend, { baseUrl: '/api' }) } } });

const standard = backendWith();
/** The same register two days earlier: everything still out is now overdue, by hours or days. */
const overdue = backendWith(undefined, (now) => createFixtures(new Date(now.getTime() - 2 * DAY)));
/** A cabinet with nothing registered in it yet. */
const emptyCabinet = backendWith(undefined, (now) => ({ ...createFixtures(now), loanItems: [], loans: [] }));
/** The fixtures plus 10,000 returned loans: the register pages through 50 requests in the background. */
const big = backendWith((b) => b.seedLoans(10_000));
/** This month the tool box was lost and an umbrella came back damaged (the fixtures already have one damaged). */
const incidents = backendWith(undefined, (now) => {
  const state = createFixtures(now);
  const at = formatInstant(now);
  for (const loan of state.loans) {
    if (loan.itemId === 'li-toolbox' && loan.status === 'out') {
      loan.status = 'lost';
      loan.condition = 'lost';
      loan.history.push({ status: 'lost', at, by: 'staff', note: '借用人搬家，工具箱未归还' });
    }
    if (loan.itemId === 'li-umbrella' && loan.status === 'out') {
      loan.status = 'returned';
      loan.condition = 'damaged';
      loan.returnedAt = at;
      loan.returnedTo = { staffId: 'st-admin-01', shift: 'day' };
      loan.history.push({ status: 'returned', at, by: 'staff', note: '伞骨弯了' });
      // Back in the cabinet, damaged (the office replaces it; the report shows the cost).
      const umbrella = state.loanItems.find((i) => i.id === loan.itemId);
      if (umbrella) umbrella.available += loan.quantity;
    }
  }
  return state;
});
const loading = backendWith((b) => (b.scenario.latencyMs = 86_400_000));
/** No network at all: every request fails as a dropped connection does. */
const offline = backendWith((b) => (b.scenario.offline = true));
/** Long item names and rules, as a cabinet's own register writes them. */
const longNames = backendWith(undefined, (now) => {
  const state = createFixtures(now);
  const longer: Record<string, [zh: string, en: string]> = {
    'li-first-aid': ['红十字急救药箱（含止血带、三角巾、碘伏棉签、创可贴、医用胶带与一次性手套）', 'Red Cross first-aid kit (tourniquet, triangular bandage, iodine swabs, plasters, tape and gloves)'],
    'li-toolbox': ['家用工具箱（钳子、螺丝刀、扳手、卷尺、电笔、美工刀、水平仪）', 'Household tool box (pliers, screwdrivers, spanner, tape measure, voltage tester, knife, level)'],
    'li-umbrella': ['大号长柄雨伞（可遮两人，雨天请放在门口伞架上沥干后再归还）', 'Large umbrella for two (let it drip dry on the stand by the door before returning it)'],
  };
  for (const item of state.loanItems) {
    const name = longer[item.id];
    if (name) item.name = { 'zh-CN': name[0], en: name[1] };
  }
  for (const loan of state.loans) {
    const name = longer[loan.itemId];
    if (name) loan.itemName = { 'zh-CN': name[0], en: name[1] };
  }
  return state;
});
const failing = backendWith();

/** A theme file (dark or signage), loaded only while a story that uses it is shown. */
const theme =
  (name: 'dark' | 'signage'): Decorator =>
  (story) => html`<link rel="stylesheet" href=${new URL(`../packages/elements/themes/${name}.css`, import.meta.url).href} />
    <div class=${`bm-theme-${name}`} style="background: var(--bm-color-surface); color: var(--bm-color-text); padding: 1rem;">${story()}</div>`;
const darkTheme = theme('dark');

const meta: Meta<Args> = {
  title: 'Widgets/Loan ledger',
  component: 'bm-loan-ledger',
  tags: ['autodocs'],
  args: { mode: 'staff', shift: '', filter: '', view: 'ledger', locale: 'zh-CN' },
  argTypes: {
    mode: { control: 'inline-radio', options: ['staff', 'resident'] },
    shift: { control: 'inline-radio', options: ['', 'day', 'night'], description: 'Empty: the shift on duty now (08:00–20:00 is day).' },
    filter: { control: 'inline-radio', options: ['', 'out', 'overdue', 'returned', 'all'], description: 'Empty: out for staff, all for a resident.' },
    view: { control: 'inline-radio', options: ['ledger', 'handover', 'report'] },
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
  },
  parameters: {
    ...handlers(standard),
    docs: {
      description: {
        component:
          'The convenience cabinet (便民箱, seed 000): what is in it and its rules, lending and check-in, the register (windowed, filtered, searchable, sortable), the shift handover and the zero-loss report. The stories run against the mock compound (msw), as the front desk (st-admin-01) or as the resident of 2栋 0601.',
      },
    },
  },
  render: ({ mode, shift, filter, view, locale }) => html`<bm-provider
    base-url="/api"
    locale=${locale}
    .getToken=${() => (mode === 'resident' ? DEMO_RESIDENT_TOKEN : DEMO_STAFF_TOKEN)}
  >
    <bm-loan-ledger mode=${mode} shift=${ifDefined(shift || undefined)} filter=${ifDefined(filter || undefined)} view=${view}></bm-loan-ledger>
  </bm-provider>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Waits for the ledger's cabinet to load, then returns the widget (for `play`). */
async function readyLedger(canvas: HTMLElement): Promise<HTMLElement & { openCheckout(itemId?: string): Promise<void> }> {
  for (let i = 0; i < 200; i++) {
    const el = canvas.querySelector('bm-loan-ledger');
    if (el?.shadowRoot?.querySelector('[part~=item]')) return el as HTMLElement & { openCheckout(itemId?: string): Promise<void> };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the loan ledger did not load');
}

/** The desk: the cabinet, and what is out (the tool box overdue). "借出" opens the check-out dialog. */
export const StaffDefault: Story = { name: 'Staff (default)', beforeEach: () => standard.reset() };

/** Two days on: the umbrella, the trolley and the tool box are all overdue, marked with how late. */
export const OverdueLoans: Story = { args: { filter: 'overdue' }, parameters: handlers(overdue), beforeEach: () => overdue.reset() };

export const EmptyCabinet: Story = { parameters: handlers(emptyCabinet) };

/** 10,000 loans: only the visible rows are in the DOM; the count shows the pages loading in the background. */
export const TenThousandLoans: Story = { name: '10,000 loans', args: { filter: 'all' }, parameters: handlers(big) };

/** A resident (2栋 0601): what can be borrowed now, the rules, and their own loans. No desk tools, phones masked. */
export const Resident: Story = { args: { mode: 'resident' }, beforeEach: () => standard.reset() };

/** A resident on a phone (390 px), their umbrella two days late: item, due time and status come first, the tables scroll sideways. */
export const ResidentOnAPhone: Story = {
  name: 'Resident on a phone',
  args: { mode: 'resident' },
  decorators: [(story) => html`<div style="max-width: 390px; border: 1px dashed #999;">${story()}</div>`],
  beforeEach: () => overdue.reset(),
  parameters: handlers(overdue),
};

/** The day shift hands over to the night shift: what is out and overdue, ready to print. */
export const Handover: Story = { args: { view: 'handover', shift: 'day' }, beforeEach: () => standard.reset() };

/** This month's damaged and lost items with their cost. */
export const ZeroLossReport: Story = { name: 'Zero-loss report', args: { view: 'report' }, parameters: handlers(incidents) };

export const English: Story = { args: { locale: 'en' }, beforeEach: () => standard.reset() };

export const Dark: Story = { decorators: [darkTheme], beforeEach: () => standard.reset() };

/**
 * A client that waits as long as the server takes: without a per-attempt timeout a loading story
 * stays loading (the default client gives up after three 10-second attempts).
 */
const patient = createClient({ baseUrl: '/api', timeout: false, getToken: () => DEMO_STAFF_TOKEN });

/** Lending a trolley: the check-out dialog, with its deposit (for the quantity), the due time from the item's loan period, and the shift recorded. */
export const CheckOutDialog: Story = {
  name: 'Check-out dialog',
  beforeEach: () => standard.reset(),
  play: async ({ canvasElement }) => {
    const ledger = await readyLedger(canvasElement);
    await ledger.openCheckout('li-trolley');
  },
};

/** The server takes a day to answer. */
export const Loading: Story = {
  parameters: handlers(loading),
  render: ({ mode, view, locale }) => html`<bm-provider .client=${patient} locale=${locale}><bm-loan-ledger mode=${mode} view=${view}></bm-loan-ledger></bm-provider>`,
};

/** No network: the cabinet and the register each say so, with a retry. */
export const Offline: Story = { parameters: handlers(offline) };

/** Long item names: they wrap in the cabinet and take two lines in the register. */
export const LongChineseNames: Story = { name: 'Long Chinese names', parameters: handlers(longNames) };

/** The server fails (the first load and the client's two retries, for the cabinet and the register); "重试" then works. */
export const ServerError: Story = {
  name: 'Error',
  parameters: handlers(failing),
  beforeEach: () => {
    failing.reset();
    // Each list fails its three attempts; the compound settings the provider loads meanwhile do not.
    failing.scenario.failNext(500, 3, { path: '/loan-items' });
    failing.scenario.failNext(500, 3, { path: '/loans', method: 'GET' });
  },
};

/** The desk in the signage theme (large type, dark, high contrast). */
export const Signage: Story = { decorators: [theme('signage')], beforeEach: () => standard.reset() };

/** An invalid `mode` renders a readable error, not a blank box. */
export const InvalidMode: Story = {
  render: () => html`<bm-provider base-url="/api" locale="zh-CN" .getToken=${() => DEMO_STAFF_TOKEN}><bm-loan-ledger mode="admin"></bm-loan-ledger></bm-provider>`,
};
