import { useEffect, useRef, useState } from 'preact/hooks';
import type { Controller, QuickEditState } from '@/utils/content/controller';
import { Launcher } from './Launcher';
import { QuickEditPanel } from './QuickEditPanel';

/** Everything the content script shows: the launcher where the page has a call, and the panel. */
export function QuickEdit({ controller }: { controller: Controller }) {
  const [state, setState] = useState<QuickEditState>(controller.get());
  const returnFocus = useRef<Element | null>(null);
  useEffect(() => controller.subscribe(setState), [controller]);

  useEffect(() => {
    if (state.open) returnFocus.current = document.activeElement;
    else if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
  }, [state.open]);

  if (!state.target) return null;
  return state.open ? (
    <QuickEditPanel target={state.target} onClose={controller.close} />
  ) : (
    <Launcher onOpen={controller.open} />
  );
}
