import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { DEMO, seedDemoData } from '../close-stand-in/index.mjs';
import { startDriver, type Driver, type Tab } from '../drivers';
import { PANEL, apiRequests, openPanel } from './ui';

// Issue 14 point 1, every call of a lead: the stand-in's Massive Dynamic has 250 calls, which
// Close lists 100 at a time (`_skip`/`_limit`, `has_more`). The panel opens on the first page
// and asks for the rest only when the rep does (More calls), goes past it (Alt+Down), or
// Save & next needs it.

const BUSY = DEMO.closeAsItIs.busyLead;
const MORE = { role: 'button', name: 'More calls', in: 'panel' } as const;
let driver: Driver;
beforeAll(async () => {
  driver = await startDriver();
  await driver.connect();
});
afterAll(() => driver?.close());
beforeEach(() => driver.standIn.reset(seedDemoData({ closeAsItIs: true })));

/** The lead's call list requests, as `_skip` values. */
const listSkips = () =>
  apiRequests(driver.standIn, 'GET')
    .filter((r) => r.path === '/api/v1/activity/call/' && (r as { query?: Record<string, string> }).query?.lead_id === BUSY.id)
    .map((r) => (r as unknown as { query: Record<string, string> }).query._skip);
const options = (tab: Tab) => tab.get(PANEL.call).evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.value));

describe('a lead with 250 calls', () => {
  test('the Call control starts with the first page; More calls loads the rest, then is gone, focus on the Call control', async () => {
    const tab = await openPanel(driver, BUSY.id);
    expect(await options(tab)).toEqual(BUSY.callIds.slice(0, 100));
    expect(listSkips()).toEqual(['0']);
    await tab.get(MORE).click();
    await expect.poll(async () => (await options(tab)).length).toBe(200);
    expect(await tab.get(PANEL.call).isFocused()).toBe(true);
    expect(await tab.get(PANEL.call).value()).toBe(BUSY.callIds[0]); // the shown call did not change
    await tab.get(MORE).click();
    await expect.poll(() => options(tab)).toEqual(BUSY.callIds);
    expect(await tab.get(MORE).count()).toBe(0);
    expect(await tab.get(PANEL.call).isFocused()).toBe(true);
    expect(listSkips()).toEqual(['0', '100', '200']);
    await tab.close();
  });

  test('Alt+Down past the last loaded call loads the next page and goes on to its first call', async () => {
    const tab = await openPanel(driver, BUSY.id);
    // End on the Call control: its last option, the oldest call of the first page (a real change).
    await tab.get(PANEL.call).press('End');
    await expect.poll(() => tab.get(PANEL.call).value()).toBe(BUSY.callIds[99]);
    expect(listSkips()).toEqual(['0']);
    await tab.get(PANEL.note).press('Alt+ArrowDown');
    await expect.poll(() => tab.get(PANEL.call).value()).toBe(BUSY.callIds[100]);
    expect(listSkips()).toEqual(['0', '100']);
    await tab.close();
  });

  test('Save & next with every other call of pages 1 and 2 logged pages on, and reaches the one on page 3 without an outcome', async () => {
    // Every call but the newest (where the rep starts) and the 216th has an outcome.
    const target = BUSY.callIds[215]!;
    for (const id of BUSY.callIds) driver.standIn.state.calls.get(id)!.outcome_id = id === target ? null : DEMO.outcomes.interested.id;
    driver.standIn.state.calls.get(BUSY.callIds[0]!)!.outcome_id = null;
    const tab = await openPanel(driver, BUSY.id);
    await tab.get(PANEL.note).typeAtEnd('Walter wants the demo.');
    await tab.get(PANEL.note).press('Control+Shift+Enter');
    await expect.poll(() => tab.get(PANEL.call).value(), { timeout: 15_000 }).toBe(target);
    expect(listSkips()).toEqual(['0', '100', '200']);
    await expect.poll(() => driver.standIn.state.calls.get(BUSY.callIds[0]!)!.note).toContain('Walter wants the demo.');
    // Not "all have an outcome": there was one, on page 3.
    expect(await tab.get(PANEL.status).text()).not.toMatch(/every other call on this lead has an outcome/i);
    await tab.close();
  });
});
