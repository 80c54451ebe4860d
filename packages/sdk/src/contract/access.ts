import type { ErrorCode, Role } from '../schema/common.js';
import type { EndpointId } from './endpoints.js';

/** Who may call an operation, and the error codes it can answer with beyond `COMMON_ERRORS`. */
export interface Access {
  /** `public` needs no token. */
  readonly roles: readonly Role[];
  readonly errors: readonly ErrorCode[];
}

/**
 * The access rules of every operation of `endpoints`, by id: what the mock backend enforces, the
 * OpenAPI document states (`x-roles`, the error responses) and the conformance kit checks. Kept out
 * of the endpoint table so that a browser app, which only calls, does not ship it.
 */
export const access = {
  'session.me': { roles: ['resident', 'staff'], errors: [] },
  'compound.get': { roles: ['public', 'resident', 'staff'], errors: [] },
  'catalog.current': { roles: ['public', 'resident', 'staff'], errors: [] },
  'priceLists.list': { roles: ['staff'], errors: [] },
  'priceLists.get': { roles: ['staff'], errors: [] },
  'priceLists.transition': { roles: ['staff'], errors: ['invalid_transition'] },
  'services.availability': { roles: ['public', 'resident', 'staff'], errors: [] },
  'services.quote': { roles: ['public', 'resident', 'staff'], errors: [] },
  'bookings.create': { roles: ['resident', 'staff'], errors: ['slot_taken', 'slot_unavailable', 'quota_exceeded', 'idempotency_in_flight', 'idempotency_mismatch'] },
  'bookings.list': { roles: ['resident', 'staff'], errors: [] },
  'bookings.get': { roles: ['resident', 'staff'], errors: [] },
  'bookings.cancel': { roles: ['resident', 'staff'], errors: ['cancellation_window_closed', 'invalid_transition'] },
  'bookings.feedback': { roles: ['resident'], errors: ['invalid_transition'] },
  'bookings.transition': { roles: ['staff'], errors: ['invalid_transition'] },
  'agreements.list': { roles: ['resident', 'staff'], errors: [] },
  'agreements.get': { roles: ['resident', 'staff'], errors: [] },
  'agreements.change': { roles: ['resident', 'staff'], errors: ['invalid_transition', 'idempotency_in_flight', 'idempotency_mismatch'] },
  'statements.list': { roles: ['resident', 'staff'], errors: [] },
  'statements.get': { roles: ['resident', 'staff'], errors: [] },
  'loanItems.list': { roles: ['public', 'resident', 'staff'], errors: [] },
  'loans.checkout': { roles: ['staff'], errors: ['out_of_stock', 'idempotency_in_flight', 'idempotency_mismatch'] },
  'loans.return': { roles: ['staff'], errors: ['invalid_transition'] },
  'loans.list': { roles: ['resident', 'staff'], errors: [] },
  'loans.handover': { roles: ['staff'], errors: [] },
  'loans.report': { roles: ['staff'], errors: [] },
  'help.create': { roles: ['resident', 'staff'], errors: ['idempotency_in_flight', 'idempotency_mismatch'] },
  'help.list': { roles: ['resident', 'staff'], errors: [] },
  'help.get': { roles: ['resident', 'staff'], errors: [] },
  'help.acknowledge': { roles: ['staff'], errors: ['invalid_transition'] },
  'help.reply': { roles: ['staff'], errors: ['invalid_transition'] },
  'help.refer': { roles: ['staff'], errors: ['invalid_transition'] },
  'help.resolve': { roles: ['staff'], errors: ['invalid_transition'] },
  'feeBoard.get': { roles: ['public', 'resident', 'staff'], errors: [] },
} as const satisfies { readonly [K in EndpointId]: Access };
