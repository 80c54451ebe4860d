import type { BianminClient, EndpointId, FetchInit, FetchLike } from '@bianmin/sdk';

/** One request as a fake fetch saw it. */
export interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  signal: AbortSignal;
}

export type Reply = Response | (() => Response | Promise<Response>) | 'network-error';

/**
 * A fake fetch that records requests and answers from a queue (the last reply repeats). A reply of
 * 'network-error' rejects the way fetch does when the connection fails.
 */
export function fakeFetch(...replies: Reply[]): FetchLike & { seen: Seen[] } {
  const seen: Seen[] = [];
  const fn = async (url: string, init: FetchInit) => {
    seen.push({
      url,
      method: init.method,
      headers: { ...init.headers },
      body: init.body === undefined ? undefined : JSON.parse(init.body),
      signal: init.signal,
    });
    const reply = replies[Math.min(seen.length - 1, replies.length - 1)];
    if (reply === undefined) throw new Error('fakeFetch: no reply queued');
    if (reply === 'network-error') throw new TypeError('fetch failed');
    return typeof reply === 'function' ? reply() : reply.clone();
  };
  return Object.assign(fn, { seen });
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function errorBody(status: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return json({ code, message: `${code} happened`, requestId: 'req-body', ...extra }, status, { 'X-Request-Id': 'req-hdr', ...headers });
}

export const NAME = '王小明';
export const PHONE = '13912345678';
export const ROOM = '1203';

export const address = { building: '7', room: ROOM };
export const contact = { name: NAME, phone: PHONE };
export const bookingInput = { serviceId: 'clean-home', household: address, contact, settlement: 'per-visit' as const, hours: 2 };

const zh = (s: string) => ({ 'zh-CN': s });
const at = '2026-11-23T09:00:00+08:00';

export const booking = {
  id: 'bk_1',
  number: 'BM-20261123-0001',
  serviceId: 'clean-home',
  serviceName: zh('家政保洁'),
  householdId: 'hh_7_1203',
  household: address,
  contact,
  quantity: 1,
  hours: 2,
  amenities: [],
  settlement: 'per-visit',
  channel: 'online',
  quote: { currency: 'CNY', basis: 'exact', lines: [{ code: 'base', label: zh('基本'), unitAmount: 4000, quantity: 2, amount: 8000 }], total: 8000 },
  status: 'requested',
  history: [{ status: 'requested', at, by: 'resident' }],
  createdAt: at,
};

/** A price list with `n` per-unit items, for response-shape tests. */
export function priceList(n: number) {
  return {
    id: 'pl_2026',
    version: '2026.1',
    year: 2026,
    status: 'published',
    effectiveFrom: '2026-01-01T00:00:00+08:00',
    categories: [{ id: 'life', parentId: null, name: zh('生活服务'), order: 1 }],
    items: Array.from({ length: n }, (_, i) => ({
      id: `item_${i}`,
      categoryId: 'life',
      name: zh(`服务${i}`),
      keywords: [],
      audiences: ['household'],
      bookingModes: ['phone'],
      price: { kind: 'per-unit', unit: 'item', amount: 500 + i },
      order: i,
    })),
    notes: [],
    history: [],
  };
}

/** A page of bookings. */
export const bookingPage = (ids: string[], nextCursor: string | null) => ({
  items: ids.map((id) => ({ ...booking, id })),
  nextCursor,
});

/**
 * Every endpoint of the table, reached through its resource method with valid input, and the
 * method and filled path the request must have. Typed by `EndpointId`, so a new endpoint without
 * a resource method here fails to compile.
 */
export const VIA_RESOURCE: { [K in EndpointId]: { run: (c: BianminClient) => Promise<unknown>; method: string; path: string } } = {
  'session.me': { run: (c) => c.session.me(), method: 'GET', path: '/me' },
  'compound.get': { run: (c) => c.compound.get(), method: 'GET', path: '/compound' },
  'catalog.current': { run: (c) => c.catalog.current(), method: 'GET', path: '/catalog' },
  'priceLists.list': { run: (c) => c.priceLists.list(), method: 'GET', path: '/price-lists' },
  'priceLists.get': { run: (c) => c.priceLists.get('pl_2026'), method: 'GET', path: '/price-lists/pl_2026' },
  'priceLists.transition': {
    run: (c) => c.priceLists.transition('pl_2026', { to: 'submitted', by: '经理' }),
    method: 'POST',
    path: '/price-lists/pl_2026/transitions',
  },
  'services.availability': {
    run: (c) => c.services.availability('gym', { from: '2026-11-23', days: 3 }),
    method: 'GET',
    path: '/services/gym/availability?from=2026-11-23&days=3',
  },
  'services.quote': { run: (c) => c.services.quote('gym', { quantity: 2 }), method: 'POST', path: '/services/gym/quote' },
  'bookings.create': { run: (c) => c.bookings.create(bookingInput), method: 'POST', path: '/bookings' },
  'bookings.list': { run: (c) => c.bookings.list({ scope: 'upcoming' }), method: 'GET', path: '/bookings?scope=upcoming' },
  'bookings.get': { run: (c) => c.bookings.get('bk_1'), method: 'GET', path: '/bookings/bk_1' },
  'bookings.cancel': { run: (c) => c.bookings.cancel('bk_1'), method: 'POST', path: '/bookings/bk_1/cancel' },
  'bookings.feedback': {
    run: (c) => c.bookings.feedback('bk_1', { kind: 'rating', rating: 5 }),
    method: 'POST',
    path: '/bookings/bk_1/feedback',
  },
  'bookings.transition': {
    run: (c) => c.bookings.transition('bk_1', { to: 'confirmed' }),
    method: 'POST',
    path: '/bookings/bk_1/status',
  },
  'agreements.list': { run: (c) => c.agreements.list(), method: 'GET', path: '/agreements' },
  'agreements.get': { run: (c) => c.agreements.get('ag_1'), method: 'GET', path: '/agreements/ag_1' },
  'agreements.change': {
    run: (c) => c.agreements.change('ag_1', { kind: 'stop', requestedBy: 'resident', effectiveDate: '2026-12-01' }),
    method: 'POST',
    path: '/agreements/ag_1/changes',
  },
  'statements.list': { run: (c) => c.statements.list({ month: '2026-11' }), method: 'GET', path: '/statements?month=2026-11' },
  'statements.get': { run: (c) => c.statements.get('st_1'), method: 'GET', path: '/statements/st_1' },
  'loanItems.list': { run: (c) => c.loanItems.list(), method: 'GET', path: '/loan-items' },
  'loans.checkout': {
    run: (c) => c.loans.checkout({ itemId: 'umbrella', quantity: 1, household: address, borrower: contact, shift: 'day' }),
    method: 'POST',
    path: '/loans',
  },
  'loans.return': {
    run: (c) => c.loans.return('ln_1', { condition: 'good', shift: 'night' }),
    method: 'POST',
    path: '/loans/ln_1/return',
  },
  'loans.list': { run: (c) => c.loans.list({ filter: 'out', limit: 20 }), method: 'GET', path: '/loans?filter=out&limit=20' },
  'loans.handover': { run: (c) => c.loans.handover({ from: 'day' }), method: 'GET', path: '/loans/handover?from=day' },
  'loans.report': { run: (c) => c.loans.report({ month: '2026-10' }), method: 'GET', path: '/loans/report?month=2026-10' },
  'help.create': {
    run: (c) => c.help.create({ kind: 'repair', location: { building: '7' }, phone: PHONE, description: '水管漏水' }),
    method: 'POST',
    path: '/help-requests',
  },
  'help.list': { run: (c) => c.help.list({ status: 'all' }), method: 'GET', path: '/help-requests?status=all' },
  'help.get': { run: (c) => c.help.get('hr_1'), method: 'GET', path: '/help-requests/hr_1' },
  'help.acknowledge': { run: (c) => c.help.acknowledge('hr_1'), method: 'POST', path: '/help-requests/hr_1/acknowledge' },
  'help.reply': { run: (c) => c.help.reply('hr_1', { reply: '师傅十分钟到' }), method: 'POST', path: '/help-requests/hr_1/reply' },
  'help.refer': {
    run: (c) => c.help.refer('hr_1', { to: { 'zh-CN': '街道办' }, phone: '0755-8888-6666' }),
    method: 'POST',
    path: '/help-requests/hr_1/refer',
  },
  'help.resolve': { run: (c) => c.help.resolve('hr_1'), method: 'POST', path: '/help-requests/hr_1/resolve' },
  'feeBoard.get': { run: (c) => c.feeBoard.get({ free: 'false' }), method: 'GET', path: '/fee-board?free=false' },
};

/** Every string reachable from `value` through own properties (functions' own properties too). */
export function reachableStrings(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return [value];
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return [];
  seen.add(value);
  const out: string[] = [];
  for (const key of Reflect.ownKeys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (d && 'value' in d) out.push(...reachableStrings(d.value, seen));
  }
  return out;
}
