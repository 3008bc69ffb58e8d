import { browser, type Browser } from 'wxt/browser';
import type { TabMessage } from '../messages';

/**
 * The keyboard command asks the tab's content script to open the panel, which then runs
 * exactly what a click on the launcher runs. Tabs without our content script just ignore it.
 */
export async function openPanelInTab(tab: Browser.tabs.Tab | undefined): Promise<void> {
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  const message: TabMessage = { type: 'panel.open' };
  await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
}
