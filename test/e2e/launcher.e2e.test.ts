import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { APP, startHarness, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

/** Records, from the page's first script on, whether our launcher ever existed. */
const WATCH_FOR_LAUNCHER = () => {
  const seen = () => {
    const host = document.querySelector('close-quick-edit');
    if (host?.shadowRoot?.querySelector('button')) (window as unknown as { launcherSeen: boolean }).launcherSeen = true;
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  setInterval(seen, 5);
};

test('the launcher appears on a lead page, before a key is set, and explains how to connect', async () => {
  const page = await harness.leadPage(DEMO.leads.acme.id);
  const launcher = page.getByRole('button', { name: 'Quick edit call' });
  await launcher.waitFor();
  await launcher.click();
  const dialog = page.getByRole('dialog', { name: /call/i });
  await expect.poll(() => dialog.textContent()).toMatch(/Connect your Close API key/);
  await expect.poll(() => dialog.getByRole('button', { name: 'Open settings' }).count()).toBe(1);
  const optionsPage = harness.context.waitForEvent('page');
  await dialog.getByRole('button', { name: 'Open settings' }).click();
  expect((await optionsPage).url()).toMatch(/^chrome-extension:\/\/.*\/options\.html/);
  await page.close();
});

test('the launcher appears on a URL that names a call', async () => {
  const page = await harness.context.newPage();
  await page.goto(`${APP}/lead/${DEMO.leads.globex.id}/#activityId=${DEMO.calls.globexNoAnswer.id}`);
  await page.getByRole('button', { name: 'Quick edit call' }).waitFor();
  await page.close();
});

test('the launcher never appears, not even briefly, on pages without a call', async () => {
  for (const path of ['/inbox/', '/', '/leads/save_abc123/']) {
    const page = await harness.context.newPage();
    await page.addInitScript(WATCH_FOR_LAUNCHER);
    await page.goto(`${APP}${path}`);
    await page.waitForTimeout(700);
    // The content script did run here: its shadow host exists, empty.
    await expect.poll(() => page.evaluate(() => !!document.querySelector('close-quick-edit'))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { launcherSeen?: boolean }).launcherSeen ?? false)).toBe(false);
    expect(await page.getByRole('button', { name: 'Quick edit call' }).count()).toBe(0);
    await page.close();
  }
});
