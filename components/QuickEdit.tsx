import { useEffect, useRef, useState } from 'preact/hooks';
import type { Controller, QuickEditState } from '@/utils/content/controller';
import { Launcher } from './Launcher';
import { QuickEditPanel } from './QuickEditPanel';

/** Everything the content script shows: the launcher where the page has a call, and the panel. */
export function QuickEdit({ controller }: { controller: Controller }) {
  const [state, setState] = useState<QuickEditState>(controller.get());
  // Where focus was before the panel opened: Close's page (shortcut) or our launcher.
  const returnTo = useRef<Element | null>(null);
  const [focusLauncher, setFocusLauncher] = useState(false);
  useEffect(
    () =>
      controller.subscribe((next) => {
        // Before Preact re-renders, while the launcher (if it was used) still has focus.
        if (next.open && !returnTo.current) returnTo.current = document.activeElement;
        setState(next);
      }),
    [controller],
  );

  useEffect(() => {
    if (state.open) {
      setFocusLauncher(false);
    } else if (returnTo.current) {
      // Inside our shadow root the page only sees the host element: focus the launcher then.
      if (returnTo.current.shadowRoot) setFocusLauncher(true);
      else if (returnTo.current instanceof HTMLElement) returnTo.current.focus();
      returnTo.current = null;
    }
  }, [state.open]);

  if (!state.target) return null;
  return state.open ? (
    <QuickEditPanel target={state.target} onClose={controller.close} />
  ) : (
    <Launcher onOpen={controller.open} focus={focusLauncher} />
  );
}
