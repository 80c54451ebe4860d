/**
 * `@bianmin/sdk`: what a browser app ships. The schemas, the client, and the rules that widgets
 * and apps apply in the browser (prices and quotes, time in the compound's zone, cancellation
 * windows, due and overdue loans, help clocks, `tel:` links, masking, state machines).
 *
 * Other entries:
 * - `@bianmin/sdk/rules`: every rule, including those a backend applies (slot checks and
 *   availability, stock, statements, agreement fees, handover and zero-loss reports, redaction).
 * - `@bianmin/sdk/contract`: the endpoint table, error statuses and the OpenAPI generator's inputs.
 * - `@bianmin/sdk/outbox`: the offline outbox (IndexedDB, falling back to localStorage).
 * - `@bianmin/sdk/stores`: headless stores for React, Vue or anything else.
 * - `@bianmin/sdk/schema`, `@bianmin/sdk/client`: each part alone.
 */
export * from './schema/index.js';
export {
  endpoints,
  IDEMPOTENCY_HEADER,
  REQUEST_ID_HEADER,
  Me,
  BookingStatusInput,
  BookingPage,
  LoanPage,
  HelpRequestPage,
  HandoverQuery,
  ReportQuery,
  type Endpoint,
  type EndpointId,
  type Endpoints,
} from './contract/endpoints.js';
export * from './client/index.js';
export * from './rules/time.js';
export * from './rules/money.js';
export * from './rules/quote.js';
export * from './rules/help.js';
export * from './rules/transitions.js';
export { canCancel, cancellableUntil, type CancelCheck } from './rules/slots.js';
export { DAY_SHIFT, dueAtFor, filterLoans, isOverdue, overdueMinutes, shiftAt, type LoanFilter } from './rules/loans.js';
export { maskName, maskPhone, maskRoom } from './rules/mask.js';
