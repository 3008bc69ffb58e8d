import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { hasChanges } from '@/utils/call-changes';
import { noteSize, sameNote, noteOfCall } from '@/utils/note-content';
import { outcomeForShortcut } from '@/utils/outcome-shortcut';
import { trapTab } from '@/utils/panel/focus-trap';
import { firstControl, useFocusKept } from '@/utils/panel/use-focus-kept';
import { panelKey } from '@/utils/panel/keys';
import { canSave, changesOf, NOTE_LIMIT, noteTooLong, shownCall } from '@/utils/panel/save-session';
import { send } from '@/utils/panel/send';
import { trusted } from '@/utils/panel/trusted';
import { useSaveSession } from '@/utils/panel/use-save-session';
import type { CallId } from '@/utils/close/ids';
import type { PanelNote } from '@/utils/content/lazy-panel';
import { useCloseAfterSave } from '@/utils/panel/use-close-after-save';
import { useConnectionChanges } from '@/utils/panel/connection-events';
import { useDraftedCalls } from '@/utils/panel/use-drafted-calls';
import { callLabel } from '@/utils/format';
import type { PageTarget } from '@/utils/page';
import type { PanelViewName } from '@/utils/content/controller';
import { CallPicker } from './CallPicker';
import { CallLiveMark } from './CallEndWait';
import { MoreCalls } from './MoreCalls';
import { CallsToLogBar, queueLabel } from './CallsToLog';
import { CollapseButton, useCollapse } from './CollapseButton';
import { ConflictAlert } from './ConflictAlert';
import { NoCallFound } from './NoCallFound';
import { NoteEditor } from './NoteEditor';
import { OutcomePicker } from './OutcomePicker';
import { ErrorMessage, SaveFeedback } from './SaveFeedback';
import { DraftNotice, GoBackNotice, WhereNotice } from './SessionNotices';
import { ShortcutHelp } from './ShortcutHelp';
import { usePanelPosition } from './usePanelPosition';
import { useRevealAlert } from './use-reveal-alert';

interface QuickEditPanelProps {
  target: PageTarget;
  /** Closes the panel, with a note to show where the launcher is ("Saved · Undo"). */
  onClose: (note?: PanelNote) => void;
  /** Calls to log (issue 17) when the command or the popup opened the panel. */
  view?: PanelViewName;
  /** Tells the page which call the panel shows (its feed item is marked; issue 15). */
  onShowing?: (callId: CallId | undefined) => void;
}

const openSettings = trusted(() => void send({ type: 'settings.open' }));

