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
const byId = <K extends string>(key: K) => z.object({ [key]: Id } as { [P in K]: typeof Id });

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
  'session.me': {
    method: 'GET', path: '/me',
    response: Me, status: 200,
  },
  'compound.get': {
    method: 'GET', path: '/compound',
    response: Compound, status: 200,
  },
  'catalog.current': {
    method: 'GET', path: '/catalog',
    response: PriceList, status: 200,
  },
  'priceLists.list': {
    method: 'GET', path: '/price-lists',
    response: z.array(PriceListSummary), status: 200,
  },
  'priceLists.get': {
    method: 'GET', path: '/price-lists/{priceListId}',
    params: byId('priceListId'), response: PriceList, status: 200,
  },
  'priceLists.transition': {
    method: 'POST', path: '/price-lists/{priceListId}/transitions',
    params: byId('priceListId'), body: PriceListTransitionInput, response: PriceList, status: 200,
  },
  'services.availability': {
    method: 'GET', path: '/services/{serviceId}/availability',
    params: byId('serviceId'), query: AvailabilityQuery, response: Availability,
    status: 200,
  },
  'services.quote': {
    method: 'POST', path: '/services/{serviceId}/quote',
    params: byId('serviceId'), body: QuoteInput, response: Quote, status: 200,
  },
  'bookings.create': {
    method: 'POST', path: '/bookings',
    body: BookingInput, response: Booking, status: 201, idempotent: true,
  },
  'bookings.list': {
    method: 'GET', path: '/bookings',
    query: BookingListQuery, response: BookingPage, status: 200,
  },
  'bookings.get': {
    method: 'GET', path: '/bookings/{bookingId}',
    params: byId('bookingId'), response: Booking, status: 200,
  },
  'bookings.cancel': {
    method: 'POST', path: '/bookings/{bookingId}/cancel',
    params: byId('bookingId'), body: CancelInput, response: Booking, status: 200,
  },
  'bookings.feedback': {
    method: 'POST', path: '/bookings/{bookingId}/feedback',
    params: byId('bookingId'), body: FeedbackInput, response: Booking, status: 200,
  },
  'bookings.transition': {
    method: 'POST', path: '/bookings/{bookingId}/status',
    params: byId('bookingId'), body: BookingStatusInput, response: Booking, status: 200,
  },
  'agreements.list': {
    method: 'GET', path: '/agreements',
    response: z.array(Agreement), status: 200,
  },
  'agreements.get': {
    method: 'GET', path: '/agreements/{agreementId}',
    params: byId('agreementId'), response: Agreement, status: 200,
  },
  'agreements.change': {
    method: 'POST', path: '/agreements/{agreementId}/changes',
    params: byId('agreementId'), body: AgreementChangeInput, response: AgreementChange,
    status: 201, idempotent: true,
  },
  'statements.list': {
    method: 'GET', path: '/statements',
    query: StatementQuery, response: z.array(Statement), status: 200,
  },
  'statements.get': {
    method: 'GET', path: '/statements/{statementId}',
    params: byId('statementId'), response: Statement, status: 200,
  },
  'loanItems.list': {
    method: 'GET', path: '/loan-items',
    response: z.array(LoanItem), status: 200,
  },
  'loans.checkout': {
    method: 'POST', path: '/loans',
    body: CheckoutInput, response: Loan, status: 201, idempotent: true,
  },
  'loans.return': {
    method: 'POST', path: '/loans/{loanId}/return',
    params: byId('loanId'), body: ReturnInput, response: Loan, status: 200,
  },
  'loans.list': {
    method: 'GET', path: '/loans',
    query: LoanListQuery, response: LoanPage, status: 200,
  },
  'loans.handover': {
    method: 'GET', path: '/loans/handover',
    query: HandoverQuery, response: HandoverSummary, status: 200,
  },
  'loans.report': {
    method: 'GET', path: '/loans/report',
    query: ReportQuery, response: ZeroLossReport, status: 200,
  },
  'help.create': {
    method: 'POST', path: '/help-requests',
    body: HelpRequestInput, response: HelpRequest, status: 201, idempotent: true,
  },
  'help.list': {
    method: 'GET', path: '/help-requests',
    query: HelpListQuery, response: HelpRequestPage, status: 200,
  },
  'help.get': {
    method: 'GET', path: '/help-requests/{helpRequestId}',
    params: byId('helpRequestId'), response: HelpRequest, status: 200,
  },
  'help.acknowledge': {
    method: 'POST', path: '/help-requests/{helpRequestId}/acknowledge',
    params: byId('helpRequestId'), body: empty, response: HelpRequest, status: 200,
  },
  'help.reply': {
    method: 'POST', path: '/help-requests/{helpRequestId}/reply',
    params: byId('helpRequestId'), body: HelpReplyInput, response: HelpRequest, status: 200,
  },
  'help.refer': {
    method: 'POST', path: '/help-requests/{helpRequestId}/refer',
    params: byId('helpRequestId'), body: Referral, response: HelpRequest, status: 200,
  },
  'help.resolve': {
    method: 'POST', path: '/help-requests/{helpRequestId}/resolve',
    params: byId('helpRequestId'), body: empty, response: HelpRequest, status: 200,
  },
  'feeBoard.get': {
    method: 'GET', path: '/fee-board',
    query: FeeBoardQuery, response: FeeBoard, status: 200,
  },
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
