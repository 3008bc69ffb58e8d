import { describe, expect, it } from 'vitest';
import { callId, leadId, makeCall, outcomeId } from '../../test/unit/helpers';
import type { Call } from '../close/schemas';
import type { PanelData, PendingSave, SaveResult } from '../messages';
import { noteFromLegacyDraft, notePlainText, noteOfCall } from '../note-content';
import { canSave, initialSession, NOTE_LIMIT, reduce, type Effect, type Event, type Session } from './save-session';

// The save session's rules (issue 11), one test each; every one fails without its rule.

const LEAD = leadId(1);
const A = makeCall({ id: callId(1), lead_id: LEAD, note: 'Note A', note_html: null, outcome_id: null });
const B = makeCall({ id: callId(2), lead_id: LEAD, note: 'Note B', note_html: null, outcome_id: null });
const SAVE = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ACCOUNT = { userId: 'user_x', organizationId: 'orga_x', email: 'rep@example.com', name: 'Rep', organization: 'Org' };

const data = (calls: Call[], pending: PendingSave[] = []): PanelData => ({
  connected: true,
  account: ACCOUNT,
  calls,
  selectedCallId: calls[0]!.id,
  outcomes: [],
  pending,
});

/** Runs events in order; returns the session and every effect. */
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

const loaded = (calls: Call[] = [A, B], pending: PendingSave[] = []) =>
  play([{ type: 'loaded', token: 1, reply: { ok: true, value: data(calls, pending) } }]).s;
const text = (s: Session) => notePlainText(s.content);
const edit = (t: string): Event => ({ type: 'edit', content: noteFromLegacyDraft(t) });
const result = (n: number, r: SaveResult, callId?: string): Event => ({ type: 'result', saveId: SAVE(n), result: r, ...(callId && { callId }) });
const saved = (call: Call, changes: Partial<Call>): SaveResult => ({ state: 'saved', call: { ...call, ...changes } });

describe('a confirmation replaces the box only if it still holds exactly what was sent', () => {
  it('unchanged box: Close’s version is shown and Saved', () => {
    const { s } = play([edit('Sent'), { type: 'save', saveId: SAVE(1) }, result(1, saved(A, { note: 'Sent' }))], loaded());
    expect(text(s)).toBe('Sent');
    expect(s.status.kind).toBe('saved');
  });

  it('typed during the save: the newer text stays, the panel says it is not saved, Save is offered again', () => {
    const { s, effects } = play(
      [edit('Sent'), { type: 'save', saveId: SAVE(1) }, edit('Sent, and more'), result(1, saved(A, { note: 'Sent' }))],
      loaded(),
    );
    expect(text(s)).toBe('Sent, and more');
    expect(s.status.kind).toBe('newer');
    expect(canSave(s)).toBe(true);
    // The draft of the newer text is kept: the removal is only for the draft handed to save 1.
    expect(effects).toContainEqual({ type: 'remove-draft', callId: A.id, ifSavedBy: SAVE(1) });
    expect(effects.filter((e) => e.type === 'remove-draft' && !('ifSavedBy' in e && e.ifSavedBy))).toEqual([]);
  });

  it('while the box holds what is on its way, Save is disabled; a new keystroke enables it', () => {
    const sending = play([edit('Sent'), { type: 'save', saveId: SAVE(1) }], loaded()).s;
    expect(canSave(sending)).toBe(false);
    expect(canSave(play([edit('Sent!')], sending).s)).toBe(true);
  });
});

describe('every answer carries what it answers; answers for another load, call or save are ignored', () => {
  it('a late panel.load answer of an earlier load (lead A) does not fill the panel on lead B', () => {
    const start = play([{ type: 'reload' }]).s; // now load 2 is the current one
    const late = play([{ type: 'loaded', token: 1, reply: { ok: true, value: data([A]) } }], start).s;
    expect(late.load.state).toBe('loading');
    expect(late.calls).toEqual([]);
    const current = play([{ type: 'loaded', token: 2, reply: { ok: true, value: data([B]) } }], start).s;
    expect(current.callId).toBe(B.id);
  });

  it('a push naming another call than its save’s, or a save this panel does not know, changes nothing', () => {
    const sending = play([edit('Sent'), { type: 'save', saveId: SAVE(1) }], loaded()).s;
    expect(play([result(1, saved(B, { note: 'x' }), B.id)], sending).s).toBe(sending);
    expect(play([result(9, saved(A, { note: 'x' }))], sending).s).toBe(sending);
  });

  it('the same confirmation twice (reply and push) acts once', () => {
    const once = play([edit('Sent'), { type: 'save', saveId: SAVE(1) }, result(1, saved(A, { note: 'Sent' }))], loaded()).s;
    const typed = play([edit('Newer')], once).s;
    expect(play([result(1, saved(A, { note: 'Sent' }))], typed).s).toBe(typed);
  });
});

