import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import {
  createHandlers,
  createMockBackend,
  DEMO_RESIDENT_TOKEN,
  FIXTURE_IDS,
  HOUSEHOLDS,
  OTHER_HOUSEHOLD_ID,
  OTHER_RESIDENT_TOKEN,
  COMPOUND,
  createFixtures,
} from '@bianmin/mock';
import { checkCounts } from '../../packages/mock/src/domain/bookings.js';
import {
  createClient,
  formatDateTime,
  formatMoney,
  formatTime,
  IDEMPOTENCY_HEADER,
  MobilePhone,
  quote,
  type Booking,
  type PriceList,
  type Quote,
  type QuoteInput,
  type ServiceItem,
} from '@bianmin/sdk';
import '../../packages/elements/src/define/provider.js';
import '../../packages/elements/src/define/booking-form.js';
import { fieldPlan, MOBILE_PATTERN, type BmBookingForm } from '../../packages/elements/src/booking-form/booking-form.js';
import type { BmBookingCreatedEvent, BmBookingFailedEvent } from '../../packages/elements/src/booking-form/events.js';
import { linesOfText } from './helpers/lines.js';
import type { BmSlotPicker } from '../../packages/elements/src/booking-form/slot-picker.js';
import type { BmFormField } from '../../packages/elements/src/fields/form-field.js';
import { expectAccessible } from './helpers/axe.js';
import { useMsw } from './helpers/msw.js';

// Monday 23 November 2026, 10:10 in the compound. Today's tennis slots up to 10:00 have started
// (closed) and 11:00 starts within the one-hour lead (too soon); Tuesday is wide open.
const NOW = new Date('2026-11-23T10:10:00+08:00');
const TZ = 'Asia/Shanghai';
const backend = createMockBackend({ now: () => NOW });
const other = HOUSEHOLDS.find((h) => h.id === OTHER_HOUSEHOLD_ID)!;

type Field = BmFormField<string> | BmFormField<string[]>;

const $ = <T extends Element = HTMLElement>(form: BmBookingForm, selector: string): T | null => form.shadowRoot!.querySelector<T>(selector);
const field = <T extends Field = BmFormField<string>>(form: BmBookingForm, name: string): T | null => $<T & Element>(form, `form [name="${name}"]`);
const picker = (form: BmBookingForm): BmSlotPicker => field<BmSlotPicker>(form, 'slot')!;
const control = (f: Element): HTMLInputElement => f.shadowRoot!.querySelector('input, textarea') as HTMLInputElement;
const submitButton = (form: BmBookingForm): HTMLButtonElement => $<HTMLButtonElement>(form, '[part=submit]')!;

/** Waits until the form is ready: the price list, the signed-in resident and the slots have loaded. */
async function ready(form: BmBookingForm): Promise<void> {
  await waitUntil(() => form.catalog.status !== 'pending' && form.catalog.status !== 'idle', 'the price list loads');
  await waitUntil(() => form.me.status === 'ready' || form.me.status === 'error', 'the session loads');
  await form.updateComplete;
  const p = $<BmSlotPicker>(form, 'bm-slot-picker');
  // A slot-booked service's picker loads its slots; a wanted-time picker (`mode="times"`) asks no server.
  if (p && p.mode === 'slots') await waitUntil(() => p.availability.status === 'ready' || p.availability.status === 'empty', 'the slots load');
  await settle(form);
}

async function settle(form: BmBookingForm): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await form.updateComplete;
    await Promise.all([...form.shadowRoot!.querySelectorAll<Field>('form [name]')].map((f) => f.updateComplete));
    await new Promise((r) => setTimeout(r));
  }
}

async function mount(serviceId: string, opts: { token?: string | null; locale?: string } = {}): Promise<BmBookingForm> {
  const token = opts.token === undefined ? DEMO_RESIDENT_TOKEN : opts.token;
  const provider = await fixture<HTMLElement>(
    html`<bm-provider base-url="/api" locale=${opts.locale ?? 'zh-CN'} .getToken=${() => token}
      ><bm-booking-form service-id=${serviceId} .now=${() => NOW}></bm-booking-form
    ></bm-provider>`,
  );
  const form = provider.querySelector('bm-booking-form') as BmBookingForm;
  await ready(form);
  return form;
}

/** Shows the n-th day of the picker (0: today), as a click. */
async function showDay(form: BmBookingForm, n: number): Promise<void> {
  picker(form).shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=day]')[n]!.click();
  await settle(form);
}

/** Chooses the n-th free slot of the day shown (the last one if there are fewer), as a click; returns its value. */
async function pickSlot(form: BmBookingForm, n = 0): Promise<string> {
  const p = picker(form);
  const free = p.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=slot]:enabled');
  const radio = free[Math.min(n, free.length - 1)]!;
  radio.click();
  await settle(form);
  return radio.value;
}

/** Types into a text or number field as a person does (the native input event). */
async function type(form: BmBookingForm, name: string, text: string): Promise<void> {
  const input = control(field(form, name)!);
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(form);
}

function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** The idempotency keys of every booking request, in order (a listener that lets the request through). */
function recordKeys(msw: ReturnType<typeof useMsw>): string[] {
  const keys: string[] = [];
  msw.use(
    http.post('/api/bookings', ({ request }) => {
      keys.push(request.headers.get(IDEMPOTENCY_HEADER) ?? '(none)');
    }),
  );
  return keys;
}

const zhTotal = (q: Quote): string =>
  q.basis === 'free' ? '免费' : q.basis === 'on-inspection' ? '上门查看后报价' : q.basis === 'from' ? `${formatMoney(q.total, 'zh-CN')}起` : formatMoney(q.total, 'zh-CN');

