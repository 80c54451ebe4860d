import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { http, HttpResponse } from 'msw';
import { createFixtures, createHandlers, createMockBackend, DEMO_RESIDENT_TOKEN, type MockBackend } from '@bianmin/mock';
import type { PriceList, ServiceItem } from '@bianmin/sdk';
import { createClient } from '@bianmin/sdk';
import '../packages/elements/src/define/provider.js';
import '../packages/elements/src/define/service-menu.js';

interface Args {
  locale: 'zh-CN' | 'en';
  audience: '' | 'household' | 'office' | 'shop';
  query: string;
  handbook: boolean;
  pageSize: number;
}

/** A mock compound for one story (翠湖花园, the price list in force since 1 January). */
function backendWith(setup: (b: MockBackend) => void = () => {}, fixtures = createFixtures): MockBackend {
  const backend = createMockBackend({ fixtures });
  setup(backend);
  return backend;
}
const handlers = (backend: MockBackend, ...overrides: ReturnType<typeof http.get>[]) => ({
  msw: { handlers: { overrides, api: createHandlers(backend, { baseUrl: '/api' }) } },
});
const inForce = (backend: MockBackend): PriceList => backend.state.priceLists.find((l) => l.status === 'published')!;

const standard = backendWith();
const loading = backendWith((b) => (b.scenario.latencyMs = 86_400_000));
const failing = backendWith();
const offline = backendWith((b) => (b.scenario.offline = true));
const longNames = backendWith(undefined, (now) => {
  const state = createFixtures(now);
  for (const list of state.priceLists) {
    for (const item of list.items) {
      item.name = {
        'zh-CN': `${item.name['zh-CN']}（含上门勘察、材料代购、完工清洁及三十日内免费返修服务）`,
        en: `${item.name.en ?? ''} (with a home visit, materials bought at cost, cleaning up afterwards and free repairs within thirty days)`,
      };
    }
  }
  return state;
});

/** The compound's phone and the taxi desk's own number written with +86, which the SDK's telHref makes no link of. */
const plusNumbers = backendWith((b) => {
  b.state.compound.servicePhone = '+86-571-8888-6666';
  inForce(b).items.find((i) => i.id === 'svc-taxi-booking')!.phone = '+86-571-8765-4321';
});

/** The price list in force with its items removed. */
const emptyList = http.get('/api/catalog', () => HttpResponse.json({ ...inForce(standard), items: [] }));

/** The price list in force with 1,000 generated items spread over its subcategories. */
const bigList = http.get('/api/catalog', () => {
  const base = inForce(standard);
  const subs = base.categories.filter((c) => c.parentId !== null);
  const kinds: ServiceItem['price'][] = [
    { kind: 'free' },
    { kind: 'fixed', amount: 2000 },
    { kind: 'per-unit', unit: 'hour', amount: 3500 },
    { kind: 'quote', basis: 'inspection', from: 5000 },
  ];
  const items: ServiceItem[] = Array.from({ length: 1000 }, (_, n) => {
    const no = String(n + 1).padStart(4, '0');
    return {
      id: `gen-${no}`,
      categoryId: subs[n % subs.length]!.id,
      name: { 'zh-CN': `便民服务${no}`, en: `Service ${no}` },
      keywords: [`fuwu${no}`],
      audiences: n % 5 === 0 ? ['shop'] : ['household', 'office', 'shop'],
      bookingModes: n % 2 ? ['online', 'phone'] : ['desk'],
      price: kinds[n % kinds.length]!,
      order: n,
    };
  });
  return HttpResponse.json({ ...base, items });
});

const theme =
  (name: 'dark' | 'signage'): Decorator =>
  (story) => html`<link rel="stylesheet" href=${new URL(`../packages/elements/themes/${name}.css`, import.meta.url).href} />
    <div class=${`bm-theme-${name}`} style="background: var(--bm-color-surface); color: var(--bm-color-text); padding: 1rem;">${story()}</div>`;

