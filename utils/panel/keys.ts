// The panel's own shortcuts, as one pure mapping from a key press to what it does, so that the
// panel, its help and its tests agree. Alt+1…9 (outcomes) are read by utils/outcome-shortcut.ts.

export type PanelKey = 'save' | 'save-next' | 'close' | 'previous-call' | 'next-call' | 'help' | 'collapse';

const isTextField = (target: EventTarget | null) =>
  target instanceof HTMLTextAreaElement ||
  (target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type)) ||
  (target instanceof HTMLElement && target.isContentEditable);

/**
 * What a key press means to the panel, or undefined. `?` only outside text boxes, where it
 * would otherwise be typed; Alt+Up/Down only when the focused control did not use them (the
 * Outcome list opens with Alt+Down).
 */
export function panelKey(event: KeyboardEvent): PanelKey | undefined {
  const mod = event.ctrlKey || event.metaKey;
  if (event.key === 'Enter' && mod) return event.shiftKey ? 'save-next' : 'save';
  if (event.key === 'Escape' && !mod && !event.altKey) return event.defaultPrevented ? undefined : 'close';
  if (event.altKey && !mod && !event.shiftKey && !event.defaultPrevented) {
    if (event.key === 'ArrowUp') return 'previous-call';
    if (event.key === 'ArrowDown') return 'next-call';
    // Collapse / expand (issue 15), by the physical key as Alt+1…9 are (Option+M types µ on a Mac).
    // Alt+Shift+M is ChromeOS's, Ctrl+Shift+M Firefox's responsive design mode; plain Alt+M is no one's.
    if (event.code === 'KeyM') return 'collapse';
  }
  if (event.key === '?' && !mod && !event.altKey && !isTextField(event.target)) return 'help';
  return undefined;
}
