import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startDriver, type Driver } from '../drivers';
import { PANEL, sleep } from './ui';

let driver: Driver;
beforeAll(async () => {
  driver = await startDriver(); // not connected: the launcher must not need a key
});
afterAll(() => driver?.close());

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
  const tab = await driver.openClosePage(`/lead/${DEMO.leads.acme.id}/`);
  await tab.get(PANEL.launcher).click();
  await tab.get(PANEL.dialog).waitFor();
  await expect.poll(() => tab.get(PANEL.dialog).text()).toMatch(/Connect your Close API key/);
  const options = driver.extensionUrl('options.html');
  expect(await driver.hasTab(options)).toBe(false);
  await tab.get(PANEL.openSettings).click();
  // The settings tab is the extension's own options page: it asks for the key there.
  await expect.poll(() => driver.hasTab(options)).toBe(true);
  await tab.close();
});

test('the launcher appears on a URL that names a call', async () => {
  const tab = await driver.openClosePage(`/lead/${DEMO.leads.globex.id}/#activityId=${DEMO.calls.globexNoAnswer.id}`);
  await tab.get(PANEL.launcher).waitFor();
  await tab.close();
});

test('the launcher never appears, not even briefly, on pages without a call', async () => {
  for (const path of ['/inbox/', '/', '/leads/save_abc123/']) {
    const tab = await driver.openClosePage(path, { beforeLoad: WATCH_FOR_LAUNCHER });
    await sleep(700);
    // The watch did run from the start, and so did the content script: its shadow host exists, empty.
    expect(await tab.evaluate(() => (window as unknown as { watching?: boolean }).watching)).toBe(true);
    await expect.poll(() => tab.evaluate(() => !!document.querySelector('close-quick-edit'))).toBe(true);
    expect(await tab.evaluate(() => (window as unknown as { launcherSeen?: boolean }).launcherSeen ?? false)).toBe(false);
    expect(await tab.get(PANEL.launcher).count()).toBe(0);
    await tab.close();
  }
});
