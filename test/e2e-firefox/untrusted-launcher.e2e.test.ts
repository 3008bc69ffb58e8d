import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { apiRequests, startFirefoxHarness, type FirefoxHarness } from './harness';
import { PANEL, click, count, find } from './ui';

// A script on Close's page can reach our open shadow roots; in Firefox too, the launcher and
// the feed's Quick edit buttons act on real clicks only (issue 13; the same test for Chromium
// is test/e2e/untrusted-launcher.e2e.test.ts).

let harness: FirefoxHarness;
beforeAll(async () => {
  harness = await startFirefoxHarness();
  await harness.connect();
});
afterAll(() => harness?.close());

const PAGE_SCRIPT_PRESSES = () => {
  const buttons = [
    ...[document.querySelector('close-quick-edit'), ...document.querySelectorAll('close-quick-edit-feed')].flatMap((host) => [
      ...(host?.shadowRoot?.querySelectorAll('button') ?? []),
    ]),
  ];
  for (const button of buttons) {
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    button.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
    for (const key of ['Enter', ' ']) {
      button.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      button.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
    }
  }
  return buttons.map((b) => b.textContent);
};

test('a page script pressing the launcher and every feed button opens nothing and asks Close nothing', async () => {
  const { acme } = DEMO.leads;
  const page = await harness.leadPage(acme.id);
  await find(page, PANEL.launcher);
  await expect.poll(() => count(page, 'li close-quick-edit-feed')).toBe(acme.callIds.length);
  harness.standIn.requests.length = 0;

  const pressed = await page.evaluate(PAGE_SCRIPT_PRESSES);
  expect(pressed.length).toBe(1 + acme.callIds.length); // the launcher and each feed button were there to press
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(await count(page, PANEL.dialog)).toBe(0);
  expect(apiRequests(harness.standIn)).toEqual([]);

  // Control: the rep's own click on the same launcher does open it.
  await click(page, PANEL.launcher);
  await find(page, PANEL.dialog);
  await page.close();
});
