import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { APP, startFirefoxHarness, type FirefoxHarness } from './harness';
import { PANEL, click, count, find, textOf } from './ui';

let harness: FirefoxHarness;
beforeAll(async () => {
  harness = await startFirefoxHarness();
});
afterAll(() => harness?.close());

/** Records, from the page's first script on, whether our launcher ever existed. */
const WATCH_FOR_LAUNCHER = () => {
  (window as unknown as { watching: boolean }).watching = true;
  const seen = () => {
    const host = document.querySelector('close-quick-edit');
    if (host?.shadowRoot?.querySelector('button')) (window as unknown as { launcherSeen: boolean }).launcherSeen = true;
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  setInterval(seen, 5);
};

test('the launcher appears on a lead page, before a key is set, and explains how to connect', async () => {
  const page = await harness.leadPage(DEMO.leads.acme.id);
  await click(page, PANEL.launcher);
  await find(page, PANEL.dialog);
  await expect.poll(() => textOf(page, PANEL.dialog)).toMatch(/Connect your Close API key/);
  const optionsUrl = harness.extensionUrl('options.html');
  const before = new Set(await harness.browser.pages());
  await click(page, PANEL.openSettings);
  // The settings tab is the add-on's own options page: it asks for the key there.
  await expect
    .poll(async () => {
      const opened = (await harness.browser.pages()).filter((p) => !before.has(p));
      const urls = await Promise.all(opened.map((p) => p.evaluate(() => location.href).catch(() => '')));
      return urls.some((url) => url.startsWith(optionsUrl));
    })
    .toBe(true);
  await page.close();
});

test('the launcher appears on a URL that names a call', async () => {
  const page = await harness.browser.newPage();
  await page.goto(`${APP}/lead/${DEMO.leads.globex.id}/#activityId=${DEMO.calls.globexNoAnswer.id}`);
  await find(page, PANEL.launcher);
  await page.close();
});

test('the launcher never appears, not even briefly, on pages without a call', async () => {
  for (const path of ['/inbox/', '/', '/leads/save_abc123/']) {
    const page = await harness.browser.newPage();
    await page.evaluateOnNewDocument(WATCH_FOR_LAUNCHER);
    await page.goto(`${APP}${path}`);
    await new Promise((resolve) => setTimeout(resolve, 700));
    // The watch did run from the start, and so did the content script: its shadow host exists, empty.
    expect(await page.evaluate(() => (window as unknown as { watching?: boolean }).watching)).toBe(true);
    await expect.poll(() => page.evaluate(() => !!document.querySelector('close-quick-edit'))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { launcherSeen?: boolean }).launcherSeen ?? false)).toBe(false);
    expect(await count(page, PANEL.launcher)).toBe(0);
    await page.close();
  }
});
