import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The references of `npm run bench`, built the way the extension is built (WXT, the same
// polyfill module, the same Preact preset, production minify): a bare Preact "hello" content
// script (bytes), and a worker that answers at once (how fast Chromium starts a stopped worker).
export default defineConfig({
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: { name: 'Bench reference', version: '0.0.0' },
});
