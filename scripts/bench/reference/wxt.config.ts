import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The byte reference for `npm run bench`: a bare Preact "hello" content script, built the way the
// extension is built (WXT, the same polyfill module, the same Preact preset, production minify).
export default defineConfig({
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: { name: 'Bench reference: Preact hello' },
});
