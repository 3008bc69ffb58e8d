import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from '../close-stand-in/index.mjs';
import { APP, startHarness, type Harness } from './harness';

// Issue 14 (7), Close's appearance, in Chromium only: the system's colour scheme is emulated
// over the DevTools protocol (emulateMedia), which Firefox over WebDriver BiDi does not offer
// (puppeteer's BiDi page emulates media features through CDP only). The rest of issue 14 is
// the shared scenario test/scenarios/close-real.scenario.ts.

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await harness.connect();
});
afterAll(() => harness?.close());

const launcher = (page: Page) => page.getByRole('button', { name: 'Quick edit call' });
const dialog = (page: Page) => page.getByRole('dialog', { name: /call/i });

test('the panel follows Close\'s theme as the page shows it, over the system\'s', async () => {
  const page = await harness.context.newPage();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${APP}/lead/${DEMO.leads.acme.id}/`);
  // Close in dark mode: a dark page.
  await page.evaluate(() => (document.body.style.background = 'rgb(24, 27, 36)'));
  await launcher(page).click();
  await dialog(page).getByLabel('Note').waitFor();
  const look = () =>
    page.evaluate(() => {
      const host = document.querySelector('close-quick-edit')!;
      const panel = host.shadowRoot!.querySelector('[role="dialog"]')!;
      return [host.getAttribute('data-theme'), getComputedStyle(panel).backgroundColor];
    });
  expect(await look()).toEqual(['dark', 'rgb(30, 35, 48)']);
  await page.keyboard.press('Escape');
  // Close light (its own background), the system dark: Close wins.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => (document.body.style.background = 'rgb(245, 247, 250)'));
  await launcher(page).click();
  await dialog(page).getByLabel('Note').waitFor();
  expect(await look()).toEqual(['light', 'rgb(255, 255, 255)']);
  await page.keyboard.press('Escape');
  // A page without a background of its own: the system decides.
  await page.evaluate(() => {
    document.body.style.background = 'transparent';
    document.documentElement.style.background = 'transparent';
  });
  await launcher(page).click();
  await dialog(page).getByLabel('Note').waitFor();
  expect((await look())[0]).toBe('dark');
  await page.close();
});