describe('drafts', () => {
  it('a draft read late never overwrites typing since the call was shown: it is offered instead', () => {
    const s0 = loaded();
    const { s } = play([edit('Typed now'), { type: 'draft-read', callId: A.id, showToken: s0.showToken, draft: { note: noteFromLegacyDraft('Old draft'), savedAt: 1 } }], s0);
    expect(text(s)).toBe('Typed now');
    expect(s.draft.kind).toBe('newer');
    const used = play([{ type: 'use-newer-draft' }], s).s;
    expect(text(used)).toBe('Old draft');
  });

  it('a draft read for an earlier showing of the call is ignored; one read in time is restored', () => {
    const s0 = loaded();
    const draft = { note: noteFromLegacyDraft('Draft'), savedAt: 1 };
    expect(play([{ type: 'draft-read', callId: A.id, showToken: s0.showToken - 1, draft }], s0).s).toBe(s0);
    const restored = play([{ type: 'draft-read', callId: A.id, showToken: s0.showToken, draft }], s0).s;
    expect(text(restored)).toBe('Draft');
    expect(restored.draft.kind).toBe('restored');
  });

  it('switching calls writes the pending draft first, and leaves focus where the rep is (the Call select)', () => {
    const { effects } = play([edit('A typed'), { type: 'show', callId: B.id }], loaded());
    expect(effects.map((e) => e.type)).toEqual(['keep-draft', 'flush-draft', 'read-draft']);
  });
});

describe('failures are said, the text stays', () => {
  it('a storage failure (draft or outbox) is the not-stored alert; the text stays in the box', () => {
    const { s } = play(
      [edit('Keep me'), { type: 'save', saveId: SAVE(1) }, { type: 'refused', saveId: SAVE(1), error: { kind: 'rejected', message: '', notStored: true } }],
      loaded(),
    );
    expect(s.status.kind).toBe('not-stored');
    expect(text(s)).toBe('Keep me');
    // Try again sends what the box holds.
    const again = play([{ type: 'retry', saveId: SAVE(2) }], s);
    expect(again.effects).toContainEqual(expect.objectContaining({ type: 'send', saveId: SAVE(2), changes: { note: 'Keep me' } }));
  });

  it('a note over the limit is said before Save, and Save sends nothing', () => {
    const long = 'x'.repeat(NOTE_LIMIT + 1);
    const { s, effects } = play([edit(long), { type: 'save', saveId: SAVE(1) }], loaded());
    expect(s.status.kind).toBe('too-long');
    expect(effects.some((e) => e.type === 'send')).toBe(false);
    expect(text(s)).toBe(long);
  });
});

describe('focus and state', () => {
  it('Save moves focus to the Note box before anything else (its button is about to be disabled)', () => {
    const { effects } = play([edit('Sent'), { type: 'save', saveId: SAVE(1) }], loaded());
    const save = effects.slice(effects.findIndex((e) => e.type === 'focus-note'));
    expect(save.map((e) => e.type)).toEqual(['focus-note', 'send']);
  });

  it('a save found on opening that is being sent shows as sending, not as waiting offline', () => {
    const pending: PendingSave = { saveId: SAVE(1), callId: A.id, changes: { note: 'x' }, createdAt: 1, progress: { state: 'sending' }, owner: null };
    expect(loaded([A, B], [pending]).status).toEqual({ kind: 'sending', saveId: SAVE(1) });
    const offline = { ...pending, progress: { state: 'waiting' as const, reason: 'offline' as const } };
    expect(loaded([A, B], [offline]).status).toMatchObject({ kind: 'waiting', reason: 'offline' });
  });

  it('each wait says why: rate limit, Close trouble', () => {
    const sending = play([edit('Sent'), { type: 'save', saveId: SAVE(1) }], loaded()).s;
    expect(play([result(1, { state: 'waiting', reason: 'rate-limited', until: 5_000 })], sending).s.status).toMatchObject({ kind: 'waiting', reason: 'rate-limited', until: 5_000 });
    expect(play([result(1, { state: 'waiting', reason: 'server' })], sending).s.status).toMatchObject({ kind: 'waiting', reason: 'server' });
  });

  it('Cancel too late (the request is on the wire) says so and keeps following the save', () => {
    const waiting = play([edit('Sent'), { type: 'save', saveId: SAVE(1) }, result(1, { state: 'waiting', reason: 'offline' })], loaded()).s;
    const { s, effects } = play([{ type: 'cancel' }, { type: 'cancel-reply', saveId: SAVE(1), result: { state: 'sending' } }], waiting);
    expect(effects).toContainEqual({ type: 'cancel', saveId: SAVE(1) });
    expect(s.status).toEqual({ kind: 'info', say: 'tooLateToCancel' });
    expect(play([result(1, saved(A, { note: 'Sent' }))], s).s.calls[0]!.note).toBe('Sent');
  });
});

