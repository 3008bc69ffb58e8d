import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackground } from '@/utils/background/create-background';
import { openPanelInTab } from '@/utils/background/open-panel';
import { OPEN_PANEL_COMMAND } from '@/utils/command';
import { connectionStore } from '@/utils/connection';
import type { TabMessage } from '@/utils/messages';
import { startCallsToLog } from '@/utils/background/calls-to-log-wiring';
import { createConnectionBroadcast } from '@/utils/background/connection-broadcast';
import { keyFreeNotify } from '@/utils/background/key-free-notify';

export default defineBackground(() => {
  const sendToTab = async (tabId: number, message: TabMessage) => void (await browser.tabs.sendMessage(tabId, message, { frameId: 0 }));
  const background = createBackground({
    ownId: browser.runtime.id,
    ownOrigin: new URL(browser.runtime.getURL('/')).origin,
    connection: connectionStore,
    openSettings: () => browser.runtime.openOptionsPage(),
    sendToTab,
    alarms: browser.alarms,
    onSaved: (call) => void callsToLog.saved(call),
  });
  const callsToLog = startCallsToLog({ connection: connectionStore, saves: () => background.saver.list() });

  // A connect or Disconnect in the popup or settings page reaches open panels at once (issue 15).
  const connectionChanges = createConnectionBroadcast({
    tabIds: async () => (await browser.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])),
    send: keyFreeNotify(sendToTab, connectionStore),
  });
  // Registered synchronously at start-up, so a message that wakes the worker is not lost.
  const route = connectionChanges.follow(callsToLog.route(background.handleMessage));
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === OPEN_PANEL_COMMAND) void openPanelInTab(tab);
    else callsToLog.command(command, tab);
  });
  browser.alarms.onAlarm.addListener((alarm) => void background.onAlarm(alarm.name));
  globalThis.addEventListener?.('online', () => void background.onOnline());
  void background.start();
});
