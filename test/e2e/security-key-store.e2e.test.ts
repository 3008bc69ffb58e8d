// The key where no page can reach it (issue 13), in Chromium: it lives in the background's
// IndexedDB; our content script's own world (reached over the DevTools protocol) reads every
// storage area it can and records every storage change event it is told of while the rep
// connects, opens the panel, saves, disconnects and reconnects, and finds the key in no
// encoding; the page's main world has no extension storage at all. An older version's
// storage.local item moves to IndexedDB once.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startHarness, type Harness } from './harness';
import { READ_STORAGE, WATCH_STORAGE, leaksOf, readKeyStore, type WorldStorage } from './key-store-world';
import { contentScriptWorld, type IsolatedWorld } from './security-worlds';
import { isCallsToLogRefresh } from '../scenarios/ui';

let harness: Harness;
const KEYS = [DEMO.apiKey, DEMO.otherApiKey];
const leaks = (value: unknown) => leaksOf(KEYS, value);

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const keyStore = async () => (await harness.worker()).evaluate(readKeyStore);
const workerLocal = async () => (await harness.worker()).evaluate(() => chrome.storage.local.get(null));

async function popup() {
  const page = await harness.context.newPage();
  await page.goto(`chrome-extension://${harness.extensionId}/popup.html`);
  return page;
}
async function disconnect() {
  const page = await popup();
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await page.getByLabel('API key').waitFor();
  await page.close();
}

/** What the page's own scripts can reach: no extension storage, and nothing of the key. */
const mainWorld = (page: Page) =>
  page.evaluate(async () => {
    const ext = (globalThis as { chrome?: { storage?: unknown; runtime?: { id?: unknown } } }).chrome;
    return {
      storage: typeof ext?.storage,
      runtimeId: typeof ext?.runtime?.id,
      localStorage: { ...localStorage },
      sessionStorage: { ...sessionStorage },
      databases: (await indexedDB.databases()).map((db) => db.name),
      html: document.documentElement.outerHTML,
      shadow: [...document.querySelectorAll('*')].map((el) => el.shadowRoot?.innerHTML ?? '').join(''),
    };
  });

let world: IsolatedWorld;
let lead: Page;

test('from connect to reconnect, our content script\'s world is told nothing of the key, and the page less', async () => {
  lead = await harness.leadPage(DEMO.leads.acme.id);
  await lead.getByRole('button', { name: 'Quick edit call' }).waitFor();
  world = await contentScriptWorld(harness.context, lead, harness.extensionId);
  await world.evaluate(WATCH_STORAGE('chrome'));

  // Connect; open the panel and save (drafts and the outbox change storage.local meanwhile).
  await harness.connect();
  expect(await keyStore()).toMatchObject({ exists: true, value: { apiKey: DEMO.apiKey, account: { userId: DEMO.me.id } } });
  await lead.getByRole('button', { name: 'Quick edit call' }).click();
  const dialog = lead.getByRole('dialog', { name: /call/i });
  await dialog.getByLabel('Note').fill('Key store proof: a note typed and saved.');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => lead.getByRole('status').textContent()).toMatch(/^Saved/);
  await dialog.getByLabel('Note').press('Escape');

  // Disconnect, connect another account, disconnect, reconnect the first.
  await disconnect();
  expect(await keyStore()).toEqual({ exists: true, value: undefined });
  await harness.connect(DEMO.otherApiKey);
  await disconnect();
  await harness.connect();
  expect(await keyStore()).toMatchObject({ value: { apiKey: DEMO.apiKey } });

  const seen = await world.evaluate<WorldStorage>(READ_STORAGE('chrome'));
  // The recording heard the traffic it should have (drafts, the outbox), so its silence counts.
  expect(seen.events!.length).toBeGreaterThan(2);
  expect(seen.events!.some((e) => e.area === 'local' && Object.keys(e.changes).some((k) => k.startsWith('draft:')))).toBe(true);
  expect(seen.local.value).toBeDefined(); // readable to a content script: which is why the key is not there
  expect(Object.keys(seen.local.value!).length).toBeGreaterThan(0);
  expect(seen.sync.value).toBeDefined();
  expect(seen.session.refused).toMatch(/not allowed/i); // Chrome keeps session storage from content scripts
  expect(leaks(seen)).toEqual([]);

  const page = await mainWorld(lead);
  expect(page.storage).toBe('undefined');
  expect(page.runtimeId).toBe('undefined');
  expect(page.databases).toEqual([]);
  expect(leaks(page)).toEqual([]);
});

test('control: a key put where the content script can see it is caught by the same recording', async () => {
  const worker = await harness.worker();
  await worker.evaluate((key) => chrome.storage.local.set({ probe: { key } }), DEMO.otherApiKey);
  await expect.poll(async () => leaks((await world.evaluate<WorldStorage>(READ_STORAGE('chrome'))).events)).toEqual([DEMO.otherApiKey]);
  await worker.evaluate(() => chrome.storage.local.remove('probe'));
  await world.detach();
  await lead.close();
});

test('an older version\'s key in storage.local moves to IndexedDB at the next start, completed by /me/, and leaves storage.local', async () => {
  await disconnect();
  const worker = await harness.worker();
  // What versions before issue 13 stored: storage.local, and an account without Close's ids.
  await worker.evaluate(
    ({ apiKey, email }) =>
      chrome.storage.local.set({ connection: { apiKey, account: { email, name: 'Old Name', organization: 'Old Org' } }, connection$: { v: 1 } }),
    { apiKey: DEMO.apiKey, email: DEMO.me.email },
  );
  await harness.stopWorker(); // the update: a new background start
  const before = harness.standIn.requests.length;
  const page = await popup();
  await expect.poll(() => page.getByTestId('account-email').textContent()).toBe(DEMO.me.email);
  expect(await page.getByTestId('account-organization').textContent()).toBe(DEMO.organization.name);
  // The worker's start and the popup also refresh Calls to log (issue 17): not part of the key's completion.
  const completion = harness.standIn.requests.slice(before).filter((r: { path: string; query: Record<string, string> }) => !isCallsToLogRefresh(r));
  expect(completion.map((r: { method: string; path: string }) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/me/']);
  await page.close();

  const local = await workerLocal();
  expect(local.connection).toBeUndefined();
  expect(local.connection$).toBeUndefined();
  expect(leaks(local)).toEqual([]);
  expect(await keyStore()).toEqual({
    exists: true,
    value: {
      apiKey: DEMO.apiKey,
      account: {
        userId: DEMO.me.id,
        organizationId: DEMO.organization.id,
        email: DEMO.me.email,
        name: `${DEMO.me.first_name} ${DEMO.me.last_name}`,
        organization: DEMO.organization.name,
      },
    },
  });
});

test('a damaged old item: the rep stays disconnected, is told why, and nothing breaks', async () => {
  await disconnect();
  await (await harness.worker()).evaluate(() => chrome.storage.local.set({ connection: '{"apiKey": broken', connection$: { v: 1 } }));
  await harness.stopWorker();
  const page = await popup();
  await expect.poll(() => page.getByTestId('connection-notice').textContent()).toMatch(/could not be read, so it was removed/);
  await page.getByLabel('API key').waitFor();
  const local = await workerLocal();
  expect(local.connection).toBeUndefined();
  expect(await keyStore()).toMatchObject({ value: undefined });

  // Connecting again works and the notice is gone.
  await page.getByLabel('API key').fill(DEMO.apiKey);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('account-email').waitFor();
  await page.reload();
  await page.getByTestId('account-email').waitFor();
  expect(await page.getByTestId('connection-notice').count()).toBe(0);
  await page.close();
});
