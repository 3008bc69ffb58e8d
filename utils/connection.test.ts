import { createStore, get } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { MemoryIndexedDb } from '../test/unit/memory-indexeddb';
import type { Result } from './close/client';
import type { Me } from './close/schemas';
import { connectionNotice } from './connection-notice';
import { accountOf, connectionStore, createConnectionStore } from './connection';

const ACCOUNT = { userId: 'user_ann', organizationId: 'orga_acme', email: 'ann@acme.example', name: 'Ann Rep', organization: 'Acme Corp' };
const KEY = 'api_0123456789';
const ME: Me = { id: 'user_ann', email: 'ann@acme.example', first_name: 'Ann', last_name: 'Rep', organizations: [{ id: 'orga_acme', name: 'Acme Corp' }] };
/** What a version before the account ids stored: no userId, no organizationId. */
const OLD_ACCOUNT = { email: 'ann@acme.example', name: 'Ann Rep', organization: 'Acme Corp' };

/** The unit tests' IndexedDB (test/unit/i18n-setup.ts installs it). */
const memoryIndexedDb = globalThis.indexedDB as unknown as MemoryIndexedDb;

let me: ReturnType<typeof vi.fn<(apiKey: string) => Promise<Result<Me>>>>;
let idb: ReturnType<typeof createStore>;
let dbName: string;
let count = 0;

/** A key store as one background start sees it: its own migration, over the same storage. */
const startBackground = () =>
  createConnectionStore({
    idb,
    oldArea: { get: (key) => fakeBrowser.storage.local.get(key), remove: (keys) => fakeBrowser.storage.local.remove(keys) },
    me,
    notice: connectionNotice,
  });
const inIndexedDb = () => get('connection', idb);
const local = () => fakeBrowser.storage.local.get(null);

beforeEach(() => {
  fakeBrowser.reset();
  me = vi.fn(async () => ({ ok: true as const, value: ME }));
  dbName = `key-store-test-${++count}`;
  idb = createStore(dbName, 'connection');
});

describe('the key store', () => {
  it('stores, reads back and clears a connection, in IndexedDB and nowhere in storage.local', async () => {
    const store = startBackground();
    expect(await store.get()).toBeUndefined();
    await store.set({ apiKey: KEY, account: ACCOUNT });
    expect(await store.get()).toEqual({ apiKey: KEY, account: ACCOUNT });
    expect(await inIndexedDb()).toEqual({ apiKey: KEY, account: ACCOUNT });
    expect(JSON.stringify(await local())).not.toContain(KEY);
    // A later background start finds it again.
    expect(await startBackground().get()).toEqual({ apiKey: KEY, account: ACCOUNT });
    await store.clear();
    expect(await store.get()).toBeUndefined();
    expect(await inIndexedDb()).toBeUndefined();
    expect(me).not.toHaveBeenCalled();
  });

  it('treats anything stored that is not a connection as none', async () => {
    const store = startBackground();
    await store.clear(); // opens the database
    for (const junk of ['api_key', { apiKey: '', account: ACCOUNT }, { apiKey: 'k' }, { account: ACCOUNT }, 42]) {
      memoryIndexedDb.rows(dbName, 'connection')!.set('connection', junk);
      expect(await store.get()).toBeUndefined();
    }
    expect(me).not.toHaveBeenCalled();
  });

  it('refuses to store an empty key', async () => {
    const store = startBackground();
    await expect(store.set({ apiKey: '', account: ACCOUNT })).rejects.toThrow();
    expect(await store.get()).toBeUndefined();
  });

  it('the background\'s own store is IndexedDB too', async () => {
    await connectionStore.set({ apiKey: KEY, account: ACCOUNT });
    expect(memoryIndexedDb.rows('quick-edit-key-store', 'connection')?.get('connection')).toEqual({ apiKey: KEY, account: ACCOUNT });
    expect(JSON.stringify(await local())).not.toContain(KEY);
    await connectionStore.clear();
    expect(memoryIndexedDb.rows('quick-edit-key-store', 'connection')?.has('connection')).toBe(false);
  });
});

