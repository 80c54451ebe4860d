import { access, endpoints, type Endpoint, type EndpointId } from '@bianmin/sdk/contract';
import { PRICE_LIST_TRANSITIONS, canTransition } from '@bianmin/sdk/rules';
import type { Booking, HelpStatus, PriceListStatus } from '@bianmin/sdk/schema';
import { expectSuccess, fail, skip } from '../assert.js';
import { availableSlots, remember, walkBooking, type Ctx } from '../context.js';
import { CALLERS, allows, broadQuery, paramsFor, recordsOf } from '../fixtures.js';
import { label, type Caller } from '../http.js';
import {
  MARK,
  SAMPLE_BODIES,
  activeAgreement,
  agreementChangeBody,
  bookingBody,
  cancellable,
  checkoutBody,
  helpBody,
  householdPool,
  lendableItem,
  ownHousehold,
  plainService,
  slotServices,
  timeZoneOf,
  type PostId,
} from '../inputs.js';

// Every endpoint answers its success status with a body of its response schema. GETs are asked
// by every caller the kit has a token for, with ids from discovery; POSTs walk a happy path over
// records the kit creates, in an order where each step leaves what the next one needs.

const need = (ctx: Ctx, as: Caller): void => {
  if (!ctx.http.has(as)) skip(`needs --${as === 'other' ? 'other-resident' : as}-token`);
};

interface Made {
  residentSlot?: Booking;
  residentPlain?: Booking;
  staffPlain?: Booking;
  completed?: Booking;
  loan?: string;
  help: string[];
}

type Happy = (ctx: Ctx, made: Made) => Promise<string>;

