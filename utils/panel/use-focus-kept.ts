import { useEffect, useLayoutEffect, useRef, type MutableRef } from 'preact/hooks';

// Issue 15: a click that disables or removes the control under the pointer (Save, Try again,
// Undo, Append mine…) dropped focus on Close's <body>; from there Esc, Ctrl+Enter and typed
// letters went to Close. Browsers fire no focusout when a focused element is removed or disabled,
// so after every render the panel looks: if focus was in it and is now nowhere, it goes to a
// defined place. Focus the rep moved elsewhere on purpose (a click on Close's page, Tab into it)
// is theirs: nothing is taken back.

/** The focused element of the page as it sees it: nowhere (the body) after a removal. */
const focusIsNowhere = () => !document.activeElement || document.activeElement === document.body;

/** The first control of the panel's body (after its title bar), where the Note box is not there. */
export const firstControl = (panel: HTMLElement) =>
  [...panel.querySelectorAll<HTMLElement>('[contenteditable="true"], input:not([disabled]), button:not([disabled])')].find(
    (el) => !el.closest('header'),
  ) ?? panel.querySelector<HTMLElement>('button');

export function useFocusKept(panelRef: MutableRef<HTMLElement | null>, fallback: () => void) {
  // The panel opened: focus belongs in it (the launcher or feed button that had it is gone).
  const inside = useRef(true);

  useEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    const onFocusIn = () => (inside.current = true);
    const onFocusOut = (event: FocusEvent) => {
      const to = event.relatedTarget;
      if (to instanceof Node && !panel.contains(to)) inside.current = false;
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!event.composedPath().includes(panel)) inside.current = false;
    };
    panel.addEventListener('focusin', onFocusIn);
    panel.addEventListener('focusout', onFocusOut);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      panel.removeEventListener('focusin', onFocusIn);
      panel.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [panelRef.current]);

  useLayoutEffect(() => {
    const check = () => {
      const panel = panelRef.current;
      if (panel?.isConnected && inside.current && focusIsNowhere()) fallback();
    };
    check();
    // A disabled control keeps focus until the browser's next rendering step drops it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(check)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  });
}
