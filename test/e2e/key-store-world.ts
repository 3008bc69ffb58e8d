// What the proof of issue 13 looks at (test/scenarios/key-store.scenario.ts in both browsers, and
// Chromium-only key tests): every form the key travels in, and the scripts that read storage and
// record storage.onChanged inside our content script's own world (run there over the DevTools
// protocol or WebDriver BiDi).

/** The key raw, as Basic credentials (`key:` base64), plain base64, base64url and URL-encoded. */
export function keyForms(apiKey: string): string[] {
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  const forms = [apiKey, b64(`${apiKey}:`), b64(apiKey), b64(`${apiKey}:`).replace(/=+$/, ''), Buffer.from(apiKey).toString('base64url')];
  forms.push(encodeURIComponent(apiKey), encodeURIComponent(b64(`${apiKey}:`)));
  return [...new Set(forms)];
}

/** The forms of any of `keys` found anywhere in `value` (JSON text, so nested values too). */
export const leaksOf = (keys: readonly string[], value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return keys.flatMap(keyForms).filter((form) => text.includes(form));
};

/** The world's extension object: Firefox's `browser`, else Chrome's `chrome`. */
const EXTENSION_API = '(globalThis.browser?.storage ? globalThis.browser : globalThis.chrome)';

/** browser.runtime.id as the content script's world sees it. */
export const RUNTIME_ID = `${EXTENSION_API}.runtime.id`;

/**
 * Listens to every storage change event the content script's world is told of: the global
 * onChanged and each area's own.
 */
export const WATCH_STORAGE = `(() => {
  if (globalThis.__storageEvents) return true;
  const events = (globalThis.__storageEvents = []);
  const storage = ${EXTENSION_API}.storage;
  const copy = (value) => { try { return JSON.parse(JSON.stringify(value ?? null)); } catch { return String(value); } };
  storage.onChanged.addListener((changes, area) => events.push({ on: 'storage.onChanged', area, changes: copy(changes) }));
  for (const area of ['local', 'sync', 'session', 'managed']) {
    try {
      storage[area]?.onChanged?.addListener((changes) => events.push({ on: area + '.onChanged', area, changes: copy(changes) }));
    } catch {}
  }
  return true;
})()`;

/** Everything the content script's world can read of the extension's storage, and the events. */
export const READ_STORAGE = `(async () => {
  const storage = ${EXTENSION_API}.storage;
  const read = async (area) => {
    try {
      if (!storage[area]) return { absent: true };
      return { value: await storage[area].get(null) };
    } catch (error) {
      return { refused: String(error && error.message || error) };
    }
  };
  return {
    local: await read('local'),
    sync: await read('sync'),
    session: await read('session'),
    events: globalThis.__storageEvents ?? null,
  };
})()`;

export interface WorldStorage {
  local: { value?: Record<string, unknown>; refused?: string; absent?: true };
  sync: { value?: Record<string, unknown>; refused?: string; absent?: true };
  session: { value?: Record<string, unknown>; refused?: string; absent?: true };
  events: { on: string; area: string; changes: Record<string, { oldValue?: unknown; newValue?: unknown }> }[] | null;
}

/**
 * Reads the key store's record in the extension's own IndexedDB (run in the background or an
 * extension page). Opens nothing that does not exist: creating the database here would leave
 * it without its object store.
 */
export async function readKeyStore(): Promise<{ exists: boolean; value?: unknown }> {
  const NAME = 'quick-edit-key-store';
  if (!(await indexedDB.databases()).some((db) => db.name === NAME)) return { exists: false };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    const value = await new Promise((resolve, reject) => {
      const request = db.transaction('connection').objectStore('connection').get('connection');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    return { exists: true, value };
  } finally {
    db.close();
  }
}
