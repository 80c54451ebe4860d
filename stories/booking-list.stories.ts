import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createFixtures, createHandlers, createMockBackend, DEMO_HOUSEHOLD_ID, DEMO_RESIDENT_TOKEN, type MockBackend } from '@bianmin/mock';
import { createClient } from '@bianmin/sdk';
import '../packages/elements/src/define/provider.js';
import '../packages/elements/src/define/booking-list.js';

interface Args {
  scope: 'upcoming' | 'past' | 'all';
  locale: 'zh-CN' | 'en';
  pageSize: number;
}

/** A mock compound for one story: the demo household (2栋 0601) signed in, fixtures placed around now. */
function backendWith(setup: (b: MockBackend) => void = () => {}, fixtures = createFixtures): MockBackend {
  const backend = createMockBackend({ fixtures });
  setup(backend);
  return backend;
}
const handlers = (backend: MockBackend) => ({ msw: { handlers: { api: createHandlers(backend, { baseUrl: '/api' }) } } });

const standard = backendWith();
const empty = backendWith(undefined, (now) => {
  const state = createFixtures(now);
  state.bookings = state.bookings.filter((b) => b.householdId !== DEMO_HOUSEHOLD_ID);
  return state;
});
const loading = backendWith((b) => (b.scenario.latencyMs = 86_400_000));
const failing = backendWith();
const refreshFailing = backendWith();
const offline = backendWith((b) => (b.scenario.offline = true));
const goneOffline = backendWith();
const longNames = backendWith(undefined, (now) => {
  const state = createFixtures(now);
  for (const b of state.bookings) {
    if (b.householdId !== DEMO_HOUSEHOLD_ID) continue;
    b.serviceName = {
      'zh-CN': `${b.serviceName['zh-CN']}（含上门勘察、材料代购、完工清洁及三十日内免费返修服务）`,
      en: `${b.serviceName.en ?? ''} (with a home visit, materials bought at cost, cleaning up afterwards and free repairs within thirty days)`,
    };
  }
  return state;
});

/** A theme file (dark or signage), loaded only while a story that uses it is shown. */
const theme =
  (name: 'dark' | 'signage'): Decorator =>
  (story) => html`<link rel="stylesheet" href=${new URL(`../packages/elements/themes/${name}.css`, import.meta.url).href} />
    <div class=${`bm-theme-${name}`} style="background: var(--bm-color-surface); color: var(--bm-color-text); padding: 1rem;">${story()}</div>`;
const darkTheme = theme('dark');

