import { browser } from 'wxt/browser';
import { createCloseClient, type CloseClient, type CloseClientOptions } from '../close/client';
import type { ConnectionStore } from '../connection';
import { draftStore as drafts } from '../draft-store';
import type { Call } from '../close/schemas';
import type { TabMessage } from '../messages';
import { createMessageHandler } from './handle-message';
import { keyFreeNotify } from './key-free-notify';
import { holdMsFor, readOutcomeHold, type OutcomeHold } from './hold';
import { createOutbox } from './outbox';
import { OUTBOX_ALARM, wakeOutboxAt, type Alarms } from './outbox-alarm';
import { createSaver } from './saver';

// The background, built once from what the browser provides: the service worker
// (entrypoints/background.ts) and the tests run this same wiring, so what is tested is what ships.

export interface BackgroundEnv {
  ownId: string;
  ownOrigin: string;
  connection: ConnectionStore;
  openSettings: () => Promise<void>;
  /** Delivers a message to a tab's top frame (browser.tabs.sendMessage). */
  sendToTab: (tabId: number, message: TabMessage) => Promise<void>;
  alarms: Alarms;
  /** A save was confirmed by Close, with the call as it is now (Calls to log, issue 17). */
  onSaved?: (call: Call) => void;
  createClient?: (apiKey: string, options?: Partial<CloseClientOptions>) => CloseClient;
  /** The outbox's storage item (storage.local's `outbox` unless given). */
  outboxItem?: Parameters<typeof createOutbox>[0];
  /** The outcome hold setting (storage.local's `settings.outcomeHold…` unless given). */
  outcomeHold?: () => Promise<OutcomeHold>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const readStoredHold = () => readOutcomeHold((keys) => browser.storage.local.get(keys));

export function createBackground(env: BackgroundEnv) {
  const createClient =
    env.createClient ?? ((apiKey: string, options?: Partial<CloseClientOptions>) => createCloseClient({ apiKey, ...options }));
  // Save results carry Close's own words: the key is removed from anything sent to a tab.
  const notifyTab = keyFreeNotify(env.sendToTab, env.connection);
  const saver = createSaver({
    outbox: createOutbox(env.outboxItem),
    connection: () => env.connection.get(),
    // No retries inside the client: the saver retries, and tells the panel how long it waits.
    createClient: (apiKey) => createClient(apiKey, { rateLimitRetries: 0 }),
    notify: notifyTab,
    confirmed: async (save, call) => {
      env.onSaved?.(call);
      await drafts.removeIfSavedBy(save.callId, save.id);
    },
    wakeAt: (when) => void wakeOutboxAt(env.alarms, when),
    holdMs: async (changes) => holdMsFor(changes, await (env.outcomeHold ?? readStoredHold)()),
    ...(env.now && { now: env.now }),
    ...(env.sleep && { sleep: env.sleep }),
    ...(env.random && { random: env.random }),
  });
  const handleMessage = createMessageHandler({
    ownId: env.ownId,
    ownOrigin: env.ownOrigin,
    connection: env.connection,
    openSettings: env.openSettings,
    createClient,
    saver,
    ...(env.now && { now: env.now }),
  });
  return {
    handleMessage,
    saver,
    onAlarm(name: string) {
      if (name === OUTBOX_ALARM) return saver.resume();
    },
    /** The browser says the network is back. */
    onOnline: () => saver.resume(),
    /** A worker start: a save on the wire when the last one stopped, or waiting, goes on now. */
    start: () => Promise.all([saver.resume(), drafts.prune()]),
  };
}

export type Background = ReturnType<typeof createBackground>;
