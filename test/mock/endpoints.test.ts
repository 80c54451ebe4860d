import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '@bianmin/sdk/schema';
import { endpoints, REQUEST_ID_HEADER, type EndpointId } from '@bianmin/sdk';
import { addDays, localDate, localMonth } from '@bianmin/sdk/rules';
import { DEMO_HOUSEHOLD_ID, DEMO_RESIDENT_TOKEN, DEMO_STAFF_TOKEN, createMockBackend, type MockBackend, type MockState } from '@bianmin/mock';
import { startMockServer, type RunningMockServer } from '@bianmin/mock/server';
import { bookingFor, clock, direct, endpointIds, fillPath, overHttp, staffCheckout, type Answer, type Call } from './helpers.js';

type Sample = { token?: string; params?: Record<string, string>; query?: Record<string, string | number>; body?: unknown };

const must = <T,>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`fixture lacks ${what}`);
  return value;
};
const mine = (s: MockState) => s.bookings.filter((b) => b.householdId === DEMO_HOUSEHOLD_ID);
const R = DEMO_RESIDENT_TOKEN;
const S = DEMO_STAFF_TOKEN;

/** A valid request for every endpoint of the table, built from the fixture state. Typed by the table: a new endpoint needs a sample. */
const samples: { [K in EndpointId]: (s: MockState, now: Date) => Sample } = {
  'session.me': () => ({ token: R }),
  'compound.get': () => ({}),
  'catalog.current': () => ({}),
  'priceLists.list': () => ({ token: S }),
  'priceLists.get': (s) => ({ token: S, params: { priceListId: must(s.priceLists.find((l) => l.status === 'draft'), 'a draft').id } }),
  'priceLists.transition': (s) => ({
    token: S,
    params: { priceListId: must(s.priceLists.find((l) => l.status === 'draft'), 'a draft').id },
    body: { to: 'submitted', by: '管理处经理' },
  }),
  'services.availability': () => ({ params: { serviceId: 'svc-tennis' }, query: { days: 3 } }),
  'services.quote': () => ({ params: { serviceId: 'svc-chess-room' }, body: { people: 4 } }),
  'bookings.create': () => ({ token: R, body: bookingFor('svc-dry-cleaning', { quantity: 3, settlement: 'monthly' }) }),
  'bookings.list': () => ({ token: R, query: { scope: 'upcoming', limit: 5 } }),
  'bookings.get': (s) => ({ token: R, params: { bookingId: must(mine(s)[0], 'a demo booking').id } }),
  'bookings.cancel': (s) => ({
    token: R,
    params: { bookingId: must(mine(s).find((b) => b.serviceId === 'svc-tennis' && b.status === 'confirmed'), 'a tennis booking').id },
    body: { reason: '下雨' },
  }),
  'bookings.feedback': (s) => ({
    token: R,
    params: { bookingId: must(mine(s).find((b) => b.status === 'completed' && !b.feedback), 'a completed booking').id },
    body: { kind: 'rating', rating: 5 },
  }),
  'bookings.transition': (s) => ({
    token: S,
    params: { bookingId: must(s.bookings.find((b) => b.status === 'requested'), 'a requested booking').id },
    body: { to: 'confirmed', note: '已电话确认' },
  }),
  'agreements.list': () => ({ token: R }),
  'agreements.get': () => ({ token: R, params: { agreementId: 'ag-0001' } }),
  'agreements.change': (_s, now) => ({
    token: R,
    params: { agreementId: 'ag-0001' },
    body: { kind: 'times', requestedBy: 'resident', effectiveDate: addDays(localDate(now), 5), hours: { start: '09:00', end: '12:00' } },
  }),
  'statements.list': () => ({ token: R }),
  'statements.get': (s) => {
    const b = must(mine(s).find((x) => x.status === 'completed' && x.settlement === 'monthly'), 'a monthly booking');
    return { token: R, params: { statementId: `st-${DEMO_HOUSEHOLD_ID}-${localMonth(b.slot?.start ?? b.createdAt)}` } };
  },
  'loanItems.list': () => ({}),
  'loans.checkout': () => ({ token: S, body: staffCheckout('li-umbrella') }),
  'loans.return': (s) => ({
    token: S,
    params: { loanId: must(s.loans.find((l) => l.status === 'out'), 'a loan out').id },
    body: { condition: 'good', shift: 'day' },
  }),
  'loans.list': () => ({ token: S, query: { filter: 'out', limit: 10 } }),
  'loans.handover': () => ({ token: S, query: { from: 'day' } }),
  'loans.report': (_s, now) => ({ token: S, query: { month: localMonth(now) } }),
  'help.create': () => ({
    token: R,
    body: { kind: 'repair', location: { building: '2栋', room: '0601' }, phone: '13812345678', description: '厨房灯不亮' },
  }),
  'help.list': () => ({ token: R, query: { status: 'all' } }),
  'help.get': (s) => ({ token: R, params: { helpRequestId: must(s.helpRequests.find((h) => h.householdId === DEMO_HOUSEHOLD_ID), 'a help request').id } }),
  'help.acknowledge': (s) => ({ token: S, params: { helpRequestId: must(s.helpRequests.find((h) => h.status === 'received'), 'a received request').id } }),
  'help.reply': (s) => ({
    token: S,
    params: { helpRequestId: must(s.helpRequests.find((h) => h.status === 'acknowledged'), 'an acknowledged request').id },
    body: { reply: '电工十分钟后到。' },
  }),
  'help.refer': (s) => ({
    token: S,
    params: { helpRequestId: must(s.helpRequests.find((h) => h.status === 'acknowledged'), 'an acknowledged request').id },
    body: { to: { 'zh-CN': '供电公司', en: 'Power company' }, phone: '95598' },
  }),
  'help.resolve': (s) => ({ token: S, params: { helpRequestId: must(s.helpRequests.find((h) => h.status === 'replied'), 'a replied request').id } }),
  'feeBoard.get': () => ({ query: { free: 'false' } }),
};

