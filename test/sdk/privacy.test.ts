// Privacy of the client's log (docs/security.md: "No personal data in logs"). A whole session of
// calls against the real mock HTTP server, as a resident, as the front desk and with no token,
// including every kind of failure the client logs (4xx refusals, retried 5xx, a dead network, a
// timeout, a write whose answer is lost): no event handed to `onLog` carries a token, a full mobile
// number, a person's name or a room, and every event has only the documented fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '@bianmin/mock/server';
import { DEMO_RESIDENT_TOKEN, DEMO_STAFF_TOKEN, HOUSEHOLDS, OTHER_RESIDENT_TOKEN, STAFF } from '@bianmin/mock';
import { createClient, endpoints, type BianminClient, type BookingInput, type LogEvent } from '@bianmin/sdk';

type Server = Awaited<ReturnType<typeof startMockServer>>;
let server: Server;

beforeAll(async () => {
  server = await startMockServer({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server.close();
});

/** What a LogEvent may hold (http.ts `LogEvent`): never headers, bodies, queries or filled paths. */
const FIELDS = new Set(['type', 'endpoint', 'method', 'path', 'attempt', 'status', 'durationMs', 'delayMs', 'requestId', 'code']);

// Personal data of this session: the fixtures' people, and one made up for the writes below.
const NAME = '欧阳娜娜';
const PHONE = '13712349876';
const BUILDING = '9栋';
const ROOM = '2703';
const names = [NAME, ...HOUSEHOLDS.flatMap((h) => h.contacts.map((c) => c.name)), ...STAFF.map((s) => s.name)];
const phones = [PHONE, ...HOUSEHOLDS.flatMap((h) => h.contacts.map((c) => c.phone))];
const rooms = [ROOM, ...HOUSEHOLDS.map((h) => h.address.room)];
const tokens = [DEMO_RESIDENT_TOKEN, DEMO_STAFF_TOKEN, OTHER_RESIDENT_TOKEN];

const events: LogEvent[] = [];
/** Messages of every error thrown during the session (an app may well print them). */
const messages: string[] = [];

function client(token: string | null, options: { timeout?: number } = {}): BianminClient {
  return createClient({
    baseUrl: server.url,
    getToken: () => token,
    retry: { limit: 2, baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
    onLog: (e) => events.push(structuredClone(e)),
  });
}

/** Runs a call that must fail, keeping its error's message. */
async function fails(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    messages.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    return e;
  }
  throw new Error('expected the call to fail');
}

const strings = (e: LogEvent): string[] => Object.values(e).filter((v): v is string => typeof v === 'string');

describe('onLog across a session of calls and failures', () => {
  it('never carries a token, a full mobile number, a name or a room', async () => {
    const scenario = server.backend.scenario;
    server.backend.reset();
    scenario.reset();
    const resident = client(DEMO_RESIDENT_TOKEN);
    const staff = client(DEMO_STAFF_TOKEN);
    const anonymous = client(null);
    const other = client(OTHER_RESIDENT_TOKEN);

    // A resident uses everything a resident can.
    const me = await resident.session.me();
    const household = me.household!;
    await resident.compound.get();
    await resident.catalog.current();
    await resident.services.availability('svc-tennis', { days: 3 });
    await resident.services.quote('svc-plumbing', { quantity: 2 });
    const input: BookingInput = {
      serviceId: 'svc-plumbing',
      household: household.address,
      contact: { name: NAME, phone: PHONE },
      settlement: 'per-visit',
      notes: `${NAME} ${PHONE} ${BUILDING}${ROOM}`,
    };
    const booking = await resident.bookings.create(input);
    await resident.bookings.list({ scope: 'all' });
    for await (const b of resident.bookings.listAll({ scope: 'past', limit: 2 })) void b;
    await resident.bookings.get(booking.id);
    await resident.bookings.cancel(booking.id, { reason: `${NAME} 改天再约` });
    await resident.agreements.list();
    await resident.statements.list({});
    await resident.loanItems.list();
    await resident.loans.list({ filter: 'all' });
    const help = await resident.help.create({
      kind: 'medical',
      wanted: 'ambulance',
      location: { building: BUILDING, room: ROOM, detail: `${NAME}家门口` },
      phone: PHONE,
      name: NAME,
      description: `${NAME} 摔倒了，电话 ${PHONE}`,
    });
    await resident.help.get(help.id);
    await resident.help.list({ status: 'all' });
    await resident.feeBoard.get({});

    // The desk works the same records.
    const lent = { building: '1栋', room: '1201' };
    const loan = await staff.loans.checkout({ itemId: 'li-umbrella', quantity: 1, household: lent, borrower: { name: NAME, phone: PHONE }, shift: 'day', note: NAME });
    await staff.loans.list({ filter: 'out', q: lent.room });
    await staff.loans.return(loan.id, { condition: 'damaged', shift: 'day', note: `${NAME} 说伞骨断了` });
    await staff.loans.handover({ from: 'day' });
    await staff.loans.report({});
    await staff.help.acknowledge(help.id);
    await staff.help.reply(help.id, { reply: `已联系 ${NAME}，电话 ${PHONE}` });
    await staff.help.refer(help.id, { to: { 'zh-CN': '社区医院' }, phone: '0571-8888-1200', note: { 'zh-CN': NAME } });
    await staff.help.resolve(help.id);
    await staff.priceLists.list();

    // Refusals: no token, another household's record, no such record, a conflict, a bad input.
    await fails(anonymous.bookings.list({}));
    await fails(other.bookings.get(booking.id));
    await fails(resident.bookings.get('bk-does-not-exist'));
    await fails(resident.bookings.feedback(booking.id, { kind: 'complaint', comment: `${NAME} ${PHONE}` }));
    await fails(resident.bookings.create({ ...input, contact: { name: NAME, phone: `${PHONE}0` } }));
    await fails(staff.loans.checkout({ itemId: 'li-toolbox', quantity: 100, household: lent, borrower: { name: NAME, phone: PHONE }, shift: 'night' }));

    // Failures that are retried: 503 then success, a dropped answer after the commit.
    scenario.failNext(503, 1, { path: '/bookings', method: 'POST', retryAfter: 0 });
    await resident.bookings.create({ ...input, notes: 'retry after 503' });
    scenario.dropAfterCommit(1);
    await resident.help.create({ kind: 'repair', location: { building: BUILDING, room: ROOM }, phone: PHONE, description: `${NAME} dropped` });
    // …and those that outlast the retries: a dead network, a server error, a timeout.
    scenario.offline = true;
    await fails(resident.bookings.list({}));
    scenario.offline = false;
    scenario.failNext(500, 3, { path: '/help-requests' });
    await fails(resident.help.create({ kind: 'repair', location: { building: BUILDING, room: ROOM }, phone: PHONE, description: NAME }));
    scenario.latencyMs = 200;
    await fails(client(DEMO_RESIDENT_TOKEN, { timeout: 20 }).session.me());
    scenario.reset();

    // The session really went through every kind of event.
    const types = new Set(events.map((e) => e.type));
    expect([...types].sort()).toEqual(['error', 'request', 'response', 'retry']);
    const codes = new Set(events.filter((e) => e.type === 'error').map((e) => e.code));
    for (const code of ['unauthorized', 'forbidden', 'not_found', 'invalid_transition', 'network_error', 'internal', 'timeout']) {
      expect(codes, `an error event with code ${code}`).toContain(code);
    }
    expect(events.length).toBeGreaterThan(60);

    for (const e of events) {
      expect(Object.keys(e).filter((k) => !FIELDS.has(k)), JSON.stringify(e)).toEqual([]);
      // The path is the endpoint's template: no ids, no query string.
      expect(e.path).toBe(endpoints[e.endpoint].path);
      for (const s of strings(e)) {
        for (const t of tokens) expect(s, JSON.stringify(e)).not.toContain(t);
        expect(s, JSON.stringify(e)).not.toMatch(/Bearer/i);
        expect(s, JSON.stringify(e)).not.toMatch(/1[3-9]\d{9}/);
        for (const n of names) expect(s, JSON.stringify(e)).not.toContain(n);
        for (const r of rooms) expect(s, JSON.stringify(e)).not.toContain(r);
        expect(s).not.toContain(BUILDING);
      }
    }

    // What the thrown errors say is as clean (an app may print them).
    expect(messages.length).toBe(9);
    for (const m of messages) {
      for (const t of tokens) expect(m).not.toContain(t);
      expect(m).not.toMatch(/1[3-9]\d{9}/);
      for (const n of names) expect(m).not.toContain(n);
    }
    expect(phones.length).toBeGreaterThan(10);
  });
});
