import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { OPEN_PANEL_COMMAND } from './utils/command';

// The one keyboard command. Alt+Shift+K is free in Chrome, Firefox and Close's own shortcuts
// (Close uses single keys and Ctrl/Cmd combinations; Chrome reserves Alt+Shift+I/T; Firefox
// uses Ctrl+Shift+K for its console, not Alt).
export default defineConfig({
  // Parallel work (benchmarks, a second checkout's tests) can build elsewhere without
  // replacing the build another run is testing.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Quick Edit for Close',
    description: 'Edit a Close call’s note and outcome in one keystroke, without leaving the page.',
    permissions: ['storage'],
    host_permissions: ['https://api.close.com/*'],
    commands: {
      [OPEN_PANEL_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+K', mac: 'Alt+Shift+K' },
        description: 'Open the quick-edit panel for the call on this page',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'quick-edit@close-extension.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
