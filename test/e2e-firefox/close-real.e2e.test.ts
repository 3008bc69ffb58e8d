import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO, seedDemoData } from '../close-stand-in/index.mjs';
import { APP, startFirefoxHarness, type FirefoxHarness } from './harness';
import { PANEL, click, count, find, valueOf } from './ui';

// Issue 14 in Firefox (test/e2e/close-real.e2e.test.ts has the rest): which ids are calls is
// Close's answer, through the background, with Firefox's native `browser` in the content script.

const REAL = DEMO.closeAsItIs;
let harness: FirefoxHarness;
beforeAll(async () => {
  harness = await startFirefoxHarness();
  harness.standIn.reset(seedDemoData({ closeAsItIs: true }));
  await harness.connect();
});
afterAll(() => harness?.close());

const feedButton = (callId: string) => `close-quick-edit-feed[data-call-id="${callId}"] >>> ::-p-aria([role="button"])`;

test('a German feed: buttons on its calls only, not the email that says "Call"; each opens its own call', async () => {
  const page = await harness.leadPage(REAL.germanLead.id);
  await page.setViewport({ width: 1600, height: 900 });
  await expect.poll(() => count(page, 'li close-quick-edit-feed')).toBe(2);
  expect(await count(page, `li:has(a[href*="${REAL.germanEmail.id}"]) close-quick-edit-feed`)).toBe(0);
  await click(page, feedButton(REAL.germanCalls.inbound.id));
  await expect.poll(() => valueOf(page, PANEL.call)).toBe(REAL.germanCalls.inbound.id);
  await page.close();
});

test('the inbox: the launcher opens the first linked call Close confirmed, not the email linked before it', async () => {
  const page = await harness.browser.newPage();
  await page.goto(`${APP}/inbox/`);
  await find(page, PANEL.launcher);
  await click(page, PANEL.launcher);
  await expect.poll(() => valueOf(page, PANEL.call)).toBe(REAL.germanCalls.outbound.id);
  await page.close();
});

test('the launcher\'s tooltip names the shortcut Firefox has bound, and where Firefox changes it', async () => {
  const page = await harness.leadPage(DEMO.leads.acme.id);
  await find(page, PANEL.launcher);
  const title = () =>
    page.evaluate(() => document.querySelector('close-quick-edit')?.shadowRoot?.querySelector('button')?.getAttribute('title'));
  await expect
    .poll(title)
    .toBe('Shortcut: Alt+Shift+K. Change it in Add-ons and themes: the gear menu, Manage Extension Shortcuts.');
  await page.close();
});
