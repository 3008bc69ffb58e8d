import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '@/utils/close/schemas';
import { drafts } from '@/utils/drafts';
import { noteFromLegacyDraft, notePlainText } from '@/utils/note-content';
import type { PanelData } from '@/utils/messages';
import { QuickEditPanel } from './QuickEditPanel';

// Issue 15, live first run: the open panel follows a connect or a Disconnect made in the popup or
// the settings page (the background's `connection.changed`), without being reopened. The
// background is replaced by a panel.load answer that follows `connected`.

let connected = false;
const loads: unknown[] = [];
vi.mock('@/utils/panel/send', () => ({
  send: async (message: { type: string }) => {
    if (message.type !== 'panel.load') return { ok: false, error: { kind: 'rejected', message: 'not in this test' } };
    loads.push(message);
    return { ok: true, value: connected ? DATA : { connected: false } };
  },
}));
vi.mock('./NoteEditor', () => import('../test/unit/note-editor-stand-in'));

const CALL = {
  id: 'acti_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  lead_id: 'lead_0123456789abcdefghijAB',
  note: 'First',
  note_html: null,
  outcome_id: null,
  direction: 'outbound',
} as unknown as Call;
const DATA: PanelData = {
  connected: true,
  account: { userId: 'user_rep', organizationId: 'orga_org', email: 'rep@example.com', name: 'Rep', organization: 'Org' },
  calls: [CALL],
  selectedCallId: CALL.id,
  outcomes: [],
  pending: [],
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const note = () => root.querySelector<HTMLTextAreaElement>('#quick-edit-note');
const connectView = () => root.querySelector('.connect');
const tell = (message: unknown, id = fakeBrowser.runtime.id) => fakeBrowser.runtime.onMessage.trigger(message, { id });

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  connected = false;
  loads.length = 0;
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('the open panel follows the connection', () => {
  it('opened before connecting: the connect panel, its button focused; connecting turns it into the call, its draft put back', async () => {
    await drafts.set(CALL.id, { note: noteFromLegacyDraft('Typed before, kept') });
    render(<QuickEditPanel target={{ leadId: 'lead_0123456789abcdefghijAB' }} onClose={() => {}} />, root);
    await vi.waitFor(() => expect(connectView()).not.toBeNull());
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Open settings'));

    connected = true;
    await tell({ type: 'connection.changed', connected: true });
    await vi.waitFor(() => expect(note()?.value).toBe('Typed before, kept'));
    expect(root.textContent).toContain('Draft restored');
    expect(connectView()).toBeNull();
    expect(loads).toHaveLength(2);
  });

  it('a Disconnect shows the connect panel and keeps the typed text as a draft; reconnecting restores it', async () => {
    connected = true;
    render(<QuickEditPanel target={{ leadId: 'lead_0123456789abcdefghijAB' }} onClose={() => {}} />, root);
    await vi.waitFor(() => expect(note()).not.toBeNull());
    await settle();
    note()!.value = 'First, and my words';
    note()!.dispatchEvent(new Event('input', { bubbles: true }));

    connected = false;
    await tell({ type: 'connection.changed', connected: false }); // before the draft's 300 ms pause
    await vi.waitFor(() => expect(connectView()).not.toBeNull());
    expect(note()).toBeNull();
    const stored = await drafts.get(CALL.id);
    expect(stored?.note && notePlainText(stored.note)).toBe('First, and my words');
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Open settings'));

    connected = true;
    await tell({ type: 'connection.changed', connected: true });
    await vi.waitFor(() => expect(note()?.value).toBe('First, and my words'));
    expect(root.textContent).toContain('Draft restored');
  });

  it('ignores the message from anyone but our own extension, and other shapes', async () => {
    render(<QuickEditPanel target={{ leadId: 'lead_0123456789abcdefghijAB' }} onClose={() => {}} />, root);
    await vi.waitFor(() => expect(connectView()).not.toBeNull());
    connected = true;
    await tell({ type: 'connection.changed', connected: true }, 'another-extension');
    await tell({ type: 'connection.changed', connected: 'yes' });
    await settle();
    expect(loads).toHaveLength(1);
    expect(connectView()).not.toBeNull();
  });
});
