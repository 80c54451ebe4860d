// Idempotency keys (Stripe's model): a key is scoped to the caller's token and the endpoint; the
// first request with a key is processed and its response stored; the same key with the same
// request replays that response; with another request it is a 422; while the first is still being
// processed, a 409. Network failures and 5xx answers are not stored, so a retry runs again.

export interface StoredResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

type Entry = { fingerprint: string; response?: StoredResponse };

/** A key whose answer is stored, as saved with the state: `[scope, fingerprint, response]`. */
export type IdempotencyRecord = [scope: string, fingerprint: string, response: StoredResponse];

export type Begin =
  | { kind: 'new' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'mismatch' }
  | { kind: 'in-flight' };

/** JSON with object keys sorted at every level: equal data, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function createIdempotencyStore() {
  const entries = new Map<string, Entry>();
  return {
    /** Registers the key as in flight when it is new; synchronous, so two requests cannot both be first. */
    begin(scope: string, fingerprint: string): Begin {
      const e = entries.get(scope);
      if (!e) {
        entries.set(scope, { fingerprint });
        return { kind: 'new' };
      }
      if (e.fingerprint !== fingerprint) return { kind: 'mismatch' };
      return e.response ? { kind: 'replay', response: e.response } : { kind: 'in-flight' };
    },
    finish(scope: string, response: StoredResponse): void {
      const e = entries.get(scope);
      if (e) e.response = response;
    },
    /** Forgets a key whose request failed without an answer worth replaying. */
    abandon(scope: string): void {
      entries.delete(scope);
    },
    clear(): void {
      entries.clear();
    },
    /** The keys with a stored answer, oldest first, at most the `limit` newest (keys in flight are left out). */
    records(limit = Infinity): IdempotencyRecord[] {
      const done: IdempotencyRecord[] = [];
      for (const [scope, e] of entries) if (e.response) done.push([scope, e.fingerprint, e.response]);
      return done.slice(Math.max(0, done.length - limit));
    },
    /** Takes back saved records (after a page reload); keys already known are kept as they are. */
    restore(records: readonly IdempotencyRecord[]): void {
      for (const [scope, fingerprint, response] of records) if (!entries.has(scope)) entries.set(scope, { fingerprint, response });
    },
    get size(): number {
      return entries.size;
    },
  };
}
export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;
