import { callChanges, hasChanges } from '../call-changes';
import { callBase } from '../close/call-base';
import type { CloseError } from '../close/errors';
import type { CallField, WhoChanged } from '../close/who-changed';
import type { Call, CallBase, CallChanges } from '../close/schemas';
import type { CallToLog } from '../calls-to-log';
import type { PanelViewName } from '../content/controller';
import type { Draft } from '../drafts';
import type { CallsPage, MoreCalls, PanelData, Rejection, Reply, SaveResult, WaitReason } from '../messages';
import { appendedNote, noteOfCall, noteSize, sameNote, type NoteContent } from '../note-content';
import { addPage, nextWithoutOutcome, stepCall } from './call-pages';
import { undoChanges } from './undo';

// The panel's save session: a pure function from (session, event) to (session, effects). It
// owns what the Note box and Outcome hold, the saves this panel made, what each sent, undo,
// conflicts, Save & next, and the tokens that tell a current answer from a late one. The hook
// (use-save-session.ts) runs the effects and feeds their answers back in as events.

/** Close documents no note length limit (FACTS.md, openapi.yml); this one is ours, and safe (README). */
export const NOTE_LIMIT = 100_000;
/** How long Undo stays offered after Saved. */
export const UNDO_MS = 15_000;

type CallId = Call['id'];
type Problem = CloseError | Rejection;

/** What the panel says about the shown call's save; each has one way of being shown. */
export type Status =
  | { kind: 'idle' }
  | { kind: 'info'; say: 'nothingToSave' | 'cancelled' | 'showingTheirs' | 'noOtherCall' | 'tooLateToCancel' | 'holdUndone' }
  | { kind: 'sending'; saveId: string; behind?: CallId }
  | { kind: 'waiting'; saveId: string; reason: WaitReason; until?: number; behind?: CallId }
  /** `callId`: Save & next's save, confirmed while the rep is on the next call: Undo undoes that call. */
  | { kind: 'saved'; undo: Partial<CallChanges>; after: Call; undoUntil: number; say?: 'savedNext' | 'allDone'; callId?: CallId }
  /** What was sent is saved; the box holds newer changes, not saved yet. */
  | { kind: 'newer' }
  | { kind: 'restored' }
  /** `who`, `fields`: who changed which of the rep's fields, for the alert's words (issue 14). */
  | { kind: 'conflict'; saveId: string; theirs: CallBase; who?: WhoChanged; fields?: CallField[] }
  | { kind: 'failed'; error: Problem; again?: Resend }
  | { kind: 'too-long' }
  /** A draft or the outbox could not be stored: nothing was sent. */
  | { kind: 'not-stored' };

/** A save to send again as it was (a failed Undo). */
interface Resend {
  from: Call;
  changes: Partial<CallChanges>;
  undo: boolean;
}

/** A save this panel made (or found in the outbox when it opened). */
export interface SaveRecord {
  callId: CallId;
  /** What the box held when it was sent; undefined for a save found in the outbox. */
  content?: NoteContent;
  outcomeId?: string | null;
  /** The call before it, for Undo; undefined for a save found in the outbox. */
  from?: Call;
  changes: Partial<CallChanges>;
  undo: boolean;
  /** Save & next: move on once it is in the outbox. */
  next: boolean;
}

export type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: Problem }
  | { state: 'ready'; data: PanelData };

export interface Session {
  /** The page's call(s), or Calls to log: the rep's calls across leads (issue 17, utils/panel/queue.ts). */
  view: PanelViewName;
  /** In Calls to log: the queue's calls with their lead's and contact's names, as loaded. */
  queue?: CallToLog[];
  loadToken: number;
  load: Load;
  calls: Call[];
  callId: CallId | null;
  /** Which showing of a call a draft read belongs to. */
  showToken: number;
  content: NoteContent;
  outcomeId: string | null;
  /** The rep typed or picked since this call was shown: a late draft must not overwrite that. */
  edited: boolean;
  draft: { kind: 'none' } | { kind: 'restored' } | { kind: 'newer'; draft: Draft };
  saves: Record<string, SaveRecord>;
  /** The save whose progress the status shows. */
  current?: string;
  status: Status;
  /** A save of a call no longer shown did not go through: said with Go back. */
  goBack?: { callId: CallId; content?: NoteContent; outcomeId?: string | null; problem: Status };
  /** The lead has more calls than loaded (Close's `has_more`): where the next page starts (issue 14). */
  more?: MoreCalls;
  /** The next page is being asked for; `then`: what waits for it (Alt+Down, Save & next). */
  moreLoading?: { then?: AfterMore };
  /** The next page could not be had: said by the More calls control, which tries again. */
  moreError?: Problem;
}

