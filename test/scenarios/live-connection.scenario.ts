import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startDriver, type Driver, type Tab } from '../drivers';
import { PANEL, POPUP } from './ui';

// Issue 15, "live first run": a panel open on Close's page follows a connect or a Disconnect made
// in the popup at once, without being reopened. The background tells the tab only that the
// connection changed (security-key-hygiene.e2e.test.ts records every message a content script
// gets: no key among them). On Disconnect the rep's text stays, as a draft, and comes back.

let driver: Driver;
beforeAll(async () => {
  driver = await startDriver(); // not connected
});
afterAll(() => driver?.close());

async function disconnect() {
  const popup = await driver.openExtensionPage('popup.html');
  await popup.get(POPUP.disconnect).click();
  await popup.get(POPUP.apiKey).waitFor();
  await popup.close();
}

/** Marks the open dialog, so that a reopened panel (a new dialog) would be told apart. */
const mark = (tab: Tab) => tab.get(PANEL.dialog).evaluate((el) => el.setAttribute('data-test-mark', 'first'));
const stillMarked = (tab: Tab) => tab.get(PANEL.dialog).attribute('data-test-mark');

test('opened before connecting, the panel turns into the call’s panel once the key is connected in the popup', async () => {
  const { acme } = DEMO.leads;
  const tab = await driver.openClosePage(`/lead/${acme.id}/`);
  await tab.get(PANEL.launcher).click();
  await expect.poll(() => tab.get(PANEL.dialog).text()).toMatch(/Connect your Close API key/);
  // The no-key panel puts focus on its first button, the way to connect.
  await expect.poll(() => tab.get(PANEL.openSettings).isFocused()).toBe(true);
  await mark(tab);

  await driver.connect();
  await tab.bringToFront();
  await expect.poll(() => tab.get(PANEL.note).count(), { timeout: 15_000 }).toBe(1);
  expect(await tab.get(PANEL.call).value()).toBe(acme.latestCallId);
  expect(await tab.get(PANEL.dialog).text()).not.toMatch(/Connect your Close API key/);
  expect(await stillMarked(tab)).toBe('first'); // the same panel, not reopened
  await tab.close();
});

test('Disconnect: the open panel shows the connect panel and keeps the typed text as a draft; reconnecting puts it back', async () => {
  const { acme } = DEMO.leads;
  const callId = acme.latestCallId;
  const tab = await driver.openClosePage(`/lead/${acme.id}/`);
  await tab.get(PANEL.launcher).click();
  await tab.get(PANEL.note).waitFor();
  await mark(tab);
  await tab.get(PANEL.note).typeAtEnd(' Call back Monday.');

  await disconnect();
  await tab.bringToFront();
  await expect.poll(() => tab.get(PANEL.dialog).text(), { timeout: 15_000 }).toMatch(/Connect your Close API key/);
  expect(await tab.get(PANEL.note).count()).toBe(0);
  expect(await tab.get(PANEL.call).count()).toBe(0);
  expect(await stillMarked(tab)).toBe('first');
  await expect.poll(() => tab.get(PANEL.openSettings).isFocused()).toBe(true);
  // The rep's text is stored, not lost.
  await expect.poll(async () => JSON.stringify((await driver.storage())[`draft:${callId}`] ?? null)).toContain('Call back Monday.');

  await driver.connect();
  await tab.bringToFront();
  await expect.poll(() => tab.get(PANEL.note).value(), { timeout: 15_000 }).toMatch(/Call back Monday\.$/);
  expect(await tab.get(PANEL.dialog).text()).toContain('Draft restored');
  expect(await stillMarked(tab)).toBe('first');
  // Nothing was sent: the rep did not press Save.
  expect(driver.standIn.requests.filter((r: { method: string }) => r.method === 'PUT')).toEqual([]);
  await tab.close();
});
