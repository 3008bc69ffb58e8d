import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { startDriver, type Driver } from '../drivers';
import { PANEL, apiRequests, openPanel } from './ui';

// Issue 14 point 5 and issue 15: Close answering 429 or 5xx. Repeated 429s are waited out as
// Close asks, the wait shown, and the save lands by itself; a 503 is Close's trouble (never
// "back online"), counted down, and Retry now sends it before the wait would have ended.

let driver: Driver;
beforeAll(async () => {
  driver = await startDriver();
  await driver.connect();
});
afterAll(() => driver?.close());
beforeEach(() => driver.standIn.reset());

const puts = () => apiRequests(driver.standIn, 'PUT');
const RETRYING = /^Close is having trouble — retrying in \d+ s\. Your text is kept; nothing to do\.$/;

test('429 six times in a row with headers only: waited out exactly each time, the wait shown, and the save lands by itself', async () => {
  const call = DEMO.calls.globexPlainNote;
  // RateLimit's reset (1.5 s) comes before Retry-After (2 s); no body at all.
  driver.standIn.faults.add({ kind: '429-headers', method: 'PUT', times: 6, rateReset: 1.5 });
  const tab = await openPanel(driver, DEMO.leads.globex.id);
  await tab.get(PANEL.note).fill('Through the rate limit');
  await tab.get(PANEL.save).click();
  await expect.poll(() => tab.get(PANEL.alert).text(), { timeout: 10_000 }).toMatch(RETRYING);
  await expect.poll(() => tab.get(PANEL.status).text(), { timeout: 45_000 }).toBe('Saved');
  expect(puts().map((r) => r.status)).toEqual([429, 429, 429, 429, 429, 429, 200]);
  // Never sooner than Close asked (1.5 s); nothing pressed Save again.
  const times = puts().map((r) => r.time);
  for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1500);
  expect(driver.standIn.state.calls.get(call.id)!.note).toBe('Through the rate limit');
  await tab.close();
}, 60_000);

test('503 until told: “Close is having trouble — retrying in N s”, and Retry now saves it before the wait ends, focus kept', async () => {
  const call = DEMO.calls.initechRichNote;
  const stop = driver.standIn.faults.add({ kind: '503', method: 'PUT', times: Infinity });
  const tab = await openPanel(driver, DEMO.leads.initech.id);
  await tab.get(PANEL.note).typeAtEnd(' Retried now');
  await tab.get(PANEL.save).click();
  await expect.poll(() => tab.get(PANEL.alert).text(), { timeout: 10_000 }).toMatch(RETRYING);
  expect(await tab.get(PANEL.alert).text()).not.toMatch(/online/i);
  // The short retries are over: held for 30 s in the outbox (an alarm). Close is fine again.
  const held = async () => ((await driver.storage()).outbox as { wait?: { reason: string; until: number } }[] | undefined)?.[0]?.wait;
  await expect.poll(async () => (await held())?.reason, { timeout: 30_000 }).toBe('server');
  const until = (await held())!.until;
  await expect.poll(() => tab.get(PANEL.alert).text()).toMatch(RETRYING);
  expect(await tab.get(PANEL.alert).text()).not.toMatch(/online/i);
  stop();
  const tried = puts().length;
  await tab.get({ role: 'button', name: 'Retry now', in: 'panel' }).click();
  await expect.poll(() => tab.get(PANEL.status).text(), { timeout: 20_000 }).toBe('Saved');
  const sent = puts().slice(tried);
  expect(sent.map((r) => r.status)).toEqual([200]);
  expect(sent[0]!.time).toBeLessThan(until);
  expect(driver.standIn.state.calls.get(call.id)!.note).toContain('Retried now');
  // The button went away under the pointer: focus stayed in the panel, on the Note box.
  await expect.poll(() => tab.get(PANEL.note).isFocused()).toBe(true);
  await tab.close();
}, 60_000);
