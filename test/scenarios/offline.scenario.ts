import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { BROWSER, startDriver, type Driver } from '../drivers';
import { PANEL, apiRequests, openPanel } from './ui';

// Offline for real: the connection is lost the way a rep loses it, and nothing synthetic brings
// it back. Either the browser itself goes offline and online again (DevTools in Chromium, BiDi
// in Firefox), and its own `online` event sends the waiting save; or Close stops answering at
// all (the stand-in refuses connections) while the browser still thinks it is online, and only
// the retry alarm can find out that it is back.

let driver: Driver;
beforeAll(async () => {
  driver = await startDriver();
  await driver.connect();
});
afterAll(() => driver?.close());
beforeEach(() => {
  driver.standIn.reset();
});

const stored = (id: string) => driver.standIn.state.calls.get(id)!;
const puts = () => apiRequests(driver.standIn, 'PUT');
/** Why the first save in the outbox is held there (`wait` is stored only once the worker stops trying by itself). */
const heldFor = async () => ((await driver.storage()).outbox as { wait?: { reason: string } }[] | undefined)?.[0]?.wait?.reason;

// Firefox only: Chromium's DevTools offline emulation turns navigator.onLine false and fails the
// service worker's fetches, but fires no online/offline event in the worker (seen on Chromium 156),
// so there the way back is the alarm (the next test, which runs in both).
const inFirefox = BROWSER === 'firefox' ? test : () => undefined;

inFirefox('the browser goes offline: the save waits, and the browser’s own online event sends it', async () => {
  const call = DEMO.calls.globexPlainNote;
  const tab = await openPanel(driver, DEMO.leads.globex.id);
  await driver.setOffline(true);
  try {
    await tab.get(PANEL.note).fill('Typed in a tunnel');
    await tab.get(PANEL.save).click();
    await expect.poll(() => tab.get(PANEL.alert).text(), { timeout: 20_000 }).toMatch(/Will save when back online/);
    expect(puts()).toEqual([]); // it never left the browser
    // Held: the worker's own short retries are over (they would set their alarms again).
    await expect.poll(heldFor, { timeout: 20_000 }).toBe('offline');
    // No alarm may deliver it: whatever sends it now is the online event.
    await driver.clearAlarms();
    expect(await driver.alarms()).toEqual([]);
  } finally {
    await driver.setOffline(false);
  }
  await expect.poll(() => tab.get(PANEL.status).text(), { timeout: 20_000 }).toBe('Saved');
  expect(stored(call.id).note).toBe('Typed in a tunnel');
  expect(puts().map((r) => r.body)).toEqual([{ note: 'Typed in a tunnel' }]);
  await tab.close();
});

test('Close stops accepting connections: the save waits, and the retry alarm alone sends it once Close is back', async () => {
  const call = DEMO.calls.initechRichNote;
  const tab = await openPanel(driver, DEMO.leads.initech.id);
  await driver.standInSocket.refuse();
  let accepting = false;
  try {
    await tab.get(PANEL.note).fill('Sent by the alarm');
    await tab.get(PANEL.save).click();
    await expect.poll(() => tab.get(PANEL.alert).text(), { timeout: 20_000 }).toMatch(/Will save when back online/);
    // The browser still believes it is online: no event will come, the alarm is the only way back.
    expect(await tab.evaluate(() => navigator.onLine)).toBe(true);
    // The worker sets the alarm as it says the save waits (the alert may be drawn a moment first).
    await expect.poll(async () => (await driver.alarms()).length, { timeout: 5_000 }).toBeGreaterThan(0);
    // The alert is up from the first short wait, which a timer in the worker ends. Once the
    // worker has given up trying by itself, the save is held in the outbox (`wait` stored):
    // from then on the alarm is the only way back, so that is when Close listens again.
    await expect.poll(heldFor, { timeout: 20_000 }).toBe('offline');
    expect((await driver.alarms()).length).toBeGreaterThan(0);
    await driver.standInSocket.accept();
    accepting = true;
  } finally {
    if (!accepting) await driver.standInSocket.accept();
  }
  // The shortest alarm is 30 s; nothing in the page or the test touches the save meanwhile.
  await expect.poll(() => tab.get(PANEL.status).text(), { timeout: 75_000, interval: 1000 }).toBe('Saved');
  expect(stored(call.id).note).toBe('Sent by the alarm');
  // One PUT reached Close: the attempts while it refused never arrived.
  expect(puts().map((r) => r.path)).toEqual([`/api/v1/activity/call/${call.id}/`]);
  await tab.close();
}, 120_000);
