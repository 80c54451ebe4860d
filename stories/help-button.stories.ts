import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import { createFixtures, createHandlers, createMockBackend, DEMO_HOUSEHOLD_ID, DEMO_RESIDENT_TOKEN, type MockBackend } from '@bianmin/mock';
import { createClient, newIdempotencyKey, type HelpRequest, type HelpRequestInput } from '@bianmin/sdk';
import { memoryStorage, type OutboxRecord, type OutboxStorage } from '@bianmin/sdk/outbox';
import '../packages/elements/src/define/provider.js';
import '../packages/elements/src/define/help-button.js';

interface Args {
  locale: 'zh-CN' | 'en';
  position: 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
  inline: boolean;
  open: boolean;
}

const handlers = (backend: MockBackend) => ({ msw: { handlers: { api: createHandlers(backend, { baseUrl: '/api' }) } } });

const standard = createMockBackend();
const offline = createMockBackend();
/**
 * The network went away after the page loaded: the compound's settings (the 24-hour phone) came
 * through, but no request to send help gets an answer.
 */
const networkGone = { api: [http.post('/api/help-requests', () => HttpResponse.error()), ...createHandlers(offline, { baseUrl: '/api' })] };
/** The resident's sign-in has expired: the server answers a new request with 401 (public settings still load). */
const signedOut = {
  api: [
    http.post('/api/help-requests', () => HttpResponse.json({ code: 'unauthorized', message: 'The token is missing or not valid', requestId: 'req_demo401' }, { status: 401, headers: { 'X-Request-Id': 'req_demo401' } })),
    ...createHandlers(offline, { baseUrl: '/api' }),
  ],
};
/** The server is up but failing: every new request is answered with 503 (public settings still load); `refused` counts them. */
let refused = 0;
const serverDown = {
  api: [
    http.post('/api/help-requests', () => (refused++, HttpResponse.json({ code: 'unavailable', message: 'The service is unavailable', requestId: 'req_demo503' }, { status: 503, headers: { 'X-Request-Id': 'req_demo503' } }))),
    ...createHandlers(offline, { baseUrl: '/api' }),
  ],
};

/**
 * A mock compound where a request of the demo household (2栋 0601) was referred elsewhere, never a
 * refusal (seed 003), with the desk's reply when it wrote one; and that request.
 */
function referredTo(referral: NonNullable<HelpRequest['referral']>, reply?: string) {
  const backend = createMockBackend({
    fixtures: (now) => {
      const state = createFixtures(now);
      const req = state.helpRequests.find((r) => r.householdId === DEMO_HOUSEHOLD_ID && r.kind === 'other')!;
      req.status = 'referred';
      req.history.push({ status: 'referred', at: req.receivedAt, by: 'staff' });
      req.referral = referral;
      if (reply) req.reply = reply;
      return state;
    },
  });
  return { backend, request: backend.state.helpRequests.find((r) => r.status === 'referred' && r.householdId === DEMO_HOUSEHOLD_ID)! };
}

const referred = referredTo({
  to: { 'zh-CN': '中通快递翠湖网点', en: 'ZTO Express, Cuihu branch' },
  phone: '0571-8765-4321',
  note: { 'zh-CN': '包裹仍在快递网点，物业已与网点确认，凭取件码可随时领取。', en: 'The parcel is still at the courier’s branch; the office checked with them: collect it any time with your pickup code.' },
});

// The long texts a busy desk writes: a referral with a long name and note, and a long reply (the
// desk writes its reply in one language).
const longText = referredTo(
  {
    to: { 'zh-CN': '中通快递翠湖花园东门合作网点（翠湖路与文一西路交叉口往南五十米）', en: 'ZTO Express partner branch by the east gate (fifty metres south of the Cuihu Road and Wenyi West Road crossing)' },
    phone: '0571-8765-4321',
    note: {
      'zh-CN': '网点营业时间为每天上午九点至晚上八点，节假日照常营业；领取时请出示取件码，代领请携带收件人身份证复印件及代领人本人身份证。',
      en: 'The branch is open 09:00 to 20:00 every day, holidays included; show your pickup code, and someone collecting for you needs a copy of your ID card and their own.',
    },
  },
  '您好，您反映的快递包裹问题物业服务中心已经收到。经与快递网点核实，包裹因收件人电话无人接听被退回网点暂存，网点工作人员会保留七天，请您尽快凭取件码或身份证前往领取，如有疑问可随时联系我们。',
);

const input: HelpRequestInput = {
  kind: 'repair',
  location: { building: '2栋', room: '0601' },
  phone: '13812345678',
  description: '厨房水管爆裂，水流到楼道里了。',
};

/** A fresh in-memory outbox storage holding `records` (each render gets its own). */
function seeded(...records: OutboxRecord[]): OutboxStorage {
  const s = memoryStorage();
  const ready = Promise.all(records.map((r) => s.put('help', r)));
  return {
    all: (n) => ready.then(() => s.all(n)),
    put: (n, r) => ready.then(() => s.put(n, r)),
    delete: (n, id) => ready.then(() => s.delete(n, id)),
  };
}
const queuedEntry = (): OutboxRecord => ({ id: newIdempotencyKey(), key: newIdempotencyKey(), payload: input, createdAt: Date.now() - 60_000, attempts: 0, state: 'queued' });

