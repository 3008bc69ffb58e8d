import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startDriver, type Driver } from '../drivers';
import { POPUP, apiRequests, basicAuth, isCallsToLogRefresh } from './ui';

let driver: Driver;
beforeAll(async () => {
  driver = await startDriver();
});
afterAll(() => driver?.close());

const BAD_KEY = 'api_not_a_real_key.0000000000';

test('a key Close rejects is explained in an alert and not stored', async () => {
  const popup = await driver.openExtensionPage('popup.html');
  await popup.get(POPUP.apiKey).fill(BAD_KEY);
  await popup.get(POPUP.save).click();
  await expect.poll(() => popup.get(POPUP.alert).text()).toMatch(/Close rejected this API key/);
  const me = apiRequests(driver.standIn).find((r) => r.path === '/api/v1/me/')!;
  expect(me.status).toBe(401);
  expect(me.headers.authorization).toBe(basicAuth(BAD_KEY));
  expect(JSON.stringify(await driver.storage())).not.toContain(BAD_KEY);
  expect(await popup.get(POPUP.apiKey).attribute('type')).toBe('password');
  expect(await popup.get(POPUP.disconnect).count()).toBe(0);
  await popup.close();
});

test('a good key is checked with /me/, stored, and shows the account; Disconnect forgets it', async () => {
  const popup = await driver.openExtensionPage('popup.html');
  const before = driver.standIn.requests.length;
  await popup.get(POPUP.apiKey).fill(DEMO.apiKey);
  await popup.get(POPUP.save).click();
  await expect.poll(() => popup.get(POPUP.email).text()).toBe(DEMO.me.email);
  expect(await popup.get(POPUP.organization).text()).toBe(DEMO.organization.name);
  // Connecting also refreshes Calls to log (issue 17): not part of the key check.
  const checks = driver.standIn.requests.slice(before).filter((r) => !isCallsToLogRefresh(r));
  expect(checks.map((r: { method: string; path: string }) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/me/']);
  // In the background's key store, not in storage.local (where content scripts read; issue 13).
  expect(await driver.keyStore()).toMatchObject({ value: { apiKey: DEMO.apiKey } });
  expect(JSON.stringify(await driver.storage())).not.toContain(DEMO.apiKey);

  // Opened again, the popup remembers the connection without asking Close again.
  await popup.close();
  const reopened = await driver.openExtensionPage('popup.html');
  await expect.poll(() => reopened.get(POPUP.email).text()).toBe(DEMO.me.email);
  expect(driver.standIn.requests.slice(before).filter((r) => !isCallsToLogRefresh(r))).toHaveLength(1);

  await reopened.get(POPUP.disconnect).click();
  await reopened.get(POPUP.apiKey).waitFor();
  await expect.poll(() => driver.keyStore()).toEqual({ exists: true, value: undefined });
  expect(JSON.stringify(await driver.storage())).not.toContain(DEMO.apiKey);
  await reopened.close();
});

test('the popup puts focus in the key field and links to Close’s API keys page (issue 15)', async () => {
  const popup = await driver.openExtensionPage('popup.html');
  await popup.get(POPUP.apiKey).waitFor();
  await expect.poll(() => popup.get(POPUP.apiKey).isFocused()).toBe(true);
  const link = popup.get({ role: 'link', name: 'Open Close’s API keys page' });
  expect(await link.attribute('href')).toBe('https://app.close.com/settings/developer/api-keys/');
  expect(await link.attribute('target')).toBe('_blank');
  await popup.close();
});
