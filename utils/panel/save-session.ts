import { callChanges, hasChanges } from '../call-changes';
import { appendedNote, noteOfCall, noteSize, sameNote } from '../note-content';
import type { Call } from '../close/schemas';
import type { PanelViewName } from '../content/controller';
import { nextWithoutOutcome } from './call-pages';
import { loadMore, onMoreLoaded, stepTo } from './save-session-paging';
import { onResult, startSave, statusOfProgress } from './save-session-saves';
import { boxesOf, choose, draftOf, replaceCall, show, shownCall } from './save-session-show';
import type { Effect, Event, Session, Status, Step } from './save-session-types';

// The panel's save session: a pure function from (session, event) to (session, effects). It
// owns what the Note box and Outcome hold, the saves this panel made, what each sent, undo,
// conflicts, Save & next, and the tokens that tell a current answer from a late one. The hook
// (use-save-session.ts) runs the effects and feeds their answers back in as events.

/** Close documents no note length limit (FACTS.md, openapi.yml); this one is ours, and safe (README). */
export const NOTE_LIMIT = 100_000;

export type * from './save-session-types';
export { isLostTrack, UNDO_MS } from './save-session-saves';
export { sessionDraft, shownCall } from './save-session-show';

const emptyCall = { note: null, note_html: null } as const;

export function initialSession(view: PanelViewName = 'page'): Step {
  return [
    {
      view,
      loadToken: 1,
      load: { state: 'loading' },
      calls: [],
      callId: null,
      showToken: 0,
      content: noteOfCall(emptyCall),
      outcomeId: null,
      edited: false,
      draft: { kind: 'none' },
      saves: {},
      status: { kind: 'idle' },
    },
    [{ type: 'load', token: 1, view }],
  ];
}

/** What the rep changed on the shown call. */
export const changesOf = (s: Session) => {
  const call = shownCall(s);
  return call ? callChanges(call, s.content, s.outcomeId) : {};
};

/** The save of the shown call still on its way (sending or waiting), if any. */
const inFlight = (s: Session) => (s.status.kind === 'sending' || s.status.kind === 'waiting') && !s.status.behind;

/** Save does nothing new while the box holds exactly what is on its way: its button is disabled. */
export function canSave(s: Session): boolean {
  if (!inFlight(s)) return true;
  const record = s.current ? s.saves[s.current] : undefined;
  if (!record || record.callId !== s.callId || !record.content) return false;
  return !(sameNote(record.content, s.content) && record.outcomeId === s.outcomeId);
}

export const noteTooLong = (s: Session) => noteSize(s.content) > NOTE_LIMIT;

/** A status the rep's further typing replaces (the message was about something done). */
const settledStatus = (status: Status) =>
  status.kind === 'info' || status.kind === 'saved' || status.kind === 'restored' || status.kind === 'too-long' || status.kind === 'newer';