describe('<bm-booking-form>', () => {
  const msw = useMsw(...createHandlers(backend, { baseUrl: '/api' }));
  beforeEach(() => backend.reset());

  describe('readable states instead of a form', () => {
    it('says it needs a provider', async () => {
      const form = await fixture<BmBookingForm>(html`<bm-booking-form service-id="svc-tennis"></bm-booking-form>`);
      expect($(form, '[role=alert]')!.textContent).to.contain('<bm-provider>');
      await expectAccessible(form);
    });

    it('names a wrong service-id ("service not found")', async () => {
      const form = await mount('svc-no-such-thing');
      const alert = $(form, '[role=alert]')!;
      expect(alert.textContent).to.contain('没有找到服务');
      expect(alert.textContent).to.contain('svc-no-such-thing');
      expect($(form, 'form')).to.equal(null);
      expect(form.checkValidity(), 'a host form cannot send a booking of nothing').to.equal(false);
      await expectAccessible(form);
    });

    it('sends a service that is not booked online to the phone or the desk', async () => {
      const form = await mount('svc-copying');
      const alert = $(form, '[role=alert]')!;
      expect(alert.textContent).to.contain('不接受网上预约');
      expect($(form, 'form')).to.equal(null);
    });

    it('asks for a service-id when there is none', async () => {
      const form = await mount('');
      expect($(form, '[role=alert]')!.textContent).to.contain('service-id');
    });

    it('shows the loading state while the price list loads', async () => {
      backend.scenario.latencyMs = 60_000;
      const provider = await fixture<HTMLElement>(
        html`<bm-provider base-url="/api" .getToken=${() => DEMO_RESIDENT_TOKEN}><bm-booking-form service-id="svc-tennis"></bm-booking-form></bm-provider>`,
      );
      const form = provider.querySelector('bm-booking-form') as BmBookingForm;
      await waitUntil(() => $(form, '[role=status][part=loading]'), 'the loading state');
      expect(form.matches(':state(loading)')).to.equal(true);
      await expectAccessible(form);
    });
  });

  describe('the day and slot picker', () => {
    it('shows days with their weekday in Shanghai time and the slots of the chosen day, disabled ones with their reason in words', async () => {
      // Another household takes Monday 13:00; our household, which holds Tuesday 19:00 in the
      // fixtures, books Tuesday 08:00 too: its daily quota of two is reached.
      const client = createClient({ baseUrl: '/api', getToken: () => OTHER_RESIDENT_TOKEN });
      await client.bookings.create({
        serviceId: FIXTURE_IDS.slotService,
        slot: { start: '2026-11-23T13:00:00+08:00', end: '2026-11-23T14:00:00+08:00' },
        household: other.address,
        contact: other.contacts[0]!,
        settlement: 'per-visit',
      });
      const me = createClient({ baseUrl: '/api', getToken: () => DEMO_RESIDENT_TOKEN });
      await me.bookings.create({
        serviceId: FIXTURE_IDS.slotService,
        slot: { start: '2026-11-24T08:00:00+08:00', end: '2026-11-24T09:00:00+08:00' },
        household: { building: '2栋', room: '0601' },
        contact: { name: '王芳', phone: '13812345678' },
        settlement: 'per-visit',
      });
      const form = await mount(FIXTURE_IDS.slotService);
      const p = picker(form);
      const days = [...p.shadowRoot!.querySelectorAll('[part=day]')];
      expect(days).to.have.length(7);
      expect(days[0]!.textContent).to.contain('今天').and.contain('周一').and.contain('11月23日');
      expect(days[1]!.textContent).to.contain('明天').and.contain('周二').and.contain('11月24日');
      expect(days[2]!.textContent).to.contain('周三');
      const slots = () => [...p.shadowRoot!.querySelectorAll<HTMLElement>('[part=slot]')];
      const slot = (time: string) => slots().find((s) => s.querySelector('.time')!.textContent!.startsWith(time))!;
      // Monday, shown first (its first free slot is today).
      expect(slot('07:00').textContent).to.contain('不可预约');
      expect(slot('10:00').querySelector('input')!.disabled).to.equal(true);
      expect(slot('11:00').textContent).to.contain('已过预约截止时间');
      expect(slot('13:00').textContent).to.contain('已约满');
      expect(slot('13:00').querySelector('input')!.disabled).to.equal(true);
      expect(slot('12:00').querySelector('input')!.disabled).to.equal(false);
      await expectAccessible(form);
      // Tuesday: the household's quota is used up.
      (days[1]!.querySelector('input') as HTMLInputElement).click();
      await p.updateComplete;
      expect(slot('12:00').textContent).to.contain('本户当日已达上限');
      expect(slot('12:00').querySelector('input')!.disabled).to.equal(true);
      await expectAccessible(form);
    });

    it('moves and chooses with the arrow keys (a radio group), skipping disabled slots', async () => {
      const form = await mount(FIXTURE_IDS.slotService);
      const p = picker(form);
      const enabled = [...p.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=slot]:enabled')];
      enabled[0]!.focus();
      await sendKeys({ press: 'Space' });
      expect(p.value).to.equal(enabled[0]!.value);
      await sendKeys({ press: 'ArrowRight' });
      expect(p.value).to.equal(enabled[1]!.value);
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      // 11:00 (too soon) and everything before are disabled: the left arrow wraps past them to the last slot.
      expect(p.value).to.equal(enabled[enabled.length - 1]!.value);
    });
  });

  it('can be booked with the keyboard alone, from the first field to the receipt', async () => {
    const provider = await fixture<HTMLElement>(html`<div>
      <button id="before">before</button>
      <bm-provider base-url="/api" .getToken=${() => DEMO_RESIDENT_TOKEN}><bm-booking-form service-id="svc-tennis"></bm-booking-form></bm-provider>
    </div>`);
    const form = provider.querySelector('bm-booking-form') as BmBookingForm;
    await ready(form);
    (provider.querySelector('#before') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' });
    expect((deepActive() as HTMLInputElement).name, 'Tab enters the day row first').to.equal('day');
    await sendKeys({ press: 'ArrowRight' }); // Tuesday
    await sendKeys({ press: 'Tab' }); // into the slots
    expect((deepActive() as HTMLInputElement).name).to.equal('slot');
    await sendKeys({ press: 'Space' });
    expect(picker(form).value.startsWith('2026-11-24T07:00:00+08:00/'), 'Space chooses the first Tuesday slot').to.equal(true);
    await sendKeys({ press: 'ArrowRight' });
    const chosen = picker(form).value;
    expect(chosen.startsWith('2026-11-24T08:00:00+08:00/'), `the arrow chooses the next slot, got ${chosen}`).to.equal(true);
    // Tab through the prefilled fields to the submit button.
    for (let i = 0; i < 20 && (deepActive() as HTMLElement | null)?.getAttribute('part') !== 'submit'; i++) {
      await sendKeys({ press: 'Tab' });
      if ((deepActive() as HTMLTextAreaElement | null)?.tagName === 'TEXTAREA') await sendKeys({ type: '请准备球拍' });
    }
    expect(deepActive()?.getAttribute('part')).to.equal('submit');
    const created = oneEvent(form, 'bm-booking-created') as Promise<BmBookingCreatedEvent>;
    await sendKeys({ press: 'Enter' });
    const { detail } = await created;
    expect(detail.booking.slot && `${detail.booking.slot.start}/${detail.booking.slot.end}`).to.equal(chosen);
    expect(detail.booking.notes).to.equal('请准备球拍');
    await form.updateComplete;
    expect(deepActive()?.id, 'focus moves to the receipt').to.equal('receipt-title');
    expect(backend.state.bookings.filter((b) => b.id === detail.booking.id)).to.have.length(1);
  });

  it('sends from a one-line field with Enter, as a native form does', async () => {
    const form = await mount(FIXTURE_IDS.slotService);
    await pickSlot(form);
    const submitted = oneEvent(form, 'bm-booking-submit');
    control(field(form, 'phone')!).focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Enter' });
    const e = await submitted;
    expect(e.detail.input.contact.phone).to.equal('13812345678');
  });

  describe('inside a host page’s <form>', () => {
    async function hosted() {
      const host = await fixture<HTMLFormElement>(html`<form>
        <bm-provider base-url="/api" .getToken=${() => DEMO_RESIDENT_TOKEN}>
          <bm-booking-form name="booking" service-id=${FIXTURE_IDS.smallRoom}></bm-booking-form>
        </bm-provider>
        <button>提交</button>
      </form>`);
      const form = host.querySelector('bm-booking-form') as BmBookingForm;
      await ready(form);
      return { host, form };
    }

    it('gives the host form its values as FormData entries, and blocks it while incomplete', async () => {
      const { host, form } = await hosted();
      expect(form.form).to.equal(host);
      expect(host.checkValidity(), 'no slot chosen yet').to.equal(false);
      const slot = await pickSlot(form);
      await type(form, 'people', '6');
      (field(form, 'amenities')!.shadowRoot!.querySelector('input[value=tea]') as HTMLInputElement).click();
      await type(form, 'notes', '需要白板');
      const data = new FormData(host);
      expect(data.get('serviceId')).to.equal(FIXTURE_IDS.smallRoom);
      expect(data.get('slot')).to.equal(slot);
      expect(data.get('people')).to.equal('6');
      expect(data.getAll('amenities')).to.deep.equal(['tea']);
      expect(data.get('building')).to.equal('2栋');
      expect(data.get('room')).to.equal('0601');
      expect(data.get('name')).to.equal('王芳');
      expect(data.get('phone')).to.equal('13812345678');
      expect(data.get('notes')).to.equal('需要白板');
      expect(data.get('settlement')).to.equal('per-visit');
      expect(host.checkValidity()).to.equal(true);
    });

    it('is cleared by the host form’s reset (back to the prefill)', async () => {
      const { host, form } = await hosted();
      await pickSlot(form);
      await type(form, 'people', '9');
      await type(form, 'name', '黄俊杰');
      await type(form, 'notes', '需要白板');
      host.reset();
      await settle(form);
      const data = new FormData(host);
      expect(data.get('slot')).to.equal(null);
      expect(data.get('people')).to.equal('1');
      expect(data.get('notes')).to.equal('');
      expect(data.get('name'), 'the prefill is the default').to.equal('王芳');
      expect(picker(form).shadowRoot!.querySelector('input[name=slot]:checked')).to.equal(null);
      expect(control(field(form, 'notes')!).value).to.equal('');
    });

    it('takes back what the browser restores on back/forward', async () => {
      const { host, form } = await hosted();
      const slot = (await createClient({ baseUrl: '/api', getToken: () => DEMO_RESIDENT_TOKEN }).services.availability(FIXTURE_IDS.smallRoom, { days: 7 })).slots.find(
        (s) => s.state === 'available',
      )!;
      form.formStateRestoreCallback(JSON.stringify({ slot: `${slot.start}/${slot.end}`, people: '4', amenities: ['projector'], notes: '上次填的' }));
      await settle(form);
      const data = new FormData(host);
      expect(data.get('slot')).to.equal(`${slot.start}/${slot.end}`);
      expect(data.get('people')).to.equal('4');
      expect(data.getAll('amenities')).to.deep.equal(['projector']);
      expect(data.get('notes')).to.equal('上次填的');
    });

    it('is disabled with a disabled fieldset of the host form', async () => {
      const host = await fixture<HTMLFormElement>(html`<form><fieldset disabled>
        <bm-provider base-url="/api" .getToken=${() => DEMO_RESIDENT_TOKEN}><bm-booking-form name="booking" service-id=${FIXTURE_IDS.quoteService}></bm-booking-form></bm-provider>
      </fieldset></form>`);
      const form = host.querySelector('bm-booking-form') as BmBookingForm;
      await ready(form);
      expect([...new FormData(host).keys()]).to.deep.equal([]);
      expect(submitButton(form).disabled).to.equal(true);
      expect(control(field(form, 'name')!).disabled).to.equal(true);
    });
  });

  describe('validation', () => {
    it('marks each wrong field inline, announces how many, and focuses the first', async () => {
      const form = await mount(FIXTURE_IDS.slotService);
      await pickSlot(form);
      await type(form, 'name', '');
      await type(form, 'phone', '12345');
      let sent = 0;
      form.addEventListener('bm-booking-submit', () => sent++);
      submitButton(form).click();
      await waitUntil(() => $(form, '[part=status]')!.textContent!.includes('2 项'), 'the count is announced');
      await settle(form);
      expect(sent, 'nothing is sent').to.equal(0);
      const name = field(form, 'name')!;
      const nameInput = control(name);
      expect(nameInput.getAttribute('aria-invalid')).to.equal('true');
      expect(nameInput.getAttribute('aria-describedby')).to.contain('error');
      expect(name.shadowRoot!.getElementById('error')!.textContent).to.contain('请填写“姓名”');
      const phone = field(form, 'phone')!;
      expect(phone.shadowRoot!.getElementById('error')!.textContent).to.contain('11 位手机号码');
      expect(deepActive(), 'the first invalid field has focus').to.equal(nameInput);
      expect(form.matches(':state(invalid)')).to.equal(true);
      await expectAccessible(form);
    });

    it('checks the phone with the SDK’s mobile-number rule', async () => {
      const re = new RegExp(`^(?:${MOBILE_PATTERN})$`, 'u');
      for (const n of ['13812345678', '19912345678', '12812345678', '1381234567', '138123456789', '2381234567a', '+8613812345678', '10012345678']) {
        expect(re.test(n), n).to.equal(MobilePhone.safeParse(n).success);
      }
    });

    it('asks for a slot before sending a slot-booked service', async () => {
      const form = await mount(FIXTURE_IDS.slotService);
      submitButton(form).click();
      await waitUntil(() => $(form, '[part=status]')!.textContent!.includes('1 项'));
      const p = picker(form);
      await p.updateComplete;
      expect(p.shadowRoot!.getElementById('error')!.textContent).to.contain('预约时间');
      expect(p.shadowRoot!.querySelector('[part=slots]')!.getAttribute('aria-invalid')).to.equal('true');
      expect((deepActive() as HTMLInputElement).name, 'focus goes to the slots').to.equal('slot');
    });

    it('puts the server’s field errors on the fields they name', async () => {
      msw.use(
        http.post('/api/bookings', () =>
          HttpResponse.json(
            {
              code: 'validation_failed',
              message: 'The request is not valid',
              requestId: 'req-400',
              issues: [
                { path: ['contact', 'phone'], message: 'expected an 11-digit mainland mobile number' },
                { path: ['people'], message: 'the room holds 12 people at most' },
              ],
            },
            { status: 400 },
          ),
        ),
      );
      const form = await mount(FIXTURE_IDS.smallRoom);
      await pickSlot(form);
      const failed = oneEvent(form, 'bm-booking-failed') as Promise<BmBookingFailedEvent>;
      submitButton(form).click();
      const { detail } = await failed;
      expect(detail.kind).to.equal('invalid');
      expect(detail.retryable).to.equal(false);
      await settle(form);
      expect(field(form, 'phone')!.validity.customError).to.equal(true);
      expect(field(form, 'people')!.shadowRoot!.getElementById('error')!.textContent).to.contain('the room holds 12 people at most');
      expect($(form, '[part=failure]')!.textContent).to.contain('没有通过检查');
      expect($(form, '[part=failure]')!.textContent).to.contain('req-400');
      await expectAccessible(form);
      // Correcting a field clears its message.
      await type(form, 'people', '3');
      expect(field(form, 'people')!.validity.valid).to.equal(true);
    });
  });

  describe('sending', () => {
    it('shows the submitting state (button disabled, aria-busy), then the receipt in Shanghai time', async () => {
      backend.scenario.latencyMs = 400;
      const form = await mount(FIXTURE_IDS.slotService);
      await showDay(form, 2); // Wednesday: well inside the cancellation window
      const slot = await pickSlot(form, 1);
      const created = oneEvent(form, 'bm-booking-created') as Promise<BmBookingCreatedEvent>;
      submitButton(form).click();
      await waitUntil(() => form.matches(':state(submitting)'), 'submitting');
      await form.updateComplete;
      expect(submitButton(form).disabled).to.equal(true);
      expect($(form, 'form')!.getAttribute('aria-busy')).to.equal('true');
      expect($(form, '[part=status]')!.textContent).to.contain('正在提交');
      await expectAccessible(form);
      const { detail } = await created;
      const b: Booking = detail.booking;
      await form.updateComplete;
      expect(`${b.slot!.start}/${b.slot!.end}`).to.equal(slot);
      const receipt = $(form, '[part=receipt]')!;
      expect(receipt.textContent).to.contain('预约成功');
      expect($(form, '[part=booking-number]')!.textContent).to.equal(b.number);
      expect(b.number).to.match(/^BM-/);
      expect($(form, '[part=receipt-time]')!.textContent).to.contain(formatTime(b.slot!.start, 'zh-CN', TZ)).and.contain('北京时间');
      expect($(form, '[part=receipt-price]')!.textContent).to.equal(formatMoney(b.quote.total, 'zh-CN'));
      expect($(form, '[part=cancel-note]')!.textContent).to.contain(formatDateTime(b.cancellableUntil!, 'zh-CN', TZ));
      expect(form.matches(':state(success)')).to.equal(true);
      await expectAccessible(form);
      // "Book another" starts over, with the booked slot now taken.
      ($(form, '[part=new-booking]') as HTMLButtonElement).click();
      await settle(form);
      await waitUntil(() => picker(form).availability.status === 'ready');
      await settle(form);
      expect($(form, '[part=receipt]')).to.equal(null);
      const again = picker(form).shadowRoot!.querySelector<HTMLInputElement>(`input[value="${slot}"]`);
      expect(again?.disabled ?? true, 'the booked slot is no longer free').to.equal(true);
    });

    it('never breaks the booked time or the phone number of the receipt, or that of a service not booked online, at any phone width', async () => {
      const phone = COMPOUND.servicePhone;
      const form = await mount(FIXTURE_IDS.slotService);
      await showDay(form, 2);
      const [start, end] = (await pickSlot(form, 1)).split('/') as [string, string];
      const range = `${formatTime(start, 'zh-CN', TZ)}–${formatTime(end, 'zh-CN', TZ)}`;
      submitButton(form).click();
      await waitUntil(() => $(form, '[part=cancel-note]'), 'the receipt');
      const offline = await mount('svc-copying');
      try {
        // Every width from a small phone's to a large one's: wherever the line happens to end.
        for (let width = 300; width <= 430; width += 5) {
          await setViewport({ width, height: 800 });
          expect(linesOfText($(form, '[part=cancel-note]')!, phone), `the receipt at ${width} px`).to.equal(1);
          expect(linesOfText($(form, '[part=receipt-time]')!, range), `the booked time at ${width} px`).to.equal(1);
          expect(linesOfText($(offline, '[role=alert]')!, phone), `not online at ${width} px`).to.equal(1);
        }
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('sends once when the button is pressed twice', async () => {
      const form = await mount(FIXTURE_IDS.slotService);
      await pickSlot(form);
      const keys = recordKeys(msw);
      const created = oneEvent(form, 'bm-booking-created');
      submitButton(form).click();
      submitButton(form).click();
      await created;
      await settle(form);
      expect(keys).to.have.length(1);
      expect(backend.state.bookings.filter((b) => b.serviceId === FIXTURE_IDS.slotService && b.householdId === 'h-2-0601' && b.createdAt.startsWith('2026-11-23T10:10'))).to.have.length(1);
    });

    it('lets the host cancel the submit event, or add metadata to it', async () => {
      const form = await mount(FIXTURE_IDS.slotService);
      await pickSlot(form);
      const keys = recordKeys(msw);
      const cancel = (e: Event) => e.preventDefault();
      form.addEventListener('bm-booking-submit', cancel, { once: true });
      await form.submit();
      expect(keys, 'a cancelled submit sends nothing').to.deep.equal([]);
      form.addEventListener('bm-booking-submit', (e) => {
        expect(e.detail.input.serviceId).to.equal(FIXTURE_IDS.slotService);
        e.detail.metadata.campaign = 'spring';
      });
      const created = oneEvent(form, 'bm-booking-created') as Promise<BmBookingCreatedEvent>;
      await form.submit();
      const { detail } = await created;
      expect(detail.booking.metadata).to.deep.equal({ campaign: 'spring' });
      expect(keys).to.have.length(1);
    });

    it('recovers from a slot taken meanwhile: the slots refresh, the rest is kept, another slot succeeds', async () => {
      const form = await mount(FIXTURE_IDS.slotService);
      const slot = await pickSlot(form);
      await type(form, 'notes', '两位，自带球');
      await type(form, 'name', '黄俊杰');
      await type(form, 'phone', '13958007612');
      // Someone else books the same slot first.
      const [start, end] = slot.split('/') as [string, string];
      await createClient({ baseUrl: '/api', getToken: () => OTHER_RESIDENT_TOKEN }).bookings.create({
        serviceId: FIXTURE_IDS.slotService,
        slot: { start, end },
        household: other.address,
        contact: other.contacts[0]!,
        settlement: 'per-visit',
      });
      const keys = recordKeys(msw);
      const failed = oneEvent(form, 'bm-booking-failed') as Promise<BmBookingFailedEvent>;
      submitButton(form).click();
      const { detail } = await failed;
      expect(detail.kind).to.equal('slot');
      expect((detail.error as { code: string }).code).to.equal('slot_taken');
      await settle(form);
      const p = picker(form);
      expect(p.value, 'the taken slot is no longer chosen').to.equal('');
      const taken = p.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${slot}"]`)!;
      expect(taken.disabled).to.equal(true);
      expect(taken.closest('[part=slot]')!.textContent).to.contain('已约满');
      expect($(form, '[part=failure]')!.textContent).to.contain('请另选一个时间');
      expect(p.shadowRoot!.getElementById('error')!.textContent).to.contain('被别人约走了');
      expect(form.matches(':state(conflict)')).to.equal(true);
      expect(control(field(form, 'notes')!).value).to.equal('两位，自带球');
      expect(control(field(form, 'name')!).value).to.equal('黄俊杰');
      expect(control(field(form, 'phone')!).value).to.equal('13958007612');
      await expectAccessible(form);

      const next = await pickSlot(form);
      expect(next).to.not.equal(slot);
      const created = oneEvent(form, 'bm-booking-created') as Promise<BmBookingCreatedEvent>;
      submitButton(form).click();
      const ok = await created;
      expect(ok.detail.booking.notes).to.equal('两位，自带球');
      expect(ok.detail.booking.contact).to.deep.equal({ name: '黄俊杰', phone: '13958007612' });
      expect(keys).to.have.length(2);
      expect(keys[1], 'a new choice is a new attempt with a new key').to.not.equal(keys[0]);
    });

    it('keeps everything after a network failure and retries with the same idempotency key', async () => {
      const form = await mount(FIXTURE_IDS.slotService);
      await pickSlot(form);
      await type(form, 'notes', '下午也可以');
      const keys = recordKeys(msw);
      backend.scenario.offline = true;
      const failed = oneEvent(form, 'bm-booking-failed') as Promise<BmBookingFailedEvent>;
      // From the keyboard, as a screen-reader user sends it.
      submitButton(form).focus();
      await sendKeys({ press: 'Enter' });
      const { detail } = await failed;
      expect(detail.kind).to.equal('network');
      expect(detail.retryable).to.equal(true);
      await form.updateComplete;
      const failure = $(form, '[part=failure]')!;
      expect(failure.getAttribute('role')).to.equal('alert');
      expect(failure.textContent).to.contain('网络连接失败').and.contain('都保留着');
      expect(deepActive(), 'focus goes to "retry", not lost with the disabled submit button').to.equal($(form, '[part=retry-button]'));
      expect(control(field(form, 'notes')!).value).to.equal('下午也可以');
      expect(form.matches(':state(failed)')).to.equal(true);
      await expectAccessible(form);
      const sentOffline = keys.length;
      expect(sentOffline, 'the client tried more than once').to.be.greaterThan(1);

      backend.scenario.offline = false;
      const created = oneEvent(form, 'bm-booking-created') as Promise<BmBookingCreatedEvent>;
      ($(form, '[part=retry-button]') as HTMLButtonElement).click();
      await created;
      expect(keys.length).to.equal(sentOffline + 1);
      expect(new Set(keys).size, `one key for every request of the attempt: ${keys.join(', ')}`).to.equal(1);
      expect(backend.state.bookings.filter((b) => b.notes === '下午也可以')).to.have.length(1);
    });

    it('prices by the compound’s clock, whatever zone the page shows times in', async () => {
      // 18:00 in Shanghai on a Monday is weekday peak (¥80 an hour), though it is 10:00 in London.
      const provider = await fixture<HTMLElement>(
        html`<bm-provider base-url="/api" time-zone="Europe/London" .getToken=${() => DEMO_RESIDENT_TOKEN}><bm-booking-form service-id=${FIXTURE_IDS.slotService}></bm-booking-form></bm-provider>`,
      );
      const form = provider.querySelector('bm-booking-form') as BmBookingForm;
      await ready(form);
      const slot = picker(form).shadowRoot!.querySelector<HTMLInputElement>('input[name=slot][value^="2026-11-23T18:00:00+08:00"]')!;
      slot.click();
      await settle(form);
      expect($(form, '[part=quote-total]')!.textContent).to.equal('¥80');
    });

    it('keeps the form and what was typed when reloading the price list fails (a new token or language, offline)', async () => {
      const form = await mount(FIXTURE_IDS.slotService);
      await pickSlot(form);
      await type(form, 'notes', '带两支球拍');
      backend.scenario.offline = true;
      // The provider's language changes: a new client, so the price list loads again, and fails.
      (form.parentElement as HTMLElementTagNameMap['bm-provider']).locale = 'en';
      await waitUntil(() => form.catalog.status === 'error', 'the reload fails', { timeout: 5000 });
      await settle(form);
      expect(control(field(form, 'notes')!).value, 'what was typed is still there').to.equal('带两支球拍');
      expect($(form, '[part=error][role=alert]'), 'the failure is said').to.exist;
      expect(submitButton(form)).to.exist;
      backend.scenario.offline = false;
      ($(form, '[part=retry-button]') as HTMLButtonElement).click();
      await waitUntil(() => form.catalog.status === 'ready', 'the retry loads the list');
      await settle(form);
      expect($(form, '[part=error]')).to.equal(null);
      expect(control(field(form, 'notes')!).value).to.equal('带两支球拍');
    });

    it('sends a committed-but-unanswered booking again with the same key and gets the same booking once', async () => {
      const form = await mount(FIXTURE_IDS.slotService);
      await pickSlot(form);
      const keys = recordKeys(msw);
      backend.scenario.dropAfterCommit(1);
      const created = oneEvent(form, 'bm-booking-created') as Promise<BmBookingCreatedEvent>;
      submitButton(form).click();
      const { detail } = await created;
      expect(keys.length).to.equal(2);
      expect(keys[0]).to.equal(keys[1]);
      expect(backend.state.bookings.filter((b) => b.id === detail.booking.id)).to.have.length(1);
    });

    it('makes a new key after an edit following a failure', async () => {
      const form = await mount(FIXTURE_IDS.slotService);
      await pickSlot(form);
      const keys = recordKeys(msw);
      backend.scenario.failNext(503, 3, { path: '/bookings', method: 'POST' });
      const failed = oneEvent(form, 'bm-booking-failed') as Promise<BmBookingFailedEvent>;
      submitButton(form).click();
      const { detail } = await failed;
      expect(detail.kind).to.equal('server');
      expect(new Set(keys).size).to.equal(1);
      const first = keys[0];
      await type(form, 'notes', '改一下备注');
      const created = oneEvent(form, 'bm-booking-created') as Promise<BmBookingCreatedEvent>;
      submitButton(form).click();
      await created;
      expect(keys.at(-1)).to.not.equal(first);
    });

    it('makes a new key after any edit, even one that ends with the same input', async () => {
      const form = await mount(FIXTURE_IDS.slotService);
      await pickSlot(form);
      const keys = recordKeys(msw);
      backend.scenario.offline = true;
      const failed = oneEvent(form, 'bm-booking-failed');
      submitButton(form).click();
      await failed;
      backend.scenario.offline = false;
      await type(form, 'notes', '临时写点');
      await type(form, 'notes', '');
      const created = oneEvent(form, 'bm-booking-created');
      submitButton(form).click();
      await created;
      expect(keys.at(-1), 'the resident edited: a new intent').to.not.equal(keys[0]);
    });

    it('books a slot once when 20 residents’ forms send it at the same moment: 1 booking, 19 conflicts', async function (this: MochaContext) {
      this.timeout(60_000);
      const host = await fixture<HTMLElement>(html`<bm-provider base-url="/api" .getToken=${() => DEMO_RESIDENT_TOKEN}>
        ${Array.from({ length: 20 }, () => html`<bm-booking-form service-id=${FIXTURE_IDS.slotService}></bm-booking-form>`)}
      </bm-provider>`);
      const forms = [...host.querySelectorAll('bm-booking-form')] as BmBookingForm[];
      await Promise.all(forms.map(ready));
      const slot = await pickSlot(forms[0]!, 3);
      for (const f of forms.slice(1)) {
        picker(f).shadowRoot!.querySelector<HTMLInputElement>(`input[value="${slot}"]`)!.click();
        await settle(f);
      }
      let created = 0;
      const conflicts: string[] = [];
      for (const f of forms) {
        f.addEventListener('bm-booking-created', () => created++);
        f.addEventListener('bm-booking-failed', (e) => conflicts.push(`${e.detail.kind}:${(e.detail.error as { code?: string }).code}`));
      }
      await Promise.all(forms.map((f) => f.submit()));
      expect(created).to.equal(1);
      expect(conflicts).to.have.length(19);
      expect(new Set(conflicts)).to.deep.equal(new Set(['slot:slot_taken']));
      const [start] = slot.split('/');
      expect(backend.state.bookings.filter((b) => b.serviceId === FIXTURE_IDS.slotService && b.slot?.start === start)).to.have.length(1);
    });
  });

  describe('kinds of service', () => {
    it('asks for exactly the counts the server takes for each price (the rule the mock applies, checkCounts)', () => {
      const items = createFixtures(NOW).priceLists.flatMap((l) => l.items);
      expect(items.length).to.be.greaterThan(20);
      for (const item of items) {
        const plan = fieldPlan(item);
        const counts = { ...(plan.hours ? { hours: 2 } : {}), ...(plan.quantity ? { quantity: 2 } : {}) };
        expect(() => checkCounts(item, counts), `${item.id}: what the form sends is taken`).not.to.throw();
        // What the form leaves out, the server refuses or does not need (a slot's length gives its hours).
        const p = item.price;
        const byHour = (p.kind === 'per-unit' && (p.unit === 'hour' || p.unit === 'person-hour')) || (p.kind === 'labour-materials' && p.labourUnit === 'hour');
        if (byHour && !item.slots) expect(plan.hours, `${item.id}: priced by the hour without a slot, hours asked`).to.equal(true);
        if (!byHour) expect(() => checkCounts(item, { ...counts, hours: 1 }), `${item.id}: not by the hour, hours refused`).to.throw();
        if ((p.kind === 'labour-materials' && p.labourUnit === 'hour') || (p.kind === 'per-unit' && p.unit === 'person-hour')) {
          expect(plan.quantity, `${item.id}: counted in hours and people, not a quantity`).to.equal(undefined);
          expect(() => checkCounts(item, { ...counts, quantity: 1 }), `${item.id}: no quantity field, quantity refused`).to.throw();
        }
      }
    });

    it('books a room with people and room services, within the room’s size', async () => {
      const form = await mount(FIXTURE_IDS.smallRoom);
      const people = field(form, 'people')!;
      expect(people.shadowRoot!.textContent).to.contain('最多 12 人');
      const amenityLabels = [...field(form, 'amenities')!.shadowRoot!.querySelectorAll('[part=option]')].map((o) => o.textContent!.trim());
      expect(amenityLabels).to.deep.equal(['茶水', '投影仪']);
      await pickSlot(form);
      await type(form, 'people', '13');
      submitButton(form).click();
      await waitUntil(() => $(form, '[part=status]')!.textContent!.includes('1 项'), 'more than the room holds is refused');
      expect(people.validity.rangeOverflow).to.equal(true);
      expect(people.shadowRoot!.getElementById('error')!.textContent).to.contain('不能多于 12');
      await type(form, 'people', '8');
      (field(form, 'amenities')!.shadowRoot!.querySelector('input[value=projector]') as HTMLInputElement).click();
      await settle(form);
      await expectAccessible(form);
      const created = oneEvent(form, 'bm-booking-created') as Promise<BmBookingCreatedEvent>;
      submitButton(form).click();
      const { detail } = await created;
      expect(detail.booking.people).to.equal(8);
      expect(detail.booking.amenities).to.deep.equal(['projector']);
      expect(detail.booking.status).to.equal('requested');
    });

    it('asks when a service without slots is wanted, with our own day and time picker, and prices peak by it', async () => {
      // The car wash: no slots, open 08:00–18:00 every day, ¥25, ¥30 at the weekend. NOW is Monday 23 November, 10:10.
      const form = await mount(FIXTURE_IDS.wantedTimeService);
      const wanted = field<BmSlotPicker>(form, 'wantedAt')!;
      expect([wanted.localName, wanted.mode, wanted.required]).to.deep.equal(['bm-slot-picker', 'times', true]);
      expect(wanted.shadowRoot!.querySelector('input[type=date], input[type=time], input[type=datetime-local]'), 'no native date input (WeChat breaks them)').to.equal(null);
      expect(wanted.shadowRoot!.textContent).to.contain('北京时间。价格按所选时间计算（高峰或平峰）。');
      const days = [...wanted.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=day]')];
      expect(days).to.have.length(14);
      expect(days[0]!.closest('label')!.textContent).to.contain('08:00–18:00');
      // Times, not slots (时段): a service without slots has none.
      const legends = [...wanted.shadowRoot!.querySelectorAll('legend')].map((l) => l.textContent!.trim());
      expect(legends.some((l) => l.endsWith('11月23日的时间')), legends.join(' | ')).to.equal(true);
      expect(legends.some((l) => l.includes('时段')), legends.join(' | ')).to.equal(false);
      // Today from the next half hour: 10:30 … 17:30.
      const times = () => [...wanted.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=slot]')];
      expect(times().map((r) => r.value.slice(11, 16))).to.deep.equal(['10:30', '11:00', '11:30', '12:00', '12:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30', '17:00', '17:30']);
      await expectAccessible(form);
      // Its price depends on when: sending without a time stops at the picker.
      submitButton(form).click();
      await settle(form);
      expect(wanted.validity.valueMissing).to.equal(true);
      expect(deepActive()).to.equal(times()[0]);
      const choose = async (day: number, time: string) => {
        days[day]!.click();
        await settle(form);
        times().find((r) => r.value.slice(11, 16) === time)!.click();
        await settle(form);
      };
      await choose(1, '10:30'); // Tuesday
      expect(wanted.validity.valid).to.equal(true);
      expect($(form, '[part=quote-total]')!.textContent).to.equal('¥25');
      await choose(5, '10:30'); // Saturday
      expect($(form, '[part=quote-total]')!.textContent).to.equal('¥30');
      expect([...form.shadowRoot!.querySelectorAll<HTMLElement>('[part=quote-line]')].map((l) => l.dataset.code)).to.deep.equal(['peak']);
      expect(form.formData.get('wantedAt')).to.equal('2026-11-28T10:30:00+08:00');
      expect(wanted.shadowRoot!.querySelector('[part=chosen]')!.textContent).to.contain('2026年11月28日 10:30');
      const created = oneEvent(form, 'bm-booking-created') as Promise<BmBookingCreatedEvent>;
      submitButton(form).click();
      const { detail } = await created;
      expect(detail.booking.wantedAt).to.equal('2026-11-28T10:30:00+08:00');
      expect(detail.booking.quote.total).to.equal(3000);
      await form.updateComplete;
      expect($(form, '[part=receipt-time]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('2026年11月28日 10:30 (北京时间)');
      await expectAccessible(form);
    });

    it('takes back a wanted time that passes before sending, says so, and sends nothing', async () => {
      const form = await mount(FIXTURE_IDS.wantedTimeService);
      const wanted = field<BmSlotPicker>(form, 'wantedAt')!;
      wanted.shadowRoot!.querySelector<HTMLInputElement>('input[name=slot][value="2026-11-23T10:30:00+08:00"]')!.click();
      await settle(form);
      let sent = 0;
      msw.use(http.post('/api/bookings', () => void sent++));
      form.now = () => new Date('2026-11-23T10:31:00+08:00');
      submitButton(form).click();
      await settle(form);
      expect(sent).to.equal(0);
      expect(wanted.value).to.equal('');
      expect(wanted.shadowRoot!.querySelector('[part=error-message]')!.textContent).to.equal('您选的时间已经过去了，请另选一个时间。');
      expect(wanted.shadowRoot!.querySelector('input[name=slot]')!.getAttribute('value')).to.equal('2026-11-23T11:00:00+08:00');
    });

    it("shows the server's reason for refusing a wanted time next to the picker, in the resident's language", async () => {
      // The server's clock says 11:00 while the page's says 10:10: the 10:30 the picker offers has passed there.
      const later = createMockBackend({ now: () => new Date('2026-11-23T11:00:00+08:00') });
      msw.use(...createHandlers(later, { baseUrl: '/api' }));
      const form = await mount(FIXTURE_IDS.wantedTimeService);
      const wanted = field<BmSlotPicker>(form, 'wantedAt')!;
      wanted.shadowRoot!.querySelector<HTMLInputElement>('input[name=slot][value="2026-11-23T10:30:00+08:00"]')!.click();
      await settle(form);
      const failed = oneEvent(form, 'bm-booking-failed') as Promise<BmBookingFailedEvent>;
      submitButton(form).click();
      expect((await failed).detail.kind).to.equal('invalid');
      await settle(form);
      expect(wanted.shadowRoot!.querySelector('[part=error-message]')!.textContent).to.equal('未通过检查：期望时间已经过去了，请另选一个时间');
      expect(wanted.shadowRoot!.activeElement, 'focus goes to the picker').to.exist;
      expect(later.state.bookings.some((b) => b.serviceId === FIXTURE_IDS.wantedTimeService && b.createdAt.startsWith('2026-11-23T11'))).to.equal(false);
    });

    it('lets an optional wanted time that has passed be given up: the picker says so and "不指定时间" stays', async () => {
      const form = await mount(FIXTURE_IDS.labourService);
      const wanted = field<BmSlotPicker>(form, 'wantedAt')!;
      wanted.shadowRoot!.querySelector<HTMLInputElement>('input[name=slot][value="2026-11-23T10:30:00+08:00"]')!.click();
      await settle(form);
      form.now = () => new Date('2026-11-23T10:31:00+08:00');
      submitButton(form).click();
      await settle(form);
      expect(wanted.shadowRoot!.querySelector('[part=error-message]')!.textContent).to.equal('您选的时间已经过去了，请另选一个时间。');
      const clear = wanted.shadowRoot!.querySelector<HTMLButtonElement>('[part=clear-button]')!;
      expect(clear.textContent!.trim()).to.equal('不指定时间');
      clear.click();
      await settle(form);
      expect(wanted.validity.valid).to.equal(true);
      const created = oneEvent(form, 'bm-booking-created') as Promise<BmBookingCreatedEvent>;
      submitButton(form).click();
      expect((await created).detail.booking.wantedAt).to.equal(undefined);
    });

    it('offers wanted times on the compound’s clock, whatever zone the page shows times in', async () => {
      // The page shows New York time; the car wash opens 08:00–18:00 in Shanghai, and the hint says Beijing time.
      const provider = await fixture<HTMLElement>(
        html`<bm-provider base-url="/api" time-zone="America/New_York" .getToken=${() => DEMO_RESIDENT_TOKEN}
          ><bm-booking-form service-id=${FIXTURE_IDS.wantedTimeService} .now=${() => NOW}></bm-booking-form
        ></bm-provider>`,
      );
      const form = provider.querySelector('bm-booking-form') as BmBookingForm;
      await ready(form);
      const wanted = field<BmSlotPicker>(form, 'wantedAt')!;
      const root = wanted.shadowRoot!;
      expect(root.querySelector('input[name=day]')!.closest('label')!.textContent).to.contain('11月23日');
      expect(root.querySelector('input[name=day]')!.closest('label')!.textContent).to.contain('08:00–18:00');
      const first = root.querySelector<HTMLInputElement>('input[name=slot]')!;
      expect([first.value, first.closest('label')!.textContent!.trim()]).to.deep.equal(['2026-11-23T10:30:00+08:00', '10:30']);
      expect(root.textContent).to.contain('北京时间。');
    });

    it('lets a service without slots whose price does not depend on when be sent without a time, or a time taken back', async () => {
      const form = await mount(FIXTURE_IDS.labourService);
      const wanted = field<BmSlotPicker>(form, 'wantedAt')!;
      expect(wanted.required).to.equal(false);
      expect(wanted.shadowRoot!.textContent).to.contain('可以不选，由工作人员与您约定');
      wanted.shadowRoot!.querySelector<HTMLInputElement>('input[name=slot]')!.click();
      await settle(form);
      expect(form.formData.get('wantedAt')).to.equal('2026-11-23T10:30:00+08:00');
      // "No preferred time" takes the choice back.
      wanted.shadowRoot!.querySelector<HTMLButtonElement>('[part=clear-button]')!.click();
      await settle(form);
      expect([wanted.value, form.formData.get('wantedAt')]).to.deep.equal(['', null]);
      const created = oneEvent(form, 'bm-booking-created') as Promise<BmBookingCreatedEvent>;
      submitButton(form).click();
      const { detail } = await created;
      expect(detail.booking.wantedAt).to.equal(undefined);
    });

    it('offers only the wanted times a job booked by the hour fits before closing, and takes back one it no longer fits', async () => {
      // The elderly companion, by the hour (two at least), given opening hours 08:00–20:00 for this test.
      const items = backend.state.priceLists.flatMap((l) => l.items.filter((i) => i.id === 'svc-elderly-companion'));
      for (const item of items) item.hours = [{ days: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '20:00' }];
      try {
        const host = await fixture<HTMLFormElement>(html`<form>
          <bm-provider base-url="/api" .getToken=${() => DEMO_RESIDENT_TOKEN}
            ><bm-booking-form name="booking" service-id="svc-elderly-companion" .now=${() => NOW}></bm-booking-form
          ></bm-provider>
        </form>`);
        const form = host.querySelector('bm-booking-form') as BmBookingForm;
        await ready(form);
        const wanted = field<BmSlotPicker>(form, 'wantedAt')!;
        const times = () => [...wanted.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=slot]')].map((r) => r.value.slice(11, 16));
        expect([field(form, 'hours')!.value, wanted.duration]).to.deep.equal(['2', 120]);
        expect(times().at(-1), 'two hours from 18:00 end at closing').to.equal('18:00');
        wanted.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=day]')[1]!.click();
        await settle(form);
        wanted.shadowRoot!.querySelector<HTMLInputElement>('input[name=slot][value="2026-11-24T17:30:00+08:00"]')!.click();
        await settle(form);
        expect(new FormData(host).get('wantedAt')).to.equal('2026-11-24T17:30:00+08:00');
        // Three hours from 17:30 would run past 20:00: the time is taken back, said so, and no longer sent.
        await type(form, 'hours', '3');
        await settle(form);
        expect([wanted.duration, times().at(-1)]).to.deep.equal([180, '17:00']);
        expect([wanted.value, form.formData.get('wantedAt'), new FormData(host).get('wantedAt')]).to.deep.equal(['', null, null]);
        expect(host.checkValidity(), 'the host form waits for another time').to.equal(false);
        expect(wanted.shadowRoot!.querySelector('[part=error-message]')!.textContent).to.equal('按所选时长会超过营业时间，请另选一个时间。');
        // A time three hours fit is kept when the hours change back.
        wanted.shadowRoot!.querySelector<HTMLInputElement>('input[name=slot][value="2026-11-24T17:00:00+08:00"]')!.click();
        await type(form, 'hours', '2');
        expect([wanted.value, times().at(-1)]).to.deep.equal(['2026-11-24T17:00:00+08:00', '18:00']);
        // Hours beyond what the field takes do not break the picker: the field says what is wrong.
        await type(form, 'hours', '99');
        expect(wanted.shadowRoot!.querySelector('[part=error]') === null, 'no attribute error').to.equal(true);
        expect(wanted.duration).to.equal(1440);
        const created = oneEvent(form, 'bm-booking-created') as Promise<BmBookingCreatedEvent>;
        await type(form, 'hours', '2');
        wanted.shadowRoot!.querySelector<HTMLInputElement>('input[name=slot][value="2026-11-24T18:00:00+08:00"]')!.click();
        await settle(form);
        submitButton(form).click();
        const { detail } = await created;
        expect([detail.booking.wantedAt, detail.booking.hours]).to.deep.equal(['2026-11-24T18:00:00+08:00', 2]);
      } finally {
        for (const item of items) delete item.hours;
      }
    });

    it('sends a quote-only service as a request for a quote', async () => {
      const form = await mount(FIXTURE_IDS.quoteService);
      expect($(form, 'bm-slot-picker[name=slot]') === null, 'no slot picker').to.equal(true);
      expect(field<BmSlotPicker>(form, 'wantedAt')!.mode, 'an optional wanted time').to.equal('times');
      expect(submitButton(form).textContent!.trim()).to.equal('申请报价');
      expect($(form, '[part=quote-total]')!.textContent).to.equal('¥5,000起');
      await expectAccessible(form);
      const created = oneEvent(form, 'bm-booking-created') as Promise<BmBookingCreatedEvent>;
      submitButton(form).click();
      const { detail } = await created;
      expect(detail.booking.status).to.equal('quote-requested');
      await form.updateComplete;
      expect($(form, '[part=receipt]')!.textContent).to.contain('报价申请已提交');
      await expectAccessible(form);
    });

    it('offers tenants only prepaid settlement, owners per visit or monthly', async () => {
      const tenant = HOUSEHOLDS.find((h) => h.occupancy === 'tenant' && h.type === 'household')!;
      const form = await mount('svc-chess-room', { token: `resident.${tenant.id}` });
      const options = () => [...field(form, 'settlement')!.shadowRoot!.querySelectorAll<HTMLInputElement>('input')].map((i) => i.value);
      expect(options()).to.deep.equal(['prepaid']);
      expect(control(field(form, 'building')!).value).to.equal(tenant.address.building);
      await pickSlot(form);
      const created = oneEvent(form, 'bm-booking-created') as Promise<BmBookingCreatedEvent>;
      submitButton(form).click();
      expect((await created).detail.booking.settlement).to.equal('prepaid');

      const owner = await mount('svc-chess-room');
      expect([...field(owner, 'settlement')!.shadowRoot!.querySelectorAll<HTMLInputElement>('input')].map((i) => i.value)).to.deep.equal(['per-visit', 'monthly']);
    });

    it('uses the prefill attributes before the signed-in household', async () => {
      const provider = await fixture<HTMLElement>(html`<bm-provider base-url="/api" .getToken=${() => DEMO_RESIDENT_TOKEN}>
        <bm-booking-form service-id=${FIXTURE_IDS.labourService} building="2栋" room="0601" contact-name="黄俊杰" phone="13958007612"></bm-booking-form>
      </bm-provider>`);
      const form = provider.querySelector('bm-booking-form') as BmBookingForm;
      await ready(form);
      expect(control(field(form, 'name')!).value).to.equal('黄俊杰');
      expect(control(field(form, 'phone')!).value).to.equal('13958007612');
      expect($(form, 'bm-slot-picker[name=slot]') === null, 'no slot policy: no slot picker').to.equal(true);
      expect($(form, 'form')!.textContent).to.contain('不用选时段');
    });

    it('speaks English when the page asks for it', async () => {
      const form = await mount(FIXTURE_IDS.slotService, { locale: 'en' });
      expect(submitButton(form).textContent!.trim()).to.equal('Book');
      expect(picker(form).shadowRoot!.textContent).to.contain('Today').and.contain('Mon');
      expect(field(form, 'phone')!.shadowRoot!.textContent).to.contain('Mobile number');
      await expectAccessible(form);
    });
  });

  it('shows the same price as the SDK’s quote() for every price-rule shape in the fixtures', async function (this: MochaContext) {
    this.timeout(120_000);
    const list: PriceList = await createClient({ baseUrl: '/api' }).catalog.current();
    const shapeOf = (i: ServiceItem): string => {
      const p = i.price;
      return [
        p.kind,
        p.kind === 'per-unit' ? p.unit : p.kind === 'labour-materials' ? p.labourUnit : p.kind === 'quote' ? (p.from === undefined ? 'no-from' : 'from') : '',
        'bands' in p && p.bands ? 'bands' : '',
        'minQuantity' in p && p.minQuantity ? 'min' : '',
        i.slots ? 'slots' : '',
        i.room ? 'room' : '',
      ].join('|');
    };
    const shapes = new Map<string, ServiceItem>();
    for (const i of list.items) if (i.bookingModes.includes('online') && !shapes.has(shapeOf(i))) shapes.set(shapeOf(i), i);
    expect(shapes.size, [...shapes.keys()].join('\n')).to.be.greaterThan(12);
    for (const [shape, item] of shapes) {
      const form = await mount(item.id);
      const input: QuoteInput = {};
      if (item.slots) input.at = (await pickSlot(form, 2)).split('/')[0]!;
      else if (field(form, 'wantedAt')) {
        // Saturday 28 November at 10:00, inside every service's hours and every weekend band.
        const wanted = field<BmSlotPicker>(form, 'wantedAt')!;
        wanted.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=day]')[5]!.click();
        await settle(form);
        wanted.shadowRoot!.querySelector<HTMLInputElement>('input[name=slot][value="2026-11-28T10:00:00+08:00"]')!.click();
        await settle(form);
        input.at = '2026-11-28T10:00:00+08:00';
      }
      for (const [name, value] of [
        ['quantity', 3],
        ['people', 2],
        ['hours', 2],
      ] as const) {
        if (field(form, name)) {
          await type(form, name, String(value));
          input[name] = value;
        }
      }
      const expected = quote(item, input, TZ);
      expect($(form, '[part=quote-total]')!.textContent, shape).to.equal(zhTotal(expected));
      const lines = [...form.shadowRoot!.querySelectorAll('[part=quote-line]')];
      expect(lines.map((l) => l.lastElementChild!.textContent), shape).to.deep.equal(expected.lines.map((l) => formatMoney(l.amount, 'zh-CN')));
    }
  });
});
