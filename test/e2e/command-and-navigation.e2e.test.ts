import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { APP, startHarness, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await harness.connect();
});
afterAll(() => harness?.close());

/**
 * A Playwright key press never reaches browser-level shortcuts, so the command's real
 * listener is run the way Chromium runs it (BROWSER-TESTING.md).
 */
async function pressCommand() {
  const worker = await harness.worker();
  await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    (chrome.commands.onCommand as unknown as { dispatch: (name: string, tab: unknown) => void }).dispatch(
      'open-quick-edit',
      tab,
    );
  });
}

test('the manifest declares exactly one command, which opens the panel with focus in the note', async () => {
  const worker = await harness.worker();
  const commands = await worker.evaluate(() => chrome.runtime.getManifest().commands);
  expect(Object.keys(commands ?? {})).toEqual(['open-quick-edit']);
  expect(commands?.['open-quick-edit']?.suggested_key).toMatchObject({ default: 'Alt+Shift+K' });

  const page = await harness.leadPage(DEMO.leads.initech.id);
  await page.getByRole('button', { name: 'Quick edit call' }).waitFor();
  await page.bringToFront();
  await pressCommand();
  const dialog = page.getByRole('dialog', { name: /call/i });
  await expect.poll(() => dialog.getByLabel('Note').inputValue()).toBe('Peter confirmed the **TPS report** integration scope.'); // its <strong> as **
  await expect
    .poll(() => dialog.getByLabel('Note').evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement))
    .toBe(true);

  // Typing in the panel never reaches Close's own shortcuts.
  await page.evaluate(() => {
    (window as unknown as { pageKeys: string[] }).pageKeys = [];
    document.addEventListener('keydown', (e) => (window as unknown as { pageKeys: string[] }).pageKeys.push(e.key));
  });
  await dialog.getByLabel('Note').pressSequentially('cgk');
  expect(await page.evaluate(() => (window as unknown as { pageKeys: string[] }).pageKeys)).toEqual([]);

  await dialog.getByLabel('Note').press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
  await page.close();
});

test('single-page navigation: the panel follows the new lead, and closes where there is no call', async () => {
  const page = await harness.leadPage(DEMO.leads.acme.id);
  await page.getByRole('button', { name: 'Quick edit call' }).click();
  const dialog = page.getByRole('dialog', { name: /call/i });
  await expect.poll(() => dialog.getByLabel('Call').inputValue()).toBe(DEMO.leads.acme.latestCallId);

  // Close's own navigation: a pushState, no page load.
  await page.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
  await page.getByRole('link', { name: 'Globex Corporation' }).first().click();
  await expect.poll(() => page.url()).toBe(`${APP}/lead/${DEMO.leads.globex.id}/`);
  await expect.poll(() => dialog.getByLabel('Call').inputValue()).toBe(DEMO.leads.globex.latestCallId);
  expect(await dialog.getByLabel('Note').inputValue()).toBe(DEMO.calls.globexPlainNote.note);
  expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);

  await page.getByRole('link', { name: 'Inbox' }).click();
  await expect.poll(() => page.url()).toBe(`${APP}/inbox/`);
  await expect.poll(() => dialog.count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Quick edit call' }).count()).toBe(0);

  await page.evaluate((id) => history.pushState({}, '', `/lead/${id}/`), DEMO.leads.initech.id);
  await page.getByRole('button', { name: 'Quick edit call' }).waitFor();
  await page.close();
});
