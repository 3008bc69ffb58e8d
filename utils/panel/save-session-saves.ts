import { callBase } from '../close/call-base';
import type { Call, CallBase, CallChanges } from '../close/schemas';
import type { Rejection, SaveResult } from '../messages';
import { noteOfCall, sameNote } from '../note-content';
import { nextWithoutOutcome } from './call-pages';
import { loadMore } from './save-session-paging';
import { draftOf, replaceCall, show } from './save-session-show';
import type { CallId, Effect, Problem, Resend, SaveRecord, Session, Status, Step } from './save-session-types';
import { undoChanges } from './undo';

// The saves a panel makes (save-session.ts): each one sent, and the answers that come back for
// it, current or late, for the shown call or one the rep has moved on from.

/** How long Undo stays offered after Saved. */
export const UNDO_MS = 15_000;

/** The status a save on its way gives (sending, or waiting and why); undefined for a final result. */
export function statusOfProgress(saveId: string, result: SaveResult, behind?: CallId): Status | undefined {
  if (result.state === 'sending' || result.state === 'accepted')
    return { kind: 'sending', saveId, ...(behind && { behind }) };
  if (result.state === 'waiting')
    return {
      kind: 'waiting',
      saveId,
      reason: result.reason,
      ...(result.until !== undefined && { until: result.until }),
      ...(behind && { behind }),
    };
  return undefined;
}

const lostTrack: Rejection = { kind: 'rejected', message: '' };

/** The status a final result other than saved gives. */
function problemOf(saveId: string, result: SaveResult, record: SaveRecord): Status {
  if (result.state === 'conflict') {
    const { theirs, who, fields } = result;
    return { kind: 'conflict', saveId, theirs, ...(who && { who }), ...(fields && { fields }) };
  }
  if (result.state === 'failed')
    return { kind: 'failed', error: result.error, ...(record.undo && record.from && { again: resendOf(record) }) };
  if (result.state === 'cancelled') return { kind: 'info', say: 'cancelled' };
  return { kind: 'failed', error: lostTrack };
}
const resendOf = (record: SaveRecord): Resend => ({ from: record.from!, changes: record.changes, undo: record.undo });

/** The panel's Rejection for a save the background lost track of; the component says it in words. */
export const isLostTrack = (error: Problem) => error === lostTrack;

/** Sends a save: recorded with what the boxes hold, so its answer can tell whether the rep typed since. */
export function startSave(s: Session, saveId: string, from: Call, changes: Partial<CallChanges>, options: { undo?: boolean; next?: boolean; base?: CallBase | null; withDraft: boolean }): Step {
  const effects: Effect[] = [{ type: 'focus-note' }];
  const record: SaveRecord = {
    callId: from.id,
    content: s.content,
    outcomeId: s.outcomeId,
    from,
    changes,
    undo: !!options.undo,
    next: !!options.next,
  };
  effects.push({
    type: 'send',
    saveId,
    callId: from.id,
    changes: changes as CallChanges,
    base: options.base === undefined ? callBase(from) : options.base,
    ...(options.withDraft && { draft: draftOf(from, s.content, s.outcomeId, saveId) }),
  });
  return [{ ...s, saves: { ...s.saves, [saveId]: record }, current: saveId, status: { kind: 'sending', saveId } }, effects];
}

/** An answer for one of this panel's saves: a push from the background, or the answer to a Cancel. */
export function onResult(s: Session, saveId: string, result: SaveResult, now: number, callId?: string): Step {
  const record = s.saves[saveId];
  // Answers for a save this panel does not know (another panel, an old load) change nothing here.
  if (!record || (callId !== undefined && callId !== record.callId)) return [s, []];
  const shown = record.callId === s.callId;
  if (result.state === 'accepted' && record.next && shown) {
    // Save & next: safe in the outbox, so on to the next call; the status follows this save.
    const effects: Effect[] = [];
    const found = nextWithoutOutcome(s.calls, record.callId, !!s.more);
    // None left in the pages loaded: the next page decides (the save goes on meanwhile).
    if (found.kind === 'more') return loadMore({ ...s, status: { kind: 'sending', saveId } }, { kind: 'next', from: record.callId, saveId });
    if (found.kind === 'none') return [{ ...s, status: { kind: 'sending', saveId } }, []];
    const moved = show(s, found.call.id, effects);
    return [{ ...moved, current: saveId, status: { kind: 'sending', saveId, behind: record.callId } }, effects];
  }
  // A held save's `accepted` comes after the hold was said: it does not say "Saving…" over it.
  if (result.state === 'accepted' && s.status.kind === 'waiting' && s.status.saveId === saveId) return [s, []];
  const progress = statusOfProgress(saveId, result, shown ? undefined : record.callId);
  if (progress) return [s.current === saveId ? { ...s, status: progress } : s, []];

  const { [saveId]: _done, ...saves } = s.saves;
  let next: Session = { ...s, saves };
  // Undo during the outcome hold (its push or the cancel's answer, whichever comes first): nothing
  // was sent; the boxes, and the draft, keep the rep's changes.
  if (result.state === 'cancelled' && s.status.kind === 'waiting' && s.status.reason === 'hold' && s.status.saveId === saveId)
    return [{ ...next, status: { kind: 'info', say: 'holdUndone' } }, []];
  const effects: Effect[] = [];
  if (result.state === 'saved') {
    next.calls = replaceCall(s.calls, result.call);
    effects.push({ type: 'remove-draft', callId: record.callId, ifSavedBy: saveId });
    if (s.current !== saveId) return [next, effects];
    if (!shown) {
      // Save & next's save, confirmed while the rep is on the next call: Undo stays offered for
      // the same time, for that call, from here (issue 15); its own Undo, once confirmed, is said once.
      next.status = record.undo
        ? { kind: 'restored' }
        : {
            kind: 'saved',
            undo: record.from ? undoChanges(record.from, result.call) : {},
            after: result.call,
            undoUntil: now + UNDO_MS,
            say: 'savedNext',
            callId: record.callId,
          };
      return [next, effects];
    }
    // Only if the box still holds exactly what was sent does Close's version replace it.
    const untouched = record.content
      ? sameNote(record.content, s.content) && record.outcomeId === s.outcomeId
      : !s.edited;
    if (!untouched) return [{ ...next, status: { kind: 'newer' } }, effects];
    const undo = record.from && !record.undo ? undoChanges(record.from, result.call) : {};
    next = {
      ...next,
      content: noteOfCall(result.call),
      outcomeId: result.call.outcome_id ?? null,
      edited: false,
      draft: { kind: 'none' },
      status: record.undo
        ? { kind: 'restored' }
        : { kind: 'saved', undo, after: result.call, undoUntil: now + UNDO_MS, ...(record.next && !s.more && { say: 'allDone' as const }) },
    };
    return [next, effects];
  }
  const problem = problemOf(saveId, result, record);
  if (!shown) {
    // The rep moved on (Save & next): say which call, and offer to go back to it with their text.
    next.goBack = {
      callId: record.callId,
      ...(record.content && { content: record.content }),
      ...(record.outcomeId !== undefined && { outcomeId: record.outcomeId }),
      problem,
    };
    if (s.current === saveId) next.status = { kind: 'idle' };
    return [next, effects];
  }
  if (s.current === saveId) next.status = problem;
  return [next, effects];
}
