import { endpoints, type EndpointId } from '@bianmin/sdk/contract';
import { answer, expectError, expectSuccess, fail, isRecord, sameJson, skip } from '../assert.js';
import { remember, undo, type Ctx } from '../context.js';
import { recordsOf } from '../fixtures.js';
import { label, type Call, type Caller, type Exchange } from '../http.js';
import {
  MARK,
  activeAgreement,
  agreementChangeBody,
  bookingBody,
  checkoutBody,
  helpBody,
  householdPool,
  idOf,
  lendableItem,
  ownHousehold,
  plainService,
  timeZoneOf,
  type IdempotentId,
} from '../inputs.js';

// Idempotency keys (contract: same key and body → the stored answer; same key, another body →
// 422 idempotency_mismatch; while the first is still being processed → 409 idempotency_in_flight).
// Every idempotent endpoint of the table gets the three checks.

interface Case {
  as: Caller;
  params?: Record<string, string>;
  /** The body, varied by `v` so two variants differ. */
  body(v: string): unknown;
  writes?: 'booking' | 'loan' | 'help';
}

/** One case per idempotent endpoint (typed: a new idempotent endpoint does not compile without one); a string is why it cannot run. */
const CASES: { [K in IdempotentId]: (ctx: Ctx) => Case | string } = {
  'bookings.create': (ctx) => {
    const item = plainService(ctx.fx);
    if (!item) return 'no service in the catalog to book';
    const own = ctx.http.has('resident') ? ownHousehold(ctx.fx) : undefined;
    const h = own ?? (ctx.http.has('staff') ? householdPool(ctx.fx)[0] : undefined);
    if (!h) return 'needs --resident-token or --staff-token';
    return { as: own ? 'resident' : 'staff', body: (v) => bookingBody(item, h, undefined, `${MARK} ${v}`, timeZoneOf(ctx.fx)), writes: 'booking' };
  },
  'agreements.change': (ctx) => {
    for (const as of ['resident', 'staff'] as const) {
      const a = ctx.http.has(as) ? activeAgreement(recordsOf(ctx.fx, 'agreements.list', as)) : undefined;
      if (a) return { as, params: { agreementId: a.id }, body: (v) => agreementChangeBody(ctx.fx, a.noticeDays, as === 'staff' ? 'office' : 'resident', `${MARK} ${v}`, a.hours) };
    }
    return 'no active agreement visible to the tokens given';
  },
  'loans.checkout': (ctx) => {
    if (!ctx.http.has('staff')) return 'needs --staff-token';
    const item = lendableItem(ctx.fx);
    const h = householdPool(ctx.fx)[0];
    if (!item || !h) return 'no returnable item in the cabinet, or no household seen';
    return { as: 'staff', body: (v) => checkoutBody(item, h, 1, `${MARK} ${v}`), writes: 'loan' };
  },
  'help.create': (ctx) => {
    const own = ctx.http.has('resident') ? ownHousehold(ctx.fx) : undefined;
    const h = own ?? (ctx.http.has('staff') ? householdPool(ctx.fx)[0] : undefined);
    if (!h) return 'needs --resident-token or --staff-token';
    return { as: own ? 'resident' : 'staff', body: (v) => helpBody(h, `${MARK} ${v}`), writes: 'help' };
  },
};

const isIdempotent = (id: EndpointId): id is IdempotentId => (endpoints[id] as { idempotent?: boolean }).idempotent === true;
const codeOf = (ex: Exchange): unknown => (isRecord(ex.json) ? ex.json.code : undefined);

export async function idempotencyChecks(ctx: Ctx): Promise<void> {
  for (const id of (Object.keys(endpoints) as EndpointId[]).filter(isIdempotent)) {
    const c = CASES[id](ctx);
    const ep = endpoints[id];
    const send = async (call: Omit<Call, 'endpoint' | 'as'>): Promise<Exchange> => {
      if (typeof c === 'string') return skip(c);
      const ex = await ctx.send({ endpoint: id, as: c.as, params: c.params, ...call });
      if (c.writes) remember(ctx, c.writes, ex);
      return ex;
    };
    const key = ctx.key();
    let first: Exchange | undefined;

    await ctx.check({ id: `idempotency.replay:${id}`, group: 'idempotency', title: `${label(id)}: same key and body replay the answer`, endpoint: id }, async () => {
      if (typeof c === 'string') return skip(c);
      const ex = await send({ body: c.body('a'), idempotencyKey: key });
      expectSuccess(ex, id);
      first = ex;
      const again = await send({ body: c.body('a'), idempotencyKey: key });
      if (again.status !== ex.status) fail(`the first answer was ${ex.status}, the replay ${answer(again)}`);
      if (!sameJson(again.json, ex.json)) {
        const a = idOf(ex.json);
        const b = idOf(again.json);
        fail(a && b && a !== b ? `the replay wrote a second record (${a}, then ${b})` : 'the replay answered another body');
      }
      return `${ex.status} twice, the same body`;
    });

    await ctx.check({ id: `idempotency.mismatch:${id}`, group: 'idempotency', title: `${label(id)}: same key, another body: 422 idempotency_mismatch`, endpoint: id }, async () => {
      if (typeof c === 'string') return skip(c);
      if (!first) return skip('needs a first request that succeeded (see the replay check)');
      expectError(await send({ body: c.body('b'), idempotencyKey: key }), 422, 'idempotency_mismatch');
    });

    await undo(ctx);

    // Two requests with one new key at once. A server slow enough shows the in-flight 409; a fast
    // one has finished the first before the second arrives and replays it. Both conform; two
    // records do not. A third request afterwards must replay the one that was written.
    await ctx.check({ id: `idempotency.in-flight:${id}`, group: 'idempotency', title: `${label(id)}: concurrent requests with one key: 409 idempotency_in_flight or a replay, never two writes`, endpoint: id }, async () => {
      if (typeof c === 'string') return skip(c);
      const k = ctx.key();
      const both = await Promise.all([send({ body: c.body('c'), idempotencyKey: k }), send({ body: c.body('c'), idempotencyKey: k })]);
      const ok = both.filter((ex) => ex.status === ep.status);
      const busy = both.filter((ex) => ex.status === 409 && codeOf(ex) === 'idempotency_in_flight');
      const written = ok[0];
      if (!written || ok.length + busy.length !== 2) return fail(`expected ${ep.status} and 409 idempotency_in_flight, or ${ep.status} twice, got ${both.map(answer).join(' and ')}`);
      expectSuccess(written, id);
      if (ok.length === 2 && !sameJson(ok[0]?.json, ok[1]?.json)) fail(`both requests wrote a record (${idOf(ok[0]?.json)}, ${idOf(ok[1]?.json)})`);
      const third = await send({ body: c.body('c'), idempotencyKey: k });
      if (third.status !== written.status || !sameJson(third.json, written.json)) fail(`afterwards the key answered ${answer(third)}, not the stored ${written.status}`);
      return busy.length ? `observed: ${ep.status} and 409 idempotency_in_flight, then a replay` : `no in-flight window observed (the server answered first): ${ep.status} twice with the same body, then a replay`;
    });

    await undo(ctx);
  }
}
