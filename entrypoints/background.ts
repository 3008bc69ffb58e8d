import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackground } from '@/utils/background/create-background';
import { openPanelInTab } from '@/utils/background/open-panel';
import { OPEN_PANEL_COMMAND } from '@/utils/command';
import { connectionStore } from '@/utils/connection';

export default defineBackground(() => {
  const background = createBackground({
    ownId: browser.runtime.id,
    ownOrigin: new URL(browser.runtime.getURL('/')).origin,
    connection: connectionStore,
    openSettings: () => browser.runtime.openOptionsPage(),
    sendToTab: async (tabId, message) => void (await browser.tabs.sendMessage(tabId, message, { frameId: 0 })),
    alarms: browser.alarms,
  });

  // Registered synchronously at start-up, so a message that wakes the worker is not lost.
  browser.runtime.onMessage.addListener((message, sender) => background.handleMessage(message, sender));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === OPEN_PANEL_COMMAND) void openPanelInTab(tab);
  });
  browser.alarms.onAlarm.addListener((alarm) => void background.onAlarm(alarm.name));
  globalThis.addEventListener?.('online', () => void background.onOnline());
  void background.start();
});
