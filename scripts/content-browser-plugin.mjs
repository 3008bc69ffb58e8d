// @ts-check
// The content script without webextension-polyfill (~2.7 KB gzip of its ~7 KB budget, BENCHMARKS.md).
// The `@wxt-dev/webextension-polyfill` module points `wxt/browser` at the polyfill for every
// build, WXT's own content-script helpers included. The content script needs no promise
// wrapping: it uses runtime.id, getURL, an onMessage listener that returns nothing, and
// storage.local.get, which returns a promise natively in Chrome MV3 and in Firefox. So in the
// content script's build only, `browser` is the native object, as WXT defines it without the
// module (@wxt-dev/browser). The panel, popup, options and background keep the polyfill.

const POLYFILL = '@wxt-dev/webextension-polyfill/browser';
const NATIVE = '\0close-quick-edit:native-browser';

/** @param {string} entryName the content script's entrypoint folder, e.g. `close.content` @returns {import('vite').Plugin} */
export function nativeBrowserInContentScript(entryName) {
  let isContentScript = false;
  return {
    name: 'close-quick-edit:native-browser-in-content-script',
    enforce: 'pre',
    configResolved(config) {
      const entry = config.build.lib ? config.build.lib.entry : undefined;
      isContentScript = JSON.stringify(entry ?? '').includes(entryName);
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
