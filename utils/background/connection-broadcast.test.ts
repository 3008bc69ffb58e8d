import { describe, expect, it, vi } from 'vitest';
import type { Reply, TabMessage } from '../messages';
import { createConnectionBroadcast } from './connection-broadcast';

// Issue 15: open Close tabs are told that a key was connected or disconnected, and nothing more.

const KEY = 'api_KDpsWOrsB8y2BZtn5Lkgss.l627VapuSYuYsqdHscoVMW';
const ok = (value: unknown): Reply<unknown> => ({ ok: true, value });

function setup(tabs = [3, 5, 8]) {
  const sent: [number, TabMessage][] = [];
  const broadcast = createConnectionBroadcast({
    tabIds: async () => tabs,
    send: async (tabId, message) => {
      sent.push([tabId, message]);
      if (tabId === 5) throw new Error('Could not establish connection. Receiving end does not exist.');
    },
  });
  return { sent, broadcast };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('connection broadcast', () => {
  it('after a key was set: every tab is told "connected", one without our content script is skipped', async () => {
    const { sent, broadcast } = setup();
    const main = vi.fn(async () => ok({ email: 'rep@example.com' }));
    const reply = await broadcast.follow(main)({ type: 'key.set', apiKey: KEY }, {});
    await settle();
    expect(reply).toEqual(ok({ email: 'rep@example.com' }));
    expect(sent).toEqual([3, 5, 8].map((id) => [id, { type: 'connection.changed', connected: true }]));
    // Neither the key nor the account goes to a tab.
    expect(JSON.stringify(sent)).not.toContain(KEY);
    expect(JSON.stringify(sent)).not.toContain('rep@example.com');
  });

  it('after Disconnect: "disconnected"', async () => {
    const { sent, broadcast } = setup([4]);
    await broadcast.follow(async () => ok(null))({ type: 'key.clear' }, {});
    await settle();
    expect(sent).toEqual([[4, { type: 'connection.changed', connected: false }]]);
  });

  it('says nothing when the key was refused, the sender was not allowed, or for any other message', async () => {
    const { sent, broadcast } = setup();
    const refused = async (): Promise<Reply<unknown>> => ({ ok: false, error: { kind: 'auth', message: 'Close rejected this API key.' } as never });
    await broadcast.follow(refused)({ type: 'key.set', apiKey: KEY }, {});
    await broadcast.follow(async () => ({ ok: false, error: { kind: 'rejected', message: 'Unknown sender.' } }) as Reply<unknown>)(
      { type: 'key.clear' },
      {},
    );
    await broadcast.follow(async () => ok(null))({ type: 'outbox.list' }, {});
    await broadcast.follow(async () => ok(null))(null, {});
    await settle();
    expect(sent).toEqual([]);
  });

  it('a failing tab list tells no one and does not fail', async () => {
    const send = vi.fn(async () => {});
    const broadcast = createConnectionBroadcast({ tabIds: () => Promise.reject(new Error('gone')), send });
    await expect(broadcast.changed(true)).resolves.toBeUndefined();
    expect(send).not.toHaveBeenCalled();
  });
});
