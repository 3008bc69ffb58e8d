// A script in app.close.com's main world (an XSS in Close, another extension's injected code)
// throws everything it can at us (issue 5): window messages in every shape our protocol has,
// DOM and custom events on the page and into our shadow root, direct extension messaging,
// guessed extension URLs, polluted prototypes. None of it may make a request to Close, make our
// content script talk to the background, or touch the stored key.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO } from '../close-stand-in/demo-data.mjs';
import { isCallsToLogRefresh } from '../scenarios/ui';
import { apiRequests, extensionStorage, startHarness, type Harness } from './harness';
import { recordMessages } from './security-recorder';
import { contentScriptWorld } from './security-worlds';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await harness.connect();
});
afterAll(() => harness?.close());

const JOB = '6f1c2a4e-8b1d-4c2e-9f3a-1b2c3d4e5f60';

/** Runs in the page's main world. Returns what each attempt observed, for the report. */
function attack({ extensionId, callId, leadId, outcomeId, job }: { extensionId: string; callId: string; leadId: string; outcomeId: string; job: string }) {
  const notes: string[] = [];
  const protocol = [
    { type: 'panel.open' },
    { type: 'panel.load', leadId },
    { type: 'panel.load', callId },
    { type: 'call.save', jobId: job, callId, changes: { note: 'pwned', outcome_id: outcomeId }, base: null },
    { type: 'call.update', callId, changes: { note: 'pwned' } },
    { type: 'save.status', jobId: job },
    { type: 'outbox.cancel', jobId: job },
    { type: 'outbox.list' },
    { type: 'settings.open' },
    { type: 'key.set', apiKey: 'api_attacker0000000000.0000000000000000' },
    { type: 'key.status' },
    { type: 'key.clear' },
    { type: 'fetch', url: 'https://api.close.com/api/v1/me/' },
    { type: 'save.result', jobId: job, callId, result: { state: 'saved', call: {} } },
    { type: 'save.progress', jobId: job, callId, reason: 'offline', seconds: 1 },
  ];
  const shapes = protocol.flatMap((m) => [
    m,
    { ...m, id: extensionId },
    { message: m, extensionId },
    { source: 'close-quick-edit', payload: m },
    { data: m, sender: { id: extensionId, url: location.href, tab: { id: 1 }, frameId: 0 } },
    JSON.stringify(m),
  ]);

  // 1. window.postMessage, in every shape, to every window we can reach.
  for (const shape of shapes) {
    window.postMessage(shape, '*');
    window.top?.postMessage(shape, '*');
  }
  // …and from a same-origin iframe.
  const frame = document.createElement('iframe');
  frame.srcdoc = '<p>frame</p>';
  document.body.append(frame);
  for (const shape of shapes) frame.contentWindow?.postMessage(shape, '*');
  for (const shape of shapes) frame.contentWindow?.parent.postMessage(shape, '*');

  // 2. Events on the page, with our protocol as their detail, under every name we might use.
  const names = [
    'message', 'panel.open', 'panel.load', 'call.save', 'open', 'quick-edit', 'close-quick-edit', 'save',
    `${extensionId}:close:wxt:locationchange`, `${extensionId}:quick-edit-panel:wxt:locationchange`,
    'wxt:locationchange', 'wxt:content-script-started', 'locationchange', 'popstate', 'hashchange',
  ];
  for (const target of [window, document, document.body, document.documentElement])
    for (const name of names) for (const m of protocol) target.dispatchEvent(new CustomEvent(name, { detail: m, bubbles: true, composed: true }));

  // 3. Into our shadow root: our host, its container, the launcher; keys our panel and the command use.
  const host = document.querySelector('close-quick-edit');
  const root = host?.shadowRoot;
  notes.push(`shadow root reachable: ${!!root}`);
  const inside = [host, root, ...(root ? [...root.querySelectorAll('*')] : [])].filter(Boolean) as EventTarget[];
  const keys = [
    { key: 'K', code: 'KeyK', altKey: true, shiftKey: true },
    { key: 'Enter', code: 'Enter', ctrlKey: true },
    { key: 'Enter', code: 'Enter', metaKey: true },
    { key: 'Escape', code: 'Escape' },
  ];
  for (const target of inside) {
    for (const init of keys) {
      for (const type of ['keydown', 'keyup', 'keypress'])
        target.dispatchEvent(new KeyboardEvent(type, { ...init, bubbles: true, composed: true }));
    }
    for (const name of names) for (const m of protocol) target.dispatchEvent(new CustomEvent(name, { detail: m, bubbles: true, composed: true }));
    for (const type of ['submit', 'input', 'change'])
      target.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
    target.dispatchEvent(new MessageEvent('message', { data: protocol[3], origin: `chrome-extension://${extensionId}` }));
  }
  for (const init of keys) document.dispatchEvent(new KeyboardEvent('keydown', { ...init, bubbles: true }));

  // 4. The extension's own messaging, from a web page (there is no externally_connectable).
  const chromeApi = (window as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown; connect?: (...a: unknown[]) => unknown } } }).chrome;
  for (const call of [
    () => chromeApi?.runtime?.sendMessage?.(extensionId, protocol[3]),
    () => chromeApi?.runtime?.sendMessage?.(extensionId, protocol[9]),
    () => chromeApi?.runtime?.connect?.(extensionId),
  ]) {
    try {
      const result = call();
      notes.push(`runtime call returned ${typeof result}`);
    } catch (error) {
      notes.push(`runtime call threw: ${String(error).slice(0, 80)}`);
    }
  }

  // 5. The panel's code and our pages, at their static URLs.
  for (const path of ['quick-edit-panel.js', 'popup.html', 'options.html', 'background.js'])
    void fetch(`chrome-extension://${extensionId}/${path}`).then(
      () => notes.push(`fetched ${path}`),
      () => undefined,
    );

  // 6. Polluted prototypes and a forged panel handshake, in this world only.
  Object.assign(Object.prototype, { type: 'key.clear', apiKey: 'x', callId, jobId: job });
  (globalThis as Record<symbol, unknown>)[Symbol.for('close-quick-edit.panel')] = () => {
    fetch('https://api.close.com/__hijacked/');
  };
  return notes;
}

