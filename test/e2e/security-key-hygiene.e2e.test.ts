// The API key stays home (issue 5), in the real browser: it is stored in the background's
// IndexedDB only (SECURITY.md: why there; test/scenarios/key-store.scenario.ts proves the content
// script's world is told nothing of it), never reaches the content script (every message it sends,
// gets back or receives is recorded inside its own world, see security-recorder.ts), never
// appears in a log, a note, a URL or any header but Authorization, and Disconnect removes it.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConsoleMessage, Page } from 'playwright-core';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { apiRequests, startHarness, type Harness } from './harness';
import { recordMessages } from './security-recorder';
import { readKeyStore } from './key-store-world';
import { contentScriptWorld } from './security-worlds';

let harness: Harness;
const logs: string[] = [];
const KEY_FORMS = [DEMO.apiKey, Buffer.from(`${DEMO.apiKey}:`).toString('base64'), Buffer.from(DEMO.apiKey).toString('base64')];
const BAD_KEY = 'api_typo0000000000000000.0000000000000000000000';

const leaks = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return [...KEY_FORMS, BAD_KEY].filter((form) => text.includes(form));
};

beforeAll(async () => {
  harness = await startHarness();
  const keep = (message: ConsoleMessage) => void logs.push(`${message.type()}: ${message.text()}`);
  harness.context.on('console', keep);
  (await harness.worker()).on('console', keep);
  harness.context.on('serviceworker', (worker) => worker.on('console', keep));
});
afterAll(() => harness?.close());

/** Everything every storage area of the extension holds, read inside the extension. */
const allStorage = async () =>
  (await harness.worker()).evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    session: await chrome.storage.session.get(null),
    sync: await chrome.storage.sync.get(null),
  }));

async function popup() {
  const page = await harness.context.newPage();
  await page.goto(`chrome-extension://${harness.extensionId}/popup.html`);
  return page;
}

async function pressCommand() {
  const worker = await harness.worker();
  await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    (chrome.commands.onCommand as unknown as { dispatch: (name: string, tab: unknown) => void }).dispatch('open-quick-edit', tab);
  });
}

test('stored in the background\'s IndexedDB only, in no storage area a content script can read', async () => {
  const page = await popup();
  await page.getByLabel('API key').fill(BAD_KEY);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('alert').waitFor();
  await page.getByLabel('API key').fill(DEMO.apiKey);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Disconnect' }).waitFor();
  await page.close();

  const areas = await allStorage();
  expect(leaks(areas)).toEqual([]);
  const keyStore = await (await harness.worker()).evaluate(readKeyStore);
  expect(leaks(keyStore)).toEqual([DEMO.apiKey]);
  expect(keyStore).toMatchObject({ value: { apiKey: DEMO.apiKey } });

  // What SECURITY.md says of the areas, checked in this browser: session storage is closed to
  // content scripts, local storage is not (why the key is in neither).
  const lead = await harness.leadPage(DEMO.leads.acme.id);
  const world = await contentScriptWorld(harness.context, lead, harness.extensionId);
  expect(await world.evaluate<string>('chrome.storage.session.get(null).then(() => "readable", (e) => e.message)')).toMatch(
    /not allowed/i,
  );
  expect(await world.evaluate<string>('chrome.storage.local.get("draft:x").then(() => "readable", (e) => e.message)')).toBe('readable');
  await world.detach();
  await lead.close();
});

test('never in a message to or from the content script, a note, a URL, a header or a log', async () => {
  const page: Page = await harness.leadPage(DEMO.leads.acme.id);
  await page.getByRole('button', { name: 'Quick edit call' }).waitFor();
  const world = await contentScriptWorld(harness.context, page, harness.extensionId);
  const recorder = await recordMessages(world);
  harness.standIn.requests.length = 0;

  // Open with the keyboard command (a message from the background), load, save through a 503
  // (progress, then a result, pushed by the background), then lose the key at Close (an error).
  await page.bringToFront();
  await pressCommand();
  const dialog = page.getByRole('dialog', { name: /call/i });
  await dialog.getByLabel('Note').waitFor();
  harness.standIn.faults.add({ method: 'PUT', kind: '503' });
  await dialog.getByLabel('Note').fill('Sent the contract. Key? Not here.');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/^Saved/);
  await dialog.getByLabel('Note').press('Escape');
  harness.standIn.state.apiKeys.delete(DEMO.apiKey); // revoked in Close
  await page.getByRole('button', { name: 'Quick edit call' }).click();
  await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/Close rejected your API key/);
  harness.standIn.state.apiKeys.set(DEMO.apiKey, DEMO.me.id);

  // Disconnect and connect again in the popup while the panel is open: the tab is told that the
  // connection changed, one boolean each time, and nothing more (issue 15).
  const settings = await popup();
  await settings.getByRole('button', { name: 'Disconnect' }).click();
  await settings.getByLabel('API key').fill(DEMO.apiKey);
  await settings.getByRole('button', { name: 'Save' }).click();
  await settings.getByRole('button', { name: 'Disconnect' }).waitFor();
  await settings.close();
  const told = async () =>
    (await recorder.all()).filter((r) => r.direction === 'received' && (r.message as { type?: string } | null)?.type === 'connection.changed');
  await expect.poll(async () => (await told()).map((r) => r.message)).toEqual([
    { type: 'connection.changed', connected: false },
    { type: 'connection.changed', connected: true },
  ]);

  const recorded = await recorder.all();
  const types = (direction: string) =>
    recorded.filter((r) => r.direction === direction).map((r) => (r.message as { type?: string } | null)?.type ?? 'reply');
  // The recording saw every kind of traffic, so its silence about the key means something.
  expect(types('received')).toContain('panel.open');
  expect(types('received').some((t) => t.startsWith('save.'))).toBe(true);
  expect(types('sent')).toEqual(expect.arrayContaining(['panel.load', 'call.save']));
  expect(recorded.filter((r) => r.direction === 'reply').length).toBeGreaterThanOrEqual(3);
  expect(leaks(recorded)).toEqual([]);

  // Close saw the key in the Authorization header and nowhere else.
  const requests = apiRequests(harness.standIn) as { path: string; query: unknown; body: unknown; headers: Record<string, string> }[];
  expect(requests.length).toBeGreaterThan(3);
  for (const request of requests) {
    const { authorization, ...otherHeaders } = request.headers;
    expect(authorization).toBe(`Basic ${KEY_FORMS[1]}`);
    expect(leaks([request.path, request.query, request.body, otherHeaders])).toEqual([]);
  }
  expect(leaks([...harness.standIn.state.calls.values()].map((c: { note: unknown; note_html: unknown }) => [c.note, c.note_html]))).toEqual([]);
  expect(leaks(await page.content())).toEqual([]);
  expect(leaks(logs)).toEqual([]);
  await world.detach();
  await page.close();
});

test('Disconnect removes it from the key store (and it is in no storage area); the panel then asks Close nothing', async () => {
  const page = await popup();
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await page.getByLabel('API key').waitFor();
  await page.close();
  const areas = await allStorage();
  expect(leaks(areas)).toEqual([]);
  expect(await (await harness.worker()).evaluate(readKeyStore)).toEqual({ exists: true, value: undefined });

  harness.standIn.requests.length = 0;
  const lead = await harness.leadPage(DEMO.leads.acme.id);
  await lead.getByRole('button', { name: 'Quick edit call' }).click();
  await lead.getByRole('button', { name: 'Open settings' }).waitFor();
  expect(apiRequests(harness.standIn)).toEqual([]);
  expect(leaks(logs)).toEqual([]);
  await lead.close();
});
