import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startDriver, type Driver, type Tab, type Target } from '../drivers';
import { PANEL } from './ui';

// Issue 15: what ties the panel to Close's page. The call being edited is outlined in the feed
// (by us, over the page) and its feed button says it is the current one; closing with text not yet
// saved says "Draft saved" where the launcher is; a call with a draft is marked on its feed button
// and on the launcher.

let driver: Driver;
beforeAll(async () => {
  driver = await startDriver();
  await driver.connect();
});
afterAll(() => driver?.close());

const feedButton = (callId: string): Target => ({ role: 'button', in: { feed: callId } });
const launcherNote: Target = { css: '.note', in: 'panel' };

/** Where our outline is against the call's feed item: [outline covers item, outline rect]. */
const outlineOver = (tab: Tab, callId: string) =>
  tab.evaluate((id) => {
    const outline = document.querySelector('close-quick-edit')?.shadowRoot?.querySelector('.call-outline');
    const item = document.querySelector(`close-quick-edit-feed[data-call-id="${id}"]`)?.closest('li');
    if (!outline || !item) return false;
    const [o, i] = [outline.getBoundingClientRect(), item.getBoundingClientRect()];
    return o.width > 0 && o.left <= i.left && o.top <= i.top && o.right >= i.right && o.bottom >= i.bottom && o.top > i.top - 10;
  }, callId);
const outlines = (tab: Tab) => tab.evaluate(() => document.querySelector('close-quick-edit')?.shadowRoot?.querySelectorAll('.call-outline').length);
/** Whether this element says it has a draft: the dot (data-draft) and the words describing it. */
const saysDraft = (tab: Tab, target: Target) =>
  tab.get(target).evaluate((el) => {
    const words = (el.getRootNode() as ShadowRoot).getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent;
    return el.hasAttribute('data-draft') && words === 'This call has a draft';
  });

test('the call being edited is outlined in the feed, its button says so, and both go on close', async () => {
  const { acme } = DEMO.leads;
  const tab = await driver.openClosePage(`/lead/${acme.id}/`);
  await tab.setViewport(1600, 900);
  const [latest, older] = acme.callIds as [string, string];
  await tab.get(feedButton(older)).click();
  await expect.poll(() => tab.get(PANEL.call).value()).toBe(older);
  await expect.poll(() => outlineOver(tab, older)).toBe(true);
  expect(await tab.get(feedButton(older)).attribute('aria-current')).toBe('true');
  expect(await tab.get(feedButton(latest)).attribute('aria-current')).toBeNull();
  // Nothing of ours takes the rep's clicks on Close's item.
  expect(await tab.evaluate(() => getComputedStyle(document.querySelector('close-quick-edit')!.shadowRoot!.querySelector('.call-outline')!).pointerEvents)).toBe('none');

  // The feed scrolls under the panel: the outline stays on the item.
  await tab.evaluate(() => window.scrollBy(0, 40));
  await expect.poll(() => outlineOver(tab, older)).toBe(true);

  await tab.get(PANEL.note).press('Escape');
  await expect.poll(() => tab.get(PANEL.dialog).count()).toBe(0);
  await expect.poll(() => outlines(tab)).toBe(0);
  expect(await tab.get(feedButton(older)).attribute('aria-current')).toBeNull();
  await tab.close();
});

test('closing with text not yet saved says “Draft saved”; the call’s feed button and the launcher show the draft', async () => {
  const { acme } = DEMO.leads;
  const latest = acme.latestCallId;
  const tab = await driver.openClosePage(`/lead/${acme.id}/`);
  await tab.setViewport(1600, 900);
  await tab.get(feedButton(latest)).waitFor();
  expect(await saysDraft(tab, PANEL.launcher)).toBe(false);
  expect(await saysDraft(tab, feedButton(latest))).toBe(false);

  await tab.get(PANEL.launcher).click();
  await tab.get(PANEL.note).waitFor();
  // Esc with nothing typed: no note.
  await tab.get(PANEL.note).press('Escape');
  await expect.poll(() => tab.get(PANEL.dialog).count()).toBe(0);
  expect(await tab.get(launcherNote).count()).toBe(0);

  await tab.get(PANEL.launcher).click();
  await tab.get(PANEL.note).typeAtEnd(' call back Monday');
  await tab.get(PANEL.note).press('Escape');
  await expect.poll(() => tab.get(PANEL.dialog).count()).toBe(0);
  await expect.poll(() => tab.get(launcherNote).text()).toBe('Draft saved');
  expect(await tab.get(launcherNote).attribute('role')).toBe('status');
  await expect.poll(() => saysDraft(tab, PANEL.launcher)).toBe(true);
  await expect.poll(() => saysDraft(tab, feedButton(latest))).toBe(true);
  expect(await saysDraft(tab, feedButton(acme.callIds[1]!))).toBe(false);
  // For a moment only.
  await expect.poll(() => tab.get(launcherNote).count(), { timeout: 8_000 }).toBe(0);

  // The draft goes elsewhere (discarded in another tab): the marks follow at once.
  await driver.removeStorage(`draft:${latest}`);
  await expect.poll(() => saysDraft(tab, PANEL.launcher)).toBe(false);
  await expect.poll(() => saysDraft(tab, feedButton(latest))).toBe(false);
  await tab.close();
});

test('a call with a draft is marked in the Call control too, and the mark goes with the draft', async () => {
  const { acme } = DEMO.leads;
  const [latest, older] = acme.callIds as [string, string];
  const tab = await driver.openClosePage(`/lead/${acme.id}/`);
  /** Which of the Call control's options say they have a draft, by call id. */
  const markedOptions = () =>
    tab.get(PANEL.call).evaluate((el) =>
      [...(el as HTMLSelectElement).options].filter((o) => o.text.endsWith(' · draft')).map((o) => o.value),
    );
  await tab.get(PANEL.launcher).click();
  await tab.get(PANEL.note).waitFor();
  expect(await markedOptions()).toEqual([]);

  await tab.get(PANEL.note).typeAtEnd(' ask about the anvils');
  await expect.poll(markedOptions).toEqual([latest]);
  // Another call shown: the first one's option still says it has a draft.
  await tab.get(PANEL.call).select(older);
  await expect.poll(() => tab.get(PANEL.call).value()).toBe(older);
  expect(await markedOptions()).toEqual([latest]);

  await driver.removeStorage(`draft:${latest}`); // discarded in another tab
  await expect.poll(markedOptions).toEqual([]);
  await tab.get(PANEL.note).press('Escape');
  await tab.close();
});
