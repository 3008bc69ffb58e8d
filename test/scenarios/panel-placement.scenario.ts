import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startDriver, type Driver, type Tab, type Target } from '../drivers';
import { PANEL, pickOutcome } from './ui';

// Issue 15, points 3 and 4: the panel hid the feed it works on, could not be made smaller, its
// Outcome list opened downward out of sight and scrolled its title bar away, the Call control
// cut its option off, and Save & next said the same sentence on every step. Measured in the page,
// in both browsers, at the window sizes reps have.

let driver: Driver;
beforeAll(async () => {
  driver = await startDriver();
  await driver.connect();
});
afterAll(() => driver?.close());
beforeEach(() => driver.standIn.reset());

const { acme } = DEMO.leads;
const SIZES = [
  [1024, 700],
  [1280, 800],
  [1920, 1080],
] as const;
const feedButton = (callId: string): Target => ({ role: 'button', in: { feed: callId } });
const button = (name: string): Target => ({ role: 'button', name, in: 'panel' });

type Box = { left: number; top: number; right: number; bottom: number };
/** The panel's and the call's feed item's rects, and the window's size. */
const geometry = (tab: Tab, callId: string) =>
  tab.evaluate((id) => {
    const box = (el: Element): Box => {
      const { left, top, right, bottom } = el.getBoundingClientRect();
      return { left, top, right, bottom };
    };
    const panel = document.querySelector('close-quick-edit')?.shadowRoot?.querySelector('[role="dialog"]');
    const item = document.querySelector(`close-quick-edit-feed[data-call-id="${id}"]`)?.closest('li');
    return panel && item ? { panel: box(panel), item: box(item), width: innerWidth, height: innerHeight } : undefined;
  }, callId);
const intersect = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
/** The panel is whole in the window and leaves the call's feed item uncovered. */
const keepsClear = async (tab: Tab, callId: string) => {
  const g = await geometry(tab, callId);
  if (!g) return 'not found';
  const inWindow = g.panel.left >= 0 && g.panel.top >= 0 && g.panel.right <= g.width && g.panel.bottom <= g.height;
  return intersect(g.panel, g.item) ? `covers the item: ${JSON.stringify(g)}` : inWindow ? 'clear' : `out of the window: ${JSON.stringify(g)}`;
};

for (const [width, height] of SIZES) {
  test(`at ${width}×${height} the panel never covers the call it edits, also with an error shown`, async () => {
    const tab = await driver.openClosePage(`/lead/${acme.id}/`);
    await tab.setViewport(width, height);
    const [latest, second, third] = acme.callIds as [string, string, string];

    // From the 2nd call's feed button: beside it, not over it (a click there landed in the Note box).
    await tab.get(feedButton(second)).click();
    await expect.poll(() => tab.get(PANEL.call).value()).toBe(second);
    await expect.poll(() => keepsClear(tab, second)).toBe('clear');
    if (width === 1920) {
      // Near the button that was clicked, not ~800 px away in the corner.
      const near = await tab.evaluate((id) => {
        const b = document.querySelector(`close-quick-edit-feed[data-call-id="${id}"]`)!.getBoundingClientRect();
        const p = document.querySelector('close-quick-edit')!.shadowRoot!.querySelector('[role="dialog"]')!.getBoundingClientRect();
        return Math.hypot(Math.max(0, p.left - b.right), Math.max(0, p.top - b.bottom, b.top - p.bottom));
      }, second);
      expect(near).toBeLessThan(150);
    }

    // An error alert grows the panel: it stays clear, held to the room it has.
    driver.standIn.faults.add({ method: 'PUT', kind: '500' });
    await tab.get(PANEL.note).typeAtEnd(' call back');
    await tab.get(PANEL.note).press('Control+Enter');
    await tab.get(PANEL.alert).waitFor();
    await expect.poll(() => keepsClear(tab, second)).toBe('clear');
    // The panel scrolls inside; the alert is in what shows of it.
    const alertShows = () =>
      tab.get(PANEL.dialog).evaluate((panel) => {
        const alert = panel.querySelector('[role="alert"]')!.getBoundingClientRect();
        const box = panel.getBoundingClientRect();
        return alert.top >= box.top && alert.bottom <= box.bottom;
      });
    await expect.poll(alertShows).toBe(true);

    // Moving to another call moves the panel off that one too.
    await tab.get(PANEL.call).select(third);
    await expect.poll(() => keepsClear(tab, third)).toBe('clear');
    await tab.get(PANEL.call).select(latest);
    await expect.poll(() => keepsClear(tab, latest)).toBe('clear');
    await tab.close();

    // From the launcher (the lead's latest call): the same.
    const again = await driver.openClosePage(`/lead/${acme.id}/`);
    await again.setViewport(width, height);
    await again.get(PANEL.launcher).click();
    await expect.poll(() => again.get(PANEL.call).value()).toBe(latest);
    await expect.poll(() => keepsClear(again, latest)).toBe('clear');
    await again.close();
  });
}