/**
 * What reached Close but our own Calls to log refresh: a Close tab that loads asks for the badge,
 * which is read again when the last read is over a minute old (late in a slow run). Anything a
 * page script set off would ask for a lead's calls, a call, or a save, and stays in.
 */
const askedOfClose = () => apiRequests(harness.standIn).filter((r: { path: string; query?: Record<string, string> }) => !isCallsToLogRefresh(r));

test('a hostile script in Close\'s page gets no request to Close, no message to the background, no key', async () => {
  const call = DEMO.calls.acmeRichNote;
  const page = await harness.leadPage(DEMO.leads.acme.id);
  await page.getByRole('button', { name: 'Quick edit call' }).waitFor();
  const world = await contentScriptWorld(harness.context, page, harness.extensionId);
  const recorder = await recordMessages(world);
  const storedBefore = await extensionStorage(harness);
  harness.standIn.requests.length = 0;
  const dialogs: string[] = [];
  page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));

  const notes = await page.evaluate(attack, {
    extensionId: harness.extensionId,
    callId: call.id,
    leadId: DEMO.leads.acme.id,
    outcomeId: DEMO.outcomes.interested.id,
    job: JOB,
  });
  await page.waitForTimeout(2_000); // anything the attack set off has had time to happen

  expect(notes).toContain('shadow root reachable: true'); // the attack did reach our UI
  expect(notes.filter((n) => n.startsWith('fetched'))).toEqual([]);
  expect(askedOfClose()).toEqual([]);
  expect(await recorder.all()).toEqual([]);
  expect(await page.getByRole('dialog').count()).toBe(0);
  expect(await extensionStorage(harness)).toEqual(storedBefore);
  expect(dialogs).toEqual([]);
  expect(harness.standIn.state.calls.get(call.id)!.note_html).toBe(call.note_html);
  // The prototype pollution stayed in the page's world.
  expect(await world.evaluate<unknown>('({}).type')).toBeUndefined();

  // The detectors work: the rep's own click does reach Close and the recorder.
  await page.getByRole('button', { name: 'Quick edit call' }).click();
  await page.getByRole('dialog', { name: /call/i }).getByLabel('Note').waitFor();
  await expect.poll(() => apiRequests(harness.standIn).length).toBeGreaterThan(0);
  const recorded = await recorder.all();
  expect(recorded.filter((r) => r.direction === 'sent').map((r) => (r.message as { type: string }).type)).toContain('panel.load');
  expect(recorded.some((r) => r.direction === 'reply')).toBe(true);
  expect(apiRequests(harness.standIn).filter((r: { path: string }) => r.path.includes('__hijacked'))).toEqual([]);
  await world.detach();
  await page.close();
});

test('the panel\'s script cannot be loaded by the page at a guessed URL', async () => {
  const page = await harness.leadPage(DEMO.leads.acme.id);
  await page.getByRole('button', { name: 'Quick edit call' }).waitFor();
  const loaded = await page.evaluate(async (id) => {
    const results: string[] = [];
    for (const url of [`chrome-extension://${id}/quick-edit-panel.js`, `chrome-extension://${id}/background.js`]) {
      results.push(
        await new Promise<string>((resolve) => {
          const script = document.createElement('script');
          script.src = url;
          script.onload = () => resolve(`loaded ${url}`);
          script.onerror = () => resolve('blocked');
          document.head.append(script);
        }),
      );
    }
    return results;
  }, harness.extensionId);
  expect(loaded).toEqual(['blocked', 'blocked']);
  await page.close();
});

test('a page that makes our content script stand down (a forged WXT "newer script started") only hides us', async () => {
  // Accepted in SECURITY.md: a page can always remove our element; what matters is that it
  // cannot make the extension act.
  const page = await harness.leadPage(DEMO.leads.acme.id);
  await page.getByRole('button', { name: 'Quick edit call' }).waitFor();
  const world = await contentScriptWorld(harness.context, page, harness.extensionId);
  const recorder = await recordMessages(world);
  harness.standIn.requests.length = 0;
  await page.evaluate((id) => {
    const detail = { contentScriptName: 'close', messageId: 'forged' };
    document.dispatchEvent(new CustomEvent(`${id}:close:wxt:content-script-started`, { detail }));
    window.postMessage({ type: `${id}:close:wxt:content-script-started`, ...detail }, '*');
  }, harness.extensionId);
  await page.waitForTimeout(1_000);
  expect(askedOfClose()).toEqual([]);
  expect(await recorder.all()).toEqual([]);
  await world.detach();
  await page.close();
});
