import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { FEED_EMAIL_ID } from '../close-stand-in/feed-render.mjs';
import { startDriver, type Driver, type Tab, type Target } from '../drivers';
import { PANEL, sleep } from './ui';

// Issue 4: a "Quick edit" button beside every call in Close's activity feed, following the feed as
// it re-renders, and the panel opening by itself on a URL naming a call when the rep asked for it.
// In Firefox the content script uses the native `browser`, without webextension-polyfill.

let driver: Driver;
beforeAll(async () => {
  driver = await startDriver();
  await driver.connect();
});
afterAll(() => driver?.close());
beforeEach(() => driver.setStorage({ 'settings.autoOpen': false }));

const feedButton = (callId: string): Target => ({ role: 'button', in: { feed: callId } });
const callShown = (tab: Tab) => tab.get(PANEL.call).value();

/**
 * Every feed button on the page, as [the call id it opens, the id in its item's link, its text],
 * plus the items holding more than one. A button is our `close-quick-edit-feed` host.
 */
const feedState = (tab: Tab) =>
  tab.evaluate(() => {
    const hosts = [...document.querySelectorAll('close-quick-edit-feed')];
    return {
      buttons: hosts.map((host) => [
        host.getAttribute('data-call-id'),
        /acti_[A-Za-z0-9]+/.exec(host.closest('li')?.querySelector('a[href*="acti_"]')?.getAttribute('href') ?? '')?.[0],
        host.shadowRoot?.querySelector('button')?.textContent,
      ]),
      itemsWithTwo: [...document.querySelectorAll('li')].filter((li) => li.querySelectorAll('close-quick-edit-feed').length > 1).length,
    };
  });
/** The call ids the buttons open, in page order, once every button sits in its own call's item. */
const buttonCallIds = async (tab: Tab) => {
  const { buttons, itemsWithTwo } = await feedState(tab);
  expect(itemsWithTwo).toBe(0);
  for (const [opens, linked, text] of buttons) {
    expect(opens).toBe(linked);
    expect(text).toBe('Quick edit');
  }
  return buttons.map(([opens]) => opens);
};
/** The visible time of a call's feed item (Close's <li>, found by its "Copy Link"). */
const itemTime = (tab: Tab, callId: string) =>
  tab.evaluate((id) => [...document.querySelectorAll('li')].find((li) => li.querySelector(`a[href*="${id}"]`))?.querySelector('time')?.textContent, callId);
const refreshFeed = (tab: Tab) => tab.evaluate(() => (window as unknown as { __standInRefresh(): Promise<void> }).__standInRefresh());
const closePanel = async (tab: Tab) => {
  await tab.get(PANEL.note).press('Escape');
  await expect.poll(() => tab.get(PANEL.dialog).count()).toBe(0);
};

test('one button per call item; it opens the panel on that call, and the launcher keeps the page’s call', async () => {
  const { acme } = DEMO.leads;
  const tab = await driver.openClosePage(`/lead/${acme.id}/`);
  // A desktop wide enough for the feed beside the open panel, so its buttons stay clickable.
  await tab.setViewport(1600, 900);
  await expect.poll(() => buttonCallIds(tab)).toEqual(acme.callIds);
  // The launcher's name (UI-CONTRACT.md) still names exactly one button.
  expect(await tab.get(PANEL.launcher).count()).toBe(1);
  // Its accessible name starts with its visible text and says which call.
  const older = acme.callIds[1]!;
  const button = tab.get(feedButton(older));
  expect(await button.attribute('aria-label')).toBe(`Quick edit: call on ${await itemTime(tab, older)}`);

  await button.click();
  await expect.poll(() => callShown(tab)).toBe(older);
  await closePanel(tab);
  // Focus goes back to the button that opened it.
  expect(await button.isFocused()).toBe(true);

  // Another item's button switches the open panel to its call.
  await button.click();
  await expect.poll(() => callShown(tab)).toBe(older);
  const oldest = acme.callIds[2]!;
  await tab.get(feedButton(oldest)).click();
  await expect.poll(() => callShown(tab)).toBe(oldest);
  await closePanel(tab);

  // The launcher still opens the page's own call (the most recent), not the last one picked.
  await tab.get(PANEL.launcher).click();
  await expect.poll(() => callShown(tab)).toBe(acme.latestCallId);
  await tab.close();
});

test('a script on the page cannot press a feed button', async () => {
  const { acme } = DEMO.leads;
  const tab = await driver.openClosePage(`/lead/${acme.id}/`);
  await expect.poll(() => buttonCallIds(tab)).toEqual(acme.callIds);
  await tab.evaluate((id) => {
    document.querySelector(`close-quick-edit-feed[data-call-id="${id}"]`)!.shadowRoot!.querySelector('button')!.click();
  }, acme.callIds[1]!);
  // Opening removes the launcher at once, in the click's own task: it is still there.
  expect(await tab.get(PANEL.launcher).count()).toBe(1);
  await tab.get(PANEL.launcher).click();
  await expect.poll(() => callShown(tab)).toBe(acme.latestCallId);
  await tab.close();
});

