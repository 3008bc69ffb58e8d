import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startDriver, type Driver } from '../drivers';
import { PANEL, apiRequests, basicAuth, openPanel, pickOutcome, sleep } from './ui';

let driver: Driver;
beforeAll(async () => {
  driver = await startDriver();
  await driver.connect();
});
afterAll(() => driver?.close());
beforeEach(() => {
  driver.standIn.reset();
});

const puts = () => apiRequests(driver.standIn, 'PUT');
const stored = (id: string) => driver.standIn.state.calls.get(id)!;

test('the panel shows the lead’s most recent call; a changed note and outcome are saved with exactly those fields', async () => {
  const call = DEMO.calls.globexPlainNote;
  const tab = await openPanel(driver, DEMO.leads.globex.id);
  await expect.poll(() => tab.get(PANEL.call).value()).toBe(call.id);
  await expect.poll(() => tab.get(PANEL.note).value()).toBe(call.note);
  expect(await tab.get(PANEL.outcome).value()).toBe('No outcome');
  expect(await tab.get(PANEL.note).isFocused()).toBe(true);

  const note = `${call.note}\nFollow-up: <b>send</b> the contract & the invoice.`;
  await tab.get(PANEL.note).fill(note);
  await pickOutcome(tab, 'Interested');
  expect(await tab.get(PANEL.outcome).value()).toBe('Interested');
  expect(await tab.get(PANEL.note).value()).toBe(note);
  expect(puts()).toHaveLength(0); // nothing is sent before Save
  await tab.get(PANEL.save).click();
  await expect.poll(() => tab.get(PANEL.status).text()).toBe('Saved');

  expect(puts()).toHaveLength(1);
  const put = puts()[0]!;
  expect(put.path).toBe(`/api/v1/activity/call/${call.id}/`);
  expect(put.headers.authorization).toBe(basicAuth(DEMO.apiKey));
  expect(put.headers['content-type']).toMatch(/^application\/json/);
  expect(put.body).toEqual({ note, outcome_id: DEMO.outcomes.interested.id });
  expect(stored(call.id).note).toBe(note);
  expect(stored(call.id).note_html).toContain('&lt;b&gt;send&lt;/b&gt;');
  await tab.close();
});

test('a rich-text note keeps its formatting when the rep adds to it, and the rep’s text is escaped', async () => {
  const call = DEMO.calls.acmeRichNote;
  const tab = await openPanel(driver, DEMO.leads.acme.id);
  // Shown formatted, as Close shows it (issue 12): bold, not markers.
  await expect.poll(() => tab.get(PANEL.note).value()).toContain('Great call with Wile E. about the Q1 anvil order.');
  expect(await tab.get(PANEL.note).evaluate((box) => [...box.querySelectorAll('strong')].map((b) => b.textContent))).toEqual(['Wile E.']);
  // The note ends in a list: Enter gives a new item, a second Enter leaves the list, as in Close.
  await tab.get(PANEL.note).typeAtEnd('\n\nCalled back: <img src=x onerror=alert(1)> ok');
  await tab.get(PANEL.save).click();
  await expect.poll(() => tab.get(PANEL.status).text()).toBe('Saved');

  const put = puts()[0]!;
  expect(Object.keys(put.body as object)).toEqual(['note_html']);
  const html = (put.body as { note_html: string }).note_html;
  expect(html).toContain('<strong>Wile E.</strong>');
  expect(html).toContain('<em>Q1 anvil</em>');
  expect(html).toContain('<ul><li>Send pricing for 50 units</li><li>Book a demo with their ops team</li></ul>');
  expect(html).toContain('<p>Called back: &lt;img src=x onerror=alert(1)&gt; ok</p>');
  expect(html).not.toContain('<img');
  expect(stored(call.id).note_html).toContain('<strong>Wile E.</strong>');
  expect(stored(call.id).recording_deleted).toBe(false);
  await tab.close();
});

test('an outcome-only change sends only outcome_id, saved with Ctrl+Enter; a recorded call keeps its recording; Esc gives focus back to the launcher', async () => {
  const call = DEMO.calls.acmeRecorded;
  const tab = await openPanel(driver, DEMO.leads.acme.id);
  await tab.get(PANEL.call).select(call.id);
  await expect.poll(() => tab.get(PANEL.note).value()).toContain('Left details with reception.');
  await pickOutcome(tab, 'Meeting booked');
  await tab.get(PANEL.note).press('Control+Enter');
  await expect.poll(() => tab.get(PANEL.status).text()).toBe('Saved');
  const put = puts()[0]!;
  expect(put.path).toBe(`/api/v1/activity/call/${call.id}/`);
  expect(put.body).toEqual({ outcome_id: DEMO.outcomes.meetingBooked.id });
  expect(stored(call.id).recording_url).toBe(call.recording_url);
  expect(stored(call.id).recording_deleted).toBe(false);

  await tab.get(PANEL.note).press('Escape');
  await expect.poll(() => tab.get(PANEL.dialog).count()).toBe(0);
  await expect.poll(() => tab.get(PANEL.launcher).isFocused()).toBe(true);
  await tab.close();
});

