import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { FEED_EMAIL_ID } from '../close-stand-in/feed-render.mjs';
import { APP, startHarness, type Harness } from './harness';

// Issue 4: a "Quick edit" button beside every call in Close's activity feed, following the feed as
// it re-renders, and the panel opening by itself on a URL naming a call when the rep asked for it.

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await harness.connect();
});
afterAll(() => harness?.close());

const setAutoOpen = async (value: unknown) => {
  const worker = await harness.worker();
  await worker.evaluate((v) => chrome.storage.local.set({ 'settings.autoOpen': v }), value);
};
beforeEach(() => setAutoOpen(false));

const launcher = (page: Page) => page.getByRole('button', { name: 'Quick edit call' });
const dialog = (page: Page) => page.getByRole('dialog', { name: /call/i });
/** The feed item (Close's <li>) of an activity, found by its "Copy Link", as the extension finds it. */
const item = (page: Page, activityId: string) => page.locator('li', { has: page.locator(`a[href*="${activityId}"]`) });
const feedButton = (page: Page, callId: string) => item(page, callId).getByRole('button', { name: /^Quick edit/ });

/**
 * Every feed button on the page, as [the call id it opens, the id in its item's link], plus items
 * holding more than one. A button is our `close-quick-edit-feed` host with its own shadow root.
 */
const feedState = (page: Page) =>
  page.evaluate(() => {
    const hosts = [...document.querySelectorAll('close-quick-edit-feed')];
    return {
      buttons: hosts.map((host) => [
        host.getAttribute('data-call-id'),
        /acti_[A-Za-z0-9]+/.exec(host.closest('li')?.querySelector('a[href*="acti_"]')?.getAttribute('href') ?? '')?.[0],
        host.shadowRoot?.querySelector('button')?.textContent,
      ]),
      itemsWithTwo: [...document.querySelectorAll('li')].filter((li) => li.querySelectorAll('close-quick-edit-feed').length > 1)
        .length,
    };
  });
/** The call ids the buttons open, in page order, once every button sits in its own call's item. */
const buttonCallIds = async (page: Page) => {
  const { buttons, itemsWithTwo } = await feedState(page);
  expect(itemsWithTwo).toBe(0);
  for (const [opens, linked, text] of buttons) {
    expect(opens).toBe(linked);
    expect(text).toBe('Quick edit');
  }
  return buttons.map(([opens]) => opens);
};

test('one button per call item; it opens the panel on that call, and the launcher keeps the page’s call', async () => {
  const { acme } = DEMO.leads;
  const page = await harness.leadPage(acme.id);
  // A desktop wide enough for the feed beside the open panel, so its buttons stay clickable.
  await page.setViewportSize({ width: 1600, height: 900 });
  await expect.poll(() => buttonCallIds(page)).toEqual(acme.callIds);
  // The launcher's name (UI-CONTRACT.md) still names exactly one button.
  expect(await launcher(page).count()).toBe(1);
  // Its accessible name starts with its visible text and says which call.
  const older = acme.callIds[1]!;
  const button = feedButton(page, older);
  const time = await item(page, older).locator('time').textContent();
  expect(await button.getAttribute('aria-label')).toBe(`Quick edit: call on ${time}`);

  await button.click();
  await expect.poll(() => dialog(page).getByLabel('Call').inputValue()).toBe(older);
  await dialog(page).getByLabel('Note').press('Escape');
  await expect.poll(() => dialog(page).count()).toBe(0);
  // Focus goes back to the button that opened it.
  expect(await button.evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b)).toBe(true);

  // Another item's button switches the open panel to its call.
  await button.click();
  await expect.poll(() => dialog(page).getByLabel('Call').inputValue()).toBe(older);
  const oldest = acme.callIds[2]!;
  await feedButton(page, oldest).click();
  await expect.poll(() => dialog(page).getByLabel('Call').inputValue()).toBe(oldest);
  await dialog(page).getByLabel('Note').press('Escape');
  await expect.poll(() => dialog(page).count()).toBe(0);

  // The launcher still opens the page's own call (the most recent), not the last one picked.
  await launcher(page).click();
  await expect.poll(() => dialog(page).getByLabel('Call').inputValue()).toBe(acme.latestCallId);
  await page.close();
});

test('a script on the page cannot press a feed button', async () => {
  const { acme } = DEMO.leads;
  const page = await harness.leadPage(acme.id);
  await expect.poll(() => buttonCallIds(page)).toEqual(acme.callIds);
  await page.evaluate((id) => {
    const host = document.querySelector(`close-quick-edit-feed[data-call-id="${id}"]`)!;
    host.shadowRoot!.querySelector('button')!.click();
  }, acme.callIds[1]!);
  // Opening removes the launcher at once, in the click's own task: it is still there.
  expect(await launcher(page).count()).toBe(1);
  await launcher(page).click();
  await expect.poll(() => dialog(page).getByLabel('Call').inputValue()).toBe(acme.latestCallId);
  await page.close();
});