test('the panel collapses to its title bar and expands again, by its button and by Alt+M', async () => {
  const tab = await driver.openClosePage(`/lead/${acme.id}/`);
  await tab.setViewport(1280, 800);
  await tab.get(PANEL.launcher).click();
  await tab.get(PANEL.note).waitFor();
  const height = () => tab.get(PANEL.dialog).evaluate((el) => el.getBoundingClientRect().height);
  // Hidden, the Note box is out of the accessibility tree: looked for by its role attribute.
  const noteShown = () =>
    tab.get(PANEL.dialog).evaluate((el) => (el.querySelector('[role="textbox"][aria-multiline="true"]')?.getClientRects().length ?? 0) > 0);
  const open = await height();
  const outcome = await tab.get(PANEL.outcome).attribute('data-value');

  await tab.get(button('Collapse panel')).click();
  await expect.poll(() => tab.get(button('Expand panel')).attribute('aria-expanded')).toBe('false');
  // Still the dialog, with its name; only its title bar.
  expect(await tab.get(PANEL.dialog).count()).toBe(1);
  expect(await height()).toBeLessThan(70);
  expect(await noteShown()).toBe(false);
  expect(await tab.get(button('Expand panel')).isFocused()).toBe(true);

  // Alt+M from the button: expanded, focus in the note.
  await tab.press('Alt+KeyM');
  await expect.poll(() => tab.get(button('Collapse panel')).attribute('aria-expanded')).toBe('true');
  await expect.poll(() => noteShown()).toBe(true);
  await expect.poll(() => tab.get(PANEL.note).isFocused()).toBe(true);
  expect(await height()).toBe(open);

  // Alt+M from inside the note: collapsed, focus on the button (never on Close's page).
  await tab.get(PANEL.note).press('Alt+KeyM');
  await expect.poll(() => tab.get(button('Expand panel')).isFocused()).toBe(true);
  // Collapsed, Alt+1 picks nothing hidden.
  await tab.press('Alt+Digit1');
  await tab.get(button('Expand panel')).click();
  await expect.poll(() => noteShown()).toBe(true);
  expect(await tab.get(PANEL.outcome).attribute('data-value')).toBe(outcome);
  await tab.close();
});

