import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startDriver, type Driver } from '../drivers';
import { PANEL, apiRequests, isCallsToLogRefresh, sleep } from './ui';

// A script on Close's page can reach our open shadow roots: the launcher and the feed's Quick
// edit buttons act on real clicks only (issue 13). Every way a page script has to press a
// button: click(), synthetic clicks, pointer and key events.

let driver: Driver;
beforeAll(async () => {
  driver = await startDriver();
  await driver.connect();
});
afterAll(() => driver?.close());

const PAGE_SCRIPT_PRESSES = () => {
  const hosts = [document.querySelector('close-quick-edit'), ...document.querySelectorAll('close-quick-edit-feed')];
  const buttons = hosts.flatMap((host) => [...(host?.shadowRoot?.querySelectorAll('button') ?? [])]);
  for (const button of buttons) {
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    button.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
    for (const key of ['Enter', ' ']) {
      button.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      button.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
    }
  }
  return buttons.length;
};

test('a page script pressing the launcher and every feed button opens nothing and asks Close nothing', async () => {
  const { acme } = DEMO.leads;
  const tab = await driver.openClosePage(`/lead/${acme.id}/`);
  await tab.get(PANEL.launcher).waitFor();
  await expect.poll(() => tab.get({ css: 'li close-quick-edit-feed' }).count()).toBe(acme.callIds.length);
  driver.standIn.requests.length = 0;

  // The launcher and each feed button were there to press.
  expect(await tab.evaluate(PAGE_SCRIPT_PRESSES)).toBe(1 + acme.callIds.length);
  await sleep(1_000);
  expect(await tab.get(PANEL.dialog).count()).toBe(0);
  // Connecting the key (beforeAll) refreshes Calls to log on its own, late on a busy machine;
  // a press that opened anything would ask for the lead's calls or a call.
  expect(apiRequests(driver.standIn).filter((r) => !isCallsToLogRefresh(r))).toEqual([]);

  // Control: the rep's own click on the same launcher does open it.
  await tab.get(PANEL.launcher).click();
  await tab.get(PANEL.dialog).waitFor();
  await tab.get(PANEL.note).waitFor();
  await tab.close();
});
