import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { createClient, formatDateTime, formatMoney, toEpoch, type Booking } from '@bianmin/sdk';
import {
  createHandlers,
  createMockBackend,
  DEMO_HOUSEHOLD_ID,
  DEMO_RESIDENT_TOKEN,
  DEMO_STAFF_TOKEN,
  type MockBackend,
} from '@bianmin/mock';
import '../../packages/elements/src/define/provider.js';
import '../../packages/elements/src/define/booking-list.js';
import type { BmBookingList } from '../../packages/elements/src/booking-list/booking-list.js';
import type { BmProvider } from '../../packages/elements/src/provider/provider.js';
import { expectAccessible } from './helpers/axe.js';
import { linesOfText } from './helpers/lines.js';
import { useMsw } from './helpers/msw.js';

// The compound's clock, fixed: a Wednesday morning in Shanghai. Fixtures are placed relative to it
// (the demo household 2栋 0601 has a tennis court booked tomorrow 19:00–20:00, cancellable until
// 15:00; a decoration quote request; five completed services, two of them with their follow-up).
const T0 = toEpoch('2026-03-11T10:00:00+08:00');
let clock = T0;
const now = () => new Date(clock);

let backend: MockBackend;
const staff = createClient({ baseUrl: '/api', getToken: () => DEMO_STAFF_TOKEN, retry: { limit: 0, baseDelayMs: 0, maxDelayMs: 0 } });

async function mount(attrs: { scope?: string; pageSize?: number; locale?: string } = {}, widgetNow: () => Date = now) {
  const provider = await fixture<BmProvider>(html`<bm-provider base-url="/api" .getToken=${() => DEMO_RESIDENT_TOKEN}>
    <bm-booking-list
      scope=${attrs.scope ?? 'all'}
      page-size=${attrs.pageSize ?? 10}
      locale=${attrs.locale ?? 'zh-CN'}
      .now=${widgetNow}
    ></bm-booking-list>
  </bm-provider>`);
  const el = provider.querySelector('bm-booking-list') as BmBookingList;
  // The widget's own first update (in English it waits for the English strings to load).
  await el.updateComplete;
  return el;
}

const root = (el: BmBookingList) => el.shadowRoot!;
const cards = (el: BmBookingList) => [...root(el).querySelectorAll<HTMLLIElement>('[part=item]')];
const cardOf = (el: BmBookingList, b: Booking) =>
  cards(el).find((c) => c.querySelector('[part=details]')?.textContent?.includes(b.number));
const numbersShown = (el: BmBookingList) =>
  cards(el).map((c) => /BM-\d{8}-\d+/.exec(c.querySelector('[part=details]')!.textContent!)?.[0] ?? '?');
const ready = (el: BmBookingList) => waitUntil(() => cards(el).length > 0 || root(el).querySelector('[part=empty],[part=error]'), 'the list renders');
const own = () => backend.state.bookings.filter((b) => b.householdId === DEMO_HOUSEHOLD_ID);
const byService = (serviceId: string) => own().find((b) => b.serviceId === serviceId)!;
const active = (el: BmBookingList) => root(el).activeElement as HTMLElement | null;

async function showPast(el: BmBookingList) {
  root(el).querySelector<HTMLButtonElement>('#tab-past')!.click();
  await waitUntil(() => el.shadowRoot!.querySelector('#tab-past[aria-selected=true]') && cards(el).some((c) => c.dataset.status === 'completed'));
}