test('the buttons follow the feed: lazy loading, a re-render, a filter, navigation', async () => {
  const { globex, initech } = DEMO.leads;
  // The lazy feed (feed-render.mjs): an email and the newest call, older calls on demand.
  const tab = await driver.openClosePage(`/lead/${globex.id}/?feed=lazy`);
  await tab.setViewport(1600, 900); // the feed beside the launcher and the open panel
  await expect.poll(() => buttonCallIds(tab)).toEqual(globex.callIds.slice(0, 1));
  // The email carries an activity id too, but is no call: no button.
  expect(
    await tab.evaluate((id) => [...document.querySelectorAll('li')].filter((li) => li.querySelector(`a[href*="${id}"]`)).length, FEED_EMAIL_ID),
  ).toBe(1);
  expect(await tab.evaluate((id) => !!document.querySelector(`li:has(a[href*="${id}"]) close-quick-edit-feed`), FEED_EMAIL_ID)).toBe(false);

  const more = tab.get({ role: 'button', name: 'Load older activity' });
  await more.click();
  await expect.poll(() => buttonCallIds(tab)).toEqual(globex.callIds.slice(0, 2));
  await more.click();
  await expect.poll(() => buttonCallIds(tab)).toEqual(globex.callIds);
  await expect.poll(() => more.count()).toBe(0);

  // Close renders the whole feed again, with new nodes: each new item gets exactly one button.
  await tab.evaluate(() => document.querySelectorAll('li').forEach((li) => li.setAttribute('data-old', '')));
  await refreshFeed(tab);
  expect(await tab.evaluate(() => document.querySelectorAll('li[data-old]').length)).toBe(0);
  await expect.poll(() => buttonCallIds(tab)).toEqual(globex.callIds);
  // A button in the re-rendered feed opens its call.
  const oldest = globex.callIds[2]!;
  await tab.get(feedButton(oldest)).click();
  await expect.poll(() => callShown(tab)).toBe(oldest);
  await closePanel(tab);

  // A filter that hides the calls: their buttons go with them. The page has no call ids now,
  // and the launcher still opens the lead's most recent call.
  // Its name also carries the chosen option's text, so it is found by its place in the feed.
  const filter = tab.get({ css: 'label[class^="ActivityFeed_filter"] select' });
  await filter.select('emails');
  await expect.poll(() => buttonCallIds(tab)).toEqual([]);
  expect(await tab.evaluate(() => document.querySelectorAll('a[href*="acti_"]').length)).toBe(1);
  await tab.get(PANEL.launcher).click();
  await expect.poll(() => callShown(tab)).toBe(globex.latestCallId);
  await closePanel(tab);
  await filter.select('all');
  await expect.poll(() => buttonCallIds(tab)).toEqual(globex.callIds);

  // Single-page navigation to another lead: that lead's calls, and none of the last one's.
  await tab.get({ role: 'link', name: initech.display_name }).click();
  await expect.poll(() => buttonCallIds(tab)).toEqual(initech.callIds);
  await tab.get(feedButton(initech.callIds[1]!)).click();
  await expect.poll(() => callShown(tab)).toBe(initech.callIds[1]);
  await closePanel(tab);

  // The inbox: no calls, no buttons, no launcher.
  await tab.get({ role: 'link', name: 'Inbox' }).click();
  await tab.get({ role: 'heading', name: 'Inbox' }).waitFor();
  await expect.poll(() => buttonCallIds(tab)).toEqual([]);
  await expect.poll(() => tab.get(PANEL.launcher).count()).toBe(0);
  await tab.close();
});

test('auto-open on: a URL naming a call opens the panel by itself, once per navigation to it', async () => {
  const { globex } = DEMO.leads;
  await driver.setStorage({ 'settings.autoOpen': true });
  const named = DEMO.calls.globexNoAnswer.id;
  expect(named).not.toBe(globex.latestCallId);
  const tab = await driver.openClosePage(`/lead/${globex.id}/#activityId=${named}`);
  await expect.poll(() => callShown(tab)).toBe(named);

  // Closed by the rep: a re-render of the same page does not open it again.
  await closePanel(tab);
  await refreshFeed(tab);
  await expect.poll(() => buttonCallIds(tab)).toEqual(globex.callIds);
  await sleep(500);
  expect(await tab.get(PANEL.dialog).count()).toBe(0);

  // Navigating to another call's URL opens it for that one.
  const other = globex.callIds.find((id) => id !== named)!;
  await tab.evaluate((id) => (location.hash = `#activityId=${id}`), other);
  await expect.poll(() => callShown(tab)).toBe(other);
  await tab.close();
});

test('auto-open off (the default) or not exactly true: the panel waits for the rep', async () => {
  const { globex } = DEMO.leads;
  for (const value of [false, 'true', undefined]) {
    if (value === undefined) await driver.removeStorage('settings.autoOpen');
    else await driver.setStorage({ 'settings.autoOpen': value });
    const tab = await driver.openClosePage(`/lead/${globex.id}/#activityId=${DEMO.calls.globexNoAnswer.id}`);
    await tab.get(PANEL.launcher).waitFor();
    await expect.poll(() => buttonCallIds(tab)).toEqual(globex.callIds);
    await sleep(700);
    expect(await tab.get(PANEL.dialog).count()).toBe(0);
    // The launcher still opens it.
    await tab.get(PANEL.launcher).click();
    await expect.poll(() => callShown(tab)).toBe(DEMO.calls.globexNoAnswer.id);
    await tab.close();
  }
});
