import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { apiRequests, basicAuth, extensionStorage, startHarness, type Harness } from './harness';
import { readKeyStore } from './key-store-world';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

const openPopup = async () => {
  const popup = await harness.context.newPage();
  await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
  return popup;
};

test('a key Close rejects is explained in an alert and not stored', async () => {
  const popup = await openPopup();
  await popup.getByLabel('API key').fill('api_not_a_real_key.0000000000');
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/Close rejected this API key/);
  const me = apiRequests(harness.standIn).find((r: { path: string }) => r.path === '/api/v1/me/')!;
  expect(me.status).toBe(401);
  expect(me.headers.authorization).toBe(basicAuth('api_not_a_real_key.0000000000'));
  expect(JSON.stringify(await extensionStorage(harness))).not.toContain('api_not_a_real_key');
  expect(await popup.getByLabel('API key').getAttribute('type')).toBe('password');
  await popup.close();
});

test('a good key is checked with /me/, stored, and shows the account; Disconnect forgets it', async () => {
  const popup = await openPopup();
  const before = harness.standIn.requests.length;
  await popup.getByLabel('API key').fill(DEMO.apiKey);
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => popup.getByTestId('account-email').textContent()).toBe(DEMO.me.email);
  expect(await popup.getByTestId('account-organization').textContent()).toBe(DEMO.organization.name);
  const checks = harness.standIn.requests.slice(before);
  expect(checks.map((r: { method: string; path: string }) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/me/']);
  // In the background's key store, not in storage.local (where content scripts read; issue 13).
  expect(await (await harness.worker()).evaluate(readKeyStore)).toMatchObject({ value: { apiKey: DEMO.apiKey } });
  expect(JSON.stringify(await extensionStorage(harness))).not.toContain(DEMO.apiKey);

  // Reopened, the popup remembers the connection without asking Close again.
  await popup.reload();
  await expect.poll(() => popup.getByTestId('account-email').textContent()).toBe(DEMO.me.email);

  await popup.getByRole('button', { name: 'Disconnect' }).click();
  await popup.getByLabel('API key').waitFor();
  expect(await (await harness.worker()).evaluate(readKeyStore)).toEqual({ exists: true, value: undefined });
  expect(JSON.stringify(await extensionStorage(harness))).not.toContain(DEMO.apiKey);
  await popup.close();
});
