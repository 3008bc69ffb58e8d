import { callChanges } from '../call-changes';
import type { Call } from '../close/schemas';
import { noteOfCall, type NoteContent } from '../note-content';
import type { CallId, DraftToKeep, Effect, Session, Status, Step } from './save-session-types';

// Which call the panel shows, what its boxes hold, and the draft that keeps them (save-session.ts).

export const shownCall = (s: Session): Call | undefined => s.calls.find((c) => c.id === s.callId);

/** The draft that keeps what the boxes hold (only what differs from the call). */
export function draftOf(call: Call, content: NoteContent, outcomeId: string | null, saveId?: string): DraftToKeep {
  const changes = callChanges(call, content, outcomeId);
  return {
    ...((changes.note !== undefined || changes.note_html !== undefined) && { note: content }),
    ...('outcome_id' in changes && { outcome_id: outcomeId }),
    ...(saveId && { saveId }),
  };
}

/** What a draft puts in the boxes: its note and outcome, the call's own where it kept none. */
export const boxesOf = (call: Call, draft: DraftToKeep) => ({
  content: draft.note ?? noteOfCall(call),
  outcomeId: draft.outcome_id === undefined ? (call.outcome_id ?? null) : draft.outcome_id,
});

/** The draft that keeps the shown call's boxes (pagehide, Esc). */
export function sessionDraft(s: Session): { callId: CallId; draft: DraftToKeep } | undefined {
  const call = shownCall(s);
  return call && { callId: call.id, draft: draftOf(call, s.content, s.outcomeId) };
}

/** Shows a call with Close's note and outcome in the boxes; its draft, if any, is read next. */
export function show(s: Session, callId: CallId, effects: Effect[], status?: Status, focusNote = true): Session {
  const call = s.calls.find((c) => c.id === callId);
  if (!call) return s;
  const showToken = s.showToken + 1;
  effects.push({ type: 'read-draft', callId, showToken });
  if (focusNote) effects.push({ type: 'focus-note' });
  // A save of this call still in the outbox is what the status shows.
  const pending = Object.entries(s.saves).filter(([, r]) => r.callId === callId).at(-1);
  return {
    ...s,
    callId,
    showToken,
    content: noteOfCall(call),
    outcomeId: call.outcome_id ?? null,
    edited: false,
    draft: { kind: 'none' },
    ...(pending ? { current: pending[0], status: { kind: 'sending', saveId: pending[0] } } : { status: status ?? { kind: 'idle' } }),
  };
}

/**
 * The call the rep chose (the Call select, a shortcut): focus stays where they are, so arrow
 * keys on the select keep moving through the calls (each one is a change event).
 */
export function choose(s: Session, callId: CallId): Step {
  if (callId === s.callId) return [s, []];
  const effects: Effect[] = [{ type: 'flush-draft' }];
  return [show(s, callId, effects, undefined, false), effects];
}

export const replaceCall = (calls: Call[], next: Call) => calls.map((c) => (c.id === next.id ? next : c));