const meta: Meta<Args> = {
  title: 'Widgets/Service menu',
  component: 'bm-service-menu',
  tags: ['autodocs'],
  args: { locale: 'zh-CN', audience: '', query: '', handbook: false, pageSize: 12 },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    audience: { control: 'inline-radio', options: ['', 'household', 'office', 'shop'] },
    query: { control: 'text' },
    handbook: { control: 'boolean' },
    pageSize: { control: { type: 'number', min: 1 } },
  },
  parameters: {
    ...handlers(standard),
    docs: {
      description: {
        component:
          'The convenience services of the compound from the approved price list in force: grouped by category, searchable in Chinese and English, filtered by audience, each price from the SDK’s `formatPrice`. Printing the page gives the residents’ service handbook (便民服务手册). The stories run against the mock compound (msw).',
      },
    },
  },
  render: ({ locale, audience, query, handbook, pageSize }) => html`<bm-provider base-url="/api" locale=${locale} .getToken=${() => DEMO_RESIDENT_TOKEN}>
    <bm-service-menu audience=${ifDefined(audience || undefined)} query=${query} ?handbook=${handbook} page-size=${pageSize}></bm-service-menu>
  </bm-provider>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};

export const English: Story = { args: { locale: 'en' } };

/** Only what offices are offered, with a search already typed. */
export const Filtered: Story = { args: { audience: 'office', query: '维修' } };

/**
 * A client that waits as long as the server takes: without a per-attempt timeout a loading story
 * stays loading (the default client gives up after three 10-second attempts).
 */
const patient = createClient({ baseUrl: '/api', timeout: false, getToken: () => DEMO_RESIDENT_TOKEN });

/** The server takes a day to answer. */
export const Loading: Story = {
  parameters: handlers(loading),
  render: ({ locale, audience, query, handbook, pageSize }) => html`<bm-provider .client=${patient} locale=${locale}>
    <bm-service-menu audience=${ifDefined(audience || undefined)} query=${query} ?handbook=${handbook} page-size=${pageSize}></bm-service-menu>
  </bm-provider>`,
};

/** The list in force has no items. */
export const Empty: Story = { parameters: handlers(standard, emptyList) };

/** A search that matches nothing: the message names it, and "清除搜索" brings the list back. */
export const NoMatch: Story = { args: { query: '火箭发射' } };

/** The server fails three times (the first load and the client's two retries); "重试" then works. */
export const ServerError: Story = {
  name: 'Error',
  parameters: handlers(failing),
  beforeEach: () => {
    failing.reset();
    failing.scenario.failNext(500, 3, { path: '/catalog' });
  },
};

/** No network: the menu says so, and reloads by itself when the browser is back online. */
export const Offline: Story = { parameters: handlers(offline) };

/** Phone numbers the SDK's telHref refuses (here written with +86) are shown as text, with no link, never hidden. */
export const PhoneNumbersAsText: Story = { name: 'Phone numbers as text', args: { query: '代' }, parameters: handlers(plusNumbers) };

/** Names far longer than a phone is wide wrap inside their card. */
export const LongChineseNames: Story = { parameters: handlers(longNames) };

/** 1,000 services: the first page of 12 and "show more"; type in the search box to see all 1,000 filtered as you type. */
export const ThousandItems: Story = { name: '1,000 items', parameters: handlers(standard, bigList) };

/** The whole compound list, a page of 8 at a time: "show more" (or ↓ on the last service) brings the next page. */
export const ShortPages: Story = { args: { pageSize: 8 } };

export const Dark: Story = { decorators: [theme('dark')] };

/** The error look, with its retry, in the dark theme. */
export const ErrorDark: Story = { ...ServerError, name: 'Error, dark', decorators: [theme('dark')] };

export const Signage: Story = { decorators: [theme('signage')] };

/** What printing gives: the residents' handbook, with no search, chips or buttons (the `handbook` attribute shows it on screen). */
export const PrintPreview: Story = { args: { handbook: true } };

/** An invalid `page-size` renders a readable error too. */
export const InvalidPageSize: Story = {
  render: () => html`<bm-provider base-url="/api" locale="zh-CN"><bm-service-menu page-size="0"></bm-service-menu></bm-provider>`,
};

/** An invalid `audience` renders a readable error, not a blank box. */
export const InvalidAudience: Story = {
  render: () => html`<bm-provider base-url="/api" locale="zh-CN"><bm-service-menu audience="resident"></bm-service-menu></bm-provider>`,
};
