// The figures of `npm run bench` (BENCHMARKS.md). Each function returns samples; index.mjs turns
// them into medians, p95s and ratios. Timings are taken in the page or the content script with
// performance.now(), or, where a latency ends at Close, from the page's wall clock to the
// stand-in's (same machine, same clock).
import { installProbes, stampNavigations, watchLauncherFromStart } from './page-probes.mjs';
import { devtools } from './browser.mjs';
import { analyseTrace, recordTrace, scriptStartup } from './trace.mjs';

const APP = 'https://app.close.com';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function benchPage(context, { fromStart = false } = {}) {
  const page = await context.newPage();
  await page.addInitScript(installProbes);
  await page.addInitScript(stampNavigations);
  if (fromStart) await page.addInitScript(watchLauncherFromStart);
  return page;
}

/**
 * Clicks (a real click, through DevTools input) and waits for `check` in the page: the time from
 * the click's own time stamp until the check first held, in page time and on the wall clock.
 */
async function clickAndWait(page, button, check, arg) {
  await page.evaluate(([name, value]) => {
    window.__benchDone = window.__bench.when(name, value);
    window.__bench.armClick();
  }, [check, arg]);
  await button.click();
  return page.evaluate(async () => {
    const t1 = await window.__benchDone;
    const t0 = window.__benchClickAt;
    return { ms: t1 - t0, sentAt: performance.timeOrigin + t0, doneAt: performance.timeOrigin + t1 };
  });
}

/** Clicks the launcher and waits until the rep can type in the panel. */
const openPanel = (page, callId) =>
  clickAndWait(page, page.getByRole('button', { name: 'Quick edit call' }), 'interactive', callId);

async function closePanel(page) {
  await page.keyboard.press('Escape');
  await page.evaluate(() => window.__bench.when('launcher'));
}

/** API requests in a window, counted once stragglers had time to arrive. */
async function requestsBetween(env, from, to, settleMs = 300) {
  await sleep(settleMs);
  return env.apiArrivals(from, to + settleMs);
}

/** How many API requests an action made, and when the first one reached Close. */
async function requestsOf(env, { sentAt, doneAt }) {
  const requests = await requestsBetween(env, sentAt, doneAt);
  return { requests: requests.length, firstRequestMs: requests.length ? requests[0].at - sentAt : NaN };
}

/** Reference: a plain fetch of a lead's calls from an extension page. */
export async function referenceFetch(env, { runs, leadId, auth }) {
  const page = await env.browser.context.newPage();
  await page.goto(`chrome-extension://${env.browser.extensionId}/popup.html`);
  await sleep(300);
  const url = `https://api.close.com/api/v1/activity/call/?lead_id=${leadId}`;
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const { sentAt, rtt } = await page.evaluate(
      async ([u, a]) => {
        const t0 = performance.now();
        const res = await fetch(u, { headers: { authorization: a }, cache: 'no-store' });
        await res.json();
        return { sentAt: performance.timeOrigin + t0, rtt: performance.now() - t0 };
      },
      [url, auth],
    );
    const [arrival] = env.apiArrivals(sentAt - 20);
    samples.push({ rtt, leave: arrival ? arrival.at - sentAt : NaN });
    env.arrivals.length = 0; // nothing else runs meanwhile; keeps the next lookup unambiguous
    await sleep(50);
  }
  await page.close();
  return samples;
}

/** 2. DOMContentLoaded → launcher in the page, and → the first frame painted with it, on a freshly loaded lead page. */
export async function launcherAfterLoad(env, { runs, leads }) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const page = await benchPage(env.browser.context, { fromStart: true });
    await page.goto(`${APP}/lead/${leads[i % leads.length].id}/`);
    const { shown, painted, firstFrame, dcl } = await page.evaluate(async () => ({
      shown: await window.__benchLauncherAt,
      painted: await window.__benchLauncherPainted,
      firstFrame: await window.__benchFirstFrame,
      dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventStart,
    }));
    samples.push({ inPage: shown - dcl, painted: painted - dcl, firstFrame: firstFrame.at - dcl, inFirstFrame: firstFrame.inFrame });
    await page.close();
  }
  return samples;
}

