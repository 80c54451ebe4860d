// Property: whatever mix of offline spells, 5xx answers, writes committed but never answered, and
// page reloads, every help request put in the outbox is created exactly once on the server and
// every entry ends delivered. Runs against the real mock HTTP server on 127.0.0.1, with one
// in-memory storage shared across "reloads" (each reload is a new outbox over the same storage).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startMockServer } from '@bianmin/mock/server';
import { DEMO_RESIDENT_TOKEN } from '@bianmin/mock';
import { createClient, type HelpRequest, type HelpRequestInput } from '@bianmin/sdk';
import { createOutbox, memoryStorage, type Outbox, type OutboxStorage } from '@bianmin/sdk/outbox';

type Server = Awaited<ReturnType<typeof startMockServer>>;
let server: Server;

beforeAll(async () => {
  server = await startMockServer({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server.close();
});

type Action =
  | { op: 'enqueue' }
  | { op: 'offline'; on: boolean }
  | { op: 'fail'; status: 0 | 500 | 502 | 503; count: number }
  | { op: 'drop'; count: number }
  | { op: 'latency'; ms: number }
  | { op: 'reload' }
  | { op: 'flush' }
  | { op: 'wait'; ms: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ op: 'enqueue' as const }) },
  fc.record({ op: fc.constant('offline' as const), on: fc.boolean() }),
  fc.record({ op: fc.constant('fail' as const), status: fc.constantFrom(0 as const, 500 as const, 502 as const, 503 as const), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('drop' as const), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('latency' as const), ms: fc.integer({ min: 0, max: 15 }) }),
  { weight: 2, arbitrary: fc.constant({ op: 'reload' as const }) },
  { weight: 2, arbitrary: fc.constant({ op: 'flush' as const }) },
  fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 20 }) }),
);

/**
 * One open page: a client, an outbox over the shared storage, and a way to close the page. A closed
 * page's requests are aborted and it writes nothing more, like a tab that is gone.
 */
function openPage(shared: OutboxStorage) {
  const abort = new AbortController();
  let closed = false;
  const storage: OutboxStorage = {
    all: (n) => shared.all(n),
    put: (n, r) => (closed ? Promise.reject(new Error('page closed')) : shared.put(n, r)),
    delete: (n, id) => (closed ? Promise.reject(new Error('page closed')) : shared.delete(n, id)),
  };
  const client = createClient({
    baseUrl: server.url,
    getToken: () => DEMO_RESIDENT_TOKEN,
    retry: { limit: 1, baseDelayMs: 1, maxDelayMs: 5 },
    timeout: 5000,
  });
  const outbox: Outbox<HelpRequestInput, HelpRequest, { id: string; number: string }> = createOutbox({
    name: 'help',
    storage,
    send: (e) => client.help.create(e.payload, { idempotencyKey: e.key, signal: abort.signal }),
    receipt: (r) => ({ id: r.id, number: r.number }),
    backoff: () => 3,
  });
  void outbox.start();
  return {
    outbox,
    close() {
      closed = true;
      outbox.stop();
      abort.abort();
    },
  };
}

const input = (tag: string): HelpRequestInput => ({
  kind: 'repair',
  location: { building: '2栋', room: '0601' },
  phone: '13812345678',
  description: tag,
});

describe('the outbox against the mock HTTP server', () => {
  it('creates every request exactly once and delivers every entry, through faults and reloads', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 14 }), async (actions) => {
        run++;
        server.backend.reset();
        const shared = memoryStorage();
        let page = openPage(shared);
        const tags: string[] = [];
        for (const a of actions) {
          switch (a.op) {
            case 'enqueue': {
              const tag = `run${run}-${tags.length}`;
              tags.push(tag);
              await page.outbox.enqueue(input(tag));
              break;
            }
            case 'offline':
              server.backend.scenario.offline = a.on;
              break;
            case 'fail':
              server.backend.scenario.failNext(a.status, a.count, { path: '/help-requests', method: 'POST' });
              break;
            case 'drop':
              server.backend.scenario.dropAfterCommit(a.count);
              break;
            case 'latency':
              server.backend.scenario.latencyMs = a.ms;
              break;
            case 'reload':
              page.close();
              page = openPage(shared);
              break;
            case 'flush':
              await page.outbox.flush();
              break;
            case 'wait':
              await new Promise((r) => setTimeout(r, a.ms));
              break;
          }
        }
        // The network heals; a last reload now and then; the page keeps flushing until all is delivered.
        server.backend.scenario.reset();
        if (actions.length % 2 === 0) {
          page.close();
          page = openPage(shared);
        }
        let entries = await page.outbox.list();
        for (let i = 0; i < 200 && entries.some((e) => e.state !== 'delivered'); i++) {
          await page.outbox.flush();
          await new Promise((r) => setTimeout(r, 2));
          entries = await page.outbox.list();
        }
        page.close();

        expect(entries.map((e) => e.state)).toEqual(tags.map(() => 'delivered'));
        const created = server.backend.state.helpRequests.filter((r) => r.description.startsWith(`run${run}-`));
        expect(created.map((r) => r.description).sort()).toEqual([...tags].sort());
        // What stays in storage carries no personal data.
        const stored = JSON.stringify(await shared.all('help'));
        expect(stored).not.toContain('13812345678');
        expect(stored).not.toContain(`run${run}-`);
        // Each delivered receipt names the request the server created for it.
        expect(entries.map((e) => e.receipt?.number).sort()).toEqual(created.map((r) => r.number).sort());
      }),
      { numRuns: 100 },
    );
  });
});
