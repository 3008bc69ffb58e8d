import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { APP, apiRequests, startHarness, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await harness.connect();
});
afterAll(() => harness?.close());
beforeEach(() => harness.standIn.reset());

type LoggedRequest = { method: string; path: string; status: number | null; body: unknown };
const puts = () => apiRequests(harness.standIn, 'PUT') as LoggedRequest[];

async function openPanel(leadId: string) {
  const page = await harness.leadPage(leadId);
  await page.getByRole('button', { name: 'Quick edit call' }).click();
  const dialog = page.getByRole('dialog', { name: /call/i });
  await dialog.getByLabel('Note').waitFor();
  return { page, dialog };
}

test('on 429 the background waits as Close asks and retries by itself; the rep sees Saved', async () => {
  const { page, dialog } = await openPanel(DEMO.leads.initech.id);
  harness.standIn.faults.add({ method: 'PUT', kind: '429', rateReset: 0.4 });
  await dialog.getByLabel('Outcome').selectOption({ label: 'No answer' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved');
  const [limited, saved] = puts();
  expect([limited?.status, saved?.status]).toEqual([429, 200]);
  expect(saved?.body).toEqual({ outcome_id: DEMO.outcomes.noAnswer.id });
  await page.close();
});

test('a dropped connection is explained, and the text stays in the box', async () => {
  const { page, dialog } = await openPanel(DEMO.leads.initech.id);
  // Chromium itself retries a request once when a reused connection is reset, so keep dropping.
  harness.standIn.faults.add({ method: 'PUT', kind: 'drop', times: Infinity });
  await dialog.getByLabel('Note').fill('Typed while the network failed');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/Could not reach Close/);
  expect(await dialog.getByLabel('Note').inputValue()).toBe('Typed while the network failed');
  expect(puts().every((r) => r.status === 0)).toBe(true);
  harness.standIn.faults.clear();
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved');
  expect(harness.standIn.state.calls.get(DEMO.calls.initechRichNote.id)?.note).toBe('Typed while the network failed');
  await page.close();
});

test('a draft survives a reload and comes back with "Draft restored"; it is gone after a confirmed save', async () => {
  const { page, dialog } = await openPanel(DEMO.leads.globex.id);
  await dialog.getByLabel('Note').fill('Half-typed thought before the tab reloaded');
  await page.waitForTimeout(600); // drafts are written at most ~300 ms behind typing
  await page.reload();
  await page.getByRole('button', { name: 'Quick edit call' }).click();
  const restored = page.getByRole('dialog', { name: /call/i });
  await expect.poll(() => restored.getByLabel('Note').inputValue()).toBe('Half-typed thought before the tab reloaded');
  await expect.poll(() => restored.textContent()).toContain('Draft restored');
  await restored.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved');
  const worker = await harness.worker();
  const stored = await worker.evaluate(() => chrome.storage.local.get(null));
  expect(Object.keys(stored).filter((k) => k.startsWith('draft:'))).toEqual([]);
  await page.close();
});

test('on a page whose URL names no lead, the first call linked from the page is edited', async () => {
  const page = await harness.context.newPage();
  await page.goto(`${APP}/inbox/`);
  await page.waitForTimeout(300);
  expect(await page.getByRole('button', { name: 'Quick edit call' }).count()).toBe(0);
  // Close renders a call link later (lazy loading): the launcher follows.
  await page.evaluate((id) => {
    const link = document.createElement('a');
    link.href = `/call/${id}/voicemail/`;
    link.textContent = 'Voicemail';
    document.body.append(link);
  }, DEMO.calls.globexNoAnswer.id);
  await page.getByRole('button', { name: 'Quick edit call' }).click();
  const dialog = page.getByRole('dialog', { name: /call/i });
  await expect.poll(() => dialog.getByLabel('Call').inputValue()).toBe(DEMO.calls.globexNoAnswer.id);
  await page.close();
});