/**
 * 2, host-page side: the main-thread time our content script takes while a lead page loads
 * (traced; thread CPU time of its evaluation and its calls). Also run for the reference hello.
 */
export async function contentScriptStartup(browser, { runs, leadId }) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.context.newPage();
    const tools = await devtools(browser.context, page);
    const events = await recordTrace(tools.cdp, async () => {
      await page.goto(`${APP}/lead/${leadId}/`);
      await sleep(300);
    });
    const startup = scriptStartup(events, { urlPrefix: `chrome-extension://${browser.extensionId}/` });
    if (startup) samples.push(startup);
    await page.close();
  }
  return samples;
}

/**
 * 3. Single-page navigation (Close's own pushState) to another lead with the panel open → the
 * panel shows the new lead's call; and from the inbox to a lead → the launcher is there.
 */
export async function navigation(env, { runs, leads }) {
  const page = await benchPage(env.browser.context);
  await page.goto(`${APP}/lead/${leads[0].id}/`);
  await page.evaluate(() => window.__bench.when('launcher'));
  await openPanel(page, leads[0].latestCallId);
  const panel = [];
  for (let i = 1; i <= runs; i++) {
    const lead = leads[i % leads.length];
    await sleep(150);
    const { ms, sentAt, doneAt } = await page.evaluate(async (l) => {
      const ready = window.__bench.when('panelCall', l.latestCallId);
      document.querySelector(`nav a[href="/lead/${l.id}/"]`).click();
      const t1 = await ready;
      const t0 = window.__benchNavAt;
      return { ms: t1 - t0, sentAt: performance.timeOrigin + t0, doneAt: performance.timeOrigin + t1 };
    }, lead);
    panel.push({ ms, ...(await requestsOf(env, { sentAt, doneAt })) });
  }
  await page.close();

  const inbox = await benchPage(env.browser.context);
  await inbox.goto(`${APP}/inbox/`);
  const launcher = [];
  for (let i = 0; i < runs; i++) {
    await sleep(100);
    const ms = await inbox.evaluate(async (id) => {
      const shown = window.__bench.when('launcher');
      const t0 = performance.now();
      history.pushState({}, '', `/lead/${id}/`);
      const t1 = await shown;
      history.pushState({}, '', '/inbox/');
      await window.__bench.when('noLauncher');
      return t1 - t0;
    }, leads[i % leads.length].id);
    launcher.push(ms);
  }
  await inbox.close();
  return { panel, launcher };
}

/**
 * 4. Launcher clicked → panel interactive (the lead's call shown, focus in Note), with the
 * background's caches warm: on a freshly loaded page (the panel script is loaded then), the same
 * after the pointer rested on the launcher for HOVER_MS, and opened again on the same page.
 * Counts the API requests each open made.
 */
export async function panelOpen(env, { runs, leads }) {
  // Warm the background: outcomes are cached for 5 minutes.
  {
    const page = await benchPage(env.browser.context);
    await page.goto(`${APP}/lead/${leads[0].id}/`);
    await page.evaluate(() => window.__bench.when('launcher'));
    await openPanel(page, leads[0].latestCallId);
    await page.close();
  }
  const first = [];
  const again = [];
  for (let i = 0; i < runs; i++) {
    const lead = leads[i % leads.length];
    const page = await benchPage(env.browser.context);
    await page.goto(`${APP}/lead/${lead.id}/`);
    await page.evaluate(() => window.__bench.when('launcher'));
    await sleep(200);
    const a = await openPanel(page, lead.latestCallId);
    first.push({ ms: a.ms, ...(await requestsOf(env, a)) });
    await closePanel(page);
    await sleep(200);
    const b = await openPanel(page, lead.latestCallId);
    again.push({ ms: b.ms, ...(await requestsOf(env, b)) });
    await page.close();
  }
  // A rep's pointer reaches the launcher before the click; the panel script starts loading then.
  const hovered = [];
  for (let i = 0; i < Math.ceil(runs / 2); i++) {
    const lead = leads[i % leads.length];
    const page = await benchPage(env.browser.context);
    await page.goto(`${APP}/lead/${lead.id}/`);
    await page.evaluate(() => window.__bench.when('launcher'));
    await sleep(200);
    await page.getByRole('button', { name: 'Quick edit call' }).hover();
    await sleep(HOVER_MS);
    const c = await openPanel(page, lead.latestCallId);
    hovered.push({ ms: c.ms, ...(await requestsOf(env, c)) });
    await page.close();
  }
  return { first, again, hovered };
}

