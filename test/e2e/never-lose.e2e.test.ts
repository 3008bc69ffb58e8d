import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { apiRequests, startHarness, type Harness } from './harness';
import { pickOutcome } from './outcome';
import { boldTexts, boxText } from './note-box';

// Issue 3: a rep who typed a note never loses it, and never silently destroys someone else's edit.

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

type Logged = { method: string; path: string; status: number | null; body: unknown; time: number };
const puts = () => apiRequests(harness.standIn, 'PUT') as Logged[];
const stored = (id: string) => harness.standIn.state.calls.get(id)!;

const openPanel = (leadId: string) => harness.openPanel(leadId);
const statusOf = (page: Page) => page.getByRole('status').textContent();
const alertOf = (page: Page) => page.getByRole('dialog', { name: /call/i }).getByRole('alert').textContent();

async function outboxInStorage() {
  const worker = await harness.worker();
  return (await worker.evaluate(() => chrome.storage.local.get('outbox'))).outbox ?? [];
}

test('429: the panel says "Close is having trouble — retrying in N s" in an alert, not an error, and saves by itself', async () => {
  const { page, dialog } = await openPanel(DEMO.leads.initech.id);
  harness.standIn.faults.add({ method: 'PUT', kind: '429', rateReset: 2.2 });
  await dialog.getByLabel('Note').fill('Rate limited but patient');
  await dialog.getByRole('button', { name: 'Save' }).click();
  // Announced in role="alert" (UI-CONTRACT: every save not yet at Close), calmly: not the error box (issue 15).
  const alert = page.getByRole('dialog', { name: /call/i }).getByRole('alert');
  await expect.poll(() => alert.first().textContent()).toMatch(/Close is having trouble — retrying in [1-3] s/);
  expect(await alert.first().getAttribute('class')).not.toMatch(/error/);
  await expect.poll(() => statusOf(page)).toBe('Saved');
  const [limited, saved] = puts();
  expect(limited?.status).toBe(429);
  expect(saved!.time - limited!.time).toBeGreaterThanOrEqual(2200);
  expect(stored(DEMO.calls.initechRichNote.id).note).toBe('Rate limited but patient');
});

test('503 is retried with backoff; a 500 is explained and kept for "Try again"', async () => {
  const { page, dialog } = await openPanel(DEMO.leads.globex.id);
  harness.standIn.faults.add({ method: 'PUT', kind: '503', times: 2 });
  await dialog.getByLabel('Note').fill('Survives two 503s');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => statusOf(page)).toBe('Saved');
  expect(puts().map((r) => r.status)).toEqual([503, 503, 200]);

  harness.standIn.faults.add({ method: 'PUT', kind: '500' });
  await dialog.getByLabel('Note').fill('A 500 is not retried');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => alertOf(page)).toMatch(/Close had a problem on its side/);
  expect(puts().map((r) => r.status)).toEqual([503, 503, 200, 500]);
  expect(await boxText(dialog.getByLabel('Note'))).toBe('A 500 is not retried');
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => statusOf(page)).toBe('Saved');
});

// How the waiting save is delivered once the connection is back (the retry alarm, the browser's
// own online event) is driven for real in test/scenarios/offline.scenario.ts; here: what the rep
// sees while it waits.
test('offline: "Will save when back online", the text kept, listed in the popup', async () => {
  const call = DEMO.calls.globexPlainNote;
  const { page, dialog } = await openPanel(DEMO.leads.globex.id);
  harness.standIn.faults.add({ kind: 'drop', times: Infinity });
  await dialog.getByLabel('Note').fill('Typed on a train');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => alertOf(page), { timeout: 20_000 }).toMatch(/Will save when back online/);
  expect(await boxText(dialog.getByLabel('Note'))).toBe('Typed on a train');
  expect(stored(call.id).note).not.toBe('Typed on a train');
  expect((await outboxInStorage()).length).toBe(1);

  const popup = await harness.context.newPage();
  await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
  await expect.poll(() => popup.getByRole('list', { name: 'Waiting to save' }).textContent()).toContain('Typed on a train');
  await popup.close();
  // Left waiting, it would be sent during the next test.
  await dialog.getByRole('button', { name: 'Cancel queued save' }).click();
  await expect.poll(outboxInStorage).toEqual([]);
});

test('a queued save can be seen and cancelled; nothing is sent afterwards', async () => {
  const { page, dialog } = await openPanel(DEMO.leads.initech.id);
  harness.standIn.faults.add({ kind: 'drop', times: Infinity });
  await pickOutcome(dialog, 'Wrong number');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => alertOf(page), { timeout: 20_000 }).toMatch(/Will save when back online/);
  await dialog.getByRole('button', { name: 'Cancel queued save' }).click();
  await expect.poll(() => statusOf(page)).toMatch(/Save cancelled/);
  expect(await outboxInStorage()).toEqual([]);
  const before = puts().length;
  harness.standIn.faults.clear();
  // A fresh worker resumes whatever its outbox holds: the cancelled save is not there.
  await harness.stopWorker();
  await openPanel(DEMO.leads.initech.id);
  await page.waitForTimeout(500);
  expect(puts()).toHaveLength(before);
  expect(stored(DEMO.calls.initechRichNote.id).outcome_id).toBe(DEMO.calls.initechRichNote.outcome_id);
});

