import type { CallId } from '../close/ids';
import type { PageTarget } from '../page';

// The content script's small state: what the page is about and whether the panel is open.
// Navigation, the launcher, the feed's buttons and the keyboard command all change it through
// here, so they run the same code path.

export interface QuickEditState {
  /** What the panel shows: the page's target, or a call the rep picked in the feed. */
  target: PageTarget | undefined;
  open: boolean;
  /** The page's call, or Calls to log (issue 17): the rep's calls across leads, on any Close page. */
  view: PanelViewName;
}

export type PanelViewName = 'page' | 'calls-to-log';

export function createController(initial: PageTarget | undefined) {
  // What the page itself is about; `state.target` differs from it only while the panel is open
  // on a call picked from the feed (closing goes back to it, so the launcher keeps its call).
  let page = initial;
  let state: QuickEditState = { target: initial, open: false, view: 'page' };
  const listeners = new Set<(state: QuickEditState) => void>();
  const set = (next: Partial<QuickEditState>) => {
    state = { ...state, ...next };
    listeners.forEach((listener) => listener(state));
  };
  return {
    get: () => state,
    subscribe(listener: (state: QuickEditState) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Opens the panel where the page has a call to edit; the launcher and the command both land here. */
    open: () => {
      if (state.target) set({ open: true, view: 'page' });
    },
    /** Opens the panel in Calls to log (the second command, the popup's Log calls): a call on the page is not needed. */
    openCallsToLog: () => set({ open: true, view: 'calls-to-log' }),
    /** Opens the panel on this call (a feed item's button), or switches the open panel to it. */
    openCall: (callId: CallId) => set({ target: { ...page, callId }, open: true, view: 'page' }),
    close: () => set({ target: page, open: false, view: 'page' }),
    /** A page without a call closes the panel; its draft is already stored. */
    setTarget: (target: PageTarget | undefined) =>
      set({ target: (page = target), open: state.open && (target !== undefined || state.view === 'calls-to-log') }),
  };
}

export type Controller = ReturnType<typeof createController>;
