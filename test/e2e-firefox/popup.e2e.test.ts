import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { apiRequests, basicAuth, startFirefoxHarness, type FirefoxHarness } from './harness';
import { POPUP, click, count, fill, find, textOf } from './ui';
import { keyStoreOf } from './key-store';

let harness: FirefoxHarness;
beforeAll(async () => {
  harness = await startFirefoxHarness();
});
afterAll(() => harness?.close());

test('a key Close rejects is explained in an alert and not stored', async () => {
  const popup = await harness.openExtensionPage('popup.html');
  await fill(popup, POPUP.apiKey, 'api_not_a_real_key.0000000000');
  await click(popup, POPUP.save);
  await expect.poll(() => textOf(popup, POPUP.alert)).toMatch(/Close rejected this API key/);
  const me = apiRequests(harness.standIn).find((r: { path: string }) => r.path === '/api/v1/me/')!;
  expect(me.status).toBe(401);
  expect(me.headers.authorization).toBe(basicAuth('api_not_a_real_key.0000000000'));
  expect(JSON.stringify(await harness.extensionStorage())).not.toContain('api_not_a_real_key');
  expect(await (await find(popup, POPUP.apiKey)).evaluate((el) => (el as HTMLInputElement).type)).toBe('password');
  expect(await count(popup, POPUP.disconnect)).toBe(0);
  await popup.close();
});

test('a good key is checked with /me/, stored, and shows the account; Disconnect forgets it', async () => {
  const popup = await harness.openExtensionPage('popup.html');
  const before = harness.standIn.requests.length;
  await fill(popup, POPUP.apiKey, DEMO.apiKey);
  await click(popup, POPUP.save);
  await expect.poll(() => textOf(popup, POPUP.email)).toBe(DEMO.me.email);
  expect(await textOf(popup, POPUP.organization)).toBe(DEMO.organization.name);
  const checks = harness.standIn.requests.slice(before);
  expect(checks.map((r: { method: string; path: string }) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/me/']);
  // In the background's key store, not in storage.local (where content scripts read; issue 13).
  expect(await keyStoreOf(harness)).toMatchObject({ value: { apiKey: DEMO.apiKey } });
  expect(JSON.stringify(await harness.extensionStorage())).not.toContain(DEMO.apiKey);

  // Opened again, the popup remembers the connection without asking Close again.
  await popup.close();
  const reopened = await harness.openExtensionPage('popup.html');
  await expect.poll(() => textOf(reopened, POPUP.email)).toBe(DEMO.me.email);
  expect(harness.standIn.requests.length).toBe(before + 1);

  await click(reopened, POPUP.disconnect);
  await find(reopened, POPUP.apiKey);
  await expect.poll(() => keyStoreOf(harness)).toEqual({ exists: true, value: undefined });
  expect(JSON.stringify(await harness.extensionStorage())).not.toContain(DEMO.apiKey);
  await reopened.close();
});
