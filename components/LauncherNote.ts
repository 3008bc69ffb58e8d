/** How long a note stays; one with a button stays as long as what the button can still do. */
export const NOTE_MS = 4000;

export interface NoteAction {
  label: string;
  run(): void;
}

/**
 * A small note where the launcher is ("No call on this page", "Draft saved", "Saved · Undo";
 * issue 15): a status, never an alert, that goes by itself. Plain DOM, like the launcher.
 * At most one at a time: a new note replaces the one shown.
 */
export function createLauncherNotes(container: HTMLElement, launcher: HTMLElement) {
  let shown: HTMLElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hide = () => {
    clearTimeout(timer);
    // A note going away with focus on its button hands focus to the launcher, not Close's body.
    const hadFocus = !!shown && shown.contains((shown.getRootNode() as ShadowRoot).activeElement);
    shown?.remove();
    shown = undefined;
    if (hadFocus && launcher.isConnected) launcher.focus();
  };
  return {
    show(text: string, action?: NoteAction, ms = NOTE_MS) {
      hide();
      const note = document.createElement('div');
      note.className = 'note';
      note.setAttribute('role', 'status');
      note.append(text);
      if (action) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = action.label;
        // Only a real click (SECURITY.md); the note goes with it, and focus to the launcher.
        button.addEventListener('click', (event) => {
          if (!event.isTrusted) return;
          action.run();
          hide();
        });
        note.append(' · ', button);
      }
      // Right after the launcher where it is (above it, launcher.css; Tab from it reaches the
      // note's button), in its corner otherwise.
      if (launcher.isConnected) launcher.after(note);
      else container.append(note);
      shown = note;
      timer = setTimeout(hide, ms);
    },
    hide,
  };
}

export type LauncherNotes = ReturnType<typeof createLauncherNotes>;

