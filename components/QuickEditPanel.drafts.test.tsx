import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '@/utils/close/schemas';
import { drafts } from '@/utils/drafts';
import { noteFromLegacyDraft } from '@/utils/note-content';
import type { PanelData } from '@/utils/messages';
import { QuickEditPanel } from './QuickEditPanel';

// Issue 15: a call with a draft not yet saved is marked in the Call control, kept current as
// drafts come and go (the launcher and feed buttons: utils/content/page-marks.test.ts).

vi.mock('@/utils/panel/send', () => ({
  send: async (message: { type: string }) =>
    message.type === 'panel.load' ? { ok: true, value: DATA } : { ok: false, error: { kind: 'rejected', message: 'not in this test' } },
}));
vi.mock('./NoteEditor', () => import('../test/unit/note-editor-stand-in'));

const call = (id: string, note: string) =>
  ({ id, lead_id: 'lead_0123456789abcdefghijAB', note, note_html: null, outcome_id: 'outc_x', direction: 'outbound', remote_phone: '+1555' }) as unknown as Call;
const FIRST = call('acti_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'First');
const SECOND = call('acti_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'Second');
const DATA: PanelData = {
  connected: true,
  account: { userId: 'user_rep', organizationId: 'orga_org', email: 'rep@example.com', name: 'Rep', organization: 'Org' },
  calls: [FIRST, SECOND],
  selectedCallId: FIRST.id,
  outcomes: [],
  pending: [],
};

const options = () => [...root.querySelectorAll('#quick-edit-call option')].map((o) => o.textContent ?? '');
const marked = () => options().map((text) => text.endsWith(' · draft'));

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('the Call control marks calls with a draft', () => {
  it('a stored draft, the rep’s typing, and a draft that goes', async () => {
    await drafts.set(SECOND.id, { note: noteFromLegacyDraft('Second, with more') });
    render(<QuickEditPanel target={{ leadId: 'lead_0123456789abcdefghijAB' }} onClose={() => {}} />, root);
    await vi.waitFor(() => expect(marked()).toEqual([false, true]));
    expect(options()[1]).toMatch(/^Outbound · \+1555 · .* · draft$/);

    const note = root.querySelector<HTMLTextAreaElement>('#quick-edit-note')!;
    note.value = 'First, typed';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(marked()).toEqual([true, true]));

    await drafts.remove(SECOND.id); // saved or discarded elsewhere
    await vi.waitFor(() => expect(marked()).toEqual([true, false]));
  });

  it('a draft handed to a save is not marked: it is on its way to Close', async () => {
    await drafts.set(SECOND.id, { note: noteFromLegacyDraft('Sent'), saveId: '00000000-0000-4000-8000-000000000001' });
    render(<QuickEditPanel target={{ leadId: 'lead_0123456789abcdefghijAB' }} onClose={() => {}} />, root);
    await vi.waitFor(() => expect(options()).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(marked()).toEqual([false, false]);
  });
});
