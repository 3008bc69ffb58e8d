// The browser's own API object, as @wxt-dev/storage used it (promises in Chrome MV3 and Firefox).
import { browser } from '@wxt-dev/browser';

// One value in storage.local, read, written and watched: the little of @wxt-dev/storage that the
// panel's settings and drafts need. The panel script is fetched into every Close tab, and that
// library was about 2.5 KB gzip of it (issue 12's budget, BENCHMARKS.md). Stored exactly as
// `storage.defineItem('local:<key>')` stores it, so values written by earlier versions read the
// same. A change of a value's shape is handled where it is parsed (settings.ts, draft-store.ts).

export interface LocalItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls back with the new value (undefined once removed) on every change from any context. */
  watch(callback: (value: T | undefined) => void): () => void;
}

type Changes = Record<string, { newValue?: unknown }>;

export function localItem<T>(key: string, fallback: T): LocalItem<T> {
  return {
    async getValue() {
      const stored = await browser.storage.local.get(key);
      return (key in stored && stored[key] !== undefined ? stored[key] : fallback) as T;
    },
    setValue: (value) => browser.storage.local.set({ [key]: value }),
    removeValue: () => browser.storage.local.remove(key),
    watch(callback) {
      const listener = (changes: Changes, area: string) => {
        if (area === 'local' && key in changes) callback(changes[key]!.newValue as T | undefined);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
