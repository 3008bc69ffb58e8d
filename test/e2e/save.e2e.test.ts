import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { apiRequests, basicAuth, startHarness, type Harness } from './harness';
import { pickOutcome } from './outcome';
import { chooseCall } from './choose-call';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await harness.connect();
});
afterAll(() => harness?.close());
beforeEach(() => {
  harness.standIn.reset();
});

type LoggedRequest = { method: string; path: string; headers: Record<string, string>; body: unknown };
const puts = () => apiRequests(harness.standIn, 'PUT') as LoggedRequest[];

const openPanel = (leadId: string) => harness.openPanel(leadId);

const status = (page: Page) => page.getByRole('status');

test('the panel shows the lead’s most recent call; a changed note and outcome are saved with exactly those fields', async () => {
  const call = DEMO.calls.globexPlainNote;
  const { page, dialog } = await openPanel(DEMO.leads.globex.id);
  expect(await dialog.getByLabel('Call').inputValue()).toBe(call.id);
  expect(await dialog.getByLabel('Note').inputValue()).toBe(call.note);
  expect(await dialog.getByLabel('Outcome').inputValue()).toBe('No outcome');
  expect(await dialog.getByLabel('Note').evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);

  const note = `${call.note}\nFollow-up: <b>send</b> the contract & the invoice.`;
  await dialog.getByLabel('Note').fill(note);
  await pickOutcome(dialog, 'Interested');
  expect(puts()).toHaveLength(0); // nothing is sent before Save
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => status(page).textContent()).toBe('Saved');

  expect(puts()).toHaveLength(1);
  const put = puts()[0]!;
  expect(put.path).toBe(`/api/v1/activity/call/${call.id}/`);
  expect(put.headers.authorization).toBe(basicAuth(DEMO.apiKey));
  expect(put.headers['content-type']).toMatch(/^application\/json/);
  expect(put.body).toEqual({ note, outcome_id: DEMO.outcomes.interested.id });
  const stored = harness.standIn.state.calls.get(call.id)!;
  expect(stored.note).toBe(note);
  expect(stored.note_html).toContain('&lt;b&gt;send&lt;/b&gt;');
  await page.close();
});

test('a rich-text note keeps its formatting when the rep adds to it, and the rep’s text is escaped', async () => {
  const call = DEMO.calls.acmeRichNote;
  const { page, dialog } = await openPanel(DEMO.leads.acme.id);
  const before = await dialog.getByLabel('Note').inputValue();
  expect(before).toContain('Great call with **Wile E.**');
  await dialog.getByLabel('Note').press('End');
  await dialog.getByLabel('Note').evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.length, el.value.length));
  await dialog.getByLabel('Note').pressSequentially('\nCalled back: <img src=x onerror=alert(1)> ok');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => status(page).textContent()).toBe('Saved');

  const put = puts()[0]!;
  expect(Object.keys(put.body as object)).toEqual(['note_html']);
  const html = (put.body as { note_html: string }).note_html;
  expect(html).toContain('<strong>Wile E.</strong>');
  expect(html).toContain('<em>Q1 anvil</em>');
  expect(html).toContain('<ul><li>Send pricing for 50 units</li><li>Book a demo with their ops team</li></ul>');
  expect(html).toContain('<p>Called back: &lt;img src=x onerror=alert(1)&gt; ok</p>');
  expect(html).not.toContain('<img');
  const stored = harness.standIn.state.calls.get(call.id)!;
  expect(stored.note_html).toContain('<strong>Wile E.</strong>');
  expect(stored.recording_deleted).toBe(false);
  await page.close();
});

