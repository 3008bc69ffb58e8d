import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { APP, startHarness, type Harness } from './harness';
import { pickOutcome } from './outcome';
import { boldTexts, boxText } from './note-box';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await harness.connect();
});
afterAll(() => harness?.close());
beforeEach(() => harness.standIn.reset());


const openPanel = (leadId: string) => harness.openPanel(leadId);

test('a draft survives a reload and comes back with "Draft restored"; it is gone after a confirmed save', async () => {
  const { page, dialog } = await openPanel(DEMO.leads.globex.id);
  await dialog.getByLabel('Note').fill('Half-typed thought before the tab reloaded');
  await page.waitForTimeout(600); // drafts are written at most ~300 ms behind typing
  await page.reload();
  await page.getByRole('button', { name: 'Quick edit call' }).click();
  const restored = page.getByRole('dialog', { name: /call/i });
  await expect.poll(() => boxText(restored.getByLabel('Note'))).toBe('Half-typed thought before the tab reloaded');
  await expect.poll(() => restored.textContent()).toContain('Draft restored');
  await restored.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved');
  const worker = await harness.worker();
  const key = `draft:${DEMO.calls.globexPlainNote.id}`;
  expect(await worker.evaluate((k) => chrome.storage.local.get(k), key)).toEqual({});
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

test('a draft survives a browser restart (and a stopped worker): it comes back with "Draft restored"', async () => {
  const { dialog } = await openPanel(DEMO.leads.initech.id);
  await dialog.getByLabel('Note').fill('Typed before the laptop went to sleep');
  await pickOutcome(dialog, 'Wrong number');
  await new Promise((resolve) => setTimeout(resolve, 600)); // drafts trail typing by ~300 ms
  await harness.stopWorker();
  await harness.restartBrowser();
  const { page: reopened, dialog: restored } = await openPanel(DEMO.leads.initech.id);
  await expect.poll(() => boxText(restored.getByLabel('Note'))).toBe('Typed before the laptop went to sleep');
  expect(await restored.getByLabel('Outcome').inputValue()).toBe('Wrong number');
  expect(await restored.getByLabel('Outcome').getAttribute('data-value')).toBe(DEMO.outcomes.wrongNumber.id);
  await expect.poll(() => restored.textContent()).toContain('Draft restored');
  await restored.getByRole('button', { name: 'Discard draft' }).click();
  expect(await boxText(restored.getByLabel('Note'))).toBe('Peter confirmed the TPS report integration scope.');
  expect(await boldTexts(restored.getByLabel('Note'))).toEqual(['TPS report']);
  await reopened.close();
});