/** Waits for an element inside the widget's shadow root (for `play`). */
async function inWidget(canvas: HTMLElement, selector: string): Promise<HTMLElement> {
  for (let i = 0; i < 200; i++) {
    const found = canvas.querySelector('bm-booking-list')?.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${selector} did not appear`);
}

const meta: Meta<Args> = {
  title: 'Widgets/Booking list',
  component: 'bm-booking-list',
  tags: ['autodocs'],
  args: { scope: 'all', locale: 'zh-CN', pageSize: 10 },
  argTypes: {
    scope: { control: 'inline-radio', options: ['upcoming', 'past', 'all'] },
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    pageSize: { control: { type: 'number', min: 1, max: 200 } },
  },
  parameters: {
    ...handlers(standard),
    docs: {
      description: {
        component:
          'A resident’s bookings with cancelling inside the window and the follow-up (回访) after a completed service. The stories run against the mock compound (msw) signed in as 2栋 0601.',
      },
    },
  },
  render: ({ scope, locale, pageSize }) => html`<bm-provider base-url="/api" locale=${locale} .getToken=${() => DEMO_RESIDENT_TOKEN}>
    <bm-booking-list scope=${scope} page-size=${pageSize}></bm-booking-list>
  </bm-provider>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Both tabs; the upcoming ones first: a court booked for tomorrow (cancellable until 4 hours before) and a request for a quote. */
export const Upcoming: Story = { beforeEach: () => standard.reset() };

/** Past bookings, with the follow-up form of a completed service open. */
export const PastWithFeedbackForm: Story = {
  args: { scope: 'past' },
  beforeEach: () => standard.reset(),
  play: async ({ canvasElement }) => {
    (await inWidget(canvasElement, '[part=feedback-button]')).click();
  },
};

/** "取消预约" pressed: the confirm step, with the optional reason, "确认取消" and "保留预约". */
export const CancelConfirm: Story = {
  name: 'Cancel, confirm step',
  args: { scope: 'upcoming' },
  beforeEach: () => standard.reset(),
  play: async ({ canvasElement }) => {
    (await inWidget(canvasElement, '[part=cancel-button]')).click();
    await inWidget(canvasElement, '[part~=confirm]');
  },
};

export const Empty: Story = { parameters: handlers(empty) };

/**
 * A client that waits as long as the server takes: without a per-attempt timeout a loading story
 * stays loading (the default client gives up after three 10-second attempts).
 */
const patient = createClient({ baseUrl: '/api', timeout: false, getToken: () => DEMO_RESIDENT_TOKEN });

/** The server takes a day to answer. */
export const Loading: Story = {
  parameters: handlers(loading),
  render: ({ scope, locale, pageSize }) => html`<bm-provider .client=${patient} locale=${locale}>
    <bm-booking-list scope=${scope} page-size=${pageSize}></bm-booking-list>
  </bm-provider>`,
};

/** The server fails three times (the first load and the client's two retries); "重试" then works. */
export const ServerError: Story = {
  name: 'Error',
  args: { scope: 'upcoming' },
  parameters: handlers(failing),
  beforeEach: () => {
    failing.reset();
    failing.scenario.failNext(500, 3, { path: '/bookings' });
  },
};

/** The list loaded, then a refresh failed: the bookings stay on screen, with the error and "重试" above them. */
export const RefreshFailed: Story = {
  name: 'Refresh failed',
  args: { scope: 'upcoming' },
  parameters: handlers(refreshFailing),
  beforeEach: () => refreshFailing.reset(),
  play: async ({ canvasElement }) => {
    await inWidget(canvasElement, '[part~=item]');
    refreshFailing.scenario.failNext(500, 3, { path: '/bookings' });
    await canvasElement.querySelector('bm-booking-list')!.refresh();
    await inWidget(canvasElement, '[part~=error]');
  },
};

/** No network from the start: the load fails with a network error and a retry. */
export const Offline: Story = { args: { scope: 'upcoming' }, parameters: handlers(offline) };

/** The list loaded, then the device went offline: a notice above the bookings, which stay; the list reloads when the network is back. */
export const WentOffline: Story = {
  name: 'Went offline',
  args: { scope: 'upcoming' },
  parameters: handlers(goneOffline),
  beforeEach: () => goneOffline.reset(),
  play: async ({ canvasElement }) => {
    await inWidget(canvasElement, '[part~=item]');
    goneOffline.scenario.offline = true;
    window.dispatchEvent(new Event('offline'));
    await inWidget(canvasElement, '[part~=offline]');
  },
};

export const English: Story = { args: { locale: 'en' }, beforeEach: () => standard.reset() };

export const Dark: Story = { decorators: [darkTheme], beforeEach: () => standard.reset() };

/** No bookings yet, in the dark theme. */
export const EmptyDark: Story = { name: 'Empty, dark', parameters: handlers(empty), decorators: [darkTheme] };

/** Service names far longer than a phone is wide wrap inside their card. */
export const LongChineseNames: Story = { parameters: handlers(longNames) };

/** The signage theme (large type, dark, high contrast). */
export const Signage: Story = { decorators: [theme('signage')], beforeEach: () => standard.reset() };

/** An invalid `scope` renders a readable error, not a blank box. */
export const InvalidScope: Story = {
  render: () => html`<bm-provider base-url="/api" locale="zh-CN" .getToken=${() => DEMO_RESIDENT_TOKEN}><bm-booking-list scope="future"></bm-booking-list></bm-provider>`,
};
