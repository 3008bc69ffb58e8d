import type { Browser } from 'wxt/browser';
import { describe, expect, it, vi } from 'vitest';
import type { CallsToLogState } from '../calls-to-log';
import type { TabMessage } from '../messages';
import type { CallsToLog } from './calls-to-log';
import { createCallsToLogHandler } from './calls-to-log-handler';
import { CLOSE_HOME, createCloseTabs } from './close-tabs';

type Sender = Browser.runtime.MessageSender;
const OWN_ID = 'ownextensionid';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}`;
const KEY = 'api_7Hq2LmN4pRsT8vWx.y1z2A3b4C5d6';
const POPUP = { id: OWN_ID, url: `${OWN_ORIGIN}/popup.html`, origin: OWN_ORIGIN } as Sender;
const closeTab = (id: number) =>
  ({ id: OWN_ID, url: 'https://app.close.com/', origin: 'https://app.close.com', tab: { id }, frameId: 0 }) as unknown as Sender;
const EVIL = { ...closeTab(9), url: 'https://evil.example/', origin: 'https://evil.example' } as Sender;

function setup(state: CallsToLogState = { state: 'ready', at: 0, calls: [] }) {
  const queue = { tick: vi.fn(async () => state), refresh: vi.fn(async () => state), get: vi.fn(() => state) } as unknown as CallsToLog;
  const sent: [number, TabMessage][] = [];
  const focusable = new Set<number>();
  const created: string[] = [];
  const tabs = createCloseTabs({
    focus: async (id) => focusable.has(id),
    create: async (url) => (created.push(url), 42),
    send: async (id, message) => (sent.push([id, message]), focusable.has(id) || id === 42),
  });
  const handle = createCallsToLogHandler({ ownId: OWN_ID, ownOrigin: OWN_ORIGIN, queue, tabs, apiKey: async () => KEY });
  return { handle, queue, sent, focusable, created };
}
const OPEN: TabMessage = { type: 'panel.open', view: 'calls-to-log' };

describe('the Calls to log messages', () => {
  it('leaves other messages to the main handler', () => {
    const { handle } = setup();
    expect(handle({ type: 'panel.load' }, closeTab(1))).toBeUndefined();
    expect(handle(null, closeTab(1))).toBeUndefined();
  });

  it('refuses unknown senders, a page asking the popup’s questions and extra fields', async () => {
    const { handle, queue } = setup();
    for (const [message, sender] of [
      [{ type: 'calls.list' }, EVIL],
      [{ type: 'calls.open' }, closeTab(1)],
      [{ type: 'calls.tick', extra: 1 }, closeTab(1)],
      [{ type: 'calls.tick' }, POPUP],
    ] as const)
      expect(await handle(message, sender)).toMatchObject({ ok: false, error: { kind: 'rejected' } });
    expect(queue.tick).not.toHaveBeenCalled();
    expect(queue.refresh).not.toHaveBeenCalled();
  });

  it('a tab’s tick refreshes by the minute rule; the popup refreshes now; the panel at once when fresh, else as known', async () => {
    const { handle, queue } = setup();
    await handle({ type: 'calls.tick' }, closeTab(1));
    expect(queue.tick).toHaveBeenCalledOnce();
    await handle({ type: 'calls.list' }, closeTab(1));
    expect(queue.get).toHaveBeenCalledOnce();
    expect(queue.refresh).not.toHaveBeenCalled();
    await handle({ type: 'calls.count' }, POPUP);
    await handle({ type: 'calls.list', fresh: true }, closeTab(1));
    expect(queue.refresh).toHaveBeenCalledTimes(2);
  });

  it('no reply carries the key, whatever Close said', async () => {
    const { handle } = setup({ state: 'failed', error: { kind: 'auth', message: 'x', nextStep: 'open-settings', detail: `bad key ${KEY}` } });
    expect(JSON.stringify(await handle({ type: 'calls.count' }, POPUP))).not.toContain(KEY);
  });
});

describe('Log calls', () => {
  it('focuses the Close tab seen last and opens the queue there', async () => {
    const { handle, sent, focusable, created } = setup();
    await handle({ type: 'calls.tick' }, closeTab(1));
    await handle({ type: 'calls.tick' }, closeTab(2));
    focusable.add(1).add(2);
    await handle({ type: 'calls.open' }, POPUP);
    expect(sent).toEqual([[2, OPEN]]);
    expect(created).toEqual([]);
  });

  it('skips a tab that is gone, and opens Close when none is left, then the queue once it is ready', async () => {
    const { handle, sent, focusable, created } = setup();
    await handle({ type: 'calls.tick' }, closeTab(1));
    await handle({ type: 'calls.open' }, POPUP); // tab 1 was closed meanwhile
    expect(created).toEqual([CLOSE_HOME]);
    expect(sent).toEqual([]);
    focusable.add(42);
    await handle({ type: 'calls.tick' }, closeTab(42));
    expect(sent).toEqual([[42, OPEN]]);
    await handle({ type: 'calls.tick' }, closeTab(42));
    expect(sent).toHaveLength(1); // once
  });
});
