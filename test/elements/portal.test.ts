// The widgets together, as a portal uses them: a resident finds a service in the menu and books it
// in the form, with the keyboard alone; the new booking then shows in the list.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createHandlers, createMockBackend, DEMO_RESIDENT_TOKEN } from '@bianmin/mock';
import '../../packages/elements/src/define/provider.js';
import '../../packages/elements/src/define/service-menu.js';
import '../../packages/elements/src/define/booking-form.js';
import '../../packages/elements/src/define/booking-list.js';
import type { BmBookingForm } from '../../packages/elements/src/booking-form/booking-form.js';
import type { BmBookingCreatedEvent } from '../../packages/elements/src/booking-form/events.js';
import type { BmSlotPicker } from '../../packages/elements/src/booking-form/slot-picker.js';
import type { BmBookingList } from '../../packages/elements/src/booking-list/booking-list.js';
import type { BmServiceMenu, BmServiceSelectEvent } from '../../packages/elements/src/service-menu/service-menu.js';
import { expectAccessible } from './helpers/axe.js';
import { useMsw } from './helpers/msw.js';

// Monday 23 November 2026, 10:10 in the compound: Tuesday's tennis slots are all free.
const NOW = new Date('2026-11-23T10:10:00+08:00');
const backend = createMockBackend({ now: () => NOW });

/** The focused element, looking through shadow roots. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether the deep focus is inside `host` (in its light or shadow tree). */
function focusIsIn(host: Element): boolean {
  let active: Element | null = document.activeElement;
  while (active) {
    if (active === host) return true;
    active = active.shadowRoot?.activeElement ?? null;
  }
  return false;
}

async function formReady(form: BmBookingForm): Promise<void> {
  await waitUntil(() => form.catalog.status === 'ready', 'the form finds the chosen service');
  await form.updateComplete;
  const picker = form.shadowRoot!.querySelector<BmSlotPicker>('bm-slot-picker');
  await waitUntil(() => picker?.availability.status === 'ready', 'the slots load');
  await picker!.updateComplete;
}

describe('the portal: menu → booking → my bookings', () => {
  useMsw(...createHandlers(backend, { baseUrl: '/api' }));
  beforeEach(() => backend.reset());

  it('goes from a search in the menu to a created booking with the keyboard alone, and lists it', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <button id="start">start</button>
      <bm-provider base-url="/api" .getToken=${() => DEMO_RESIDENT_TOKEN}>
        <bm-service-menu for="booking"></bm-service-menu>
        <bm-booking-form id="booking"></bm-booking-form>
        <bm-booking-list scope="upcoming" .now=${() => NOW}></bm-booking-list>
      </bm-provider>
    </div>`);
    const menu = page.querySelector('bm-service-menu') as BmServiceMenu;
    const form = page.querySelector('bm-booking-form') as BmBookingForm;
    const list = page.querySelector('bm-booking-list') as BmBookingList;
    await waitUntil(() => menu.shadowRoot!.querySelector('[part~=item]') !== null, 'the menu shows the catalog');

    // Tab into the menu's search box and type.
    (page.querySelector('#start') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' });
    expect((deepActive() as HTMLElement).getAttribute('part') ?? '', 'Tab reaches the search box first').to.contain('search-input');
    await sendKeys({ type: 'tennis court' });
    await menu.updateComplete;

    // Into the results and choose the first one.
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActive()?.textContent, 'the first result is focused').to.contain('网球场');
    const selected = oneEvent(menu, 'bm-service-select') as Promise<BmServiceSelectEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await selected).item.id).to.equal('svc-tennis');
    expect(form.serviceId, 'the menu opens the form on that service').to.equal('svc-tennis');
    await formReady(form);

    // From wherever the menu left focus, Tab to the day row of the form's picker.
    for (let i = 0; i < 40 && !(focusIsIn(form) && (deepActive() as HTMLInputElement | null)?.name === 'day'); i++) {
      await sendKeys({ press: 'Tab' });
    }
    expect((deepActive() as HTMLInputElement).name, 'the keyboard reaches the day row').to.equal('day');
    await sendKeys({ press: 'ArrowRight' }); // Tuesday
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' }); // the first free slot
    const picker = form.shadowRoot!.querySelector<BmSlotPicker>('bm-slot-picker')!;
    expect(picker.value, 'a slot is chosen').to.match(/^2026-11-24T/);

    // The household and contact are prefilled from the resident's session: Tab on to the submit button.
    for (let i = 0; i < 25 && deepActive()?.getAttribute('part') !== 'submit'; i++) await sendKeys({ press: 'Tab' });
    expect(deepActive()?.getAttribute('part')).to.equal('submit');
    const created = oneEvent(form, 'bm-booking-created') as Promise<BmBookingCreatedEvent>;
    await sendKeys({ press: 'Enter' });
    const { booking } = (await created).detail;
    expect(booking.serviceId).to.equal('svc-tennis');
    expect(`${booking.slot!.start}/${booking.slot!.end}`).to.equal(picker.value);
    expect(backend.state.bookings.filter((b) => b.id === booking.id)).to.have.length(1);

    // What a portal does on bm-booking-created: the list shows the new booking.
    await list.refresh();
    await waitUntil(() => list.shadowRoot!.textContent!.includes(booking.number), 'the new booking is listed');
    for (const widget of [menu, form, list]) await expectAccessible(widget);
  });
});
