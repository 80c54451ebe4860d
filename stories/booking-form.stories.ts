import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import {
  createFixtures,
  createHandlers,
  createMockBackend,
  DEMO_RESIDENT_TOKEN,
  FIXTURE_IDS,
  HOUSEHOLDS,
  OTHER_HOUSEHOLD_ID,
  OTHER_RESIDENT_TOKEN,
  type MockBackend,
} from '@bianmin/mock';
import { addDays, createClient, localDate, weekdayOf } from '@bianmin/sdk';
import '../packages/elements/src/define/provider.js';
import '../packages/elements/src/define/booking-form.js';
import type { BmBookingForm } from '../packages/elements/src/booking-form/booking-form.js';
import type { BmSlotPicker } from '../packages/elements/src/booking-form/slot-picker.js';

interface Args {
  serviceId: string;
  locale: 'zh-CN' | 'en';
  token: string;
}

/** A mock compound for one story: the demo household (2栋 0601, owner) signed in, fixtures placed around now. */
function backendWith(setup: (b: MockBackend) => void = () => {}, fixtures = createFixtures): MockBackend {
  const backend = createMockBackend({ fixtures });
  setup(backend);
  return backend;
}
const handlers = (backend: MockBackend, ...overrides: ReturnType<typeof http.get>[]) => ({
  msw: { handlers: { overrides, api: createHandlers(backend, { baseUrl: '/api' }) } },
});

const standard = backendWith();
const loading = backendWith((b) => (b.scenario.latencyMs = 86_400_000));
const slow = backendWith();
const offline = backendWith();
const racing = backendWith();
const catalogDown = backendWith();
const serverDown = backendWith();
const offlineFromStart = backendWith((b) => (b.scenario.offline = true));
const fullyBooked = backendWith();

/** Every slot of the week taken: the compound's own answer, with each slot full. */
const everySlotFull = http.get('/api/services/:serviceId/availability', async ({ request }) => {
  const res = await fullyBooked.handle(new Request(request.url));
  const body = (await res.json()) as { slots: { state: string; remaining: number }[] };
  return HttpResponse.json({ ...body, slots: body.slots.map((slot) => ({ ...slot, state: 'full', remaining: 0 })) });
});
const longNames = backendWith(undefined, (now) => {
  const state = createFixtures(now);
  for (const list of state.priceLists) {
    for (const item of list.items) {
      if (item.id !== FIXTURE_IDS.smallRoom) continue;
      item.name = {
        'zh-CN': '会所二楼东侧小会议室（含茶水、投影、白板及会后清洁服务）',
        en: 'Small meeting room, clubhouse first floor east (with tea, projector, whiteboard and cleaning afterwards)',
      };
    }
  }
  return state;
});
const tenant = HOUSEHOLDS.find((h) => h.occupancy === 'tenant' && h.type === 'household')!;

/** A theme file (dark or signage), loaded only while a story that uses it is shown. */
const theme =
  (name: 'dark' | 'signage'): Decorator =>
  (story) => html`<link rel="stylesheet" href=${new URL(`../packages/elements/themes/${name}.css`, import.meta.url).href} />
    <div class=${`bm-theme-${name}`} style="background: var(--bm-color-surface); color: var(--bm-color-text); padding: 1rem;">${story()}</div>`;
const darkTheme = theme('dark');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The booking form of the story, once its price list, session and slots have loaded. */
async function readyForm(canvas: HTMLElement): Promise<BmBookingForm> {
  for (let i = 0; i < 200; i++) {
    const form = canvas.querySelector('bm-booking-form');
    const picker = form?.shadowRoot?.querySelector('bm-slot-picker');
    const fieldsIn = form?.shadowRoot?.querySelector('bm-text-field[name=name]');
    if (form && fieldsIn && (!picker || picker.shadowRoot?.querySelector('input[name=slot]')) && form.me.status !== 'pending') {
      await form.updateComplete;
      return form;
    }
    await sleep(50);
  }
  throw new Error('the booking form did not get ready');
}

/** Chooses a free slot the day after tomorrow (inside the cancellation window), like a click. */
async function pickSlot(form: BmBookingForm, n = 0): Promise<string> {
  const picker = form.shadowRoot!.querySelector('bm-slot-picker')!;
  picker.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=day]')[2]?.click();
  await picker.updateComplete;
  const free = picker.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=slot]:enabled');
  const radio = free[Math.min(n, free.length - 1)]!;
  radio.click();
  await picker.updateComplete;
  return radio.value;
}

/** Types into a field of the form as a person does. */
async function typeInto(form: BmBookingForm, name: string, text: string): Promise<void> {
  const input = form.shadowRoot!.querySelector(`[name=${name}]`)!.shadowRoot!.querySelector<HTMLInputElement>('input, textarea')!;
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await sleep(0);
}

