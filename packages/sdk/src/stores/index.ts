/**
 * Headless stores: state with `get()` and `subscribe()`, nothing else. React uses them with
 * `useSyncExternalStore(store.subscribe, store.get)`, Vue with a `shallowRef` updated in
 * `subscribe`, Lit with a controller. `get()` returns the same object until the state changes.
 */
export interface Store<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

export interface WritableStore<T> extends Store<T> {
  set(next: T | ((previous: T) => T)): void;
}

export function createStore<T>(initial: T): WritableStore<T> {
  let state = initial;
  // One entry per subscription: the same function subscribed twice is called twice, and each
  // unsubscribe removes its own subscription only (once, however often it is called).
  let listeners: { fn: () => void }[] = [];
  return {
    get: () => state,
    set(next) {
      const value = typeof next === 'function' ? (next as (p: T) => T)(state) : next;
      if (Object.is(value, state)) return;
      state = value;
      for (const l of listeners) l.fn();
    },
    subscribe(listener) {
      const entry = { fn: listener };
      listeners = [...listeners, entry];
      return () => {
        listeners = listeners.filter((l) => l !== entry);
      };
    },
  };
}

export interface ResourceState<T> {
  status: 'idle' | 'pending' | 'ready' | 'error';
  /** The last good value; kept while a reload is pending or after it failed. */
  value?: T;
  error?: unknown;
}

export interface ResourceStore<T> extends Store<ResourceState<T>> {
  /** Loads (again); a newer load aborts the one in flight. */
  load(): Promise<void>;
  /** Aborts the load in flight: the state goes back to what it was before that load began. */
  abort(): void;
}

/** A value loaded from the API, e.g. `createResource((signal) => client.catalog.current({ signal }))`. */
export function createResource<T>(loader: (signal: AbortSignal) => Promise<T>): ResourceStore<T> {
  const store = createStore<ResourceState<T>>({ status: 'idle' });
  let controller: AbortController | undefined;
  /** The state before the load in flight began, which an abort returns to. */
  let before: ResourceState<T> = store.get();
  const abort = () => {
    if (!controller) return;
    controller.abort();
    controller = undefined;
    store.set(before);
  };
  return {
    get: store.get,
    subscribe: store.subscribe,
    abort,
    async load() {
      abort();
      before = store.get();
      const own = (controller = new AbortController());
      store.set((s) => ({ ...s, status: 'pending' }));
      try {
        const value = await loader(own.signal);
        if (own === controller) store.set({ status: 'ready', value });
      } catch (error) {
        if (own === controller && !own.signal.aborted) store.set((s) => ({ ...s, status: 'error', error }));
      } finally {
        if (own === controller) controller = undefined;
      }
    },
  };
}

export interface PagedState<T> {
  status: 'idle' | 'pending' | 'ready' | 'error';
  items: T[];
  /** Whether another page exists. */
  more: boolean;
  error?: unknown;
}

export interface PagedStore<T> extends Store<PagedState<T>> {
  /** Loads the next page (the first on the first call); does nothing while one is loading or at the end. */
  loadMore(): Promise<void>;
  /** Starts again from the first page. */
  reset(): void;
}

/**
 * A cursor-paginated list, e.g.
 * `createPagedList((cursor, signal) => client.bookings.list({ scope: 'upcoming', cursor }, { signal }))`.
 * Items already seen (by `key`) are not added twice.
 */
export function createPagedList<T>(
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<{ items: T[]; nextCursor: string | null }>,
  key: (item: T) => string = (item) => (item as { id: string }).id,
): PagedStore<T> {
  const initial: PagedState<T> = { status: 'idle', items: [], more: true };
  const store = createStore(initial);
  let cursor: string | undefined;
  let controller: AbortController | undefined;
  return {
    get: store.get,
    subscribe: store.subscribe,
    reset() {
      controller?.abort();
      controller = undefined;
      cursor = undefined;
      store.set(initial);
    },
    async loadMore() {
      const state = store.get();
      if (state.status === 'pending' || !state.more) return;
      const own = (controller = new AbortController());
      store.set({ ...state, status: 'pending' });
      try {
        const page = await fetchPage(cursor, own.signal);
        if (own !== controller) return;
        const seen = new Set(store.get().items.map(key));
        cursor = page.nextCursor ?? undefined;
        store.set((s) => ({
          status: 'ready',
          items: [...s.items, ...page.items.filter((item) => !seen.has(key(item)))],
          more: page.nextCursor !== null,
        }));
      } catch (error) {
        if (own === controller && !own.signal.aborted) store.set((s) => ({ ...s, status: 'error', error }));
      }
    },
  };
}
