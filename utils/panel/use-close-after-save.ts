import { i18n } from '#i18n';
import { useEffect, useRef } from 'preact/hooks';
import { hasChanges } from '../call-changes';
import { callBase } from '../close/call-base';
import type { PanelNote } from '../content/lazy-panel';
import { settings } from '../settings';
import type { Status } from './save-session';
import { send } from './send';

// "Close the panel after Save" (settings page, off by default; issue 15): Ctrl/Cmd+Enter saves,
// and once Close confirmed, the panel closes with "Saved · Undo" where the launcher is (focus goes
// back where it was, components/QuickEdit.ts). A save that did not go through keeps the panel
// open, where the session says why.

type Saved = Extract<Status, { kind: 'saved' }>;

/** The Undo of the note: the session's own undo (undoChanges) sent as a save of its own. */
const undoOf = (saved: Saved) => () =>
  void send({ type: 'call.save', saveId: crypto.randomUUID(), callId: saved.after.id, changes: saved.undo, base: callBase(saved.after) });

export function closingNote(saved: Saved, now: number): PanelNote {
  return {
    text: i18n.t('panel.saved'),
    ...(hasChanges(saved.undo) && { action: { label: i18n.t('panel.undo'), run: undoOf(saved) } }),
    ms: Math.max(0, saved.undoUntil - now),
  };
}

export function useCloseAfterSave(status: Status, onClose: (note?: PanelNote) => void) {
  const enabled = useRef(false);
  const armed = useRef(false);
  useEffect(() => {
    void settings.closeAfterSave.get().then((on) => (enabled.current = on));
    return settings.closeAfterSave.watch((on) => (enabled.current = on));
  }, []);
  useEffect(() => {
    if (!armed.current || status.kind === 'sending' || status.kind === 'idle') return;
    armed.current = false;
    if (status.kind === 'saved') onClose(closingNote(status, Date.now()));
  }, [status]);
  /** Ctrl/Cmd+Enter: close once this save is confirmed, when the rep turned that on. */
  return () => (armed.current = enabled.current);
}
