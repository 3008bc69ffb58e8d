import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { apiRequests, startHarness, type Harness } from './harness';
import { boxText } from './note-box';

// Issue 11, in real Chromium against the stand-in: nothing the rep types is lost, overwritten,
// or sent against their will. Waits are for conditions, never fixed sleeps as assertions.

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

type Logged = { method: string; path: string; status: number | null; body: unknown };
const puts = () => apiRequests(harness.standIn, 'PUT') as Logged[];
const stored = (id: string) => harness.standIn.state.calls.get(id)!;
const dialogOf = (page: Page) => page.getByRole('dialog', { name: /call/i });
const statusOf = (page: Page) => page.getByRole('status').textContent();
const alertsOf = (page: Page) => dialogOf(page).getByRole('alert').allTextContents().then((all) => all.join(' '));

test('typing during a delayed save: the newer text stays, is said to be unsaved, and is saved next', async () => {
  const call = DEMO.calls.globexPlainNote;
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  harness.standIn.faults.add({ method: 'PUT', kind: 'latency', ms: 2500 });
  const note = dialog.getByLabel('Note');
  await note.fill('First version');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => puts().length).toBe(1);
  await note.pressSequentially(', and more');
  await expect.poll(() => statusOf(page), { timeout: 15_000 }).toMatch(/newer changes are not saved yet/);
  expect(await boxText(note)).toBe('First version, and more');
  expect(stored(call.id).note).toBe('First version');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => statusOf(page)).toBe('Saved');
  expect(stored(call.id).note).toBe('First version, and more');
});

test('fast navigation A → B with A’s answers delayed: B’s call is shown and saved', async () => {
  const a = DEMO.leads.acme;
  const b = DEMO.leads.globex;
  const page = await harness.leadPage(a.id);
  // A's load waits for its contacts; B's is answered at once.
  harness.standIn.faults.add({ method: 'GET', path: `/api/v1/lead/${a.id}/`, kind: 'latency', ms: 3000 });
  await page.getByRole('button', { name: 'Quick edit call' }).click();
  const askedForA = () => apiRequests(harness.standIn).filter((r: Logged) => r.path === `/api/v1/lead/${a.id}/`);
  await expect.poll(() => askedForA().length, { timeout: 10_000 }).toBe(1);
  await page.evaluate((id) => history.pushState({}, '', `/lead/${id}/`), b.id);
  const dialog = dialogOf(page);
  await dialog.getByLabel('Note').waitFor();
  const shown = await dialog.getByLabel('Call').inputValue();
  expect(stored(shown).lead_id).toBe(b.id);
  // A's late answer arrives now; it must change nothing.
  await expect.poll(() => askedForA()[0]?.status ?? null, { timeout: 10_000 }).not.toBeNull();
  expect(await dialog.getByLabel('Call').inputValue()).toBe(shown);
  await dialog.getByLabel('Note').fill('For lead B');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => statusOf(page)).toBe('Saved');
  expect(puts().map((p) => p.path)).toEqual([`/api/v1/activity/call/${shown}/`]);
});

test('cancel, then a worker stop, then Close back: no PUT', async () => {
  const call = DEMO.calls.initechRichNote;
  const { page, dialog } = await harness.openPanel(DEMO.leads.initech.id);
  harness.standIn.faults.add({ kind: 'drop', times: Infinity });
  await dialog.getByLabel('Note').fill('Never mind this');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => alertsOf(page), { timeout: 20_000 }).toMatch(/Will save when back online/);
  await dialog.getByRole('button', { name: 'Cancel queued save' }).click();
  await expect.poll(() => statusOf(page)).toMatch(/Save cancelled/);
  await harness.stopWorker();
  harness.standIn.faults.clear();
  // Wake a fresh worker: opening the panel elsewhere asks it, and it resumes its outbox.
  await harness.openPanel(DEMO.leads.initech.id);
  const worker = await harness.worker();
  await expect.poll(async () => (await worker.evaluate(() => chrome.storage.local.get('outbox'))).outbox ?? []).toEqual([]);
  expect(puts()).toEqual([]);
  expect(stored(call.id).note).toBe(call.note);
  expect(await boxText(dialog.getByLabel('Note'))).toBe('Never mind this');
});

test('reload 50 ms after typing: the text comes back', async () => {
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  await dialog.getByLabel('Note').fill('Typed right before the reload');
  await new Promise((resolve) => setTimeout(resolve, 50)); // the scenario: 50 ms, before the 300 ms draft pause
  await page.reload();
  await page.getByRole('button', { name: 'Quick edit call' }).click();
  const again = dialogOf(page);
  await expect.poll(() => boxText(again.getByLabel('Note'))).toBe('Typed right before the reload');
  expect(await again.textContent()).toContain('Draft restored');
});

test('Save & next with 300 ms of latency moves on before the PUT is answered; Saved after', async () => {
  const [first, second] = [DEMO.calls.globexPlainNote, DEMO.calls.globexNoAnswer];
  stored(second.id).outcome_id = null;
  const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
  expect(await dialog.getByLabel('Call').inputValue()).toBe(first.id);
  harness.standIn.faults.add({ kind: 'latency', ms: 300, times: Infinity });
  await dialog.getByLabel('Note').fill('Triage, fast');
  await dialog.getByLabel('Note').press('ControlOrMeta+Shift+Enter');
  await expect.poll(() => dialog.getByLabel('Call').inputValue()).not.toBe(first.id);
  // Moved on: the PUT of the first call is not answered yet (it may not even be sent).
  expect(puts().filter((p) => p.status !== null)).toEqual([]);
  await expect.poll(() => statusOf(page)).toMatch(/Saved\. Now the next call without an outcome/);
  expect(stored(first.id).note).toBe('Triage, fast');
});

test('a storage failure shows the alert in words; nothing is sent; the text stays', async () => {
  const worker = await harness.worker();
  // storage.local's quota (10 MB without unlimitedStorage), filled to the last few bytes.
  await worker.evaluate(async () => {
    let [fits, fails] = [0, 10_485_760];
    while (fails - fits > 8) {
      const size = (fits + fails) >> 1;
      await chrome.storage.local.set({ junk: 'x'.repeat(size) }).then(() => (fits = size), () => (fails = size));
    }
    await chrome.storage.local.set({ junk: 'x'.repeat(fits) });
  });
  try {
    const { page, dialog } = await harness.openPanel(DEMO.leads.globex.id);
    await dialog.getByLabel('Note').fill('Nowhere to keep this');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => alertsOf(page)).toMatch(/could not be stored in this browser.*Copy your text/);
    expect(puts()).toEqual([]);
    expect(await boxText(dialog.getByLabel('Note'))).toBe('Nowhere to keep this');
  } finally {
    await worker.evaluate(() => chrome.storage.local.remove('junk'));
  }
});
