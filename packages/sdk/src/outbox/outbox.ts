/**
 * An outbox: writes that must not be lost (a help request typed on a lift's flaky network) are
 * stored first, then sent one at a time with the same idempotency key on every attempt until the
 * server answers 2xx. The server's idempotency makes the delivery exactly-once, whatever the
 * retries, reloads and dropped answers. A permanent refusal (4xx) is kept and shown, never dropped.
 * Once delivered, the entry's payload (personal data) leaves storage; only a receipt remains.
 *
 * ```ts
 * const outbox = createOutbox({
 *   name: 'help',
 *   send: (e) => client.help.create(e.payload, { idempotencyKey: e.key }),
 *   receipt: (r) => ({ id: r.id, number: r.number }),
 * });
 * void outbox.start();
 * const entry = await outbox.enqueue(input); // persisted: safe to say "queued"
 * ```
 */
import { isHttpError, isResponseShapeError, isValidationError } from '../client/errors.js';
import { newIdempotencyKey } from '../client/idempotency.js';
import { browserStorage, clone, StorageUnavailableError, type OutboxRecord, type OutboxStorage } from './storage.js';

export type OutboxState = 'queued' | 'sending' | 'delivered' | 'failed';

/** What is kept of an error: enough to say why, nothing from the request. */
export interface OutboxError {
  name: string;
  code?: string;
  status?: number;
  requestId?: string;
  message: string;
}

export interface OutboxEntry<P = unknown, D = unknown> {
  id: string;
  /** The idempotency key: generated once, sent with every attempt. */
  key: string;
  /** What is sent; removed once delivered. */
  payload?: P;
  /** Epoch ms. */
  createdAt: number;
  attempts: number;
  state: OutboxState;
  /** Why the last attempt failed (a permanent failure for `failed`). */
  lastError?: OutboxError;
  /** What `receipt` kept of the server's answer (no personal data), once delivered. */
  receipt?: D;
  deliveredAt?: number;
}

/** One change of an entry; `result` is the server's full answer, in memory only, on delivery. */
export interface OutboxChange<P = unknown, R = unknown, D = unknown> {
  entry: OutboxEntry<P, D>;
  result?: R;
  error?: unknown;
}

export interface OutboxOptions<P, R, D> {
  /** Separates outboxes in one storage. */
  name: string;
  /** Default: `browserStorage()` (IndexedDB, else localStorage). */
  storage?: OutboxStorage;
  /** Sends one entry; must send `entry.key` as the idempotency key. Resolves on 2xx. */
  send: (entry: { id: string; key: string; payload: P; attempts: number }) => Promise<R>;
  /** The minimal record kept after delivery (ids and numbers, never personal data). Default: none. */
  receipt?: (result: R) => D;
  /** Errors not worth retrying. Default: `isPermanentFailure`. */
  isPermanentFailure?: (error: unknown) => boolean;
  /** Milliseconds before retrying after failed attempt `attempt` (1-based). Default: `outboxBackoff`. */
  backoff?: (attempt: number) => number;
  /** Epoch ms. */
  now?: () => number;
  /** How long a delivered receipt is kept, in ms. Default one day. */
  keepDeliveredMs?: number;
}

export interface Outbox<P = unknown, R = unknown, D = unknown> {
  readonly name: string;
  /** Stores a new entry, resolving once it is persisted, then starts sending it. Rejects with `StorageUnavailableError`. */
  enqueue(payload: P): Promise<OutboxEntry<P, D>>;
  /** Sends the queued entries one at a time, oldest first; stops at the first failure worth retrying (and schedules the retry). */
  flush(): Promise<void>;
  /** Loads the stored entries, sends what is queued, and retries on `online` events and after backoff. */
  start(): Promise<void>;
  /**
   * No more sends until `start()`: the timer and the `online` listener are removed, a pass under way
   * ends after the send in flight (which is still recorded), and entries enqueued meanwhile wait.
   */
  stop(): void;
  list(): Promise<OutboxEntry<P, D>[]>;
  /** Forgets an entry (a failed one the person has seen, a receipt); one being sent is not written back. */
  remove(id: string): Promise<void>;
  subscribe(listener: (change: OutboxChange<P, R, D>) => void): () => void;
}

/**
 * Refusals that sending again cannot change: invalid input, or a 4xx other than 401 (a token that
 * expired: the next attempt asks `getToken` again, so it goes through once the person has signed in
 * again), 408 (timeout), 429 (rate limit) and 409 `idempotency_in_flight` (the same key is still
 * being processed).
 */
export function isPermanentFailure(e: unknown): boolean {
  if (isValidationError(e)) return true;
  if (!isHttpError(e)) return false;
  const s = e.status;
  return s >= 400 && s < 500 && s !== 401 && s !== 408 && s !== 429 && !(s === 409 && e.code === 'idempotency_in_flight');
}

/** Jittered exponential backoff: between half and all of min(60 s, 1 s × 2^(attempt-1)). */
export const outboxBackoff = (attempt: number): number => {
  const cap = Math.min(60_000, 1000 * 2 ** Math.min(attempt - 1, 16));
  return Math.round(cap / 2 + (Math.random() * cap) / 2);
};

