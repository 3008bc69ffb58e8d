import { describe, expect, it } from 'vitest';
import { callId, leadId, makeCall, outcomeId } from '../../test/unit/helpers';
import type { Call } from '../close/schemas';
import type { PanelData, PendingSave, SaveResult } from '../messages';
import { notePlainText } from '../note-content';
import { initialSession, reduce, type Effect, type Event, type Session } from './save-session';

// The panel's side of the outcome hold (issue 14) and of Retry now (issue 15).

const LEAD = leadId(1);
const OUTCOME = outcomeId(4);
const A = makeCall({ id: callId(1), lead_id: LEAD, note: 'Note A', note_html: null, outcome_id: null });
const B = makeCall({ id: callId(2), lead_id: LEAD, note: 'Note B', note_html: null, outcome_id: null });
const SAVE = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ACCOUNT = { userId: 'user_x', organizationId: 'orga_x', email: 'rep@example.com', name: 'Rep', organization: 'Org' };
const data = (calls: Call[], pending: PendingSave[] = []): PanelData => ({ connected: true, account: ACCOUNT, calls, selectedCallId: calls[0]!.id, outcomes: [], pending });

function play(events: Event[], start?: Session) {
  let s = start ?? initialSession()[0];
  const effects: Effect[] = [];
  for (const event of events) {
    const [next, more] = reduce(s, event, 1_000);
    s = next;
    effects.push(...more);
  }
  return { s, effects };
}
const loaded = (pending: PendingSave[] = []) => play([{ type: 'loaded', token: 1, reply: { ok: true, value: data([A, B], pending) } }]).s;
const result = (n: number, r: SaveResult): Event => ({ type: 'result', saveId: SAVE(n), result: r });
const held: SaveResult = { state: 'waiting', reason: 'hold', until: 6_000 };
const pickAndSave = (then?: 'next'): Event[] => [
  { type: 'pick-outcome', outcomeId: OUTCOME },
  { type: 'save', saveId: SAVE(1), ...(then && { then }) },
];

describe('the outcome hold in the panel', () => {
  it('a held save shows its hold with its end; the late `accepted` does not say “Saving…” over it', () => {
    const { s } = play([...pickAndSave(), result(1, held), result(1, { state: 'accepted' })], loaded());
    expect(s.status).toEqual({ kind: 'waiting', saveId: SAVE(1), reason: 'hold', until: 6_000 });
  });

  it('Undo during the hold cancels it; nothing was sent, and the rep’s changes stay in the boxes', () => {
    const waiting = play([...pickAndSave(), result(1, held)], loaded()).s;
    const { s, effects } = play([{ type: 'cancel' }, { type: 'cancel-reply', saveId: SAVE(1), result: { state: 'cancelled' } }], waiting);
    expect(effects).toContainEqual({ type: 'cancel', saveId: SAVE(1) });
    expect(s.status).toEqual({ kind: 'info', say: 'holdUndone' });
    expect(s.outcomeId).toBe(OUTCOME);
    expect(s.saves[SAVE(1)]).toBeUndefined();
    // Its draft is not removed: the boxes are what the rep has.
    expect(effects.some((e) => e.type === 'remove-draft')).toBe(false);
  });

  it('the same when the background’s push says it was cancelled before the cancel’s answer comes', () => {
    const waiting = play([...pickAndSave(), result(1, held)], loaded()).s;
    const { s } = play(
      [{ type: 'cancel' }, result(1, { state: 'cancelled' }), { type: 'cancel-reply', saveId: SAVE(1), result: { state: 'cancelled' } }],
      waiting,
    );
    expect(s.status).toEqual({ kind: 'info', say: 'holdUndone' });
    expect(s.outcomeId).toBe(OUTCOME);
  });

  it('Undo too late (the hold ended, the request is on its way) says so', () => {
    const waiting = play([...pickAndSave(), result(1, held)], loaded()).s;
    const { s } = play([{ type: 'cancel' }, { type: 'cancel-reply', saveId: SAVE(1), result: { state: 'sending' } }], waiting);
    expect(s.status).toEqual({ kind: 'info', say: 'tooLateToCancel' });
  });

  it('Save & next moves on at once; the status follows the held save of the call before', () => {
    const { s } = play([...pickAndSave('next'), result(1, { state: 'accepted' }), result(1, held)], loaded());
    expect(s.callId).toBe(B.id);
    expect(s.status).toEqual({ kind: 'waiting', saveId: SAVE(1), reason: 'hold', until: 6_000, behind: A.id });
    const undone = play([{ type: 'cancel' }, { type: 'cancel-reply', saveId: SAVE(1), result: { state: 'cancelled' } }], s).s;
    expect(undone.status).toEqual({ kind: 'info', say: 'holdUndone' });
    expect(undone.goBack).toBeUndefined();
  });

  it('a held save found when the panel opens shows its hold', () => {
    const pending: PendingSave = { saveId: SAVE(7), callId: A.id, changes: { outcome_id: OUTCOME }, createdAt: 1, progress: { state: 'waiting', reason: 'hold', until: 9_000 }, owner: null };
    expect(loaded([pending]).status).toEqual({ kind: 'waiting', saveId: SAVE(7), reason: 'hold', until: 9_000 });
    expect(notePlainText(loaded([pending]).content)).toBe('Note A');
  });
});

describe('Retry now', () => {
  it('asks the background to send a save waiting for Close (5xx, 429) now, and says it is being sent', () => {
    for (const reason of ['server', 'rate-limited'] as const) {
      const waiting = play([...pickAndSave(), result(1, { state: 'waiting', reason, until: 30_000 })], loaded()).s;
      const { s, effects } = play([{ type: 'retry-now' }], waiting);
      expect(effects).toEqual([{ type: 'retry-now', saveId: SAVE(1) }]);
      expect(s.status).toEqual({ kind: 'sending', saveId: SAVE(1) });
    }
  });

  it('does nothing for a save that is not waiting for Close (offline, the hold, another account)', () => {
    for (const reason of ['offline', 'hold', 'account'] as const) {
      const waiting = play([...pickAndSave(), result(1, { state: 'waiting', reason, until: 30_000 })], loaded()).s;
      expect(play([{ type: 'retry-now' }], waiting).effects).toEqual([]);
    }
    expect(play([{ type: 'retry-now' }], loaded()).effects).toEqual([]);
  });
});
