import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page, type Worker } from 'playwright-core';
import { connectThroughPopup } from '../../scripts/connect-popup.mjs';
import { QUIET_FLAGS, ensureChromium, sandboxFlags, standInFlags } from '../../scripts/chromium.mjs';
import { createCloseStandIn, startStandInServer } from '../close-stand-in/index.mjs';
import { DEMO } from '../close-stand-in/demo-data.mjs';

export const EXTENSION_DIR = resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
export const APP = 'https://app.close.com';

export type StandIn = ReturnType<typeof createCloseStandIn>;
export type RunningServer = Awaited<ReturnType<typeof startStandInServer>>;

export interface Harness {
  standIn: StandIn;
  /** The stand-in's server, which the offline scenarios stop and start again. */
  server: RunningServer;
  context: BrowserContext;
  extensionId: string;
  /** The service worker, looked up again: MV3 may have stopped and restarted it. */
  worker(): Promise<Worker>;
  /** Closes Chromium and starts it again on the same profile (storage kept). */
  restartBrowser(): Promise<void>;
  /** Kills Chromium's browser process with SIGKILL (as a crash or power loss) and starts it again on the same profile. */
  killBrowser(): Promise<void>;
  /** Stops the MV3 service worker, as Chrome does when it is idle. */
  stopWorker(): Promise<void>;
  /** Connects DEMO.apiKey (or another) through the popup, as a rep would. */
  connect(apiKey?: string): Promise<void>;
  leadPage(leadId: string): Promise<Page>;
  /** A lead page with the panel opened from the launcher, ready to type in. */
  openPanel(leadId: string): Promise<{ page: Page; dialog: Locator }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** An X display to run Chromium headed on (for real browser shortcuts); headless without. */
  display?: string;
  /** The browser's UI language (what browser.i18n answers in); English unless given. */
  locale?: 'de' | 'en';
}

export async function startHarness({ display, locale }: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error('No production build: run `npm run build` first (npm test does).');
  const standIn = createCloseStandIn();
  const server = await startStandInServer({ standIn, port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'close-quick-edit-e2e-'));
  const launch = async () => {
    const launched = await chromium.launchPersistentContext(profile, {
      executablePath: ensureChromium(),
      headless: !display,
      // On Linux Chromium takes its UI language from the environment; --lang from the flag.
      ...((display || locale) && {
        env: {
          ...process.env,
          ...(display && { DISPLAY: display }),
          ...(locale && { LANGUAGE: locale, LANG: `${locale}_${locale.toUpperCase()}.UTF-8` }),
        },
      }),
      ...(locale && { locale }),
      args: [
        ...(locale ? [`--lang=${locale}`] : []),
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        ...QUIET_FLAGS,
        ...sandboxFlags(),
        ...standInFlags(server.port),
      ],
    });
    launched.setDefaultTimeout(10_000);
    return launched;
  };
  let context = await launch();
  const worker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await worker()).url()).host;

  const leadPage = async (leadId: string) => {
    const page = await context.newPage();
    await page.goto(`${APP}/lead/${leadId}/`);
    return page;
  };

  return {
    standIn,
    server,
    get context() {
      return context;
    },
    extensionId,
    worker,
    async restartBrowser() {
      await context.close();
      context = await launch();
    },
    async killBrowser() {
      // The browser process of this profile only: found by its own --user-data-dir, killed by its pid.
      const ps = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
      const main = ps
        .split('\n')
        .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
        .find((m) => m && m[2]!.includes(`--user-data-dir=${profile}`) && !m[2]!.includes('--type='));
      if (!main) throw new Error('No Chromium process found for this profile');
      const closed = new Promise((resolve) => context.once('close', resolve));
      process.kill(Number(main[1]), 'SIGKILL');
      await closed;
      context = await launch();
    },
    async stopWorker() {
      // The DevTools protocol stops it as Chrome does after 30 s idle. It must be asked from
      // a page of the extension's own origin: a Close page sees only its own workers.
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      const session = await context.newCDPSession(page);
      type Versions = { versions: { scriptURL: string; runningStatus: string }[] };
      const stopped = new Promise<void>((resolve) => {
        session.on('ServiceWorker.workerVersionUpdated', ({ versions }: Versions) => {
          if (versions.some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'stopped')) resolve();
        });
        // A worker that was already stopped reports nothing new: don't wait for it forever.
        setTimeout(resolve, 5_000);
      });
      await session.send('ServiceWorker.enable');
      await session.send('ServiceWorker.stopAllWorkers');
      await stopped;
      await session.detach();
      await page.close();
    },
    connect: (apiKey = DEMO.apiKey) => connectThroughPopup(context, extensionId, apiKey),
    leadPage,
    async openPanel(leadId: string) {
      const page = await leadPage(leadId);
      await page.getByRole('button', { name: 'Quick edit call' }).click();
      const dialog = page.getByRole('dialog', { name: /call/i });
      await dialog.getByLabel('Note').waitFor();
      return { page, dialog };
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The API requests the stand-in received, optionally of one method. */
export const apiRequests = (standIn: StandIn, method?: string) =>
  standIn.requests.filter((r: { host: string; method: string }) => r.host === 'api.close.com' && (!method || r.method === method));

export const basicAuth = (apiKey: string) => `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;

/** What the extension keeps in storage.local, read from inside the extension. */
export async function extensionStorage(harness: Harness): Promise<Record<string, unknown>> {
  const worker = await harness.worker();
  return worker.evaluate(() => chrome.storage.local.get(null));
}
