// `npm run bench`: builds the production extension and a reference, measures them in real
// Chromium against the Close stand-in, and prints one table (BENCHMARKS.md explains each row).
// Timings are reported, never asserted: only byte budgets fail `npm test` (scripts/size-budget.mjs).
//
//   npm run bench [-- --runs 20 --busy-runs 5 --busy-seconds 5 --rtt 150 --no-build --json results.json]
//   Latency mode (figure 8): Save → Saved and Save & next → next call, at 0 ms and with the
//   stand-in delaying every API answer by --rtt ms:  npm run bench -- --only 8 --rtt 150
//   Calls to log (figure 9): requests per refresh, Save & next in the queue at 0 and --rtt ms: --only 9
//   The Call control with 500 calls (figure 10): Alt+Down → next call, against a 3-call lead: --only 10
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureNodeModules } from '../deps.mjs';
import { ensureChromium } from '../chromium.mjs';
import { extensionBytes, kb } from './bytes.mjs';
import { describeMachine, summary } from './stats.mjs';

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    'busy-runs': { type: 'string', default: '5' },
    'busy-seconds': { type: 'string', default: '5' },
    'no-build': { type: 'boolean', default: false },
    json: { type: 'string' },
    only: { type: 'string' },
    rtt: { type: 'string', default: '150' },
  },
});
const RTT = Number(options.rtt);
const RUNS = Number(options.runs);
const BUSY_RUNS = Number(options['busy-runs']);
const BUSY_SECONDS = Number(options['busy-seconds']);
const only = options.only ? new Set(options.only.split(',')) : undefined;
const wanted = (figure) => !only || only.has(String(figure));

// Its own output folder, so a benchmark never replaces the build a test run is using.
const OUT = resolve(process.env.BENCH_OUT_DIR ?? '.output/bench');
const EXTENSION = resolve(OUT, 'chrome-mv3');
const REFERENCE = resolve(OUT, 'reference/chrome-mv3');

ensureNodeModules();
const chromePath = ensureChromium();
const machineBefore = describeMachine(chromePath);

if (!options['no-build']) {
  const build = (args, outDir) => {
    try {
      execFileSync('npx', ['wxt', 'build', ...args], { stdio: 'pipe', env: { ...process.env, WXT_OUT_DIR: outDir } });
    } catch (error) {
      process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
      throw new Error(`wxt build ${args.join(' ')} failed`);
    }
  };
  console.log(`Building the production extension into ${EXTENSION} …`);
  build([], OUT);
  console.log('Building the reference (a bare Preact "hello" content script, scripts/bench/reference) …');
  build(['scripts/bench/reference'], resolve(OUT, 'reference'));
}

const { DEMO } = await import('../../test/close-stand-in/index.mjs');
const { startStandIn, launch, connect } = await import('./browser.mjs');
const measure = await import('./measure.mjs');

const leads = [DEMO.leads.acme, DEMO.leads.globex, DEMO.leads.initech];
const auth = `Basic ${Buffer.from(`${DEMO.apiKey}:`).toString('base64')}`;
const results = { machine: machineBefore, runs: RUNS, busyRuns: BUSY_RUNS, busySeconds: BUSY_SECONDS };

results.bytes = { extension: extensionBytes(EXTENSION), reference: extensionBytes(REFERENCE) };

