import { COMMON_ERRORS, ERROR_STATUS, REQUEST_ID_HEADER, access, endpoints, type Endpoint, type EndpointId } from '@bianmin/sdk/contract';
import { ErrorBody, ErrorCode } from '@bianmin/sdk/schema';
import { fail, formatIssues, isRecord, skip } from '../assert.js';
import type { Ctx } from '../context.js';
import type { Exchange } from '../http.js';
import { allows } from '../fixtures.js';
import { invalidBody } from '../inputs.js';
import { unknownParams } from './status.js';

// Every non-2xx answer has one body, `{ code, message, requestId, issues? }`, and every answer an
// X-Request-Id header that the error body repeats. These checks read every answer of the run, so
// they come last; a few probes first make sure there are errors to read when the group runs alone.

const where = (ex: Exchange): string => `${ex.method} ${ex.path} ${ex.status}`;
const listed = (items: string[]): string => `${items.slice(0, 3).join('; ')}${items.length > 3 ? ` (+${items.length - 3} more)` : ''}`;

async function probe(ctx: Ctx): Promise<void> {
  const ids = Object.keys(endpoints) as EndpointId[];
  const guarded = ids.find((id) => !allows(id, 'public') && !(endpoints[id] as Endpoint).params);
  if (guarded) await ctx.send({ endpoint: guarded, as: 'public' });
  const byId = ids.find((id) => endpoints[id].method === 'GET' && allows(id, 'public') && (endpoints[id] as Endpoint).params);
  if (byId) await ctx.send({ endpoint: byId, as: 'public', params: unknownParams(ctx, byId) });
  const post = ids.find((id) => endpoints[id].method === 'POST' && allows(id, 'public') && !(endpoints[id] as Endpoint).params);
  const withBody = post ?? ids.find((id) => allows(id, 'public') && (endpoints[id] as Endpoint).body);
  if (withBody) await ctx.send({ endpoint: withBody, as: 'public', params: unknownParams(ctx, withBody), body: invalidBody(withBody) });
}

export async function errorChecks(ctx: Ctx): Promise<void> {
  await probe(ctx).catch(() => undefined);
  const log = ctx.http.log;
  const errors = log.filter((ex) => ex.status >= 400);

  await ctx.check({ id: 'errors.body', group: 'errors', title: 'Every error answer has the ErrorBody shape { code, message, requestId, issues? }' }, async () => {
    if (!errors.length) return skip('no error answers to read');
    const bad = errors.flatMap((ex) => {
      const r = ErrorBody.safeParse(ex.json);
      return r.success ? [] : [`${where(ex)}: ${ex.json === undefined ? 'not JSON' : formatIssues(r.error.issues, ex.json)}`];
    });
    if (bad.length) fail(`${bad.length} of ${errors.length}: ${listed(bad)}`);
    return `${errors.length} error answers`;
  });

  await ctx.check({ id: 'errors.request-id', group: 'errors', title: `Every answer carries an ${REQUEST_ID_HEADER} header` }, async () => {
    if (!log.length) return skip('no answers to read');
    const bad = log.filter((ex) => !ex.requestId?.trim()).map(where);
    if (bad.length) fail(`${bad.length} of ${log.length} without one: ${listed(bad)}`);
    return `${log.length} answers`;
  });

  await ctx.check({ id: 'errors.request-id-echo', group: 'errors', title: `Every error body repeats the ${REQUEST_ID_HEADER} header as requestId` }, async () => {
    const withBoth = errors.filter((ex) => ex.requestId && isRecord(ex.json) && typeof ex.json.requestId === 'string');
    if (!withBoth.length) return skip('no error answer with both a header and a requestId (see the two checks above)');
    const bad = withBoth.filter((ex) => (ex.json as { requestId: string }).requestId !== ex.requestId).map(where);
    if (bad.length) fail(`${bad.length} of ${withBoth.length} differ: ${listed(bad)}`);
    return `${withBoth.length} error answers`;
  });

  await ctx.check({ id: 'errors.codes', group: 'errors', title: 'Error codes are the contract’s, with their status, and ones the endpoint may send' }, async () => {
    const coded = errors.filter((ex) => isRecord(ex.json) && typeof ex.json.code === 'string');
    if (!coded.length) return skip('no error answer with a code');
    const bad = coded.flatMap((ex) => {
      const code = (ex.json as { code: string }).code;
      const known = ErrorCode.safeParse(code);
      if (!known.success) return [`${where(ex)}: "${code}" is not a contract error code`];
      if (ERROR_STATUS[known.data] !== ex.status) return [`${where(ex)}: ${code} is sent with ${ERROR_STATUS[known.data]}`];
      const allowed: readonly string[] = [...COMMON_ERRORS, ...access[ex.endpoint].errors];
      return allowed.includes(code) ? [] : [`${where(ex)}: ${code} is not among the endpoint's errors`];
    });
    if (bad.length) fail(`${bad.length} of ${coded.length}: ${listed(bad)}`);
    return `${coded.length} error answers, ${new Set(coded.map((ex) => (ex.json as { code: string }).code)).size} distinct codes`;
  });

  await ctx.check({ id: 'errors.content-type', group: 'errors', title: 'Every answer with a body is sent as application/json', required: false }, async () => {
    const bodies = log.filter((ex) => ex.text.length > 0);
    if (!bodies.length) return skip('no answers with a body');
    const bad = bodies.filter((ex) => !/^application\/(?:[\w.+-]+\+)?json\b/i.test(ex.contentType)).map((ex) => `${where(ex)}: ${ex.contentType || 'no Content-Type'}`);
    if (bad.length) fail(`${bad.length} of ${bodies.length}: ${listed(bad)}`);
    return `${bodies.length} answers`;
  });
}
