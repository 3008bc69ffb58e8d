// The XSS corpus in real Chromium against the production build (issue 5), on both paths:
// read (the payload is a call's note_html in the stand-in, the panel shows it, the rep adds a
// line and saves) and write (the rep types the payload, saves, reopens the panel). Executions
// are looked for in the page's main world, in the content script's isolated world, in the DOM
// both share, in the stand-in's request log and in the browser's own request events.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { XSS_BEACON_PATH, XSS_PAYLOADS, xssScript } from '../fixtures/xss-payloads';
import { unsafeHtmlViolations } from '../fixtures/safe-html';
import { boxText, toEnd } from './note-box';
import { base62 } from '../unit/helpers';
import { apiRequests, startHarness, type Harness } from './harness';
import { XSS_HOOK, contentScriptWorld, type IsolatedWorld } from './security-worlds';
import { chooseCall } from './choose-call';

let harness: Harness;
const browserRequests: string[] = [];
const dialogs: string[] = [];

const READ_LEAD = `lead_${base62(43, 9001)}`;
const WRITE_LEAD = `lead_${base62(43, 9002)}`;
const readCallId = (n: number) => `acti_${base62(43, 9100 + n)}`;
const PLAIN_CALL = `acti_${base62(43, 9003)}`;
const RICH_CALL = `acti_${base62(43, 9004)}`;
const RICH_HTML = '<body><p>Agreed on <strong>pricing</strong>.</p></body>';

/** A lead and its calls, added to the stand-in's state as Close would hold them. */
function addLead(id: string, calls: { id: string; note: string; note_html: string }[]) {
  const { state } = harness.standIn;
  const template = state.leads.get(DEMO.leads.initech.id)!;
  state.leads.set(id, { ...structuredClone(template), id, html_url: `https://app.close.com/lead/${id}/` });
  const base = state.calls.get(DEMO.calls.initechPlainNote.id)!;
  calls.forEach((call, i) => {
    const at = new Date(Date.UTC(2026, 10, 20, 12, 0) - i * 60_000).toISOString();
    state.calls.set(call.id, { ...structuredClone(base), ...call, lead_id: id, activity_at: at, date_created: at, date_updated: at, outcome_id: null });
  });
}

beforeAll(async () => {
  harness = await startHarness();
  await harness.connect();
  await harness.context.addInitScript(XSS_HOOK);
  harness.context.on('request', (request) => void browserRequests.push(request.url()));
  harness.context.on('page', (page) => page.on('dialog', (dialog) => void (dialogs.push(dialog.message()), dialog.dismiss())));
  addLead(
    READ_LEAD,
    XSS_PAYLOADS.map((payload, i) => ({
      id: readCallId(i + 1),
      note: `XSS test ${i + 1}`,
      // The marker first: some payloads leave tags open that swallow what follows.
      note_html: `<body><p>start-${i + 1}</p>${payload.html(xssScript(i + 1))}</body>`,
    })),
  );
  addLead(WRITE_LEAD, [
    { id: PLAIN_CALL, note: 'Plain note', note_html: '<body><p>Plain note</p></body>' },
    { id: RICH_CALL, note: 'Agreed on pricing.', note_html: RICH_HTML },
  ]);
});
afterAll(() => harness?.close());

const puts = () => apiRequests(harness.standIn, 'PUT') as { path: string; body: Record<string, string> }[];

async function openPanel(page: Page) {
  await page.getByRole('button', { name: 'Quick edit call' }).click();
  const dialog = page.getByRole('dialog', { name: /call/i });
  await dialog.getByLabel('Note').waitFor();
  return dialog;
}

const saved = (page: Page) => expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Saved/);

/** Every sign of an execution, from every place one could show. */
async function executions(page: Page, world: IsolatedWorld) {
  return {
    mainWorld: await page.evaluate(() => (globalThis as unknown as { __xssHits?: number[] }).__xssHits ?? []),
    contentScriptWorld: await world.evaluate<number[]>('globalThis.__xssHits ?? []'),
    domMarks: await page.evaluate(() => Object.keys(document.documentElement.dataset).filter((k) => k.startsWith('xss'))),
    standInLog: harness.standIn.requests.filter((r: { path: string }) => r.path.startsWith(XSS_BEACON_PATH)).map((r: { path: string }) => r.path),
    browserRequests: browserRequests.filter((url) => url.includes(XSS_BEACON_PATH)),
    dialogs: [...dialogs],
  };
}
const NONE = { mainWorld: [], contentScriptWorld: [], domMarks: [], standInLog: [], browserRequests: [], dialogs: [] };

test('the detectors see an execution in either world', async () => {
  const page = await harness.leadPage(WRITE_LEAD);
  const world = await contentScriptWorld(harness.context, page, harness.extensionId);
  await world.evaluate(XSS_HOOK);
  await page.evaluate((js) => document.body.insertAdjacentHTML('beforeend', `<img src=x onerror="${js}">`), xssScript(0));
  await world.evaluate('__xss(0)');
  await expect.poll(async () => (await executions(page, world)).standInLog).toEqual([`${XSS_BEACON_PATH}0`]);
  const seen = await executions(page, world);
  expect(seen.mainWorld).toEqual([0]);
  expect(seen.contentScriptWorld).toEqual([0]);
  expect(seen.domMarks).toEqual(['xss0']);
  expect(seen.browserRequests).toHaveLength(1);
  // Clean slate for the real tests.
  harness.standIn.requests.length = 0;
  browserRequests.length = 0;
  await world.detach();
  await page.close();
});

