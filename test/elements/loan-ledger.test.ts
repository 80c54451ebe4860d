import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { addMinutes, createClient, filterLoans, formatDate, formatInstant, formatMoney, formatTime, localMonth, maskPhone, overdueMinutes, toEpoch, type Loan } from '@bianmin/sdk';
import { handoverSummary, zeroLossReport } from '@bianmin/sdk/rules';
import { createHandlers, createMockBackend, DEMO_HOUSEHOLD_ID, DEMO_RESIDENT_TOKEN, DEMO_STAFF_TOKEN, type MockBackend } from '@bianmin/mock';
import '../../packages/elements/src/define/provider.js';
import '../../packages/elements/src/define/loan-ledger.js';
import type { BmLoanLedger } from '../../packages/elements/src/loan-ledger/loan-ledger.js';
import type { BmProvider } from '../../packages/elements/src/provider/provider.js';
import * as stories from '../../stories/loan-ledger.stories.js';
import { expectAccessible } from './helpers/axe.js';
import { linesOf } from './helpers/lines.js';
import { useMsw } from './helpers/msw.js';

// The compound's clock, fixed: Wednesday 11 March 2026, 10:00 in Shanghai (the day shift). The cabinet's
// fixtures are placed relative to it: out are a trolley (lent an hour ago, 3栋0502), an umbrella (3 hours
// ago, 2栋0601) and the tool box (30 hours ago with a 24-hour loan period: 6 hours overdue, 1栋1201);
// returned are the first-aid kit, the bike kit, two ponchos and an umbrella (damaged); a roll of tape was given away.
const T0 = toEpoch('2026-03-11T10:00:00+08:00');
let clock = T0;
const now = () => new Date(clock);
const FULL_PHONE = /1[3-9]\d{9}/;

let backend: MockBackend;
const staff = createClient({ baseUrl: '/api', getToken: () => DEMO_STAFF_TOKEN, retry: 0 });

interface MountOptions {
  mode?: string;
  shift?: string;
  filter?: string;
  view?: string;
  locale?: string;
  token?: string;
}

async function mount(o: MountOptions = {}): Promise<BmLoanLedger> {
  const provider = await fixture<BmProvider>(html`<bm-provider base-url="/api" .getToken=${() => o.token ?? DEMO_STAFF_TOKEN}>
    <bm-loan-ledger
      mode=${o.mode ?? 'staff'}
      shift=${ifDefined(o.shift)}
      filter=${ifDefined(o.filter)}
      view=${o.view ?? 'ledger'}
      locale=${o.locale ?? 'zh-CN'}
      .now=${now}
    ></bm-loan-ledger>
  </bm-provider>`);
  return provider.querySelector('bm-loan-ledger')!;
}

const root = (el: BmLoanLedger) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: BmLoanLedger, sel: string) => root(el).querySelector<E & Element>(sel) as E | null;
const rows = (el: BmLoanLedger) => [...root(el).querySelectorAll<HTMLElement>('[part=row]')];
const rowIds = (el: BmLoanLedger) => rows(el).sort((a, b) => Number(a.dataset.row) - Number(b.dataset.row)).map((r) => r.dataset.loanId);
const rowOf = (el: BmLoanLedger, id: string) => root(el).querySelector<HTMLElement>(`[part=row][data-loan-id="${id}"]`);
const active = (el: BmLoanLedger) => root(el).activeElement as HTMLElement | null;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const loanOf = (itemId: string, householdId: string) => backend.state.loans.find((l) => l.itemId === itemId && l.householdId === householdId)!;
const itemOf = (id: string) => backend.state.loanItems.find((i) => i.id === id)!;
const ids = (loans: Loan[]) => loans.map((l) => l.id).sort();

/** Waits until the register shows rows, or says it is empty, and the count says everything is in. */
async function registerReady(el: BmLoanLedger) {
  await waitUntil(
    () => (rows(el).length > 0 && /^(共|\d+ in all)/.test(text($(el, '[part=count]')))) || $(el, '[part=panel] [part=empty], section [part=empty]'),
    'the register renders',
  );
}

