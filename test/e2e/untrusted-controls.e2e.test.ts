import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { apiRequests, startHarness, type Harness } from './harness';
import { boxText } from './note-box';

// Issue 13: every control of the panel that acts ignores a page script's events. Close's page
// can reach our open shadow root; its click() and dispatchEvent make untrusted events, and
// nothing may follow from them: no request to Close, no change of state. Each control is first
// brought into view by real (trusted) input, then "pressed" from the page's main world.

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await harness.connect();
});
afterAll(() => harness?.close());
beforeEach(async () => {
  harness.standIn.reset();
  for (const page of harness.context.pages().slice(1)) await page.close();
});

const puts = () => apiRequests(harness.standIn, 'PUT');
const stored = (id: string) => harness.standIn.state.calls.get(id)!;
const statusOf = (page: Page) => page.getByRole('status').textContent();
const alertsOf = (page: Page) => page.getByRole('dialog', { name: /call/i }).getByRole('alert').allTextContents().then((a) => a.join(' '));

/** A page script clicks our button (click() and a synthetic click event); true if it found it. */
function pageClicks(page: Page, name: string) {
  return page.evaluate((name) => {
    const root = document.querySelector('close-quick-edit')?.shadowRoot;
    const button = [...(root?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name,
    );
    if (!button) return false;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    return true;
  }, name);
}

/** Time for anything a page script's event could have set off to show (the check is for absence). */
const aMoment = (page: Page) => page.waitForTimeout(600);

test('Undo, Try again, the conflict choices and Cancel: nothing is sent or changed', async () => {
  const call = DEMO.calls.globexPlainNote;
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);

  // Undo after Saved.
  await dialog.getByLabel('Note').fill('Saved for real');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => statusOf(page)).toBe('Saved');
  expect(await pageClicks(page, 'Undo')).toBe(true);
  await aMoment(page);
  expect(puts()).toHaveLength(1);
  expect(await statusOf(page)).toBe('Saved');

  // Try again after a 500.
  harness.standIn.faults.add({ method: 'PUT', kind: '500' });
  await dialog.getByLabel('Note').fill('Fails once');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => alertsOf(page)).toMatch(/Close had a problem/);
  expect(await pageClicks(page, 'Try again')).toBe(true);
  await aMoment(page);
  expect(puts()).toHaveLength(2);

  // Conflict choices.
  const current = stored(call.id);
  Object.assign(current, { note: 'Colleague', note_html: '<body><p>Colleague</p></body>', date_updated: new Date(Date.now() + 5000).toISOString() });
  await dialog.getByLabel('Note').fill('Mine, in conflict');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => alertsOf(page)).toMatch(/changed in Close/);
  for (const name of ['Keep mine', 'Use theirs', 'Append mine']) expect(await pageClicks(page, name)).toBe(true);
  await aMoment(page);
  expect(puts()).toHaveLength(2);
  expect(await alertsOf(page)).toMatch(/changed in Close/);
  expect(await boxText(dialog.getByLabel('Note'))).toBe('Mine, in conflict');
  await dialog.getByRole('button', { name: 'Use theirs' }).click();

  // Cancel of a waiting save.
  harness.standIn.faults.add({ kind: 'drop', times: Infinity });
  await dialog.getByLabel('Note').fill('Waiting offline');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => alertsOf(page), { timeout: 20_000 }).toMatch(/Will save when back online/);
  expect(await pageClicks(page, 'Cancel queued save')).toBe(true);
  await aMoment(page);
  const worker = await harness.worker();
  expect(((await worker.evaluate(() => chrome.storage.local.get('outbox'))).outbox as unknown[]).length).toBe(1);
  await dialog.getByRole('button', { name: 'Cancel queued save' }).click();
  await expect.poll(() => statusOf(page)).toMatch(/Save cancelled/);
  harness.standIn.faults.clear();
});

