import { nextStepText, type CloseError } from '@/utils/close/errors';
import type { Rejection } from '@/utils/messages';
import type { SaveState } from './save-state';

interface SaveFeedbackProps {
  state: SaveState;
  now: number;
  onUndo: (event: Event) => void;
  onRetry: (event: Event) => void;
  onCancelQueued: (event: Event) => void;
  onOpenSettings: () => void;
}

const RETRY_REASON = {
  'rate-limited': 'Close is busy',
  server: 'Close is not answering',
  offline: 'Cannot reach Close',
} as const;

/** "Saved" only after Close confirmed; everything not yet in Close is an alert, in words. */
export function SaveFeedback({ state, now, onUndo, onRetry, onCancelQueued, onOpenSettings }: SaveFeedbackProps) {
  const status =
    state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'saved'
        ? 'Saved'
        : state.kind === 'restored'
          ? 'Restored'
          : state.kind === 'info'
            ? state.text
            : '';
  return (
    <>
      <div class="status-row">
        <p role="status" class="status">
          {status}
        </p>
        {state.kind === 'saved' && now < state.undoUntil && Object.keys(state.undo).length > 0 && (
          <button type="button" class="link" onClick={onUndo}>
            Undo
          </button>
        )}
      </div>
      {state.kind === 'retrying' && (
        <div role="alert" class="error">
          <p>
            <strong>
              {RETRY_REASON[state.reason]} — retrying in {Math.max(0, Math.ceil((state.until - now) / 1000))} s
            </strong>{' '}
            Your text is kept; nothing to do.
          </p>
        </div>
      )}
      {state.kind === 'queued' && (
        <div role="alert" class="error">
          <p>
            <strong>Will save when back online.</strong> Close cannot be reached right now; the save is kept and
            sent by itself when it can be, even after a browser restart.
          </p>
          <button type="button" onClick={onCancelQueued}>
            Cancel queued save
          </button>
        </div>
      )}
      {state.kind === 'failed' && (
        <ErrorMessage error={state.error} onRetry={onRetry} onOpenSettings={onOpenSettings} />
      )}
    </>
  );
}

export function ErrorMessage({
  error,
  onRetry,
  onOpenSettings,
}: {
  error: CloseError | Rejection;
  onRetry: (event: Event) => void;
  onOpenSettings: () => void;
}) {
  const next = 'nextStep' in error ? error.nextStep : undefined;
  return (
    <div role="alert" class="error">
      <p>
        <strong>{error.message}</strong> {next && nextStepText(next)}
      </p>
      {next === 'open-settings' && (
        <button type="button" onClick={onOpenSettings}>
          Open settings
        </button>
      )}
      {(next === 'retry' || (!next && error.kind === 'rejected')) && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