test('docked low, the Outcome list opens upward and arrowing down keeps the title bar in view', async () => {
  const tab = await driver.openClosePage(`/lead/${acme.id}/`);
  await tab.setViewport(1280, 800);
  // A place of the rep's own, low in the window, clear of the feed.
  await driver.setStorage({ 'settings.panelPosition': { kind: 'free', left: 880, top: 700 } });
  await tab.get(PANEL.launcher).click();
  await tab.get(PANEL.note).waitFor();
  const field = tab.get(PANEL.outcome);
  await field.click();
  await expect.poll(() => field.attribute('aria-expanded')).toBe('true');
  const shape = () =>
    field.evaluate((input) => {
      const root = input.getRootNode() as ShadowRoot;
      const panel = input.closest('[role="dialog"]')!;
      const header = panel.querySelector('header')!.getBoundingClientRect();
      const list = root.getElementById(input.getAttribute('aria-controls')!)!.parentElement!.getBoundingClientRect();
      const box = input.getBoundingClientRect();
      const p = panel.getBoundingClientRect();
      return {
        upward: list.bottom <= box.top + 1,
        listInPanel: list.top >= header.bottom - 1 && list.bottom <= p.bottom + 1,
        headerInView: header.top >= p.top - 1 && header.top >= 0,
        panelScrolled: panel.scrollTop,
        listHeight: list.height,
      };
    });
  await expect.poll(async () => (await shape()).upward).toBe(true);
  const first = await shape();
  expect(first.listInPanel).toBe(true);
  expect(first.listHeight).toBeGreaterThan(100);
  for (let i = 0; i < 9; i++) await field.press('ArrowDown');
  const after = await shape();
  expect(after).toMatchObject({ headerInView: true, panelScrolled: 0, listInPanel: true, upward: true });
  await tab.close();
});

test('the Call control shows its whole option, “no outcome” and the time included', async () => {
  for (const id of acme.callIds) driver.standIn.state.calls.get(id)!.outcome_id = null;
  const tab = await driver.openClosePage(`/lead/${acme.id}/`);
  await tab.setViewport(1024, 700);
  await tab.get(PANEL.launcher).click();
  await tab.get(PANEL.note).waitFor();
  const shown = await tab.get(PANEL.call).evaluate((select) => {
    const s = select as HTMLSelectElement;
    const words = s.parentElement!.querySelector('.select-shown') as HTMLElement;
    return {
      option: s.selectedOptions[0]!.textContent,
      words: words.textContent,
      fits: words.scrollWidth <= words.clientWidth,
      visible: getComputedStyle(words).visibility === 'visible' && words.getClientRects().length > 0,
      // The select lies over the words, as tall as they are: a click anywhere on them opens it.
      covers: Math.abs(s.getBoundingClientRect().height - words.getBoundingClientRect().height) < 1,
    };
  });
  expect(shown.words).toBe(shown.option);
  expect(shown.words).toMatch(/\d{1,2}:\d{2}.* · no outcome$/);
  expect(shown).toMatchObject({ fits: true, visible: true, covers: true });
  await tab.close();
});

test('Save & next says where the rep is: 2 of 3, 3 of 3, then once that none is left', async () => {
  for (const id of acme.callIds) driver.standIn.state.calls.get(id)!.outcome_id = null;
  const tab = await driver.openClosePage(`/lead/${acme.id}/`);
  await tab.setViewport(1280, 800);
  await tab.get(PANEL.launcher).click();
  await tab.get(PANEL.note).waitFor();
  const where = tab.get({ css: '.where', in: 'panel' });
  await expect.poll(() => where.text()).toBe('1 of 3 without an outcome · Wile E. Coyote · Nov 23');
  await pickOutcome(tab, 'Interested');
  await tab.get(PANEL.note).press('Control+Shift+Enter');
  await expect.poll(() => where.text()).toBe('2 of 3 without an outcome · Marvin Acme · Nov 20');
  await pickOutcome(tab, 'No answer');
  await tab.get(PANEL.note).press('Control+Shift+Enter');
  await expect.poll(() => where.text()).toBe('3 of 3 without an outcome · Wile E. Coyote · Nov 12');
  await pickOutcome(tab, 'Wrong number');
  await tab.get(PANEL.note).press('Control+Shift+Enter');
  await expect.poll(() => tab.get(PANEL.status).text()).toMatch(/Every other call on this lead has an outcome/);
  // Said once: not in the where line as well.
  expect(await where.text()).toBe('');
  const said = await tab.get(PANEL.dialog).evaluate((el) => (el.textContent ?? '').match(/ha(s|ve) an outcome/g)?.length);
  expect(said).toBe(1);
  await tab.close();
});
