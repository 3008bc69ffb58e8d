import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startDriver, type Driver } from '../drivers';
import { PANEL, apiRequests } from './ui';

// Issue 15: with "Close the panel after Save" on, Ctrl/Cmd+Enter saves, closes the panel once
// Close confirmed, shows "Saved · Undo" where the launcher is, and puts focus back where it was.

let driver: Driver;
beforeAll(async () => {
  driver = await startDriver();
  await driver.connect();
});
afterAll(() => driver?.close());
beforeEach(() => driver.standIn.reset());

const note = { css: '.note', in: 'panel' as const };
const puts = () => apiRequests(driver.standIn, 'PUT');

test('on: Ctrl+Enter saves and closes, “Saved · Undo” where the launcher is, focus back on the launcher; Undo puts the note back', async () => {
  await driver.setStorage({ 'settings.closeAfterSave': true });
  const call = DEMO.calls.globexPlainNote;
  const tab = await driver.openClosePage(`/lead/${DEMO.leads.globex.id}/`);
  await tab.get(PANEL.launcher).click();
  await tab.get(PANEL.note).fill('Closed after saving');
  await tab.get(PANEL.note).press('Control+Enter');
  await expect.poll(() => tab.get(PANEL.dialog).count()).toBe(0);
  expect(puts().map((r) => r.body)).toEqual([{ note: 'Closed after saving' }]);
  expect(driver.standIn.state.calls.get(call.id)!.note).toBe('Closed after saving');
  await expect.poll(() => tab.get(note).text()).toBe('Saved · Undo');
  expect(await tab.get(note).attribute('role')).toBe('status');
  expect(await tab.get(PANEL.launcher).isFocused()).toBe(true);

  await tab.get({ role: 'button', name: 'Undo', in: 'panel' }).click();
  await expect.poll(() => driver.standIn.state.calls.get(call.id)!.note).toBe(call.note);
  expect(await tab.get(note).count()).toBe(0);
  expect(await tab.get(PANEL.launcher).isFocused()).toBe(true);
  await tab.close();
});

test('off (the default): Ctrl+Enter saves and the panel stays open', async () => {
  await driver.removeStorage('settings.closeAfterSave');
  const tab = await driver.openClosePage(`/lead/${DEMO.leads.globex.id}/`);
  await tab.get(PANEL.launcher).click();
  await tab.get(PANEL.note).fill('Stays open');
  await tab.get(PANEL.note).press('Control+Enter');
  await expect.poll(() => tab.get(PANEL.status).text()).toBe('Saved');
  expect(await tab.get(PANEL.dialog).count()).toBe(1);
  await tab.close();
});

test('on, but the save did not go through: the panel stays open and says why', async () => {
  await driver.setStorage({ 'settings.closeAfterSave': true });
  driver.standIn.faults.add({ method: 'PUT', kind: '500' });
  const tab = await driver.openClosePage(`/lead/${DEMO.leads.globex.id}/`);
  await tab.get(PANEL.launcher).click();
  await tab.get(PANEL.note).fill('Not saved yet');
  await tab.get(PANEL.note).press('Control+Enter');
  await expect.poll(() => tab.get(PANEL.alert).text()).toMatch(/Close had a problem/);
  expect(await tab.get(PANEL.dialog).count()).toBe(1);
  await tab.close();
});