test('Go back after a failed Save & next ignores a page script', async () => {
  const [first, second] = [DEMO.calls.globexPlainNote, DEMO.calls.globexNoAnswer];
  stored(second.id).outcome_id = null;
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  harness.standIn.faults.add({ method: 'PUT', kind: '500' });
  await dialog.getByLabel('Note').fill('Will fail after moving on');
  await dialog.getByLabel('Note').press('ControlOrMeta+Shift+Enter');
  await expect.poll(() => alertsOf(page)).toMatch(/did not go through/);
  expect(await dialog.getByLabel('Call').inputValue()).toBe(second.id);
  expect(await pageClicks(page, 'Go back')).toBe(true);
  await aMoment(page);
  expect(await dialog.getByLabel('Call').inputValue()).toBe(second.id);
  await dialog.getByRole('button', { name: 'Go back' }).click();
  await expect.poll(() => dialog.getByLabel('Call').inputValue()).toBe(first.id);
  expect(await boxText(dialog.getByLabel('Note'))).toBe('Will fail after moving on');
});

test('the Call control, Discard draft, the help button and dragging the title ignore a page script', async () => {
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  const first = await dialog.getByLabel('Call').inputValue();
  const note = await boxText(dialog.getByLabel('Note'));
  // The Call control: a page script sets its value and fires change.
  await page.evaluate((other) => {
    const select = document.querySelector('close-quick-edit')!.shadowRoot!.querySelector<HTMLSelectElement>('#quick-edit-call')!;
    select.value = other;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    select.dispatchEvent(new Event('input', { bubbles: true }));
  }, DEMO.calls.globexNoAnswer.id);
  await aMoment(page);
  expect(await dialog.getByLabel('Call').inputValue()).toBe(first);
  expect(await boxText(dialog.getByLabel('Note'))).toBe(note);

  // The help button (?).
  expect(await pageClicks(page, 'Keyboard shortcuts')).toBe(true);
  await aMoment(page);
  expect(await dialog.getByRole('button', { name: 'Keyboard shortcuts' }).getAttribute('aria-expanded')).toBe('false');

  // Dragging the title.
  const before = await dialog.boundingBox();
  await page.evaluate(() => {
    const header = document.querySelector('close-quick-edit')!.shadowRoot!.querySelector<HTMLElement>('.panel-header')!;
    const at = (type: string, x: number) =>
      header.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, button: 0, pointerId: 1, clientX: x, clientY: 20 }));
    at('pointerdown', 100);
    at('pointermove', 300);
    at('pointerup', 300);
    header.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
  });
  await aMoment(page);
  expect(await dialog.boundingBox()).toEqual(before);

  // Discard draft: a restored draft stays.
  await dialog.getByLabel('Note').fill('A draft to keep');
  await dialog.getByLabel('Note').press('Escape');
  await page.getByRole('button', { name: 'Quick edit call' }).click();
  await expect.poll(() => dialog.textContent()).toContain('Draft restored');
  expect(await pageClicks(page, 'Discard draft')).toBe(true);
  await aMoment(page);
  expect(await boxText(dialog.getByLabel('Note'))).toBe('A draft to keep');
  expect(await dialog.textContent()).toContain('Draft restored');
});

test('Open settings in the no-key view ignores a page script', async () => {
  // The key lives in the background's own store (issue 13): the rep disconnects in the popup.
  const popup = await harness.context.newPage();
  await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Disconnect' }).click();
  await popup.getByLabel('API key').waitFor();
  await popup.close();
  try {
    // Without a key the panel has no Note box: it explains how to connect.
    const page = await harness.leadPage(DEMO.leads.globex.id);
    await page.getByRole('button', { name: 'Quick edit call' }).click();
    const dialog = page.getByRole('dialog', { name: /call/i });
    await dialog.getByRole('button', { name: 'Open settings' }).waitFor();
    const pages = harness.context.pages().length;
    expect(await pageClicks(page, 'Open settings')).toBe(true);
    await aMoment(page);
    expect(harness.context.pages()).toHaveLength(pages);
    expect(apiRequests(harness.standIn)).toEqual([]);
  } finally {
    await harness.connect();
  }
});
