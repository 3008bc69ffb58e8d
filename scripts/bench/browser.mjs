// Real Chromium for the benchmarks: the production build (or no extension at all, for the
// host-page reference) against the Close stand-in, with a clock on every request that reaches it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { QUIET_FLAGS, sandboxFlags, standInFlags } from '../chromium.mjs';

/** Wall-clock milliseconds with sub-millisecond resolution, comparable with a page's `timeOrigin + now()`. */
export const wallClock = () => performance.timeOrigin + performance.now();

/**
 * The stand-in behind an HTTPS server, logging when each request arrives (at its headers, before
 * the stand-in reads the body), so a latency can end where a request reaches Close.
 */
export async function startStandIn() {
  const { createCloseStandIn, startStandInServer } = await import('../../test/close-stand-in/index.mjs');
  const standIn = createCloseStandIn({ rateLimit: { limit: 100_000, windowSeconds: 1 } });
  /** @type {{ at: number, host: string, method: string, path: string }[]} */
  const arrivals = [];
  const server = await startStandInServer({
    standIn: {
      handle(req, res) {
        const host = (req.headers['x-stand-in-host'] ?? req.headers.host ?? '').toString().replace(/:\d+$/, '');
        arrivals.push({ at: wallClock(), host, method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0] });
        standIn.handle(req, res);
      },
    },
    port: 0,
  });
  /** API requests that arrived in [from, to] (wall-clock ms). */
  const apiArrivals = (from, to = Infinity) =>
    arrivals.filter((a) => a.host === 'api.close.com' && a.at >= from && a.at <= to);
  return { standIn, server, arrivals, apiArrivals };
}

/** Chromium with the extension in `extensionDir` loaded, or with none. */
export async function launch({ chromePath, port, extensionDir }) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'close-quick-edit-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      ...(extensionDir
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : ['--disable-extensions']),
      ...QUIET_FLAGS,
      ...sandboxFlags(),
      ...standInFlags(port),
    ],
  });
  context.setDefaultTimeout(15_000);
  let extensionId;
  if (extensionDir) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export { connectThroughPopup as connect } from '../connect-popup.mjs';

/**
 * A DevTools session on a page that can run code in our content script's isolated world (where
 * `chrome.runtime.sendMessage` is the content script's own) and stop the extension's worker.
 */
export async function devtools(context, page) {
  const cdp = await context.newCDPSession(page);
  const worlds = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => worlds.push(c));
  cdp.on('Runtime.executionContextsCleared', () => (worlds.length = 0));
  await cdp.send('Runtime.enable');
  const versions = new Map();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: list }) => list.forEach((v) => versions.set(v.versionId, v)));
  await cdp.send('ServiceWorker.enable');

  const workerStatus = (extensionId) =>
    [...versions.values()].filter((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)).map((v) => v.runningStatus);

  return {
    cdp,
    /** Evaluates `expression` (a promise) in the content script's isolated world. */
    async inContentScript(expression) {
      const world = worlds.findLast((w) => w.origin.startsWith('chrome-extension://') && w.auxData?.type === 'isolated');
      if (!world) throw new Error('The content script’s isolated world was not found');
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        contextId: world.id,
        expression,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    },
    /** Stops every service worker (ours included) and waits until DevTools reports ours stopped. */
    async stopWorker(extensionId) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      const until = Date.now() + 5_000;
      while (Date.now() < until) {
        const status = workerStatus(extensionId);
        if (status.length && status.every((s) => s === 'stopped')) return true;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return false;
    },
    workerStatus,
  };
}
