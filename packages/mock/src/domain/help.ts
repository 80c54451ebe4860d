import type { HelpRequest, HelpRequestInput, HelpStatus } from '@bianmin/sdk/schema';
import { HELP_TRANSITIONS, OPEN_HELP_STATUSES, canTransition, replyDueAt, toEpoch } from '@bianmin/sdk/rules';
import { assertOwn, visible, type Ctx, type Handlers } from '../context.js';
import { conflict, notFound } from '../http.js';
import { nextId, nextNumber } from '../numbers.js';
import { paginate } from '../paging.js';
import type { MockState } from '../types.js';

// Help requests (住户求助, seed 003): answered at once, replied within 5 minutes (a written
// consultation within 2 days), referred rather than refused, and all kept in the register.

/** A help-register line from its input, received at `receivedAt`. */
export function makeHelpRequest(
  state: MockState,
  input: HelpRequestInput,
  receivedAt: string,
  householdId: string | undefined,
  by: 'resident' | 'staff',
): HelpRequest {
  const req: HelpRequest = {
    id: nextId(state.counters, 'hr'),
    number: nextNumber(state.counters, 'QZ', receivedAt),
    kind: input.kind,
    location: input.location,
    phone: input.phone,
    description: input.description,
    status: 'received',
    receivedAt,
    replyDueAt: replyDueAt(
      input.kind === 'consultation' ? { kind: input.kind, mode: input.mode, receivedAt } : { kind: input.kind, receivedAt },
      state.compound.timeZone,
    ),
    history: [{ status: 'received', at: receivedAt, by }],
  };
  if (householdId) req.householdId = householdId;
  if (input.name) req.name = input.name;
  // A device clock ahead of ours cannot make a request asked after it arrived: kept as received
  // (refusing it would lose a request an offline outbox has held).
  if (input.askedAt) req.askedAt = toEpoch(input.askedAt) > toEpoch(receivedAt) ? receivedAt : input.askedAt;
  if (input.kind === 'medical') req.wanted = input.wanted;
  if (input.kind === 'security' || input.kind === 'disaster') req.subKind = input.subKind;
  if (input.kind === 'consultation') req.mode = input.mode;
  return req;
}

/** Moves a request on if the machine allows it (409 otherwise), stamping the history. */
export function moveHelp(req: HelpRequest, to: HelpStatus, at: string): void {
  if (!canTransition(HELP_TRANSITIONS, req.status, to)) throw conflict('invalid_transition', `A ${req.status} request cannot become ${to}`);
  req.status = to;
  req.history.push({ status: to, at, by: 'staff' });
}

function findHelp(ctx: Ctx, id: string): HelpRequest {
  const req = ctx.state.helpRequests.find((r) => r.id === id);
  if (!req) throw notFound('help request');
  assertOwn(ctx.caller, req.householdId);
  return req;
}

export const helpHandlers: Pick<
  Handlers,
  'help.create' | 'help.list' | 'help.get' | 'help.acknowledge' | 'help.reply' | 'help.refer' | 'help.resolve'
> = {
  'help.create': (ctx, { body }) => {
    const { state, caller, nowIso } = ctx;
    // A resident asks for their own household. The desk writes down whoever called: the request is the
    // household of the caller's phone on file, never that of the place it is about (a neighbour's
    // complaint about a room is not that room's record: its household would see the caller's name
    // and phone); a caller not on file belongs to no household.
    const phone = body.phone.trim();
    const householdId = caller.role === 'resident' ? caller.householdId : state.households.find((h) => h.contacts.some((c) => c.phone === phone))?.id;
    const req = makeHelpRequest(state, body, nowIso, householdId, caller.role === 'resident' ? 'resident' : 'staff');
    state.helpRequests.push(req);
    ctx.changed();
    return req;
  },

  'help.list': ({ state, caller }, { query }) => {
    const status = query.status ?? 'open';
    const mine = visible(caller, state.helpRequests).filter(
      (r) => status === 'all' || (status === 'open') === OPEN_HELP_STATUSES.includes(r.status),
    );
    return paginate(mine, (r) => toEpoch(r.receivedAt), 'desc', query.cursor, query.limit);
  },

  'help.get': (ctx, { params }) => findHelp(ctx, params.helpRequestId),

  'help.acknowledge': (ctx, { params }) => {
    const req = findHelp(ctx, params.helpRequestId);
    moveHelp(req, 'acknowledged', ctx.nowIso);
    req.acknowledgedAt = ctx.nowIso;
    ctx.changed();
    return req;
  },

  'help.reply': (ctx, { params, body }) => {
    const req = findHelp(ctx, params.helpRequestId);
    moveHelp(req, 'replied', ctx.nowIso);
    req.reply = body.reply;
    req.repliedAt = ctx.nowIso;
    ctx.changed();
    return req;
  },

  'help.refer': (ctx, { params, body }) => {
    const req = findHelp(ctx, params.helpRequestId);
    moveHelp(req, 'referred', ctx.nowIso);
    req.referral = body;
    ctx.changed();
    return req;
  },

  'help.resolve': (ctx, { params }) => {
    const req = findHelp(ctx, params.helpRequestId);
    moveHelp(req, 'resolved', ctx.nowIso);
    ctx.changed();
    return req;
  },
};
