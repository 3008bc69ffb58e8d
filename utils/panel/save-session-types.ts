import type { CloseError } from '../close/errors';
import type { CallField, WhoChanged } from '../close/who-changed';
import type { Call, CallBase, CallChanges } from '../close/schemas';
import type { CallToLog } from '../calls-to-log';
import type { PanelViewName } from '../content/controller';
import type { Draft } from '../drafts';
import type { CallsPage, MoreCalls, PanelData, Rejection, Reply, SaveResult, WaitReason } from '../messages';
import type { NoteContent } from '../note-content';

// The save session's state, the events it takes and the effects it asks for (save-session.ts).

export type CallId = Call['id'];
export type Problem = CloseError | Rejection;

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
export interface Resend {
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
export type AfterMore = { kind: 'step'; from: CallId } | { kind: 'next'; from: CallId; saveId?: string };

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
