// The outbox through its public API, with an in-memory storage and a scripted `send`.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConflictError, HttpError, NetworkError, RateLimitError, ResponseShapeError, ValidationError } from '@bianmin/sdk';
import type { OutboxChange, OutboxOptions } from '@bianmin/sdk/outbox';
import { browserStorage, createOutbox, isPermanentFailure, isStorageUnavailableError, localStorageStorage, memoryStorage, StorageUnavailableError, type OutboxRecord, type OutboxStorage } from '@bianmin/sdk/outbox';

interface Payload {
  phone: string;
  description: string;
}
interface Result {
  id: string;
  number: string;
  phone: string;
}
const payload: Payload = { phone: '13812345678', description: '电梯困人' };

const http = (status: number, code = `http_${status}`) =>
  status === 409 ? new ConflictError({ status, code, message: code }) : status === 429 ? new RateLimitError({ status, code, message: code }) : new HttpError({ status, code, message: code, requestId: 'req-1' });

/** A `send` that answers from a script (the last answer repeats) and records every attempt. */
function scripted(...answers: (Error | 'ok')[]) {
  const seen: { id: string; key: string; payload: Payload; attempts: number }[] = [];
  const send = vi.fn(async (e: { id: string; key: string; payload: Payload; attempts: number }): Promise<Result> => {
    seen.push(structuredClone(e));
    const a = answers[Math.min(seen.length - 1, answers.length - 1)]!;
    if (a !== 'ok') throw a;
    return { id: 'hr-1', number: 'QZ-1', phone: e.payload.phone };
  });
  return { send, seen };
}

function outbox(storage: OutboxStorage, send: OutboxOptions<Payload, Result, { id: string; number: string }>['send'], extra: Partial<OutboxOptions<Payload, Result, { id: string; number: string }>> = {}) {
  return createOutbox<Payload, Result, { id: string; number: string }>({
    name: 'help',
    storage,
    send,
    receipt: (r) => ({ id: r.id, number: r.number }),
    backoff: () => 1,
    ...extra,
  });
}

