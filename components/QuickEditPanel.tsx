import { useEffect, useRef, useState } from 'preact/hooks';
import { callChanges, hasChanges } from '@/utils/call-changes';
import type { CloseError } from '@/utils/close/errors';
import { NEXT_STEP_TEXT } from '@/utils/close/errors';
import type { Call } from '@/utils/close/schemas';
import { send } from '@/utils/content/send';
import { drafts } from '@/utils/drafts';
import type { PanelData, Rejection } from '@/utils/messages';
import { hasFormatting, noteText } from '@/utils/note-html';
import type { PageTarget } from '@/utils/page';
import { CallPicker } from './CallPicker';
import { NoteEditor } from './NoteEditor';
import { OutcomePicker } from './OutcomePicker';

interface QuickEditPanelProps {
  target: PageTarget;
  onClose: () => void;
}

type Load = { state: 'loading' } | { state: 'failed'; error: CloseError | Rejection } | { state: 'ready'; data: PanelData };
type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'info'; text: string };

const DRAFT_DELAY_MS = 300;

export function QuickEditPanel({ target, onClose }: QuickEditPanelProps) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [calls, setCalls] = useState<Call[]>([]);
  const [callId, setCallId] = useState<Call['id'] | null>(null);
  const [note, setNote] = useState('');
  const [outcomeId, setOutcomeId] = useState<string | null>(null);
  const [draftRestored, setDraftRestored] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [error, setError] = useState<CloseError | Rejection | undefined>();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const draftTimer = useRef<ReturnType<typeof setTimeout>>();
  const call = calls.find((c) => c.id === callId);

  async function loadPanel() {
    setLoad({ state: 'loading' });
    const reply = await send({ type: 'panel.load', ...target });
    if (!reply.ok) return setLoad({ state: 'failed', error: reply.error });
    setLoad({ state: 'ready', data: reply.value });
    if (reply.value.connected) {
      setCalls(reply.value.calls);
      setCallId(reply.value.selectedCallId);
    }
  }

  useEffect(() => {
    void loadPanel();
  }, [target.leadId, target.callId]);

  // Switching calls shows that call's note and outcome, or the rep's draft for it.
  useEffect(() => {
    if (!call) return;
    let cancelled = false;
    setStatus({ kind: 'idle' });
    setError(undefined);
    setNote(noteText(call));
    setOutcomeId(call.outcome_id ?? null);
    setDraftRestored(false);
    void drafts.get(call.id).then((draft) => {
      if (cancelled || !draft) return;
      const changed = callChanges(call, draft.note ?? noteText(call), draft.outcome_id === undefined ? call.outcome_id ?? null : draft.outcome_id);
      if (!hasChanges(changed)) return void drafts.remove(call.id);
      if (draft.note !== undefined) setNote(draft.note);
      if (draft.outcome_id !== undefined) setOutcomeId(draft.outcome_id);
      setDraftRestored(true);
    });
    queueMicrotask(() => noteRef.current?.focus());
    return () => {
      cancelled = true;
    };
  }, [call?.id, load.state]);

  function keepDraft(nextNote: string, nextOutcome: string | null) {
    if (!call) return;
    clearTimeout(draftTimer.current);
    const id = call.id;
    draftTimer.current = setTimeout(() => {
      void drafts.set(id, { note: nextNote, outcome_id: nextOutcome });
    }, DRAFT_DELAY_MS);
  }

  async function save() {
    if (!call || status.kind === 'saving') return;
    const changes = callChanges(call, note, outcomeId);
    if (!hasChanges(changes)) return setStatus({ kind: 'info', text: 'Nothing to save: no changes.' });
    clearTimeout(draftTimer.current);
    await drafts.set(call.id, { note, outcome_id: outcomeId });
    setStatus({ kind: 'saving' });
    setError(undefined);
    const reply = await send({ type: 'call.update', callId: call.id, changes: changes as Required<typeof changes> });
    if (!reply.ok) {
      setStatus({ kind: 'idle' });
      return setError(reply.error);
    }
    await drafts.remove(call.id);
    setCalls((list) => list.map((c) => (c.id === reply.value.id ? reply.value : c)));
    setNote(noteText(reply.value));
    setOutcomeId(reply.value.outcome_id ?? null);
    setDraftRestored(false);
    setStatus({ kind: 'saved' });
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  }

  const fieldErrors = error && 'fieldErrors' in error ? error.fieldErrors : undefined;

  return (
    <section class="panel" role="dialog" aria-label="Quick edit call" onKeyDown={onKeyDown}>
      <header class="panel-header">
        <h2>Quick edit call</h2>
        <button type="button" class="icon" aria-label="Close panel" onClick={onClose}>
          ×
        </button>
      </header>
      {load.state === 'loading' && <p class="muted">Loading the call from Close…</p>}
      {load.state === 'failed' && (
        <ErrorMessage error={load.error} onRetry={loadPanel} />
      )}
      {load.state === 'ready' && !load.data.connected && (
        <div class="connect">
          <p>Connect your Close API key to edit calls from here.</p>
          <button type="button" onClick={() => void send({ type: 'settings.open' })}>
            Open settings
          </button>
        </div>
      )}
      {load.state === 'ready' && load.data.connected && !call && (
        <p class="muted">No call found for this page in Close.</p>
      )}
      {load.state === 'ready' && load.data.connected && call && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <CallPicker calls={calls} selectedId={call.id} onSelect={setCallId} />
          <NoteEditor
            textareaRef={noteRef}
            value={note}
            rich={hasFormatting(call)}
            error={fieldErrors?.note ?? fieldErrors?.note_html}
            onInput={(value) => {
              setNote(value);
              setStatus({ kind: 'idle' });
              keepDraft(value, outcomeId);
            }}
          />
          <OutcomePicker
            outcomes={load.data.outcomes}
            value={outcomeId}
            error={fieldErrors?.outcome_id}
            onChange={(value) => {
              setOutcomeId(value);
              setStatus({ kind: 'idle' });
              keepDraft(note, value);
            }}
          />
          {draftRestored && (
            <p class="draft">
              Draft restored{' '}
              <button
                type="button"
                class="link"
                onClick={() => {
                  void drafts.remove(call.id);
                  setNote(noteText(call));
                  setOutcomeId(call.outcome_id ?? null);
                  setDraftRestored(false);
                }}
              >
                Discard draft
              </button>
            </p>
          )}
          <div class="actions">
            <button type="submit" class="primary" disabled={status.kind === 'saving'}>
              Save
            </button>
            <span class="shortcut">Ctrl/⌘+Enter</span>
          </div>
          {error && <ErrorMessage error={error} onRetry={save} />}
        </form>
      )}
      <p role="status" class="status">
        {status.kind === 'saving' ? 'Saving…' : status.kind === 'saved' ? 'Saved' : status.kind === 'info' ? status.text : ''}
      </p>
    </section>
  );
}

function ErrorMessage({ error, onRetry }: { error: CloseError | Rejection; onRetry: () => void }) {
  const next = 'nextStep' in error ? error.nextStep : undefined;
  return (
    <div role="alert" class="error">
      <p>
        <strong>{error.message}</strong> {next && NEXT_STEP_TEXT[next]}
      </p>
      {next === 'open-settings' && (
        <button type="button" onClick={() => void send({ type: 'settings.open' })}>
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