test('a queued save survives a browser restart and is delivered after it', async () => {
  const call = DEMO.calls.acmeRichNote;
  const { page, dialog } = await openPanel(DEMO.leads.acme.id);
  harness.standIn.faults.add({ kind: 'drop', times: Infinity });
  await pickOutcome(dialog, 'Not interested');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => alertOf(page), { timeout: 20_000 }).toMatch(/Will save when back online/);
  harness.standIn.faults.clear();
  await harness.restartBrowser(); // the worker starts again and resumes its outbox
  await expect.poll(() => stored(call.id).outcome_id, { timeout: 20_000 }).toBe(DEMO.outcomes.notInterested.id);
  await expect.poll(outboxInStorage).toEqual([]);
  expect(stored(call.id).note_html).toContain('<strong>Wile E.</strong>');
});

test('a save in flight when the worker is stopped completes after it wakes', async () => {
  const call = DEMO.calls.globexPlainNote;
  const { page, dialog } = await openPanel(DEMO.leads.globex.id);
  harness.standIn.faults.add({ method: 'PUT', kind: 'latency', ms: 3000 });
  await dialog.getByLabel('Note').fill('Saved across a worker stop');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => puts().length).toBe(1); // the PUT is on the wire
  await harness.stopWorker(); // resolves once Chromium reports the worker stopped
  await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('Saved');
  expect(stored(call.id).note).toBe('Saved across a worker stop');
  expect(await outboxInStorage()).toEqual([]);
  // The stopped worker's PUT still lands at the stand-in after its delay: let it, before the next test.
  await expect.poll(() => puts().every((r) => r.status !== null), { timeout: 10_000 }).toBe(true);
});

test('conflict: someone changed the note meanwhile: nothing is overwritten; Keep mine / Use theirs / Append mine', async () => {
  const call = DEMO.calls.globexPlainNote;
  const { page, dialog } = await openPanel(DEMO.leads.globex.id);
  const colleagueEdits = (note: string) => {
    const current = stored(call.id);
    current.note = note;
    current.note_html = `<body><p>${note}</p></body>`;
    current.date_updated = new Date(Date.now() + 1000).toISOString();
  };

  colleagueEdits('Sam: contract signed!');
  await dialog.getByLabel('Note').fill(`${call.note}\nMine: send the invoice`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => alertOf(page)).toMatch(/changed in Close/);
  const conflict = await alertOf(page);
  expect(conflict).toContain('Sam: contract signed!');
  expect(conflict).toContain('Mine: send the invoice');
  expect(puts()).toHaveLength(0);
  expect(stored(call.id).note).toBe('Sam: contract signed!');

  await dialog.getByRole('button', { name: 'Append mine' }).click();
  await expect.poll(() => statusOf(page)).toBe('Saved');
  expect(stored(call.id).note).toBe('Sam: contract signed!\nMine: send the invoice');

  colleagueEdits('Sam: changed again');
  await dialog.getByLabel('Note').fill('Only mine');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => alertOf(page)).toMatch(/changed in Close/);
  await dialog.getByRole('button', { name: 'Use theirs' }).click();
  expect(await boxText(dialog.getByLabel('Note'))).toBe('Sam: changed again');
  expect(stored(call.id).note).toBe('Sam: changed again');

  colleagueEdits('Sam: third time');
  await dialog.getByLabel('Note').fill('Definitely mine');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => alertOf(page)).toMatch(/changed in Close/);
  await dialog.getByRole('button', { name: 'Keep mine' }).click();
  await expect.poll(() => statusOf(page)).toBe('Saved');
  expect(stored(call.id).note).toBe('Definitely mine');
});

test('Undo after Saved restores the previous note and outcome with one PUT, rich text intact', async () => {
  const call = DEMO.calls.acmeRichNote;
  const { page, dialog } = await openPanel(DEMO.leads.acme.id);
  await dialog.getByLabel('Note').fill('Replaced everything');
  await pickOutcome(dialog, 'No outcome');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => statusOf(page)).toBe('Saved');
  expect(stored(call.id).note_html).not.toContain('<strong>');
  await page.waitForTimeout(10_000); // Undo is offered for at least 10 s
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => statusOf(page)).toBe('Restored');
  const undo = puts().at(-1)!;
  expect(puts()).toHaveLength(2);
  expect(undo.body).toEqual({ note_html: call.note_html, outcome_id: call.outcome_id });
  expect(stored(call.id).note_html).toBe(call.note_html);
  expect(await boxText(dialog.getByLabel('Note'))).toContain('Great call with Wile E.');
  expect(await boldTexts(dialog.getByLabel('Note'))).toEqual(['Wile E.']);
});

test('errors in words: a rejected key offers the settings; a deleted call says so; the text stays', async () => {
  const { page, dialog } = await openPanel(DEMO.leads.globex.id);
  harness.standIn.state.apiKeys.delete(DEMO.apiKey);
  await dialog.getByLabel('Note').fill('Kept through a 401');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => alertOf(page)).toMatch(/Close rejected your API key/);
  await expect.poll(() => dialog.getByRole('button', { name: 'Open settings' }).count()).toBe(1);
  expect(await boxText(dialog.getByLabel('Note'))).toBe('Kept through a 401');

  harness.standIn.reset();
  harness.standIn.state.calls.delete(DEMO.calls.globexPlainNote.id);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => alertOf(page)).toMatch(/This call no longer exists in Close/);
  expect(await boxText(dialog.getByLabel('Note'))).toBe('Kept through a 401');
});
