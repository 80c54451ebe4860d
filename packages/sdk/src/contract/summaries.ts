import type { EndpointId } from './endpoints.js';

/**
 * One line per operation, for the OpenAPI document and docs. Kept apart from the endpoint table so
 * that browser bundles do not carry documentation strings.
 */
export const summaries: { readonly [K in EndpointId]: string } = {
  'session.me': 'Who the token belongs to, with the household for prefill',
  'compound.get': "The compound's name, 24-hour phone and buildings",
  'catalog.current': 'The approved, published price list in force now',
  'priceLists.list': 'Every version of the price list',
  'priceLists.get': 'One version of the price list, any status',
  'priceLists.transition': 'Submit, approve, publish or supersede a price list',
  'services.availability': 'Slots of a bookable service, with what is left in each',
  'services.quote': 'The price of a service for a quantity and a time, with its breakdown',
  'bookings.create': 'Book a service (委托服务单); a quote-only service becomes a request for a quote',
  'bookings.list': "A household's bookings (a resident) or all bookings (staff)",
  'bookings.get': 'One booking',
  'bookings.cancel': 'Cancel a booking while its cancellation window is open',
  'bookings.feedback': 'The follow-up (回访): a rating or a complaint on a completed booking',
  'bookings.transition': 'Staff move a booking on: confirm, start, complete, reject',
  'agreements.list': 'Long-term service agreements',
  'agreements.get': 'One agreement',
  'agreements.change': "Change times or services, or stop, with the notice rule's fee",
  'statements.list': 'Monthly statements of services on account (月结)',
  'statements.get': 'One monthly statement',
  'loanItems.list': 'The convenience cabinet: what can be borrowed and how many are in',
  'loans.checkout': 'Lend an item from the cabinet',
  'loans.return': 'Take an item back, with its condition',
  'loans.list': "The loan register (staff) or a household's own loans (a resident)",
  'loans.handover': 'What is out and overdue at the change of shift',
  'loans.report': 'The monthly zero-loss report: damaged and lost items and their cost',
  'help.create': 'Ask for help (住户求助)',
  'help.list': 'Help requests: open ones by default',
  'help.get': 'One help request and where it stands',
  'help.acknowledge': 'The desk has it (answer at once)',
  'help.reply': 'Reply to the resident',
  'help.refer': 'Send the resident to whoever can help (a referral, not a refusal)',
  'help.resolve': 'Close a help request',
  'feeBoard.get': 'The public price board: no personal data',
};
