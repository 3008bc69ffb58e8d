import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallToLog, CallsToLogState } from '@/utils/calls-to-log';
import type { Call } from '@/utils/close/schemas';
import type { PanelData } from '@/utils/messages';
import { QuickEditPanel } from './QuickEditPanel';

// Calls to log in the panel (issue 17): the queue across leads in the Call control, Save & next
// walking it without asking the background for the next call, each save to the call it was made
// on, and "All calls logged". The background is replaced by fixed answers.

vi.mock('./NoteEditor', () => import('../test/unit/note-editor-stand-in'));

const LEADS = ['lead_AAAAAAAAAAAAAAAAAAAAAAAAAA', 'lead_BBBBBBBBBBBBBBBBBBBBBBBBBB', 'lead_CCCCCCCCCCCCCCCCCCCCCCCCCC'];
const call = (n: number, lead: string) =>
  ({
    id: `acti_${String(n).repeat(43)}`,
    lead_id: lead,
    note: '',
    note_html: null,
    outcome_id: null,
    direction: 'outbound',
    status: 'completed',
    duration: 60 * n + 5,
    remote_phone: `+1555000000${n}`,
    activity_at: `2026-12-0${n}T10:00:00+00:00`,
    date_created: `2026-12-0${n}T10:00:00+00:00`,
    date_updated: `2026-12-0${n}T10:00:00+00:00`,
  }) as unknown as Call;
const QUEUE: CallToLog[] = [
  { call: call(1, LEADS[0]!), leadName: 'Globex', contactName: 'Hank' },
  { call: call(2, LEADS[1]!), leadName: 'Initech' },
  { call: call(3, LEADS[2]!), leadName: 'Acme', contactName: 'Wile' },
];
const OUTCOME = 'outcome_IIIIIIIIIIIIIIIIIIIIII';
const DATA: PanelData = {
  connected: true,
  account: { userId: 'user_rep', organizationId: 'orga_org', email: 'rep@example.com', name: 'Rep', organization: 'Org' },
  calls: [],
  selectedCallId: null,
  outcomes: [{ id: OUTCOME, name: 'Interested' } as PanelData extends { outcomes: (infer O)[] } ? O : never],
  pending: [],
};

const sent: { type: string; [key: string]: unknown }[] = [];
let queueState: CallsToLogState;
vi.mock('@/utils/panel/send', () => ({
  send: async (message: { type: string; callId?: string; changes?: Record<string, unknown> }) => {
    sent.push(message);
    if (message.type === 'panel.load') return { ok: true, value: DATA };
    if (message.type === 'call.save') return { ok: true, value: { state: 'accepted' } };
    if (message.type === 'save.status') {
      const save = sent.find((m) => m.type === 'call.save' && m.saveId === (message as { saveId?: string }).saveId)!;
      const before = QUEUE.find((e) => e.call.id === save.callId)!.call;
      return { ok: true, value: { state: 'saved', call: { ...before, ...(save.changes as object), date_updated: 'later' } } };
    }
    return { ok: false, error: { kind: 'rejected', message: 'not in this test' } };
  },
}));

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  sent.length = 0;
  queueState = { state: 'ready', at: 0, calls: QUEUE };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => ({ ok: true, value: queueState }));
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function press(target: Element, init: KeyboardEventInit) {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const select = () => root.querySelector<HTMLSelectElement>('#quick-edit-call');
const note = () => root.querySelector<HTMLTextAreaElement>('#quick-edit-note')!;
const buttonNamed = (re: RegExp) => [...root.querySelectorAll('button')].find((b) => re.test(b.textContent ?? ''));

async function openQueue(target = {}) {
  render(<QuickEditPanel target={target} onClose={() => undefined} view="calls-to-log" />, root);
  await vi.waitFor(() => expect(select()).not.toBeNull());
  await settle();
}

describe('Calls to log in the panel', () => {
  it('lists the queue across leads by lead, contact or phone, date and duration, and links the lead', async () => {
    await openQueue();
    const options = [...select()!.options].map((o) => o.textContent);
    expect(options).toHaveLength(3);
    expect(options[0]).toMatch(/^Globex · Hank · .+ · 1:05$/);
    expect(options[1]).toMatch(/^Initech · \+15550000002 · .+ · 2:05$/);
    expect(select()!.value).toBe(QUEUE[0]!.call.id);
    expect(buttonNamed(/^Calls to log/)!.textContent).toBe('Calls to log (3)');
    expect(root.querySelector('a')!.getAttribute('href')).toBe(`/lead/${LEADS[0]}/`);
    expect(root.querySelector('a')!.textContent).toBe('Open lead');
  });

  it('Save & next walks the queue, each save to its own call, then All calls logged', async () => {
    await openQueue();
    for (const [i, entry] of QUEUE.entries()) {
      expect(select()!.value).toBe(entry.call.id);
      note().value = `Logged ${i}`;
      note().dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
      press(note(), { key: '1', code: 'Digit1', altKey: true });
      press(note(), { key: 'Enter', ctrlKey: true, shiftKey: true });
      await settle();
    }
    await vi.waitFor(() => expect(root.querySelector('[role=status].all-logged')?.textContent).toBe('All calls logged'));
    const saves = sent.filter((m) => m.type === 'call.save');
    expect(saves.map((m) => m.callId)).toEqual(QUEUE.map((entry) => entry.call.id));
    saves.forEach((m, i) => {
      const changes = m.changes as { note?: string; note_html?: string; outcome_id?: string };
      expect(changes.outcome_id).toBe(OUTCOME);
      expect(changes.note ?? changes.note_html).toContain(`Logged ${i}`);
    });
    // The next call came from the queue in memory: panel.load was asked once, for the account and outcomes.
    expect(sent.filter((m) => m.type === 'panel.load')).toHaveLength(1);
    expect(buttonNamed(/^Calls to log/)!.textContent).toBe('Calls to log (0)');
  });

  it('an empty queue says All calls logged', async () => {
    queueState = { state: 'ready', at: 0, calls: [] };
    render(<QuickEditPanel target={{}} onClose={() => undefined} view="calls-to-log" />, root);
    await vi.waitFor(() => expect(root.textContent).toContain('All calls logged'));
    expect(select()).toBeNull();
  });

  it('a listing that failed is explained with Try again, and the page’s call is a click away', async () => {
    queueState = { state: 'failed', error: { kind: 'rate-limited', message: 'Close is busy.', nextStep: 'retry' } };
    render(<QuickEditPanel target={{ leadId: LEADS[0] as `lead_${string}` }} onClose={() => undefined} view="calls-to-log" />, root);
    await vi.waitFor(() => expect(root.querySelector('[role=alert]')?.textContent).toMatch(/could not be listed\. Close is busy\./));
    expect(buttonNamed(/^Try again/)).toBeDefined();
    expect(buttonNamed(/Back to this page’s call/)).toBeDefined();
  });
});
