import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { APP, startFirefoxHarness, type FirefoxHarness } from './harness';
import { measureNavigation } from '../scenarios/navigation-timing';

// Firefox gained the Navigation API in 147; the add-on supports Firefox from 142 on. With the
// API switched off, WXT alone would notice a pushState only by polling location once a second.
let harness: FirefoxHarness;
beforeAll(async () => {
  harness = await startFirefoxHarness({ prefs: { 'dom.navigation.webidl.enabled': false } });
});
afterAll(() => harness?.close());

test('without the Navigation API the launcher follows a pushState without waiting for 1-second polling', async () => {
  const page = await harness.browser.newPage();
  await page.goto(`${APP}/inbox/`);
  expect(await page.evaluate(() => 'navigation' in window)).toBe(false);
  await page.waitForSelector('close-quick-edit');
  const inPage = { evaluate: <R, A>(fn: (arg: A) => R, arg: A) => page.evaluate(fn as never, arg as never) as Promise<Awaited<R>> };
  const { delays, max, median } = await measureNavigation(inPage, DEMO.leads.globex.display_name, 5);
  console.log(`pushState -> launcher, no Navigation API: median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms (${delays.map((d) => d.toFixed(0)).join(', ')})`);
  // The figure (target: under 100 ms; measured ~3 ms) is printed above and in BENCHMARKS.md;
  // timings are not pass/fail here (noisy machines). What must hold is structural: polling once
  // a second would put the median near 500 ms, so a median under 250 ms proves we do not poll.
  expect(median).toBeLessThan(250);
  await page.close();
});
