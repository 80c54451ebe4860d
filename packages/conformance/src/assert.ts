import { endpoints, type EndpointId, type Endpoints } from '@bianmin/sdk/contract';
import { flattenIssues, type RawIssue } from '@bianmin/sdk/schema';
import type * as z from 'zod/mini';
import type { Exchange } from './http.js';

/** Thrown inside a check: it failed, for this reason. */
export class Fail extends Error {
  override readonly name = 'Fail';
}
/** Thrown inside a check: it could not run here, for this reason. */
export class Skip extends Error {
  override readonly name = 'Skip';
}
export const fail = (reason: string): never => {
  throw new Fail(reason);
};
export const skip = (reason: string): never => {
  throw new Skip(reason);
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `404 not_found`, or `200` for a success. */
export function answer(ex: Exchange): string {
  const code = isRecord(ex.json) && typeof ex.json.code === 'string' ? ` ${ex.json.code}` : '';
  return ex.status >= 400 ? `${ex.status}${code}` : String(ex.status);
}

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const p of path) v = isRecord(v) || Array.isArray(v) ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/** Schema issues, readable: `quote.total: expected number, got string`. At most three, then a count. */
export function formatIssues(issues: readonly RawIssue[], value: unknown): string {
  const flat = flattenIssues(issues);
  const shown = flat.slice(0, 3).map((i) => {
    const where = i.path.map(String).join('.') || '(body)';
    const expected = (i as { expected?: unknown }).expected;
    const what = i.code === 'invalid_type' && typeof expected === 'string' ? `expected ${expected}, got ${typeName(at(value, i.path))}` : i.message;
    return `${where}: ${what}`;
  });
  return shown.join('; ') + (flat.length > 3 ? ` (+${flat.length - 3} more)` : '');
}

/** Parses `value` with `schema`; a failure is a `Fail` naming what was read. */
export function parse<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) fail(`${what} does not match the schema: ${formatIssues(r.error.issues, value)}`);
  return (r as { data: z.output<S> }).data;
}

/** The answer must be the endpoint's success status with a body of its response schema. */
export function expectSuccess<K extends EndpointId>(ex: Exchange, id: K): z.output<Endpoints[K]['response']> {
  const ep = endpoints[id];
  if (ex.status !== ep.status) fail(`expected ${ep.status}, got ${answer(ex)}${ex.as === 'public' ? ' without a token' : ` as ${ex.as}`}`);
  if (ex.json === undefined) fail(`the ${ex.status} body is not JSON`);
  return parse(ep.response, ex.json, `the ${ex.status} body`) as z.output<Endpoints[K]['response']>;
}

/** The answer must be an error with this status and code (the body's shape is checked by the `errors` group). */
export function expectError(ex: Exchange, status: number, code: string): void {
  const got = isRecord(ex.json) ? ex.json.code : undefined;
  if (ex.status !== status || got !== code) fail(`expected ${status} ${code}, got ${answer(ex)}${got === undefined && ex.status >= 400 ? ' (no code)' : ''}`);
}

/** Deep equality of JSON values, keys in any order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson(a[k], b[k]));
}

export { isRecord };
