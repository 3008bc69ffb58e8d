import { i18n } from '#i18n';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { callChanges, hasChanges } from '@/utils/call-changes';
import type { CloseError } from '@/utils/close/errors';
import { callBase } from '@/utils/close/call-base';
import type { Call, CallBase, CallChanges } from '@/utils/close/schemas';
import { appendNote } from '@/utils/content/append-note';
import { saveCall } from '@/utils/content/save-call';
import { saveEvents } from '@/utils/content/save-events';
import { send } from '@/utils/content/send';
import { trusted } from '@/utils/content/trusted';
import { undoChanges } from '@/utils/content/undo';
import { drafts } from '@/utils/drafts';
import type { PanelData, Rejection, Reply, SaveResult } from '@/utils/messages';
import { hasFormatting, noteText } from '@/utils/note-html';
import { outcomeForShortcut } from '@/utils/outcome-shortcut';
import { adjacentCall, nextCallWithoutOutcome } from '@/utils/panel/calls';
import { trapTab } from '@/utils/panel/focus-trap';
import { panelKey } from '@/utils/panel/keys';
import type { PageTarget } from '@/utils/page';
import { CallPicker } from './CallPicker';
import { ConflictAlert } from './ConflictAlert';
import { NoCallFound } from './NoCallFound';
import { NoteEditor } from './NoteEditor';
import { OutcomePicker } from './OutcomePicker';
import { ErrorMessage, SaveFeedback } from './SaveFeedback';
import { ShortcutHelp } from './ShortcutHelp';
import { usePanelPosition } from './usePanelPosition';
import { UNDO_MS, isBusy, type SaveState } from './save-state';

interface QuickEditPanelProps {
  target: PageTarget;
  onClose: () => void;
  /** Tells the page which call the panel shows (its feed item is marked; issue 15). */
  onShowing?: (callId: Call['id'] | undefined) => void;
}

/** What the panel remembers of a save it started: enough to undo it or to try it again. */
interface Job {
  from: Call;
  changes: Partial<CallChanges>;
  base: CallBase | null;
  undo: boolean;
}

type Load = { state: 'loading' } | { state: 'failed'; error: CloseError | Rejection } | { state: 'ready'; data: PanelData };

const DRAFT_DELAY_MS = 300;
const openSettings = () => void send({ type: 'settings.open' });

