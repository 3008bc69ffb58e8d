import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { CALLS_TO_LOG_COMMAND, OPEN_PANEL_COMMAND } from './utils/command';
import { noEval } from './scripts/no-eval-plugin.mjs';
import { nativeBrowserInContentScript } from './scripts/content-browser-plugin.mjs';

// Extension pages and the worker: only our own scripts, and network only to Close's API, so
// that even a bug cannot send the key anywhere else (SECURITY.md, issue 5).
const CSP =
  "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; " +
  'connect-src https://api.close.com';

// The keyboard commands. Alt+Shift+K and Alt+Shift+J are free in Chrome, Firefox and Close's own
// shortcuts (Close uses single keys and Ctrl/Cmd combinations such as Ctrl+Shift+E/D/K; Chrome
// reserves Alt+Shift+I/T/A, and on ChromeOS Alt+Shift+L/M/N/S, so not the L the issue suggested;
// Firefox uses Ctrl+Shift+K/J for its console and browser console, not Alt).
export default defineConfig({
  // Parallel work (benchmarks, a second checkout's tests) can build elsewhere without
  // replacing the build another run is testing.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // The Firefox sources zip is what Firefox Add-ons (AMO) reviewers rebuild the add-on from: the
  // build's inputs only, listed (not everything minus a few), so that nothing unrelated ships.
  // scripts/zip-check.mjs rebuilds from it and compares with the add-on zip.
  zip: {
    excludeSources: ['**/*'],
    includeSources: [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
      'docs/store/building-from-source.md',
      'entrypoints/**',
      'components/**',
      'utils/**',
      'assets/**',
      'public/**',
      'locales/**',
      'scripts/*.mjs',
    ],
  },
  vite: () => ({ plugins: [preact(), noEval(), nativeBrowserInContentScript(['close.content', 'quick-edit-panel'])] }),
  manifest: ({ browser, manifestVersion }) => ({
    // Every string the rep sees goes through _locales (locales/*.yml, @wxt-dev/i18n).
    default_locale: 'en',
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    permissions: ['storage', 'alarms'],
    host_permissions: ['https://api.close.com/*'],
    content_security_policy: manifestVersion === 3 ? { extension_pages: CSP } : CSP,
    // The panel script, loaded by the content script on the first open (utils/content/lazy-panel.ts,
    // BENCHMARKS.md): readable by app.close.com only, and in Chrome under a per-session URL, so
    // other sites cannot probe for the extension with it.
    web_accessible_resources: [
      { resources: ['quick-edit-panel.js'], matches: ['https://app.close.com/*'], use_dynamic_url: true },
    ],
    commands: {
      [OPEN_PANEL_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+K', mac: 'Alt+Shift+K' },
        description: '__MSG_ext_command__',
      },
      [CALLS_TO_LOG_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+J', mac: 'Alt+Shift+J' },
        description: '__MSG_ext_commandCallsToLog__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'quick-edit@close-extension.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Desktop understands data_collection_permissions from 140 (the ESR Debian ships);
            // Firefox for Android from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
