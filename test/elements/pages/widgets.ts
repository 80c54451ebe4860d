/**
 * Every widget of the kit, mounted the way a host page would (createElement, attributes and
 * properties; no innerHTML, which Trusted Types forbid), then used a little: the menu searched, a
 * slot picked, the past bookings shown, the lend dialog opened, the help dialog opened on an
 * emergency. Shared by the pages built from test/elements/helpers/bundles.mjs (csp-page.ts,
 * old-engines-page.ts); their API calls are answered by the msw worker of the test page around them.
 */

export interface MountOptions {
  residentToken: string;
  staffToken: string;
  /** A service bookable online with slots. */
  serviceId: string;
  /** An IndexedDB outbox name of its own. */
  outboxName: string;
}

export interface WidgetReport {
  tag: string;
  /** The widget shows its data (not only a loading or error state). */
  rendered: boolean;
  /** The first words it shows, for failure messages. */
  text: string;
}

type Lit = HTMLElement & { updateComplete: Promise<unknown> };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function until(done: () => unknown, timeout = 8000): Promise<boolean> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > timeout) return false;
    await sleep(20);
  }
  return true;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, props: Record<string, unknown> = {}): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  Object.assign(e, props);
  return e;
}

function provider(token: string | null, ...children: HTMLElement[]): HTMLElement {
  const p = el('bm-provider', { 'base-url': '/api' }, { getToken: () => token });
  p.append(...children);
  return p;
}

const sr = (e: Element): ShadowRoot => e.shadowRoot!;
const text = (e: Element) => (e.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 160);

/** Mounts and uses every widget; resolves with what each one shows. */
export async function mountEveryWidget(o: MountOptions): Promise<WidgetReport[]> {
  const menu = el('bm-service-menu');
  const form = el('bm-booking-form', { 'service-id': o.serviceId });
  const list = el('bm-booking-list');
  const help = el('bm-help-button', { inline: '', 'outbox-name': o.outboxName, 'poll-interval': '60' });
  const ledger = el('bm-loan-ledger');
  const board = el('bm-fee-board', { layout: 'landscape' });
  board.style.width = '960px';
  board.style.height = '540px';
  document.body.append(provider(o.residentToken, menu, form, list, help), provider(o.staffToken, ledger), provider(null, board));

  const checks: [HTMLElement, () => unknown, (() => Promise<void>)?][] = [
    [menu, () => sr(menu).querySelector('li[part~=item]'), async () => {
      (menu as Lit & { query: string }).query = '维修';
      await (menu as Lit).updateComplete;
    }],
    [form, () => sr(form).querySelector('bm-slot-picker')?.shadowRoot?.querySelector('input[name=slot]:enabled'), async () => {
      sr(form).querySelector('bm-slot-picker')!.shadowRoot!.querySelector<HTMLInputElement>('input[name=slot]:enabled')!.click();
      await until(() => sr(form).querySelector('[part=quote-line]'), 3000);
    }],
    [list, () => sr(list).querySelector('[part=item]'), async () => {
      sr(list).querySelector<HTMLButtonElement>('#tab-past')?.click();
      await until(() => sr(list).querySelector('[part=item][data-status=completed]'), 3000);
    }],
    [help, () => sr(help).querySelector('[part~=trigger]'), async () => {
      (help as Lit & { show(): void }).show();
      await until(() => sr(help).querySelector('input[name=kind][value=medical]'), 3000);
      sr(help).querySelector<HTMLInputElement>('input[name=kind][value=medical]')!.click();
      await until(() => sr(help).querySelector('[part~=calls] a[href]'), 3000);
    }],
    [ledger, () => sr(ledger).querySelector('[part=row]'), async () => {
      sr(ledger).querySelector<HTMLButtonElement>('[part=lend-button]')?.click();
      await until(() => sr(ledger).querySelector<HTMLDialogElement>('#checkout-dialog')?.open, 3000);
    }],
    [board, () => sr(board).querySelector('[part=board] [data-row]')],
  ];

  const reports: WidgetReport[] = [];
  for (const [e, ready, use] of checks) {
    const rendered = await until(() => e.shadowRoot && ready());
    if (rendered && use) await use();
    await (e as Lit).updateComplete;
    reports.push({ tag: e.localName, rendered, text: text(e) });
  }
  // Let follow-up renders (prices, the compound's phone, the board's paging pass) settle.
  await sleep(200);
  return reports;
}
