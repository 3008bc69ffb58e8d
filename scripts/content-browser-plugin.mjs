// @ts-check
// The content script without webextension-polyfill (~2.7 KB gzip of its ~7 KB budget, BENCHMARKS.md).
// The `@wxt-dev/webextension-polyfill` module points `wxt/browser` at the polyfill for every
// build, WXT's own content-script helpers included. The content script needs no promise
// wrapping: it uses runtime.id, getURL, an onMessage listener that returns nothing, and
// storage.local.get, which returns a promise natively in Chrome MV3 and in Firefox. So in the
// content script's build, and the panel script's (it runs in the same content-script world and
// needs no more: runtime.sendMessage, an onMessage listener that returns nothing, storage.local
// and its onChanged, i18n), `browser` is the native object, as WXT defines it without the module
// (@wxt-dev/browser). The popup, options and background keep the polyfill.

const POLYFILL = '@wxt-dev/webextension-polyfill/browser';
const NATIVE = '\0close-quick-edit:native-browser';

/** @param {string[]} entryNames the content-script world's entrypoints, e.g. `close.content` @returns {import('vite').Plugin} */
export function nativeBrowserInContentScript(entryNames) {
  let isContentScript = false;
  return {
    name: 'close-quick-edit:native-browser-in-content-script',
    enforce: 'pre',
    configResolved(config) {
      const entry = config.build.lib ? config.build.lib.entry : undefined;
      const built = JSON.stringify(entry ?? '');
      isContentScript = entryNames.some((name) => built.includes(name));
    },
    resolveId(id) {
      return isContentScript && (id === POLYFILL || id === 'wxt/browser') ? NATIVE : undefined;
    },
    load(id) {
      if (id !== NATIVE) return undefined;
      return 'export const browser = globalThis.browser?.runtime?.id ? globalThis.browser : globalThis.chrome;';
    },
  };
}