/** Chooses a wanted time (a service without slots) on a day shown by the picker, like a click. */
async function pickWanted(form: BmBookingForm, day: string, time: string): Promise<void> {
  const picker = form.shadowRoot!.querySelector<BmSlotPicker>('bm-slot-picker[name=wantedAt]')!;
  picker.shadowRoot!.querySelector<HTMLInputElement>(`input[name=day][value="${day}"]`)?.click();
  await picker.updateComplete;
  picker.shadowRoot!.querySelector<HTMLInputElement>(`input[name=slot][value^="${day}T${time}"]`)?.click();
  await picker.updateComplete;
}

/** The coming Saturday (at least two days ahead), `YYYY-MM-DD` on the compound's clock. */
function comingSaturday(): string {
  let day = addDays(localDate(Date.now()), 2);
  while (weekdayOf(day) !== 6) day = addDays(day, 1);
  return day;
}

const submit = (form: BmBookingForm) => form.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();

const meta: Meta<Args> = {
  title: 'Widgets/Booking form',
  component: 'bm-booking-form',
  tags: ['autodocs'],
  args: { serviceId: FIXTURE_IDS.slotService, locale: 'zh-CN', token: DEMO_RESIDENT_TOKEN },
  argTypes: {
    serviceId: {
      control: 'select',
      options: [
        FIXTURE_IDS.slotService,
        FIXTURE_IDS.smallRoom,
        FIXTURE_IDS.largeRoom,
        FIXTURE_IDS.perPersonHourService,
        FIXTURE_IDS.quoteService,
        FIXTURE_IDS.labourService,
        'svc-hourly-housekeeping',
        'svc-indoor-cleaning',
        'svc-aerobics-course',
        'svc-car-wash',
        'svc-tv-intercom-tuning',
      ],
    },
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    token: { control: 'inline-radio', options: [DEMO_RESIDENT_TOKEN, `resident.${tenant.id}`] },
  },
  parameters: {
    ...handlers(standard),
    docs: {
      description: {
        component:
          'Books a paid service: the day and slot picker, quantities in the price rule’s unit, household, contact, settlement and a live price from the SDK’s quote(). The stories run against the mock compound (msw), signed in as 2栋 0601 (an owner).',
      },
    },
  },
  render: ({ serviceId, locale, token }) => html`<bm-provider base-url="/api" locale=${locale} .getToken=${() => token}>
    <bm-booking-form service-id=${serviceId}></bm-booking-form>
  </bm-provider>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A tennis court by the hour: peak and off-peak prices, slots of one booking each. */
export const Ready: Story = { beforeEach: () => standard.reset() };

/**
 * A client that waits as long as the server takes: without a per-attempt timeout a loading or
 * sending story stays so (the default client gives up after three 10-second attempts).
 */
const patient = (token: string) => createClient({ baseUrl: '/api', timeout: false, getToken: () => token });
const patientRender = ({ serviceId, locale, token }: Args) => html`<bm-provider .client=${patient(token)} locale=${locale}>
  <bm-booking-form service-id=${serviceId}></bm-booking-form>
</bm-provider>`;

/** The server takes a day to answer. */
export const Loading: Story = { parameters: handlers(loading), render: patientRender };

/** A meeting room (seed 003): people up to the room's size and its services (tea, projector). */
export const RoomBooking: Story = { args: { serviceId: FIXTURE_IDS.smallRoom }, beforeEach: () => standard.reset() };

/** Per person-hour (the chess room): people × the slot's hours. */
export const PerPersonHour: Story = { args: { serviceId: FIXTURE_IDS.perPersonHourService }, beforeEach: () => standard.reset() };

/** Quoted on inspection: no price yet, the button asks for a quote and the booking becomes a request for one. */
export const QuoteOnly: Story = { args: { serviceId: FIXTURE_IDS.quoteService }, beforeEach: () => standard.reset() };

/** Labour plus materials, no slot policy: no picker, an optional wanted time, a "from" price. */
export const WithoutSlots: Story = { args: { serviceId: FIXTURE_IDS.labourService }, beforeEach: () => standard.reset() };

/** No slots, a weekend peak price (the car wash): the resident picks a wanted time, and a Saturday is priced at the peak. */
export const WantedTimePeak: Story = {
  args: { serviceId: FIXTURE_IDS.wantedTimeService },
  beforeEach: () => standard.reset(),
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    await pickWanted(form, comingSaturday(), '10:30');
  },
};

/** The wanted time passed before the resident sent the form: it is taken back, and the picker says so. */
export const WantedTimePassed: Story = {
  args: { serviceId: FIXTURE_IDS.wantedTimeService },
  beforeEach: () => standard.reset(),
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    await pickWanted(form, comingSaturday(), '10:30');
    const later = Date.parse(`${comingSaturday()}T12:00:00+08:00`);
    form.now = () => later;
    submit(form);
  },
};

/** A tenant: only prepaid settlement (seed 001). */
export const Tenant: Story = { args: { token: `resident.${tenant.id}`, serviceId: FIXTURE_IDS.perPersonHourService }, beforeEach: () => standard.reset() };

/** Sending: the button is disabled and the form is busy (the server takes a day). */
export const Submitting: Story = {
  parameters: handlers(slow),
  render: patientRender,
  beforeEach: () => slow.reset(),
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    await pickSlot(form);
    slow.scenario.latencyMs = 86_400_000;
    submit(form);
  },
};

/** The receipt: booking number, the time in Beijing time, the price and until when it can be cancelled. */
export const SuccessReceipt: Story = {
  beforeEach: () => standard.reset(),
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    await pickSlot(form, 3);
    submit(form);
  },
};

/** Someone else books the chosen slot first: the slots refresh, the rest is kept, the resident picks another time. */
export const SlotConflict: Story = {
  parameters: handlers(racing),
  beforeEach: () => racing.reset(),
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    const slot = await pickSlot(form);
    await typeInto(form, 'notes', '两位，自带球拍');
    const [start, end] = slot.split('/') as [string, string];
    const other = HOUSEHOLDS.find((h) => h.id === OTHER_HOUSEHOLD_ID)!;
    await createClient({ baseUrl: '/api', getToken: () => OTHER_RESIDENT_TOKEN }).bookings.create({
      serviceId: FIXTURE_IDS.slotService,
      slot: { start, end },
      household: other.address,
      contact: other.contacts[0]!,
      settlement: 'per-visit',
    });
    submit(form);
  },
};

/** Errors inline: an empty name and a phone number that is not a mainland mobile number. */
export const ValidationErrors: Story = {
  beforeEach: () => standard.reset(),
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    await typeInto(form, 'name', '');
    await typeInto(form, 'phone', '0571-8888');
    submit(form);
  },
};

/** The network is down: everything typed is kept, "重新提交" sends the same attempt (same idempotency key). */
export const NetworkFailure: Story = {
  parameters: handlers(offline),
  beforeEach: () => offline.reset(),
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    await pickSlot(form);
    await typeInto(form, 'notes', '下午也可以');
    offline.scenario.offline = true;
    submit(form);
  },
};

/** The price list cannot be loaded (three 500s: the first try and the client's two retries): a readable error with a retry. */
export const PriceListFails: Story = {
  name: 'Price list fails',
  parameters: handlers(catalogDown),
  beforeEach: () => {
    catalogDown.reset();
    catalogDown.scenario.failNext(500, 3, { path: '/catalog' });
  },
};

/** The server is down when sending (503 three times): the failure says so, what was typed stays, "重新提交" tries the same attempt. */
export const ServerErrorOnSend: Story = {
  name: 'Server error on send',
  parameters: handlers(serverDown),
  beforeEach: () => serverDown.reset(),
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    await pickSlot(form);
    serverDown.scenario.failNext(503, 3, { path: '/bookings', method: 'POST' });
    submit(form);
  },
};

/** No network from the start: the price list cannot be loaded, a readable error with a retry. */
export const Offline: Story = { parameters: handlers(offlineFromStart) };

/** Every slot of the coming week is taken: each shows 已约满, and the picker says to call the service centre. */
export const NoFreeSlots: Story = { name: 'No free slots', parameters: handlers(fullyBooked, everySlotFull), beforeEach: () => fullyBooked.reset() };

/** A service booked only by phone or at the desk (the reading room): the form says how to book it instead. */
export const NotBookableOnline: Story = { name: 'Not bookable online', args: { serviceId: 'svc-reading-room' }, beforeEach: () => standard.reset() };

/** A wrong service-id: a readable error, not a blank box. */
export const WrongServiceId: Story = { args: { serviceId: 'svc-no-such-thing' }, beforeEach: () => standard.reset() };

export const English: Story = { args: { locale: 'en' }, beforeEach: () => standard.reset() };

export const Dark: Story = { args: { serviceId: FIXTURE_IDS.smallRoom }, decorators: [darkTheme], beforeEach: () => standard.reset() };

/** The signage theme (large type, dark, high contrast). */
export const Signage: Story = { decorators: [theme('signage')], beforeEach: () => standard.reset() };

/** A service name far longer than a phone is wide. */
export const LongChineseName: Story = { args: { serviceId: FIXTURE_IDS.smallRoom }, parameters: handlers(longNames) };

/** Inside a host page's own form: its FormData carries the booking's values, its reset clears them. */
export const InsideHostForm: Story = {
  beforeEach: () => standard.reset(),
  render: ({ serviceId, locale, token }) => html`<form
    @submit=${(e: SubmitEvent) => {
      e.preventDefault();
      const out = (e.target as HTMLFormElement).querySelector('output')!;
      out.value = JSON.stringify([...new FormData(e.target as HTMLFormElement)], null, 1);
    }}
  >
    <bm-provider base-url="/api" locale=${locale} .getToken=${() => token}>
      <bm-booking-form name="booking" service-id=${serviceId}></bm-booking-form>
    </bm-provider>
    <p style="display: flex; gap: 0.5rem;">
      <button type="submit" style="min-height: 2rem;">Host form: show FormData</button>
      <button type="reset" style="min-height: 2rem;">Host form: reset</button>
    </p>
    <output style="white-space: pre; display: block; font: 12px monospace;"></output>
  </form>`,
};
