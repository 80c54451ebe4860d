import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createClient, toEpoch } from '@bianmin/sdk';
import { indexedDbStorage } from '@bianmin/sdk/outbox';
import { COMPOUND, createHandlers, createMockBackend, DEMO_RESIDENT_TOKEN, DEMO_STAFF_TOKEN, type MockBackend } from '@bianmin/mock';
import '../../packages/elements/src/define/provider.js';
import '../../packages/elements/src/define/help-button.js';
import type { BmHelpButton } from '../../packages/elements/src/help-button/help-button.js';
import type { BmProvider } from '../../packages/elements/src/provider/provider.js';
import { expectAccessible } from './helpers/axe.js';
import { linesOfText } from './helpers/lines.js';
import { useMsw } from './helpers/msw.js';

/** What each kind of request is called on its card (zh-CN). */
const KIND_LABELS: Record<string, string> = {
  medical: '急病 · 受伤',
  security: '盗窃 · 打架 · 抢劫 · 中毒 · 交通事故',
  disaster: '漏水 · 火灾 · 其他灾情',
  repair: '报修',
  complaint: '投诉',
  consultation: '咨询',
  other: '其他帮助',
};

// The compound's clock, fixed (a Wednesday morning in Shanghai); the widget's countdown reads the same clock.
const T0 = toEpoch('2026-03-11T10:00:00+08:00');
let clock = T0;
let backend: MockBackend;
let run = 0;
/** A fresh outbox name per test: each test has its own queue in IndexedDB. */
let outboxName = '';
const staff = createClient({ baseUrl: '/api', getToken: () => DEMO_STAFF_TOKEN, retry: 0 });

interface MountOptions {
  inline?: boolean;
  position?: string;
  locale?: string;
  building?: string;
  room?: string;
  compound?: typeof COMPOUND;
}

async function mount(o: MountOptions = {}) {
  const provider = await fixture<BmProvider>(html`<bm-provider base-url="/api" .getToken=${() => DEMO_RESIDENT_TOKEN} .compound=${o.compound}>
    <bm-help-button
      outbox-name=${outboxName}
      poll-interval="1"
      position=${o.position ?? 'bottom-right'}
      ?inline=${o.inline ?? false}
      locale=${o.locale ?? 'zh-CN'}
      building=${ifDefined(o.building)}
      room=${ifDefined(o.room)}
      .now=${() => clock}
    ></bm-help-button>
  </bm-provider>`);
  const el = provider.querySelector('bm-help-button') as BmHelpButton;
  await el.updateComplete;
  return { provider, el };
}

const root = (el: BmHelpButton) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: BmHelpButton, sel: string) => root(el).querySelector<T>(sel);
const qa = <T extends Element = HTMLElement>(el: BmHelpButton, sel: string) => [...root(el).querySelectorAll<T>(sel)];
const dialog = (el: BmHelpButton) => q<HTMLDialogElement>(el, 'dialog')!;
const active = (el: BmHelpButton) => root(el).activeElement as HTMLElement | null;
const callHrefs = (el: BmHelpButton, scope = '') => qa<HTMLAnchorElement>(el, `${scope} [part~=call]`).map((a) => a.getAttribute('href'));

async function openDialog(el: BmHelpButton) {
  q(el, '[part~=trigger]')!.click();
  await waitUntil(() => dialog(el).open && q(el, '[part~=form], [part~=requests]'), 'the dialog opens');
  await settled(el);
}

/** The dialog's opening animation has finished (axe measures colours as they end up). */
async function settled(el: BmHelpButton) {
  await Promise.all(dialog(el).getAnimations({ subtree: true }).map((a) => a.finished));
}

async function chooseKind(el: BmHelpButton, kind: string) {
  q<HTMLInputElement>(el, `input[name=kind][value=${kind}]`)!.click();
  await el.updateComplete;
}

