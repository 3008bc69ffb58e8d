import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackground } from '@/utils/background/create-background';
import { openPanelInTab } from '@/utils/background/open-panel';
import { OPEN_PANEL_COMMAND } from '@/utils/command';
import { connectionStore } from '@/utils/connection';
import { startCallsToLog } from '@/utils/background/calls-to-log-wiring';

export default defineBackground(() => {
  const background = createBackground({
    ownId: browser.runtime.id,
    ownOrigin: new URL(browser.runtime.getURL('/')).origin,
    connection: connectionStore,
    openSettings: () => browser.runtime.openOptionsPage(),
    sendToTab: async (tabId, message) => void (await browser.tabs.sendMessage(tabId, message, { frameId: 0 })),
    alarms: browser.alarms,
    onSaved: (call) => void callsToLog.saved(call),
  });
  const callsToLog = startCallsToLog({ connection: connectionStore, saves: () => background.saver.list() });

  // Registered synchronously at start-up, so a message that wakes the worker is not lost.
  const route = callsToLog.route(background.handleMessage);
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === OPEN_PANEL_COMMAND) void openPanelInTab(tab);
    else callsToLog.command(command, tab);
  });
  browser.alarms.onAlarm.addListener((alarm) => void background.onAlarm(alarm.name));
  globalThis.addEventListener?.('online', () => void background.onOnline());
  void background.start();
});
