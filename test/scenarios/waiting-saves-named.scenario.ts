import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startDriver, type Driver } from '../drivers';
import { PANEL, openPanel } from './ui';

// Issue 15: the popup's "Waiting to save" names each save by its lead, its contact (or phone) and
// the call's date, as the panel's Call control does, not by a fragment of an id.

let driver: Driver;
beforeAll(async () => {
  driver = await startDriver();
  await driver.connect();
});
afterAll(() => driver?.close());

test('a save queued while Close cannot be reached is named in the popup by lead, contact and date', async () => {
  const { initech } = DEMO.leads;
  const tab = await openPanel(driver, initech.id);
  // The call's date as the Call control words it: "Outbound · Peter Gibbons · <date> · <duration>".
  const option = await tab.get(PANEL.call).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text ?? '');
  const [, contact, date] = option.split(' · ');
  expect(contact).toBe('Peter Gibbons');

  await driver.standInSocket.refuse();
  try {
    await tab.get(PANEL.note).fill('Waiting for Close');
    await tab.get(PANEL.save).click();
    await expect.poll(() => tab.get(PANEL.alert).text(), { timeout: 20_000 }).toMatch(/Will save when back online/);

    const popup = await driver.openExtensionPage('popup.html');
    const item = popup.get({ css: '.queued li' });
    // Initech's call has a rich-text note: the save sends note_html, "formatted note".
    await expect.poll(() => item.text(), { timeout: 15_000 }).toContain(`Initech · Peter Gibbons · ${date}: formatted note (waiting for a connection)`);
    expect(await item.text()).not.toMatch(/call …/); // no id fragment where names are known
    // What the outbox keeps: names Close gave, nothing else (it is in storage.local).
    const outbox = (await driver.storage()).outbox as { label?: unknown }[];
    expect(outbox.map((save) => save.label)).toEqual([{ lead: 'Initech', who: 'Peter Gibbons', at: expect.any(String) }]);
    await popup.get({ role: 'button', name: 'Cancel' }).click();
    await expect.poll(() => item.count()).toBe(0);
    await popup.close();
  } finally {
    await driver.standInSocket.accept();
  }
  await tab.close();
});
