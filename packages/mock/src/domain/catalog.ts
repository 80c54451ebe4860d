import type { FeeBoardList, FeeBoardSection, PriceList, PriceListSummary, ServiceItem } from '@bianmin/sdk/schema';
import { PRICE_LIST_TRANSITIONS, canTransition, generateSlots, localDate, quote, toEpoch } from '@bianmin/sdk/rules';
import type { Ctx, Handlers } from '../context.js';
import { ApiError, conflict, invalid, notFound } from '../http.js';
import type { MockState } from '../types.js';

// The service list: versioned, approved by the general manager, then published with an effective
// time (seed 001). Residents and screens only ever see a published list whose effective time has come.

const effective = (l: PriceList): number => toEpoch(l.effectiveFrom);

/** The published list in force at `now`: the latest published one whose effective time has come. */
export function listInForce(state: MockState, now: Date): PriceList | undefined {
  const t = now.getTime();
  return state.priceLists
    .filter((l) => l.status === 'published' && effective(l) <= t)
    .sort((a, b) => effective(b) - effective(a))[0];
}

/** The next published list, already announced but not yet in force. */
export function upcomingList(state: MockState, now: Date): PriceList | undefined {
  const t = now.getTime();
  return state.priceLists.filter((l) => l.status === 'published' && effective(l) > t).sort((a, b) => effective(a) - effective(b))[0];
}

/**
 * A published list is superseded once a later published list takes effect. Publishing a list whose
 * effective time has come supersedes the previous one at once; one published ahead of its date
 * (next year's list in December) leaves the old list in force until that date, when this sweep,
 * run before every request, marks the old one superseded. Returns whether anything changed.
 */
export function settlePriceLists(state: MockState, now: Date): boolean {
  const current = listInForce(state, now);
  if (!current) return false;
  let changed = false;
  for (const l of state.priceLists) {
    if (l !== current && l.status === 'published' && effective(l) <= effective(current)) {
      l.status = 'superseded';
      l.history.push({ status: 'superseded', at: current.effectiveFrom, by: 'staff', note: `superseded by ${current.version}` });
      changed = true;
    }
  }
  return changed;
}

/** A service of the list in force (404 otherwise: drafts and old lists are never bookable). */
export function serviceInForce(state: MockState, now: Date, serviceId: string): ServiceItem {
  const item = listInForce(state, now)?.items.find((i) => i.id === serviceId);
  if (!item) throw notFound('service');
  return item;
}

/** The service a past booking was made for: the list in force first, then the newest list that has it. */
export function serviceOfRecord(state: MockState, now: Date, serviceId: string): ServiceItem | undefined {
  const lists = [listInForce(state, now), ...[...state.priceLists].sort((a, b) => effective(b) - effective(a))];
  for (const l of lists) {
    const item = l?.items.find((i) => i.id === serviceId);
    if (item) return item;
  }
  return undefined;
}

function summary(l: PriceList): PriceListSummary {
  const s: PriceListSummary = { id: l.id, version: l.version, year: l.year, status: l.status, effectiveFrom: l.effectiveFrom, itemCount: l.items.length };
  if (l.approvedBy) s.approvedBy = l.approvedBy;
  return s;
}

/** A list as a board shows it: sections per subcategory in tree order, rows without any personal data. */
function boardList(l: PriceList, wanted: Set<string> | undefined, showFree: boolean): FeeBoardList {
  const tops = l.categories.filter((c) => c.parentId === null).sort((a, b) => a.order - b.order);
  const sections: FeeBoardSection[] = [];
  for (const top of tops) {
    const subs = l.categories.filter((c) => c.parentId === top.id).sort((a, b) => a.order - b.order);
    for (const cat of subs.length ? subs : [top]) {
      if (wanted && !wanted.has(cat.id) && !wanted.has(top.id)) continue;
      const rows = l.items
        .filter((i) => i.categoryId === cat.id && (showFree || i.price.kind !== 'free'))
        .sort((a, b) => a.order - b.order)
        .map((i) => (i.priceNote ? { serviceId: i.id, name: i.name, price: i.price, note: i.priceNote } : { serviceId: i.id, name: i.name, price: i.price }));
      if (rows.length) sections.push({ categoryId: cat.id, title: cat.name, rows });
    }
  }
  return { priceListId: l.id, version: l.version, effectiveFrom: l.effectiveFrom, sections, notes: l.notes };
}

