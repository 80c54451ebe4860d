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
import { Id, Month, page, type ErrorCode, type Role } from '../schema/common.js';
import { FeeBoard, FeeBoardQuery } from '../schema/fee-board.js';
import { HelpListQuery, HelpReplyInput, HelpRequest, HelpRequestInput, Referral } from '../schema/help.js';
import { Household } from '../schema/household.js';
import { CheckoutInput, HandoverSummary, Loan, LoanItem, LoanListQuery, ReturnInput, Shift, ZeroLossReport } from '../schema/loan.js';
import { Statement, StatementQuery } from '../schema/statement.js';

/**
 * One operation of the HTTP contract. The client, the mock backend and the OpenAPI document are
 * all built from this table, so they cannot drift apart.
 */
export interface Endpoint {
  readonly method: 'GET' | 'POST';
  /** Relative to the API base URL; `{name}` marks a path parameter. */
  readonly path: string;
  /** Who may call it: `public` needs no token. */
  readonly roles: readonly Role[];
  readonly params?: z.ZodMiniObject;
  readonly query?: z.ZodMiniObject;
  readonly body?: z.ZodMiniType;
  readonly response: z.ZodMiniType;
  readonly status: 200 | 201;
  /** Accepts an `Idempotency-Key` header: same key and body → same response. */
  readonly idempotent?: boolean;
  /** Error codes this operation can answer with, beyond the common ones. */
  readonly errors: readonly ErrorCode[];
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
});
export type BookingStatusInput = z.infer<typeof BookingStatusInput>;

export const HandoverQuery = z.object({ from: z.optional(Shift) });
export const ReportQuery = z.object({ month: z.optional(Month) });

export const BookingPage = page(Booking);
export const LoanPage = page(Loan);
export const HelpRequestPage = page(HelpRequest);

