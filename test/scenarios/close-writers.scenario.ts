import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DEMO, seedDemoData } from '../close-stand-in/index.mjs';
import { BROWSER, startDriver, type Driver } from '../drivers';
import { PANEL, apiRequests, openPanel, pickOutcome, sleep } from './ui';

// Issue 14 point 3, "Close's own writers", and its bad input: the conflict alert says who changed
// what and when from Close's event log (a colleague by name, "Close" for its own writes, "another
// app" for another key, "changed in Close" when the log cannot say); Append mine puts the rep's
// text after a template; a call in progress is marked, and a save of its note waits until Close
// reports the call ended.

let driver: Driver;
beforeAll(async () => {
  driver = await startDriver();
  await driver.connect();
});
afterAll(() => driver?.close());
beforeEach(() => driver.standIn.reset(seedDemoData({ closeAsItIs: true })));

const REAL = DEMO.closeAsItIs;
const globex = DEMO.calls.globexPlainNote;
const puts = () => apiRequests(driver.standIn, 'PUT');
const stored = (id: string) => driver.standIn.state.calls.get(id)!;
const alertText = async (tab: Awaited<ReturnType<typeof openPanel>>) => (await tab.get(PANEL.alert).text()) ?? '';
const button = (name: string) => ({ role: 'button', name, in: 'panel' as const });
/** A colleague changes the note in Close's web app: their user, no API key. */
const colleagueWrites = (note: string) =>
  driver.standIn.closeWrites.write(globex.id, { note, note_html: `<body><p>${note}</p></body>` }, DEMO.colleague.id);

test(`${BROWSER}: a colleague edited the note meanwhile: the alert names them, the field and the time; nothing was sent`, async () => {
  const tab = await openPanel(driver, DEMO.leads.globex.id);
  colleagueWrites('Sam: contract signed!');
  await tab.get(PANEL.note).fill('Mine: send the invoice');
  await tab.get(PANEL.save).click();
  await expect.poll(() => alertText(tab)).toMatch(/Sam Okafor changed the note at \d{1,2}:\d{2}/);
  expect(await alertText(tab)).not.toMatch(/outcome at/);
  expect(puts()).toEqual([]);
  await tab.close();
});

test(`${BROWSER}: Close's template note after hang-up: the alert says "Close"; Append mine sends the template, then the rep's text; Close AI's outcome stays`, async () => {
  const call = REAL.liveCalls.inProgress;
  const template = REAL.hangUp.templateNoteHtml;
  // The rep types during the call; Close ends it and writes its template and outcome after the
  // panel has the call (on a slow machine a timer started before the panel opened beat it).
  const tab = await openPanel(driver, REAL.liveLead.id);
  await tab.get(PANEL.note).fill('Gavin wants a demo next week');
  driver.standIn.closeWrites.hangUp(call.id, { templateNoteHtml: template, templateAfterMs: 500, aiOutcomeId: DEMO.outcomes.interested.id, aiOutcomeAfterMs: 500 });
  await expect.poll(() => stored(call.id).note_html, { timeout: 10_000 }).toContain('Call summary');
  await expect.poll(() => stored(call.id).outcome_id, { timeout: 10_000 }).toBe(DEMO.outcomes.interested.id);
  await tab.get(PANEL.save).click();
  await expect.poll(() => alertText(tab)).toMatch(/Close changed the note by itself at/);
  // The AI's outcome is a field the rep did not touch: not part of the conflict.
  expect(await alertText(tab)).not.toMatch(/the outcome/);
  await tab.get(button('Append mine')).click();
  await expect.poll(() => tab.get(PANEL.status).text()).toBe('Saved');
  const [put] = puts();
  expect(puts()).toHaveLength(1);
  expect(Object.keys(put!.body as object)).toEqual(['note_html']);
  const html = (put!.body as { note_html: string }).note_html;
  expect(html.indexOf('Call summary')).toBeGreaterThanOrEqual(0);
  expect(html.indexOf('Gavin wants a demo next week')).toBeGreaterThan(html.indexOf('Next steps:'));
  expect(stored(call.id).outcome_id).toBe(DEMO.outcomes.interested.id);
  await tab.close();
}, 40_000);