/** Resolves once `pred` holds for the outbox's entries. */
async function until(box: { list(): Promise<{ state: string }[]> }, pred: (states: string[]) => boolean) {
  for (let i = 0; i < 500; i++) {
    const states = (await box.list()).map((e) => e.state);
    if (pred(states)) return states;
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error('the outbox did not settle');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('enqueue', () => {
  it('resolves only once the entry is in storage, as queued, with a key made once', async () => {
    const storage = memoryStorage();
    let release!: () => void;
    const slow: OutboxStorage = {
      ...storage,
      put: (n, r) => new Promise<void>((res) => (release = () => void storage.put(n, r).then(res))),
    };
    const { send } = scripted(new NetworkError('offline'));
    const box = outbox(slow, send);
    let resolved = false;
    const pending = box.enqueue(payload).then((e) => ((resolved = true), e));
    await new Promise((r) => setTimeout(r, 5));
    expect(resolved).toBe(false);
    expect(await storage.all('help')).toHaveLength(0);
    release();
    const entry = await pending;
    expect(entry.state).toBe('queued');
    expect(entry.key).toMatch(/^[0-9a-f-]{36}$/);
    const stored = (await storage.all('help'))[0]!;
    expect(stored).toMatchObject({ id: entry.id, key: entry.key, payload, state: 'queued', attempts: 0 });
    box.stop();
  });

  it('rejects with StorageUnavailableError when storage throws, so the caller can offer calls at once', async () => {
    const broken: OutboxStorage = { all: async () => [], put: async () => Promise.reject(new DOMException('quota', 'QuotaExceededError')), delete: async () => {} };
    const { send } = scripted('ok');
    const box = outbox(broken, send);
    const error = await box.enqueue(payload).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect(isStorageUnavailableError(error)).toBe(true);
    expect(send).not.toHaveBeenCalled();
  });
});

describe('delivery', () => {
  it('retries a 5xx and a network error with the same key, then delivers and keeps only the receipt', async () => {
    const storage = memoryStorage();
    const { send, seen } = scripted(http(503), new NetworkError('dropped'), 'ok');
    const box = outbox(storage, send);
    const changes: OutboxChange<Payload, Result, { id: string; number: string }>[] = [];
    box.subscribe((c) => changes.push(c));
    const entry = await box.enqueue(payload);
    await until(box, (s) => s[0] === 'delivered');
    expect(seen.map((s) => s.key)).toEqual([entry.key, entry.key, entry.key]);
    expect(seen.map((s) => s.attempts)).toEqual([1, 2, 3]);
    const [stored] = await storage.all('help');
    expect(stored).toEqual({ id: entry.id, key: entry.key, createdAt: entry.createdAt, attempts: 3, state: 'delivered', deliveredAt: expect.any(Number), receipt: { id: 'hr-1', number: 'QZ-1' } });
    expect(JSON.stringify(stored)).not.toContain('13812345678');
    expect(JSON.stringify(stored)).not.toContain('电梯');
    const delivered = changes.find((c) => c.entry.state === 'delivered')!;
    expect(delivered.result).toEqual({ id: 'hr-1', number: 'QZ-1', phone: '13812345678' });
    expect(changes.map((c) => c.entry.state)).toEqual(['queued', 'sending', 'queued', 'sending', 'queued', 'sending', 'delivered']);
    box.stop();
  });

  it('marks a 4xx refusal failed with why, keeps it (with its payload) and does not retry it', async () => {
    const storage = memoryStorage();
    const { send } = scripted(http(400, 'validation_failed'), 'ok');
    const box = outbox(storage, send);
    await box.enqueue(payload);
    await until(box, (s) => s[0] === 'failed');
    await new Promise((r) => setTimeout(r, 20));
    expect(send).toHaveBeenCalledTimes(1);
    const [stored] = (await storage.all('help')) as (OutboxRecord & { lastError: unknown; payload: unknown })[];
    expect(stored!.state).toBe('failed');
    expect(stored!.lastError).toEqual({ name: 'HttpError', code: 'validation_failed', status: 400, requestId: 'req-1', message: 'validation_failed' });
    expect(stored!.payload).toEqual(payload);
    await box.remove(stored!.id);
    expect(await storage.all('help')).toEqual([]);
  });

  it('takes a 2xx it cannot read as delivered (the server has it), without a receipt, and goes on to the next entry', async () => {
    const storage = memoryStorage();
    const unreadable = new ResponseShapeError('help.create', [{ path: ['number'], message: 'Invalid input', code: 'invalid_type' }], 201, 'req-9');
    const sent: string[] = [];
    const box = outbox(storage, async (e) => {
      sent.push(e.payload.description);
      if (e.payload.description === 'repair') throw unreadable;
      return { id: 'hr-2', number: 'QZ-2', phone: e.payload.phone };
    });
    const changes: OutboxChange<Payload, Result, { id: string; number: string }>[] = [];
    box.subscribe((c) => changes.push(c));
    const repair = await box.enqueue({ ...payload, description: 'repair' });
    const medical = await box.enqueue({ ...payload, description: 'medical' });
    await until(box, (s) => s.length === 2 && s.every((x) => x === 'delivered'));
    await new Promise((r) => setTimeout(r, 20));
    // Sent once each: replaying the key would only replay the unreadable answer.
    expect(sent).toEqual(['repair', 'medical']);
    const stored = new Map((await storage.all('help')).map((r) => [r.id, r as OutboxRecord & Record<string, unknown>]));
    expect(stored.get(repair.id)).toMatchObject({ state: 'delivered', attempts: 1, lastError: { name: 'ResponseShapeError', code: 'response_shape', requestId: 'req-9' } });
    expect(stored.get(repair.id)).not.toHaveProperty('receipt');
    expect(stored.get(repair.id)).not.toHaveProperty('payload');
    expect(stored.get(medical.id)).toMatchObject({ state: 'delivered', receipt: { id: 'hr-2', number: 'QZ-2' } });
    const unread = changes.find((c) => c.entry.id === repair.id && c.entry.state === 'delivered')!;
    expect(unread.error).toBe(unreadable);
    expect(unread.result).toBeUndefined();
    box.stop();
  });

  it('sends entries one at a time, oldest first, each with its own key', async () => {
    const storage = memoryStorage();
    let active = 0;
    let most = 0;
    const order: string[] = [];
    const box = outbox(storage, async (e) => {
      active++;
      most = Math.max(most, active);
      await new Promise((r) => setTimeout(r, 3));
      order.push(e.payload.description);
      active--;
      return { id: e.id, number: e.id, phone: '' };
    });
    const a = await box.enqueue({ ...payload, description: 'a' });
    const b = await box.enqueue({ ...payload, description: 'b' });
    const c = await box.enqueue({ ...payload, description: 'c' });
    await until(box, (s) => s.every((x) => x === 'delivered'));
    expect(order).toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
    expect(new Set([a.key, b.key, c.key]).size).toBe(3);
  });

  it('classifies failures: 4xx are permanent except 401, 408, 429 and 409 idempotency_in_flight', () => {
    expect(isPermanentFailure(http(400))).toBe(true);
    expect(isPermanentFailure(http(401)), 'a sign-in that expired: sent again once signed in').toBe(false);
    expect(isPermanentFailure(http(403))).toBe(true);
    expect(isPermanentFailure(http(404))).toBe(true);
    expect(isPermanentFailure(http(422, 'idempotency_mismatch'))).toBe(true);
    expect(isPermanentFailure(http(409, 'invalid_transition'))).toBe(true);
    expect(isPermanentFailure(new ValidationError('help.create', 'body', []))).toBe(true);
    expect(isPermanentFailure(http(408))).toBe(false);
    expect(isPermanentFailure(http(429))).toBe(false);
    expect(isPermanentFailure(http(409, 'idempotency_in_flight'))).toBe(false);
    expect(isPermanentFailure(http(500))).toBe(false);
    expect(isPermanentFailure(new NetworkError('x'))).toBe(false);
    expect(isPermanentFailure(new Error('x'))).toBe(false);
  });

  it('waits at least the server’s Retry-After before trying again', async () => {
    const storage = memoryStorage();
    const limited = new RateLimitError({ status: 429, code: 'rate_limited', message: 'slow down', retryAfterMs: 60 });
    const { send, seen } = scripted(limited, 'ok');
    const times: number[] = [];
    const box = outbox(storage, async (e) => ((times.push(Date.now()), send(e))));
    await box.enqueue(payload);
    await until(box, (s) => s[0] === 'delivered');
    expect(seen).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(55);
  });
});

describe('a sign-in that expired', () => {
  it('keeps a request refused with 401 queued, with the key it had, and sends it once the token is fresh', async () => {
    const storage = memoryStorage();
    let token = 'expired';
    const seen: { key: string; token: string }[] = [];
    const box = outbox(storage, async (e) => {
      seen.push({ key: e.key, token });
      if (token === 'expired') throw http(401, 'unauthorized');
      return { id: 'hr-1', number: 'QZ-1', phone: e.payload.phone };
    });
    const entry = await box.enqueue(payload);
    await until(box, () => seen.length >= 2);
    const waiting = (await box.list())[0]!;
    expect(['queued', 'sending']).toContain(waiting.state);
    expect(waiting.payload, 'nothing the resident typed is lost').toEqual(payload);
    expect((await storage.all('help'))[0]).toMatchObject({ lastError: { status: 401 } });
    token = 'fresh';
    await until(box, (s) => s[0] === 'delivered');
    expect(new Set(seen.map((x) => x.key))).toEqual(new Set([entry.key]));
    expect(seen.at(-1)?.token).toBe('fresh');
    box.stop();
  });
});

describe('what the caller does meanwhile', () => {
  it('sends the payload as it was stored, though the caller clears its form once queued', async () => {
    const storage = memoryStorage();
    const { send, seen } = scripted(new NetworkError('offline'), 'ok');
    const box = outbox(storage, send);
    const form = { ...payload };
    await box.enqueue(form);
    form.phone = '';
    form.description = '';
    await until(box, (s) => s[0] === 'delivered');
    expect(seen.map((e) => e.payload)).toEqual([payload, payload]);
  });

  it('does not write back an entry removed while it was being sent, nor its personal data', async () => {
    const storage = memoryStorage();
    let fail: (e: Error) => void = () => {};
    const box = outbox(storage, () => new Promise<Result>((_, reject) => (fail = reject)), { backoff: () => 3_600_000 });
    const entry = await box.enqueue(payload);
    await until(box, (s) => s[0] === 'sending');
    await box.remove(entry.id);
    fail(new NetworkError('offline'));
    await new Promise((r) => setTimeout(r, 10));
    expect(await storage.all('help')).toEqual([]);
    expect(await box.list()).toEqual([]);
    box.stop();
  });

  it('keeps an entry delivered when its receipt cannot be made: never sent again, and the next one goes', async () => {
    const storage = memoryStorage();
    const { send, seen } = scripted('ok');
    const box = createOutbox<Payload, Result, string>({
      name: 'help',
      storage,
      send,
      receipt: (r) => {
        if (r.number === 'QZ-1' && seen.length === 1) throw new TypeError('no number');
        return r.number;
      },
      backoff: () => 1,
    });
    await box.enqueue(payload);
    await box.enqueue({ ...payload, description: '第二条' });
    await until(box, (s) => s.length === 2 && s.every((x) => x === 'delivered'));
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toHaveLength(2);
    const [first, second] = await box.list();
    expect([first!.receipt, first!.lastError?.name, second!.receipt]).toEqual([undefined, 'TypeError', 'QZ-1']);
  });

  it('waits no less for a Retry-After too long for a timer (a month), instead of looping', async () => {
    const limited = new RateLimitError({ status: 429, code: 'rate_limited', message: 'slow down', retryAfterMs: 30 * 86_400_000 });
    const { send } = scripted(limited);
    const box = outbox(memoryStorage(), send);
    await box.enqueue(payload);
    await until(box, (s) => s[0] === 'queued' && send.mock.calls.length >= 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(send).toHaveBeenCalledTimes(1);
    box.stop();
  });

  it('stops between sends when stop() is called during a pass; what is queued meanwhile waits for start()', async () => {
    const storage = memoryStorage();
    const releases: (() => void)[] = [];
    const sent: string[] = [];
    const box = outbox(storage, (e) => new Promise<Result>((r) => releases.push(() => (sent.push(e.payload.description), r({ id: e.id, number: 'QZ', phone: '' })))));
    for (const d of ['一', '二', '三']) await box.enqueue({ ...payload, description: d });
    await until(box, (s) => s[0] === 'sending');
    box.stop();
    releases.shift()!();
    await until(box, (s) => s[0] === 'delivered');
    await new Promise((r) => setTimeout(r, 10));
    expect(sent).toEqual(['一']);
    expect((await box.list()).map((e) => e.state)).toEqual(['delivered', 'queued', 'queued']);
    void box.start();
    for (let i = 0; i < 50 && sent.length < 3; i++) {
      releases.shift()?.();
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(sent).toEqual(['一', '二', '三']);
    box.stop();
  });
});

describe('a reload', () => {
  it('picks up queued entries, and sends again with the same key an entry a closed page left mid-send', async () => {
    const storage = memoryStorage();
    const first = scripted(new NetworkError('offline'));
    const tab1 = outbox(storage, first.send, { backoff: () => 3_600_000 });
    const queued = await tab1.enqueue({ ...payload, description: 'queued' });
    await until(tab1, (s) => s[0] === 'queued' && first.seen.length > 0);
    tab1.stop();
    // A second entry that a closed page left in 'sending'.
    await storage.put('help', { id: 'left', key: 'key-left', payload, createdAt: Date.now() + 1, attempts: 1, state: 'sending' });

    const second = scripted('ok');
    const tab2 = outbox(storage, second.send);
    await tab2.start();
    await until(tab2, (s) => s.length === 2 && s.every((x) => x === 'delivered'));
    expect(second.seen.map((s) => s.key)).toEqual([queued.key, 'key-left']);
    expect(second.seen[1]!.attempts).toBe(2);
    tab2.stop();
  });

  it('drops delivered receipts older than keepDeliveredMs', async () => {
    const storage = memoryStorage();
    const t = 1_800_000_000_000;
    await storage.put('help', { id: 'old', key: 'k1', createdAt: t - 90_000_000, attempts: 1, state: 'delivered', deliveredAt: t - 86_400_001 });
    await storage.put('help', { id: 'new', key: 'k2', createdAt: t - 60_000, attempts: 1, state: 'delivered', deliveredAt: t - 60_000 });
    const box = outbox(storage, scripted('ok').send, { now: () => t });
    expect((await box.list()).map((e) => e.id)).toEqual(['new']);
    expect((await storage.all('help')).map((r) => r.id)).toEqual(['new']);
  });

  it('retries when the browser says it is back online, and not after stop()', async () => {
    const target = new EventTarget();
    vi.stubGlobal('addEventListener', target.addEventListener.bind(target));
    vi.stubGlobal('removeEventListener', target.removeEventListener.bind(target));
    const { send } = scripted(new NetworkError('offline'), 'ok');
    const box = outbox(memoryStorage(), send, { backoff: () => 3_600_000 });
    await box.start();
    await box.enqueue(payload);
    await until(box, (s) => s[0] === 'queued' && send.mock.calls.length === 1);
    target.dispatchEvent(new Event('online'));
    await until(box, (s) => s[0] === 'delivered');

    const other = scripted(new NetworkError('offline'));
    const stopped = outbox(memoryStorage(), other.send, { backoff: () => 3_600_000 });
    await stopped.start();
    await stopped.enqueue(payload);
    await until(stopped, (s) => s[0] === 'queued' && other.send.mock.calls.length === 1);
    stopped.stop();
    target.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 10));
    expect(other.send).toHaveBeenCalledTimes(1);
  });
});

describe('storage', () => {
  /** A Storage backed by a Map; `full` makes setItem throw like a full or disabled localStorage. */
  function fakeLocalStorage() {
    const m = new Map<string, string>();
    return {
      full: false,
      getItem: (k: string) => m.get(k) ?? null,
      setItem(k: string, v: string) {
        if (this.full) throw new DOMException('full', 'QuotaExceededError');
        m.set(k, v);
      },
      removeItem: (k: string) => void m.delete(k),
      map: m,
    };
  }

  it('localStorage keeps each outbox under its own key, written whole', async () => {
    const ls = fakeLocalStorage();
    const s = localStorageStorage(ls as unknown as Storage);
    await s.put('a', { id: '1', v: 1 });
    await s.put('a', { id: '2', v: 2 });
    await s.put('a', { id: '1', v: 3 });
    await s.put('b', { id: '1', v: 4 });
    await s.delete('a', '2');
    expect(await s.all('a')).toEqual([{ id: '1', v: 3 }]);
    expect(await s.all('b')).toEqual([{ id: '1', v: 4 }]);
    expect([...ls.map.keys()].sort()).toEqual(['bianmin-outbox:a', 'bianmin-outbox:b']);
  });

  it('browserStorage falls back to localStorage without IndexedDB, and rejects typed when neither works', async () => {
    const ls = fakeLocalStorage();
    vi.stubGlobal('localStorage', ls);
    const s = browserStorage();
    await s.put('help', { id: 'x' });
    expect(ls.map.get('bianmin-outbox:help')).toBe('[{"id":"x"}]');

    ls.full = true;
    const none = browserStorage();
    const error = await none.put('help', { id: 'y' }).catch((e: unknown) => e);
    expect(isStorageUnavailableError(error)).toBe(true);
    const box = createOutbox({ name: 'help', storage: none, send: async () => 'ok' });
    await expect(box.enqueue(payload)).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});
