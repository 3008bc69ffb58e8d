import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startDriver, type Driver, type Tab } from '../drivers';
import { PANEL, openPanel } from './ui';

// Issue 15, point 1: every button that disables or removes itself when clicked (Save, Undo, Try
// again, Append mine) dropped focus on Close's <body>, and from there Esc, Ctrl+Enter and typed
// letters went to Close. After each click focus must still be in the panel, and keys must act
// there and never reach the page.

let driver: Driver;
beforeAll(async () => {
  driver = await startDriver();
  await driver.connect();
});
afterAll(() => driver?.close());
beforeEach(() => driver.standIn.reset());

const button = (name: string) => ({ role: 'button', name, in: 'panel' as const });

/** Records the keys that reach Close's page (its own shortcuts listen on the document). */
const recordPageKeys = (tab: Tab) =>
  tab.evaluate(() => {
    const w = window as unknown as { pageKeys: string[] };
    w.pageKeys = [];
    document.addEventListener('keydown', (e) => w.pageKeys.push(e.key));
  });
const pageKeys = (tab: Tab) => tab.evaluate(() => (window as unknown as { pageKeys: string[] }).pageKeys);
/** Where focus is: inside the panel's dialog, or somewhere on Close's page. */
const focusInPanel = (tab: Tab) =>
  tab.evaluate(() => {
    const root = document.querySelector('close-quick-edit')?.shadowRoot;
    const active = root?.activeElement;
    return document.activeElement === root?.host && !!active && !!active.closest('[role="dialog"]');
  });

/** After a click: focus is in the panel; optionally a typed letter stays there too. */
async function stillInPanel(tab: Tab, typeALetter = true) {
  await expect.poll(() => focusInPanel(tab)).toBe(true);
  if (!typeALetter) return;
  await tab.press('g');
  expect(await pageKeys(tab)).toEqual([]);
}

test('after Save, Undo, Try again, Append mine and Use theirs focus stays in the panel; Esc, Ctrl+Enter and letters act there', async () => {
  const call = DEMO.calls.globexPlainNote;
  const tab = await openPanel(driver, DEMO.leads.globex.id);
  await recordPageKeys(tab);

  await tab.get(PANEL.note).fill('First version');
  await tab.get(PANEL.save).click();
  await expect.poll(() => tab.get(PANEL.status).text()).toBe('Saved');
  await stillInPanel(tab, false); // a letter would be a new change, and Undo would go

  await tab.get(button('Undo')).click();
  await expect.poll(() => tab.get(PANEL.status).text()).toBe('Restored');
  await stillInPanel(tab);

  driver.standIn.faults.add({ method: 'PUT', kind: '500' });
  await tab.get(PANEL.note).fill('After a failure');
  await tab.get(PANEL.save).click();
  await tab.get(PANEL.tryAgain).waitFor();
  await tab.get(PANEL.tryAgain).click();
  await expect.poll(() => tab.get(PANEL.status).text()).toBe('Saved');
  await stillInPanel(tab);

  // A colleague changed the note meanwhile: the conflict's Append mine, then Use theirs.
  const colleagueEdits = (note: string) => {
    const stored = driver.standIn.state.calls.get(call.id)!;
    stored.note = note;
    stored.note_html = `<body><p>${note}</p></body>`;
    stored.date_updated = new Date(Date.now() + 1000).toISOString();
  };
  colleagueEdits('Sam: contract signed!');
  await tab.get(PANEL.note).fill('Mine: send the invoice');
  await tab.get(PANEL.save).click();
  await tab.get(button('Append mine')).click();
  await expect.poll(() => tab.get(PANEL.status).text()).toBe('Saved');
  await stillInPanel(tab);

  colleagueEdits('Sam: invoice sent.');
  await tab.get(PANEL.note).fill('Mine: call again Friday');
  await tab.get(PANEL.save).click();
  await tab.get(button('Use theirs')).click();
  await expect.poll(() => tab.get(PANEL.note).value()).toBe('Sam: invoice sent.');
  await stillInPanel(tab);

  // Ctrl+Enter saves from wherever focus was put (the letter typed above is a change to save).
  await tab.press('Control+Enter');
  await expect.poll(() => tab.get(PANEL.status).text()).toBe('Saved');
  await tab.press('Escape');
  await expect.poll(() => tab.get(PANEL.dialog).count()).toBe(0);
  expect(await pageKeys(tab)).toEqual([]);
  await tab.close();
});

test('the panel without a key puts focus on its first button (issue 15)', async () => {
  const other = await startDriver(); // never connected
  try {
    const tab = await other.openClosePage(`/lead/${DEMO.leads.acme.id}/`);
    await tab.get(PANEL.launcher).click();
    await tab.get(PANEL.openSettings).waitFor();
    await expect.poll(() => tab.get(PANEL.openSettings).isFocused()).toBe(true);
  } finally {
    await other.close();
  }
});