export function QuickEditPanel({ target, onClose, onShowing }: QuickEditPanelProps) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [calls, setCalls] = useState<Call[]>([]);
  const [callId, setCallId] = useState<Call['id'] | null>(null);
  const [note, setNote] = useState('');
  const [outcomeId, setOutcomeId] = useState<string | null>(null);
  const [draftRestored, setDraftRestored] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [now, setNow] = useState(Date.now());
  const [help, setHelp] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const keepEditingRef = useRef<HTMLButtonElement>(null);
  const position = usePanelPosition(panelRef);
  // Save & next: the job whose confirmed save moves the panel on, and what to say after the move.
  const nextAfter = useRef<string>();
  const carryStatus = useRef<string>();
  const helpReturn = useRef<Element | null>(null);
  const callsRef = useRef<Call[]>([]);
  const draftTimer = useRef<ReturnType<typeof setTimeout>>();
  const pendingDraft = useRef<() => Promise<void>>();
  // The job the panel shows, and what the call looked like before each job (for Undo).
  const currentJob = useRef<string>();
  const jobs = useRef(new Map<string, Job>());
  const confirmed = useRef(new Set<string>());
  const call = calls.find((c) => c.id === callId);
  callsRef.current = calls;
  const outcomes = load.state === 'ready' && load.data.connected ? load.data.outcomes : [];

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
  useEffect(() => onShowing?.(call?.id), [call?.id]);

  // Switching calls shows that call's note and outcome, or the rep's draft for it. A layout
  // effect: no frame, key press or draft may ever see the new call with the old call's note.
  useLayoutEffect(() => {
    if (!call) return;
    let cancelled = false;
    const queued = load.state === 'ready' && load.data.connected && load.data.queued.find((q) => q.callId === call.id);
    currentJob.current = queued ? queued.jobId : undefined;
    const carried = carryStatus.current;
    carryStatus.current = undefined;
    setSave(queued ? { kind: 'queued', jobId: queued.jobId } : carried ? { kind: 'info', text: carried } : { kind: 'idle' });
    setNote(noteText(call));
    setOutcomeId(call.outcome_id ?? null);
    setDraftRestored(false);
    void drafts.get(call.id).then((draft) => {
      if (cancelled || !draft) return;
      const draftOutcome = draft.outcome_id === undefined ? (call.outcome_id ?? null) : draft.outcome_id;
      if (!hasChanges(callChanges(call, draft.note ?? noteText(call), draftOutcome))) return void drafts.remove(call.id);
      if (draft.note !== undefined) setNote(draft.note);
      setOutcomeId(draftOutcome);
      setDraftRestored(true);
    });
    queueMicrotask(() => noteRef.current?.focus());
    return () => {
      cancelled = true;
    };
  }, [call?.id, load.state]);

  // Countdowns (retrying in N s) and the Undo window need a clock only while they show.
  useEffect(() => {
    if (save.kind !== 'retrying' && save.kind !== 'saved') return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [save.kind]);

  function replaceCall(next: Call) {
    setCalls((list) => list.map((c) => (c.id === next.id ? next : c)));
  }

  function applyResult(jobId: string, reply: Reply<SaveResult>) {
    const job = jobs.current.get(jobId);
    if (reply.ok && reply.value.state === 'saved') {
      // The same confirmation arrives twice (the reply and the background's push): act once.
      if (confirmed.current.has(jobId)) return;
      confirmed.current.add(jobId);
      const saved = reply.value.call;
      replaceCall(saved);
      void drafts.removeIfSavedBy(saved.id, jobId);
      if (jobId !== currentJob.current) return;
      // Save & next: on to the next call without an outcome, or say there is none (Undo stays).
      let text: string | undefined;
      if (jobId === nextAfter.current) {
        nextAfter.current = undefined;
        if (moveToNextWithoutOutcome(saved.id, i18n.t('panel.savedNext'))) return;
        text = i18n.t('panel.allDone');
      }
      setNote(noteText(saved));
      setOutcomeId(saved.outcome_id ?? null);
      setDraftRestored(false);
      setNow(Date.now());
      // A save queued before this panel opened has no "before" here: it is confirmed, not undoable.
      setSave(
        job?.undo
          ? { kind: 'restored' }
          : {
              kind: 'saved',
              after: saved,
              undo: job ? undoChanges(job.from, saved) : {},
              undoUntil: Date.now() + UNDO_MS,
              ...(text && { text }),
            },
      );
      return;
    }
    if (jobId !== currentJob.current) return;
    // Anything but a confirmed save keeps the rep on this call, with the reason in view.
    if (jobId === nextAfter.current) nextAfter.current = undefined;
    if (!reply.ok) return setSave({ kind: 'failed', error: reply.error });
    const result = reply.value;
    if (result.state === 'queued') setSave({ kind: 'queued', jobId });
    else if (result.state === 'conflict') setSave({ kind: 'conflict', theirs: result.theirs });
    else if (result.state === 'failed') setSave({ kind: 'failed', error: result.error });
    else if (result.state === 'cancelled') setSave({ kind: 'info', text: i18n.t('panel.cancelled') });
    else if (result.state === 'unknown')
      setSave({ kind: 'failed', error: { kind: 'rejected', message: i18n.t('panel.lostTrack') } });
  }

  useEffect(
    () =>
      saveEvents.on((event) => {
        if (event.type === 'save.result') return applyResult(event.jobId, { ok: true, value: event.result });
        if (event.jobId === currentJob.current) {
          setNow(Date.now());
          setSave({ kind: 'retrying', jobId: event.jobId, reason: event.reason, until: Date.now() + event.seconds * 1000 });
        }
      }),
    [],
  );

  /**
   * One save. The draft is handed to the job first (`draft`: what the boxes hold), so nothing
   * typed is lost whatever happens; an undo has no draft of its own.
   */
  async function performSave(job: Job, draft?: { note: string; outcomeId: string | null }, then?: 'next') {
    if (!hasChanges(job.changes)) return setSave({ kind: 'info', text: i18n.t('panel.nothingToSave') });
    clearTimeout(draftTimer.current);
    pendingDraft.current = undefined;
    const jobId = crypto.randomUUID();
    currentJob.current = jobId;
    jobs.current.set(jobId, job);
    if (draft) await drafts.set(job.from.id, { note: draft.note, outcome_id: draft.outcomeId, jobId });
    if (then === 'next') nextAfter.current = jobId;
    setSave({ kind: 'saving', jobId });
    applyResult(jobId, await saveCall(jobId, job.from.id, job.changes as CallChanges, job.base));
  }

  const saveNow = (then?: 'next') => {
    if (!call || isBusy(save)) return;
    const job = { from: call, changes: callChanges(call, note, outcomeId), base: callBase(call), undo: false };
    // Save & next with nothing to save just moves on.
    if (then === 'next' && !hasChanges(job.changes)) return void moveToNextWithoutOutcome(call.id);
    void performSave(job, { note, outcomeId }, then);
  };

  /** Save & next: the next call on the lead without an outcome; false (and said) when there is none. */
  function moveToNextWithoutOutcome(fromId: string, status?: string): boolean {
    const next = nextCallWithoutOutcome(callsRef.current, fromId);
    if (!next) {
      if (!status) setSave({ kind: 'info', text: i18n.t('panel.noOtherCall') });
      return false;
    }
    carryStatus.current = status;
    setCallId(next.id);
    return true;
  }

  function switchCall(step: -1 | 1) {
    const next = call && adjacentCall(calls, call.id, step);
    if (next) showCall(next.id);
  }

  /**
   * Esc: the rep's text is already kept as a draft a moment after each keystroke; make sure of
   * it now, and ask only if it could not be kept.
   */
  async function requestClose() {
    if (!call || !hasChanges(callChanges(call, note, outcomeId)) || save.kind === 'saving') return onClose();
    clearTimeout(draftTimer.current);
    pendingDraft.current = undefined;
    try {
      await drafts.set(call.id, { note, outcome_id: outcomeId });
      onClose();
    } catch {
      setConfirmClose(true);
    }
  }

  function pickOutcome(value: string | null) {
    setOutcomeId(value);
    if (!isBusy(save) && save.kind !== 'queued' && save.kind !== 'conflict') setSave({ kind: 'idle' });
    keepDraft(note, value);
  }

  function keepDraft(nextNote: string, nextOutcome: string | null) {
    if (!call) return;
    clearTimeout(draftTimer.current);
    const id = call.id;
    const write = () => {
      pendingDraft.current = undefined;
      return drafts.set(id, { note: nextNote, outcome_id: nextOutcome });
    };
    pendingDraft.current = write;
    draftTimer.current = setTimeout(() => void write(), DRAFT_DELAY_MS);
  }

  /** Writes the draft now rather than in a moment: before showing another call. */
  async function flushDraft() {
    clearTimeout(draftTimer.current);
    await pendingDraft.current?.().catch(() => undefined);
  }

  const showCall = (id: Call['id']) => void flushDraft().then(() => setCallId(id));

  /** After a conflict the call as Close has it now is the base of whatever the rep chooses. */
  function resolveConflict(choice: 'mine' | 'theirs' | 'append') {
    if (!call || save.kind !== 'conflict') return;
    const theirs: Call = { ...call, ...save.theirs };
    replaceCall(theirs);
    if (choice === 'theirs') {
      setNote(noteText(theirs));
      setOutcomeId(theirs.outcome_id ?? null);
      void drafts.remove(call.id);
      return setSave({ kind: 'info', text: i18n.t('panel.showingTheirs') });
    }
    const nextNote = choice === 'append' ? appendNote(noteText(theirs), note, noteText(call)) : note;
    setNote(nextNote);
    const job = { from: theirs, changes: callChanges(theirs, nextNote, outcomeId), base: save.theirs, undo: false };
    void performSave(job, { note: nextNote, outcomeId });
  }

  function onKeyDown(event: KeyboardEvent) {
    // Scripts on Close's page can dispatch key events into our open shadow root: only real ones act.
    if (!event.isTrusted) return;
    if (panelRef.current && trapTab(event, panelRef.current)) return;
    const shortcut = outcomes.length ? outcomeForShortcut(event, outcomes) : undefined;
    if (shortcut && call && !help) {
      event.preventDefault();
      return pickOutcome(shortcut.id);
    }
    const key = panelKey(event);
    if (!key) return;
    event.preventDefault();
    if (key === 'close') {
      if (help) return closeHelp();
      if (confirmClose) return keepEditing();
      return void requestClose();
    }
    if (help) return;
    if (key === 'save') saveNow();
    else if (key === 'save-next') saveNow('next');
    else if (key === 'previous-call') switchCall(-1);
    else if (key === 'next-call') switchCall(1);
    else if (key === 'help') {
      helpReturn.current = (panelRef.current?.getRootNode() as ShadowRoot | null)?.activeElement ?? null;
      setHelp(true);
    }
  }

  function keepEditing() {
    setConfirmClose(false);
    queueMicrotask(() => noteRef.current?.focus());
  }

  // The question takes focus once, when it appears, on its safe answer.
  useEffect(() => {
    if (confirmClose) keepEditingRef.current?.focus();
  }, [confirmClose]);

  function closeHelp() {
    setHelp(false);
    const back = helpReturn.current;
    helpReturn.current = null;
    queueMicrotask(() => (back instanceof HTMLElement && back.isConnected ? back : noteRef.current)?.focus());
  }

  const error = save.kind === 'failed' ? save.error : undefined;
  const fieldErrors = error && 'fieldErrors' in error ? error.fieldErrors : undefined;

  return (
    <section
      ref={panelRef}
      class={position.moved ? 'panel moved' : 'panel'}
      style={position.style}
      role="dialog"
      aria-modal="true"
      aria-labelledby="quick-edit-title"
      onKeyDown={onKeyDown}
    >
      <header class="panel-header" {...position.handle}>
        <h2 id="quick-edit-title">{i18n.t('panel.title')}</h2>
        <span class="header-buttons">
          <button
            type="button"
            class="icon"
            aria-label={i18n.t('help.button')}
            aria-expanded={help}
            onClick={() => (help ? closeHelp() : setHelp(true))}
          >
            ?
          </button>
          <button type="button" class="icon" aria-label={i18n.t('panel.close')} onClick={() => void requestClose()}>
            ×
          </button>
        </span>
      </header>
      {help && <ShortcutHelp onClose={closeHelp} />}
      {confirmClose && (
        <div role="alert" class="error confirm">
          <p>{i18n.t('panel.notKept')}</p>
          <div class="actions">
            <button type="button" onClick={trusted(onClose)}>
              {i18n.t('panel.closeAnyway')}
            </button>
            <button type="button" class="primary" ref={keepEditingRef} onClick={keepEditing}>
              {i18n.t('panel.keepEditing')}
            </button>
          </div>
        </div>
      )}
      {load.state === 'loading' && <p class="muted">{i18n.t('panel.loading')}</p>}
      {load.state === 'failed' && <ErrorMessage error={load.error} onRetry={loadPanel} onOpenSettings={openSettings} />}
      {load.state === 'ready' && !load.data.connected && (
        <div class="connect">
          <p>{i18n.t('panel.connect')}</p>
          <button type="button" onClick={openSettings}>
            {i18n.t('panel.openSettings')}
          </button>
        </div>
      )}
      {load.state === 'ready' && load.data.connected && !call && (
        <NoCallFound account={load.data.account} onOpenSettings={openSettings} />
      )}
      {load.state === 'ready' && load.data.connected && call && (
        <form
          // Saving happens on a real click or key press only (trusted), never on a form submit.
          onSubmit={(e) => e.preventDefault()}
          hidden={help}
        >
          <CallPicker calls={calls} contacts={load.data.contacts} selectedId={call.id} onSelect={showCall} />
          <NoteEditor
            textareaRef={noteRef}
            value={note}
            rich={hasFormatting(call)}
            error={fieldErrors?.note ?? fieldErrors?.note_html}
            onInput={(value) => {
              setNote(value);
              if (!isBusy(save) && save.kind !== 'queued' && save.kind !== 'conflict') setSave({ kind: 'idle' });
              keepDraft(value, outcomeId);
            }}
          />
          <OutcomePicker
            outcomes={outcomes}
            value={outcomeId}
            error={fieldErrors?.outcome_id}
            onChange={pickOutcome}
          />
          {draftRestored && (
            <p class="draft">
              {i18n.t('panel.draftRestored')}{' '}
              <button
                type="button"
                class="link"
                onClick={trusted(() => {
                  void drafts.remove(call.id);
                  setNote(noteText(call));
                  setOutcomeId(call.outcome_id ?? null);
                  setDraftRestored(false);
                })}
              >
                {i18n.t('panel.discardDraft')}
              </button>
            </p>
          )}
          <div class="actions">
            <button type="button" class="primary" disabled={isBusy(save)} onClick={trusted(() => saveNow())}>
              {i18n.t('panel.save')}
            </button>
            <span class="shortcut">
              {i18n.t('panel.saveHint')}
              <br />
              {i18n.t('panel.saveNextHint')}
            </span>
          </div>
          {save.kind === 'conflict' && (
            <ConflictAlert
              theirs={save.theirs}
              mine={{ note, outcomeId }}
              outcomes={outcomes}
              noteChanged={note !== noteText(call)}
              onKeepMine={trusted(() => resolveConflict('mine'))}
              onUseTheirs={trusted(() => resolveConflict('theirs'))}
              onAppendMine={trusted(() => resolveConflict('append'))}
            />
          )}
        </form>
      )}
      <SaveFeedback
        state={save}
        now={now}
        onUndo={trusted(() => {
          if (save.kind === 'saved')
            void performSave({ from: save.after, changes: save.undo, base: callBase(save.after), undo: true });
        })}
        onRetry={trusted(() => {
          // A failed undo is tried again as it was; a failed save takes what the boxes hold now.
          const job = currentJob.current ? jobs.current.get(currentJob.current) : undefined;
          if (job?.undo) void performSave(job);
          else saveNow();
        })}
        onCancelQueued={trusted(() => {
          if (save.kind !== 'queued') return;
          void send({ type: 'outbox.cancel', jobId: save.jobId }).then((reply) => applyResult(save.jobId, reply));
        })}
        onOpenSettings={openSettings}
      />
    </section>
  );
}