/** Types into a dialog field the way a person would, firing `input`. */
function fill(el: BmLoanLedger, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<bm-loan-ledger>', () => {
  const msw = useMsw();
  beforeEach(() => {
    clock = T0;
    backend = createMockBackend({ now });
    msw.use(...createHandlers(backend, { baseUrl: '/api' }));
  });

  it('shows the cabinet with its rules and what is out, overdue loans marked with how late', async () => {
    const el = await mount();
    await registerReady(el);
    // The cabinet: in / total, loan period, deposit, consumable.
    const umbrella = $(el, '[part=item][data-item-id=li-umbrella]')!;
    expect(text(umbrella.querySelector('[data-stock]'))).to.contain('4 / 5');
    expect(text(umbrella)).to.contain('2 天');
    const toolbox = $(el, '[part=item][data-item-id=li-toolbox]')!;
    expect(text(toolbox)).to.contain(formatMoney(5000, 'zh-CN'));
    expect(toolbox.querySelector<HTMLButtonElement>('[part=item-lend-button]')!.disabled, 'nothing left to lend').to.equal(true);
    expect(text($(el, '[part=item][data-item-id=li-tape]'))).to.contain('消耗品，领用不还');
    expect(text($(el, '[part=item][data-item-id=li-bike-kit]'))).to.contain('只提供工具，不提供维修人员');

    // The register, by default what is out, latest lent first.
    const out = filterLoans(backend.state.loans, 'out', undefined, now()).sort((a, b) => toEpoch(b.lentAt) - toEpoch(a.lentAt));
    expect(rowIds(el)).to.deep.equal(out.map((l) => l.id));
    const overdue = loanOf('li-toolbox', 'h-1-1201');
    expect(overdueMinutes(overdue, now())).to.equal(360);
    const row = rowOf(el, overdue.id)!;
    expect(row.hasAttribute('data-overdue')).to.equal(true);
    expect(text(row.querySelector('[part=late]'))).to.equal('逾期 6 小时');
    expect(rowOf(el, loanOf('li-umbrella', DEMO_HOUSEHOLD_ID).id)!.hasAttribute('data-overdue')).to.equal(false);
    // Phones in the list are masked.
    expect(text(row)).to.contain(maskPhone(overdue.borrower.phone));
    expect(FULL_PHONE.test(root(el).textContent ?? '')).to.equal(false);
    // The shift on duty at 10:00 is the day shift.
    expect($<HTMLSelectElement>(el, '#shift')!.value).to.equal('day');
    await expectAccessible(el);
  });

  it('says how late in days and hours as the clock moves on', async () => {
    clock = T0 + 45 * 3_600_000; // the tool box is now 51 hours overdue, the trolley 42
    const el = await mount({ filter: 'overdue' });
    await registerReady(el);
    const toolbox = loanOf('li-toolbox', 'h-1-1201');
    const trolley = loanOf('li-trolley', 'h-3-0502');
    expect(rowIds(el).sort()).to.deep.equal([toolbox.id, trolley.id].sort());
    expect(text(rowOf(el, toolbox.id)!.querySelector('[part=late]'))).to.equal('逾期 2 天 3 小时');
    expect(text(rowOf(el, trolley.id)!.querySelector('[part=late]'))).to.equal('逾期 1 天 18 小时');
    // 07:00 on Friday: still the night shift.
    expect(el.currentShift).to.equal('night');
    expect($<HTMLSelectElement>(el, '#shift')!.value).to.equal('night');
  });

  it('lends an item with the keyboard only: dialog, fields, due time prefilled from the item, one event', async () => {
    const el = await mount({ shift: 'night' });
    await registerReady(el);
    const lend = $<HTMLButtonElement>(el, '#lend-li-umbrella')!;
    lend.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = $<HTMLDialogElement>(el, '#checkout-dialog')!;
    await waitUntil(() => dialog.open && active(el)?.id === 'co-building', 'the dialog opens on its first field');
    // The due time is the umbrella's 48 hours from now, in Shanghai time.
    expect($<HTMLInputElement>(el, '#co-due')!.value).to.equal('2026-03-13 10:00');
    expect(text(dialog)).to.contain('经办班次：夜班（保安班长）');
    await expectAccessible(el);

    await sendKeys({ type: '2栋' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '0601' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '黄俊杰' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '13958007612' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('co-item');
    expect($<HTMLSelectElement>(el, '#co-item')!.value).to.equal('li-umbrella');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('co-quantity');
    await sendKeys({ press: 'ArrowUp' }); // 1 → 2
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('co-due');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '下雨，借两把' });
    await sendKeys({ press: 'Tab' });
    expect(text(active(el))).to.equal('确认借出');
    const event = oneEvent(el, 'bm-loan-checked-out');
    await sendKeys({ press: 'Enter' });
    const { detail } = await event;

    expect(detail.loan.quantity).to.equal(2);
    expect(detail.loan.household).to.deep.equal({ building: '2栋', room: '0601' });
    expect(detail.loan.borrower).to.deep.equal({ name: '黄俊杰', phone: '13958007612' });
    expect(detail.loan.dueAt).to.equal(formatInstant(addMinutes(T0, 48 * 60)));
    expect(detail.loan.lentBy.shift).to.equal('night');
    expect(detail.loan.note).to.equal('下雨，借两把');
    const stored = backend.state.loans.find((l) => l.id === detail.loan.id)!;
    expect(stored.status).to.equal('out');
    expect(itemOf('li-umbrella').available).to.equal(2);
    // The dialog closes, focus goes back to where it came from, the register and the stock follow.
    await waitUntil(() => !dialog.open && active(el) === lend, 'focus returns to the lend button');
    await waitUntil(() => rowOf(el, detail.loan.id) !== null, 'the new loan is listed');
    await waitUntil(() => text($(el, '[part=item][data-item-id=li-umbrella] [data-stock]')).includes('2 / 5'), 'the stock refreshes');
  });

  it('checks a loan in with the keyboard only, with its condition and the shift', async () => {
    const el = await mount();
    await registerReady(el);
    const umbrella = loanOf('li-umbrella', DEMO_HOUSEHOLD_ID);
    // From the search box: Search, then the four sortable column headers, then the register.
    $<HTMLInputElement>(el, '#search')!.focus();
    for (let i = 0; i < 6; i++) await sendKeys({ press: 'Tab' });
    expect(active(el)?.closest('[part=row]')?.getAttribute('data-row')).to.equal('0');
    const targetRow = rowIds(el).indexOf(umbrella.id);
    for (let i = 0; i < targetRow; i++) await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    await waitUntil(() => active(el)?.getAttribute('part') === 'check-in-button', 'the check-in button of the row has focus');
    expect(active(el)!.closest('[part=row]')!.getAttribute('data-loan-id')).to.equal(umbrella.id);
    await sendKeys({ press: 'Enter' });
    const dialog = $<HTMLDialogElement>(el, '#return-dialog')!;
    await waitUntil(() => dialog.open && (active(el) as HTMLInputElement | null)?.value === 'good', 'the dialog opens on the condition');
    await expectAccessible(el);
    await sendKeys({ press: 'ArrowRight' }); // good → damaged
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '伞面划破' });
    await sendKeys({ press: 'Tab' });
    expect(text(active(el))).to.equal('确认归还');
    const event = oneEvent(el, 'bm-loan-returned');
    await sendKeys({ press: 'Enter' });
    const { detail } = await event;
    expect(detail.loan.id).to.equal(umbrella.id);
    expect(detail.loan.status).to.equal('returned');
    expect(detail.loan.condition).to.equal('damaged');
    expect(detail.loan.returnedTo?.shift).to.equal('day');
    expect(loanOf('li-umbrella', DEMO_HOUSEHOLD_ID).note).to.equal('伞面划破');
    expect(itemOf('li-umbrella').available).to.equal(5);
    // No longer out: it leaves the "out" list; focus stays in the register.
    await waitUntil(() => !dialog.open && rowOf(el, umbrella.id) === null);
    await waitUntil(() => active(el)?.closest('[part=viewport]') !== null, 'focus stays in the register');
  });

  it('says on return that the cashier refunds the deposit, or settles it for an item back damaged or lost', async () => {
    const el = await mount();
    await registerReady(el);
    const trolley = loanOf('li-trolley', 'h-3-0502');
    expect(trolley.deposit).to.equal(5000);
    rowOf(el, trolley.id)!.querySelector<HTMLButtonElement>('[part=check-in-button]')!.click();
    const dialog = $<HTMLDialogElement>(el, '#return-dialog')!;
    await waitUntil(() => dialog.open);
    const notes = () => text($(el, '#return-dialog .notes'));
    expect(notes()).to.contain(`押金 ${formatMoney(5000, 'zh-CN')} 由收银处退还。`);
    $<HTMLInputElement>(el, '#return-dialog input[value=damaged]')!.click();
    await el.updateComplete;
    expect(notes()).to.contain(`押金 ${formatMoney(5000, 'zh-CN')} 由收银处按物品情况结算。`);
    // An item lent without a deposit says nothing of one.
    dialog.close();
    const umbrella = loanOf('li-umbrella', DEMO_HOUSEHOLD_ID);
    await waitUntil(() => !dialog.open);
    rowOf(el, umbrella.id)!.querySelector<HTMLButtonElement>('[part=check-in-button]')!.click();
    await waitUntil(() => dialog.open);
    expect(notes()).not.to.contain('押金');
  });

  it('shows a 409 out-of-stock plainly, keeps what was typed and refreshes the stock', async () => {
    const el = await mount();
    await registerReady(el);
    $<HTMLButtonElement>(el, '#lend-li-umbrella')!.click();
    const dialog = $<HTMLDialogElement>(el, '#checkout-dialog')!;
    await waitUntil(() => dialog.open);
    fill(el, 'co-building', '2栋');
    fill(el, 'co-room', '1102');
    fill(el, 'co-name', '林雅婷');
    fill(el, 'co-phone', '13675817740');
    fill(el, 'co-quantity', '4'); // all four in the cabinet, as the widget last saw it
    await el.updateComplete;
    // Meanwhile the other desk lends three.
    await staff.loans.checkout({
      itemId: 'li-umbrella',
      quantity: 3,
      household: { building: '1栋', room: '0302' },
      borrower: { name: '陈建国', phone: '13905718821' },
      shift: 'day',
    });
    const before = backend.state.loans.length;
    $<HTMLButtonElement>(el, '#checkout-dialog button[type=submit]')!.click();
    await waitUntil(() => $(el, '#co-message'), 'the refusal is shown');
    expect(text($(el, '#co-message'))).to.contain('柜里的“雨伞”不够了：现在只有 1 件');
    expect(backend.state.loans.length, 'nothing was lent').to.equal(before);
    expect(itemOf('li-umbrella').available).to.equal(1);
    // The dialog stays open with everything typed.
    expect(dialog.open).to.equal(true);
    expect($<HTMLInputElement>(el, '#co-building')!.value).to.equal('2栋');
    expect($<HTMLInputElement>(el, '#co-room')!.value).to.equal('1102');
    expect($<HTMLInputElement>(el, '#co-name')!.value).to.equal('林雅婷');
    expect($<HTMLInputElement>(el, '#co-phone')!.value).to.equal('13675817740');
    expect($<HTMLInputElement>(el, '#co-quantity')!.value).to.equal('4');
    expect($<HTMLInputElement>(el, '#co-quantity')!.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#co-available'))).to.contain('1');
    expect(text($(el, '[part=item][data-item-id=li-umbrella] [data-stock]'))).to.contain('1 / 5');
    await expectAccessible(el);

    // One umbrella then goes through: a new intent, so a new idempotency key.
    fill(el, 'co-quantity', '1');
    const event = oneEvent(el, 'bm-loan-checked-out');
    $<HTMLButtonElement>(el, '#checkout-dialog button[type=submit]')!.click();
    const { detail } = await event;
    expect(detail.loan.quantity).to.equal(1);
    expect(itemOf('li-umbrella').available).to.equal(0);
  });

  it('refuses locally what the cabinet cannot give and what is malformed, naming each field', async () => {
    const el = await mount();
    await registerReady(el);
    $<HTMLButtonElement>(el, '#lend-li-trolley')!.click();
    await waitUntil(() => $<HTMLDialogElement>(el, '#checkout-dialog')!.open);
    // The deposit is the trolley's for each one lent.
    const notes = () => text($(el, '#checkout-dialog .notes'));
    expect(notes()).to.contain(`需交押金 ${formatMoney(5000, 'zh-CN')}，`);
    fill(el, 'co-phone', '12345');
    fill(el, 'co-quantity', '2'); // one trolley is in
    await el.updateComplete;
    expect(notes()).to.contain(`需交押金 ${formatMoney(10000, 'zh-CN')}，`);
    fill(el, 'co-due', '明天');
    const before = backend.state.loans.length;
    $<HTMLButtonElement>(el, '#checkout-dialog button[type=submit]')!.click();
    await waitUntil(() => $(el, '#co-message'));
    for (const f of ['building', 'room', 'name', 'phone', 'quantity', 'due']) {
      expect($(el, `#co-${f}`)!.getAttribute('aria-invalid'), f).to.equal('true');
      expect($(el, `#co-${f}-error`), f).to.exist;
    }
    expect(text($(el, '#co-quantity-error'))).to.contain('1 到 1');
    expect(active(el)?.id).to.equal('co-building');
    expect(backend.state.loans.length).to.equal(before);
    await expectAccessible(el);
  });

  /**
   * The check-out dialog for a poncho, filled in for 刘洋 of 1栋 0805, in a ledger whose client does
   * not retry by itself, so the person at the desk is the one who tries again.
   */
  async function ponchoForLiuYang(): Promise<BmLoanLedger> {
    const client = createClient({ baseUrl: '/api', getToken: () => DEMO_STAFF_TOKEN, retry: 0 });
    const provider = await fixture<BmProvider>(html`<bm-provider .client=${client}><bm-loan-ledger .now=${now}></bm-loan-ledger></bm-provider>`);
    const el = provider.querySelector('bm-loan-ledger')!;
    await registerReady(el);
    $<HTMLButtonElement>(el, '#lend-li-poncho')!.click();
    await waitUntil(() => $<HTMLDialogElement>(el, '#checkout-dialog')!.open);
    fill(el, 'co-building', '1栋');
    fill(el, 'co-room', '0805');
    fill(el, 'co-name', '刘洋');
    fill(el, 'co-phone', '15158023317');
    await el.updateComplete;
    return el;
  }

  it('uses one idempotency key per check-out: trying again after a lost answer does not lend twice', async () => {
    const el = await ponchoForLiuYang();
    // The write commits but its answer is lost on the way back.
    backend.scenario.dropAfterCommit(1);
    const before = backend.state.loans.length;
    $<HTMLButtonElement>(el, '#checkout-dialog button[type=submit]')!.click();
    await waitUntil(() => $(el, '#co-message'), 'the network error is shown');
    expect(text($(el, '#co-message'))).to.contain('网络连接失败');
    expect(backend.state.loans.length).to.equal(before + 1);
    expect($<HTMLDialogElement>(el, '#checkout-dialog')!.open).to.equal(true);
    const event = oneEvent(el, 'bm-loan-checked-out');
    $<HTMLButtonElement>(el, '#checkout-dialog button[type=submit]')!.click();
    const { detail } = await event;
    expect(backend.state.loans.length, 'the same loan, replayed').to.equal(before + 1);
    expect(backend.state.loans.at(-1)!.id).to.equal(detail.loan.id);
    expect(itemOf('li-poncho').available).to.equal(2);
  });

  it('keeps the key when the desk tries again after 20:00 a check-out whose answer was lost before it', async () => {
    clock = toEpoch('2026-03-11T19:59:50+08:00');
    const el = await ponchoForLiuYang();
    backend.scenario.dropAfterCommit(1);
    const before = backend.state.loans.length;
    $<HTMLButtonElement>(el, '#checkout-dialog button[type=submit]')!.click();
    await waitUntil(() => $(el, '#co-message'), 'the network error is shown');
    expect(backend.state.loans.at(-1)!.lentBy.shift).to.equal('day');
    clock = toEpoch('2026-03-11T20:00:10+08:00');
    expect(el.currentShift).to.equal('night');
    const event = oneEvent(el, 'bm-loan-checked-out');
    $<HTMLButtonElement>(el, '#checkout-dialog button[type=submit]')!.click();
    const { detail } = await event;
    expect(backend.state.loans.length, 'the same loan, replayed').to.equal(before + 1);
    expect(detail.loan.id).to.equal(backend.state.loans.at(-1)!.id);
    expect(detail.loan.lentBy.shift, 'lent on the day shift, when it was first sent').to.equal('day');
    await waitUntil(() => text($(el, '[role=status]')).length > 0);
    expect(text($(el, '[role=status]'))).to.match(/^已借给 1栋 ?0805：/);
    expect(itemOf('li-poncho').available).to.equal(2);
  });

  it('filters out / overdue / returned / all and searches by household or item', async () => {
    const el = await mount({ filter: 'all' });
    await registerReady(el);
    const all = backend.state.loans;
    expect(rowIds(el).sort()).to.deep.equal(ids(all));
    for (const f of ['returned', 'overdue', 'out'] as const) {
      $<HTMLInputElement>(el, `input[name=filter][value=${f}]`)!.click();
      const expected = ids(filterLoans(all, f, undefined, now()));
      await waitUntil(() => JSON.stringify(rowIds(el).sort()) === JSON.stringify(expected), `filter ${f}`);
      expect(el.getAttribute('filter')).to.equal(f);
    }
    $<HTMLInputElement>(el, 'input[name=filter][value=all]')!.click();
    for (const q of ['2栋', '雨伞', '1栋1201']) {
      const search = $<HTMLInputElement>(el, '#search')!;
      search.value = q;
      search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      $<HTMLButtonElement>(el, '[part=search] button[type=submit]')!.click();
      const expected = ids(filterLoans(all, 'all', q, now()));
      expect(expected.length, q).to.be.greaterThan(0);
      await waitUntil(() => JSON.stringify(rowIds(el).sort()) === JSON.stringify(expected), `search ${q}`);
    }
    const search = $<HTMLInputElement>(el, '#search')!;
    search.value = '9栋';
    $<HTMLButtonElement>(el, '[part=search] button[type=submit]')!.click();
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    $<HTMLButtonElement>(el, '[part=search] button[type=submit]')!.click();
    await waitUntil(() => $(el, '[part=empty]'), 'nothing matches');
    expect(text($(el, '[part=empty]'))).to.contain('没有符合条件的借用记录');
    await expectAccessible(el);
  });

  it('sorts by due, lent, item and household, saying so with aria-sort', async () => {
    const el = await mount({ filter: 'all' });
    await registerReady(el);
    const header = (k: string) => $(el, `[role=columnheader][data-sort=${k}]`)!;
    expect(header('lent').getAttribute('aria-sort')).to.equal('descending');
    header('due').querySelector('button')!.click();
    await el.updateComplete;
    expect(header('due').getAttribute('aria-sort')).to.equal('ascending');
    expect(header('lent').getAttribute('aria-sort')).to.equal('none');
    const withDue = backend.state.loans.filter((l) => l.dueAt).sort((a, b) => toEpoch(a.dueAt!) - toEpoch(b.dueAt!));
    const noDue = backend.state.loans.filter((l) => !l.dueAt);
    expect(rowIds(el)).to.deep.equal([...withDue, ...noDue].map((l) => l.id));
    header('due').querySelector('button')!.click();
    await el.updateComplete;
    expect(header('due').getAttribute('aria-sort')).to.equal('descending');
    expect(rowIds(el)[0]).to.equal(withDue.at(-1)!.id);
    header('household').querySelector('button')!.click();
    await el.updateComplete;
    expect(header('household').getAttribute('aria-sort')).to.equal('ascending');
    const households = rows(el)
      .sort((a, b) => Number(a.dataset.row) - Number(b.dataset.row))
      .map((r) => text(r.querySelector('.cell.household')));
    expect(households[0]).to.match(/^1栋/);
    expect(households.at(-1)).to.match(/^3栋/);
    await expectAccessible(el);
  });

  it('stays windowed with 10,000 loans: few rows in the DOM, and the last one reachable by scroll and keyboard', async function (this: MochaContext) {
    this.timeout(60_000);
    backend.seedLoans(10_000);
    const total = backend.state.loans.length;
    const el = await mount({ filter: 'all' });
    await waitUntil(() => text($(el, '[part=count]')) === `共 ${total} 条`, 'every page loads in the background', { timeout: 50_000, interval: 100 });
    expect(rows(el).length).to.be.greaterThan(0);
    expect(rows(el).length).to.be.lessThan(100);
    expect($(el, '[part=grid]')!.getAttribute('aria-rowcount')).to.equal(String(total + 1));
    const oldest = backend.state.loans.reduce((a, b) => (toEpoch(b.lentAt) < toEpoch(a.lentAt) ? b : a));
    const viewport = $(el, '[part=viewport]')!;
    viewport.scrollTop = viewport.scrollHeight;
    await waitUntil(() => rowOf(el, oldest.id) !== null, 'the last loan shows at the end');
    const last = rowOf(el, oldest.id)!;
    expect(last.getAttribute('aria-rowindex')).to.equal(String(total + 1));
    const box = last.getBoundingClientRect();
    const vp = viewport.getBoundingClientRect();
    expect(box.bottom).to.be.at.most(vp.bottom + 1);
    expect(box.top).to.be.at.least(vp.top - 1);
    expect(rows(el).length).to.be.lessThan(100);

    // The keyboard reaches both ends too.
    viewport.scrollTop = 0;
    await waitUntil(() => rows(el).some((r) => r.dataset.row === '0'));
    (viewport.querySelector('[data-row="0"] [tabindex="0"]') as HTMLElement).focus();
    await sendKeys({ press: 'Control+End' });
    await waitUntil(() => active(el)?.closest('[part=row]')?.getAttribute('data-loan-id') === oldest.id, 'Ctrl+End goes to the last loan');
    await sendKeys({ press: 'Control+Home' });
    await waitUntil(() => active(el)?.closest('[part=row]')?.getAttribute('data-row') === '0', 'Ctrl+Home goes back to the first');
    expect(rows(el).length).to.be.lessThan(100);
  });

  it('keeps the rows it has when a later page fails, and carries on from there on retry', async function (this: MochaContext) {
    this.timeout(20_000);
    backend.seedLoans(1000);
    const total = backend.state.loans.length;
    let failures = 3; // the first try and the client's two retries
    msw.use(
      http.get('/api/loans', ({ request }) => {
        if (!new URL(request.url).searchParams.has('cursor') || failures <= 0) return undefined;
        failures -= 1;
        return HttpResponse.json({ code: 'internal', message: 'down', requestId: 'req-page2' }, { status: 500 });
      }),
    );
    const el = await mount({ filter: 'all' });
    await waitUntil(() => $(el, '.more-error'), 'the failure of the second page is shown', { timeout: 10_000 });
    expect(text($(el, '.more-error'))).to.contain('req-page2');
    expect(text($(el, '[part=count]'))).to.equal('已加载 200 条');
    expect($(el, '[part=grid]')!.getAttribute('aria-busy')).to.equal('false');
    expect(rows(el).length).to.be.greaterThan(0);
    await expectAccessible(el);
    $<HTMLButtonElement>(el, '.more-error button')!.click();
    await waitUntil(() => text($(el, '[part=count]')) === `共 ${total} 条`, 'the rest loads', { timeout: 10_000 });
    expect($(el, '.more-error')).to.equal(null);
  });

  it("opened just after 20:00 with no shift chosen, shows the day shift's handover while recording the night shift", async () => {
    clock = toEpoch('2026-03-11T20:05:00+08:00');
    try {
      const el = await mount({ view: 'handover' });
      await waitUntil(() => $(el, '[part=handover]'), 'the handover loads');
      expect(el.currentShift).to.equal('night');
      expect($<HTMLSelectElement>(el, '[part=shift-select]')!.value).to.equal('night');
      expect(text($(el, '[part=handover] h3'))).to.equal('交接班：白班（管理员） → 夜班（保安班长）');
    } finally {
      clock = T0;
    }
  });

  it('sums up the handover: what is out and overdue at the change of shift, printable', async () => {
    const el = await mount({ view: 'handover', shift: 'day' });
    await waitUntil(() => $(el, '[part=handover]'), 'the handover loads');
    const expected = handoverSummary(backend.state.loans, backend.state.loanItems, { now: now(), from: 'day' });
    const sheet = $(el, '[part=handover]')!;
    expect(text(sheet.querySelector('h3'))).to.equal('交接班：白班（管理员） → 夜班（保安班长）');
    expect(text(sheet.querySelector('[data-counts]'))).to.equal(`借出中 ${expected.outCount} 条，其中逾期 ${expected.overdueCount} 条`);
    expect(expected.outCount).to.equal(3);
    const lines = [...sheet.querySelectorAll<HTMLElement>('tr[data-item-id]')].map((tr) => [
      tr.dataset.itemId,
      ...[...tr.querySelectorAll('td')].map((td) => Number(text(td))),
    ]);
    expect(lines).to.deep.equal(expected.items.map((i) => [i.itemId, i.out, i.overdue]));
    const overdueRow = sheet.querySelector(`tr[data-loan-id="${expected.overdue[0]!.id}"]`)!;
    expect(text(overdueRow)).to.contain('1栋1201');
    expect(text(overdueRow)).to.contain(maskPhone(expected.overdue[0]!.borrower.phone));
    expect(text(overdueRow)).to.contain('逾期 6 小时');
    expect(FULL_PHONE.test(sheet.textContent ?? '')).to.equal(false);
    await expectAccessible(el);
    // On paper: the sheet without the controls around it.
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle($(el, '[part=toolbar]')!).display).to.equal('none');
      expect(getComputedStyle($(el, '[part=tabs]')!).display).to.equal('none');
      expect(getComputedStyle($(el, '[part=print-button]')!.parentElement!).display).to.equal('none');
      expect(getComputedStyle(sheet).display).to.not.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('counts the month’s damaged and lost items with their cost, as the SDK’s zeroLossReport does', async () => {
    // This morning: the tool box comes back lost, the umbrella damaged (on top of the fixtures' damaged umbrella).
    await staff.loans.return(loanOf('li-toolbox', 'h-1-1201').id, { condition: 'lost', shift: 'day' });
    await staff.loans.return(loanOf('li-umbrella', DEMO_HOUSEHOLD_ID).id, { condition: 'damaged', shift: 'day', note: '伞骨弯了' });
    const el = await mount({ view: 'report' });
    await waitUntil(() => $(el, 'tr[data-total]'), 'the report loads');
    const expected = zeroLossReport(backend.state.loans, backend.state.loanItems, localMonth(now()));
    expect(expected.cost).to.equal(1500 * 2 + 9000);
    expect(text($(el, '#report-title'))).to.equal('2026年3月 零损坏、零丢失报表');
    const lines = [...root(el).querySelectorAll<HTMLElement>('tbody tr[data-item-id]')].map((tr) => ({
      itemId: tr.dataset.itemId,
      damaged: Number(text(tr.querySelector('[data-damaged]'))),
      lost: Number(text(tr.querySelector('[data-lost]'))),
      cost: text(tr.querySelector('[data-cost]')),
    }));
    expect(lines).to.deep.equal(expected.lines.map((l) => ({ itemId: l.itemId, damaged: l.damaged, lost: l.lost, cost: formatMoney(l.cost, 'zh-CN') })));
    const total = $(el, 'tr[data-total]')!;
    expect(Number(text(total.querySelector('[data-damaged]')))).to.equal(expected.damaged);
    expect(Number(text(total.querySelector('[data-lost]')))).to.equal(expected.lost);
    expect(text(total.querySelector('[data-cost]'))).to.equal(formatMoney(expected.cost, 'zh-CN'));
    await expectAccessible(el);
    // February had nothing to report.
    [...root(el).querySelectorAll<HTMLButtonElement>('[part=month-picker] button')][0]!.click();
    await waitUntil(() => $(el, '[data-zero]'));
    expect(text($(el, '[data-zero]'))).to.equal('2026年2月零损坏、零丢失。');
  });

  it('shows a resident what can be borrowed now and only their own loans, with no full phone number anywhere', async () => {
    const el = await mount({ mode: 'resident', token: DEMO_RESIDENT_TOKEN });
    await registerReady(el);
    await waitUntil(() => $(el, '[part=cabinet]'));
    const shown = [...root(el).querySelectorAll<HTMLElement>('[part=item]')].map((c) => c.dataset.itemId).sort();
    expect(shown).to.deep.equal(backend.state.loanItems.filter((i) => i.available > 0).map((i) => i.id).sort());
    expect(shown).to.not.include('li-toolbox');
    expect(text($(el, '[part=item][data-item-id=li-bike-kit]'))).to.contain('只提供工具');
    const own = backend.state.loans.filter((l) => l.householdId === DEMO_HOUSEHOLD_ID);
    expect(rowIds(el).sort()).to.deep.equal(ids(own));
    // Their own household on every row says nothing: no household column; due and status come first.
    expect([...rows(el)[0]!.querySelectorAll('[role=gridcell]')].map((c) => c.classList[1])).to.deep.equal(['item', 'due', 'status', 'lent', 'borrower']);
    expect(text($(el, 'label[for=search]'))).to.equal('按物品搜索');
    // No desk tools.
    expect($(el, '[part=tabs]')).to.equal(null);
    expect($(el, '[part=check-in-button]')).to.equal(null);
    expect($(el, '[part=lend-button]')).to.equal(null);
    // Not in the text, not in an attribute.
    expect(FULL_PHONE.test(root(el).textContent ?? '')).to.equal(false);
    expect(FULL_PHONE.test(root(el).innerHTML)).to.equal(false);
    await expectAccessible(el);
  });

  it('shows a resident on a phone what is due back and whether it is late without scrolling sideways', async () => {
    // Four days on, the umbrella lent 3 hours before T0 for 2 days is the longest kind of late: 逾期 2 天 3 小时.
    clock = T0 + 96 * 3_600_000;
    await setViewport({ width: 390, height: 844 });
    try {
      const el = await mount({ mode: 'resident', token: DEMO_RESIDENT_TOKEN });
      await registerReady(el);
      expect(text(rowOf(el, loanOf('li-umbrella', DEMO_HOUSEHOLD_ID).id)!.querySelector('[part=late]'))).to.equal('逾期 2 天 3 小时');
      const edge = $(el, '.grid-scroll')!.getBoundingClientRect().right;
      for (const row of rows(el)) {
        for (const col of ['item', 'due', 'status']) {
          const cell = row.querySelector(`[role=gridcell].${col}`)!;
          expect(cell.getBoundingClientRect().right, `${col} of ${row.dataset.loanId}`).to.be.at.most(edge);
        }
        // The status in at most the two lines the row holds.
        const status = row.querySelector<HTMLElement>('[role=gridcell].status')!;
        expect(linesOf(status), `the status of ${row.dataset.loanId}, “${text(status)}”`).to.be.within(1, 2);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('keeps headings, counts, buttons, households and times on one line on a phone, scrolling a table sideways instead', async () => {
    await setViewport({ width: 390, height: 844 });
    try {
      const el = await mount();
      await registerReady(el);
      // The page itself stays the phone's width: only the tables scroll (their visually hidden
      // texts, "操作", once widened the page to 889 px and slid the help button off screen).
      expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(390);
      const cabinet = $(el, '[part=cabinet]')!;
      const whole = [...cabinet.querySelectorAll<HTMLElement>('thead th, td.num, [part=item-lend-button]')];
      expect(whole.length).to.be.greaterThan(backend.state.loanItems.length * 3);
      for (const node of whole) expect(linesOf(node), `“${text(node)}”`).to.be.at.most(1);

      // The handover's overdue loans: household, due time and lateness whole; the item in two lines at most.
      const handover = await mount({ view: 'handover' });
      await waitUntil(() => $(handover, '[part=handover] table[aria-labelledby=handover-overdue] tbody tr'), 'the handover renders');
      const overdueRows = [...root(handover).querySelectorAll('table[aria-labelledby=handover-overdue] tbody tr')];
      for (const row of overdueRows) {
        const [item, household, , due, late] = [...row.children];
        for (const cell of [household!, due!, late!]) expect(linesOf(cell), `“${text(cell)}”`).to.equal(1);
        expect(linesOf(item!), `“${text(item)}”`).to.be.at.most(2);
      }
      // A table that scrolls sideways can be scrolled with the keyboard (axe: scrollable-region-focusable).
      expect(document.documentElement.scrollWidth, 'the page scrolls sideways with the handover').to.be.at.most(390);
      const overdueWrap = $(handover, '.table-wrap:has(table[aria-labelledby=handover-overdue])')!;
      expect(overdueWrap.scrollWidth, 'the overdue table scrolls sideways on a phone').to.be.greaterThan(overdueWrap.clientWidth);
      await expectAccessible(handover);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('speaks English', async () => {
    const el = await mount({ locale: 'en' });
    await registerReady(el);
    const toolbox = loanOf('li-toolbox', 'h-1-1201');
    expect(text(rowOf(el, toolbox.id)!.querySelector('[part=late]'))).to.equal('Overdue 6 hours');
    expect(text($(el, '[part=item][data-item-id=li-umbrella]'))).to.contain('Umbrella');
    expect(text($(el, '#tab-handover'))).to.equal('Shift handover');
    await expectAccessible(el);
  });

  it('says in English that a consumable given away needs no return', async () => {
    const el = await mount({ locale: 'en', filter: 'all' });
    await registerReady(el);
    const given = backend.state.loans.find((l) => !l.dueAt)!;
    expect(text(rowOf(el, given.id))).to.contain('No return needed');
  });

  it('shows lend and due dates whole and keeps the check-in button inside its column, in Chinese and English', async () => {
    // December the 24th: the widest dates of the year in both languages (2026年12月24日, Dec 24, 2026).
    clock = toEpoch('2026-12-24T10:00:00+08:00');
    backend = createMockBackend({ now });
    msw.use(...createHandlers(backend, { baseUrl: '/api' }));
    for (const locale of ['zh-CN', 'en']) {
      const el = await mount({ locale });
      await registerReady(el);
      const instants = [...root(el).querySelectorAll<HTMLElement>('[part=row] .instant span')];
      expect(instants.length, locale).to.equal(rows(el).length * 4);
      for (const span of instants) expect(span.scrollWidth, `${locale}: “${text(span)}” is cut off`).to.be.at.most(span.clientWidth);
      for (const button of root(el).querySelectorAll<HTMLElement>('[part=check-in-button]')) {
        const cell = button.closest<HTMLElement>('[role=gridcell]')!;
        const inner = cell.getBoundingClientRect().right - parseFloat(getComputedStyle(cell).paddingRight);
        expect(button.getBoundingClientRect().right, `${locale}: the check-in button overflows its cell`).to.be.at.most(inner);
      }
    }
  });

  it('shows lend and due dates whole in the signage theme’s larger type, on a desk screen, a lobby screen and a phone', async () => {
    // The signage theme sets --bm-font-size to clamp(1.25rem, 2.2vmin, 3rem): 20 px on a 1280×800 desk
    // screen and on a phone, 23.76 px on a 1920×1080 lobby screen. Its dates once ellipsized to
    // "2026年12月…" in columns sized in rem for 16 px type, and from 1080 px high the date over the time
    // no longer fit the 3rem row.
    clock = toEpoch('2026-12-24T10:00:00+08:00');
    backend = createMockBackend({ now });
    msw.use(...createHandlers(backend, { baseUrl: '/api' }));
    const css = await (await fetch('/packages/elements/themes/signage.css')).text();
    const style = document.createElement('style');
    style.textContent = css.replace(/:root,\s*/g, '');
    document.head.append(style);
    try {
      for (const [width, height] of [
        [1280, 800],
        [390, 844],
        [1920, 1080],
      ] as const) {
        await setViewport({ width, height });
        for (const [mode, token] of [
          ['staff', DEMO_STAFF_TOKEN],
          ['resident', DEMO_RESIDENT_TOKEN],
        ] as const) {
          for (const locale of ['zh-CN', 'en']) {
            const provider = await fixture<BmProvider>(html`<div class="bm-theme-signage">
              <bm-provider base-url="/api" .getToken=${() => token}>
                <bm-loan-ledger mode=${mode} locale=${locale} .now=${now}></bm-loan-ledger>
              </bm-provider>
            </div>`);
            const el = provider.querySelector('bm-loan-ledger')!;
            await registerReady(el);
            const where = `${width} px, ${mode}, ${locale}`;
            expect(parseFloat(getComputedStyle(el).fontSize), `${where}: the signage type applies`).to.be.closeTo(Math.max(20, 0.022 * Math.min(width, height)), 0.1);
            const instants = [...root(el).querySelectorAll<HTMLElement>('[part=row] .instant')];
            expect(instants.length, where).to.be.greaterThan(0);
            expect(instants.length, where).to.equal(rows(el).length * 2);
            for (const instant of instants) {
              const [date, time] = [...instant.querySelectorAll<HTMLElement>('span')];
              const at = instant.getAttribute('datetime')!;
              expect(text(date), where).to.equal(formatDate(at, locale as 'zh-CN' | 'en'));
              expect(text(time), where).to.equal(formatTime(at, locale as 'zh-CN' | 'en'));
              for (const span of [date!, time!]) {
                expect(span.scrollWidth, `${where}: “${text(span)}” is cut off`).to.be.at.most(span.clientWidth);
              }
              // Date over time, both inside the row's fixed height.
              const row = instant.closest<HTMLElement>('[part=row]')!.getBoundingClientRect();
              const box = instant.getBoundingClientRect();
              expect(box.top, `${where}: “${text(instant)}” sticks out of its row`).to.be.at.least(row.top - 0.5);
              expect(box.bottom, `${where}: “${text(instant)}” sticks out of its row`).to.be.at.most(row.bottom + 0.5);
            }
          }
        }
      }
    } finally {
      style.remove();
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('explains a wrong mode, shift, filter or view instead of showing a blank box', async () => {
    for (const [attrs, says] of [
      [{ mode: 'admin' }, 'mode="admin"'],
      [{ shift: 'noon' }, 'shift="noon"'],
      [{ filter: 'lost' }, 'filter="lost"'],
      [{ view: 'stats' }, 'view="stats"'],
    ] as const) {
      const el = await mount(attrs);
      const alert = $(el, '[role=alert]');
      expect(text(alert), says).to.contain(says);
      await expectAccessible(el);
    }
  });

  describe('stories', () => {
    type StoryLike = { args?: object; parameters?: { msw?: { handlers?: { api?: Parameters<typeof msw.use> } } }; decorators?: ((story: () => unknown, ctx: unknown) => unknown)[]; beforeEach?: (ctx: unknown) => unknown };
    const meta = stories.default as unknown as StoryLike & { render: (args: object) => unknown };
    for (const [name, story] of Object.entries(stories) as [string, StoryLike][]) {
      if (name === 'default') continue;
      it(`renders the ${name} story accessibly`, async function (this: MochaContext) {
        this.timeout(30_000);
        const handlers = story.parameters?.msw?.handlers?.api ?? meta.parameters?.msw?.handlers?.api ?? [];
        msw.use(...handlers);
        await story.beforeEach?.({});
        const args = { ...meta.args, ...story.args };
        let view: unknown = meta.render(args);
        for (const d of story.decorators ?? []) {
          const inner = view;
          view = d(() => inner, {});
        }
        const host = await fixture<HTMLElement>(html`<div>${view}</div>`);
        const el = host.querySelector('bm-loan-ledger')!;
        await waitUntil(
          () => $(el, '[part=row], [part=empty], [part=error], [part=loading], [part=handover], tr[data-total], [data-zero]'),
          'the story settles',
          { timeout: 20_000 },
        );
        if (name === 'Dark') {
          await waitUntil(() => getComputedStyle(el).getPropertyValue('--bm-color-surface').trim() === '#121816', 'the dark theme applies');
        }
        await expectAccessible(el);
      });
    }
  });
});
