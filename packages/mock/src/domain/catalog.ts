import type { Category, FeeBoardList, FeeBoardRow, FeeBoardSection, PriceList, PriceListSummary, ServiceItem } from '@bianmin/sdk/schema';
import { PRICE_LIST_TRANSITIONS, canTransition, generateSlots, localDate, quote, toEpoch, topCategory } from '@bianmin/sdk/rules';
import type { Ctx, Handlers } from '../context.js';
import { ApiError, conflict, invalid, notFound } from '../http.js';
import type { MockState } from '../types.js';
import { checkCounts } from './bookings.js';

// The service list: versioned, approved by the general manager, then published with an effective
// time (seed 001). Residents and screens only ever see a published list whose effective time has come.

const effective = (l: PriceList): number => toEpoch(l.effectiveFrom);
const published = (l: PriceList): number => (l.publishedAt ? toEpoch(l.publishedAt) : -Infinity);

/**
 * Which of two lists takes precedence, as a sort comparator (the winner first): the later effective
 * time, and between lists effective at the same time, the later publication (a corrected list
 * published for the same date replaces the one before it).
 */
const latestFirst = (a: PriceList, b: PriceList): number => effective(b) - effective(a) || published(b) - published(a);

/** The published list in force at `now`: the latest published one whose effective time has come. */
export function listInForce(state: MockState, now: Date): PriceList | undefined {
  const t = now.getTime();
  return state.priceLists.filter((l) => l.status === 'published' && effective(l) <= t).sort(latestFirst)[0];
}

/** The next published list, already announced but not yet in force (the last published, for one date). */
export function upcomingList(state: MockState, now: Date): PriceList | undefined {
  const t = now.getTime();
  return state.priceLists
    .filter((l) => l.status === 'published' && effective(l) > t)
    .sort((a, b) => effective(a) - effective(b) || published(b) - published(a))[0];
}

/**
 * A published list is superseded once a later published list takes effect. Publishing a list whose
 * effective time has come supersedes the previous one at once, as does publishing a list for the
 * same effective time (the later publication wins); one published ahead of its date (next year's
 * list in December) leaves the old list in force until that date, when this sweep, run before
 * every request, marks the old one superseded. Returns whether anything changed.
 */
export function settlePriceLists(state: MockState, now: Date): boolean {
  const current = listInForce(state, now);
  if (!current) return false;
  let changed = false;
  for (const l of state.priceLists) {
    if (l !== current && l.status === 'published' && effective(l) <= effective(current)) {
      l.status = 'superseded';
      // From when the new list took over: its effective time, or its publication when that came later.
      const at = current.publishedAt && published(current) > effective(current) ? current.publishedAt : current.effectiveFrom;
      l.history.push({ status: 'superseded', at, by: 'staff', note: `superseded by ${current.version}` });
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
  const lists = [listInForce(state, now), ...[...state.priceLists].sort(latestFirst)];
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

/** Where a board puts services whose category the list does not hold (the menu's "other services"). */
const UNFILED_SECTION = { categoryId: '__unfiled', title: { 'zh-CN': '其他服务', en: 'Other services' } } as const;

/**
 * A list as a board shows it, grouped as the service menu groups it: per top category in tree
 * order, first the services filed on the top category itself (a section with the top's id and
 * title), then one section per subcategory. A category deeper than two levels joins its top-most
 * ancestor; services whose category is missing from the list come last, under "other services".
 * No service of the list is dropped. Rows carry no personal data.
 */
function boardList(l: PriceList, wanted: Set<string> | undefined, showFree: boolean): FeeBoardList {
  const byId = new Map(l.categories.map((c) => [c.id, c]));
  const topOf = (c: Category): Category => topCategory(byId, c);
  const rowsOf = (test: (i: ServiceItem) => boolean): FeeBoardRow[] =>
    l.items
      .filter((i) => test(i) && (showFree || i.price.kind !== 'free'))
      .sort((a, b) => a.order - b.order)
      .map((i) => (i.priceNote ? { serviceId: i.id, name: i.name, price: i.price, note: i.priceNote } : { serviceId: i.id, name: i.name, price: i.price }));
  const byOrder = (a: Category, b: Category): number => a.order - b.order;
  const tops = l.categories.filter((c) => topOf(c) === c).sort(byOrder);
  const sections: FeeBoardSection[] = [];
  const add = (categoryId: string, title: FeeBoardSection['title'], rows: FeeBoardRow[]): void => {
    if (rows.length) sections.push({ categoryId, title, rows });
  };
  for (const top of tops) {
    const subs = l.categories.filter((c) => c !== top && topOf(c) === top).sort(byOrder);
    const all = !wanted || wanted.has(top.id);
    if (all) add(top.id, top.name, rowsOf((i) => i.categoryId === top.id));
    for (const sub of subs) {
      if (all || wanted.has(sub.id)) add(sub.id, sub.name, rowsOf((i) => i.categoryId === sub.id));
    }
  }
  if (!wanted || wanted.has(UNFILED_SECTION.categoryId)) add(UNFILED_SECTION.categoryId, UNFILED_SECTION.title, rowsOf((i) => !byId.has(i.categoryId)));
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
    // Priced as a booking would be: counts the price does not take, or a slot's other length, are refused.
    checkCounts(item, body);
    try {
      return quote(item, body, state.compound.timeZone);
    } catch (e) {
      throw invalid([], e instanceof Error ? e.message : 'the quantity cannot be priced', '数量超出了可以计价的范围');
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