/** The outbox's record of a request delivered ten minutes ago, as the server created it. */
const delivered = (request: HelpRequest): OutboxRecord => ({
  id: `delivered-${request.id}`,
  key: newIdempotencyKey(),
  createdAt: Date.now() - 600_000,
  attempts: 1,
  state: 'delivered',
  deliveredAt: Date.now() - 600_000,
  receipt: { id: request.id, number: request.number },
});

/** Storage that fails like Safari's private mode or a full disk. */
const brokenStorage = (): OutboxStorage => {
  const fail = () => Promise.reject(new DOMException('The storage is not available', 'QuotaExceededError'));
  return { all: fail, put: fail, delete: fail };
};

function view(storage: () => OutboxStorage = () => seeded()) {
  return ({ locale, position, inline, open }: Args) => html`<bm-provider base-url="/api" locale=${locale} .getToken=${() => DEMO_RESIDENT_TOKEN}>
    <bm-help-button position=${position} ?inline=${inline} ?open=${open} .storage=${storage()}></bm-help-button>
  </bm-provider>`;
}

/** A theme file (dark or signage), loaded only while a story that uses it is shown. */
const theme =
  (name: 'dark' | 'signage'): Decorator =>
  (story) => html`<link rel="stylesheet" href=${new URL(`../packages/elements/themes/${name}.css`, import.meta.url).href} />
    <div class=${`bm-theme-${name}`} style="background: var(--bm-color-surface); color: var(--bm-color-text); padding: 1rem; min-height: 20rem;">${story()}</div>`;
const darkTheme = theme('dark');

