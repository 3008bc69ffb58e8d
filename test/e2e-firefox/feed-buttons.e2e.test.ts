import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startFirefoxHarness, type FirefoxHarness } from './harness';
import { PANEL, click, count, valueOf } from './ui';

// The feed's Quick edit buttons in Firefox: each in its own shadow root, opening its own call
// (test/e2e/feed-buttons.e2e.test.ts has the rest). The content script uses Firefox's native
// `browser` here, without webextension-polyfill (scripts/content-browser-plugin.mjs).

let harness: FirefoxHarness;
beforeAll(async () => {
  harness = await startFirefoxHarness();
  await harness.connect();
});
afterAll(() => harness?.close());

const feedButton = (callId: string) => `close-quick-edit-feed[data-call-id="${callId}"] >>> ::-p-aria([role="button"])`;

test('a button per call in the feed opens the panel on that call', async () => {
  const { acme } = DEMO.leads;
  const page = await harness.leadPage(acme.id);
  await page.setViewport({ width: 1600, height: 900 });
  await expect.poll(() => count(page, 'li close-quick-edit-feed')).toBe(acme.callIds.length);
  for (const callId of acme.callIds) expect(await count(page, `li:has(a[href*="${callId}"]) close-quick-edit-feed`)).toBe(1);
  const older = acme.callIds[1]!;
  await click(page, feedButton(older));
  await expect.poll(() => valueOf(page, PANEL.call)).toBe(older);
  await click(page, feedButton(acme.callIds[2]!));
  await expect.poll(() => valueOf(page, PANEL.call)).toBe(acme.callIds[2]);
  await page.close();
});
