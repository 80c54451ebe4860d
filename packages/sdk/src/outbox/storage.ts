/**
 * Where an outbox keeps its entries between page loads: IndexedDB (a small hand-written wrapper),
 * else localStorage, else nothing (`StorageUnavailableError`, so a UI can offer phone calls at once).
 * An in-memory storage serves tests and pages that want no persistence.
 */
import { BianminError } from '../client/errors.js';

/** A record as stored: plain JSON (the outbox's entries). */
export interface OutboxRecord {
  readonly id: string;
  [field: string]: unknown;
}

/** Per-outbox (`name`) records, each written whole. A write resolves only once it is durable. */
export interface OutboxStorage {
  all(name: string): Promise<OutboxRecord[]>;
  put(name: string, record: OutboxRecord): Promise<void>;
  delete(name: string, id: string): Promise<void>;
}

/** Nothing on this device can keep an entry (private mode, storage disabled or full). */
export class StorageUnavailableError extends BianminError {
  constructor(options?: { cause?: unknown }) {
    super('No storage is available to keep the entry', 'storage_unavailable', options);
    this.name = 'StorageUnavailableError';
  }
}

/** Recognises a `StorageUnavailableError` by its name (works across copies of the SDK). */
export const isStorageUnavailableError = (e: unknown): e is StorageUnavailableError =>
  (e as { name?: unknown } | null)?.name === 'StorageUnavailableError';

/** A deep copy of plain JSON data. */
export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Keeps records in this JavaScript realm only (they survive a new outbox, not a page load). */
export function memoryStorage(): OutboxStorage {
  const boxes = new Map<string, Map<string, OutboxRecord>>();
  const box = (name: string) => boxes.get(name) ?? boxes.set(name, new Map()).get(name)!;
  return {
    all: async (name) => [...box(name).values()].map(clone),
    put: async (name, r) => void box(name).set(r.id, clone(r)),
    delete: async (name, id) => void box(name).delete(id),
  };
}

/** One localStorage key per outbox (`bianmin-outbox:<name>`) holding its records as a JSON array. */
export function localStorageStorage(ls: Storage = localStorage): OutboxStorage {
  const key = (name: string) => `bianmin-outbox:${name}`;
  const read = (name: string): OutboxRecord[] => JSON.parse(ls.getItem(key(name)) ?? '[]') as OutboxRecord[];
  const write = (name: string, id: string, r?: OutboxRecord) =>
    ls.setItem(key(name), JSON.stringify([...read(name).filter((x) => x.id !== id), ...(r ? [r] : [])]));
  return {
    all: async (name) => read(name),
    put: async (name, r) => write(name, r.id, r),
    delete: async (name, id) => write(name, id),
  };
}

/** One IndexedDB database (`bianmin-outbox`), one object store keyed by `[name, id]`. */
export function indexedDbStorage(dbName = 'bianmin-outbox'): OutboxStorage {
  let db: Promise<IDBDatabase> | undefined;
  const open = () =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      // No version: a database another tab has upgraded opens as it is (asking for 1 would fail).
      const req = indexedDB.open(dbName);
      req.onupgradeneeded = () => req.result.createObjectStore('entries');
      req.onsuccess = () => {
        const d = req.result;
        // Another tab upgrading the database, or the browser closing it: opened again next time.
        d.onversionchange = d.onclose = () => {
          d.close();
          db = undefined;
        };
        resolve(d);
      };
      req.onerror = () => reject(req.error);
    }).catch((e: unknown) => {
      db = undefined;
      throw e;
    }));
  // Resolves when the transaction completes, so a write has been committed.
  const run = <T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>) =>
    open().then(
      (d) =>
        new Promise<T>((resolve, reject) => {
          let tx: IDBTransaction;
          try {
            tx = d.transaction('entries', mode);
          } catch (e) {
            // A connection closed under us (InvalidStateError): the next call opens a new one.
            db = undefined;
            throw e;
          }
          const req = op(tx.objectStore('entries'));
          tx.oncomplete = () => resolve(req.result);
          tx.onerror = tx.onabort = () => reject(tx.error);
        }),
    );
  return {
    // [name] < [name, id] < [name, []]: arrays sort after strings in IndexedDB keys.
    all: (name) => run('readonly', (s) => s.getAll(IDBKeyRange.bound([name], [name, []]))) as Promise<OutboxRecord[]>,
    put: (name, r) => run('readwrite', (s) => s.put(r, [name, r.id])).then(() => undefined),
    delete: (name, id) => run('readwrite', (s) => s.delete([name, id])).then(() => undefined),
  };
}

/** Whether `storage` can write and delete a record now. */
export async function isStorageAvailable(storage: OutboxStorage = browserStorage()): Promise<boolean> {
  try {
    await storage.put('bianmin-probe', { id: 'probe' });
    await storage.delete('bianmin-probe', 'probe');
    return true;
  } catch {
    return false;
  }
}

/**
 * IndexedDB where it works, else localStorage; every operation rejects with
 * `StorageUnavailableError` when neither does. The choice is made on first use (and retried after
 * a failure, in case storage comes back).
 */
export function browserStorage(): OutboxStorage {
  let chosen: Promise<OutboxStorage> | undefined;
  const pick = () =>
    (chosen ??= (async () => {
      for (const make of [indexedDbStorage, localStorageStorage]) {
        try {
          const s = make();
          if (await isStorageAvailable(s)) return s;
        } catch {
          // this kind of storage does not exist here
        }
      }
      chosen = undefined;
      throw new StorageUnavailableError();
    })());
  return {
    all: (name) => pick().then((s) => s.all(name)),
    put: (name, r) => pick().then((s) => s.put(name, r)),
    delete: (name, id) => pick().then((s) => s.delete(name, id)),
  };
}