test('an outcome-only change sends only outcome_id, saved with Ctrl+Enter; a recorded call keeps its recording', async () => {
  const call = DEMO.calls.acmeRecorded;
  const { page, dialog } = await openPanel(DEMO.leads.acme.id);
  await chooseCall(dialog, call.id);
  await expect.poll(() => dialog.getByLabel('Note').inputValue()).toContain('Left details with reception.');
  await pickOutcome(dialog, 'Meeting booked');
  await dialog.getByLabel('Note').press('Control+Enter');
  await expect.poll(() => status(page).textContent()).toBe('Saved');
  const put = puts()[0]!;
  expect(put.path).toBe(`/api/v1/activity/call/${call.id}/`);
  expect(put.body).toEqual({ outcome_id: DEMO.outcomes.meetingBooked.id });
  const stored = harness.standIn.state.calls.get(call.id)!;
  expect(stored.recording_url).toBe(call.recording_url);
  expect(stored.recording_deleted).toBe(false);

  // Esc closes the panel and gives focus back to the launcher that opened it.
  await dialog.getByLabel('Note').press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
  await expect
    .poll(() =>
      page
        .getByRole('button', { name: 'Quick edit call' })
        .evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement),
    )
    .toBe(true);
  await page.close();
});

test('an outcome no longer in the list stays visible as "Unknown outcome" and is not sent back', async () => {
  const call = DEMO.calls.acmeDeletedOutcome;
  const { page, dialog } = await openPanel(DEMO.leads.acme.id);
  await chooseCall(dialog, call.id);
  await expect.poll(() => dialog.getByLabel('Outcome').inputValue()).toBe('Unknown outcome');
  expect(await dialog.getByLabel('Outcome').getAttribute('data-value')).toBe(DEMO.deletedOutcomeId);
  // Meetings-only outcomes are not offered for calls.
  await dialog.getByLabel('Outcome').press('ArrowDown');
  const offered = await dialog.getByRole('listbox').getByRole('option').allTextContents();
  expect(offered).toContainEqual(expect.stringContaining('Unknown outcome'));
  expect(offered).toContainEqual(expect.stringContaining(DEMO.outcomes.interested.name));
  expect(offered.join('\n')).not.toContain(DEMO.outcomes.meetingHeld.name);
  await dialog.getByLabel('Outcome').press('Escape');
  await dialog.getByLabel('Note').fill('Inbound, asked for pricing.');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => status(page).textContent()).toBe('Saved');
  expect(puts()[0]?.body).toEqual({ note: 'Inbound, asked for pricing.' });
  await page.close();
});

test('a failed save says why in an alert, keeps the text, and the retry saves it', async () => {
  const { page, dialog } = await openPanel(DEMO.leads.globex.id);
  harness.standIn.faults.add({ method: 'PUT', kind: '500' }); // 503s are retried by themselves
  await dialog.getByLabel('Note').fill('Will this survive a failure?');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/Close had a problem on its side/);
  expect(await dialog.getByLabel('Note').inputValue()).toBe('Will this survive a failure?');
  expect(await status(page).textContent()).not.toBe('Saved');
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => status(page).textContent()).toBe('Saved');
  expect(puts().map((r) => r.body)).toEqual([
    { note: 'Will this survive a failure?' },
    { note: 'Will this survive a failure?' },
  ]);
  await page.close();
});

test('validation errors from Close are shown beside the field, in words', async () => {
  const { page, dialog } = await openPanel(DEMO.leads.globex.id);
  harness.standIn.state.outcomes.delete(DEMO.outcomes.interested.id); // deleted in Close after the panel loaded
  await pickOutcome(dialog, 'Interested');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/Close did not accept this change \(Outcome: /);
  await page.close();
});

test('a script on Close’s page cannot press our buttons: no save, no panel, no discarded draft', async () => {
  const { page, dialog } = await openPanel(DEMO.leads.globex.id);
  await dialog.getByLabel('Note').fill('Typed by the rep, not by the page');
  await page.evaluate(() => {
    const root = document.querySelector('close-quick-edit')!.shadowRoot!;
    const buttons = [...root.querySelectorAll('button')];
    buttons.find((b) => b.textContent?.trim() === 'Save')!.click();
    root.querySelector('textarea')!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }),
    );
  });
  await page.waitForTimeout(800);
  expect(puts()).toHaveLength(0);
  expect(await status(page).textContent()).not.toBe('Saved');

  await dialog.getByLabel('Note').press('Escape');
  await page.evaluate(() => {
    const root = document.querySelector('close-quick-edit')!.shadowRoot!;
    [...root.querySelectorAll('button')].find((b) => /Quick edit call/.test(b.textContent ?? ''))!.click();
  });
  await page.waitForTimeout(500);
  expect(await dialog.count()).toBe(0);
  await page.close();
});
