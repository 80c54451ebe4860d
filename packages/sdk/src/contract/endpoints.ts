import * as z from 'zod/mini';
import { Agreement, AgreementChange, AgreementChangeInput } from '../schema/agreement.js';
import {
  Availability,
  AvailabilityQuery,
  Booking,
  BookingInput,
  BookingListQuery,
  BookingStatus,
  CancelInput,
  FeedbackInput,
  Quote,
  QuoteInput,
} from '../schema/booking.js';
import { Compound, PriceList, PriceListSummary, PriceListTransitionInput } from '../schema/catalog.js';
import { Fen, Id, Month, page, type ErrorCode } from '../schema/common.js';
import { FeeBoard, FeeBoardQuery } from '../schema/fee-board.js';
import { HelpListQuery, HelpReplyInput, HelpRequest, HelpRequestInput, Referral } from '../schema/help.js';
import { Household } from '../schema/household.js';
import { CheckoutInput, HandoverSummary, Loan, LoanItem, LoanListQuery, ReturnInput, Shift, ZeroLossReport } from '../schema/loan.js';
import { Statement, StatementQuery } from '../schema/statement.js';

/**
 * One operation of the HTTP contract. The client, the mock backend and the OpenAPI document are
 * all built from this table, so they cannot drift apart. Who may call each one and the errors it
 * adds are in `access` (contract/access.ts), which only servers and the generator need: a browser
 * app does not ship them.
 */
export interface Endpoint {
  readonly method: 'GET' | 'POST';
  /** Relative to the API base URL; `{name}` marks a path parameter. */
  readonly path: string;
  readonly params?: z.ZodMiniObject;
  readonly query?: z.ZodMiniObject;
  readonly body?: z.ZodMiniType;
  readonly response: z.ZodMiniType;
  readonly status: 200 | 201;
  /** Accepts an `Idempotency-Key` header: same key and body → same response. */
  readonly idempotent?: boolean;
}

const empty = z.object({});

/** The path parameter a path template names: `'/bookings/{bookingId}'` → `'bookingId'`. */
type PathParam<P extends string> = P extends `${string}{${infer K}}${string}` ? K : never;
/** What an operation has beyond its method, path and response (status 200 unless it says 201). */
interface Extra {
  readonly query?: z.ZodMiniObject;
  readonly body?: z.ZodMiniType;
  readonly status?: 201;
  readonly idempotent?: true;
}
type Operation<M extends Endpoint['method'], P extends string, R extends z.ZodMiniType, X extends Extra> = {
  readonly method: M;
  readonly path: P;
  readonly response: R;
  readonly status: X extends { status: 201 } ? 201 : 200;
} & ([PathParam<P>] extends [never] ? unknown : { readonly params: z.ZodMiniObject<{ [K in PathParam<P>]: typeof Id }, z.core.$strip> }) &
  Omit<X, 'status'>;

/**
 * One operation of the table: its path parameter (an `Id`) is the one its path names, and its status
 * is 200 unless `extra` says 201.
 */
const operation =
  <M extends Endpoint['method']>(method: M) =>
  <const P extends string, const R extends z.ZodMiniType, const X extends Extra = {}>(path: P, response: R, extra?: X): Operation<M, P, R, X> => {
    const param = /\{(\w+)\}/.exec(path)?.[1];
    return { method, path, ...(param && { params: z.object({ [param]: Id }) }), response, status: 200, ...extra } as unknown as Operation<M, P, R, X>;
  };
const get = operation('GET');
const post = operation('POST');

export const Me = z.object({
  role: z.enum(['resident', 'staff']),
  household: z.optional(Household),
  staffId: z.optional(Id),
});
export type Me = z.infer<typeof Me>;

export const BookingStatusInput = z.object({
  to: BookingStatus,
  note: z.optional(z.string().check(z.maxLength(500))),
  /** With `to: 'quoted'` (and only then, required): the price quoted after the inspection, in fen. */
  price: z.optional(Fen),
  /** With `to: 'completed'` for labour plus materials (and only then, required): what the materials cost, in fen. */
  materials: z.optional(Fen),
});
export type BookingStatusInput = z.infer<typeof BookingStatusInput>;

