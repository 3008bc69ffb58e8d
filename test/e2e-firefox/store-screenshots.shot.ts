import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startHarness, type Harness } from '../e2e/harness';
import { startFirefoxHarness, type FirefoxHarness } from './harness';
import { PANEL, POPUP, click, find, textOf, valueOf } from './ui';

// Store screenshots, from the demo's state (demo lead, demo key, panel open) in both browsers:
//   STORE_SCREENSHOTS=1 WXT_OUT_DIR=<builds> npx vitest run --config vitest.firefox.config.ts
// needs both builds (wxt build, wxt build -b firefox). Writes docs/store/screenshots/.
const OUT = resolve('docs/store/screenshots');
const SIZE = { width: 1280, height: 800 };
const POPUP_SIZE = { width: 420, height: 320 };
mkdirSync(OUT, { recursive: true });

let chromium: Harness | undefined;
let firefox: FirefoxHarness | undefined;
afterAll(async () => {
  await chromium?.close();
  await firefox?.close();
});

test('Chromium: the panel on a demo lead, and the connected popup', async () => {
  chromium = await startHarness();
  const popup = await chromium.context.newPage();
  await popup.setViewportSize(POPUP_SIZE);
  await popup.goto(`chrome-extension://${chromium.extensionId}/popup.html`);
  await popup.getByLabel('API key').fill(DEMO.apiKey);
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => popup.getByTestId('account-email').textContent()).toBe(DEMO.me.email);
  await popup.screenshot({ path: `${OUT}/chrome-popup.png` });

  const page = await chromium.context.newPage();
  await page.setViewportSize(SIZE);
  await page.goto(`https://app.close.com/lead/${DEMO.leads.acme.id}/`);
  await page.getByRole('button', { name: 'Quick edit call' }).click();
  const note = page.getByRole('dialog', { name: /call/i }).getByLabel('Note');
  await expect.poll(() => note.inputValue()).toContain('Great call with Wile E. about the Q1 anvil order.');
  await page.screenshot({ path: `${OUT}/chrome-panel.png` });
});

test('Firefox: the panel on a demo lead, and the connected popup', async () => {
  firefox = await startFirefoxHarness();
  const popup = await firefox.openExtensionPage('popup.html');
  await popup.setViewport(POPUP_SIZE);
  await (await find(popup, POPUP.apiKey)).type(DEMO.apiKey);
  await click(popup, POPUP.save);
  await expect.poll(() => textOf(popup, POPUP.email)).toBe(DEMO.me.email);
  await popup.screenshot({ path: `${OUT}/firefox-popup.png` });

  const page = await firefox.browser.newPage();
  await page.setViewport(SIZE);
  await page.goto(`https://app.close.com/lead/${DEMO.leads.acme.id}/`);
  await click(page, PANEL.launcher);
  await expect.poll(() => valueOf(page, PANEL.note)).toContain('Great call with Wile E. about the Q1 anvil order.');
  await page.screenshot({ path: `${OUT}/firefox-panel.png` });
});
