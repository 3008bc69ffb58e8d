import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createMessageHandler } from '@/utils/background/handle-message';
import { openPanelInTab } from '@/utils/background/open-panel';
import { OUTBOX_ALARM, scheduleOutboxAlarm } from '@/utils/background/outbox-alarm';
import { OPEN_PANEL_COMMAND } from '@/utils/command';
import { connectionStore } from '@/utils/connection';
import { drafts } from '@/utils/drafts';
import { createCloseClient } from '@/utils/close/client';
import { createOutbox } from '@/utils/background/outbox';
import { createSaver } from '@/utils/background/saver';
import { keyFreeNotify } from '@/utils/background/key-free-notify';
import { startCallsToLog } from '@/utils/background/calls-to-log-wiring';
import type { TabMessage } from '@/utils/messages';

export default defineBackground(() => {
  // Save results carry Close's own words: the key is removed from anything sent to a tab.
  const notifyTab = keyFreeNotify(async (tabId: number, message: TabMessage) => {
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  }, connectionStore);
  const outbox = createOutbox();
  const callsToLog = startCallsToLog({ connection: connectionStore, queuedSaves: () => outbox.list() });
  const saver = createSaver({
    outbox,
    // No retries inside the client: the saver retries, and tells the panel how long it waits.
    client: async () => {
      const connection = await connectionStore.get();
      return connection ? createCloseClient({ apiKey: connection.apiKey, rateLimitRetries: 0 }) : undefined;
    },
    notify: notifyTab,
    confirmed: async (job, call) => {
      void callsToLog.saved(call);
      await drafts.removeIfSavedBy(job.callId, job.id);
    },
    wakeLater: scheduleOutboxAlarm,
  });
  const handleMessage = createMessageHandler({
    ownId: browser.runtime.id,
    ownOrigin: new URL(browser.runtime.getURL('/')).origin,
    connection: connectionStore,
    openSettings: () => browser.runtime.openOptionsPage(),
    notifyTab,
    saver,
  });

  // Registered synchronously at start-up, so a message that wakes the worker is not lost.
  const route = callsToLog.route(handleMessage);
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === OPEN_PANEL_COMMAND) void openPanelInTab(tab);
    else callsToLog.command(command, tab);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void saver.resume();
  });
  globalThis.addEventListener?.('online', () => void saver.resume());

  // A save that was on the wire when the worker stopped, or that waited offline, goes on now.
  void saver.resume();
  void drafts.prune();
});