function type(el: BmHelpButton, name: string, value: string) {
  const input = q<HTMLInputElement>(el, `[name=${name}]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Fills and sends a request; `description` is unique per test so the server's copies can be counted. */
async function send(el: BmHelpButton, description: string, kind = 'repair') {
  await chooseKind(el, kind);
  type(el, 'building', '2栋');
  type(el, 'phone', '13812345678');
  type(el, 'description', description);
  await el.updateComplete;
  q<HTMLButtonElement>(el, '[part~=submit]')!.click();
}

const created = (description: string) => backend.state.helpRequests.filter((r) => r.description === description);
const entryState = (el: BmHelpButton) => q(el, '[part~=entry-state]')?.textContent?.trim();

describe('<bm-help-button>', () => {
  const msw = useMsw();
  beforeEach(() => {
    clock = T0;
    run++;
    outboxName = `help-test-${Date.now()}-${run}`;
    backend = createMockBackend({ now: () => new Date(clock) });
    msw.use(...createHandlers(backend, { baseUrl: '/api' }));
  });

  describe('the button and the dialog', () => {
    it('floats at a corner given by position, and explains a wrong position instead of rendering nothing', async () => {
      const { el } = await mount({ position: 'top-left' });
      const style = getComputedStyle(el);
      expect(style.position).to.equal('fixed');
      expect(style.top).to.not.equal('auto');
      expect(style.left).to.not.equal('auto');
      expect(q(el, '[part~=trigger]')!.textContent).to.contain('求助');
      await expectAccessible(el);

      const { el: inline } = await mount({ inline: true });
      expect(getComputedStyle(inline).position).to.equal('static');

      const { el: wrong } = await mount({ position: 'middle' });
      expect(q(wrong, '[role=alert]')!.textContent).to.contain('position="middle"');
      expect(q(wrong, '[part~=trigger]')).to.equal(null);

      // poll-interval: up to a day; beyond that (a timer would fire at once) it is refused, as written.
      const { el: slow } = await mount();
      slow.setAttribute('poll-interval', '86400');
      await slow.updateComplete;
      expect(q(slow, '[part~=trigger]')).to.not.equal(null);
      slow.setAttribute('poll-interval', '86401');
      await slow.updateComplete;
      expect(q(slow, '[role=alert]')!.textContent).to.contain('poll-interval="86401"');
      expect(q(slow, '[part~=trigger]')).to.equal(null);
    });

    it('moves focus into the dialog, keeps Tab and Shift+Tab inside it, closes on Escape and gives focus back', async () => {
      const { el } = await mount();
      const trigger = q<HTMLButtonElement>(el, '[part~=trigger]')!;
      trigger.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialog(el).open, 'Enter on the button opens the dialog');
      await el.updateComplete;
      await settled(el);
      expect(el.open).to.equal(true);
      expect(dialog(el).contains(active(el)), 'focus moved into the dialog').to.equal(true);
      await expectAccessible(el);

      const closeButton = q(el, '[part~=close-button]')!;
      const submit = q(el, '[part~=submit]')!;
      closeButton.focus();
      await sendKeys({ press: 'Shift+Tab' });
      expect(active(el), 'Shift+Tab on the first control wraps to the last').to.equal(submit);
      await sendKeys({ press: 'Tab' });
      expect(active(el), 'Tab on the last control wraps to the first').to.equal(closeButton);
      for (let i = 0; i < 15; i++) {
        await sendKeys({ press: 'Tab' });
        expect(dialog(el).contains(active(el)), `Tab ${i + 1} stays in the dialog`).to.equal(true);
      }

      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog(el).open, 'Escape closes the dialog');
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expect(active(el)).to.equal(trigger);
      await expectAccessible(el);
    });

    it('stays open when shown again right after hide(): the first close event is not taken for the second', async () => {
      const { el } = await mount();
      await openDialog(el);
      el.hide();
      await el.updateComplete;
      expect(dialog(el).open).to.equal(false);
      el.show();
      await el.updateComplete;
      // The close event of the first hide() arrives a task later.
      await new Promise((r) => setTimeout(r, 50));
      await el.updateComplete;
      expect(el.open).to.equal(true);
      expect(dialog(el).open).to.equal(true);
      el.hide();
      await waitUntil(() => !dialog(el).open && !el.open, 'hide() still closes it');
    });

    it('puts the emergency kinds first, each with one-tap calls to the public numbers and the 24-hour phone', async () => {
      const { el } = await mount({ compound: COMPOUND });
      await openDialog(el);
      const kinds = qa<HTMLInputElement>(el, 'input[name=kind]').map((i) => i.value);
      expect(kinds.slice(0, 3)).to.have.members(['medical', 'security', 'disaster']);
      expect(kinds).to.have.length(7);
      expect(q(el, '[part~=calls]'), 'no calls before a kind is chosen').to.equal(null);

      await chooseKind(el, 'medical');
      expect(callHrefs(el)).to.deep.equal(['tel:120', 'tel:110', 'tel:119', 'tel:122', 'tel:057188886666']);
      expect(qa(el, 'input[name=wanted]').map((i) => (i as HTMLInputElement).value)).to.deep.equal(['hospital', 'ambulance', 'stay']);
      await chooseKind(el, 'security');
      expect(callHrefs(el)[0]).to.equal('tel:110');
      expect(qa(el, 'input[name=subKind]')).to.have.length(5);
      await chooseKind(el, 'disaster');
      expect(callHrefs(el)[0]).to.equal('tel:119');
      await chooseKind(el, 'repair');
      expect(q(el, '[part~=calls]'), 'an everyday request shows no emergency numbers').to.equal(null);
      await chooseKind(el, 'consultation');
      expect(q<HTMLInputElement>(el, 'input[name=mode][value=oral]')!.checked).to.equal(true);
    });

    it('lays out each kind as radio, label, badge in one row, however long the label, in Chinese and in English', async () => {
      for (const locale of ['zh-CN', 'en']) {
        const { el } = await mount({ locale, compound: COMPOUND });
        await openDialog(el);
        for (const card of qa(el, '[part~=kind]')) {
          const radio = card.querySelector('input')!.getBoundingClientRect();
          const label = card.querySelector('span:not(.badge)')!.getBoundingClientRect();
          const badge = card.querySelector('.badge')?.getBoundingClientRect();
          const what = `${locale} ${card.dataset.kind}`;
          expect(label.left, `${what}: the label starts beside the radio`).to.be.at.least(radio.right);
          expect(radio.top + radio.height / 2, `${what}: the radio sits level with its label`).to.be.within(label.top, label.bottom);
          if (badge) expect(badge.left, `${what}: the badge follows the label`).to.be.at.least(label.right);
          if (badge) expect(badge.top, `${what}: the badge sits within the label's lines`).to.be.within(label.top - badge.height, label.bottom);
        }
      }
    });

    it('never breaks a phone number across lines, even on a phone-sized screen', async () => {
      await setViewport({ width: 390, height: 844 });
      try {
        for (const locale of ['zh-CN', 'en']) {
          const { el } = await mount({ locale, compound: COMPOUND });
          await openDialog(el);
          await chooseKind(el, 'medical');
          const links = qa(el, '[part~=call]');
          expect(links).to.have.length(5);
          for (const link of links) {
            // The public numbers are shown as dialled (tel:120); the compound's as written (0571-8888-6666).
            const shown = link.textContent!.includes(COMPOUND.servicePhone) ? COMPOUND.servicePhone : link.getAttribute('href')!.slice('tel:'.length);
            expect(linesOfText(link, shown), `${locale}: “${link.textContent!.trim()}”`).to.equal(1);
          }
        }
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('passes axe with every kind chosen, in Chinese and in English', async () => {
      for (const locale of ['zh-CN', 'en']) {
        const { el } = await mount({ locale, compound: COMPOUND });
        await openDialog(el);
        for (const kind of ['medical', 'security', 'disaster', 'repair', 'complaint', 'consultation', 'other']) {
          await chooseKind(el, kind);
          await expectAccessible(el);
        }
      }
    });

    it('never builds a tel: link from a phone number with anything but digits and hyphens', async () => {
      const { el } = await mount({ compound: { ...COMPOUND, servicePhone: '0571-8888-CALL' } });
      await openDialog(el);
      await chooseKind(el, 'medical');
      const hrefs = callHrefs(el);
      expect(hrefs).to.deep.equal(['tel:120', 'tel:110', 'tel:119', 'tel:122']);
      for (const href of hrefs) expect(href).to.match(/^tel:\d+$/);
      expect(q(el, '[part~=calls]')!.textContent).to.contain('0571-8888-CALL');
    });

    it('prefills where and whom to call from the signed-in household, unless attributes say otherwise', async () => {
      const { el } = await mount();
      await openDialog(el);
      await waitUntil(() => q<HTMLInputElement>(el, '[name=phone]')!.value === '13812345678');
      expect(q<HTMLInputElement>(el, '[name=building]')!.value).to.equal('2栋');
      expect(q<HTMLInputElement>(el, '[name=room]')!.value).to.equal('0601');

      const { el: lobby } = await mount({ building: '1栋', room: '大堂' });
      await openDialog(lobby);
      await waitUntil(() => q<HTMLInputElement>(lobby, '[name=phone]')!.value === '13812345678');
      expect(q<HTMLInputElement>(lobby, '[name=building]')!.value).to.equal('1栋');
      expect(q<HTMLInputElement>(lobby, '[name=room]')!.value).to.equal('大堂');
    });

    it('does not send a request without a kind or with a wrong mobile number', async () => {
      const { el } = await mount();
      await openDialog(el);
      q<HTMLButtonElement>(el, '[part~=submit]')!.click();
      await el.updateComplete;
      expect(q(el, '[part~=problem]')!.textContent).to.contain('请选择');
      await chooseKind(el, 'repair');
      await waitUntil(() => q<HTMLInputElement>(el, '[name=phone]')!.value !== '');
      type(el, 'phone', '12345');
      type(el, 'description', 'x');
      q<HTMLButtonElement>(el, '[part~=submit]')!.click();
      await el.updateComplete;
      expect(q(el, '[part~=problem]')).to.exist;
      expect(q(el, '[part~=requests]')).to.equal(null);
      expect(backend.state.helpRequests.filter((r) => r.description === 'x')).to.have.length(0);
    });
    it('asks a medical emergency first for the floor, building, room and phone, then what is wanted; the floor is sent', async () => {
      const { el } = await mount({ compound: COMPOUND });
      await openDialog(el);
      await chooseKind(el, 'medical');
      const order = qa(el, '[part~=form] input:not([name=kind]), [part~=form] textarea').map((i) => i.getAttribute('name'));
      const first = (name: string) => order.indexOf(name);
      for (const where of ['building', 'floor', 'room', 'phone']) expect(first(where), `${where} before the wanted help`).to.be.below(first('wanted'));
      // Other kinds ask what happened first, then where.
      await chooseKind(el, 'security');
      const security = qa(el, '[part~=form] input:not([name=kind])').map((i) => i.getAttribute('name'));
      expect(security.indexOf('subKind')).to.be.below(security.indexOf('building'));

      await chooseKind(el, 'medical');
      q<HTMLInputElement>(el, 'input[name=wanted][value=stay]')!.click();
      type(el, 'floor', '6');
      const delivered = oneEvent(el, 'bm-help-delivered');
      await send(el, `晕倒 ${run}`, 'medical');
      const { detail } = await delivered;
      expect(detail.request.location).to.include({ building: '2栋', floor: '6' });
      expect(created(`晕倒 ${run}`)[0]!.location.floor).to.equal('6');
    });
    it('on a shared device opened at once, the form stays when the requests stored before are read', async () => {
      // The last person's request, already in the device's outbox.
      await indexedDbStorage().put(outboxName, { id: `s-${run}`, key: `key-s-${run}-0000`, createdAt: Date.now() - 60_000, attempts: 1, state: 'delivered', deliveredAt: Date.now() - 50_000, receipt: { id: 'hr-before', number: 'H-1', kind: 'repair' } });
      msw.use(http.get('/api/help-requests/hr-before', () => HttpResponse.error()));
      const provider = await fixture<BmProvider>(html`<bm-provider base-url="/api" .getToken=${() => DEMO_RESIDENT_TOKEN}>
        <bm-help-button shared inline open building="1栋" room="大堂" outbox-name=${outboxName} .now=${() => clock}></bm-help-button>
        <bm-help-button inline open outbox-name=${outboxName} .now=${() => clock}></bm-help-button>
      </bm-provider>`);
      const [shared, own] = [...provider.querySelectorAll('bm-help-button')] as BmHelpButton[];
      // The button of the same device that is not shared has read the stored request by now.
      await waitUntil(() => qa(own!, '[part~=entry]').length === 1, 'the stored request is read');
      await shared!.updateComplete;
      expect(q(shared!, '[part~=form]'), 'the form, not an empty list of requests').to.exist;
      expect(q(shared!, '[part~=requests]')).to.equal(null);
    });
    it('on a shared device, each person starts from an empty form and sees only their own requests', async () => {
      const provider = await fixture<BmProvider>(html`<bm-provider base-url="/api" .getToken=${() => DEMO_RESIDENT_TOKEN}>
        <bm-help-button shared inline building="1栋" room="大堂" outbox-name=${outboxName} .now=${() => clock}></bm-help-button>
      </bm-provider>`);
      const el = provider.querySelector('bm-help-button') as BmHelpButton;
      await openDialog(el);
      const first = oneEvent(el, 'bm-help-queued');
      await send(el, `第一位 ${run}`);
      await first;
      await waitUntil(() => qa(el, '[part~=entry]').length === 1);
      el.hide();
      await waitUntil(() => !dialog(el).open);

      // The next person: the form again, the place kept, nobody's phone or request.
      await openDialog(el);
      expect(q(el, '[part~=form]'), 'a new form, not the last person’s requests').to.exist;
      expect(q<HTMLInputElement>(el, '[name=phone]')!.value).to.equal('');
      expect(q<HTMLInputElement>(el, '[name=building]')!.value).to.equal('1栋');
      expect(q<HTMLInputElement>(el, '[name=room]')!.value).to.equal('大堂');
      const second = oneEvent(el, 'bm-help-queued');
      await send(el, `第二位 ${run}`);
      await second;
      await waitUntil(() => q(el, '[part~=requests]'));
      expect(qa(el, '[part~=entry]'), 'only this person’s request').to.have.length(1);
      expect(q(el, '[part~=requests]')!.textContent).not.to.contain('13812345678');
    });
  });

  describe('sending', () => {
    it('says queued only once stored, delivered only on the 2xx, then counts down to the 5-minute reply', async () => {
      const { el } = await mount({ compound: COMPOUND });
      await openDialog(el);
      const description = `楼道灯不亮 ${run}`;
      const queued = oneEvent(el, 'bm-help-queued');
      const delivered = oneEvent(el, 'bm-help-delivered');
      await send(el, description);
      const q1 = await queued;
      const stored = await indexedDbStorage().all(outboxName);
      expect(stored.map((r) => r.id), 'the entry is in IndexedDB when "queued" is announced').to.include(q1.detail.entryId);
      expect(q1.detail.kind).to.equal('repair');

      const { detail } = await delivered;
      expect(created(description)).to.have.length(1);
      expect(detail.request.number).to.equal(created(description)[0]!.number);
      await el.updateComplete;
      expect(entryState(el)).to.equal('已送达物业服务中心');
      expect(q(el, '[part~=number]')!.textContent).to.contain(detail.request.number);
      // In words (分, 秒): "5:00" would read as a time of day.
      expect(q(el, '[part~=countdown]')!.textContent!.trim()).to.equal('应在 5 分 00 秒内回复');
      expect(q(el, '[part~=countdown]')!.getAttribute('role')).to.equal('timer');
      await expectAccessible(el);

      clock += 61_000;
      await waitUntil(() => q(el, '[part~=countdown]')!.textContent!.includes('3 分 59 秒'), 'the countdown ticks', { timeout: 3000 });
      clock += 5 * 60_000;
      await waitUntil(() => q(el, '[part~=countdown]')?.hasAttribute('data-overdue'), 'an unanswered request shows overdue', { timeout: 3000 });
      expect(q(el, '[part~=countdown]')!.textContent!.trim()).to.equal('回复已超时 1 分 01 秒');
      expect(q(el, '[part~=entry]')!.textContent).to.contain('2026年3月11日 10:00');

      // Only a receipt stays on the device: no phone, no description.
      const after = JSON.stringify(await indexedDbStorage().all(outboxName));
      expect(after).to.contain(detail.request.number);
      expect(after).not.to.contain('13812345678');
      expect(after).not.to.contain(description);
    });

    it('follows the request while open: acknowledged, then a referral with a tel: link; stops when closed for good', async function (this: MochaContext) {
      this.timeout(20_000);
      const { el } = await mount();
      await openDialog(el);
      const delivered = oneEvent(el, 'bm-help-delivered');
      await send(el, `噪音 ${run}`, 'complaint');
      const { detail } = await delivered;
      const id = detail.request.id;

      const acknowledged = oneEvent(el, 'bm-help-acknowledged');
      await staff.help.acknowledge(id);
      expect((await acknowledged).detail.request.status).to.equal('acknowledged');
      await waitUntil(() => q(el, '[part~=request-status]')?.textContent?.includes('已受理'));

      await staff.help.refer(id, { to: { 'zh-CN': '城市管理热线', en: 'City hotline' }, phone: '12345' });
      await waitUntil(() => q(el, '[part~=referral]'), 'the referral shows', { timeout: 5000 });
      expect(q(el, '[part~=referral]')!.textContent).to.contain('城市管理热线');
      expect(q<HTMLAnchorElement>(el, '[part~=referral] a')!.getAttribute('href')).to.equal('tel:12345');
      expect(q(el, '[part~=countdown]'), 'a referral stops the reply clock').to.equal(null);
      await expectAccessible(el);

      await staff.help.resolve(id);
      await waitUntil(() => q(el, '[part~=request-status]')?.textContent?.includes('已办结'), 'resolved', { timeout: 5000 });
      let polls = 0;
      const count = ({ request }: { request: Request }) => {
        if (request.method === 'GET' && new URL(request.url).pathname === `/api/help-requests/${id}`) polls++;
      };
      msw.worker.events.on('request:start', count);
      await new Promise((r) => setTimeout(r, 2500));
      msw.worker.events.removeListener('request:start', count);
      expect(polls, 'no polling once the request is closed').to.equal(0);
    });

    it('says why a delivered request’s progress cannot be looked up, instead of looking it up for ever, and shows it once it can', async () => {
      // A request delivered before a reload (by the device's clock, which keeps receipts a day); its receipt only is on the device.
      const request = backend.state.helpRequests.find((r) => r.householdId === 'h-2-0601' && r.status !== 'resolved')!;
      await indexedDbStorage().put(outboxName, { id: `e-${run}`, key: `key-e-${run}-0000`, createdAt: Date.now() - 60_000, attempts: 1, state: 'delivered', deliveredAt: Date.now() - 50_000, receipt: { id: request.id, number: request.number, kind: request.kind } });
      // A receipt whose kind is not one of ours (written by something else on the device): no kind is shown.
      await indexedDbStorage().put(outboxName, { id: `f-${run}`, key: `key-f-${run}-0000`, createdAt: Date.now() - 120_000, attempts: 1, state: 'delivered', deliveredAt: Date.now() - 110_000, receipt: { id: 'hr-elsewhere', number: 'H-0', kind: 'kind_<b>x</b>' } });
      let down = true;
      msw.use(http.get(`/api/help-requests/${request.id}`, () => (down ? HttpResponse.error() : undefined)));
      msw.use(http.get('/api/help-requests/hr-elsewhere', () => HttpResponse.error()));
      const { el } = await mount();
      await openDialog(el);
      await waitUntil(() => q(el, '[part~=entry]')?.textContent?.includes('网络连接失败'), 'the card says the network failed', { timeout: 5000 });
      expect(q(el, '[part~=entry]')!.textContent).not.to.contain('正在查询处理进度');
      expect(q(el, '[part~=entry] .meta span')?.textContent, 'what kind of request it was, from the receipt').to.equal(KIND_LABELS[request.kind]);
      const other = el.shadowRoot!.querySelectorAll('[part~=entry]')[1]!;
      expect(other.querySelector('.meta span')?.textContent, 'no kind from a receipt that names none of ours').to.match(/^提交于/);
      expect(other.textContent).not.to.contain('<b>');
      down = false;
      await waitUntil(() => q(el, '[part~=request-status]'), 'the next poll shows the progress', { timeout: 5000 });
      expect(q(el, '[part~=entry]')!.textContent).not.to.contain('网络连接失败');
    });

    it('offline: queued on the device, survives a reload, and is created exactly once when back online', async function (this: MochaContext) {
      this.timeout(20_000);
      backend.scenario.offline = true;
      const first = await mount({ compound: COMPOUND });
      await openDialog(first.el);
      const description = `电梯困人 ${run}`;
      const queued = oneEvent(first.el, 'bm-help-queued');
      await send(first.el, description, 'other');
      await queued;
      await waitUntil(() => entryState(first.el) === '已保存在本机，联网后自动发送', 'shown as queued after a failed attempt', { timeout: 8000 });
      expect(callHrefs(first.el, '[part~=entry]'), 'the 24-hour phone while waiting').to.deep.equal(['tel:057188886666']);
      await expectAccessible(first.el);

      // "Reload": the page's widgets go, new ones come with a new client, over the same IndexedDB.
      first.provider.remove();
      const second = await mount({ compound: COMPOUND });
      await openDialog(second.el);
      await waitUntil(() => entryState(second.el)?.startsWith('已保存') || entryState(second.el) === '正在发送…', 'the new page shows the queued request');
      const delivered = oneEvent(second.el, 'bm-help-delivered');
      backend.scenario.offline = false;
      window.dispatchEvent(new Event('online'));
      await delivered;
      await new Promise((r) => setTimeout(r, 500));
      expect(created(description)).to.have.length(1);
      await waitUntil(() => entryState(second.el) === '已送达物业服务中心');
    });

    it('announces a delivery that happens after the dialog was closed, beside the button', async function (this: MochaContext) {
      this.timeout(20_000);
      backend.scenario.offline = true;
      const { el } = await mount({ compound: COMPOUND });
      await openDialog(el);
      const queued = oneEvent(el, 'bm-help-queued');
      await send(el, `楼道漏水 ${run}`);
      await queued;
      el.hide();
      await waitUntil(() => !dialog(el).open);
      const outside = () => qa(el, '[role=status]').filter((p) => !p.closest('dialog'));
      expect(outside()).to.have.length(1);
      const delivered = oneEvent(el, 'bm-help-delivered');
      backend.scenario.offline = false;
      window.dispatchEvent(new Event('online'));
      const { detail } = await delivered;
      await waitUntil(() => outside()[0]!.textContent!.includes('已送达'), 'announced outside the closed dialog');
      expect(outside()[0]!.textContent).to.contain(detail.request.number);
      await expectAccessible(el);
    });

    it('delivers once after 5xx answers (same key on every attempt)', async function (this: MochaContext) {
      this.timeout(20_000);
      backend.scenario.failNext(500, 3, { path: '/help-requests', method: 'POST' });
      const keys: string[] = [];
      const listen = ({ request }: { request: Request }) => {
        if (request.method === 'POST' && new URL(request.url).pathname === '/api/help-requests') keys.push(request.headers.get('Idempotency-Key') ?? '');
      };
      msw.worker.events.on('request:start', listen);
      const { el } = await mount();
      await openDialog(el);
      const description = `漏水 ${run}`;
      const delivered = oneEvent(el, 'bm-help-delivered');
      await send(el, description);
      await delivered;
      msw.worker.events.removeListener('request:start', listen);
      expect(keys.length).to.be.greaterThan(3);
      expect(new Set(keys).size, 'one idempotency key for every attempt').to.equal(1);
      expect(created(description)).to.have.length(1);
    });

    it('while the server answers 503, says the request will be sent again shortly, not once the network is back', async function (this: MochaContext) {
      this.timeout(20_000);
      let down = true;
      msw.use(http.post('/api/help-requests', () => (down ? HttpResponse.json({ type: 'about:blank', title: 'Service Unavailable', status: 503 }, { status: 503 }) : undefined)));
      const { el } = await mount({ compound: COMPOUND });
      await openDialog(el);
      const description = `停电 ${run}`;
      const delivered = oneEvent(el, 'bm-help-delivered');
      await send(el, description);
      await waitUntil(() => entryState(el) === '已保存在本机，稍后自动重新发送', 'queued after the 503, to be sent again', { timeout: 8000 });
      expect(callHrefs(el, '[part~=entry]'), 'the 24-hour phone to call meanwhile').to.include('tel:057188886666');
      // A second request waits behind the first, not tried yet: it is sent again shortly too.
      q(el, '[part~=new-request]')!.click();
      await el.updateComplete;
      const second = `停电二 ${run}`;
      const queued = oneEvent(el, 'bm-help-queued');
      await send(el, second);
      await queued;
      // (Each attempt shows 正在发送… while it lasts; between attempts both wait for the server.)
      const states = () => qa(el, '[part~=entry-state]').map((p) => p.textContent!.trim());
      await waitUntil(() => states().length === 2 && states().every((s) => s === '已保存在本机，稍后自动重新发送'), `both wait for the server: ${states().join(' / ')}`, { timeout: 8000 });
      down = false;
      window.dispatchEvent(new Event('online'));
      await delivered;
      await waitUntil(() => created(second).length === 1, 'the second delivered too', { timeout: 8000 });
      expect(created(description)).to.have.length(1);
    });

    it('takes a 2xx it cannot read as delivered, without a number, and still sends the next request', async () => {
      let unreadable = 1;
      msw.use(
        http.post('/api/help-requests', () => (unreadable-- > 0 ? HttpResponse.json({ id: 'hr-x', number: 12345 }, { status: 201 }) : undefined)),
      );
      const { el } = await mount({ compound: COMPOUND });
      await openDialog(el);
      await send(el, `回执坏了 ${run}`);
      await waitUntil(() => entryState(el) === '已送达物业服务中心', 'the unreadable answer counts as delivered');
      expect(q(el, '[part~=entry]')!.textContent).to.contain('回执无法读取');
      expect(q(el, '[part~=number]')).to.equal(null);

      q<HTMLButtonElement>(el, '[part~=new-request]')!.click();
      await waitUntil(() => q(el, '[part~=form]'));
      const delivered = oneEvent(el, 'bm-help-delivered');
      await send(el, `下一条 ${run}`);
      const { detail } = await delivered;
      expect(created(`下一条 ${run}`)).to.have.length(1);
      await el.updateComplete;
      expect(qa(el, '[part~=entry-state]').map((p) => p.textContent!.trim())).to.deep.equal(['已送达物业服务中心', '已送达物业服务中心']);
      expect(q(el, '[part~=number]')!.textContent).to.contain(detail.request.number);
      await expectAccessible(el);
    });

    it('keeps a request refused with 401 (sign-in expired) queued, says it goes once signed in again, and delivers it once', async function (this: MochaContext) {
      this.timeout(20_000);
      backend.scenario.failNext(401, 2, { path: '/help-requests', method: 'POST' });
      const { el } = await mount({ compound: COMPOUND });
      let failures = 0;
      el.addEventListener('bm-help-failed', () => failures++);
      await openDialog(el);
      const description = `登录过期 ${run}`;
      const delivered = oneEvent(el, 'bm-help-delivered');
      await send(el, description);
      await waitUntil(() => entryState(el) === '已保存在本机，重新登录后自动发送', 'the entry waits for a sign-in, not for the network');
      expect(callHrefs(el, '[part~=entry]'), 'the 24-hour phone to call meanwhile').to.include('tel:057188886666');
      await delivered;
      expect(failures, 'never reported as refused').to.equal(0);
      expect(created(description)).to.have.length(1);
    });

    it('shows a refused request (4xx) as not delivered, with why and the numbers to call, and lets the resident edit it', async () => {
      backend.scenario.failNext(400, 1, { path: '/help-requests', method: 'POST' });
      const { el } = await mount({ compound: COMPOUND });
      await openDialog(el);
      const failed = oneEvent(el, 'bm-help-failed');
      await chooseKind(el, 'medical');
      q<HTMLInputElement>(el, 'input[name=wanted][value=ambulance]')!.click();
      await send(el, `被拒 ${run}`, 'medical');
      const { detail } = await failed;
      expect(detail.reason).to.equal('rejected');
      expect(detail.error.status).to.equal(400);
      await el.updateComplete;
      expect(entryState(el)).to.equal('未送达');
      expect(q(el, '[part~=failure]')!.textContent).to.contain('填写的内容有误');
      expect(callHrefs(el, '[part~=entry]')).to.deep.equal(['tel:120', 'tel:110', 'tel:119', 'tel:122', 'tel:057188886666']);
      await expectAccessible(el);

      // Still there after closing and opening again: never dropped silently.
      el.hide();
      await waitUntil(() => !dialog(el).open);
      await openDialog(el);
      expect(entryState(el)).to.equal('未送达');
      [...qa<HTMLButtonElement>(el, '[part~=entry] button')].find((b) => b.textContent!.includes('修改'))!.click();
      await waitUntil(() => q(el, '[part~=form]'));
      expect(q<HTMLInputElement>(el, 'input[name=kind][value=medical]')!.checked).to.equal(true);
      expect(q<HTMLTextAreaElement>(el, '[name=description]')!.value).to.equal(`被拒 ${run}`);
    });

    it('shows the calls at once when nothing can be stored, and still sends the request directly', async () => {
      const open = indexedDB.open;
      const setItem = Storage.prototype.setItem;
      indexedDB.open = () => {
        throw new DOMException('blocked', 'SecurityError');
      };
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      try {
        const { el } = await mount({ compound: COMPOUND });
        await openDialog(el);
        await waitUntil(() => q(el, '.panel > [part~=calls]'), 'the calls show before anything is typed');
        expect(callHrefs(el, '.panel > [part~=calls]')).to.deep.equal(['tel:120', 'tel:110', 'tel:119', 'tel:122', 'tel:057188886666']);
        await expectAccessible(el);

        const description = `无存储 ${run}`;
        const delivered = oneEvent(el, 'bm-help-delivered');
        await send(el, description);
        await delivered;
        expect(created(description)).to.have.length(1);
        await el.updateComplete;
        expect(entryState(el)).to.equal('已送达物业服务中心');
      } finally {
        indexedDB.open = open;
        Storage.prototype.setItem = setItem;
      }
    });
  });

  describe('the IndexedDB storage', () => {
    it('keeps records per outbox name, overwrites by id and deletes', async () => {
      const s = indexedDbStorage();
      const a = `idb-a-${run}`;
      const b = `idb-b-${run}`;
      await s.put(a, { id: '1', v: 1 });
      await s.put(a, { id: '2', v: 2 });
      await s.put(a, { id: '1', v: 3 });
      await s.put(b, { id: '1', v: 4 });
      await s.delete(a, '2');
      expect(await s.all(a)).to.deep.equal([{ id: '1', v: 3 }]);
      expect(await s.all(b)).to.deep.equal([{ id: '1', v: 4 }]);
    });

    it('opens the database again when another tab asks to upgrade it, instead of failing every write', async () => {
      const name = `idb-upgrade-${run}`;
      const s = indexedDbStorage(name);
      await s.put('help', { id: '1' });
      // Another tab opens a newer version: ours is asked to close (versionchange) and must let go.
      const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name, 2);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
        req.onblocked = () => reject(new Error('blocked: the first connection did not close'));
      });
      upgraded.close();
      await s.put('help', { id: '2' });
      expect((await s.all('help')).map((r) => r.id)).to.deep.equal(['1', '2']);
      indexedDB.deleteDatabase(name);
    });
  });
});
