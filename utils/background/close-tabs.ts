import type { TabMessage } from '../messages';

// The Close tabs our content script runs in, as their pings tell us (no `tabs` permission: we
// may not read other tabs' URLs). "Log calls" in the popup focuses one of them, or opens
// app.close.com and opens the panel there once its content script says it is ready.

export const CLOSE_HOME = 'https://app.close.com/';

export interface CloseTabsDeps {
  focus: (tabId: number) => Promise<boolean>;
  create: (url: string) => Promise<number | undefined>;
  send: (tabId: number, message: TabMessage) => Promise<boolean>;
}

const OPEN_QUEUE: TabMessage = { type: 'panel.open', view: 'calls-to-log' };

export function createCloseTabs(deps: CloseTabsDeps) {
  const known: number[] = []; // most recently seen last
  const waiting = new Set<number>();

  return {
    /** A content script pinged from this tab: it is a Close tab, ready for messages. */
    async seen(tabId: number) {
      const at = known.indexOf(tabId);
      if (at >= 0) known.splice(at, 1);
      known.push(tabId);
      if (waiting.delete(tabId)) await deps.send(tabId, OPEN_QUEUE);
    },
    gone(tabId: number) {
      const at = known.indexOf(tabId);
      if (at >= 0) known.splice(at, 1);
      waiting.delete(tabId);
    },
    /** Opens the queue in the tab the command came from. */
    openIn: (tabId: number) => deps.send(tabId, OPEN_QUEUE),
    /** The popup's "Log calls": the last Close tab seen, focused, or a new one. */
    async openQueue() {
      for (const tabId of [...known].reverse()) {
        if ((await deps.focus(tabId)) && (await deps.send(tabId, OPEN_QUEUE))) return;
        this.gone(tabId);
      }
      const created = await deps.create(CLOSE_HOME);
      if (created !== undefined) waiting.add(created);
    },
  };
}