test('the buttons follow the feed: lazy loading, a re-render, a filter, navigation', async () => {
  const { globex, initech } = DEMO.leads;
  const page = await harness.context.newPage();
  // The lazy feed (feed-render.mjs): an email and the newest call, older calls on demand.
  await page.goto(`${APP}/lead/${globex.id}/?feed=lazy`);
  await item(page, FEED_EMAIL_ID).waitFor();
  await expect.poll(() => buttonCallIds(page)).toEqual(globex.callIds.slice(0, 1));
  // The email carries an activity id too, but is no call: no button.
  expect(await item(page, FEED_EMAIL_ID).locator('close-quick-edit-feed').count()).toBe(0);

  const more = page.getByRole('button', { name: 'Load older activity' });
  await more.click();
  await expect.poll(() => buttonCallIds(page)).toEqual(globex.callIds.slice(0, 2));
  await more.click();
  await expect.poll(() => buttonCallIds(page)).toEqual(globex.callIds);
  expect(await more.count()).toBe(0);

  // Close renders the whole feed again, with new nodes: each new item gets exactly one button.
  await page.evaluate(() => document.querySelectorAll('li').forEach((li) => li.setAttribute('data-old', '')));
  await page.evaluate(() => (window as unknown as { __standInRefresh(): Promise<void> }).__standInRefresh());
  expect(await page.locator('li[data-old]').count()).toBe(0);
  await expect.poll(() => buttonCallIds(page)).toEqual(globex.callIds);
  // A button in the re-rendered feed opens its call.
  const oldest = globex.callIds[2]!;
  await feedButton(page, oldest).click();
  await expect.poll(() => dialog(page).getByLabel('Call').inputValue()).toBe(oldest);
  await dialog(page).getByLabel('Note').press('Escape');
  await expect.poll(() => dialog(page).count()).toBe(0);

  // A filter that hides the calls: their buttons go with them. The page has no call ids now,
  // and the launcher still opens the lead's most recent call.
  await page.getByLabel('Filter activity').selectOption('emails');
  await expect.poll(() => buttonCallIds(page)).toEqual([]);
  expect(await page.locator('a[href*="acti_"]').count()).toBe(1);
  await launcher(page).click();
  await expect.poll(() => dialog(page).getByLabel('Call').inputValue()).toBe(globex.latestCallId);
  await dialog(page).getByLabel('Note').press('Escape');
  await page.getByLabel('Filter activity').selectOption('all');
  await expect.poll(() => buttonCallIds(page)).toEqual(globex.callIds);

  // Single-page navigation to another lead: that lead's calls, and none of the last one's.
  await page.getByRole('navigation').getByRole('link', { name: initech.display_name }).click();
  await expect.poll(() => buttonCallIds(page)).toEqual(initech.callIds);
  await feedButton(page, initech.callIds[1]!).click();
  await expect.poll(() => dialog(page).getByLabel('Call').inputValue()).toBe(initech.callIds[1]);
  await dialog(page).getByLabel('Note').press('Escape');

  // The inbox: no calls, no buttons, no launcher.
  await page.getByRole('navigation').getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  await expect.poll(() => buttonCallIds(page)).toEqual([]);
  await expect.poll(() => launcher(page).count()).toBe(0);
  await page.close();
});

test('auto-open on: a URL naming a call opens the panel by itself, once per navigation to it', async () => {
  const { globex } = DEMO.leads;
  await setAutoOpen(true);
  const page = await harness.context.newPage();
  const named = DEMO.calls.globexNoAnswer.id;
  expect(named).not.toBe(globex.latestCallId);
  await page.goto(`${APP}/lead/${globex.id}/#activityId=${named}`);
  await expect.poll(() => dialog(page).getByLabel('Call').inputValue()).toBe(named);

  // Closed by the rep: a re-render of the same page does not open it again.
  await dialog(page).getByLabel('Note').press('Escape');
  await expect.poll(() => dialog(page).count()).toBe(0);
  await page.evaluate(() => (window as unknown as { __standInRefresh(): Promise<void> }).__standInRefresh());
  await expect.poll(() => buttonCallIds(page)).toEqual(globex.callIds);
  await page.waitForTimeout(500);
  expect(await dialog(page).count()).toBe(0);

  // Navigating to another call's URL opens it for that one.
  const other = globex.callIds.find((id) => id !== named)!;
  await page.evaluate((id) => (location.hash = `#activityId=${id}`), other);
  await expect.poll(() => dialog(page).getByLabel('Call').inputValue()).toBe(other);
  await page.close();
});

test('auto-open off (the default) or not exactly true: the panel waits for the rep', async () => {
  const { globex } = DEMO.leads;
  for (const value of [false, 'true', undefined]) {
    if (value === undefined) {
      const worker = await harness.worker();
      await worker.evaluate(() => chrome.storage.local.remove('settings.autoOpen'));
    } else await setAutoOpen(value);
    const page = await harness.context.newPage();
    await page.goto(`${APP}/lead/${globex.id}/#activityId=${DEMO.calls.globexNoAnswer.id}`);
    await launcher(page).waitFor();
    await expect.poll(() => buttonCallIds(page)).toEqual(globex.callIds);
    await page.waitForTimeout(700);
    expect(await dialog(page).count()).toBe(0);
    // The launcher still opens it.
    await launcher(page).click();
    await expect.poll(() => dialog(page).getByLabel('Call').inputValue()).toBe(DEMO.calls.globexNoAnswer.id);
    await page.close();
  }
});
