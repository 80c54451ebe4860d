import { endpoints, type Endpoint, type EndpointId } from '../contract/endpoints.js';
import { ResponseShapeError } from './errors.js';
import { createCall, type Body, type Call, type CallArgs, type ClientOptions, type Output, type Query, type RequestOptions } from './http.js';

type Opts = RequestOptions;
type Paged = 'bookings.list' | 'loans.list' | 'help.list';
type Item<K extends Paged> = Output<K>['items'][number];
type Res<K extends EndpointId> = Promise<Output<K>>;
type All<K extends Paged> = AsyncGenerator<Item<K>, void, undefined>;

/**
 * A client of the Bianmin API: `call`, and one method per endpoint, grouped by resource. Every
 * method validates its input before sending (`ValidationError`), validates the response
 * (`ResponseShapeError`), and throws the SDK's errors (see `errors.ts`). Its arguments are, in this
 * order: the path id (when the path has one), the body or the query, and the per-call options.
 */
export interface BianminClient {
  /** The generic form of every method: `call('bookings.get', { params: { bookingId } })`. */
  call: Call;
  session: {
    /** Who the token belongs to, with the household for prefilling forms. */
    me(opts?: Opts): Res<'session.me'>;
  };
  compound: {
    /** The compound's name, 24-hour service phone and buildings (public). */
    get(opts?: Opts): Res<'compound.get'>;
  };
  catalog: {
    /** The approved, published price list in force now (public). */
    current(opts?: Opts): Res<'catalog.current'>;
  };
  priceLists: {
    /** Every version of the price list (staff). */
    list(opts?: Opts): Res<'priceLists.list'>;
    /** One version of the price list, whatever its status (staff). */
    get(priceListId: string, opts?: Opts): Res<'priceLists.get'>;
    /** Submit, approve, publish or supersede a version (staff; seed 001). */
    transition(priceListId: string, input: Body<'priceLists.transition'>, opts?: Opts): Res<'priceLists.transition'>;
  };
  services: {
    /** The slots of a bookable service and what is left in each. */
    availability(serviceId: string, query?: Query<'services.availability'>, opts?: Opts): Res<'services.availability'>;
    /** The price of a service for a quantity and a time, line by line. */
    quote(serviceId: string, input: Body<'services.quote'>, opts?: Opts): Res<'services.quote'>;
  };
  bookings: {
    /** Book a service. Retry-safe: an idempotency key is generated unless `opts.idempotencyKey` is given. */
    create(input: Body<'bookings.create'>, opts?: Opts): Res<'bookings.create'>;
    /** One page of bookings: a household's own (resident) or all (staff). */
    list(query?: Query<'bookings.list'>, opts?: Opts): Res<'bookings.list'>;
    /** Every booking matching `query`, following the cursors page by page. */
    listAll(query?: Query<'bookings.list'>, opts?: Opts): All<'bookings.list'>;
    /** One booking. */
    get(bookingId: string, opts?: Opts): Res<'bookings.get'>;
    /** Cancel a booking while its cancellation window is open. */
    cancel(bookingId: string, input?: Body<'bookings.cancel'>, opts?: Opts): Res<'bookings.cancel'>;
    /** The follow-up (回访) on a completed booking: a rating or a complaint. */
    feedback(bookingId: string, input: Body<'bookings.feedback'>, opts?: Opts): Res<'bookings.feedback'>;
    /** Move a booking on: confirm, start, complete, reject (staff). */
    transition(bookingId: string, input: Body<'bookings.transition'>, opts?: Opts): Res<'bookings.transition'>;
  };
  agreements: {
    /** Long-term service agreements. */
    list(opts?: Opts): Res<'agreements.list'>;
    /** One agreement. */
    get(agreementId: string, opts?: Opts): Res<'agreements.get'>;
    /** Change times or services, or stop, with the notice rule's fee (seed 004). Retry-safe. */
    change(agreementId: string, input: Body<'agreements.change'>, opts?: Opts): Res<'agreements.change'>;
  };
  statements: {
    /** Monthly statements of services on account (月结). */
    list(query?: Query<'statements.list'>, opts?: Opts): Res<'statements.list'>;
    /** One monthly statement. */
    get(statementId: string, opts?: Opts): Res<'statements.get'>;
  };
  loanItems: {
    /** The convenience cabinet: what can be borrowed and how many are in (public). */
    list(opts?: Opts): Res<'loanItems.list'>;
  };
  loans: {
    /** Lend an item from the cabinet (staff). Retry-safe. */
    checkout(input: Body<'loans.checkout'>, opts?: Opts): Res<'loans.checkout'>;
    /** Take an item back, with its condition (staff). */
    return(loanId: string, input: Body<'loans.return'>, opts?: Opts): Res<'loans.return'>;
    /** One page of the loan register (staff) or of a household's own loans (resident). */
    list(query?: Query<'loans.list'>, opts?: Opts): Res<'loans.list'>;
    /** Every loan matching `query`, following the cursors page by page. */
    listAll(query?: Query<'loans.list'>, opts?: Opts): All<'loans.list'>;
    /** What is out and overdue at the change of shift (staff). */
    handover(query?: Query<'loans.handover'>, opts?: Opts): Res<'loans.handover'>;
    /** The monthly zero-loss report (staff). */
    report(query?: Query<'loans.report'>, opts?: Opts): Res<'loans.report'>;
  };
  help: {
    /** Ask for help (住户求助). Retry-safe. */
    create(input: Body<'help.create'>, opts?: Opts): Res<'help.create'>;
    /** One help request and where it stands. */
    get(helpRequestId: string, opts?: Opts): Res<'help.get'>;
    /** One page of help requests: open ones by default. */
    list(query?: Query<'help.list'>, opts?: Opts): Res<'help.list'>;
    /** Every help request matching `query`, following the cursors page by page. */
    listAll(query?: Query<'help.list'>, opts?: Opts): All<'help.list'>;
    /** The desk has it (staff). */
    acknowledge(helpRequestId: string, opts?: Opts): Res<'help.acknowledge'>;
    /** Reply to the resident (staff). */
    reply(helpRequestId: string, input: Body<'help.reply'>, opts?: Opts): Res<'help.reply'>;
    /** Send the resident to whoever can help: a referral, not a refusal (staff). */
    refer(helpRequestId: string, input: Body<'help.refer'>, opts?: Opts): Res<'help.refer'>;
    /** Close a help request (staff). */
    resolve(helpRequestId: string, opts?: Opts): Res<'help.resolve'>;
  };
  feeBoard: {
    /** The public price board (收费标准公示): no personal data. */
    get(query?: Query<'feeBoard.get'>, opts?: Opts): Res<'feeBoard.get'>;
  };
}

