import { endpoints, type Endpoint, type EndpointId } from '@bianmin/sdk/contract';
import { answer, fail, skip } from '../assert.js';
import { remember, type Ctx } from '../context.js';
import { allows, paramsFor, recordKeys, recordsOf, strings } from '../fixtures.js';
import { label, type Exchange } from '../http.js';
import { MARK, idOf, sampleBody } from '../inputs.js';

// Residents' personal data (names, phones, rooms) never appear on a public screen (DOMAIN §5), and
// a resident never sees another household's records. The report names where a leak is, never the
// value: the kit's output is a log like any other.

/** A mainland mobile number inside a string, with or without +86, hyphens or spaces. */
const MOBILE_IN = /(?<!\d)(?:\+?86)?(1[3-9]\d{9})(?!\d)/g;
const digits = (s: string | undefined): string => (s ?? '').replace(/\D/g, '');

/**
 * Where in an answer personal data shows: a mobile number other than the compound's service phone,
 * a name seen on a resident's record, or a room (an address's `room`).
 */
export function leaks(ctx: Ctx, json: unknown): string[] {
  const service = digits(ctx.fx.compound?.servicePhone);
  const found: string[] = [];
  strings(json, (s, path) => {
    const flat = s.replace(/[\s-]/g, '');
    for (const m of flat.matchAll(MOBILE_IN)) if (m[1] !== service && !service.endsWith(m[1] ?? '')) found.push(`${path || '(body)'}: a mobile number`);
    if (ctx.fx.personal.names.has(s.trim())) found.push(`${path || '(body)'}: a name from a resident's record`);
    if (/(^|\.)room$/.test(path)) found.push(`${path}: a room`);
  });
  return found;
}

export async function privacyChecks(ctx: Ctx): Promise<void> {
  for (const id of Object.keys(endpoints) as EndpointId[]) {
    const ep: Endpoint = endpoints[id];
    if (!allows(id, 'public')) continue;
    await ctx.check({ id: `privacy.public:${id}`, group: 'privacy', title: `${label(id)} (public) shows no personal data`, endpoint: id }, async () => {
      let ex: Exchange | undefined;
      if (ep.method === 'GET' && !ep.params) ex = ctx.fx.samples.get(id)?.get('public');
      else {
        const params = ep.params ? paramsFor(ctx.fx, id, 'public') : undefined;
        if (ep.params && !params) return skip('no record to ask for');
        ex = await ctx.send({ endpoint: id, as: 'public', params, body: sampleBody(ctx.fx, id) });
      }
      if (!ex || ex.status >= 300) return skip(`the public call answered ${ex ? answer(ex) : 'nothing'} (see the schema check)`);
      const found = leaks(ctx, ex.json);
      if (found.length) fail(`${found.length} finding(s), values withheld: ${found.slice(0, 3).join('; ')}`);
      const known = ctx.fx.personal.phones.size;
      return `no room, no mobile number but the service phone${known ? `, none of the ${known} residents' numbers or names seen elsewhere` : ''}`;
    });
  }

  for (const id of Object.keys(endpoints) as EndpointId[]) {
    const ep: Endpoint = endpoints[id];
    if (ep.method !== 'GET' || ep.params || !allows(id, 'resident') || !recordKeys(id).includes('householdId')) continue;
    await ctx.check({ id: `privacy.own-household:${id}`, group: 'privacy', title: `${label(id)} as a resident lists only that household's records`, endpoint: id }, async () => {
      const seen: string[] = [];
      for (const who of ['resident', 'other'] as const) {
        const own = ctx.fx.me[who]?.household?.id;
        if (!ctx.http.has(who) || !own) continue;
        const records = recordsOf(ctx.fx, id, who);
        const foreign = records.filter((r) => 'householdId' in r && r.householdId !== own);
        if (foreign.length) fail(`${foreign.length} of ${records.length} records shown to a resident belong to other households`);
        seen.push(`${records.length} as ${who === 'other' ? 'the other resident' : 'resident'}`);
      }
      if (!seen.length) skip('needs --resident-token (and /me naming its household)');
      return `${seen.join(', ')}, all their own`;
    });
  }

  await ctx.check(
    {
      id: 'privacy.desk-help-request',
      group: 'privacy',
      title: "A help request the desk takes about a household's room, from a caller not on file, is not that household's record",
      endpoint: 'help.create',
    },
    async () => {
      const own = ctx.fx.me.resident?.household?.id;
      const h = own ? ctx.fx.households.get(own) : undefined;
      if (!ctx.http.has('staff') || !ctx.http.has('resident') || !h) return skip('needs --staff-token and --resident-token (with /me naming its household)');
      // A neighbour's complaint about the room, from a phone no record shows.
      const phone = ['19900000001', '19900000002', '19900000003'].find((p) => !ctx.fx.personal.phones.has(p))!;
      const body = { kind: 'complaint', location: { building: h.address.building, room: h.address.room }, phone, description: MARK };
      const taken = await ctx.send({ endpoint: 'help.create', as: 'staff', body });
      remember(ctx, 'help', taken);
      const id = idOf(taken.json);
      if (taken.status >= 300 || !id) return skip(`the desk's request answered ${answer(taken)} (see the schema check)`);
      const list = await ctx.send({ endpoint: 'help.list', as: 'resident', query: { status: 'all', limit: 200 } });
      const items = (list.json as { items?: { id?: unknown }[] } | undefined)?.items;
      if (list.status >= 300 || !Array.isArray(items)) return skip(`the resident's list answered ${answer(list)} (see the schema check)`);
      if (items.some((r) => r.id === id)) fail("the room's household lists a stranger's request about it, with the caller's name and phone");
      const one = await ctx.send({ endpoint: 'help.get', as: 'resident', params: { helpRequestId: id } });
      if (one.status < 300) fail("the room's household can read a stranger's request about it by its id");
      return `not in the room's household's list, and ${answer(one)} to it by id`;
    },
  );
}
