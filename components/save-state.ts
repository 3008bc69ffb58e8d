import type { CloseError } from '@/utils/close/errors';
import type { Call, CallBase, CallChanges } from '@/utils/close/schemas';
import type { Rejection, TabMessage } from '@/utils/messages';

/** Where the panel's latest save stands; each state has one way of being shown. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'info'; text: string }
  | { kind: 'saving'; jobId: string }
  | { kind: 'retrying'; jobId: string; reason: Extract<TabMessage, { type: 'save.progress' }>['reason']; until: number }
  | { kind: 'queued'; jobId: string }
  | { kind: 'saved'; after: Call; undo: Partial<CallChanges>; undoUntil: number; text?: string }
  | { kind: 'restored' }
  | { kind: 'conflict'; theirs: CallBase }
  | { kind: 'failed'; error: CloseError | Rejection };

/** How long Undo stays offered after Saved. */
export const UNDO_MS = 15_000;

export const isBusy = (state: SaveState) => state.kind === 'saving' || state.kind === 'retrying';
