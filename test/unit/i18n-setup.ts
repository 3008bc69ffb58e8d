// WXT's fake browser has no browser.i18n: give unit tests the real messages from locales/*.yml,
// generated the way the build generates _locales (so a missing key fails here too).
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';
import { createMemoryIndexedDb } from './memory-indexeddb';

const catalogs = new Map<string, Record<string, { message: string }>>();
let locale = 'en';

async function catalog(name: string) {
  if (!catalogs.has(name)) catalogs.set(name, generateChromeMessages(await parseMessagesFile(`locales/${name}.yml`)));
  return catalogs.get(name)!;
}
await catalog('en');
await catalog('de');

/** Switches the fake browser's UI language (English by default, reset before each test). */
export function useLocale(name: 'en' | 'de') {
  locale = name;
}

/** browser.i18n.getMessage's rules: `$1`…`$9` are substitutions, `$$` is a dollar sign. */
function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = catalogs.get(locale)?.[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\$|[1-9])/g, (_, c: string) => (c === '$' ? '$' : (subs[Number(c) - 1] ?? '')));
}

function install() {
  Object.assign(fakeBrowser.i18n, {
    getMessage,
    getUILanguage: () => locale,
  });
}
install();
// happy-dom has no IndexedDB; the key store (utils/connection.ts) needs one, emptied like the
// fake browser's storage before each test (tests reach it as globalThis.indexedDB).
const memoryIndexedDb = createMemoryIndexedDb();
Object.assign(globalThis, { indexedDB: memoryIndexedDb });

beforeEach(() => {
  locale = 'en';
  install();
  memoryIndexedDb.reset();
});