const env = await startStandIn();
try {
  env.browser = await launch({ chromePath, port: env.server.port, extensionDir: EXTENSION });
  await connect(env.browser.context, env.browser.extensionId, DEMO.apiKey);
  const step = async (figure, label, run) => {
    if (!wanted(figure)) return undefined;
    process.stdout.write(`Measuring ${label} …`);
    const t0 = Date.now();
    const value = await run();
    console.log(` ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    return value;
  };
  results.reference = await step('ref', 'the reference fetch', () =>
    measure.referenceFetch(env, { runs: RUNS, leadId: DEMO.leads.globex.id, auth }),
  );
  results.launcher = await step(2, 'DOMContentLoaded → launcher', () => measure.launcherAfterLoad(env, { runs: RUNS, leads }));
  const startupRuns = Math.min(RUNS, 10);
  results.startup = await step(2, 'content script start-up (traced)', () =>
    measure.contentScriptStartup(env.browser, { runs: startupRuns, leadId: DEMO.leads.acme.id }),
  );
  results.navigation = await step(3, 'single-page navigation', () => measure.navigation(env, { runs: RUNS, leads }));
  results.panelOpen = await step(4, 'panel open', () => measure.panelOpen(env, { runs: RUNS, leads }));
  results.save = await step(5, 'Save → PUT', () => measure.save(env, { runs: RUNS, lead: DEMO.leads.globex }));
  results.stoppedWorker = await step(6, 'stopped worker → answer', () =>
    measure.stoppedWorker(env, { runs: RUNS, lead: DEMO.leads.initech }),
  );
  if (wanted(8)) {
    results.latency = { rtt: RTT };
    for (const [key, rtt] of [['at0', 0], ['atRtt', RTT]]) {
      env.standIn.faults.clear();
      if (rtt > 0) env.standIn.faults.add({ kind: 'latency', ms: rtt, times: Infinity });
      try {
        results.latency[key] = {
          save: await step(8, `Save → Saved at ${rtt} ms per answer`, () => measure.save(env, { runs: RUNS, lead: DEMO.leads.acme })),
          next: await step(8, `Save & next → next call at ${rtt} ms per answer`, () =>
            measure.saveAndNext(env, { runs: RUNS, lead: DEMO.leads.globex }),
          ),
        };
      } finally {
        env.standIn.faults.clear();
      }
    }
  }
  if (wanted(9)) {
    const queue = await import('./calls-to-log.mjs');
    results.callsToLog = { rtt: RTT };
    results.callsToLog.refresh = await step(9, 'Calls to log: requests per refresh', () =>
      queue.refreshRequests(env, { extensionId: env.browser.extensionId }),
    );
    for (const [key, rtt] of [['at0', 0], ['atRtt', RTT]]) {
      env.standIn.faults.clear();
      if (rtt > 0) env.standIn.faults.add({ kind: 'latency', ms: rtt, times: Infinity });
      try {
        results.callsToLog[key] = await step(9, `Calls to log: Save & next → next call at ${rtt} ms per answer`, () => queue.queueNext(env, { runs: RUNS }));
      } finally {
        env.standIn.faults.clear();
      }
    }
  }
  if (wanted(10)) {
    const { callControl } = await import('./call-control.mjs');
    results.callControl = await step(10, 'the Call control with 500 calls', () => callControl(env, { runs: RUNS }));
  }
  if (wanted(2) || wanted(6)) {
    const reference = await launch({ chromePath, port: env.server.port, extensionDir: REFERENCE });
    try {
      results.referenceStartup = await step(2, 'reference content script start-up (traced)', () =>
        measure.contentScriptStartup(reference, { runs: startupRuns, leadId: DEMO.leads.acme.id }),
      );
      results.stoppedReferenceWorker = await step(6, 'stopped reference worker → answer', () =>
        measure.stoppedWorkerReference(reference, { runs: RUNS, leadId: DEMO.leads.initech.id }),
      );
    } finally {
      await reference.close();
    }
  }
  if (wanted(7)) {
    env.bare = await launch({ chromePath, port: env.server.port });
    results.hostPage = await step(7, `host-page cost (${BUSY_RUNS} × ${BUSY_SECONDS} s, with and without)`, () =>
      measure.hostPageCost(env, {
        runs: BUSY_RUNS,
        seconds: BUSY_SECONDS,
        pages: [
          { name: 'lead page, feed with call links', path: `/lead/${DEMO.leads.acme.id}/`, callLinks: true },
          { name: 'inbox, no call in the URL', path: '/inbox/', callLinks: false },
        ],
      }),
    );
  }
} finally {
  await env.bare?.close();
  await env.browser?.close();
  await env.server.close();
}
results.machine.loadAverageAfter = os.loadavg().map((l) => l.toFixed(2)).join(' / ');

console.log(`\n${table(results)}`);
const jsonFile = resolve(options.json ?? resolve(OUT, 'bench-results.json'));
writeFileSync(jsonFile, JSON.stringify(results, null, 2));
console.log(`\nEvery sample: ${jsonFile}`);

// ---------------------------------------------------------------------------------------------

function table(r) {
  const ms = (v) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms` : '–');
  const x = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');
  const verdict = (ok) => (ok === undefined ? '' : ok ? 'met' : '**missed**');
  const rows = [];
  const row = (figure, what, median, p95, reference, ratio, target = '', ok) =>
    rows.push(`| ${figure} | ${what} | ${median} | ${p95} | ${reference} | ${ratio} | ${target} ${verdict(ok)} |`);

  // 1. Bytes: deterministic, so median = p95.
  const ext = r.bytes.extension;
  const hello = r.bytes.reference.contentScript;
  const bytesRow = (label, part, target, ok) => {
    if (!part) return;
    row(1, `${label}, raw`, kb(part.raw), kb(part.raw), `${kb(hello.raw)} hello`, x(part.raw, hello.raw));
    row(1, `${label}, gzip`, kb(part.gzip), kb(part.gzip), `${kb(hello.gzip)} hello`, x(part.gzip, hello.gzip), target, ok);
  };
  bytesRow('content script JS + CSS (every Close page)', ext.contentScript, '≤ 14 KB (goal ≤ 10 KB)', ext.contentScript.gzip <= 10_000);
  bytesRow('panel script (loaded on the first open)', ext.panelScript);
  bytesRow('background worker', ext.background);
  bytesRow('popup (HTML, JS, CSS)', ext.popup);

  const rtt = r.reference ? summary(r.reference.map((s) => s.rtt)) : undefined;
  const leave = r.reference ? summary(r.reference.map((s) => s.leave)) : undefined;
  const refRtt = rtt ? `${ms(rtt.median)} fetch` : '–';
  const latency = (figure, what, samples, { target, limit, ok, ref = rtt, refLabel = refRtt } = {}) => {
    const s = summary(samples);
    row(figure, what, ms(s.median), ms(s.p95), refLabel, x(s.median, ref?.median), target ?? '', ok ?? (limit === undefined ? undefined : s.median <= limit));
  };
  const firstRequest = (samples) => ms(summary(samples.map((s) => s.firstRequestMs)).median);
  const requests = (samples) => {
    const s = summary(samples.map((v) => v.requests));
    return s.median === s.p95 ? `${s.median}` : `${s.median} (p95 ${s.p95})`;
  };

  if (r.launcher) {
    latency(2, 'DOMContentLoaded → launcher in the page (lead page, fresh load)', r.launcher.map((s) => s.inPage));
    const inFirst = r.launcher.filter((s) => s.inFirstFrame).length;
    latency(2, `DOMContentLoaded → first frame painted with the launcher (the page's first frame after DOMContentLoaded in ${inFirst}/${r.launcher.length} loads)`, r.launcher.map((s) => s.painted), {
      target: '≤ 50 ms',
      limit: 50,
      ref: summary(r.launcher.map((s) => s.firstFrame)),
      refLabel: `${ms(summary(r.launcher.map((s) => s.firstFrame)).median)} page's first frame`,
    });
  }
  if (r.startup?.length) {
    const cpu = summary(r.startup.map((s) => s.cpuMs));
    const hello = r.referenceStartup?.length ? summary(r.referenceStartup.map((s) => s.cpuMs)) : undefined;
    row(
      2,
      `content script start-up on the page's main thread (CPU time, traced, ${cpu.n} loads)`,
      ms(cpu.median),
      ms(cpu.p95),
      hello ? `${ms(hello.median)} hello` : '–',
      x(cpu.median, hello?.median),
    );
  }
  if (r.navigation) {
    const n = r.navigation;
    latency(3, `navigation to another lead → panel on its call (${requests(n.panel)} API request, reaching Close after ${firstRequest(n.panel)})`, n.panel.map((s) => s.ms), {
      target: '≤ 100 ms',
      limit: 100,
    });
    latency(3, 'navigation from the inbox to a lead → launcher shown', n.launcher, { target: '≤ 100 ms', limit: 100 });
  }
  if (r.panelOpen) {
    const p = r.panelOpen;
    const oneRequest = (samples) => samples.every((s) => s.requests === 1);
    latency(4, `first open on a page (loads the panel script) → interactive; requests: ${requests(p.first)}, reaching Close after ${firstRequest(p.first)}`, p.first.map((s) => s.ms), {
      target: '1 request',
      ok: oneRequest(p.first),
    });
    if (p.hovered)
      latency(4, `first open after the pointer rested ${measure.HOVER_MS} ms on the launcher → interactive; requests: ${requests(p.hovered)}`, p.hovered.map((s) => s.ms), {
        target: '1 request',
        ok: oneRequest(p.hovered),
      });
    latency(4, `open again on the same page → interactive; requests: ${requests(p.again)}, reaching Close after ${firstRequest(p.again)}`, p.again.map((s) => s.ms), {
      target: '1 request',
      ok: oneRequest(p.again),
    });
  }
  if (r.save) {
    latency(5, `Save pressed → PUT reaches Close (stand-in); requests per save: ${requests(r.save)}`, r.save.map((s) => s.leave), {
      target: '≤ 20 ms',
      limit: 20,
      ref: leave,
      refLabel: leave ? `${ms(leave.median)} fetch → Close` : '–',
    });
    latency(5, 'Save pressed → "Saved" shown', r.save.map((s) => s.savedMs));
  }
  if (r.latency) {
    const { rtt } = r.latency;
    for (const [key, at] of [['at0', 0], ['atRtt', rtt]]) {
      const l = r.latency[key];
      if (!l) continue;
      const limit = 2 * at + 25;
      latency(8, `Save pressed → "Saved", every answer delayed ${at} ms`, l.save.map((s) => s.savedMs), { target: `≤ ${limit} ms (2 round trips + 25 ms)`, limit });
      latency(8, `Save & next pressed → next call interactive, every answer delayed ${at} ms`, l.next, { target: '≤ 50 ms', limit: 50 });
    }
  }
  if (r.callsToLog) {
    const q = r.callsToLog;
    for (const { size, cold, warm } of q.refresh ?? [])
      row(9, `Calls to log: one refresh, ${size} calls of the rep in the period (requests: listing pages + lead names)`, `${cold.listing} + ${cold.leads} cold`, `${warm.listing} + ${warm.leads} warm`, '–', '–');
    for (const [key, at] of [['at0', 0], ['atRtt', q.rtt]])
      if (q[key]) latency(9, `Calls to log: Save & next → the next call (another lead's) interactive, every answer delayed ${at} ms`, q[key], { target: '≤ 50 ms', limit: 50 });
  }
  if (r.callControl) {
    const c = r.callControl;
    const small = summary(c.smallSteps);
    latency(10, `Alt+Down / Alt+Up → the Call control on the next call, ${c.options} options (all pages loaded with More calls)`, c.steps, {
      target: '≤ 50 ms',
      limit: 50,
      ref: small,
      refLabel: `${ms(small.median)} with ${c.smallOptions} calls`,
    });
    if (c.more.length) latency(10, `More calls pressed → the next page's options in the Call control (${c.more.length} pages)`, c.more);
  }
  if (r.stoppedWorker) {
    const w = r.stoppedWorker;
    latency(6, `stopped worker → first answer (no Close request; worker stopped in ${w.stopped}/${w.tries} runs)`, w.rejected.cold.map((s) => s.ms), {
      target: '≤ 150 ms',
      limit: 150,
    });
    latency(6, `stopped worker → panel data (${requests(w.panelLoad.cold)} API requests)`, w.panelLoad.cold.map((s) => s.ms), {
      target: '≤ 150 ms',
      limit: 150,
    });
    const floor = r.stoppedReferenceWorker;
    if (floor)
      latency(6, `reference: the smallest worker built the same way, stopped → first answer (stopped in ${floor.stopped}/${floor.tries})`, floor.samples);
    latency(6, 'running worker → answer (for comparison)', w.rejected.warm.map((s) => s.ms));
    latency(6, `running worker → panel data (${requests(w.panelLoad.warm)} API request)`, w.panelLoad.warm.map((s) => s.ms));
  }
  if (r.hostPage) {
    for (const [name, h] of Object.entries(r.hostPage)) {
      const withExt = summary(h.with.map((t) => t.taskCpuMs));
      const without = summary(h.without.map((t) => t.taskCpuMs));
      const added = (withExt.median - without.median) / without.median;
      const perSecond = Math.round(summary(h.with.map((t) => t.feed.made)).median / r.busySeconds);
      row(
        7,
        `main-thread CPU time, ${name} (${perSecond.toLocaleString('en')} mutations/s for ${r.busySeconds} s), with the extension`,
        ms(withExt.median),
        ms(withExt.p95),
        `${ms(without.median)} without (p95 ${ms(without.p95)})`,
        x(withExt.median, without.median),
        `≤ 2 % added: ${(added * 100).toFixed(1)} %`,
        added <= 0.02,
      );
      const ours = summary(h.with.map((t) => t.ourJsMs));
      const calls = summary(h.with.map((t) => t.ourJsCalls)).median;
      const longest = Math.max(...h.with.map((t) => t.ourLongestMs));
      const longTasks = summary(h.with.map((t) => t.longTasks)).median;
      const withOurs = Math.max(...h.with.map((t) => t.longTasksWithOurs));
      const ofOurs = Math.max(...h.with.map((t) => t.longTasksOfOurs));
      row(
        7,
        `… of which our JavaScript (${calls} calls a run, longest ${ms(longest)}); long tasks: ${longTasks} a run (the page's), at most ${withOurs} with some of ours in them, ${ofOurs} made long by ours`,
        ms(ours.median),
        ms(ours.p95),
        `${ms(summary(h.with.map((t) => t.taskMs)).median)} task wall time`,
        x(ours.median, withExt.median),
        '0 long tasks of ours',
        ofOurs === 0,
      );
    }
  }

  const m = r.machine;
  return [
    `Machine: ${m.cpu}, ${m.memory} RAM; ${m.os}; Node ${m.node}; ${m.chromium}; load average (1/5/15 min) ${m.loadAverage} before, ${m.loadAverageAfter} after.`,
    `Runs: ${r.runs} per latency, ${r.busyRuns} × ${r.busySeconds} s per host-page figure. Reference fetch: GET a lead's calls from an extension page (round trip${leave ? `; reaches Close after ${ms(leave.median)}` : ''}).`,
    '',
    '| # | Figure | Median | p95 | Reference | Ratio | Target |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
