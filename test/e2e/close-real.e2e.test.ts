import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO, seedDemoData } from '../close-stand-in/index.mjs';
import { APP, startHarness, type Harness } from './harness';

// Issue 14, in Chromium against the stand-in: ids, not words (2), the shortcut as bound (6),
// Close's appearance (7).

const REAL = DEMO.closeAsItIs;
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  harness.standIn.reset(seedDemoData({ closeAsItIs: true }));
});
afterAll(() => harness?.close());

const launcher = (page: Page) => page.getByRole('button', { name: 'Quick edit call' });
const dialog = (page: Page) => page.getByRole('dialog', { name: /call/i });
const idQuestions = () =>
  harness.standIn.requests.filter((r) => r.method === 'GET' && r.path === '/api/v1/activity/call/' && r.query.id__in);
/** Each feed button as [the call it opens, the activity id its item links]. */
const buttons = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('close-quick-edit-feed')].map((host) => [
      host.getAttribute('data-call-id'),
      /acti_[A-Za-z0-9]+/.exec(host.closest('li')?.querySelector('a[href*="acti_"]')?.getAttribute('href') ?? '')?.[0],
    ]),
  );

test('without a key nothing can be confirmed: the inbox that links an email and a call shows no launcher', async () => {
  const page = await harness.context.newPage();
  await page.goto(`${APP}/inbox/`);
  await expect.poll(() => page.evaluate(() => !!document.querySelector('close-quick-edit'))).toBe(true);
  await page.waitForTimeout(1_500);
  expect(await launcher(page).count()).toBe(0);
  await page.close();
});

describe('connected', () => {
  beforeAll(() => harness.connect());
  beforeEach(() => harness.standIn.faults.clear());

  test('a page without a lead: the launcher comes for the first linked call Close confirmed, not the email before it', async () => {
    const asked = idQuestions().length;
    const page = await harness.context.newPage();
    await page.goto(`${APP}/inbox/`);
    await launcher(page).waitFor();
    const questions = idQuestions().slice(asked);
    expect(questions).toHaveLength(1);
    expect(questions[0]!.query.id__in!.split(',')).toEqual([REAL.germanEmail.id, REAL.germanCalls.outbound.id]);
    expect(questions[0]!.query._fields).toBe('id');
    await launcher(page).click();
    await dialog(page).getByLabel('Note').waitFor();
    await expect.poll(() => dialog(page).getByLabel('Call').inputValue()).toBe(REAL.germanCalls.outbound.id);
    await page.close();
  });

  test('a German feed: buttons on its two calls, none on the email that says "Call"; each opens its own call', async () => {
    const page = await harness.leadPage(REAL.germanLead.id);
    await expect.poll(() => buttons(page)).toHaveLength(2);
    expect(await buttons(page)).toEqual([
      [REAL.germanCalls.outbound.id, REAL.germanCalls.outbound.id],
      [REAL.germanCalls.inbound.id, REAL.germanCalls.inbound.id],
    ]);
    // The inbound (older) call, not the lead's latest.
    const inbound = page.locator('li', { has: page.locator(`a[href*="${REAL.germanCalls.inbound.id}"]`) });
    await inbound.getByRole('button', { name: /^Quick edit/ }).click();
    await dialog(page).getByLabel('Note').waitFor();
    await expect.poll(() => dialog(page).getByLabel('Call').inputValue()).toBe(REAL.germanCalls.inbound.id);
    await page.close();
  });

  test('id__in answered with a 400, then a header-only 429: no button until Close answers, then the right ones', async () => {
    harness.standIn.faults.add({ kind: '400', method: 'GET', path: '/api/v1/activity/call/', times: 1 });
    // The background's client waits a header-only 429 out itself (Retry-After), then asks again.
    harness.standIn.faults.add({ kind: '429-headers', method: 'GET', path: '/api/v1/activity/call/', rateReset: 1, times: 1 });
    const asked = idQuestions().length;
    const page = await harness.leadPage(REAL.germanLead.id);
    await page.waitForTimeout(500);
    expect(await buttons(page)).toEqual([]);
    await expect.poll(() => buttons(page), { timeout: 15_000 }).toHaveLength(2);
    const statuses = idQuestions().slice(asked).map((r) => r.status);
    expect(statuses).toEqual([400, 429, 200]);
    await page.close();
  });

  test('the launcher\'s tooltip names the shortcut as the browser reports it, and where to change it', async () => {
    const worker = await harness.worker();
    const reported = await worker.evaluate(async () =>
      (await chrome.commands.getAll()).find((c: { name?: string }) => c.name === 'open-quick-edit')?.shortcut ?? '',
    );
    const page = await harness.leadPage(DEMO.leads.acme.id);
    await launcher(page).waitFor();
    await launcher(page).hover();
    await expect.poll(() => launcher(page).getAttribute('title')).toBe(
      `Shortcut: ${reported || 'not set'}. Change it at chrome://extensions/shortcuts.`,
    );
    await page.close();
  });

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
});
