import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { apiRequests, startHarness, type Harness } from './harness';
import { pickOutcome } from './outcome';
import { chooseCall } from './choose-call';

// The Outcome field is a combobox (components/OutcomePicker.tsx): typed, picked with the keyboard,
// saved with Ctrl+Enter, in real Chromium against the Close stand-in.

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await harness.connect();
});
afterAll(() => harness?.close());
beforeEach(() => {
  harness.standIn.reset();
});

type LoggedRequest = { method: string; path: string; body: unknown };
const puts = () => apiRequests(harness.standIn, 'PUT') as LoggedRequest[];
const outcomeBox = (dialog: Locator) => dialog.getByRole('combobox', { name: 'Outcome' });

test('typing part of a name, Down and Enter pick the outcome; Ctrl+Enter saves exactly that outcome_id', async () => {
  const call = DEMO.calls.globexPlainNote; // the lead's most recent call, no outcome yet
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  const outcome = outcomeBox(dialog);
  expect(await outcome.inputValue()).toBe('No outcome');
  expect(await outcome.getAttribute('aria-expanded')).toBe('false');

  await outcome.click();
  await outcome.fill('');
  await outcome.pressSequentially('meet');
  await expect.poll(() => outcome.getAttribute('aria-expanded')).toBe('true');
  const listbox = page.getByRole('listbox');
  expect(await listbox.getByRole('option').allTextContents()).toEqual([
    expect.stringContaining('Meeting booked'),
  ]);
  // Only the combobox is "labelled Outcome", even with the list open (UI-CONTRACT.md)
  expect(await dialog.getByLabel('Outcome').count()).toBe(1);
  expect(await listbox.getByRole('option', { name: 'Meeting booked', exact: true }).count()).toBe(1);
  await outcome.press('ArrowDown');
  const highlighted = await outcome.getAttribute('aria-activedescendant');
  expect(await dialog.locator(`[id="${highlighted}"]`).getAttribute('aria-selected')).toBe('true');
  // The highlighted outcome's description is shown under the field and referenced from it
  const hintId = await outcome.getAttribute('aria-describedby');
  expect(await dialog.locator(`[id="${hintId}"]`).textContent()).toBe(DEMO.outcomes.meetingBooked.description);

  await outcome.press('Enter');
  expect(await outcome.inputValue()).toBe('Meeting booked');
  expect(await outcome.getAttribute('aria-expanded')).toBe('false');
  expect(puts()).toHaveLength(0); // picking never saves by itself

  await page.keyboard.press('Control+Enter');
  await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved');
  expect(puts()).toHaveLength(1);
  expect(puts()[0]!.path).toBe(`/api/v1/activity/call/${call.id}/`);
  expect(puts()[0]!.body).toEqual({ outcome_id: DEMO.outcomes.meetingBooked.id });
  expect(harness.standIn.state.calls.get(call.id)!.outcome_id).toBe(DEMO.outcomes.meetingBooked.id);
  await page.close();
});

test('"No outcome" clears the outcome: outcome_id null is sent', async () => {
  const call = DEMO.calls.initechRichNote; // most recent of initech, outcome "Meeting booked"
  const { page, dialog } = await harness.openPanel(DEMO.leads.initech.id);
  const outcome = outcomeBox(dialog);
  expect(await outcome.inputValue()).toBe('Meeting booked');

  await outcome.focus();
  await outcome.press('ArrowDown'); // opens on the current outcome
  await outcome.fill('no out');
  await expect.poll(() => dialog.getByRole('listbox').getByRole('option').allTextContents()).toEqual([
    expect.stringContaining('No outcome'),
  ]);
  await outcome.press('ArrowDown');
  await outcome.press('Enter');
  expect(await outcome.inputValue()).toBe('No outcome');

  await page.keyboard.press('Control+Enter');
  await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved');
  expect(puts().map((p) => p.body)).toEqual([{ outcome_id: null }]);
  expect(harness.standIn.state.calls.get(call.id)!.outcome_id).toBeNull();
  await page.close();
});

test('Esc with the list open closes only the list; the next Esc closes the panel', async () => {
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  const outcome = outcomeBox(dialog);
  await outcome.focus();
  await outcome.press('ArrowDown');
  await expect.poll(() => outcome.getAttribute('aria-expanded')).toBe('true');
  await outcome.press('Escape');
  expect(await outcome.getAttribute('aria-expanded')).toBe('false');
  expect(await dialog.isVisible()).toBe(true);
  await outcome.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
  expect(puts()).toHaveLength(0);
  await page.close();
});

test('a page script’s key presses and clicks on our open shadow root pick nothing', async () => {
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  const outcome = outcomeBox(dialog);
  await outcome.focus();
  await outcome.press('ArrowDown');
  await outcome.press('ArrowDown'); // "Interested" highlighted by a real key press
  await page.evaluate(() => {
    const root = document.querySelector('close-quick-edit')!.shadowRoot!;
    const input = root.querySelector('#quick-edit-outcome')!;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    (root.querySelector('[role="option"]:last-child') as HTMLElement).click();
  });
  expect(await outcome.inputValue()).toBe('No outcome');
  await outcome.press('Escape');
  await page.keyboard.press('Control+Enter');
  // The value did not change, so there is nothing to save.
  await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Nothing to save/);
  expect(puts()).toHaveLength(0);
  await page.close();
});

test('a real click opens the list and a click on an option picks it, without saving', async () => {
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  const outcome = outcomeBox(dialog);
  await outcome.click();
  await expect.poll(() => outcome.getAttribute('aria-expanded')).toBe('true');
  await dialog.getByRole('listbox').getByRole('option', { name: 'Wrong number', exact: true }).click();
  expect(await outcome.inputValue()).toBe('Wrong number');
  expect(await outcome.getAttribute('aria-expanded')).toBe('false');
  expect(await outcome.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
  expect(puts()).toHaveLength(0);
  await page.close();
});

test('the Call picker names who each call was with (from the lead’s contacts), its date, and a missing outcome', async () => {
  const { page, dialog } = await harness.openPanel(DEMO.leads.acme.id);
  const labels = await dialog.getByLabel('Call').locator('option').allTextContents();
  expect(labels).toHaveLength(3);
  expect(labels[0]).toMatch(/^Outbound · Wile E\. Coyote · Nov \d+, 2026, .* · 6:52$/); // has an outcome
  expect(labels[1]).toMatch(/^Outbound · Marvin Acme · Nov \d+, 2026, .* · 3:05$/);
  expect(labels[2]).toMatch(/^Inbound · Wile E\. Coyote · Nov \d+, 2026, .* · 1:04$/); // a deleted outcome is still an outcome
  // One request for the lead, asking for its name and contacts only
  const leadRequests = apiRequests(harness.standIn, 'GET').filter((r: { path: string }) => r.path.startsWith('/api/v1/lead/'));
  expect(leadRequests.map((r: { path: string; query: Record<string, string> }) => [r.path, r.query._fields])).toEqual([
    [`/api/v1/lead/${DEMO.leads.acme.id}/`, 'display_name,contacts'],
  ]);

  await chooseCall(dialog, DEMO.calls.acmeRecorded.id);
  await pickOutcome(dialog, 'No outcome');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved');
  await expect
    .poll(() => dialog.getByLabel('Call').locator('option:checked').textContent())
    .toMatch(/^Outbound · Marvin Acme · .* · no outcome$/);
  await page.close();
});