/** `from`: the shift handing over; by default the one handing over at the change of shift nearest now (`handoverFrom`). */
export const HandoverQuery = z.object({ from: z.optional(Shift) });
export const ReportQuery = z.object({ month: z.optional(Month) });

export const BookingPage = page(Booking);
export const LoanPage = page(Loan);
export const HelpRequestPage = page(HelpRequest);

export const endpoints = {
  'session.me': get('/me', Me),
  'compound.get': get('/compound', Compound),
  'catalog.current': get('/catalog', PriceList),
  'priceLists.list': get('/price-lists', z.array(PriceListSummary)),
  'priceLists.get': get('/price-lists/{priceListId}', PriceList),
  'priceLists.transition': post('/price-lists/{priceListId}/transitions', PriceList, { body: PriceListTransitionInput }),
  'services.availability': get('/services/{serviceId}/availability', Availability, { query: AvailabilityQuery }),
  'services.quote': post('/services/{serviceId}/quote', Quote, { body: QuoteInput }),
  'bookings.create': post('/bookings', Booking, { body: BookingInput, status: 201, idempotent: true }),
  'bookings.list': get('/bookings', BookingPage, { query: BookingListQuery }),
  'bookings.get': get('/bookings/{bookingId}', Booking),
  'bookings.cancel': post('/bookings/{bookingId}/cancel', Booking, { body: CancelInput }),
  'bookings.feedback': post('/bookings/{bookingId}/feedback', Booking, { body: FeedbackInput }),
  'bookings.transition': post('/bookings/{bookingId}/status', Booking, { body: BookingStatusInput }),
  'agreements.list': get('/agreements', z.array(Agreement)),
  'agreements.get': get('/agreements/{agreementId}', Agreement),
  'agreements.change': post('/agreements/{agreementId}/changes', AgreementChange, { body: AgreementChangeInput, status: 201, idempotent: true }),
  'statements.list': get('/statements', z.array(Statement), { query: StatementQuery }),
  'statements.get': get('/statements/{statementId}', Statement),
  'loanItems.list': get('/loan-items', z.array(LoanItem)),
  'loans.checkout': post('/loans', Loan, { body: CheckoutInput, status: 201, idempotent: true }),
  'loans.return': post('/loans/{loanId}/return', Loan, { body: ReturnInput }),
  'loans.list': get('/loans', LoanPage, { query: LoanListQuery }),
  'loans.handover': get('/loans/handover', HandoverSummary, { query: HandoverQuery }),
  'loans.report': get('/loans/report', ZeroLossReport, { query: ReportQuery }),
  'help.create': post('/help-requests', HelpRequest, { body: HelpRequestInput, status: 201, idempotent: true }),
  'help.list': get('/help-requests', HelpRequestPage, { query: HelpListQuery }),
  'help.get': get('/help-requests/{helpRequestId}', HelpRequest),
  'help.acknowledge': post('/help-requests/{helpRequestId}/acknowledge', HelpRequest, { body: empty }),
  'help.reply': post('/help-requests/{helpRequestId}/reply', HelpRequest, { body: HelpReplyInput }),
  'help.refer': post('/help-requests/{helpRequestId}/refer', HelpRequest, { body: Referral }),
  'help.resolve': post('/help-requests/{helpRequestId}/resolve', HelpRequest, { body: empty }),
  'feeBoard.get': get('/fee-board', FeeBoard, { query: FeeBoardQuery }),
} as const satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;
export type EndpointId = keyof Endpoints;

/** Error codes any operation can answer with. */
export const COMMON_ERRORS = ['validation_failed', 'unauthorized', 'forbidden', 'not_found', 'rate_limited', 'internal', 'unavailable'] as const satisfies readonly ErrorCode[];

/** The HTTP status each error code is sent with. */
export const ERROR_STATUS: { readonly [C in ErrorCode]: number } = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  slot_taken: 409,
  slot_unavailable: 409,
  quota_exceeded: 409,
  out_of_stock: 409,
  invalid_transition: 409,
  cancellation_window_closed: 409,
  idempotency_in_flight: 409,
  idempotency_mismatch: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

/** The header that carries an idempotency key. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** The header that carries the request id on every response. */
export const REQUEST_ID_HEADER = 'X-Request-Id';