/** How long a pointer rests on the launcher before the click, in the hovered variant. */
export const HOVER_MS = 150;

/**
 * 5. Save pressed → the PUT reaches the stand-in (which answers at once); requests per save;
 * and Save → "Saved".
 */
export async function save(env, { runs, lead }) {
  const page = await benchPage(env.browser.context);
  await page.goto(`${APP}/lead/${lead.id}/`);
  await page.evaluate(() => window.__bench.when('launcher'));
  await openPanel(page, lead.latestCallId);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    await page.evaluate((text) => window.__bench.type(text), `Benchmark note ${i} ${Date.now()}`);
    await sleep(400); // as a rep would: typing ends, then Save
    const saveButton = page.getByRole('dialog', { name: /call/i }).getByRole('button', { name: 'Save', exact: true });
    const { sentAt, doneAt, ms: savedMs } = await clickAndWait(page, saveButton, 'saved');
    const requests = await requestsBetween(env, sentAt, doneAt);
    const put = requests.find((r) => r.method === 'PUT');
    samples.push({ leave: put ? put.at - sentAt : NaN, savedMs, requests: requests.length });
  }
  await page.close();
  return samples;
}

/**
 * 6. The worker stopped (DevTools: ServiceWorker.stopAllWorkers, checked until DevTools reports
 * it stopped) → the first answer to a message from the content script: one the background
 * answers without Close (a rejected message), and a panel load (which then also asks Close).
 */
export async function stoppedWorker(env, { runs, lead }) {
  const page = await benchPage(env.browser.context);
  const tools = await devtools(env.browser.context, page);
  await page.goto(`${APP}/lead/${lead.id}/`);
  await page.evaluate(() => window.__bench.when('launcher'));
  const ask = (message) =>
    tools.inContentScript(`(async () => {
      const t0 = performance.now();
      const reply = await chrome.runtime.sendMessage(${JSON.stringify(message)});
      return { ms: performance.now() - t0, ok: reply?.ok, sentAt: performance.timeOrigin + t0, doneAt: performance.timeOrigin + performance.now() };
    })()`);
  const kinds = {
    rejected: { type: 'panel.load', leadId: 'not-a-lead' },
    panelLoad: { type: 'panel.load', leadId: lead.id },
  };
  const result = { stopped: 0, tries: 0 };
  for (const [kind, message] of Object.entries(kinds)) {
    result[kind] = { cold: [], warm: [] };
    for (let i = 0; i < runs; i++) {
      result.tries++;
      if (await tools.stopWorker(env.browser.extensionId)) result.stopped++;
      await sleep(100);
      const cold = await ask(message);
      const requests = (await requestsBetween(env, cold.sentAt, cold.doneAt)).length;
      result[kind].cold.push({ ms: cold.ms, requests });
      await sleep(100);
      const warm = await ask(message);
      result[kind].warm.push({ ms: warm.ms, requests: (await requestsBetween(env, warm.sentAt, warm.doneAt)).length });
    }
  }
  await page.close();
  return result;
}

/**
 * 6, reference: the same for the smallest worker built the same way (scripts/bench/reference),
 * asked by its own content script: what Chromium alone needs to start a stopped worker.
 */
