import { access, endpoints, type Endpoint, type EndpointId } from '@bianmin/sdk/contract';
import { expectSuccess, fail, skip } from '../assert.js';
import type { Ctx } from '../context.js';
import { allows, broadQuery, isPage, shapeOf } from '../fixtures.js';
import { label, type Caller } from '../http.js';

// Cursor pages (contract: pass `nextCursor` back as `cursor` until it is null; `limit` bounds a
// page). Every paged list of the table is walked twice: once at the server's default page size,
// once at a quarter of the records per page; the small pages must hold at most `limit` records,
// never repeat one, miss none, and end.

const MAX_PAGES = 1000;

interface Walk {
  ids: string[];
  pages: number;
  largest: number;
  ended: boolean;
}

async function walk(ctx: Ctx, id: EndpointId, as: Caller, limit: number | undefined, maxPages: number): Promise<Walk> {
  const out: Walk = { ids: [], pages: 0, largest: 0, ended: false };
  let cursor: string | null | undefined;
  while (out.pages < maxPages) {
    const query: Record<string, string | number> = { ...broadQuery(id) };
    if (limit !== undefined) query.limit = limit;
    if (cursor) query.cursor = cursor;
    const page = expectSuccess(await ctx.send({ endpoint: id, as, query }), id) as { items: { id?: unknown }[]; nextCursor: string | null };
    out.pages += 1;
    out.largest = Math.max(out.largest, page.items.length);
    for (const item of page.items) out.ids.push(String(item.id));
    cursor = page.nextCursor;
    if (cursor === null) {
      out.ended = true;
      break;
    }
  }
  return out;
}

const duplicates = (ids: string[]): string[] => ids.filter((x, i) => ids.indexOf(x) !== i);

export async function paginationChecks(ctx: Ctx): Promise<void> {
  for (const id of Object.keys(endpoints) as EndpointId[]) {
    const ep: Endpoint = endpoints[id];
    const q = shapeOf(ep.query);
    if (ep.method !== 'GET' || !isPage(ep) || !('cursor' in q) || !('limit' in q)) continue;
    await ctx.check({ id: `pagination:${id}`, group: 'pagination', title: `${label(id)}: following nextCursor`, endpoint: id }, async () => {
      const as = (['staff', 'resident'] as const).find((c) => ctx.http.has(c) && allows(id, c));
      if (!as) return skip(`needs a token for ${access[id].roles.join(' or ')}`);
      const all = await walk(ctx, id, as, undefined, MAX_PAGES);
      if (!all.ended) fail(`nextCursor was still set after ${MAX_PAGES} pages`);
      if (duplicates(all.ids).length) fail(`the default pages repeat records: ${[...new Set(duplicates(all.ids))].slice(0, 3).join(', ')}`);
      const n = all.ids.length;
      if (n < 2) return skip(`${n} record(s) visible to ${as}: nothing to page through`);
      const limit = Math.max(1, Math.ceil(n / 4));
      const small = await walk(ctx, id, as, limit, Math.ceil(n / limit) + 3);
      if (small.largest > limit) fail(`a page held ${small.largest} records for limit=${limit}`);
      const dup = [...new Set(duplicates(small.ids))];
      if (dup.length) fail(`records repeated across pages: ${dup.slice(0, 3).join(', ')}`);
      if (!small.ended) fail(`nextCursor was still set after ${small.pages} pages of ${limit} for ${n} records`);
      const seen = new Set(small.ids);
      const missed = all.ids.filter((x) => !seen.has(x));
      if (missed.length) fail(`the pages of ${limit} missed ${missed.length} record(s): ${missed.slice(0, 3).join(', ')}`);
      return `${n} records as ${as} in ${small.pages} pages of at most ${limit}, each once`;
    });
  }
}
