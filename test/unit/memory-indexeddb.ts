// happy-dom has no IndexedDB, and the key store (utils/connection.ts) keeps the key there. This
// is just enough of IndexedDB for idb-keyval's createStore, get, set and del: named databases
// with object stores of structured clones, requests and transactions that settle on a later
// microtask (so handlers assigned after the call, as idb-keyval does, still run). The real
// thing is tested in the browsers (test/scenarios/key-store.scenario.ts, in Chromium and Firefox).

type Handler = ((this: unknown, event: unknown) => void) | null;

class FakeRequest<T = unknown> {
  result: T | undefined;
  error: DOMException | null = null;
  onsuccess: Handler = null;
  onerror: Handler = null;
  oncomplete: Handler = null;
  onabort: Handler = null;
  onupgradeneeded: Handler = null;
  succeed(result: T) {
    this.result = result;
    this.onsuccess?.call(this, { target: this });
  }
  fail(error: DOMException) {
    this.error = error;
    this.onerror?.call(this, { target: this });
  }
}

const later = (run: () => void) => void Promise.resolve().then(run);

class FakeTransaction extends FakeRequest<undefined> {
  private pending = 0;
  constructor(
    private readonly db: FakeDatabase,
    private readonly name: string,
    readonly mode: IDBTransactionMode,
  ) {
    super();
    // A transaction with nothing to do completes too.
    later(() => this.settle());
  }
  objectStore(name: string) {
    if (name !== this.name) throw new DOMException(`No store ${name} in this transaction`, 'NotFoundError');
    return new FakeObjectStore(this, this.db.data(name));
  }
  run<T>(work: () => T) {
    const request = new FakeRequest<T>();
    this.pending++;
    later(() => {
      try {
        request.succeed(work());
      } catch (error) {
        request.fail(error as DOMException);
      }
      this.pending--;
      this.settle();
    });
    return request;
  }
  private settle() {
    if (this.pending === 0) later(() => this.pending === 0 && this.oncomplete?.call(this, { target: this }));
  }
}

class FakeObjectStore {
  constructor(
    readonly transaction: FakeTransaction,
    private readonly rows: Map<unknown, unknown>,
  ) {}
  get(key: IDBValidKey) {
    return this.transaction.run(() => (this.rows.has(key) ? structuredClone(this.rows.get(key)) : undefined));
  }
  put(value: unknown, key: IDBValidKey) {
    if (this.transaction.mode !== 'readwrite') throw new DOMException('Read-only transaction', 'ReadOnlyError');
    const copy = structuredClone(value); // what IndexedDB stores is a clone, taken now
    return this.transaction.run(() => void this.rows.set(key, copy));
  }
  delete(key: IDBValidKey) {
    if (this.transaction.mode !== 'readwrite') throw new DOMException('Read-only transaction', 'ReadOnlyError');
    return this.transaction.run(() => void this.rows.delete(key));
  }
}

class FakeDatabase {
  readonly stores = new Map<string, Map<unknown, unknown>>();
  onclose: Handler = null;
  createObjectStore(name: string) {
    this.stores.set(name, new Map());
  }
  data(name: string) {
    const rows = this.stores.get(name);
    if (!rows) throw new DOMException(`No object store ${name}`, 'NotFoundError');
    return rows;
  }
  transaction(name: string, mode: IDBTransactionMode = 'readonly') {
    this.data(name);
    return new FakeTransaction(this, name, mode);
  }
}

/** An in-memory IndexedDB for unit tests; `reset()` empties every store (not the open handles). */
export function createMemoryIndexedDb() {
  const databases = new Map<string, FakeDatabase>();
  return {
    open(name: string) {
      const request = new FakeRequest<FakeDatabase>();
      later(() => {
        let db = databases.get(name);
        if (!db) {
          databases.set(name, (db = new FakeDatabase()));
          request.result = db;
          request.onupgradeneeded?.call(request, { target: request });
        }
        request.succeed(db);
      });
      return request;
    },
    /** The rows of one store, to look at what a test left there. */
    rows(database: string, store: string): Map<unknown, unknown> | undefined {
      return databases.get(database)?.stores.get(store);
    },
    reset() {
      for (const db of databases.values()) for (const rows of db.stores.values()) rows.clear();
    },
  };
}

export type MemoryIndexedDb = ReturnType<typeof createMemoryIndexedDb>;