test('an outcome no longer in the list stays visible as "Unknown outcome" and is not sent back', async () => {
  const call = DEMO.calls.acmeDeletedOutcome;
  const tab = await openPanel(driver, DEMO.leads.acme.id);
  await tab.get(PANEL.call).select(call.id);
  await expect.poll(() => tab.get(PANEL.outcome).value()).toBe('Unknown outcome');
  expect(await tab.get(PANEL.outcome).attribute('data-value')).toBe(DEMO.deletedOutcomeId);
  // Meetings-only outcomes are not offered for calls.
  await tab.get(PANEL.outcome).press('ArrowDown');
  await expect.poll(() => tab.get(PANEL.option).count()).toBeGreaterThan(1);
  const offered = await tab.get(PANEL.outcome).evaluate((el) => {
    const list = (el.getRootNode() as ShadowRoot).getElementById(el.getAttribute('aria-controls') ?? '');
    return [...(list?.querySelectorAll('[role="option"]') ?? [])].map((o) => o.textContent ?? '');
  });
  expect(offered).toContainEqual(expect.stringContaining('Unknown outcome'));
  expect(offered).toContainEqual(expect.stringContaining(DEMO.outcomes.interested.name));
  expect(offered.join('\n')).not.toContain(DEMO.outcomes.meetingHeld.name);
  await tab.get(PANEL.outcome).press('Escape');
  await tab.get(PANEL.note).fill('Inbound, asked for pricing.');
  await tab.get(PANEL.save).click();
  await expect.poll(() => tab.get(PANEL.status).text()).toBe('Saved');
  expect(puts()[0]?.body).toEqual({ note: 'Inbound, asked for pricing.' });
  await tab.close();
});

test('a failed save says why in an alert, keeps the text, and the retry saves it', async () => {
  const tab = await openPanel(driver, DEMO.leads.globex.id);
  driver.standIn.faults.add({ method: 'PUT', kind: '500' }); // 503s are retried by themselves
  await tab.get(PANEL.note).fill('Will this survive a failure?');
  await tab.get(PANEL.save).click();
  await expect.poll(() => tab.get(PANEL.alert).text()).toMatch(/Close had a problem on its side/);
  expect(await tab.get(PANEL.note).value()).toBe('Will this survive a failure?');
  expect(await tab.get(PANEL.status).text()).not.toBe('Saved');
  await tab.get(PANEL.tryAgain).click();
  await expect.poll(() => tab.get(PANEL.status).text()).toBe('Saved');
  expect(puts().map((r) => r.body)).toEqual([{ note: 'Will this survive a failure?' }, { note: 'Will this survive a failure?' }]);
  await tab.close();
});

test('validation errors from Close are shown beside the field, in words', async () => {
  const tab = await openPanel(driver, DEMO.leads.globex.id);
  driver.standIn.state.outcomes.delete(DEMO.outcomes.interested.id); // deleted in Close after the panel loaded
  await pickOutcome(tab, 'Interested');
  await tab.get(PANEL.save).click();
  await expect.poll(() => tab.get(PANEL.alert).text()).toMatch(/Close did not accept this change \(Outcome: /);
  await tab.close();
});

test('a script on Close’s page cannot press our buttons: no save, no panel, no discarded draft', async () => {
  const tab = await openPanel(driver, DEMO.leads.globex.id);
  await tab.get(PANEL.note).fill('Typed by the rep, not by the page');
  await tab.evaluate(() => {
    const root = document.querySelector('close-quick-edit')!.shadowRoot!;
    [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Save')!.click();
    root.querySelector('textarea, [role="textbox"]')!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }),
    );
  });
  await sleep(800);
  expect(puts()).toHaveLength(0);
  expect(await tab.get(PANEL.status).text()).not.toBe('Saved');

  await tab.get(PANEL.note).press('Escape');
  await expect.poll(() => tab.get(PANEL.dialog).count()).toBe(0);
  await tab.evaluate(() => {
    const root = document.querySelector('close-quick-edit')!.shadowRoot!;
    [...root.querySelectorAll('button')].find((b) => /Quick edit call/.test(b.textContent ?? ''))!.click();
  });
  await sleep(500);
  expect(await tab.get(PANEL.dialog).count()).toBe(0);
  await tab.close();
});
