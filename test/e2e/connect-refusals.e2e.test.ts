// The refusals of the popup and settings page (issue 13, components/Settings.tsx) in the
// production build, with the browser in German: a malformed key, a key Close rejects, Close not
// reachable and Close failing are each said in their own German words (the restarting worker is
// in components/options/connect-refusals.test.tsx), and none stores anything.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parse } from 'yaml';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { apiRequests, startHarness, type Harness } from './harness';
import { readKeyStore } from './key-store-world';

type Catalog = {
  settings: { connection: Record<string, string> & { failed: string } };
  errors: Record<string, unknown> & { server: string };
};
const de = parse(readFileSync('locales/de.yml', 'utf8')) as Catalog;
const en = parse(readFileSync('locales/en.yml', 'utf8')) as Catalog;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ locale: 'de' });
});
afterAll(() => harness?.close());

async function refusalFor(apiKey: string) {
  const page = await harness.context.newPage();
  await page.goto(`chrome-extension://${harness.extensionId}/popup.html`);
  await page.locator('input[type="password"]').fill(apiKey);
  await page.locator('button[type="submit"]').click();
  const text = (await page.getByRole('alert').textContent())!;
  expect(await page.getByTestId('account-email').count()).toBe(0);
  await page.close();
  return text;
}

test('each refusal in its own German words, none of them English, and nothing stored', async () => {
  const seen: string[] = [];

  harness.standIn.requests.length = 0;
  seen.push(await refusalFor('kurz'));
  expect(seen.at(-1)).toBe(de.settings.connection.notAKey);
  expect(apiRequests(harness.standIn)).toEqual([]); // a malformed key never leaves the page

  seen.push(await refusalFor('api_not_a_real_key.0000000000'));
  expect(seen.at(-1)).toBe(de.settings.connection.rejected);

  harness.standIn.faults.add({ method: 'GET', path: '/api/v1/me/', kind: 'drop', times: Infinity });
  seen.push(await refusalFor(DEMO.apiKey));
  expect(seen.at(-1)).toBe(de.settings.connection.unreachable);
  harness.standIn.faults.clear();

  harness.standIn.faults.add({ method: 'GET', path: '/api/v1/me/', kind: '503', times: Infinity });
  seen.push(await refusalFor(DEMO.apiKey));
  expect(seen.at(-1)).toBe(de.settings.connection.failed.replace('$1', de.errors.server));
  harness.standIn.faults.clear();

  expect(new Set(seen).size).toBe(seen.length);
  const english = [...Object.values(en.settings.connection), ...Object.values(en.errors)].filter((v): v is string => typeof v === 'string');
  for (const text of seen) expect(english.some((phrase) => text.includes(phrase))).toBe(false);
  expect(await (await harness.worker()).evaluate(readKeyStore)).not.toMatchObject({ value: { apiKey: DEMO.apiKey } });
});
