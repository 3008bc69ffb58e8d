import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { canPressRealKeys } from '../e2e-firefox/virtual-display';
import { APP, BROWSER, startDriver, type Driver } from '../drivers';
import { measureNavigation } from './navigation-timing';
import { PANEL } from './ui';

describe('the keyboard command', () => {
  let driver: Driver;
  // Headed on a virtual X display: a real key press is the only way to reach a browser-level
  // shortcut (the automation's own key input stays inside the page). npm test installs Xvfb and
  // xdotool; where they are missing the test below is skipped, and under CI=true that fails.
  beforeAll(async () => {
    driver = await startDriver({ realKeys: canPressRealKeys });
    await driver.connect();
  });
  afterAll(() => driver?.close());

  test('the browser registered the command that opens the panel, on Alt+Shift+K', async () => {
    const commands = await driver.commands();
    const open = commands.find((c) => c.name === 'open-quick-edit');
    expect(open).toMatchObject({ shortcut: 'Alt+Shift+K' });
    expect(open?.description).toMatch(/panel|quick edit/i);
    // Any other command is something else (UI-CONTRACT.md): only one opens the panel.
    for (const other of commands.filter((c) => c !== open && c.name !== '_execute_action' && c.name !== '_execute_browser_action'))
      expect(other.description).not.toMatch(/panel|quick edit/i);
  });

  test.skipIf(!canPressRealKeys)('pressing Alt+Shift+K on a lead page opens the panel with focus in the note; typing there never reaches Close', async () => {
    const tab = await driver.openClosePage(`/lead/${DEMO.leads.globex.id}/`);
    await tab.get(PANEL.launcher).waitFor();
    await tab.bringToFront();
    await tab.get({ role: 'heading', name: DEMO.leads.globex.display_name }).click(); // focus the page, as a rep would be
    expect(await tab.get(PANEL.dialog).count()).toBe(0);
    await driver.pressRealKeys('alt+shift+k');
    await expect.poll(() => tab.get(PANEL.note).value()).toBe(DEMO.calls.globexPlainNote.note);
    await expect.poll(() => tab.get(PANEL.note).isFocused()).toBe(true);

    await tab.evaluate(() => {
      (window as unknown as { pageKeys: string[] }).pageKeys = [];
      document.addEventListener('keydown', (e) => (window as unknown as { pageKeys: string[] }).pageKeys.push(e.key));
    });
    await tab.type('cgk');
    await expect.poll(() => tab.get(PANEL.note).value()).toBe(`${DEMO.calls.globexPlainNote.note}cgk`);
    expect(await tab.evaluate(() => (window as unknown as { pageKeys: string[] }).pageKeys)).toEqual([]);

    await tab.press('Escape');
    await expect.poll(() => tab.get(PANEL.dialog).count()).toBe(0);
    await tab.close();
  });

  test.skipIf(!canPressRealKeys)('the shortcut on a page without a call says so for a moment, and opens nothing (issue 15)', async () => {
    const tab = await driver.openClosePage('/inbox/');
    await expect.poll(() => tab.evaluate(() => !!document.querySelector('close-quick-edit'))).toBe(true);
    await tab.bringToFront();
    await tab.get({ role: 'link', name: 'Inbox' }).evaluate((el) => (el as HTMLElement).focus());
    await driver.pressRealKeys('alt+shift+k');
    const note = tab.get({ css: '.note', in: 'panel' });
    await expect.poll(() => note.text()).toBe('No call on this page');
    expect(await note.attribute('role')).toBe('status');
    expect(await tab.get(PANEL.dialog).count()).toBe(0);
    await expect.poll(() => note.count(), { timeout: 8_000 }).toBe(0);
    await tab.close();
  });
});

describe('single-page navigation', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await startDriver();
    await driver.connect();
  });
  afterAll(() => driver?.close());


  test('the panel follows the new lead, and closes where there is no call', async () => {
    const tab = await driver.openClosePage(`/lead/${DEMO.leads.acme.id}/`);
    await tab.get(PANEL.launcher).click();
    await expect.poll(() => tab.get(PANEL.call).value()).toBe(DEMO.leads.acme.latestCallId);

    // Close's own navigation: its router pushes a history entry, no page load.
    await tab.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
    await tab.get({ role: 'link', name: DEMO.leads.globex.display_name }).click();
    await expect.poll(() => tab.url()).toBe(`${APP}/lead/${DEMO.leads.globex.id}/`);
    await expect.poll(() => tab.get(PANEL.call).value()).toBe(DEMO.leads.globex.latestCallId);
    expect(await tab.get(PANEL.note).value()).toBe(DEMO.calls.globexPlainNote.note);
    expect(await tab.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);

    await tab.get({ role: 'link', name: 'Inbox' }).click();
    await expect.poll(() => tab.url()).toBe(`${APP}/inbox/`);
    await expect.poll(() => tab.get(PANEL.dialog).count()).toBe(0);
    expect(await tab.get(PANEL.launcher).count()).toBe(0);

    await tab.evaluate((id) => history.pushState({}, '', `/lead/${id}/`), DEMO.leads.initech.id);
    await tab.get(PANEL.launcher).waitFor();
    await tab.close();
  });

  test('the launcher follows a pushState without waiting for polling (Navigation API)', async () => {
    const tab = await driver.openClosePage('/inbox/');
    expect(await tab.evaluate(() => 'navigation' in window)).toBe(true);
    await expect.poll(() => tab.evaluate(() => !!document.querySelector('close-quick-edit'))).toBe(true);
    const { delays, max, median } = await measureNavigation(tab, DEMO.leads.globex.display_name, 5);
    console.log(`${BROWSER}: pushState -> launcher, Navigation API: median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms (${delays.map((d) => d.toFixed(0)).join(', ')})`);
    // The figure is printed above and in BENCHMARKS.md; timings are not pass/fail here (noisy
    // machines). What must hold is structural: polling once a second would put the median near
    // 500 ms, so a median under 250 ms proves we do not poll.
    expect(median).toBeLessThan(250);
    await tab.close();
  });
});
