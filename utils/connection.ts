import { createStore, del as idbDel, get as idbGet, set as idbSet, type UseStore } from 'idb-keyval';
import { browser } from 'wxt/browser';
import { createCloseClient, type Result } from './close/client';
import type { Me } from './close/schemas';
import { connectionNotice, type ConnectionNotice } from './connection-notice';
import { z } from './zod';
import type { Account } from './messages';

// The API key and the account it belongs to, in the background's IndexedDB: extension-origin
// storage that a content script can neither read nor be told about (storage.local and
// storage.sync are readable by content scripts, and their onChanged events reach every open
// Close tab; SECURITY.md). Only the background imports this module; a build test fails if any
// other bundle contains it. Kept across browser restarts and updates: a rep connects once.

const AccountSchema = z.object({
  userId: z.string().min(1),
  organizationId: z.string(),
  email: z.string(),
  name: z.string(),
  organization: z.string(),
});
const ConnectionSchema = z.object({ apiKey: z.string().min(1), account: AccountSchema });
export type Connection = z.infer<typeof ConnectionSchema>;

/** What versions before the account ids (issue 13) stored: whose key it is, without Close's ids. */
const IncompleteSchema = z.object({
  apiKey: z.string().min(1),
  account: z.object({ email: z.string(), name: z.string(), organization: z.string() }),
});
type Incomplete = z.infer<typeof IncompleteSchema>;

/** The item older versions kept in storage.local (WXT adds `connection$` for its version). */
const OLD_ITEM = 'connection';
const OLD_ITEMS = [OLD_ITEM, `${OLD_ITEM}$`];
const RECORD = 'connection';
/** The database's name; the build test looks for it to tell which bundles hold this module. */
export const KEY_STORE_DB = 'quick-edit-key-store';

export interface KeyStoreDeps {
  /** The background's IndexedDB store (idb-keyval's createStore). */
  idb: UseStore;
  /** Where older versions kept the key, read once and emptied. */
  oldArea: { get(key: string): Promise<Record<string, unknown>>; remove(keys: string[]): Promise<void> };
  /** Whose a key is: Close's /me/, to complete a connection stored without the account's ids. */
  me: (apiKey: string) => Promise<Result<Me>>;
  /** Why the rep is not connected, for the settings page (never the key). */
  notice: { set(notice: ConnectionNotice): Promise<void>; clear(): Promise<void> };
}

export function createConnectionStore(deps: KeyStoreDeps) {
  let migration: Promise<void> | undefined;
  let completing: Promise<Connection | undefined> | undefined;
  // Bumped by set and clear, so that a completion that asked Close before them does not write.
  let generation = 0;

  /**
   * Once per background start: an older version's item moves here. It is removed from
   * storage.local only after IndexedDB holds it, so a failure leaves it for the next start.
   */
  async function migrate() {
    const old = (await deps.oldArea.get(OLD_ITEM))[OLD_ITEM];
    if (old === undefined || old === null) return;
    const full = ConnectionSchema.safeParse(old);
    const incomplete = IncompleteSchema.safeParse(old);
    if (full.success) await idbSet(RECORD, full.data, deps.idb);
    else if (incomplete.success) await idbSet(RECORD, incomplete.data, deps.idb);
    else await deps.notice.set('damaged');
    await deps.oldArea.remove(OLD_ITEMS);
  }
  const migrated = () =>
    (migration ??= migrate().catch((error: unknown) => {
      migration = undefined;
      throw error;
    }));

  /** One /me/ call with the stored key: its user and organisation ids, or why not. */
  async function complete(stored: Incomplete): Promise<Connection | undefined> {
    const at = generation;
    const me = await deps.me(stored.apiKey);
    if (at !== generation) return store.get(); // set or cleared meanwhile: that wins
    if (me.ok) {
      const connection = ConnectionSchema.parse({ apiKey: stored.apiKey, account: accountOf(me.value) });
      await idbSet(RECORD, connection, deps.idb);
      await deps.notice.clear();
      return connection;
    }
    if (me.error.kind === 'auth') {
      // Close no longer knows the key: keeping it would only fail later, with less said.
      await idbDel(RECORD, deps.idb);
      await deps.notice.set('rejected');
    } else {
      await deps.notice.set('unfinished'); // offline or Close busy: asked again on the next use
    }
    return undefined;
  }

  const store = {
    /** The stored connection, or undefined if none (or if what is stored is not one). */
    async get(): Promise<Connection | undefined> {
      await migrated();
      const stored: unknown = await idbGet(RECORD, deps.idb);
      const full = ConnectionSchema.safeParse(stored);
      if (full.success) return full.data;
      const incomplete = IncompleteSchema.safeParse(stored);
      if (!incomplete.success) return undefined;
      return (completing ??= complete(incomplete.data).finally(() => (completing = undefined)));
    },
    async set(connection: Connection): Promise<void> {
      const valid = ConnectionSchema.parse(connection);
      generation++;
      await migrated();
      await idbSet(RECORD, valid, deps.idb);
      await deps.notice.clear();
    },
    async clear(): Promise<void> {
      generation++;
      await migrated();
      await idbDel(RECORD, deps.idb);
      await deps.notice.clear();
    },
  };
  return store;
}

export type ConnectionStore = ReturnType<typeof createConnectionStore>;

/** The background's one key store. IndexedDB is opened on first use, not on import. */
export const connectionStore: ConnectionStore = createConnectionStore({
  idb: createStore(KEY_STORE_DB, 'connection'),
  oldArea: {
    get: (key) => browser.storage.local.get(key),
    remove: (keys) => browser.storage.local.remove(keys),
  },
  me: (apiKey) => createCloseClient({ apiKey }).me(),
  notice: connectionNotice,
});

export const accountOf = (me: {
  id: string;
  email: string;
  first_name?: string | null;
  last_name?: string | null;
  organizations: { id: string; name: string }[];
}): Account => ({
  userId: me.id,
  organizationId: me.organizations[0]?.id ?? '',
  email: me.email,
  name: [me.first_name, me.last_name].filter(Boolean).join(' '),
  organization: me.organizations[0]?.name ?? '',
});
