import { browser, type Browser } from 'wxt/browser';
import type { Call } from '../close/schemas';
import { createCloseClient } from '../close/client';
import { CALLS_TO_LOG_COMMAND } from '../command';
import type { ConnectionStore } from '../connection';
import type { PendingSave, Reply, TabMessage } from '../messages';
import { CALLS_TO_LOG_PERIODS, DEFAULT_CALLS_TO_LOG_PERIOD, type CallsToLogPeriod } from '../calls-to-log';
import { createCallsToLog } from './calls-to-log';
import { createCallsToLogHandler } from './calls-to-log-handler';
import { createCloseTabs } from './close-tabs';

type Sender = Browser.runtime.MessageSender;
type Handler = (message: unknown, sender: Sender) => Promise<Reply<unknown>>;

/** The Calls to log parts of the background (issue 17), put together with the browser's APIs. */
export function startCallsToLog(deps: {
  connection: ConnectionStore;
  /** The saves still in the outbox: a refresh yields to those on their way or waiting for Close's turn. */
  saves: () => Promise<PendingSave[]>;
}) {
  // Chrome's MV3 `action`, Firefox's MV2 `browserAction`.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const queue = createCallsToLog({
    connection: deps.connection,
    client: (apiKey) => createCloseClient({ apiKey, rateLimitRetries: 0 }),
    settings: { period: readPeriod, noNote: readNoNote },
    setBadge: async (text) => {
      await action.setBadgeText({ text });
      if (text) await action.setBadgeBackgroundColor({ color: '#5c3dc4' });
    },
    // Not to saves waiting offline or for an account: those may wait for hours.
    savesPending: async () => (await deps.saves()).some(({ progress }) => progress.state === 'sending' || progress.reason === 'rate-limited' || progress.reason === 'server' || progress.reason === 'hold'),
  });
  const send = async (tabId: number, message: TabMessage) =>
    browser.tabs.sendMessage(tabId, message, { frameId: 0 }).then(
      () => true,
      () => false,
    );
  const tabs = createCloseTabs({
    send,
    focus: async (tabId) => {
      try {
        const tab = await browser.tabs.update(tabId, { active: true });
        if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
        return true;
      } catch {
        return false; // closed meanwhile
      }
    },
    create: async (url) => (await browser.tabs.create({ url })).id,
  });
  browser.tabs.onRemoved.addListener((tabId) => tabs.gone(tabId));
  const handle = createCallsToLogHandler({
    ownId: browser.runtime.id,
    ownOrigin: new URL(browser.runtime.getURL('/')).origin,
    queue,
    tabs,
    apiKey: async () => (await deps.connection.get().catch(() => undefined))?.apiKey,
  });
  // A badge from before a restart of the worker would be a guess: read again now.
  void queue.refresh();

  return {
    queue,
    /** The background's message listener, with the Calls to log messages routed here first. */
    route:
      (main: Handler): Handler =>
      (message, sender) => {
        const ours = handle(message, sender);
        if (ours) return ours;
        const reply = main(message, sender);
        // Another key (or none): the old queue and its names must not stay.
        const type = (message as { type?: unknown } | null | undefined)?.type;
        if (type === 'key.set' || type === 'key.clear') void reply.then(() => queue.reset());
        return reply;
      },
    /** The second command: the queue in the tab it was pressed in. */
    command(command: string, tab: Browser.tabs.Tab | undefined): boolean {
      if (command !== CALLS_TO_LOG_COMMAND) return false;
      if (tab?.id !== undefined) void tabs.openIn(tab.id);
      else void tabs.openQueue();
      return true;
    },
    saved: (call: Call) => queue.saved(call),
  };
}

// The two settings as utils/settings.ts stores them (storage.local, `settings.…`), read here
// without zod/mini: the background's bundle has its budget (BENCHMARKS.md). Anything else stored
// there reads as the default, as settings.ts would.
async function readPeriod(): Promise<CallsToLogPeriod> {
  const value: unknown = (await browser.storage.local.get('settings.callsToLogPeriod'))['settings.callsToLogPeriod'];
  return CALLS_TO_LOG_PERIODS.find((period) => period === value) ?? DEFAULT_CALLS_TO_LOG_PERIOD;
}
async function readNoNote(): Promise<boolean> {
  return (await browser.storage.local.get('settings.callsToLogNoNote'))['settings.callsToLogNoNote'] === true;
}