describe('<bm-booking-list>', () => {
  const msw = useMsw();
  beforeEach(() => {
    clock = T0;
    backend = createMockBackend({ now });
    msw.use(...createHandlers(backend, { baseUrl: '/api' }));
  });

  it("lists only the resident's own bookings, upcoming and past, with status words, prices and Shanghai times", async () => {
    const el = await mount();
    await ready(el);
    const upcoming = numbersShown(el);
    await showPast(el);
    const past = numbersShown(el);
    const mine = own().map((b) => b.number);
    expect([...upcoming, ...past].sort()).to.deep.equal([...mine].sort());
    expect(backend.state.bookings.length).to.be.greaterThan(mine.length, 'the compound has other households’ bookings');

    root(el).querySelector<HTMLButtonElement>('#tab-upcoming')!.click();
    await waitUntil(() => cardOf(el, byService('svc-tennis')));
    const tennis = byService('svc-tennis');
    const card = cardOf(el, tennis)!;
    expect(card.querySelector('[part=service]')!.textContent).to.equal('网球场');
    expect(card.querySelector('[part=status]')!.textContent!.trim()).to.contain('已确认');
    // 19:00 in Shanghai, whatever the zone of the device running the test.
    expect(card.querySelector('time')!.textContent).to.contain('19:00–20:00');
    expect(card.querySelector('[part=details]')!.textContent).to.contain(formatMoney(tennis.quote.total, 'zh-CN'));
    // A "from" price says so.
    const decoration = cardOf(el, byService('svc-decoration'))!;
    expect(decoration.querySelector('[part=details]')!.textContent).to.contain(`${formatMoney(500000, 'zh-CN')} 起`);
    expect(decoration.querySelector('[part=status]')!.textContent).to.contain('待报价');
    // A request without a wanted time says when it was sent.
    expect(decoration.querySelector('dt')!.textContent).to.equal('提交时间');
    await expectAccessible(el);
    // A service without slots shows when it was wanted.
    await showPast(el);
    const gym = byService('svc-gym');
    const gymCard = cardOf(el, gym)!;
    expect(gymCard.querySelector('dt')!.textContent).to.equal('期望时间');
    expect(gymCard.querySelector('time')!.dateTime).to.equal(gym.wantedAt);
    expect(gymCard.querySelector('time')!.textContent).to.equal(formatDateTime(gym.wantedAt!, 'zh-CN', 'Asia/Shanghai'));
    expect(gymCard.querySelector('time')!.textContent).to.contain('19:00');
  });

  it('cancels a booking within its window, with a confirm step and a reason, and emits bm-booking-cancelled', async () => {
    const el = await mount({ scope: 'upcoming' });
    const tennis = byService('svc-tennis');
    await waitUntil(() => cardOf(el, tennis));
    const card = cardOf(el, tennis)!;
    expect(card.querySelector('[part=deadline]')!.textContent).to.contain(formatDateTime(tennis.cancellableUntil!, 'zh-CN', 'Asia/Shanghai'));
    card.querySelector<HTMLButtonElement>('[part=cancel-button]')!.click();
    await el.updateComplete;
    // Nothing is sent before the confirm step.
    expect(byService('svc-tennis').status).to.equal('confirmed');
    const reason = card.querySelector<HTMLTextAreaElement>('[part=reason-input]')!;
    expect(active(el)).to.equal(reason);
    reason.value = '临时加班';
    await expectAccessible(el);
    const event = oneEvent(el, 'bm-booking-cancelled');
    card.querySelector<HTMLButtonElement>('[part=confirm-button]')!.click();
    const { detail } = await event;
    expect(detail.booking.id).to.equal(tennis.id);
    expect(detail.booking.status).to.equal('cancelled');
    const stored = byService('svc-tennis');
    expect(stored.status).to.equal('cancelled');
    expect(stored.history.at(-1)?.note).to.equal('临时加班');
    await waitUntil(() => cardOf(el, tennis)!.querySelector('[part=status]')!.textContent!.includes('已取消'));
    expect(cardOf(el, tennis)!.querySelector('[part=cancel-button]')).to.equal(null);
    await expectAccessible(el);
  });

  it('keeps the booking when the resident steps back from the confirm step', async () => {
    const el = await mount({ scope: 'upcoming' });
    const tennis = byService('svc-tennis');
    await waitUntil(() => cardOf(el, tennis));
    cardOf(el, tennis)!.querySelector<HTMLButtonElement>('[part=cancel-button]')!.click();
    await el.updateComplete;
    cardOf(el, tennis)!.querySelector<HTMLButtonElement>('[part=keep-button]')!.click();
    await el.updateComplete;
    expect(active(el)).to.equal(cardOf(el, tennis)!.querySelector('[part=cancel-button]'));
    expect(byService('svc-tennis').status).to.equal('confirmed');
  });

  it('after the window has closed shows no cancel button but why, with the deadline', async () => {
    const tennis = byService('svc-tennis');
    clock = toEpoch(tennis.cancellableUntil!) + 60_000; // 15:01 the next day: the court starts at 19:00
    const el = await mount({ scope: 'upcoming' });
    await waitUntil(() => cardOf(el, tennis));
    const card = cardOf(el, tennis)!;
    expect(card.querySelector('[part=cancel-button]')).to.equal(null);
    const why = card.querySelector('[part=cancel-closed]')!.textContent!.replace(/\s+/g, ' ');
    expect(why).to.contain('可在服务开始前4小时取消，已过截止时间');
    expect(why).to.contain(formatDateTime(tennis.cancellableUntil!, 'zh-CN', 'Asia/Shanghai'));
    // The other open booking has no slot and so no window: it can still be cancelled.
    expect(cardOf(el, byService('svc-decoration'))!.querySelector('[part=cancel-button]')).to.exist;
    await expectAccessible(el);
  });

  it('shows a refused cancel inline and refreshes the list (the window closed on the server’s clock)', async () => {
    const tennis = byService('svc-tennis');
    // The device clock is behind the compound's: the widget still offers to cancel, the server refuses.
    const el = await mount({ scope: 'upcoming' }, () => new Date(T0));
    await waitUntil(() => cardOf(el, tennis));
    clock = toEpoch(tennis.cancellableUntil!) + 60_000;
    cardOf(el, tennis)!.querySelector<HTMLButtonElement>('[part=cancel-button]')!.click();
    await el.updateComplete;
    let cancelled = false;
    el.addEventListener('bm-booking-cancelled', () => (cancelled = true));
    cardOf(el, tennis)!.querySelector<HTMLButtonElement>('[part=confirm-button]')!.click();
    await waitUntil(() => cardOf(el, tennis)!.querySelector('[part=action-error]'), 'the refusal is shown');
    expect(cardOf(el, tennis)!.querySelector('[part=action-error]')!.textContent).to.contain('取消截止时间已过');
    expect(cancelled).to.equal(false);
    expect(byService('svc-tennis').status).to.equal('confirmed');
    await expectAccessible(el);
  });

  it('shows a conflict when the desk has moved the booking on, and the refreshed status', async () => {
    const tennis = byService('svc-tennis');
    const el = await mount({ scope: 'upcoming' });
    await waitUntil(() => cardOf(el, tennis));
    await staff.bookings.transition(tennis.id, { to: 'in-progress' });
    cardOf(el, tennis)!.querySelector<HTMLButtonElement>('[part=cancel-button]')!.click();
    await el.updateComplete;
    cardOf(el, tennis)!.querySelector<HTMLButtonElement>('[part=confirm-button]')!.click();
    await waitUntil(() => cardOf(el, tennis)?.querySelector('[part=status]')!.textContent!.includes('服务中'), 'the list is refreshed');
    const card = cardOf(el, tennis)!;
    expect(card.querySelector('[part=action-error]')!.textContent).to.contain('状态已经变了');
    expect(card.querySelector('[part=cancel-button]')).to.equal(null);
    expect(active(el)).to.equal(card.querySelector('[part=action-error]'));
  });

  it('sends a 1–5 rating with a comment, then shows it and offers no second follow-up', async () => {
    const el = await mount();
    await ready(el);
    await showPast(el);
    const housekeeping = byService('svc-hourly-housekeeping');
    const card = cardOf(el, housekeeping)!;
    // Follow-ups already given are shown, not asked again.
    const gym = cardOf(el, byService('svc-gym'))!;
    expect(gym.querySelector('[part=feedback-given]')!.textContent).to.contain('5 星');
    expect(gym.querySelector('[part=feedback-button]')).to.equal(null);

    card.querySelector<HTMLButtonElement>('[part=feedback-button]')!.click();
    await el.updateComplete;
    const form = card.querySelector<HTMLFormElement>('[part=feedback-form]')!;
    // Submitting without a rating is refused locally.
    form.requestSubmit();
    await el.updateComplete;
    expect(card.querySelector('[part=action-error]')!.textContent).to.contain('请选择 1 到 5 星');
    expect(byService('svc-hourly-housekeeping').feedback).to.equal(undefined);
    await expectAccessible(el);

    const stars = [...card.querySelectorAll<HTMLInputElement>('[part=star] input')];
    expect(stars.map((s) => s.labels?.[0]?.textContent?.replace(/\s+/g, ''))).to.deep.equal([
      '★1星：很不满意',
      '★2星：不满意',
      '★3星：一般',
      '★4星：满意',
      '★5星：非常满意',
    ]);
    stars[3]!.click();
    await el.updateComplete;
    card.querySelector<HTMLTextAreaElement>('[part=comment-input]')!.value = '阿姨很细心';
    const event = oneEvent(el, 'bm-feedback-sent');
    card.querySelector<HTMLButtonElement>('[part=send-button]')!.click();
    const { detail } = await event;
    expect(detail.booking.feedback).to.include({ kind: 'rating', rating: 4, comment: '阿姨很细心' });
    expect(byService('svc-hourly-housekeeping').feedback).to.include({ kind: 'rating', rating: 4 });
    await el.updateComplete;
    const given = cardOf(el, housekeeping)!;
    expect(given.querySelector('[part=feedback-given]')!.textContent).to.contain('您的评分：4 星');
    expect(given.querySelector('[part=feedback-form],[part=feedback-button]')).to.equal(null);
    await expectAccessible(el);
  });

  it('sends a complaint (text required) on a booking the desk has just completed', async () => {
    const tennis = byService('svc-tennis');
    await staff.bookings.transition(tennis.id, { to: 'in-progress' });
    await staff.bookings.transition(tennis.id, { to: 'completed' });
    const el = await mount({ scope: 'past' });
    await waitUntil(() => cardOf(el, tennis));
    const card = () => cardOf(el, tennis)!;
    card().querySelector<HTMLButtonElement>('[part=feedback-button]')!.click();
    await el.updateComplete;
    const complaint = card().querySelector<HTMLInputElement>('input[value=complaint]')!;
    complaint.click();
    await el.updateComplete;
    card().querySelector<HTMLButtonElement>('[part=send-button]')!.click();
    await el.updateComplete;
    const field = card().querySelector<HTMLTextAreaElement>('[part=complaint-input]')!;
    expect(card().querySelector('[part=action-error]')!.textContent).to.contain('请写下投诉内容');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(active(el)).to.equal(field);
    expect(byService('svc-tennis').feedback).to.equal(undefined);
    await expectAccessible(el);

    field.value = '场地灯坏了一半，打不了球。';
    const event = oneEvent(el, 'bm-feedback-sent');
    card().querySelector<HTMLButtonElement>('[part=send-button]')!.click();
    const { detail } = await event;
    expect(detail.booking.feedback).to.include({ kind: 'complaint', comment: '场地灯坏了一半，打不了球。' });
    await el.updateComplete;
    expect(card().querySelector('[part=feedback-given]')!.textContent).to.contain('您的投诉已提交');
    expect(card().querySelector('[part=feedback-button]')).to.equal(null);
  });

  it('cancels with the keyboard only', async () => {
    const el = await mount({ scope: 'upcoming' });
    const decoration = byService('svc-decoration');
    await waitUntil(() => cardOf(el, decoration));
    const button = cardOf(el, decoration)!.querySelector('[part=cancel-button]');
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(button);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(active(el)?.getAttribute('part')).to.equal('reason-input');
    await sendKeys({ type: '不装了' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('part')).to.equal('confirm-button');
    const event = oneEvent(el, 'bm-booking-cancelled');
    await sendKeys({ press: 'Enter' });
    const { detail } = await event;
    expect(detail.booking.id).to.equal(decoration.id);
    expect(byService('svc-decoration').history.at(-1)?.note).to.equal('不装了');
    // Focus lands on the cancelled booking, not on the body.
    await el.updateComplete;
    expect(active(el)).to.equal(cardOf(el, decoration)!.querySelector('[part=service]'));
  });

  it('rates with the keyboard only: tabs with arrow keys, stars with arrow keys', async () => {
    const el = await mount();
    await ready(el);
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('tab-upcoming');
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => cards(el).some((c) => c.dataset.status === 'completed'));
    expect(active(el)?.id).to.equal('tab-past');
    const housekeeping = byService('svc-hourly-housekeeping');
    await sendKeys({ press: 'Tab' }); // the tab panel
    await sendKeys({ press: 'Tab' }); // the first follow-up button (the latest booking)
    expect(active(el)).to.equal(cardOf(el, housekeeping)!.querySelector('[part=feedback-button]'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(active(el)?.getAttribute('value')).to.equal('rating');
    await sendKeys({ press: 'Tab' }); // into the stars
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect((active(el) as HTMLInputElement).value).to.equal('4');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '准时' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('part')).to.equal('send-button');
    const event = oneEvent(el, 'bm-feedback-sent');
    await sendKeys({ press: 'Enter' });
    const { detail } = await event;
    expect(detail.booking.feedback).to.include({ kind: 'rating', rating: 4, comment: '准时' });
  });

  it('pages with "load more" through cursors, every booking exactly once, and refresh() keeps the place', async () => {
    // Twelve past bookings for the household: pages of 5, 5 and 2.
    // The gym has no slots: its bookings are placed by their wanted time.
    const template = byService('svc-gym');
    for (let i = 1; i <= 7; i++) {
      const start = toEpoch(template.wantedAt!) - i * 86_400_000 * 3;
      backend.state.bookings.push({ ...structuredClone(template), id: `bk-extra-${i}`, number: `BM-20260101-90${i}`, wantedAt: new Date(start).toISOString() });
    }
    const expected = backend.state.bookings
      .filter((b) => b.householdId === DEMO_HOUSEHOLD_ID && b.status === 'completed')
      .sort((a, b) => toEpoch(b.slot?.start ?? b.wantedAt ?? b.createdAt) - toEpoch(a.slot?.start ?? a.wantedAt ?? a.createdAt))
      .map((b) => b.number);
    expect(expected).to.have.length(12);
    const el = await mount({ scope: 'past', pageSize: 5 });
    await ready(el);
    expect(numbersShown(el)).to.have.length(5);
    await expectAccessible(el);
    const more = () => root(el).querySelector<HTMLButtonElement>('[part=load-more]');
    for (const count of [10, 12]) {
      more()!.click();
      await waitUntil(() => cards(el).length === count, `${count} bookings shown`);
    }
    expect(more()).to.equal(null);
    expect(numbersShown(el)).to.deep.equal(expected);
    await el.refresh();
    await el.updateComplete;
    expect(numbersShown(el)).to.deep.equal(expected);
  });

  it('refresh() shows a booking made elsewhere', async () => {
    const el = await mount({ scope: 'upcoming' });
    await ready(el);
    const before = cards(el).length;
    const badminton = backend.state.bookings.find((b) => b.serviceId === 'svc-badminton')!;
    backend.state.bookings.push({ ...structuredClone(badminton), id: 'bk-new', number: 'BM-20260311-0099', householdId: DEMO_HOUSEHOLD_ID });
    await el.refresh();
    await waitUntil(() => cards(el).length === before + 1);
    expect(numbersShown(el)).to.include('BM-20260311-0099');
  });

  it('says so when an attribute is wrong, and asks the server nothing', async () => {
    let requests = 0;
    msw.worker.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname.startsWith('/api/bookings')) requests++;
    });
    const el = await mount({ scope: 'later' });
    const alert = root(el).querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('scope="later"');
    await expectAccessible(el);
    el.scope = 'past';
    el.pageSize = 0;
    await el.updateComplete;
    expect(root(el).querySelector('[role=alert]')!.textContent).to.contain('page-size');
    expect(requests).to.equal(0);
    msw.worker.events.removeAllListeners();
    const en = await mount({ scope: 'soon', locale: 'en' });
    expect(root(en).querySelector('[role=alert]')!.textContent).to.contain('Attribute scope="soon" is not valid');
  });

  it('shows loading, then an empty list as "还没有预约"', async () => {
    for (let i = backend.state.bookings.length - 1; i >= 0; i--) {
      if (backend.state.bookings[i]!.householdId === DEMO_HOUSEHOLD_ID) backend.state.bookings.splice(i, 1);
    }
    backend.scenario.latencyMs = 300;
    const el = await mount();
    await waitUntil(() => root(el).querySelector('[part=loading]'), 'loading is shown');
    await expectAccessible(el);
    await waitUntil(() => root(el).querySelector('[part=empty]'), 'the empty state is shown');
    expect(root(el).querySelector('[part=empty]')!.textContent).to.contain('还没有预约');
    await expectAccessible(el);
  });

  it('shows a load failure with a retry that works', async () => {
    // The client retries a GET twice: three failures in a row reach the widget.
    backend.scenario.failNext(500, 3, { path: '/bookings' });
    const el = await mount({ scope: 'upcoming' });
    await waitUntil(() => root(el).querySelector('[part=error]'), 'the error is shown');
    expect(root(el).querySelector('[part=error]')!.textContent).to.contain('服务器暂时不可用');
    await expectAccessible(el);
    root(el).querySelector<HTMLButtonElement>('[part=retry-button]')!.click();
    await waitUntil(() => cards(el).length === 2, 'the retry loads the list');
  });

  it('tells the resident when the device is offline, and reloads when it is back', async () => {
    const el = await mount({ scope: 'upcoming' });
    await ready(el);
    try {
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      backend.scenario.offline = true;
      window.dispatchEvent(new Event('offline'));
      await el.updateComplete;
      expect(root(el).querySelector('[part=offline]')!.textContent).to.contain('网络已断开');
      expect(cards(el)).to.have.length(2, 'what was loaded stays visible');
      await expectAccessible(el);
      // Back online: a booking made meanwhile shows up without a click.
      const badminton = backend.state.bookings.find((b) => b.serviceId === 'svc-badminton')!;
      backend.state.bookings.push({ ...structuredClone(badminton), id: 'bk-new', number: 'BM-20260311-0098', householdId: DEMO_HOUSEHOLD_ID });
      backend.scenario.offline = false;
      delete (navigator as { onLine?: boolean }).onLine;
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => cards(el).length === 3, 'the list reloads when the network is back');
      expect(root(el).querySelector('[part=offline]')).to.equal(null);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });

  it('never breaks a booked time range across lines, at any phone width, in Chinese and English', async () => {
    try {
      for (const locale of ['zh-CN', 'en']) {
        const el = await mount({ scope: 'upcoming', locale });
        await waitUntil(() => cardOf(el, byService('svc-tennis')), 'the tennis booking');
        const time = cardOf(el, byService('svc-tennis'))!.querySelector('time')!;
        for (let width = 300; width <= 430; width += 5) {
          await setViewport({ width, height: 800 });
          expect(linesOfText(time, '19:00–20:00'), `${locale} at ${width} px: “${time.textContent}”`).to.equal(1);
        }
        await setViewport({ width: 800, height: 600 });
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('speaks English when asked', async () => {
    const el = await mount({ locale: 'en' });
    const tennis = byService('svc-tennis');
    await waitUntil(() => cardOf(el, tennis));
    expect(root(el).querySelector('#tab-upcoming')!.textContent!.trim()).to.equal('Upcoming');
    const card = cardOf(el, tennis)!;
    expect(card.querySelector('[part=service]')!.textContent).to.equal('Tennis court');
    expect(card.querySelector('[part=status]')!.textContent).to.contain('Confirmed');
    expect(card.querySelector('time')!.textContent).to.contain('Mar 12, 2026 19:00–20:00');
    expect(cardOf(el, byService('svc-decoration'))!.textContent).to.contain(`from ${formatMoney(500000, 'en')}`);
    await expectAccessible(el);
  });
});
