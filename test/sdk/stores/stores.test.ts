import { describe, expect, it } from 'vitest';
import { createPagedList, createResource, createStore } from '../../../packages/sdk/src/stores/index.js';

describe('headless stores', () => {
  it('notify subscribers on change only, and keep the snapshot identity stable (useSyncExternalStore)', () => {
    const store = createStore({ n: 0 });
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    const first = store.get();
    expect(store.get()).toBe(first);
    store.set(first);
    expect(calls).toBe(0);
    store.set((s) => ({ n: s.n + 1 }));
    expect(calls).toBe(1);
    expect(store.get()).toEqual({ n: 1 });
    unsubscribe();
    store.set({ n: 2 });
    expect(calls).toBe(1);
  });

  it('load a resource, keep the last good value on failure, and drop a superseded load', async () => {
    let resolveFirst: (v: string) => void = () => {};
    const answers: Array<() => Promise<string>> = [
      () => new Promise((r) => (resolveFirst = r)),
      () => Promise.resolve('second'),
      () => Promise.reject(new Error('down')),
    ];
    const signals: AbortSignal[] = [];
    const resource = createResource((signal) => {
      signals.push(signal);
      return answers.shift()!();
    });
    const first = resource.load();
    expect(resource.get().status).toBe('pending');
    await resource.load();
    expect(signals[0]!.aborted).toBe(true);
    resolveFirst('first');
    await first;
    expect(resource.get()).toEqual({ status: 'ready', value: 'second' });
    await resource.load();
    expect(resource.get().status).toBe('error');
    expect(resource.get().value).toBe('second');
  });

  it('count each subscription: the same function twice is called twice, and each unsubscribe ends its own', () => {
    const store = createStore(0);
    let calls = 0;
    const listener = () => calls++;
    const a = store.subscribe(listener);
    const b = store.subscribe(listener);
    store.set(1);
    expect(calls).toBe(2);
    a();
    a(); // twice: still only its own
    store.set(2);
    expect(calls).toBe(3);
    b();
    store.set(3);
    expect(calls).toBe(3);
  });

  it('abort a resource load back to where it was: never pending for ever', async () => {
    const never = () => new Promise<string>(() => {});
    const answers: Array<() => Promise<string>> = [never, () => Promise.resolve('one'), never];
    const resource = createResource(() => answers.shift()!());
    void resource.load();
    expect(resource.get().status).toBe('pending');
    resource.abort();
    expect(resource.get()).toEqual({ status: 'idle' });
    await resource.load();
    expect(resource.get()).toEqual({ status: 'ready', value: 'one' });
    // A reload aborted: the last good value, ready again.
    void resource.load();
    expect(resource.get()).toEqual({ status: 'pending', value: 'one' });
    resource.abort();
    expect(resource.get()).toEqual({ status: 'ready', value: 'one' });
    // Aborting with nothing in flight changes nothing.
    const before = resource.get();
    resource.abort();
    expect(resource.get()).toBe(before);
  });

  it('page through a cursor list once, without duplicates, and start again on reset', async () => {
    const pages: Record<string, { items: { id: string }[]; nextCursor: string | null }> = {
      start: { items: [{ id: 'a' }, { id: 'b' }], nextCursor: 'c1' },
      c1: { items: [{ id: 'b' }, { id: 'c' }], nextCursor: null },
    };
    const asked: (string | undefined)[] = [];
    const list = createPagedList(async (cursor) => {
      asked.push(cursor);
      return pages[cursor ?? 'start']!;
    });
    await list.loadMore();
    await list.loadMore();
    await list.loadMore();
    expect(list.get().items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(list.get().more).toBe(false);
    expect(asked).toEqual([undefined, 'c1']);
    list.reset();
    expect(list.get().items).toEqual([]);
    await list.loadMore();
    expect(asked).toEqual([undefined, 'c1', undefined]);
  });
});