describe('Save & next', () => {
  const withOutcome = makeCall({ ...A, id: callId(3), outcome_id: outcomeId(1) });

  it('moves on as soon as the save is in the outbox, not when Close answers; Saved comes after', () => {
    const s0 = loaded([A, withOutcome, B]);
    const sent = play([edit('Done with A'), { type: 'save', saveId: SAVE(1), then: 'next' }], s0).s;
    expect(sent.callId).toBe(A.id);
    const moved = play([result(1, { state: 'accepted' })], sent).s;
    expect(moved.callId).toBe(B.id);
    expect(moved.status).toMatchObject({ kind: 'sending', behind: A.id });
    const done = play([result(1, saved(A, { note: 'Done with A' }))], moved).s;
    expect(done.status).toMatchObject({ kind: 'saved', say: 'savedNext' });
    expect(text(done)).toBe('Note B');
  });

  it('keeps Undo after moving on, for the same time, naming that call; Undo works from the next call without leaving it (issue 15)', () => {
    const moved = play([edit('Done with A'), { type: 'save', saveId: SAVE(1), then: 'next' }, result(1, { state: 'accepted' })], loaded([A, B])).s;
    const done = play([result(1, saved(A, { note: 'Done with A' }))], moved).s;
    expect(done.status).toMatchObject({ kind: 'saved', say: 'savedNext', callId: A.id, undo: { note: A.note } });
    expect(done.status.kind === 'saved' && done.status.undoUntil).toBeGreaterThan(0);
    const { s: undoing, effects } = play([{ type: 'undo', saveId: SAVE(2) }], done);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'send', saveId: SAVE(2), callId: A.id, changes: { note: A.note } }));
    expect(undoing.callId).toBe(B.id);
    const undone = play([result(2, saved(A, { note: A.note }))], undoing).s;
    expect(undone.callId).toBe(B.id);
    expect(undone.status).toEqual({ kind: 'restored' });
    expect(undone.calls.find((c) => c.id === A.id)!.note).toBe(A.note);
    expect(text(undone)).toBe('Note B');
  });

  it('a save that fails after moving on is named, and Go back returns to it with the rep’s text', () => {
    const moved = play([edit('Done with A'), { type: 'save', saveId: SAVE(1), then: 'next' }, result(1, { state: 'accepted' })], loaded()).s;
    const failed = play([result(1, { state: 'failed', error: { kind: 'validation', status: 400, message: 'Bad', nextStep: 'fix-and-save' } })], moved).s;
    expect(failed.goBack).toMatchObject({ callId: A.id });
    expect(failed.callId).toBe(B.id);
    const back = play([{ type: 'go-back' }], failed);
    expect(back.s.callId).toBe(A.id);
    expect(text(back.s)).toBe('Done with A');
    expect(back.s.status).toMatchObject({ kind: 'failed' });
    expect(back.s.goBack).toBeUndefined();
    // And a draft read for that showing does not replace the text.
    const late = play([{ type: 'draft-read', callId: A.id, showToken: back.s.showToken, draft: { note: noteFromLegacyDraft('older'), savedAt: 1 } }], back.s).s;
    expect(text(late)).toBe('Done with A');
  });
});

describe('conflicts and undo', () => {
  it('Append mine sends their note then the rep’s addition, against their version', () => {
    const conflict = play(
      [edit('Note A\nMine'), { type: 'save', saveId: SAVE(1) }, result(1, { state: 'conflict', theirs: { note: 'Theirs', note_html: null, outcome_id: null, date_updated: '2026-12-01T00:00:00Z' } })],
      loaded(),
    ).s;
    const { effects } = play([{ type: 'resolve', saveId: SAVE(2), choice: 'append' }], conflict);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'send', changes: { note: 'Theirs\nMine' }, base: expect.objectContaining({ note: 'Theirs' }) }));
  });

  it('a field the rep did not touch takes theirs: Keep mine and Append mine never send it back (issue 14)', () => {
    const theirs = { note: 'Template', note_html: null, outcome_id: 'outcome_AI', date_updated: '2026-12-01T00:00:00Z' };
    const conflict = play([edit('Note A\nMine'), { type: 'save', saveId: SAVE(1) }, result(1, { state: 'conflict', theirs })], loaded()).s;
    for (const choice of ['mine', 'append'] as const) {
      const { s, effects } = play([{ type: 'resolve', saveId: SAVE(2), choice }], conflict);
      const sent = effects.find((e) => e.type === 'send');
      expect(sent && 'changes' in sent && sent.changes).not.toHaveProperty('outcome_id');
      expect(s.outcomeId).toBe('outcome_AI');
    }
  });

  it('Undo sends what the save replaced; its confirmation reads Restored', () => {
    const done = play([edit('Sent'), { type: 'save', saveId: SAVE(1) }, result(1, saved(A, { note: 'Sent' }))], loaded()).s;
    const undo = play([{ type: 'undo', saveId: SAVE(2) }], done);
    expect(undo.effects).toContainEqual(expect.objectContaining({ type: 'send', changes: { note: 'Note A' } }));
    expect(play([result(2, saved(A, { note: 'Note A' }))], undo.s).s.status).toEqual({ kind: 'restored' });
    expect(notePlainText(noteOfCall(A))).toBe('Note A');
  });
});
