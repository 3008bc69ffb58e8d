// A rep in two Close organisations with the other one's key connected (issue 5): Close answers
// 404 and empty lists for calls the page shows, and the panel says whose key it is instead of a
// vague "not found".
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { APP, apiRequests, startHarness, type Harness } from './harness';
import { boldTexts, boxText } from './note-box';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await harness.connect(DEMO.otherApiKey);
});
afterAll(() => harness?.close());

const whose = `Close found no call for this page with the API key of ${DEMO.otherUser.email} (${DEMO.otherOrganization.name}).`;

test.each([
  ['a lead page', `${APP}/lead/${DEMO.leads.acme.id}/`],
  ['a link to one call', `${APP}/lead/${DEMO.leads.acme.id}/#activityId=${DEMO.calls.acmeRecorded.id}`],
  ['the call route', `${APP}/call/${DEMO.calls.acmeRecorded.id}/voicemail/`],
])('%s of the other organisation names the key\'s account', async (_name, url) => {
  harness.standIn.requests.length = 0;
  const page = await harness.context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Quick edit call' }).click();
  const dialog = page.getByRole('dialog', { name: /call/i });
  await expect.poll(() => dialog.getByRole('alert').textContent()).toContain(whose);
  expect(await dialog.getByRole('button', { name: 'Open settings' }).count()).toBe(1);
  // It is Close that did not find it with this key, not a guess: the requests went out and came back empty or 404.
  const answers = apiRequests(harness.standIn).map((r) => `${r.status} ${r.path}`);
  expect(answers.some((a) => /^(?:404 \/api\/v1\/activity\/call\/acti_|200 \/api\/v1\/activity\/call\/$)/.test(a))).toBe(true);
  await page.close();
});

test('with the right organisation\'s key the same page shows its call, and no such message', async () => {
  const popup = await harness.context.newPage();
  await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Disconnect' }).click();
  await popup.getByLabel('API key').waitFor();
  await popup.close();
  await harness.connect(DEMO.apiKey);
  const page = await harness.leadPage(DEMO.leads.acme.id);
  await page.getByRole('button', { name: 'Quick edit call' }).click();
  const dialog = page.getByRole('dialog', { name: /call/i });
  await expect.poll(() => boxText(dialog.getByLabel('Note'))).toContain('Great call with Wile E.');
  expect(await boldTexts(dialog.getByLabel('Note'))).toEqual(['Wile E.']);
  expect(await dialog.getByText('Close found no call').count()).toBe(0);
  await page.close();
});