export const endpoints = {
  'session.me': {
    method: 'GET', path: '/me',
    roles: ['resident', 'staff'], response: Me, status: 200, errors: [],
  },
  'compound.get': {
    method: 'GET', path: '/compound',
    roles: ['public', 'resident', 'staff'], response: Compound, status: 200, errors: [],
  },
  'catalog.current': {
    method: 'GET', path: '/catalog',
    roles: ['public', 'resident', 'staff'], response: PriceList, status: 200, errors: [],
  },
  'priceLists.list': {
    method: 'GET', path: '/price-lists',
    roles: ['staff'], response: z.array(PriceListSummary), status: 200, errors: [],
  },
  'priceLists.get': {
    method: 'GET', path: '/price-lists/{priceListId}',
    roles: ['staff'], params: byId('priceListId'), response: PriceList, status: 200, errors: [],
  },
  'priceLists.transition': {
    method: 'POST', path: '/price-lists/{priceListId}/transitions',
    roles: ['staff'], params: byId('priceListId'), body: PriceListTransitionInput, response: PriceList, status: 200,
    errors: ['invalid_transition'],
  },
  'services.availability': {
    method: 'GET', path: '/services/{serviceId}/availability',
    roles: ['public', 'resident', 'staff'], params: byId('serviceId'), query: AvailabilityQuery, response: Availability,
    status: 200, errors: [],
  },
  'services.quote': {
    method: 'POST', path: '/services/{serviceId}/quote',
    roles: ['public', 'resident', 'staff'], params: byId('serviceId'), body: QuoteInput, response: Quote, status: 200, errors: [],
  },
  'bookings.create': {
    method: 'POST', path: '/bookings',
    roles: ['resident', 'staff'], body: BookingInput, response: Booking, status: 201, idempotent: true,
    errors: ['slot_taken', 'slot_unavailable', 'quota_exceeded', 'idempotency_in_flight', 'idempotency_mismatch'],
  },
  'bookings.list': {
    method: 'GET', path: '/bookings',
    roles: ['resident', 'staff'], query: BookingListQuery, response: BookingPage, status: 200, errors: [],
  },
  'bookings.get': {
    method: 'GET', path: '/bookings/{bookingId}',
    roles: ['resident', 'staff'], params: byId('bookingId'), response: Booking, status: 200, errors: [],
  },
  'bookings.cancel': {
    method: 'POST', path: '/bookings/{bookingId}/cancel',
    roles: ['resident', 'staff'], params: byId('bookingId'), body: CancelInput, response: Booking, status: 200,
    errors: ['cancellation_window_closed', 'invalid_transition'],
  },
  'bookings.feedback': {
    method: 'POST', path: '/bookings/{bookingId}/feedback',
    roles: ['resident'], params: byId('bookingId'), body: FeedbackInput, response: Booking, status: 200,
    errors: ['invalid_transition'],
  },
  'bookings.transition': {
    method: 'POST', path: '/bookings/{bookingId}/status',
    roles: ['staff'], params: byId('bookingId'), body: BookingStatusInput, response: Booking, status: 200,
    errors: ['invalid_transition'],
  },
  'agreements.list': {
    method: 'GET', path: '/agreements',
    roles: ['resident', 'staff'], response: z.array(Agreement), status: 200, errors: [],
  },
  'agreements.get': {
    method: 'GET', path: '/agreements/{agreementId}',
    roles: ['resident', 'staff'], params: byId('agreementId'), response: Agreement, status: 200, errors: [],
  },
  'agreements.change': {
    method: 'POST', path: '/agreements/{agreementId}/changes',
    roles: ['resident', 'staff'], params: byId('agreementId'), body: AgreementChangeInput, response: AgreementChange,
    status: 201, idempotent: true, errors: ['invalid_transition', 'idempotency_in_flight', 'idempotency_mismatch'],
  },
  'statements.list': {
    method: 'GET', path: '/statements',
    roles: ['resident', 'staff'], query: StatementQuery, response: z.array(Statement), status: 200, errors: [],
  },
  'statements.get': {
    method: 'GET', path: '/statements/{statementId}',
    roles: ['resident', 'staff'], params: byId('statementId'), response: Statement, status: 200, errors: [],
  },
  'loanItems.list': {
    method: 'GET', path: '/loan-items',
    roles: ['public', 'resident', 'staff'], response: z.array(LoanItem), status: 200, errors: [],
  },
  'loans.checkout': {
    method: 'POST', path: '/loans',
    roles: ['staff'], body: CheckoutInput, response: Loan, status: 201, idempotent: true,
    errors: ['out_of_stock', 'idempotency_in_flight', 'idempotency_mismatch'],
  },
  'loans.return': {
    method: 'POST', path: '/loans/{loanId}/return',
    roles: ['staff'], params: byId('loanId'), body: ReturnInput, response: Loan, status: 200, errors: ['invalid_transition'],
  },
  'loans.list': {
    method: 'GET', path: '/loans',
    roles: ['resident', 'staff'], query: LoanListQuery, response: LoanPage, status: 200, errors: [],
  },
  'loans.handover': {
    method: 'GET', path: '/loans/handover',
    roles: ['staff'], query: HandoverQuery, response: HandoverSummary, status: 200, errors: [],
  },
  'loans.report': {
    method: 'GET', path: '/loans/report',
    roles: ['staff'], query: ReportQuery, response: ZeroLossReport, status: 200, errors: [],
  },
  'help.create': {
    method: 'POST', path: '/help-requests',
    roles: ['resident', 'staff'], body: HelpRequestInput, response: HelpRequest, status: 201, idempotent: true,
    errors: ['idempotency_in_flight', 'idempotency_mismatch'],
  },
  'help.list': {
    method: 'GET', path: '/help-requests',
    roles: ['resident', 'staff'], query: HelpListQuery, response: HelpRequestPage, status: 200, errors: [],
  },
  'help.get': {
    method: 'GET', path: '/help-requests/{helpRequestId}',
    roles: ['resident', 'staff'], params: byId('helpRequestId'), response: HelpRequest, status: 200, errors: [],
  },
  'help.acknowledge': {
    method: 'POST', path: '/help-requests/{helpRequestId}/acknowledge',
    roles: ['staff'], params: byId('helpRequestId'), body: empty, response: HelpRequest, status: 200, errors: ['invalid_transition'],
  },
  'help.reply': {
    method: 'POST', path: '/help-requests/{helpRequestId}/reply',
    roles: ['staff'], params: byId('helpRequestId'), body: HelpReplyInput, response: HelpRequest, status: 200,
    errors: ['invalid_transition'],
  },
  'help.refer': {
    method: 'POST', path: '/help-requests/{helpRequestId}/refer',
    roles: ['staff'], params: byId('helpRequestId'), body: Referral, response: HelpRequest, status: 200, errors: ['invalid_transition'],
  },
  'help.resolve': {
    method: 'POST', path: '/help-requests/{helpRequestId}/resolve',
    roles: ['staff'], params: byId('helpRequestId'), body: empty, response: HelpRequest, status: 200, errors: ['invalid_transition'],
  },
  'feeBoard.get': {
    method: 'GET', path: '/fee-board',
    roles: ['public', 'resident', 'staff'], query: FeeBoardQuery, response: FeeBoard, status: 200, errors: [],
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
