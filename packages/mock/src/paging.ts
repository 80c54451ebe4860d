import { invalid } from './http.js';

// Keyset paging: the cursor names the last record of the page (its sort key and id), base64url
// encoded so clients treat it as opaque. Records inserted meanwhile never shift a page, so a walk
// through the register sees each record exactly once.

const toBase64Url = (s: string): string => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (s: string): string => atob(s.replace(/-/g, '+').replace(/_/g, '/'));

type Key = [sort: number, id: string];

function decode(cursor: string): Key {
  try {
    const value: unknown = JSON.parse(fromBase64Url(cursor));
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    // fall through
  }
  throw invalid(['cursor'], 'unknown cursor', '没有这个分页位置');
}

/**
 * One page of `records`, sorted by `sortKey` (`dir`) then id. `limit` defaults to 50.
 * An unreadable cursor is a 400 on `cursor`.
 */
export function paginate<T extends { id: string }>(
  records: readonly T[],
  sortKey: (r: T) => number,
  dir: 'asc' | 'desc',
  cursor: string | undefined,
  limit = 50,
): { items: T[]; nextCursor: string | null } {
  const sign = dir === 'asc' ? 1 : -1;
  const cmp = (a: Key, b: Key): number => (a[0] !== b[0] ? (a[0] - b[0]) * sign : a[1] < b[1] ? -sign : a[1] > b[1] ? sign : 0);
  const keyed = records.map((r) => ({ r, k: [sortKey(r), r.id] as Key })).sort((a, b) => cmp(a.k, b.k));
  let start = 0;
  if (cursor !== undefined && cursor !== '') {
    const after = decode(cursor);
    start = keyed.findIndex((e) => cmp(e.k, after) > 0);
    if (start < 0) start = keyed.length;
  }
  const page = keyed.slice(start, start + limit);
  const last = page[page.length - 1];
  const more = start + limit < keyed.length;
  return { items: page.map((e) => e.r), nextCursor: more && last ? toBase64Url(JSON.stringify(last.k)) : null };
}