export async function stoppedWorkerReference(browser, { runs, leadId }) {
  const page = await benchPage(browser.context);
  const tools = await devtools(browser.context, page);
  await page.goto(`${APP}/lead/${leadId}/`);
  await sleep(300);
  const samples = [];
  let stopped = 0;
  for (let i = 0; i < runs; i++) {
    if (await tools.stopWorker(browser.extensionId)) stopped++;
    await sleep(100);
    samples.push(
      await tools.inContentScript(`(async () => {
        const t0 = performance.now();
        await chrome.runtime.sendMessage({ type: 'ping' });
        return performance.now() - t0;
      })()`),
    );
  }
  await page.close();
  return { samples, stopped, tries: runs };
}

/**
 * 7. Host-page cost: a page making ~10,000 DOM mutations a second for a while, in Chromium with
 * the extension and in Chromium without it, each run traced: the renderer main thread's CPU time
 * in tasks over the busy window (CPU, not wall time: on a shared machine wall time mostly
 * measures waiting for a core), and, with the extension, our JavaScript and the long tasks.
 */
export async function hostPageCost(env, { runs, seconds, pages }) {
  const feed = { ms: seconds * 1000, perSecond: 10_000 };
  const out = {};
  for (const { name, path, callLinks } of pages) {
    const samples = { with: [], without: [] };
    for (let i = 0; i < runs; i++) {
      // Alternate which browser goes first, so drift on a shared machine hits both alike.
      const order = i % 2 ? ['without', 'with'] : ['with', 'without'];
      for (const mode of order) {
        const browser = mode === 'with' ? env.browser : env.bare;
        const page = await benchPage(browser.context);
        const tools = await devtools(browser.context, page);
        await page.goto(`${APP}${path}`);
        await sleep(500);
        let made;
        const events = await recordTrace(tools.cdp, async () => {
          made = await page.evaluate((f) => window.__bench.busyFeed(f), { ...feed, callLinks });
        });
        samples[mode].push({ ...analyseTrace(events, { pageUrl: APP, extensionId: browser.extensionId }), feed: made });
        await page.close();
      }
    }
    out[name] = samples;
  }
  return out;
}

/**
 * 8. Save & next (Ctrl/Cmd+Shift+Enter, a real key press) → the next call interactive: its Note
 * box shown and focused. The save only has to be safe in the outbox first (issue 11), so this
 * should not grow with Close's latency. Every call of the lead is left without an outcome, so
 * there always is a next one; each save is let finish (Saved) before the next run.
 */
export async function saveAndNext(env, { runs, lead }) {
  for (const call of env.standIn.state.calls.values()) if (call.lead_id === lead.id) call.outcome_id = null;
  const page = await benchPage(env.browser.context);
  await page.goto(`${APP}/lead/${lead.id}/`);
  await page.evaluate(() => window.__bench.when('launcher'));
  await openPanel(page, lead.latestCallId);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    await page.evaluate((text) => window.__bench.type(text), `Triage ${i} ${Date.now()}`);
    await sleep(400); // typing ends, then the shortcut
    await page.evaluate(() => {
      const root = () => document.querySelector('close-quick-edit')?.shadowRoot;
      const from = root()?.querySelector('#quick-edit-call')?.value;
      window.__benchNext = new Promise((resolve) => {
        let pressedAt;
        window.addEventListener('keydown', (event) => event.key === 'Enter' && event.shiftKey && (pressedAt ??= event.timeStamp), { capture: true });
        const check = () => {
          const shadow = root();
          const moved = shadow?.querySelector('#quick-edit-call')?.value !== from;
          if (pressedAt !== undefined && moved && shadow?.activeElement?.id === 'quick-edit-note') resolve(performance.now() - pressedAt);
          else requestAnimationFrame(check);
        };
        check();
      });
    });
    await page.keyboard.press('ControlOrMeta+Shift+Enter');
    samples.push(await page.evaluate(() => window.__benchNext));
    await page.evaluate(() => window.__bench.when('saved'));
  }
  await page.close();
  return samples;
}