export const catalogHandlers: Pick<
  Handlers,
  | 'session.me'
  | 'compound.get'
  | 'catalog.current'
  | 'priceLists.list'
  | 'priceLists.get'
  | 'priceLists.transition'
  | 'services.availability'
  | 'services.quote'
  | 'feeBoard.get'
> = {
  'session.me': ({ state, caller }) => {
    if (caller.role === 'resident') return { role: 'resident', household: state.households.find((h) => h.id === caller.householdId) };
    if (caller.role === 'staff') return { role: 'staff', staffId: caller.staffId };
    throw new ApiError('unauthorized', 'A token is required');
  },

  'compound.get': ({ state }) => state.compound,

  'catalog.current': ({ state, now }) => {
    const list = listInForce(state, now);
    if (!list) throw notFound('price list in force');
    return list;
  },

  'priceLists.list': ({ state }) => [...state.priceLists].sort((a, b) => b.year - a.year).map(summary),

  'priceLists.get': ({ state }, { params }) => {
    const list = state.priceLists.find((l) => l.id === params.priceListId);
    if (!list) throw notFound('price list');
    return list;
  },

  'priceLists.transition': (ctx, { params, body }) => {
    const { state, now, nowIso } = ctx;
    const list = state.priceLists.find((l) => l.id === params.priceListId);
    if (!list) throw notFound('price list');
    if (!canTransition(PRICE_LIST_TRANSITIONS, list.status, body.to)) {
      throw conflict('invalid_transition', `A ${list.status} price list cannot become ${body.to}`);
    }
    list.status = body.to;
    const note = (body.note ? `${body.by}：${body.note}` : body.by).slice(0, 500);
    list.history.push({ status: body.to, at: nowIso, by: 'staff', note });
    if (body.to === 'approved') {
      list.approvedBy = body.by;
      list.approvedAt = nowIso;
    } else if (body.to === 'draft') {
      delete list.approvedBy;
      delete list.approvedAt;
    } else if (body.to === 'published') {
      list.publishedAt = nowIso;
      settlePriceLists(state, now);
    }
    ctx.changed();
    return list;
  },

  'services.availability': ({ state, now, nowIso, caller }, { params, query }) => {
    const item = serviceInForce(state, now, params.serviceId);
    const bookings = state.bookings.filter((b) => b.serviceId === item.id);
    const slots = generateSlots(item, {
      from: query.from ?? localDate(now),
      days: query.days ?? 7,
      now,
      bookings,
      ...(caller.role === 'resident' ? { householdId: caller.householdId } : {}),
      timeZone: state.compound.timeZone,
    });
    return { serviceId: item.id, generatedAt: nowIso, slots };
  },

  'services.quote': ({ state, now }, { params, body }) => {
    const item = serviceInForce(state, now, params.serviceId);
    try {
      return quote(item, body, state.compound.timeZone);
    } catch (e) {
      throw invalid([], e instanceof Error ? e.message : 'the quantity cannot be priced');
    }
  },

  'feeBoard.get': ({ state, now, nowIso }: Ctx, { query }) => {
    const current = listInForce(state, now);
    if (!current) throw notFound('price list in force');
    const wanted = query.sections
      ? new Set(
          query.sections
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        )
      : undefined;
    const showFree = query.free !== 'false';
    const next = upcomingList(state, now);
    // Only the compound's name and 24-hour phone: a lobby screen never shows residents' data (DOMAIN §5).
    return {
      compound: { name: state.compound.name, servicePhone: state.compound.servicePhone },
      current: boardList(current, wanted, showFree),
      ...(next ? { upcoming: boardList(next, wanted, showFree) } : {}),
      generatedAt: nowIso,
    };
  },
};
