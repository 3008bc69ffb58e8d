import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { apiRequests, basicAuth, startFirefoxHarness, type FirefoxHarness } from './harness';
import { PANEL, click, fill, find, isFocused, pickOutcome, textOf, valueOf } from './ui';

let harness: FirefoxHarness;
beforeAll(async () => {
  harness = await startFirefoxHarness();
  await harness.connect();
});
afterAll(() => harness?.close());
beforeEach(() => {
  harness.standIn.reset();
});

type LoggedRequest = { method: string; path: string; headers: Record<string, string>; body: unknown };
const puts = () => apiRequests(harness.standIn, 'PUT') as LoggedRequest[];

async function openPanel(leadId: string) {
  const page = await harness.leadPage(leadId);
  await click(page, PANEL.launcher);
  await find(page, PANEL.dialog);
  await find(page, PANEL.note);
  return page;
}

test('the panel shows the lead’s most recent call; a changed note and outcome are saved with exactly those fields', async () => {
  const call = DEMO.calls.globexPlainNote;
  const page = await openPanel(DEMO.leads.globex.id);
  await expect.poll(() => valueOf(page, PANEL.call)).toBe(call.id);
  await expect.poll(() => valueOf(page, PANEL.note)).toBe(call.note);
  expect(await valueOf(page, PANEL.outcome)).toBe('No outcome');
  expect(await isFocused(page, PANEL.note)).toBe(true);

  const note = `${call.note}\nFollow-up: <b>send</b> the contract & the invoice.`;
  await fill(page, PANEL.note, note);
  await pickOutcome(page, 'Interested');
  expect(await valueOf(page, PANEL.outcome)).toBe('Interested');
  expect(await valueOf(page, PANEL.note)).toBe(note);
  expect(puts()).toHaveLength(0); // nothing is sent before Save
  await click(page, PANEL.save);
  await expect.poll(() => textOf(page, PANEL.status)).toBe('Saved');

  expect(puts()).toHaveLength(1);
  const put = puts()[0]!;
  expect(put.path).toBe(`/api/v1/activity/call/${call.id}/`);
  expect(put.headers.authorization).toBe(basicAuth(DEMO.apiKey));
  expect(put.headers['content-type']).toMatch(/^application\/json/);
  expect(put.body).toEqual({ note, outcome_id: DEMO.outcomes.interested.id });
  const stored = harness.standIn.state.calls.get(call.id)!;
  expect(stored.note).toBe(note);
  expect(stored.note_html).toContain('&lt;b&gt;send&lt;/b&gt;');
  await page.close();
});

test('a rich-text note keeps its formatting when the rep adds to it, and the rep’s text is escaped', async () => {
  const call = DEMO.calls.acmeRichNote;
  const page = await openPanel(DEMO.leads.acme.id);
  await expect.poll(() => valueOf(page, PANEL.note)).toContain('Great call with **Wile E.**');
  const note = await find(page, PANEL.note);
  await note.evaluate((el) => (el as HTMLTextAreaElement).setSelectionRange((el as HTMLTextAreaElement).value.length, (el as HTMLTextAreaElement).value.length));
  await note.type('\nCalled back: <img src=x onerror=alert(1)> ok');
  await click(page, PANEL.save);
  await expect.poll(() => textOf(page, PANEL.status)).toBe('Saved');

  const put = puts()[0]!;
  expect(Object.keys(put.body as object)).toEqual(['note_html']);
  const html = (put.body as { note_html: string }).note_html;
  expect(html).toContain('<strong>Wile E.</strong>');
  expect(html).toContain('<em>Q1 anvil</em>');
  expect(html).toContain('<ul><li>Send pricing for 50 units</li><li>Book a demo with their ops team</li></ul>');
  expect(html).toContain('<p>Called back: &lt;img src=x onerror=alert(1)&gt; ok</p>');
  expect(html).not.toContain('<img');
  const stored = harness.standIn.state.calls.get(call.id)!;
  expect(stored.note_html).toContain('<strong>Wile E.</strong>');
  expect(stored.recording_deleted).toBe(false);
  await page.close();
});

test('an outcome-only change sends only outcome_id, saved with Ctrl+Enter; a recorded call keeps its recording', async () => {
  const call = DEMO.calls.acmeRecorded;
  const page = await openPanel(DEMO.leads.acme.id);
  // Real key presses: a script's select() makes an untrusted change, which the panel ignores (issue 13).
  const picker = await find(page, PANEL.call);
  const values = await picker.evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.value));
  await picker.focus();
  for (let at = values.indexOf(await picker.evaluate((el) => (el as HTMLSelectElement).value)); at < values.indexOf(call.id); at++)
    await page.keyboard.press('ArrowDown');
  await expect.poll(() => picker.evaluate((el) => (el as HTMLSelectElement).value)).toBe(call.id);
  await expect.poll(() => valueOf(page, PANEL.note)).toContain('Left details with reception.');
  await pickOutcome(page, 'Meeting booked');
  await (await find(page, PANEL.note)).focus();
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
  await expect.poll(() => textOf(page, PANEL.status)).toBe('Saved');
  const put = puts()[0]!;
  expect(put.path).toBe(`/api/v1/activity/call/${call.id}/`);
  expect(put.body).toEqual({ outcome_id: DEMO.outcomes.meetingBooked.id });
  const stored = harness.standIn.state.calls.get(call.id)!;
  expect(stored.recording_url).toBe(call.recording_url);
  expect(stored.recording_deleted).toBe(false);
  await page.close();
});