/** The panel: layout and key routing. What is in the boxes and how saves go is the save session's. */
export function QuickEditPanel({ target, onClose, view, onShowing }: QuickEditPanelProps) {
  const { session: s, dispatch, noteRef, save, undo, retry, retryNow, callEnd, resolve, keepNow } = useSaveSession(target, view);
  const [now, setNow] = useState(Date.now());
  const [help, setHelp] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const panelRef = useRef<HTMLElement>(null);
  const keepEditingRef = useRef<HTMLButtonElement>(null);
  const helpReturn = useRef<Element | null>(null);
  // Kept clear of the edited call's feed item (issue 15).
  const position = usePanelPosition(panelRef, { target, callId: shownCall(s)?.id });
  const collapse = useCollapse();
  useRevealAlert(panelRef, s.status.kind);
  const call = shownCall(s);
  const data = s.load.state === 'ready' && s.load.data.connected ? s.load.data : undefined;
  const outcomes = data?.outcomes ?? [];
  const { status } = s;
  useEffect(() => onShowing?.(call?.id), [call?.id]);
  // Focus never falls out of the panel: the Note box, else its first control (issue 15).
  const focusBody = () => (noteRef.current ? noteRef.current.focus() : panelRef.current && firstControl(panelRef.current)?.focus());
  const focusInside = () => (collapse.collapsed ? collapse.buttonRef.current?.focus() : focusBody());
  useFocusKept(panelRef, focusInside);
  // More calls pressed: once the page is in, focus goes to the Call control that now holds it
  // (the button itself goes away with the last page), the shown call unchanged.
  const focusCallsWhenIn = useRef(false);
  useEffect(() => {
    if (!focusCallsWhenIn.current || s.moreLoading) return;
    focusCallsWhenIn.current = false;
    panelRef.current?.querySelector<HTMLElement>('#quick-edit-call')?.focus();
  }, [s.moreLoading, s.calls.length]);
  const closeWhenSaved = useCloseAfterSave(status, onClose);
  // Connected or disconnected elsewhere (popup, settings): loaded again now (issue 15).
  useConnectionChanges(() => dispatch({ type: 'reload' }));
  const hasDraft = useDraftedCalls();
  // Not connected: the way to connect is what there is to do.
  const disconnected = s.load.state === 'ready' && !s.load.data.connected;
  useEffect(() => {
    if (disconnected) focusInside();
  }, [disconnected]);

  // Countdowns and the Undo window need a clock only while they show.
  const ticking = (status.kind === 'waiting' && status.until !== undefined) || status.kind === 'saved';
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [ticking, status]);

  /** Esc: the draft is written now; the panel asks only if it could not be kept. */
  async function requestClose() {
    if (!call || !hasChanges(changesOf(s))) return onClose();
    if (await keepNow()) onClose();
    else setConfirmClose(true);
  }

  function onKeyDown(event: KeyboardEvent) {
    // Scripts on Close's page can dispatch key events into our open shadow root: only real ones act.
    if (!event.isTrusted) return;
    if (panelRef.current && trapTab(event, panelRef.current)) return;
    // Alt+M collapses and expands; collapsed, only Esc acts besides: nothing hidden changes.
    const collapseKey = panelKey(event);
    if (collapseKey === 'collapse') {
      event.preventDefault();
      return collapse.toggle(focusBody);
    }
    if (collapse.collapsed && collapseKey !== 'close') return;
    const shortcut = outcomes.length ? outcomeForShortcut(event, outcomes) : undefined;
    if (shortcut && call && !help) {
      event.preventDefault();
      return dispatch({ type: 'pick-outcome', outcomeId: shortcut.id });
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
    if (key === 'save') {
      closeWhenSaved();
      save();
    }
    else if (key === 'save-next') save('next');
    else if (key === 'previous-call' || key === 'next-call') {
      // Past the last loaded call the next page is asked for first (issue 14).
      dispatch({ type: 'step-call', step: key === 'next-call' ? 1 : -1 });
    } else if (key === 'help') openHelp();
  }

  function openHelp() {
    helpReturn.current = (panelRef.current?.getRootNode() as ShadowRoot | null)?.activeElement ?? null;
    setHelp(true);
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
    queueMicrotask(() => (back instanceof HTMLElement && back.isConnected ? back.focus() : noteRef.current?.focus()));
  }

  const error = status.kind === 'failed' ? status.error : undefined;
  const fieldErrors = error && 'fieldErrors' in error ? error.fieldErrors : undefined;
  const size = noteSize(s.content);
  const tooLong = noteTooLong(s) ? i18n.t('panel.tooLong', [String(size), String(NOTE_LIMIT)]) : undefined;
  const backTo = s.goBack && s.calls.find((c) => c.id === s.goBack!.callId);

  return (
    <section
      ref={panelRef}
      class={`${position.moved ? 'panel moved' : 'panel'}${collapse.collapsed ? ' collapsed' : ''}`}
      style={position.style}
      role="dialog"
      aria-modal="true"
      aria-labelledby="quick-edit-title"
      onKeyDown={onKeyDown}
    >
      <header class="panel-header" {...position.handle}>
        <h2 id="quick-edit-title">{i18n.t('panel.title')}</h2>
        <span class="header-buttons">
          <CollapseButton collapse={collapse} />
          <button
            type="button"
            class="icon"
            aria-label={i18n.t('help.button')}
            aria-expanded={help}
            onClick={trusted(() => (help ? closeHelp() : openHelp()))}
          >
            ?
          </button>
          <button type="button" class="icon" aria-label={i18n.t('panel.close')} onClick={trusted(() => void requestClose())}>
            ×
          </button>
        </span>
      </header>
      {help && <ShortcutHelp onClose={trusted(closeHelp)} />}
      {confirmClose && (
        <div role="alert" class="error confirm">
          <p>{i18n.t('panel.notKept')}</p>
          <div class="actions">
            <button type="button" onClick={trusted(() => onClose())}>
              {i18n.t('panel.closeAnyway')}
            </button>
            <button type="button" class="primary" ref={keepEditingRef} onClick={trusted(keepEditing)}>
              {i18n.t('panel.keepEditing')}
            </button>
          </div>
        </div>
      )}
      {backTo && s.goBack && (
        <GoBackNotice
          goBack={s.goBack}
          call={backTo}
          contacts={data?.contacts}
          onGoBack={trusted(() => dispatch({ type: 'go-back' }))}
          onOpenSettings={openSettings}
        />
      )}
      <CallsToLogBar session={s} dispatch={dispatch} target={target} />
      {s.load.state === 'loading' && s.view === 'page' && <p class="muted">{i18n.t('panel.loading')}</p>}
      {s.load.state === 'failed' && (
        <ErrorMessage error={s.load.error} onRetry={trusted(() => dispatch({ type: 'reload' }))} onOpenSettings={openSettings} />
      )}
      {s.load.state === 'ready' && !s.load.data.connected && (
        <div class="connect">
          <p>{i18n.t('panel.connect')}</p>
          <button type="button" onClick={openSettings}>
            {i18n.t('panel.openSettings')}
          </button>
        </div>
      )}
      {data && !call && s.view === 'page' && <NoCallFound account={data.account} onOpenSettings={openSettings} />}
      {data && call && (
        // Saving happens on a real click or key press only (trusted), never on a form submit.
        <form onSubmit={(e) => e.preventDefault()} hidden={help}>
          <CallPicker
            calls={s.calls}
            contacts={data.contacts}
            selectedId={call.id}
            onSelect={(callId) => dispatch({ type: 'show', callId })}
            hasDraft={hasDraft}
            {...(s.view === 'calls-to-log' && { label: queueLabel(s) })}
          />
          <CallLiveMark call={call} />
          {s.view === 'page' && (s.more || s.moreError) && (
            <MoreCalls
              loading={!!s.moreLoading}
              loaded={s.calls.length}
              error={s.moreError}
              onMore={trusted(() => {
                focusCallsWhenIn.current = true;
                dispatch({ type: 'more-calls' });
              })}
            />
          )}
          <WhereNotice session={s} contacts={data.contacts} />
          <NoteEditor
            editorRef={noteRef}
            value={s.content}
            error={tooLong ?? fieldErrors?.note ?? fieldErrors?.note_html}
            onChange={(content) => dispatch({ type: 'edit', content })}
          />
          <OutcomePicker
            outcomes={outcomes}
            value={s.outcomeId}
            error={fieldErrors?.outcome_id}
            onChange={(outcomeId) => dispatch({ type: 'pick-outcome', outcomeId })}
          />
          <DraftNotice
            draft={s.draft}
            onUse={trusted(() => dispatch({ type: 'use-newer-draft' }))}
            onDiscard={trusted(() => dispatch({ type: 'discard-draft' }))}
          />
          <div class="actions">
            <button type="button" class="primary" disabled={!canSave(s)} onClick={trusted(() => save())}>
              {i18n.t('panel.save')}
            </button>
            <span class="shortcut">
              {i18n.t('panel.saveHint')}
              <br />
              {i18n.t('panel.saveNextHint')}
            </span>
          </div>
          {status.kind === 'conflict' && (
            <ConflictAlert
              theirs={status.theirs}
              mine={{ note: s.content, outcomeId: s.outcomeId }}
              outcomes={outcomes}
              noteChanged={!sameNote(s.content, noteOfCall(call))}
              {...(status.who && { who: status.who })}
              {...(status.fields && { fields: status.fields })}
              onKeepMine={trusted(() => resolve('mine'))}
              onUseTheirs={trusted(() => resolve('theirs'))}
              onAppendMine={trusted(() => resolve('append'))}
            />
          )}
        </form>
      )}
      <SaveFeedback
        status={status}
        now={now}
        noteSize={size}
        onUndo={trusted(undo)}
        onRetry={trusted(retry)}
        onCancel={trusted(() => dispatch({ type: 'cancel' }))}
        onRetryNow={trusted(retryNow)}
        onCallEnd={(choice) => trusted(() => callEnd(choice))}
        onOpenSettings={openSettings}
        nameOf={(id) => {
          const named = s.calls.find((c) => c.id === id);
          return named ? callLabel(named, { contacts: data?.contacts }) : '';
        }}
      />
    </section>
  );
}