/** Happy paths of every POST of the table (typed: a new POST does not compile without one), in run order. */
const HAPPY: { [K in PostId]: Happy } = {
  'bookings.create': async (ctx, made) => {
    const done: string[] = [];
    const own = ownHousehold(ctx.fx);
    const plain = plainService(ctx.fx);
    if (ctx.http.has('resident') && own) {
      // A slot late enough to be cancelled again, of the first service that has one.
      for (const item of slotServices(ctx.fx)) {
        const slot = (await availableSlots(ctx, item, 'resident')).find((s) => cancellable(s, item));
        if (!slot) continue;
        const ex = await ctx.send({ endpoint: 'bookings.create', as: 'resident', body: bookingBody(item, own, slot) });
        remember(ctx, 'booking', ex);
        made.residentSlot = expectSuccess(ex, 'bookings.create');
        done.push(`a slot of ${item.id} as resident`);
        break;
      }
      if (plain) {
        const ex = await ctx.send({ endpoint: 'bookings.create', as: 'resident', body: bookingBody(plain, own, undefined, MARK, timeZoneOf(ctx.fx)) });
        remember(ctx, 'booking', ex);
        made.residentPlain = expectSuccess(ex, 'bookings.create');
        done.push(`${plain.id} as resident`);
      }
    }
    const h = householdPool(ctx.fx)[0];
    if (ctx.http.has('staff') && plain && h) {
      const ex = await ctx.send({ endpoint: 'bookings.create', as: 'staff', body: bookingBody(plain, h, undefined, MARK, timeZoneOf(ctx.fx)) });
      remember(ctx, 'booking', ex);
      made.staffPlain = expectSuccess(ex, 'bookings.create');
      done.push(`${plain.id} as staff`);
    }
    if (!done.length) skip(ctx.fx.catalog ? 'needs --resident-token or --staff-token' : 'no catalog to book from');
    return `booked ${done.join(', ')}`;
  },

  'bookings.transition': async (ctx, made) => {
    need(ctx, 'staff');
    const b = made.residentPlain ?? made.staffPlain;
    if (!b) return skip('needs a booking made by POST /bookings');
    const path = await walkBooking(ctx, b.id, b.status, 'completed');
    made.completed = b;
    return `moved a booking ${[b.status, ...path].join(' → ')}`;
  },

  'bookings.feedback': async (ctx, made) => {
    need(ctx, 'resident');
    const b = made.completed;
    if (!b || b !== made.residentPlain) return skip('needs a completed booking of the resident (POST /bookings and the staff status walk)');
    const ex = await ctx.send({ endpoint: 'bookings.feedback', as: 'resident', params: { bookingId: b.id }, body: { kind: 'rating', rating: 5, comment: MARK } });
    if (!expectSuccess(ex, 'bookings.feedback').feedback) fail('the answer has no feedback');
    return 'rated a completed booking';
  },

  'bookings.cancel': async (ctx, made) => {
    const done: string[] = [];
    for (const [as, b] of [['resident', made.residentSlot], ['staff', made.staffPlain]] as const) {
      if (!b || !ctx.http.has(as)) continue;
      const ex = await ctx.send({ endpoint: 'bookings.cancel', as, params: { bookingId: b.id }, body: { reason: MARK } });
      const got = expectSuccess(ex, 'bookings.cancel');
      if (got.status !== 'cancelled') fail(`the booking is ${got.status} after cancelling`);
      done.push(as);
    }
    if (!done.length) skip('needs a booking made by POST /bookings');
    return `cancelled as ${done.join(', ')}`;
  },

  'services.quote': async (ctx) => {
    const item = ctx.fx.catalog?.items.find((i) => i.price.kind !== 'free') ?? ctx.fx.catalog?.items[0];
    if (!item) return skip('no catalog to quote from');
    const callers = CALLERS.filter((as) => as !== 'other' && ctx.http.has(as) && allows('services.quote', as));
    for (const as of callers) expectSuccess(await ctx.send({ endpoint: 'services.quote', as, params: { serviceId: item.id }, body: {} }), 'services.quote');
    return `quoted ${item.id} as ${callers.join(', ')}`;
  },

  'agreements.change': async (ctx) => {
    const done: string[] = [];
    for (const as of ['resident', 'staff'] as const) {
      if (!ctx.http.has(as)) continue;
      const a = activeAgreement(recordsOf(ctx.fx, 'agreements.list', as));
      if (!a) continue;
      const body = agreementChangeBody(ctx.fx, a.noticeDays, as === 'resident' ? 'resident' : 'office', MARK, a.hours);
      const change = expectSuccess(await ctx.send({ endpoint: 'agreements.change', as, params: { agreementId: a.id }, body }), 'agreements.change');
      if (change.agreementId !== a.id) fail(`the change names agreement ${change.agreementId}, not ${a.id}`);
      done.push(as);
    }
    if (!done.length) skip('no active agreement visible to the tokens given');
    return `changed the times of an agreement as ${done.join(', ')}`;
  },

  'loans.checkout': async (ctx, made) => {
    need(ctx, 'staff');
    const item = lendableItem(ctx.fx);
    const h = householdPool(ctx.fx)[0];
    if (!item || !h) return skip('no returnable item in the cabinet, or no household seen');
    const ex = await ctx.send({ endpoint: 'loans.checkout', as: 'staff', body: checkoutBody(item, h) });
    remember(ctx, 'loan', ex);
    const loan = expectSuccess(ex, 'loans.checkout');
    if (loan.status !== 'out' || loan.itemId !== item.id) fail(`expected an ${item.id} loan that is out, got ${loan.itemId} ${loan.status}`);
    made.loan = loan.id;
    return `lent one ${item.id}`;
  },

  'loans.return': async (ctx, made) => {
    need(ctx, 'staff');
    if (!made.loan) return skip('needs a loan made by POST /loans');
    const loan = expectSuccess(
      await ctx.send({ endpoint: 'loans.return', as: 'staff', params: { loanId: made.loan }, body: { condition: 'good', shift: 'day' } }),
      'loans.return',
    );
    if (loan.status !== 'returned') fail(`the loan is ${loan.status} after its return`);
    ctx.created.loans.delete(made.loan);
    return 'returned it in good condition';
  },

  'help.create': async (ctx, made) => {
    const done: string[] = [];
    const plan: [Caller, ReturnType<typeof ownHousehold>][] = [
      ['resident', ownHousehold(ctx.fx)],
      ['staff', householdPool(ctx.fx)[0]],
    ];
    for (const [as, h] of plan) {
      if (!ctx.http.has(as) || !h) continue;
      const ex = await ctx.send({ endpoint: 'help.create', as, body: helpBody(h) });
      remember(ctx, 'help', ex);
      made.help.push(expectSuccess(ex, 'help.create').id);
      done.push(as);
    }
    if (!done.length) skip('needs --resident-token or --staff-token');
    return `asked for help as ${done.join(', ')}`;
  },

  // The desk's answers to the first request: acknowledged, replied, resolved; the second is referred.
  'help.acknowledge': (ctx, made) => helpStep(ctx, made.help[0], 'help.acknowledge', 'acknowledged', {}),
  'help.reply': (ctx, made) => helpStep(ctx, made.help[0], 'help.reply', 'replied', { reply: MARK }),
  'help.refer': (ctx, made) =>
    helpStep(ctx, made.help[1] ?? made.help[0], 'help.refer', 'referred', { to: { 'zh-CN': '社区服务中心', en: 'Community service centre' } }),
  'help.resolve': (ctx, made) => helpStep(ctx, made.help[0], 'help.resolve', 'resolved', {}),

  'priceLists.transition': async (ctx) => {
    need(ctx, 'staff');
    // A step nobody sees (never publishing, never superseding) that the machine lets the kit take back.
    const lists = recordsOf(ctx.fx, 'priceLists.list', 'staff');
    for (const l of lists) {
      const from = l.status as PriceListStatus;
      const back = (to: PriceListStatus): boolean => to !== 'published' && to !== 'superseded' && canTransition(PRICE_LIST_TRANSITIONS, to, from);
      const to = (PRICE_LIST_TRANSITIONS[from] ?? []).find(back);
      if (!to || typeof l.id !== 'string') continue;
      const moved = [from];
      for (const step of [to, from]) {
        const ex = await ctx.send({ endpoint: 'priceLists.transition', as: 'staff', params: { priceListId: l.id }, body: { to: step, by: 'bianmin-conformance', note: MARK } });
        const got = expectSuccess(ex, 'priceLists.transition');
        if (got.status !== step) fail(`asked for ${step}, the list is ${got.status}`);
        moved.push(step);
      }
      return `moved ${l.id} ${moved.join(' → ')}`;
    }
    return skip('no price list with a step the kit could take back without publishing anything');
  },
};

