import type { Audience, Category, PriceList, ServiceItem } from '@bianmin/sdk';
import { topCategory } from '@bianmin/sdk/rules';

/** One item with what is needed to filter it fast. */
export interface IndexedItem {
  readonly item: ServiceItem;
  /** Lower-cased names (zh-CN and en), keywords and category names, joined once per list. */
  readonly haystack: string;
}

/** A subcategory (or a top category holding items itself) with its items in order. */
export interface CategoryGroup {
  readonly category: Category;
  readonly items: readonly IndexedItem[];
}

/** A top category and its groups, in the order of the two-level tree (seed 000). */
export interface TopGroup {
  readonly category: Category;
  readonly groups: readonly CategoryGroup[];
}

export interface CatalogIndex {
  readonly tops: readonly TopGroup[];
}

/** Where items go whose category is missing from the list (never dropped silently). */
export const UNFILED_CATEGORY_ID = '__unfiled';

const byOrder = (a: { order: number }, b: { order: number }): number => a.order - b.order;
const SEPARATOR = '\u0000';

const cache = new WeakMap<PriceList, CatalogIndex>();

/**
 * Groups a price list by its two-level category tree and precomputes one lower-case search string
 * per item. Built once per list object (cached), so typing in the search box only runs `includes`.
 */
export function indexCatalog(list: PriceList): CatalogIndex {
  const cached = cache.get(list);
  if (cached) return cached;
  const byId = new Map(list.categories.map((c) => [c.id, c]));
  const itemsByCategory = new Map<string, ServiceItem[]>();
  for (const item of list.items) {
    const key = byId.has(item.categoryId) ? item.categoryId : UNFILED_CATEGORY_ID;
    let bucket = itemsByCategory.get(key);
    if (!bucket) itemsByCategory.set(key, (bucket = []));
    bucket.push(item);
  }
  const categoryText = (c: Category): string[] => (c.id !== UNFILED_CATEGORY_ID ? [c.name['zh-CN'], c.name.en ?? ''] : []);
  /** `top`: the top category of a subcategory, whose names match its items too. */
  const indexGroup = (category: Category, top?: Category): CategoryGroup => {
    const words = [...categoryText(category), ...(top ? categoryText(top) : [])];
    const items = (itemsByCategory.get(category.id) ?? []).sort(byOrder).map((item) => ({
      item,
      haystack: [item.name['zh-CN'], item.name.en ?? '', ...item.keywords, ...words].join(SEPARATOR).toLowerCase(),
    }));
    return { category, items };
  };

  const childrenOf = new Map<string, Category[]>();
  const topCategories: Category[] = [];
  for (const c of list.categories) {
    // The tree has two levels (seed 000); anything deeper joins its top-most ancestor.
    const top = topCategory(byId, c);
    if (top === c) {
      topCategories.push(c);
      continue;
    }
    let kids = childrenOf.get(top.id);
    if (!kids) childrenOf.set(top.id, (kids = []));
    kids.push(c);
  }
  const tops: TopGroup[] = [];
  for (const top of topCategories.sort(byOrder)) {
    const groups: CategoryGroup[] = [];
    // Items filed on the top category itself come first, without a subheading.
    const own = indexGroup(top);
    if (own.items.length) groups.push(own);
    for (const sub of (childrenOf.get(top.id) ?? []).sort(byOrder)) {
      const g = indexGroup(sub, top);
      if (g.items.length) groups.push(g);
    }
    if (groups.length) tops.push({ category: top, groups });
  }
  const unfiled = itemsByCategory.get(UNFILED_CATEGORY_ID);
  if (unfiled?.length) {
    // Its title comes from the widget's strings; the id marks it.
    const category: Category = { id: UNFILED_CATEGORY_ID, parentId: null, name: { 'zh-CN': UNFILED_CATEGORY_ID }, order: Number.MAX_SAFE_INTEGER };
    tops.push({ category, groups: [indexGroup(category)] });
  }
  const index: CatalogIndex = { tops };
  cache.set(list, index);
  return index;
}

/** The search words of a query: lower-cased, split on white space; every word must match. */
export function queryTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether an item is for the audience (all audiences when none is chosen) and matches every word. */
export function matches(entry: IndexedItem, terms: readonly string[], audience: Audience | undefined): boolean {
  if (audience && !entry.item.audiences.includes(audience)) return false;
  for (const term of terms) if (!entry.haystack.includes(term)) return false;
  return true;
}

/** A group with these of its items: the group itself when they are all of them. */
const withItems = (g: CategoryGroup, items: readonly IndexedItem[]): CategoryGroup => (items === g.items ? g : { category: g.category, items });

/** A top category with these groups: the top itself when they are all of its own, unchanged. */
const withGroups = (top: TopGroup, groups: CategoryGroup[]): TopGroup =>
  groups.length === top.groups.length && groups.every((g, i) => g === top.groups[i]) ? top : { category: top.category, groups };

/** The tree filtered by words and audience; groups and tops left empty are dropped. */
export function filterCatalog(index: CatalogIndex, query: string, audience: Audience | undefined): TopGroup[] {
  const terms = queryTerms(query);
  const tops: TopGroup[] = [];
  for (const top of index.tops) {
    const groups: CategoryGroup[] = [];
    for (const g of top.groups) {
      const items = terms.length === 0 && !audience ? g.items : g.items.filter((e) => matches(e, terms, audience));
      if (items.length) groups.push(withItems(g, items));
    }
    if (groups.length) tops.push(withGroups(top, groups));
  }
  return tops;
}

/**
 * The first `limit` items of filtered groups, in reading order, with the categories they fall in:
 * what the menu renders of a long list. Groups and categories left whole are returned as they are.
 */
export function firstItems(tops: readonly TopGroup[], limit: number): { tops: TopGroup[]; ids: string[] } {
  const ids: string[] = [];
  const kept: TopGroup[] = [];
  for (const top of tops) {
    if (ids.length >= limit) break;
    const groups: CategoryGroup[] = [];
    for (const g of top.groups) {
      const room = limit - ids.length;
      if (room <= 0) break;
      const items = g.items.length <= room ? g.items : g.items.slice(0, room);
      for (const e of items) ids.push(e.item.id);
      groups.push(withItems(g, items));
    }
    kept.push(withGroups(top, groups));
  }
  return { tops: kept, ids };
}
