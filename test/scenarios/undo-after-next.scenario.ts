import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startDriver, type Driver } from '../drivers';
import { PANEL, openPanel } from './ui';

// Issue 15, point 5: Save & next kept no Undo, exactly on the fastest path. Now the save confirmed
// while the rep is on the next call keeps Undo for the same 15 s, says which call it undoes, and
// undoes it from the next call without leaving it.

let driver: Driver;
beforeAll(async () => {
  driver = await startDriver();
  await driver.connect();
});
afterAll(() => driver?.close());
beforeEach(() => driver.standIn.reset());

test('Undo after Save & next names the call and puts its note back, from the next call', async () => {
  const [first, second] = [DEMO.calls.globexPlainNote, DEMO.calls.globexNoAnswer];
  driver.standIn.state.calls.get(second.id)!.outcome_id = null;
  const tab = await openPanel(driver, DEMO.leads.globex.id);
  expect(await tab.get(PANEL.call).value()).toBe(first.id);
  await tab.get(PANEL.note).fill('Triage, fast');
  await tab.get(PANEL.note).press('Control+Shift+Enter');
  await expect.poll(() => tab.get(PANEL.call).value()).toBe(second.id);
  await expect.poll(() => tab.get(PANEL.status).text()).toMatch(/^Saved\. Now the next call without an outcome/);
  expect(driver.standIn.state.calls.get(first.id)!.note).toBe('Triage, fast');

  const undo = tab.get({ role: 'button', name: 'Undo', in: 'panel' });
  // Described by the call it undoes, in the Call control's words.
  const named = await undo.evaluate((el) => (el.getRootNode() as ShadowRoot).getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent);
  expect(named).toMatch(/^(Outbound|Inbound|Call) · .+ · /);
  await undo.click();
  await expect.poll(() => driver.standIn.state.calls.get(first.id)!.note).toBe(first.note);
  await expect.poll(() => tab.get(PANEL.status).text()).toBe('Restored');
  // Still on the next call.
  expect(await tab.get(PANEL.call).value()).toBe(second.id);
  await tab.close();
});