/** What waits for the next page of calls: a step past the last loaded call, or Save & next (with its save, if any). */
type AfterMore = { kind: 'step'; from: CallId } | { kind: 'next'; from: CallId; saveId?: string };

export type Event =
  | { type: 'reload' }
  | { type: 'view'; view: PanelViewName }
  | { type: 'loaded'; token: number; reply: Reply<PanelData>; queue?: CallToLog[] }
  | { type: 'show'; callId: CallId }
  | { type: 'draft-read'; callId: CallId; showToken: number; draft: Draft | undefined }
  | { type: 'edit'; content: NoteContent }
  | { type: 'pick-outcome'; outcomeId: string | null }
  | { type: 'save'; saveId: string; then?: 'next' }
  | { type: 'undo'; saveId: string }
  | { type: 'retry'; saveId: string }
  | { type: 'resolve'; saveId: string; choice: 'mine' | 'theirs' | 'append' }
  | { type: 'cancel' }
  /** Retry now: the save waiting for Close (429, 5xx) goes at once (issue 15). */
  | { type: 'retry-now' }
  /** The rep's answer to a note save that waited 2 minutes for its call to end (issue 14). */
  | { type: 'call-end'; choice: CallEndChoice }
  | { type: 'cancel-reply'; saveId: string; result: SaveResult }
  /** `callId`: the call a push says it is for; an answer naming another call than its save's is ignored. */
  | { type: 'result'; saveId: string; callId?: string; result: SaveResult }
  | { type: 'refused'; saveId: string; error: Rejection }
  | { type: 'not-stored' }
  | { type: 'discard-draft' }
  | { type: 'use-newer-draft' }
  | { type: 'go-back' }
  /** The rep asked for more calls (the More calls control). */
  | { type: 'more-calls' }
  /** Alt+Up / Alt+Down: the call before or after the shown one, loading the next page past the last. */
  | { type: 'step-call'; step: -1 | 1 }
  | { type: 'more-loaded'; token: number; skip: number; reply: Reply<CallsPage> };

/** The draft as the hook stores it. */
export type DraftToKeep = Omit<Draft, 'savedAt'>;

export type Effect =
  | { type: 'load'; token: number; view: PanelViewName }
  | { type: 'read-draft'; callId: CallId; showToken: number }
  /** Soon: after a pause in typing; now: before anything else happens (pagehide, switch). */
  | { type: 'keep-draft'; callId: CallId; draft: DraftToKeep; when: 'soon' | 'now' }
  | { type: 'flush-draft' }
  | { type: 'remove-draft'; callId: CallId; ifSavedBy?: string }
  | { type: 'send'; saveId: string; callId: CallId; changes: CallChanges; base: CallBase | null; draft?: DraftToKeep }
  | { type: 'cancel'; saveId: string }
  | { type: 'retry-now'; saveId: string }
  | { type: 'call-end'; saveId: string; choice: CallEndChoice }
  | { type: 'focus-note' }
  /** Ask for the next page of the lead's calls (`calls.more`); `token`: the load it belongs to. */
  | { type: 'load-more'; token: number; more: MoreCalls };

export type CallEndChoice = 'anyway' | 'wait';

export type Step = [Session, Effect[]];

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

export const shownCall = (s: Session): Call | undefined => s.calls.find((c) => c.id === s.callId);

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

/** The draft that keeps what the boxes hold (only what differs from the call). */
function draftOf(call: Call, content: NoteContent, outcomeId: string | null, saveId?: string): DraftToKeep {
  const changes = callChanges(call, content, outcomeId);
  return {
    ...((changes.note !== undefined || changes.note_html !== undefined) && { note: content }),
    ...('outcome_id' in changes && { outcome_id: outcomeId }),
    ...(saveId && { saveId }),
  };
}

/** The draft that keeps the shown call's boxes, for Esc. */
/** What a draft puts in the boxes: its note and outcome, the call's own where it kept none. */
const boxesOf = (call: Call, draft: DraftToKeep) => ({
  content: draft.note ?? noteOfCall(call),
  outcomeId: draft.outcome_id === undefined ? (call.outcome_id ?? null) : draft.outcome_id,
});

export function sessionDraft(s: Session): { callId: CallId; draft: DraftToKeep } | undefined {
  const call = shownCall(s);
  return call && { callId: call.id, draft: draftOf(call, s.content, s.outcomeId) };
}