test(`read path: ${XSS_PAYLOADS.length} payloads in Close's note_html, shown and resent: nothing runs`, async () => {
  const page = await harness.leadPage(READ_LEAD);
  const world = await contentScriptWorld(harness.context, page, harness.extensionId);
  await world.evaluate(XSS_HOOK);
  const dialog = await openPanel(page);
  const note = dialog.getByLabel('Note');

  for (const [i] of XSS_PAYLOADS.entries()) {
    const n = i + 1;
    await chooseCall(dialog, readCallId(n));
    await expect.poll(() => boxText(note), { message: `payload ${n}` }).toMatch(new RegExp(`^start-${n}(?:\\n|$)`));
    await toEnd(note);
    await note.press('Enter');
    await page.keyboard.insertText(`Checked ${n}`);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await saved(page);
    const put = puts().at(-1)!;
    expect(put.path).toBe(`/api/v1/activity/call/${readCallId(n)}/`);
    if (put.body.note_html !== undefined)
      expect(await page.evaluate(unsafeHtmlViolations, put.body.note_html), `payload ${n}: ${XSS_PAYLOADS[i]!.name}`).toEqual([]);
    else expect(put.body.note).toMatch(new RegExp(`Checked ${n}$`));
  }
  expect(puts()).toHaveLength(XSS_PAYLOADS.length);

  await page.waitForTimeout(1_000); // error events, animations, autofocus
  expect(await executions(page, world)).toEqual(NONE);
  console.log(`XSS read path: ${XSS_PAYLOADS.length} payloads, 0 executions`);
  await world.detach();
  await page.close();
}, 360_000);

test(`write path: ${XSS_PAYLOADS.length} payloads typed by the rep, saved, panel reopened: the same text, nothing runs`, async () => {
  const page = await harness.leadPage(WRITE_LEAD);
  const world = await contentScriptWorld(harness.context, page, harness.extensionId);
  await world.evaluate(XSS_HOOK);
  const before = puts().length;
  const shown = new Map([
    [PLAIN_CALL, 'Plain note'],
    [RICH_CALL, 'Agreed on pricing.'],
  ]);

  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    const n = 100 + i + 1;
    const rich = i % 2 === 1; // both ways a note is sent: `note` and, for a rich note, `note_html`
    const call = rich ? RICH_CALL : PLAIN_CALL;
    const typed = payload.html(xssScript(n));
    // A rich note gets the payload as a new line; a plain one is replaced by it.
    const expected = rich ? `${shown.get(call)}\n${typed}` : typed;
    let dialog = await openPanel(page);
    await chooseCall(dialog, call);
    // The panel has switched to this call before the rep types.
    const box = dialog.getByLabel('Note');
    await expect.poll(() => boxText(box)).toBe(shown.get(call));
    if (rich) {
      await toEnd(box);
      await box.press('Enter');
    } else {
      await box.focus();
      await box.press('Control+a');
    }
    await page.keyboard.insertText(typed);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await saved(page);
    await dialog.getByLabel('Note').press('Escape');
    await dialog.waitFor({ state: 'detached' });

    dialog = await openPanel(page);
    await chooseCall(dialog, call);
    await expect.poll(() => boxText(dialog.getByLabel('Note')), { message: `payload ${n}` }).toBe(expected);
    shown.set(call, expected);
    await dialog.getByLabel('Note').press('Escape');
    await dialog.waitFor({ state: 'detached' });

    const put = puts().at(-1)!;
    if (rich) {
      expect(Object.keys(put.body)).toEqual(['note_html']);
      expect(await page.evaluate(unsafeHtmlViolations, put.body.note_html!), `payload ${n}`).toEqual([]);
    } else {
      expect(put.body).toEqual({ note: typed });
    }
  }
  expect(puts().length - before).toBe(XSS_PAYLOADS.length);
  await page.waitForTimeout(1_000);
  expect(await executions(page, world)).toEqual(NONE);

  // And once more after a reload, from a fresh content script.
  await world.detach();
  await page.reload();
  const fresh = await contentScriptWorld(harness.context, page, harness.extensionId);
  await fresh.evaluate(XSS_HOOK);
  const dialog = await openPanel(page);
  await expect.poll(() => boxText(dialog.getByLabel('Note'))).toBe(XSS_PAYLOADS.at(-1)!.html(xssScript(100 + XSS_PAYLOADS.length)));
  await page.waitForTimeout(1_000);
  expect(await executions(page, fresh)).toEqual(NONE);
  console.log(`XSS write path: ${XSS_PAYLOADS.length} payloads, 0 executions`);
  await fresh.detach();
  await page.close();
}, 420_000);