async function helpStep(ctx: Ctx, id: string | undefined, endpoint: 'help.acknowledge' | 'help.reply' | 'help.refer' | 'help.resolve', to: HelpStatus, body: object): Promise<string> {
  need(ctx, 'staff');
  if (!id) return skip('needs a help request made by POST /help-requests');
  const got = expectSuccess(await ctx.send({ endpoint, as: 'staff', params: { helpRequestId: id }, body }), endpoint);
  if (got.status !== to) fail(`expected the request to be ${to}, it is ${got.status}`);
  return `the request is ${to}`;
}

/** The run order of the happy paths: each leaves what the next one needs. */
const HAPPY_ORDER: PostId[] = [
  'services.quote',
  'bookings.create',
  'bookings.transition',
  'bookings.feedback',
  'bookings.cancel',
  'agreements.change',
  'loans.checkout',
  'loans.return',
  'help.create',
  'help.acknowledge',
  'help.reply',
  'help.refer',
  'help.resolve',
  'priceLists.transition',
];

export async function schemaChecks(ctx: Ctx): Promise<void> {
  for (const id of Object.keys(endpoints) as EndpointId[]) {
    const ep: Endpoint = endpoints[id];
    if (ep.method !== 'GET') continue;
    await ctx.check({ id: `schema:${id}`, group: 'schema', title: `${label(id)} answers ${ep.status} with its schema`, endpoint: id }, async () => {
      const callers = CALLERS.filter((as) => as !== 'other' && ctx.http.has(as) && allows(id, as));
      if (!callers.length) skip(`needs a token for ${access[id].roles.join(' or ')}`);
      const asked: string[] = [];
      const missing: string[] = [];
      for (const as of callers) {
        const params = ep.params ? paramsFor(ctx.fx, id, as) : undefined;
        if (ep.params && !params) {
          missing.push(as);
          continue;
        }
        // Discovery already asked the GETs without parameters; one it could not ask is asked again here, to report why.
        const ex = ctx.fx.samples.get(id)?.get(as) ?? (await ctx.send({ endpoint: id, as, params, query: broadQuery(id) }));
        expectSuccess(ex, id);
        asked.push(as);
      }
      if (!asked.length) skip(`no record to ask for as ${missing.join(', ')}: the lists discovery read were empty`);
      return `as ${asked.join(', ')}${missing.length ? ` (no record to ask for as ${missing.join(', ')})` : ''}`;
    });
  }
  const made: Made = { help: [] };
  const order = [...HAPPY_ORDER, ...(Object.keys(SAMPLE_BODIES) as PostId[]).filter((k) => !HAPPY_ORDER.includes(k))];
  for (const id of order) {
    const ep: Endpoint = endpoints[id];
    await ctx.check({ id: `schema:${id}`, group: 'schema', title: `${label(id)} answers ${ep.status} with its schema`, endpoint: id }, () => HAPPY[id](ctx, made));
  }
}
