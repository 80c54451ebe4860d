import { endpoints, type Endpoint, type EndpointId } from '@bianmin/sdk/contract';
import { expectError, fail, isRecord, skip } from '../assert.js';
import type { Ctx } from '../context.js';
import { allows, listFor, paramsFor, recordKeys, shapeOf } from '../fixtures.js';
import { label, type Caller } from '../http.js';
import { invalidBody, invalidQuery, sampleBody } from '../inputs.js';

// Status codes the contract gives every endpoint, derived from the table: 401 without a token on
// anything not public, 403 for a role the endpoint does not list and for another household's
// record, 404 for an unknown id, 400 with issues for a body or query its schema rejects.

const ID_ROLES: readonly Caller[] = ['staff', 'resident', 'public'];

/** The caller that sees the most among those the endpoint allows and the kit has a token for. */
const bestCaller = (ctx: Ctx, id: EndpointId): Caller | undefined => ID_ROLES.find((as) => ctx.http.has(as) && allows(id, as));

/** Path parameters any caller of the endpoint could use, else unknown ids. */
function someParams(ctx: Ctx, id: EndpointId): Record<string, string> | undefined {
  for (const as of ID_ROLES) {
    const p = allows(id, as) && ctx.http.has(as) ? paramsFor(ctx.fx, id, as) : undefined;
    if (p) return p;
  }
  return unknownParams(ctx, id);
}

export const unknownParams = (ctx: Ctx, id: EndpointId): Record<string, string> | undefined => {
  const keys = Object.keys(shapeOf((endpoints[id] as Endpoint).params));
  return keys.length ? Object.fromEntries(keys.map((k) => [k, `zz-unknown-${ctx.runId}`])) : undefined;
};

/** The answer carries `issues`: a non-empty array of `{ path, message }`. */
function expectIssues(json: unknown): string {
  const issues = isRecord(json) ? json.issues : undefined;
  if (!Array.isArray(issues) || !issues.length) return fail('a 400 validation_failed must list its issues');
  const first: unknown = issues[0];
  if (!isRecord(first) || !Array.isArray(first.path) || typeof first.message !== 'string') fail('each issue needs a path and a message');
  return `${issues.length} issue${issues.length > 1 ? 's' : ''}, first at "${(first as { path: unknown[] }).path.join('.')}"`;
}

export async function statusChecks(ctx: Ctx): Promise<void> {
  const ids = Object.keys(endpoints) as EndpointId[];
  const { send } = ctx;

  for (const id of ids) {
    if (allows(id, 'public')) continue;
    await ctx.check({ id: `status.401:${id}`, group: 'status', title: `${label(id)} without a token: 401`, endpoint: id }, async () => {
      expectError(await send({ endpoint: id, as: 'public', params: someParams(ctx, id), body: sampleBody(ctx.fx, id) }), 401, 'unauthorized');
    });
  }

  const guarded = ids.find((id) => !allows(id, 'public') && endpoints[id].method === 'GET' && !(endpoints[id] as Endpoint).params);
  if (guarded) {
    await ctx.check({ id: 'status.401-token', group: 'status', title: `${label(guarded)} with a token the server never issued: 401`, endpoint: guarded }, async () => {
      expectError(await send({ endpoint: guarded, as: 'bogus' }), 401, 'unauthorized');
    });
  }

  for (const id of ids) {
    for (const as of ['resident', 'staff'] as const) {
      if (allows(id, as)) continue;
      await ctx.check({ id: `status.403-role:${id}:${as}`, group: 'status', title: `${label(id)} as ${as} (not a role it lists): 403`, endpoint: id }, async () => {
        if (!ctx.http.has(as)) skip(`needs --${as}-token`);
        expectError(await send({ endpoint: id, as, params: someParams(ctx, id), body: sampleBody(ctx.fx, id) }), 403, 'forbidden');
      });
    }
  }

  for (const id of ids) {
    const ep: Endpoint = endpoints[id];
    const params = Object.keys(shapeOf(ep.params));
    const lists = params.map((p) => listFor(id, p));
    if (!allows(id, 'resident') || !params.length || !lists.every((l) => l && recordKeys(l).includes('householdId'))) continue;
    await ctx.check({ id: `status.403-household:${id}`, group: 'status', title: `${label(id)} on another household's record: 403`, endpoint: id }, async () => {
      if (!ctx.http.has('resident')) skip('needs --resident-token');
      const foreign = paramsFor(ctx.fx, id, 'resident', 'foreign');
      if (!foreign) return skip('no record of another household seen: give --staff-token or --other-resident-token');
      expectError(await send({ endpoint: id, as: 'resident', params: foreign, body: sampleBody(ctx.fx, id) }), 403, 'forbidden');
      return `asked for ${Object.values(foreign).join(', ')}`;
    });
  }

  for (const id of ids) {
    const unknown = unknownParams(ctx, id);
    if (!unknown) continue;
    await ctx.check({ id: `status.404:${id}`, group: 'status', title: `${label(id)} with an unknown id: 404`, endpoint: id }, async () => {
      const as = bestCaller(ctx, id);
      if (!as) return skip('needs a token for one of its roles');
      expectError(await send({ endpoint: id, as, params: unknown, body: sampleBody(ctx.fx, id) }), 404, 'not_found');
      return `as ${as}`;
    });
  }

  for (const id of ids) {
    const body = invalidBody(id);
    if (body === undefined) continue;
    await ctx.check({ id: `status.400-body:${id}`, group: 'status', title: `${label(id)} with a body its schema rejects: 400 with issues`, endpoint: id }, async () => {
      const as = bestCaller(ctx, id);
      if (!as) return skip('needs a token for one of its roles');
      const params = (endpoints[id] as Endpoint).params ? paramsFor(ctx.fx, id, as) : undefined;
      if ((endpoints[id] as Endpoint).params && !params) return skip(`no record to send it to as ${as}`);
      const ex = await send({ endpoint: id, as, params, body });
      expectError(ex, 400, 'validation_failed');
      return `sent ${JSON.stringify(body)}: ${expectIssues(ex.json)}`;
    });
  }

  for (const id of ids) {
    const query = invalidQuery(id);
    if (!query) continue;
    await ctx.check({ id: `status.400-query:${id}`, group: 'status', title: `${label(id)} with a query its schema rejects: 400 with issues`, endpoint: id }, async () => {
      const as = bestCaller(ctx, id);
      if (!as) return skip('needs a token for one of its roles');
      const params = (endpoints[id] as Endpoint).params ? paramsFor(ctx.fx, id, as) : undefined;
      if ((endpoints[id] as Endpoint).params && !params) return skip(`no record to ask for as ${as}`);
      const ex = await send({ endpoint: id, as, params, query });
      expectError(ex, 400, 'validation_failed');
      return `sent ?${new URLSearchParams(query).toString()}: ${expectIssues(ex.json)}`;
    });
  }
}