/** Waits for an element inside the widget's shadow root (for `play`). */
async function inWidget(canvas: HTMLElement, selector: string): Promise<HTMLElement> {
  for (let i = 0; i < 200; i++) {
    const found = canvas.querySelector('bm-help-button')?.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${selector} did not appear`);
}

const meta: Meta<Args> = {
  title: 'Widgets/Help button',
  component: 'bm-help-button',
  tags: ['autodocs'],
  args: { locale: 'zh-CN', position: 'bottom-right', inline: true, open: true },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    position: { control: 'select', options: ['bottom-right', 'bottom-left', 'top-right', 'top-left'] },
    inline: { control: 'boolean' },
    open: { control: 'boolean' },
  },
  parameters: {
    ...handlers(standard),
    docs: {
      description: {
        component:
          'The resident’s help button (住户求助): emergencies first with one-tap calls, a request that is stored on the device before it is sent and delivered exactly once, then its progress with the 5-minute reply countdown. The stories run against the mock compound (msw) signed in as 2栋 0601; each has its own in-memory outbox.',
      },
      story: { inline: false, iframeHeight: 640 },
    },
  },
  render: view(),
};
export default meta;
type Story = StoryObj<Args>;

/** The floating button, closed, at the bottom right (clear of the safe-area insets). */
export const ClosedFloating: Story = { args: { inline: false, open: false }, beforeEach: () => standard.reset() };

/** The dialog open on the form: the seven kinds, emergencies first. */
export const Open: Story = { beforeEach: () => standard.reset() };

/** A medical emergency: 120 first, the other public numbers and the 24-hour phone; then where (building, floor, room) and which phone; then what the office should do. */
export const EmergencyMedical: Story = {
  beforeEach: () => standard.reset(),
  play: async ({ canvasElement }) => {
    (await inWidget(canvasElement, 'input[name=kind][value=medical]')).click();
  },
};

/** No network: the request waits on the device, with the 24-hour phone while it waits. */
export const OfflineQueued: Story = { parameters: { msw: { handlers: networkGone } }, render: view(() => seeded(queuedEntry())) };

/** Queued while the sign-in had expired (401): kept on the device, and sent by itself once the resident signs in again. */
export const WaitingForSignIn: Story = {
  name: 'Waiting for sign-in',
  parameters: { msw: { handlers: signedOut } },
  render: view(() => seeded({ ...queuedEntry(), attempts: 1, lastError: { name: 'HttpError', code: 'unauthorized', status: 401, requestId: 'req_demo401', message: 'The token is missing or not valid' } })),
};

/**
 * The server fails (503) on every attempt: the request stays on the device and is sent again by itself, with the numbers to call
 * meanwhile. Five attempts already failed, so after the one made when the page opens (the sixth) the next is 16–32 s away: the story shows the
 * request waiting, not being sent.
 */
export const ServerErrorQueued: Story = {
  name: 'Server error, kept queued',
  parameters: { msw: { handlers: serverDown } },
  render: view(() => seeded({ ...queuedEntry(), attempts: 5, lastError: { name: 'HttpError', code: 'unavailable', status: 503, requestId: 'req_demo503', message: 'The service is unavailable' } })),
  beforeEach: () => {
    refused = 0;
  },
  play: async ({ canvasElement }) => {
    // The client's three attempts are refused, then the outbox puts the request back in the queue.
    for (let i = 0; i < 200 && refused < 3; i++) await new Promise((r) => setTimeout(r, 50));
    await inWidget(canvasElement, '[part=entry][data-state=queued]');
  },
};

/** Delivered: the request number, its status, and the live countdown to the 5-minute reply. */
export const DeliveredWithCountdown: Story = { beforeEach: () => standard.reset(), render: view(() => seeded(queuedEntry())) };

/** A request delivered before the page was reloaded offline: its card says the progress cannot be looked up now, and why. */
export const ProgressUnavailable: Story = {
  name: 'Progress unavailable',
  parameters: { msw: { handlers: { api: [http.get('/api/help-requests/:id', () => HttpResponse.error()), ...createHandlers(referred.backend, { baseUrl: '/api' })] } } },
  render: view(() => seeded(delivered(referred.request))),
};

/**
 * A client that waits as long as the server takes: without a per-attempt timeout the lookup stays
 * pending (the default client gives up after three 10-second attempts and says so).
 */
const patient = createClient({ baseUrl: '/api', timeout: false, getToken: () => DEMO_RESIDENT_TOKEN });

/** A delivered request whose progress is still being looked up (the server never answers): "正在查询处理进度…". */
export const ProgressLoading: Story = {
  name: 'Progress loading',
  parameters: {
    msw: {
      handlers: {
        api: [
          http.get('/api/help-requests/:id', async () => {
            await delay('infinite');
          }),
          ...createHandlers(referred.backend, { baseUrl: '/api' }),
        ],
      },
    },
  },
  render: ({ locale, position, inline, open }: Args) => html`<bm-provider .client=${patient} locale=${locale}>
    <bm-help-button position=${position} ?inline=${inline} ?open=${open} .storage=${seeded(delivered(referred.request))}></bm-help-button>
  </bm-provider>`,
};

/** The office referred the request to the courier's branch, with a one-tap call. */
export const Referred: Story = {
  parameters: handlers(referred.backend),
  render: view(() => seeded(delivered(referred.request))),
};

/** Long texts from the desk: a long reply, and a referral with a long name and note; everything wraps, the number stays whole. */
export const LongChineseText: Story = {
  name: 'Long Chinese text',
  parameters: handlers(longText.backend),
  render: view(() => seeded(delivered(longText.request))),
};

/** The server refused the request (400): not delivered, why, the numbers to call, and "edit and send again". */
export const NotDelivered: Story = {
  render: view(() =>
    seeded({
      ...queuedEntry(),
      payload: { ...input, kind: 'medical', wanted: 'ambulance', description: '老人摔倒，无法起身。' },
      attempts: 1,
      state: 'failed',
      lastError: { name: 'HttpError', code: 'validation_failed', status: 400, requestId: 'req_demo42', message: 'The request is not valid' },
    }),
  ),
};

/** The server took the request (2xx) but its answer could not be read: delivered, without a number or progress. */
export const DeliveredReceiptUnreadable: Story = {
  name: 'Delivered, receipt unreadable',
  render: view(() =>
    seeded({
      ...queuedEntry(),
      payload: undefined,
      attempts: 1,
      state: 'delivered',
      deliveredAt: Date.now() - 60_000,
      lastError: { name: 'ResponseShapeError', code: 'response_shape', status: 201, requestId: 'req_demo43', message: 'Unexpected response from help.create at number: Invalid input' },
    }),
  ),
};

/** A tablet in the lobby used by many people (`shared`): an empty form with the place filled in; the request left by the person before is not shown. */
export const SharedLobbyTablet: Story = {
  name: 'Shared lobby tablet',
  beforeEach: () => standard.reset(),
  render: ({ locale }: Args) => html`<bm-provider base-url="/api" locale=${locale} .getToken=${() => DEMO_RESIDENT_TOKEN}>
    <bm-help-button shared inline open building="1栋" room="大堂" .storage=${seeded(queuedEntry())}></bm-help-button>
  </bm-provider>`,
};

/** Nothing can be stored on this device: the calls show at once; a request is still sent directly. */
export const StorageUnavailable: Story = { beforeEach: () => standard.reset(), render: view(brokenStorage) };

export const English: Story = { args: { locale: 'en' }, beforeEach: () => standard.reset(), render: view(() => seeded(queuedEntry())) };

export const Dark: Story = {
  decorators: [darkTheme],
  beforeEach: () => standard.reset(),
  play: async ({ canvasElement }) => {
    (await inWidget(canvasElement, 'input[name=kind][value=security]')).click();
  },
};

/** The signage theme (large type, dark, high contrast), on a medical emergency: the calls first, then the form. */
export const Signage: Story = {
  decorators: [theme('signage')],
  beforeEach: () => standard.reset(),
  play: async ({ canvasElement }) => {
    (await inWidget(canvasElement, 'input[name=kind][value=medical]')).click();
  },
};

/** An invalid `position` on the floating button renders a readable error, not a blank box. */
export const InvalidPosition: Story = {
  render: () => html`<bm-provider base-url="/api" locale="zh-CN" .getToken=${() => DEMO_RESIDENT_TOKEN}><bm-help-button position="middle"></bm-help-button></bm-provider>`,
};
