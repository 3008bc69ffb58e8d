import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { TabMessage } from '../messages';

// The background says a key was connected or disconnected in the popup or settings page
// (utils/background/connection-broadcast.ts, issue 15): an open panel loads again at once, so
// "Connect your Close API key" turns into the call's panel (its draft put back), and after a
// Disconnect the call gives way to the connect panel (the rep's text kept as a draft first).

export type ConnectionEvent = Extract<TabMessage, { type: 'connection.changed' }>;

export const isConnectionEvent = (message: unknown): message is ConnectionEvent =>
  !!message &&
  typeof message === 'object' &&
  (message as ConnectionEvent).type === 'connection.changed' &&
  typeof (message as ConnectionEvent).connected === 'boolean';

/** Listens until the returned function is called; only our own extension's messages count. */
export function onConnectionChange(listener: (event: ConnectionEvent) => void): () => void {
  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id === browser.runtime.id && isConnectionEvent(message)) listener(message);
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}

/** While the panel is mounted: `reload` on every connect and disconnect. */
export function useConnectionChanges(reload: (event: ConnectionEvent) => void): void {
  const latest = useRef(reload);
  latest.current = reload;
  useEffect(() => onConnectionChange((event) => latest.current(event)), []);
}
