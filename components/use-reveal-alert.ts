import { useLayoutEffect, type MutableRef } from 'preact/hooks';

// A panel held to a short height (issue 15: it keeps clear of the edited call) scrolls inside;
// a save's alert appearing below what shows would go unseen. When the save's state changes, the
// panel scrolls itself (only itself, never the page) so that its alert is in view.

export function useRevealAlert(panel: MutableRef<HTMLElement | null>, state: string) {
  useLayoutEffect(() => {
    const el = panel.current;
    const alert = el?.querySelector<HTMLElement>(':scope > .status-row ~ [role="alert"]');
    if (!el || !alert || el.scrollHeight <= el.clientHeight) return;
    const below = alert.getBoundingClientRect().bottom - el.getBoundingClientRect().bottom + 14;
    if (below > 0) el.scrollTop += below;
  }, [state]);
}