export function reduce(s: Session, event: Event, now: number): Step {
  const call = shownCall(s);
  switch (event.type) {
    case 'reload': {
      const token = s.loadToken + 1;
      return [{ ...s, loadToken: token, load: { state: 'loading' } }, [{ type: 'flush-draft' }, { type: 'load', token, view: s.view }]];
    }
    case 'view': {
      // Saves on their way keep being followed; the boxes are kept as a draft and the other view loads.
      if (event.view === s.view && s.load.state !== 'failed') return [s, []];
      const token = s.loadToken + 1;
      return [
        { ...s, view: event.view, loadToken: token, load: { state: 'loading' } },
        [{ type: 'flush-draft' }, { type: 'load', token, view: event.view }],
      ];
    }
    case 'loaded': {
      // A late answer for an earlier load (another lead) is ignored.
      if (event.token !== s.loadToken) return [s, []];
      if (!event.reply.ok) return [{ ...s, load: { state: 'failed', error: event.reply.error } }, []];
      const data = event.reply.value;
      let next: Session = { ...s, load: { state: 'ready', data }, queue: event.queue };
      if (!data.connected) return [next, []];
      const saves = { ...s.saves };
      for (const p of data.pending)
        saves[p.saveId] ??= { callId: p.callId, changes: p.changes, undo: false, next: false };
      next = { ...next, calls: data.calls, saves, callId: null, more: data.moreCalls, moreLoading: undefined, moreError: undefined };
      const effects: Effect[] = [];
      if (!data.selectedCallId) return [next, effects];
      next = show(next, data.selectedCallId, effects);
      const pending = data.pending.filter((p) => p.callId === data.selectedCallId).at(-1);
      if (pending) next = { ...next, current: pending.saveId, status: statusOfProgress(pending.saveId, pending.progress)! };
      return [next, effects];
    }
    case 'show':
      return choose(s, event.callId);
    case 'draft-read': {
      if (!call || event.callId !== call.id || event.showToken !== s.showToken || !event.draft) return [s, []];
      const draft = event.draft;
      const { content, outcomeId } = boxesOf(call, draft);
      // A pending save found on opening sent what this draft holds.
      const saves = { ...s.saves };
      const record = draft.saveId ? saves[draft.saveId] : undefined;
      if (record && !record.content) saves[draft.saveId!] = { ...record, content, outcomeId };
      if (!hasChanges(callChanges(call, content, outcomeId)))
        return [{ ...s, saves }, record ? [] : [{ type: 'remove-draft', callId: call.id }]];
      // A draft read late never overwrites typing done since: it is offered instead.
      if (s.edited) return [{ ...s, saves, draft: { kind: 'newer', draft } }, []];
      return [{ ...s, saves, content, outcomeId, draft: { kind: 'restored' } }, []];
    }
    case 'edit':
    case 'pick-outcome': {
      if (!call) return [s, []];
      const content = event.type === 'edit' ? event.content : s.content;
      const outcomeId = event.type === 'pick-outcome' ? event.outcomeId : s.outcomeId;
      if (event.type === 'edit' && sameNote(content, s.content)) return [s, []];
      const status =
        noteSize(content) > NOTE_LIMIT ? s.status : settledStatus(s.status) || s.status.kind === 'not-stored' ? { kind: 'idle' as const } : s.status;
      return [
        { ...s, content, outcomeId, edited: true, status },
        [{ type: 'keep-draft', callId: call.id, draft: draftOf(call, content, outcomeId), when: 'soon' }],
      ];
    }
    case 'save': {
      if (!call || s.load.state !== 'ready' || !canSave(s)) return [s, []];
      if (noteTooLong(s)) return [{ ...s, status: { kind: 'too-long' } }, [{ type: 'focus-note' }]];
      const changes = changesOf(s);
      if (!hasChanges(changes)) {
        if (event.then !== 'next') return [{ ...s, status: { kind: 'info', say: 'nothingToSave' } }, []];
        // Save & next with nothing to save just moves on.
        const found = nextWithoutOutcome(s.calls, call.id, !!s.more);
        if (found.kind === 'more') return loadMore(s, { kind: 'next', from: call.id });
        if (found.kind === 'none') return [{ ...s, status: { kind: 'info', say: 'noOtherCall' } }, []];
        const effects: Effect[] = [{ type: 'flush-draft' }];
        return [show(s, found.call.id, effects), effects];
      }
      return startSave(s, event.saveId, call, changes, { next: event.then === 'next', withDraft: true });
    }
    case 'undo': {
      if (s.status.kind !== 'saved' || !hasChanges(s.status.undo) || now >= s.status.undoUntil) return [s, []];
      const { after, undo } = s.status;
      return startSave(s, event.saveId, after, undo, { undo: true, withDraft: false });
    }
    case 'retry': {
      if (s.status.kind !== 'failed' && s.status.kind !== 'not-stored') return [s, []];
      // A failed Undo is tried again as it was; a failed save takes what the boxes hold now.
      const again = s.status.kind === 'failed' ? s.status.again : undefined;
      if (again) return startSave(s, event.saveId, again.from, again.changes, { undo: again.undo, withDraft: false });
      return reduce({ ...s, status: { kind: 'idle' } }, { type: 'save', saveId: event.saveId }, now);
    }
    case 'resolve': {
      if (!call || s.status.kind !== 'conflict') return [s, []];
      // After a conflict the call as Close has it now is the base of whatever the rep chooses.
      const theirs: Call = { ...call, ...s.status.theirs };
      const base = s.status.theirs;
      const next = { ...s, calls: replaceCall(s.calls, theirs) };
      if (event.choice === 'theirs')
        return [
          { ...next, content: noteOfCall(theirs), outcomeId: theirs.outcome_id ?? null, edited: false, draft: { kind: 'none' }, status: { kind: 'info', say: 'showingTheirs' } },
          [{ type: 'remove-draft', callId: call.id }],
        ];
      // A field the rep did not touch takes theirs (issue 14: Close AI's outcome stays when the rep wrote only the note).
      const noteTouched = !sameNote(s.content, noteOfCall(call));
      const outcomeId = s.outcomeId !== (call.outcome_id ?? null) ? s.outcomeId : (theirs.outcome_id ?? null);
      const content = !noteTouched ? noteOfCall(theirs) : event.choice === 'append' ? appendedNote(theirs, s.content, call) : s.content;
      const withContent = { ...next, content, outcomeId };
      return startSave(withContent, event.saveId, theirs, callChanges(theirs, content, outcomeId), { base, withDraft: true });
    }
    case 'cancel': {
      if (s.status.kind !== 'waiting' || !s.current) return [s, []];
      return [s, [{ type: 'cancel', saveId: s.current }]];
    }
    case 'retry-now': {
      if (s.status.kind !== 'waiting' || !s.current || (s.status.reason !== 'rate-limited' && s.status.reason !== 'server')) return [s, []];
      const { saveId, behind } = s.status;
      return [{ ...s, status: { kind: 'sending', saveId, ...(behind && { behind }) } }, [{ type: 'retry-now', saveId }]];
    }
    case 'call-end': {
      if (s.status.kind !== 'waiting' || s.status.reason !== 'call-ask' || !s.current) return [s, []];
      const { saveId } = s.status;
      return [{ ...s, status: { kind: 'sending', saveId } }, [{ type: 'call-end', saveId, choice: event.choice }]];
    }
    case 'cancel-reply':
      if (event.result.state === 'sending')
        return [s.current === event.saveId ? { ...s, status: { kind: 'info', say: 'tooLateToCancel' } } : s, []];
      return onResult(s, event.saveId, event.result, now);
    case 'result':
      return onResult(s, event.saveId, event.result, now, event.callId);
    case 'refused': {
      // Our own message was refused: not retried; said in words, the text stays in the box.
      const record = s.saves[event.saveId];
      if (!record) return [s, []];
      const { [event.saveId]: _gone, ...saves } = s.saves;
      const status: Status = event.error.notStored ? { kind: 'not-stored' } : { kind: 'failed', error: event.error };
      if (record.callId !== s.callId)
        return [{ ...s, saves, goBack: { callId: record.callId, ...(record.content && { content: record.content }), ...(record.outcomeId !== undefined && { outcomeId: record.outcomeId }), problem: status } }, []];
      return [{ ...s, saves, ...(s.current === event.saveId && { status }) }, []];
    }
    case 'not-stored':
      return [{ ...s, status: { kind: 'not-stored' } }, []];
    case 'discard-draft':
      if (!call || s.draft.kind === 'none') return [s, []];
      if (s.draft.kind === 'newer') return [{ ...s, draft: { kind: 'none' } }, [{ type: 'keep-draft', callId: call.id, draft: draftOf(call, s.content, s.outcomeId), when: 'now' }]];
      return [
        { ...s, content: noteOfCall(call), outcomeId: call.outcome_id ?? null, edited: false, draft: { kind: 'none' } },
        [{ type: 'remove-draft', callId: call.id }],
      ];
    case 'use-newer-draft': {
      if (!call || s.draft.kind !== 'newer') return [s, []];
      return [{ ...s, ...boxesOf(call, s.draft.draft), draft: { kind: 'restored' } }, []];
    }
    case 'more-calls':
      return s.more && !s.moreLoading ? loadMore(s, undefined) : [s, []];
    case 'step-call':
      return stepTo(s, event.step);
    case 'more-loaded':
      return onMoreLoaded(s, event);
    case 'go-back': {
      const back = s.goBack;
      if (!back) return [s, []];
      const effects: Effect[] = [{ type: 'flush-draft' }];
      const shown = show({ ...s, goBack: undefined }, back.callId, effects, back.problem);
      const target = shown.calls.find((c) => c.id === back.callId);
      if (!target) return [{ ...s, goBack: undefined }, []];
      const content = back.content ?? shown.content;
      const outcomeId = back.outcomeId === undefined ? shown.outcomeId : back.outcomeId;
      // The rep's text is back in the box, and it counts as typed: a draft read now does not replace it.
      effects.push({ type: 'keep-draft', callId: target.id, draft: draftOf(target, content, outcomeId), when: 'now' });
      return [{ ...shown, content, outcomeId, edited: true, status: back.problem }, effects];
    }
  }
}
