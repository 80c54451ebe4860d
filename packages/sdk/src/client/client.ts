import type { EndpointId } from '../contract/endpoints.js';
import { ResponseShapeError } from './errors.js';
import { createCall, type Body, type Call, type ClientOptions, type Output, type Query, type RequestOptions } from './http.js';

type Opts = RequestOptions;
type Paged = 'bookings.list' | 'loans.list' | 'help.list';
type Item<K extends Paged> = Output<K>['items'][number];

/**
 * A client of the Bianmin API. Every method validates its input before sending (`ValidationError`),
 * validates the response (`ResponseShapeError`), and throws the SDK's errors (see `errors.ts`).
 *
 * ```ts
 * const client = createClient({ baseUrl: '/api', getToken: () => session.token, locale: 'zh-CN' });
 * const booking = await client.bookings.create(input); // retry-safe: an idempotency key is generated
 * for await (const loan of client.loans.listAll({ filter: 'overdue' })) render(loan);
 * ```
 */
export function createClient(options: ClientOptions) {
  const call: Call = createCall(options);

  /** Yields every item of a cursor-paginated list, fetching page after page. */
  async function* listAll<K extends Paged>(id: K, query: Query<K> | undefined, opts?: Opts): AsyncGenerator<Item<K>, void, undefined> {
    let q = query;
    for (;;) {
      const page = (await call(id, { query: q } as { query: Query<K> }, opts)) as Output<Paged>;
      for (const item of page.items) yield item as Item<K>;
      const next = page.nextCursor;
      if (next === null) return;
      const current = (q as { cursor?: string } | undefined)?.cursor;
      if (next === current) {
        throw new ResponseShapeError(id, [{ path: ['nextCursor'], message: 'repeats the cursor of the page it came with' }], 200);
      }
      q = { ...(q as object), cursor: next } as Query<K>;
    }
  }

  return {
    /** The generic form of every method: `call('bookings.get', { params: { bookingId } })`. */
    call,
    session: {
      /** Who the token belongs to, with the household for prefilling forms. */
      me: (opts?: Opts) => call('session.me', {}, opts),
    },
    compound: {
      /** The compound's name, 24-hour service phone and buildings (public). */
      get: (opts?: Opts) => call('compound.get', {}, opts),
    },
    catalog: {
      /** The approved, published price list in force now (public). */
      current: (opts?: Opts) => call('catalog.current', {}, opts),
    },
    priceLists: {
      /** Every version of the price list (staff). */
      list: (opts?: Opts) => call('priceLists.list', {}, opts),
      /** One version of the price list, whatever its status (staff). */
      get: (priceListId: string, opts?: Opts) => call('priceLists.get', { params: { priceListId } }, opts),
      /** Submit, approve, publish or supersede a version (staff; seed 001). */
      transition: (priceListId: string, input: Body<'priceLists.transition'>, opts?: Opts) =>
        call('priceLists.transition', { params: { priceListId }, body: input }, opts),
    },
    services: {
      /** The slots of a bookable service and what is left in each. */
      availability: (serviceId: string, query?: Query<'services.availability'>, opts?: Opts) =>
        call('services.availability', { params: { serviceId }, query }, opts),
      /** The price of a service for a quantity and a time, line by line. */
      quote: (serviceId: string, input: Body<'services.quote'>, opts?: Opts) =>
        call('services.quote', { params: { serviceId }, body: input }, opts),
    },
    bookings: {
      /** Book a service. Retry-safe: an idempotency key is generated unless `opts.idempotencyKey` is given. */
      create: (input: Body<'bookings.create'>, opts?: Opts) => call('bookings.create', { body: input }, opts),
      /** One page of bookings: a household's own (resident) or all (staff). */
      list: (query?: Query<'bookings.list'>, opts?: Opts) => call('bookings.list', { query }, opts),
      /** Every booking matching `query`, following the cursors page by page. */
      listAll: (query?: Query<'bookings.list'>, opts?: Opts) => listAll('bookings.list', query, opts),
      /** One booking. */
      get: (bookingId: string, opts?: Opts) => call('bookings.get', { params: { bookingId } }, opts),
      /** Cancel a booking while its cancellation window is open. */
      cancel: (bookingId: string, input: Body<'bookings.cancel'> = {}, opts?: Opts) =>
        call('bookings.cancel', { params: { bookingId }, body: input }, opts),
      /** The follow-up (回访) on a completed booking: a rating or a complaint. */
      feedback: (bookingId: string, input: Body<'bookings.feedback'>, opts?: Opts) =>
        call('bookings.feedback', { params: { bookingId }, body: input }, opts),
      /** Move a booking on: confirm, start, complete, reject (staff). */
      transition: (bookingId: string, input: Body<'bookings.transition'>, opts?: Opts) =>
        call('bookings.transition', { params: { bookingId }, body: input }, opts),
    },
    agreements: {
      /** Long-term service agreements. */
      list: (opts?: Opts) => call('agreements.list', {}, opts),
      /** One agreement. */
      get: (agreementId: string, opts?: Opts) => call('agreements.get', { params: { agreementId } }, opts),
      /** Change times or services, or stop, with the notice rule's fee (seed 004). Retry-safe. */
      change: (agreementId: string, input: Body<'agreements.change'>, opts?: Opts) =>
        call('agreements.change', { params: { agreementId }, body: input }, opts),
    },
    statements: {
      /** Monthly statements of services on account (月结). */
      list: (query?: Query<'statements.list'>, opts?: Opts) => call('statements.list', { query }, opts),
      /** One monthly statement. */
      get: (statementId: string, opts?: Opts) => call('statements.get', { params: { statementId } }, opts),
    },
    loanItems: {
      /** The convenience cabinet: what can be borrowed and how many are in (public). */
      list: (opts?: Opts) => call('loanItems.list', {}, opts),
    },
    loans: {
      /** Lend an item from the cabinet (staff). Retry-safe. */
      checkout: (input: Body<'loans.checkout'>, opts?: Opts) => call('loans.checkout', { body: input }, opts),
      /** Take an item back, with its condition (staff). */
      return: (loanId: string, input: Body<'loans.return'>, opts?: Opts) =>
        call('loans.return', { params: { loanId }, body: input }, opts),
      /** One page of the loan register (staff) or of a household's own loans (resident). */
      list: (query?: Query<'loans.list'>, opts?: Opts) => call('loans.list', { query }, opts),
      /** Every loan matching `query`, following the cursors page by page. */
      listAll: (query?: Query<'loans.list'>, opts?: Opts) => listAll('loans.list', query, opts),
      /** What is out and overdue at the change of shift (staff). */
      handover: (query?: Query<'loans.handover'>, opts?: Opts) => call('loans.handover', { query }, opts),
      /** The monthly zero-loss report (staff). */
      report: (query?: Query<'loans.report'>, opts?: Opts) => call('loans.report', { query }, opts),
    },
    help: {
      /** Ask for help (住户求助). Retry-safe. */
      create: (input: Body<'help.create'>, opts?: Opts) => call('help.create', { body: input }, opts),
      /** One help request and where it stands. */
      get: (helpRequestId: string, opts?: Opts) => call('help.get', { params: { helpRequestId } }, opts),
      /** One page of help requests: open ones by default. */
      list: (query?: Query<'help.list'>, opts?: Opts) => call('help.list', { query }, opts),
      /** Every help request matching `query`, following the cursors page by page. */
      listAll: (query?: Query<'help.list'>, opts?: Opts) => listAll('help.list', query, opts),
      /** The desk has it (staff). */
      acknowledge: (helpRequestId: string, opts?: Opts) =>
        call('help.acknowledge', { params: { helpRequestId }, body: {} }, opts),
      /** Reply to the resident (staff). */
      reply: (helpRequestId: string, input: Body<'help.reply'>, opts?: Opts) =>
        call('help.reply', { params: { helpRequestId }, body: input }, opts),
      /** Send the resident to whoever can help: a referral, not a refusal (staff). */
      refer: (helpRequestId: string, input: Body<'help.refer'>, opts?: Opts) =>
        call('help.refer', { params: { helpRequestId }, body: input }, opts),
      /** Close a help request (staff). */
      resolve: (helpRequestId: string, opts?: Opts) => call('help.resolve', { params: { helpRequestId }, body: {} }, opts),
    },
    feeBoard: {
      /** The public price board (收费标准公示): no personal data. */
      get: (query?: Query<'feeBoard.get'>, opts?: Opts) => call('feeBoard.get', { query }, opts),
    },
  };
}

export type BianminClient = ReturnType<typeof createClient>;
