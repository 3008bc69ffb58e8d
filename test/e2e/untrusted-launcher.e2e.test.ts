import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { apiRequests, startHarness, type Harness } from './harness';

// A script on Close's page can reach our open shadow roots: the launcher and the feed's Quick
// edit buttons act on real clicks only (issue 13). Every way a page script has to press a
// button: click(), synthetic clicks, pointer and key events (Firefox: the same test in
// test/e2e-firefox/untrusted-launcher.e2e.test.ts).

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await harness.connect();
});
afterAll(() => harness?.close());

const PAGE_SCRIPT_PRESSES = () => {
  const hosts = [document.querySelector('close-quick-edit'), ...document.querySelectorAll('close-quick-edit-feed')];
  const buttons = hosts.flatMap((host) => [...(host?.shadowRoot?.querySelectorAll('button') ?? [])]);
  for (const button of buttons) {
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    button.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
    for (const key of ['Enter', ' ']) {
      button.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      button.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
    }
  }
  return buttons.length;
};

test('a page script pressing the launcher and every feed button opens nothing and asks Close nothing', async () => {
  const { acme } = DEMO.leads;
  const page = await harness.leadPage(acme.id);
  const launcher = page.getByRole('button', { name: 'Quick edit call' });
  await launcher.waitFor();
  await expect.poll(() => page.locator('close-quick-edit-feed').count()).toBe(acme.callIds.length);
  harness.standIn.requests.length = 0;

  expect(await page.evaluate(PAGE_SCRIPT_PRESSES)).toBe(1 + acme.callIds.length);
  await page.waitForTimeout(1_000);
  expect(await page.getByRole('dialog').count()).toBe(0);
  expect(apiRequests(harness.standIn)).toEqual([]);

  // Control: the rep's own click on the same launcher does open it.
  await launcher.click();
  await page.getByRole('dialog', { name: /call/i }).getByLabel('Note').waitFor();
  await page.close();
});