describe('moving an older version\'s key out of storage.local', () => {
  it('moves a complete old item to IndexedDB once and removes it (and WXT\'s version entry) from storage.local', async () => {
    await fakeBrowser.storage.local.set({ connection: { apiKey: KEY, account: ACCOUNT }, connection$: { v: 1 }, 'draft:x': 'kept' });
    const store = startBackground();
    expect(await store.get()).toEqual({ apiKey: KEY, account: ACCOUNT });
    expect(await inIndexedDb()).toEqual({ apiKey: KEY, account: ACCOUNT });
    expect(await local()).toEqual({ 'draft:x': 'kept' });
    expect(me).not.toHaveBeenCalled();

    // Read once: an item that appeared later (it cannot, but say it did) is not read again.
    const read = vi.spyOn(fakeBrowser.storage.local, 'get');
    await store.get();
    await store.set({ apiKey: KEY, account: ACCOUNT });
    expect(read).not.toHaveBeenCalled();
  });

  it('completes an old item without the account\'s ids with one /me/ call with its key', async () => {
    await fakeBrowser.storage.local.set({ connection: { apiKey: KEY, account: OLD_ACCOUNT }, connection$: { v: 1 } });
    const store = startBackground();
    const [first, second] = await Promise.all([store.get(), store.get()]);
    expect(first).toEqual({ apiKey: KEY, account: ACCOUNT });
    expect(second).toEqual(first);
    expect(me.mock.calls).toEqual([[KEY]]);
    expect(await inIndexedDb()).toEqual({ apiKey: KEY, account: ACCOUNT });
    expect(await local()).toEqual({});
    expect(await store.get()).toEqual({ apiKey: KEY, account: ACCOUNT });
    expect(me).toHaveBeenCalledTimes(1);
  });

  it('an old key Close no longer accepts is removed, and the rep is told to connect again', async () => {
    await fakeBrowser.storage.local.set({ connection: { apiKey: KEY, account: OLD_ACCOUNT } });
    me.mockResolvedValue({ ok: false, error: { kind: 'auth', message: 'no', nextStep: 'open-settings' } });
    const store = startBackground();
    expect(await store.get()).toBeUndefined();
    expect(await inIndexedDb()).toBeUndefined();
    expect(await local()).toEqual({ connectionNotice: 'rejected' });
    expect(await connectionNotice.get()).toBe('rejected');
  });

  it('an old key while Close cannot be reached is kept in IndexedDB (not storage.local) and completed on a later use', async () => {
    await fakeBrowser.storage.local.set({ connection: { apiKey: KEY, account: OLD_ACCOUNT } });
    me.mockResolvedValueOnce({ ok: false, error: { kind: 'offline', message: 'offline', nextStep: 'retry' } });
    const store = startBackground();
    expect(await store.get()).toBeUndefined();
    expect(await connectionNotice.get()).toBe('unfinished');
    expect(await inIndexedDb()).toEqual({ apiKey: KEY, account: OLD_ACCOUNT });
    expect(JSON.stringify(await local())).not.toContain(KEY);

    expect(await store.get()).toEqual({ apiKey: KEY, account: ACCOUNT });
    expect(await connectionNotice.get()).toBeUndefined();
  });

  it('a Disconnect while /me/ is on its way wins: the completed key is not written back', async () => {
    await fakeBrowser.storage.local.set({ connection: { apiKey: KEY, account: OLD_ACCOUNT } });
    let answer!: (result: Result<Me>) => void;
    me.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const store = startBackground();
    const reading = store.get();
    await vi.waitFor(() => expect(me).toHaveBeenCalled());
    await store.clear();
    answer({ ok: true, value: ME });
    expect(await reading).toBeUndefined();
    expect(await inIndexedDb()).toBeUndefined();
  });

  it('a damaged old item: removed, the rep stays disconnected and is told why, nothing thrown', async () => {
    for (const damaged of ['api_key_as_a_string', { apiKey: '', account: ACCOUNT }, { apiKey: KEY }, { account: ACCOUNT }, 42, [KEY]]) {
      fakeBrowser.reset();
      await fakeBrowser.storage.local.set({ connection: damaged, connection$: { v: 1 } });
      const store = startBackground();
      expect(await store.get()).toBeUndefined();
      expect(await local()).toEqual({ connectionNotice: 'damaged' });
      expect(await inIndexedDb()).toBeUndefined();
    }
    expect(me).not.toHaveBeenCalled();
    // Connecting again clears the notice.
    await startBackground().set({ apiKey: KEY, account: ACCOUNT });
    expect(await connectionNotice.get()).toBeUndefined();
  });

  it('if IndexedDB fails, the old item stays for the next start', async () => {
    await fakeBrowser.storage.local.set({ connection: { apiKey: KEY, account: ACCOUNT } });
    const broken = createConnectionStore({
      idb: () => Promise.reject(new DOMException('disk full', 'QuotaExceededError')),
      oldArea: { get: (key) => fakeBrowser.storage.local.get(key), remove: (keys) => fakeBrowser.storage.local.remove(keys) },
      me,
      notice: connectionNotice,
    });
    await expect(broken.get()).rejects.toThrow('disk full');
    expect((await local()).connection).toEqual({ apiKey: KEY, account: ACCOUNT });
    expect(await startBackground().get()).toEqual({ apiKey: KEY, account: ACCOUNT });
    expect(await local()).toEqual({});
  });
});

describe('accountOf', () => {
  it('takes the email, full name and first organisation', () => {
    expect(
      accountOf({
        id: 'user_ann',
        email: 'ann@acme.example',
        first_name: 'Ann',
        last_name: 'Rep',
        organizations: [{ id: 'orga_acme', name: 'Acme Corp' }, { id: 'orga_other', name: 'Other' }],
      }),
    ).toEqual(ACCOUNT);
  });

  it('copes with missing names and no organisation', () => {
    expect(accountOf({ id: 'user_a', email: 'a@b.c', first_name: null, last_name: 'Rep', organizations: [] })).toEqual({
      userId: 'user_a',
      organizationId: '',
      email: 'a@b.c',
      name: 'Rep',
      organization: '',
    });
  });
});