/** What an outbox keeps of an error (name, code, status, request id, message). */
export function outboxError(e: unknown): OutboxError {
  const x = (e ?? {}) as { name?: unknown; code?: unknown; status?: unknown; requestId?: unknown; message?: unknown };
  const out: OutboxError = { name: String(x.name ?? 'Error'), message: String(x.message ?? e) };
  if (typeof x.code === 'string') out.code = x.code;
  if (typeof x.status === 'number') out.status = x.status;
  if (typeof x.requestId === 'string') out.requestId = x.requestId;
  return out;
}

export function createOutbox<P, R = unknown, D = undefined>(options: OutboxOptions<P, R, D>): Outbox<P, R, D> {
  type E = OutboxEntry<P, D>;
  const { name, send, receipt } = options;
  const storage = options.storage ?? browserStorage();
  const permanent = options.isPermanentFailure ?? isPermanentFailure;
  const backoff = options.backoff ?? outboxBackoff;
  const now = options.now ?? Date.now;
  const keep = options.keepDeliveredMs ?? 86_400_000;
  const entries = new Map<string, E>();
  const listeners = new Set<(c: OutboxChange<P, R, D>) => void>();
  let loaded: Promise<void> | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hasWindow = typeof addEventListener === 'function';

  const save = (e: E) => storage.put(name, e as unknown as OutboxRecord).catch(() => undefined);
  const emit = (entry: E, result?: R, error?: unknown) => {
    for (const l of listeners) {
      try {
        l({ entry: clone(entry), ...(result === undefined ? {} : { result }), ...(error === undefined ? {} : { error }) });
      } catch {
        // a failing listener must not stop delivery
      }
    }
  };
  const update = async (e: E, result?: R, error?: unknown) => {
    entries.set(e.id, e);
    await save(e);
    emit(e, result, error);
  };

  const load = () =>
    (loaded ??= storage.all(name).then(
      async (records) => {
        for (const r of records as unknown as E[]) {
          if (entries.has(r.id)) continue;
          if (r.state === 'delivered' && now() - (r.deliveredAt ?? 0) > keep) {
            await storage.delete(name, r.id).catch(() => undefined);
            continue;
          }
          entries.set(r.id, r);
          // Left mid-send by a closed page: send again; the same key makes it exactly-once.
          if (r.state === 'sending') await update({ ...r, state: 'queued' });
        }
      },
      () => {
        loaded = undefined;
      },
    ));

  const schedule = (ms: number) => {
    clearTimeout(timer);
    // A timer longer than 2^31-1 ms fires at once (a `Retry-After` of a month would loop).
    if (!stopped) timer = setTimeout(() => void flush(), Math.min(ms, 2_147_483_647));
  };

  /** Sends one entry; false when it failed in a way worth retrying later. */
  async function sendOne(e: E): Promise<boolean> {
    const sending: E = { ...e, state: 'sending', attempts: e.attempts + 1 };
    await update(sending);
    // The payload (names, phones, descriptions) is not kept once the server has it.
    const done: E = { id: e.id, key: e.key, createdAt: e.createdAt, attempts: sending.attempts, state: 'delivered', deliveredAt: now() };
    let result: R;
    try {
      result = await send({ id: e.id, key: e.key, payload: e.payload as P, attempts: sending.attempts });
    } catch (error) {
      // Removed while it was being sent: nothing is written back (its payload least of all).
      if (!entries.has(e.id)) return true;
      // A 2xx whose body the SDK cannot read: the server has the entry, and sending it again would
      // only replay that answer (and hold up every entry behind it). Delivered, without a receipt.
      if (isResponseShapeError(error)) {
        await update({ ...done, lastError: outboxError(error) }, undefined, error);
        return true;
      }
      const fatal = permanent(error);
      await update({ ...sending, state: fatal ? 'failed' : 'queued', lastError: outboxError(error) }, undefined, error);
      if (fatal) return true;
      const after = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
      schedule(Math.max(backoff(sending.attempts), typeof after === 'number' ? after : 0));
      return false;
    }
    if (!entries.has(e.id)) return true;
    // A receipt that cannot be made leaves the entry delivered, without one: never sent again.
    try {
      if (receipt) done.receipt = receipt(result);
    } catch (error) {
      done.lastError = outboxError(error);
    }
    await update(done, result);
    return true;
  }

  async function pass(): Promise<void> {
    await load();
    clearTimeout(timer);
    for (;;) {
      if (stopped) return;
      const next = [...entries.values()].filter((e) => e.state === 'queued').sort((a, b) => a.createdAt - b.createdAt)[0];
      if (!next || !(await sendOne(next))) return;
    }
  }

  function flush(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await pass();
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  const onOnline = () => void flush();

  return {
    name,
    async enqueue(payload) {
      await load();
      // A copy: the caller may clear its form once queued, and what is sent must be what was stored.
      const entry: E = clone({ id: newIdempotencyKey(), key: newIdempotencyKey(), payload, createdAt: now(), attempts: 0, state: 'queued' });
      try {
        await storage.put(name, clone(entry) as unknown as OutboxRecord);
      } catch (cause) {
        throw new StorageUnavailableError({ cause });
      }
      entries.set(entry.id, entry);
      emit(entry);
      void flush();
      return clone(entry);
    },
    flush,
    start() {
      stopped = false;
      if (hasWindow) {
        removeEventListener('online', onOnline);
        addEventListener('online', onOnline);
      }
      return flush();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      if (hasWindow) removeEventListener('online', onOnline);
    },
    async list() {
      await load();
      return [...entries.values()].sort((a, b) => a.createdAt - b.createdAt).map(clone);
    },
    async remove(id) {
      entries.delete(id);
      await storage.delete(name, id);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
