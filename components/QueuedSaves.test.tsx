import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PendingSave } from '@/utils/messages';
import { QueuedSaves } from './QueuedSaves';

// The popup's list of saves not yet at Close (issue 13: saves belong to the account that made them).

const SAVE = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ANN = { userId: 'user_ann', organizationId: 'orga_acme', email: 'ann@acme.example' };
const pending = (n: number, progress: PendingSave['progress'], owner: PendingSave['owner'] = ANN): PendingSave => ({
  saveId: SAVE(n),
  callId: 'acti_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG',
  changes: { note: `Note ${n}` },
  createdAt: 1,
  progress,
  owner,
});

let list: PendingSave[];
const asked: { type: string; saveId?: string }[] = [];
const ask = vi.fn(async (message: { type: string; saveId?: string }) => {
  asked.push(message);
  if (message.type === 'outbox.list') return { ok: true, value: list };
  list = list.filter((s) => s.saveId !== message.saveId);
  return { ok: true, value: { state: message.type === 'outbox.claim' ? 'accepted' : 'cancelled' } };
}) as never;

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  asked.length = 0;
  root = document.createElement('main');
  document.body.replaceChildren(root);
});
afterEach(() => render(null, root));

async function show() {
  await act(() => render(<QueuedSaves ask={ask} />, root));
  for (let i = 0; i < 3; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}
const items = () => [...root.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;

describe('saves waiting in the outbox', () => {
  it('after Disconnect: waiting for the account that made them, its email shown, with Discard', async () => {
    list = [pending(1, { state: 'waiting', reason: 'account' })];
    await show();
    expect(items()).toEqual([expect.stringContaining('waiting for ann@acme.example to be connected again')]);
    await act(() => button('Discard').click());
    expect(asked).toContainEqual({ type: 'outbox.cancel', saveId: SAVE(1) });
  });

  it('a save of an older version (no account): the rep sends it with this account, or discards it', async () => {
    list = [pending(2, { state: 'waiting', reason: 'unclaimed' }, null), pending(3, { state: 'waiting', reason: 'unclaimed' }, null)];
    await show();
    expect(items()[0]).toContain('made by an earlier version');
    await act(() => root.querySelectorAll('li')[0]!.querySelector('button')!.click());
    expect(asked).toContainEqual({ type: 'outbox.claim', saveId: SAVE(2) });
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(items()).toHaveLength(1);
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Send with this account', 'Discard']);
  });

  it('names each save by its lead, contact or phone, and the call’s date (issue 15); an older one by its call', async () => {
    const at = '2026-11-23T15:42:00Z';
    list = [
      { ...pending(5, { state: 'waiting', reason: 'offline' }), label: { lead: 'Acme Anvils & Co.', who: 'Wile E. Coyote', at } },
      { ...pending(6, { state: 'waiting', reason: 'offline' }), label: { who: '+14155550101', at } },
      pending(7, { state: 'waiting', reason: 'offline' }),
    ];
    await show();
    const date = new Date(at).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
    expect(items()[0]).toBe(`Acme Anvils & Co. · Wile E. Coyote · ${date}: note “Note 5” (waiting for a connection) Cancel`);
    expect(items()[1]).toBe(`+14155550101 · ${date}: note “Note 6” (waiting for a connection) Cancel`);
    // Saved by an older version: no names were kept with it.
    expect(items()[2]).toBe('note “Note 7” (waiting for a connection, call …BCDEFG) Cancel');
  });

  it('is kept current: a change of the outbox or the connection lists again', async () => {
    list = [pending(4, { state: 'sending' })];
    await show();
    expect(items()[0]).toContain('saving');
    list = [pending(4, { state: 'waiting', reason: 'account' })];
    await act(async () => {
      await fakeBrowser.storage.local.remove('connection');
      await fakeBrowser.storage.local.set({ connection: null });
    });
    await vi.waitFor(() => expect(items()[0]).toContain('waiting for ann@acme.example'));
  });
});
