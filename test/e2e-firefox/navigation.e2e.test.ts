import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { APP, startFirefoxHarness, type FirefoxHarness } from './harness';
import { measureNavigation } from './navigation-timing';
import { PANEL, click, count, find, valueOf } from './ui';

let harness: FirefoxHarness;
beforeAll(async () => {
  harness = await startFirefoxHarness();
  await harness.connect();
});
afterAll(() => harness?.close());

/** Close's own navigation: its router pushes a history entry, no page load. */
async function clickNavLink(page: Page, text: string) {
  const link = await page.waitForSelector(`nav ::-p-text(${text})`);
  await link!.click();
}

test('single-page navigation: the panel follows the new lead, and closes where there is no call', async () => {
  const page = await harness.leadPage(DEMO.leads.acme.id);
  await click(page, PANEL.launcher);
  await expect.poll(() => valueOf(page, PANEL.call)).toBe(DEMO.leads.acme.latestCallId);

  await page.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
  await clickNavLink(page, DEMO.leads.globex.display_name);
  await expect.poll(() => page.evaluate(() => location.href)).toBe(`${APP}/lead/${DEMO.leads.globex.id}/`);
  await expect.poll(() => valueOf(page, PANEL.call)).toBe(DEMO.leads.globex.latestCallId);
  expect(await valueOf(page, PANEL.note)).toBe(DEMO.calls.globexPlainNote.note);
  expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);

  await clickNavLink(page, 'Inbox');
  await expect.poll(() => page.evaluate(() => location.href)).toBe(`${APP}/inbox/`);
  await expect.poll(() => count(page, PANEL.dialog)).toBe(0);
  expect(await count(page, PANEL.launcher)).toBe(0);

  await page.evaluate((id) => history.pushState({}, '', `/lead/${id}/`), DEMO.leads.initech.id);
  await find(page, PANEL.launcher);
  await page.close();
});

test('the launcher follows a pushState without waiting for polling (Navigation API)', async () => {
  const page = await harness.browser.newPage();
  await page.goto(`${APP}/inbox/`);
  expect(await page.evaluate(() => 'navigation' in window)).toBe(true);
  await page.waitForSelector('close-quick-edit');
  const { delays, max, median } = await measureNavigation(page, DEMO.leads.globex.display_name, 5);
  console.log(`pushState -> launcher, Navigation API: median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms (${delays.map((d) => d.toFixed(0)).join(', ')})`);
  // The figure (target: under 100 ms; measured ~3 ms) is printed above and in BENCHMARKS.md;
  // timings are not pass/fail here (noisy machines). What must hold is structural: polling once
  // a second would put the median near 500 ms, so a median under 250 ms proves we do not poll.
  expect(median).toBeLessThan(250);
  await page.close();
});
