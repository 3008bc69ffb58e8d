import { browser } from 'wxt/browser';
import type { GeneratedI18nStructure } from '#i18n';

// The content script's few strings (the launcher, the feed buttons): straight from
// browser.i18n, with the same typed keys as `#i18n`. @wxt-dev/i18n's `createI18n` adds plural
// and named-substitution handling none of them uses, and the content script is on every Close
// page (BENCHMARKS.md figure 1). The panel and the extension pages use `#i18n` itself.

type Key = keyof GeneratedI18nStructure;
type Args<K extends Key> = GeneratedI18nStructure[K]['substitutions'] extends 0 ? [] : [substitutions: string[]];

// The browser's types know only its predefined `@@` names; ours are checked through `Key`.
type Messages = { getMessage(name: string, substitutions?: string[]): string };

export const i18n = {
  t: <K extends Key>(key: K, ...[substitutions]: Args<K>): string =>
    (browser.i18n as Messages).getMessage(key.replaceAll('.', '_'), substitutions),
};