test(`${BROWSER}: another app changed the outcome while the rep changed it: "Another app"; our own key is never named`, async () => {
  const tab = await openPanel(driver, DEMO.leads.globex.id);
  const other = driver.standIn.asClient({
    apiKey: DEMO.colleagueApiKey, method: 'PUT', path: `/activity/call/${globex.id}/`, body: { outcome_id: DEMO.outcomes.notInterested.id },
  });
  expect(other.status).toBe(200);
  await pickOutcome(tab, 'Interested');
  await tab.get(PANEL.save).click();
  await expect.poll(() => alertText(tab)).toMatch(/Another app changed the outcome at/);
  expect(await alertText(tab)).not.toMatch(/Sam Okafor|note at/);
  expect(puts()).toEqual([]);
  // Keep mine: our own save is in the log now, and a later conflict does not report it.
  await tab.get(button('Keep mine')).click();
  await expect.poll(() => tab.get(PANEL.status).text()).toBe('Saved');
  colleagueWrites('Sam: they changed their mind');
  await pickOutcome(tab, 'Meeting booked');
  await tab.get(PANEL.note).fill('Mine again');
  await tab.get(PANEL.save).click();
  await expect.poll(() => alertText(tab)).toMatch(/Sam Okafor changed the note at/);
  expect(await alertText(tab)).not.toMatch(/Another app/);
  await tab.close();
}, 40_000);

test(`${BROWSER}: an event log that is forbidden (403) or empty: the alert still works and says "Changed in Close", no name`, async () => {
  const tab = await openPanel(driver, DEMO.leads.globex.id);
  driver.standIn.faults.add({ path: '/api/v1/event/', kind: '403' });
  colleagueWrites('Sam: first');
  await tab.get(PANEL.note).fill('Mine: first');
  await tab.get(PANEL.save).click();
  await expect.poll(() => alertText(tab)).toMatch(/Changed in Close at \d{1,2}:\d{2}.*: the note\./);
  expect(await alertText(tab)).not.toMatch(/Sam Okafor|colleague|Another app|Close changed/);
  expect(apiRequests(driver.standIn).filter((r) => r.path === '/api/v1/event/').map((r) => r.status)).toEqual([403]);
  await tab.get(button('Use theirs')).click();
  await expect.poll(() => tab.get(PANEL.note).value()).toBe('Sam: first');

  // Changed behind the event log's back (nothing logged): the log answers, empty.
  const call = stored(globex.id);
  Object.assign(call, { note: 'Changed, not logged', note_html: '<body><p>Changed, not logged</p></body>', date_updated: new Date(Date.now() + 1000).toISOString() });
  await tab.get(PANEL.note).fill('Mine: second');
  await tab.get(PANEL.save).click();
  await expect.poll(() => alertText(tab)).toMatch(/Changed in Close at .*: the note\./);
  expect(await alertText(tab)).not.toMatch(/Sam|Another app|Close changed/);
  expect(puts()).toEqual([]);
  await tab.close();
}, 40_000);

test(`${BROWSER}: a call in progress is marked; its note save waits, visibly, until Close says the call ended, then goes`, async () => {
  const call = REAL.liveCalls.inProgress;
  driver.standIn.closeWrites.autosave(call.id, 'Gavin: budget ok');
  const tab = await openPanel(driver, REAL.liveLead.id);
  await expect.poll(() => tab.get(PANEL.dialog).text()).toMatch(/This call is still in progress in Close/);
  await tab.get(PANEL.note).fill('Gavin: budget ok, demo on Tuesday');
  await tab.get(PANEL.save).click();
  await expect.poll(() => alertText(tab)).toMatch(/^Waiting for the call to end in Close before saving the note — checking again in \d+ s\./);
  await sleep(3_000);
  expect(puts()).toEqual([]);
  const endedAt = Date.now();
  driver.standIn.closeWrites.hangUp(call.id);
  await expect.poll(() => tab.get(PANEL.status).text(), { timeout: 20_000 }).toBe('Saved');
  expect(puts().map((r) => r.body)).toEqual([{ note: 'Gavin: budget ok, demo on Tuesday' }]);
  expect(puts()[0]!.time).toBeGreaterThanOrEqual(endedAt);
  expect(stored(call.id)).toMatchObject({ status: 'completed', note: 'Gavin: budget ok, demo on Tuesday' });
  // Ended: no longer marked.
  expect(await tab.get(PANEL.dialog).text()).not.toMatch(/still in progress/);
  await tab.close();
}, 40_000);
