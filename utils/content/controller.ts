import type { PageTarget } from '../page';

// The content script's small state: what the page is about and whether the panel is open.
// Navigation, the launcher and the keyboard command all change it through here, so they
// run the same code path.

export interface QuickEditState {
  target: PageTarget | undefined;
  open: boolean;
}

export function createController(initial: PageTarget | undefined) {
  let state: QuickEditState = { target: initial, open: false };
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
      if (state.target) set({ open: true });
    },
    close: () => set({ open: false }),
    /** A page without a call closes the panel; its draft is already stored. */
    setTarget: (target: PageTarget | undefined) => set({ target, open: state.open && target !== undefined }),
  };
}

export type Controller = ReturnType<typeof createController>;
