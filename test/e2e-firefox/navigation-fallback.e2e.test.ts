import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { APP, startFirefoxHarness, type FirefoxHarness } from './harness';
import { measureNavigation } from './navigation-timing';

// Firefox gained the Navigation API in 147; the add-on supports Firefox from 142 on. With the
// API switched off, WXT alone would notice a pushState only by polling location once a second.
let harness: FirefoxHarness;
beforeAll(async () => {
  harness = await startFirefoxHarness({ prefs: { 'dom.navigation.webidl.enabled': false } });
});
afterAll(() => harness?.close());

test('without the Navigation API the launcher still follows a pushState within 100 ms', async () => {
  const page = await harness.browser.newPage();
  await page.goto(`${APP}/inbox/`);
  expect(await page.evaluate(() => 'navigation' in window)).toBe(false);
  await page.waitForSelector('close-quick-edit');
  const { delays, max, median } = await measureNavigation(page, DEMO.leads.globex.display_name, 5);
  console.log(`pushState -> launcher, no Navigation API: median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms (${delays.map((d) => d.toFixed(0)).join(', ')})`);
  expect(max).toBeLessThan(100);
  await page.close();
});