function callFor(id: EndpointId, backend: MockBackend): Call {
  const e = endpoints[id];
  const s = samples[id](backend.state, backend.now());
  const c: Call = { method: e.method, path: fillPath(e.path, s.params) };
  if (s.token) c.token = s.token;
  if (s.query) c.query = s.query;
  if (s.body !== undefined) c.body = s.body;
  return c;
}

function expectContract(id: EndpointId, a: Answer): void {
  const e = endpoints[id];
  const parsed = e.response.safeParse(a.body);
  expect({ status: a.status, issues: parsed.success ? [] : parsed.error.issues.slice(0, 3), body: a.status >= 400 ? a.body : undefined }).toEqual({
    status: e.status,
    issues: [],
    body: undefined,
  });
  expect(a.headers.get(REQUEST_ID_HEADER)).toMatch(/\S/);
}

const c = clock();

describe('every endpoint of the table answers a valid request with its status and response shape', () => {
  describe('through the pipeline (as msw calls it)', () => {
    const backend = createMockBackend({ now: c.now });
    const call = direct(backend);
    it.each(endpointIds)('%s', async (id) => {
      backend.reset();
      expectContract(id, await call(callFor(id, backend)));
    });
  });

  describe('over real HTTP', () => {
    let server: RunningMockServer;
    beforeAll(async () => {
      server = await startMockServer({ port: 0, backend: createMockBackend({ now: c.now }) });
    });
    afterAll(() => server.close());
    it.each(endpointIds)('%s', async (id) => {
      server.backend.reset();
      expectContract(id, await overHttp(server.url)(callFor(id, server.backend)));
    });
  });
});

describe('errors', () => {
  it('every error answer carries the contract error body and the request id header', async () => {
    const backend = createMockBackend({ now: c.now });
    const call = direct(backend);
    const answers = await Promise.all([
      call({ method: 'GET', path: '/loans' }),
      call({ method: 'GET', path: '/nowhere' }),
      call({ method: 'POST', path: '/bookings', token: R, body: {} }),
      call({ method: 'GET', path: '/price-lists', token: R }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([401, 404, 400, 403]);
    for (const a of answers) {
      expect(ErrorBody.safeParse(a.body).success).toBe(true);
      expect(a.body.requestId).toBe(a.headers.get(REQUEST_ID_HEADER));
    }
  });
});