/** A status the rep's further typing replaces (the message was about something done). */
const settledStatus = (status: Status) =>
  status.kind === 'info' || status.kind === 'saved' || status.kind === 'restored' || status.kind === 'too-long' || status.kind === 'newer';

function statusOfProgress(saveId: string, result: SaveResult, behind?: CallId): Status | undefined {
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

function show(s: Session, callId: CallId, effects: Effect[], status?: Status, focusNote = true): Session {
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

function startSave(s: Session, saveId: string, from: Call, changes: Partial<CallChanges>, options: { undo?: boolean; next?: boolean; base?: CallBase | null; withDraft: boolean }): Step {
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

const replaceCall = (calls: Call[], next: Call) => calls.map((c) => (c.id === next.id ? next : c));

function onResult(s: Session, saveId: string, result: SaveResult, now: number, callId?: string): Step {
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
    case 'show': {
      if (event.callId === s.callId) return [s, []];
      const effects: Effect[] = [{ type: 'flush-draft' }];
      // The rep chose it (the Call select, a shortcut): focus stays where they are, so arrow
      // keys on the select keep moving through the calls (each one is a change event).
      return [show(s, event.callId, effects, undefined, false), effects];
    }
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
    case 'step-call': {
      if (!call) return [s, []];
      const found = stepCall(s.calls, call.id, event.step, !!s.more);
      if (found.kind === 'more') return s.moreLoading ? [s, []] : loadMore(s, { kind: 'step', from: call.id });
      return found.kind === 'call' ? reduce(s, { type: 'show', callId: found.call.id }, now) : [s, []];
    }
    case 'more-loaded':
      return onMoreLoaded(s, event, now);
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

/** Asks for the next page of calls; `then` runs once it is in (if the rep is still where they were). */
function loadMore(s: Session, then: AfterMore | undefined): Step {
  if (!s.more) return [s, []];
  // One request at a time: a later wish replaces what waited only if it waits for something.
  const waiting = then ?? s.moreLoading?.then;
  const loading = { ...s, moreLoading: waiting ? { then: waiting } : {}, moreError: undefined };
  if (s.moreLoading) return [loading, []];
  return [loading, [{ type: 'load-more', token: s.loadToken, more: s.more }]];
}

function onMoreLoaded(s: Session, event: Extract<Event, { type: 'more-loaded' }>, now: number): Step {
  // An answer for an earlier load, or for a page already in, changes nothing.
  if (event.token !== s.loadToken || !s.moreLoading || s.more?.skip !== event.skip) return [s, []];
  const then = s.moreLoading.then;
  if (!event.reply.ok) return [{ ...s, moreLoading: undefined, moreError: event.reply.error }, []];
  const page = event.reply.value;
  const calls = addPage(s.calls, page.calls);
  // The panel's "as loaded" list grows with it: where the rep is in the run counts every page.
  const load: Load =
    s.load.state === 'ready' && s.load.data.connected
      ? { state: 'ready', data: { ...s.load.data, calls: addPage(s.load.data.calls, page.calls), ...(page.more ? { moreCalls: page.more } : { moreCalls: undefined }) } }
      : s.load;
  const next: Session = { ...s, calls, load, more: page.more, moreLoading: undefined, moreError: undefined };
  // The rep went elsewhere meanwhile: the page is in, nothing moves.
  if (!then || s.callId !== then.from) return [next, []];
  if (then.kind === 'step') return reduce(next, { type: 'step-call', step: 1 }, now);
  const found = nextWithoutOutcome(calls, then.from, !!page.more);
  if (found.kind === 'more') return loadMore(next, then);
  if (found.kind === 'none')
    return then.saveId ? [next, []] : [{ ...next, status: { kind: 'info', say: 'noOtherCall' } }, []];
  const effects: Effect[] = [{ type: 'flush-draft' }];
  const moved = show(next, found.call.id, effects);
  if (!then.saveId) return [moved, effects];
  // Save & next's save goes on behind, as when the next call was on the first page.
  const saveId = then.saveId;
  const was = next.status;
  const status: Status =
    (was.kind === 'sending' || was.kind === 'waiting') && was.saveId === saveId
      ? { ...was, behind: then.from }
      : was.kind === 'saved' && was.after.id === then.from
        ? { ...was, say: 'savedNext', callId: then.from } // confirmed while the page came: Undo is for that call
        : moved.status;
  return [{ ...moved, current: saveId, status }, effects];
}
