import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '@/utils/close/schemas';
import { drafts } from '@/utils/drafts';
import { notePlainText } from '@/utils/note-content';
import type { PanelData } from '@/utils/messages';
import { QuickEditPanel } from './QuickEditPanel';

// The panel's keyboard decisions that an end-to-end run cannot provoke: storage refusing a
// draft. The background is replaced by a fixed panel.load answer; nothing is ever sent to Close.

const sent: { type: string }[] = [];
/** Answers by message type, beyond panel.load; a refusal for anything else. */
let answers: Record<string, unknown> = {};
vi.mock('@/utils/panel/send', () => ({
  send: async (message: { type: string }) => {
    sent.push(message);
    if (message.type === 'panel.load') return { ok: true, value: DATA };
    return answers[message.type] ?? { ok: false, error: { kind: 'rejected', message: 'not in this test' } };
  },
}));

vi.mock('./NoteEditor', () => import('../test/unit/note-editor-stand-in'));

const call = (id: string, note: string, outcome_id: string | null = null) =>
  ({ id, lead_id: 'lead_0123456789abcdefghijAB', note, note_html: null, outcome_id, direction: 'outbound' }) as unknown as Call;
const CALLS = [call('acti_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'First'), call('acti_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'Second')];
const DATA: PanelData = {
  connected: true,
  account: { userId: 'user_rep', organizationId: 'orga_org', email: 'rep@example.com', name: 'Rep', organization: 'Org' },
  calls: CALLS,
  selectedCallId: CALLS[0]!.id,
  outcomes: [],
  pending: [],
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
function click(target: Element) {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}
const saveButton = () => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Save')!;
const draftText = async (id: string) => {
  const note = (await drafts.get(id as Call['id']))?.note;
  return note && notePlainText(note);
};

function press(target: Element, init: KeyboardEventInit) {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  sent.length = 0;
  answers = {};
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function openPanel() {
  const onClose = vi.fn();
  render(<QuickEditPanel target={{ leadId: 'lead_0123456789abcdefghijAB' }} onClose={onClose} />, root);
  await vi.waitFor(() => expect(root.querySelector('textarea')).not.toBeNull());
  await settle();
  const note = root.querySelector<HTMLTextAreaElement>('#quick-edit-note')!;
  return { onClose, note };
}

/** Typing, then the re-render a real next key press would find done. */
async function type(note: HTMLTextAreaElement, text: string) {
  note.value = text;
  note.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}

describe('Esc', () => {
  it('closes at once with no change', async () => {
    const { onClose, note } = await openPanel();
    press(note, { key: 'Escape' });
    await settle();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('keeps an unsaved change as a draft before closing', async () => {
    const { onClose, note } = await openPanel();
    await type(note, 'First, and more');
    press(note, { key: 'Escape' });
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    expect(await draftText(CALLS[0]!.id)).toBe('First, and more');
    expect(sent.filter((m) => m.type === 'call.save')).toEqual([]);
  });

  it('asks first when the change cannot be kept as a draft, and Keep editing keeps the text', async () => {
    vi.spyOn(drafts, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const { onClose, note } = await openPanel();
    await type(note, 'First, and more');
    press(note, { key: 'Escape' });
    await vi.waitFor(() => expect(root.querySelector('[role=alert]')?.textContent).toMatch(/could not be kept as a draft/));
    expect(onClose).not.toHaveBeenCalled();
    const buttons = [...root.querySelectorAll('[role=alert] button')].map((b) => b.textContent);
    expect(buttons).toEqual(['Close without saving', 'Keep editing']);
    // Focus is on the safe answer, so a second Enter does not throw the text away.
    expect(document.activeElement?.textContent).toBe('Keep editing');
    // Esc again answers "keep editing": the question goes, the text stays, the panel stays.
    press(note, { key: 'Escape' });
    await settle();
    expect(root.querySelector('[role=alert]')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
    expect(root.querySelector<HTMLTextAreaElement>('#quick-edit-note')!.value).toBe('First, and more');
    expect(document.activeElement?.id).toBe('quick-edit-note');
  });

  it('ignores key presses a page script made up', async () => {
    const { onClose, note } = await openPanel();
    note.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    note.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
    await settle();
    expect(onClose).not.toHaveBeenCalled();
    expect(root.querySelector<HTMLSelectElement>('#quick-edit-call')!.value).toBe(CALLS[0]!.id);
  });
});

describe('moving between calls', () => {
  it('Alt+Down shows the next call and Alt+Up the previous one, keeping what was typed as a draft', async () => {
    const { note } = await openPanel();
    await type(note, 'First, edited');
    press(note, { key: 'ArrowDown', altKey: true });
    // Never the new call with the old call's note, not even for a frame.
    await vi.waitFor(() => expect(root.querySelector<HTMLSelectElement>('#quick-edit-call')!.value).toBe(CALLS[1]!.id), {
      interval: 1,
    });
    expect(root.querySelector<HTMLTextAreaElement>('#quick-edit-note')!.value).toBe('Second');
    press(root.querySelector('#quick-edit-note')!, { key: 'ArrowUp', altKey: true });
    await vi.waitFor(() => expect(root.querySelector<HTMLTextAreaElement>('#quick-edit-note')!.value).toBe('First, edited'));
    expect(root.textContent).toContain('Draft restored');
  });
});

describe('saving', () => {
  it('a refusal of our own message is not retried, and is said', async () => {
    answers['call.save'] = { ok: false, error: { kind: 'rejected', message: 'The extension could not accept this change.' } };
    const { note } = await openPanel();
    await type(note, 'Refused');
    click(saveButton());
    await vi.waitFor(() => expect(root.querySelector('[role=alert]')?.textContent).toMatch(/could not accept this change/));
    await new Promise((resolve) => setTimeout(resolve, 700)); // longer than a retry's pause
    expect(sent.filter((m) => m.type === 'call.save')).toHaveLength(1);
    expect(sent.filter((m) => m.type === 'save.status')).toHaveLength(0);
    expect(note.value).toBe('Refused');
  });

  it('Save keeps focus in the panel: the Note box has it before Save is disabled', async () => {
    answers['call.save'] = { ok: true, value: { state: 'accepted' } };
    answers['save.status'] = new Promise(() => {}); // still on its way
    const { note } = await openPanel();
    await type(note, 'On its way');
    saveButton().focus();
    click(saveButton());
    await settle();
    expect(saveButton().disabled).toBe(true);
    expect(document.activeElement).toBe(note);
  });

  it('a draft that cannot be stored stops the save, says so, and the text stays', async () => {
    vi.spyOn(drafts, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const { note } = await openPanel();
    await type(note, 'Nowhere to keep it');
    click(saveButton());
    await vi.waitFor(() => expect(root.querySelector('[role=alert]')?.textContent).toMatch(/could not be stored.*Copy your text/));
    expect(sent.filter((m) => m.type === 'call.save')).toEqual([]);
    expect(note.value).toBe('Nowhere to keep it');
  });
});

describe('drafts', () => {
  it('are written at once when the page is hidden or goes away, not 300 ms later', async () => {
    const { note } = await openPanel();
    await type(note, 'Typed just before reload');
    window.dispatchEvent(new Event('pagehide'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await draftText(CALLS[0]!.id)).toBe('Typed just before reload');
    await type(note, 'Then the tab was hidden');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    expect(await draftText(CALLS[0]!.id)).toBe('Then the tab was hidden');
  });
});
