// A DevTools trace of the page's renderer while it works, and what in it is ours: JavaScript
// from chrome-extension://<our id>/ (our content script and the panel script, in their isolated
// world; a MutationObserver callback is a FunctionCall with our script's URL), and the long
// tasks (≥ 50 ms) that our code made long.

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute'];

/** Traces while `work()` runs; the trace events. */
export async function recordTrace(cdp, work) {
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: CATEGORIES } });
  let stream;
  try {
    await work();
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    ({ stream } = await complete);
  }
  const chunks = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    chunks.push(base64Encoded ? Buffer.from(data, 'base64') : Buffer.from(data));
    if (eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** JavaScript entry points in the timeline that name the script they run. */
const JS_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'v8.callFunction', 'v8.run', 'TimerFire', 'EventDispatch']);

const scriptUrl = (event) => event.args?.data?.url ?? event.args?.data?.stackTrace?.[0]?.url ?? '';

/** The page's renderer main thread: the process whose frame is on pageUrl. */
function pageMainThread(events, pageUrl) {
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const frame = started?.args?.data?.frames?.find((f) => f.url?.startsWith(pageUrl));
  const threads = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const main = threads.find((t) => t.pid === frame?.processId) ?? threads[0];
  if (!main) return undefined;
  return events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
}

/** Our JavaScript on a thread: outermost events only, so nothing is counted twice. */
function jsFrom(onMain, urlPrefix) {
  const ours = [];
  let end = -Infinity;
  for (const e of onMain) {
    if (!JS_EVENTS.has(e.name) || !scriptUrl(e).startsWith(urlPrefix)) continue;
    if (e.ts < end) continue; // nested in one already counted
    ours.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  return ours;
}

/**
 * Our share of the page's main thread: JavaScript time from our extension's scripts, main-thread
 * task time, and long tasks.
 */
export function analyseTrace(events, { pageUrl, extensionId }) {
  const onMain = pageMainThread(events, pageUrl);
  if (!onMain) return { error: 'no renderer main thread in the trace' };
  // RunTask wraps ThreadControllerImpl::RunTask: count the outer one only.
  const tasks = onMain.filter((e) => e.name === 'RunTask');
  const ourJs = jsFrom(onMain, `chrome-extension://${extensionId}/`);
  const oursIn = (t) => ourJs.filter((j) => j.ts >= t.ts && j.ts < t.ts + t.dur).reduce((sum, j) => sum + (j.dur ?? 0), 0);
  const long = tasks.filter((t) => t.dur >= 50_000).map((t) => ({ dur: t.dur, ours: oursIn(t) }));
  const ms = (us) => us / 1000;
  return {
    taskMs: ms(tasks.reduce((sum, t) => sum + t.dur, 0)),
    /** The main thread's CPU time in tasks: unlike wall time, not inflated by waiting for a core. */
    taskCpuMs: ms(tasks.reduce((sum, t) => sum + (t.tdur ?? t.dur), 0)),
    ourJsMs: ms(ourJs.reduce((sum, e) => sum + (e.dur ?? 0), 0)),
    ourJsCalls: ourJs.length,
    ourLongestMs: ms(Math.max(0, ...ourJs.map((e) => e.dur ?? 0))),
    longTasks: long.length,
    /** Long tasks (the page's own, here) in which some of our code also ran. */
    longTasksWithOurs: long.filter((t) => t.ours > 0).length,
    /** Long tasks that our code made long: without it they would have stayed under 50 ms. */
    longTasksOfOurs: long.filter((t) => t.ours > 0 && t.dur - t.ours < 50_000).length,
  };
}

/**
 * A content script's start-up on the page's main thread while the page loads: its evaluation
 * and every call into it (such as its DOMContentLoaded listener), wall time and thread CPU time.
 */
export function scriptStartup(events, { urlPrefix }) {
  // Traced from before the page existed: its thread is the one that evaluated our script.
  const run = events.find((e) => e.ph === 'X' && e.name === 'EvaluateScript' && scriptUrl(e).startsWith(urlPrefix));
  if (!run) return undefined;
  const onThread = events.filter((e) => e.pid === run.pid && e.tid === run.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const ours = jsFrom(onThread, urlPrefix);
  if (!ours.length) return undefined;
  return {
    wallMs: ours.reduce((sum, e) => sum + e.dur, 0) / 1000,
    cpuMs: ours.reduce((sum, e) => sum + (e.tdur ?? e.dur), 0) / 1000,
  };
}