type Method = (...args: unknown[]) => unknown;

// The interface and the table agree: one method per endpoint, named after its id, and no other
// (beyond `call` and `listAll`). Checked when the SDK compiles.
type MethodId = { [G in Exclude<keyof BianminClient, 'call'>]: `${G}.${Exclude<keyof BianminClient[G], 'listAll'> & string}` }[Exclude<keyof BianminClient, 'call'>];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type ClientCoversEveryEndpoint = Assert<Same<MethodId, EndpointId>>;

/**
 * Creates a client. The methods are built from the endpoint table, so each one sends exactly its
 * endpoint: `'bookings.cancel'` becomes `client.bookings.cancel(bookingId, input?, opts?)`. The
 * arguments follow the table: the path parameter (when the path has one), then the body (when it
 * has fields; acknowledge and resolve send an empty one) or else the query, then the options.
 * A list whose query takes a `cursor` also gets `listAll`, which follows the cursors.
 *
 * ```ts
 * const client = createClient({ baseUrl: '/api', getToken: () => session.token, locale: 'zh-CN' });
 * const booking = await client.bookings.create(input); // retry-safe: an idempotency key is generated
 * for await (const loan of client.loans.listAll({ filter: 'overdue' })) render(loan);
 * ```
 */
export function createClient(options: ClientOptions): BianminClient {
  const call = createCall(options);
  const send = call as (id: EndpointId, args: { [P in keyof CallArgs<EndpointId>]?: unknown }, opts?: Opts) => Promise<unknown>;
  const client: Record<string, Record<string, Method> | Call> = { call };

  /** Yields every item of a cursor-paginated list, fetching page after page. */
  async function* listAll(id: EndpointId, query: { cursor?: string } | undefined, opts?: Opts) {
    for (let q = query; ; ) {
      const page = (await send(id, { query: q }, opts)) as { items: unknown[]; nextCursor: string | null };
      yield* page.items;
      const next = page.nextCursor;
      if (next === null) return;
      if (next === q?.cursor) {
        throw new ResponseShapeError(id, [{ path: ['nextCursor'], message: 'repeats the cursor of the page it came with' }], 200);
      }
      q = { ...q, cursor: next };
    }
  }

  for (const id of Object.keys(endpoints) as EndpointId[]) {
    const ep: Endpoint = endpoints[id];
    const [group = '', name = ''] = id.split('.');
    const param = /\{(\w+)\}/.exec(ep.path)?.[1];
    const shape = (ep.body?._zod.def as { shape?: object } | undefined)?.shape;
    const input = ep.body ? (shape && Object.keys(shape).length === 0 ? undefined : 'body') : ep.query && 'query';
    const methods = (client[group] ??= {}) as Record<string, Method>;
    methods[name] = (...args) => {
      const a: Record<string, unknown> = {};
      if (param) a.params = { [param]: args.shift() };
      if (input) a[input] = args.shift();
      return send(id, a, args[0] as Opts);
    };
    if (ep.query && 'cursor' in ep.query._zod.def.shape) methods.listAll = (query, opts) => listAll(id, query as { cursor?: string }, opts as Opts);
  }
  return client as unknown as BianminClient;
}
