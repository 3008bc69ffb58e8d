import { addPage, nextWithoutOutcome, stepCall } from './call-pages';
import { choose, show, shownCall } from './save-session-show';
import type { AfterMore, Effect, Event, Load, Session, Status, Step } from './save-session-types';

// The lead's further pages of calls in the save session (issue 14): More calls, Alt+Down past
// the last loaded call, Save & next past it. The pure rules of the list are in call-pages.ts.

/** Asks for the next page of calls; `then` runs once it is in (if the rep is still where they were). */
export function loadMore(s: Session, then: AfterMore | undefined): Step {
  if (!s.more) return [s, []];
  // One request at a time: a later wish replaces what waited only if it waits for something.
  const waiting = then ?? s.moreLoading?.then;
  const loading = { ...s, moreLoading: waiting ? { then: waiting } : {}, moreError: undefined };
  if (s.moreLoading) return [loading, []];
  return [loading, [{ type: 'load-more', token: s.loadToken, more: s.more }]];
}

/** Alt+Up / Alt+Down: the call before or after the shown one; past the last loaded, the next page first. */
export function stepTo(s: Session, step: -1 | 1): Step {
  const call = shownCall(s);
  if (!call) return [s, []];
  const found = stepCall(s.calls, call.id, step, !!s.more);
  if (found.kind === 'more') return s.moreLoading ? [s, []] : loadMore(s, { kind: 'step', from: call.id });
  return found.kind === 'call' ? choose(s, found.call.id) : [s, []];
}

export function onMoreLoaded(s: Session, event: Extract<Event, { type: 'more-loaded' }>): Step {
  // An answer for an earlier load, or for a page already in, changes nothing.
  if (event.token !== s.loadToken || !s.moreLoading || s.more?.skip !== event.skip) return [s, []];
  const then = s.moreLoading.then;
  if (!event.reply.ok) return [{ ...s, moreLoading: undefined, moreError: event.reply.error }, []];
  const page = event.reply.value;
  const calls = addPage(s.calls, page.calls);
  // The panel's "as loaded" list grows with it: where the rep is in the run counts every page.
  const load: Load =
    s.load.state === 'ready' && s.load.data.connected
      ? { state: 'ready', data: { ...s.load.data, calls: addPage(s.load.data.calls, page.calls), ...(page.more ? { moreCalls: page.more } : { moreCalls: undefined }) } }
      : s.load;
  const next: Session = { ...s, calls, load, more: page.more, moreLoading: undefined, moreError: undefined };
  // The rep went elsewhere meanwhile: the page is in, nothing moves.
  if (!then || s.callId !== then.from) return [next, []];
  if (then.kind === 'step') return stepTo(next, 1);
  const found = nextWithoutOutcome(calls, then.from, !!page.more);
  if (found.kind === 'more') return loadMore(next, then);
  if (found.kind === 'none')
    return then.saveId ? [next, []] : [{ ...next, status: { kind: 'info', say: 'noOtherCall' } }, []];
  const effects: Effect[] = [{ type: 'flush-draft' }];
  const moved = show(next, found.call.id, effects);
  if (!then.saveId) return [moved, effects];
  // Save & next's save goes on behind, as when the next call was on the first page.
  const saveId = then.saveId;
  const was = next.status;
  const status: Status =
    (was.kind === 'sending' || was.kind === 'waiting') && was.saveId === saveId
      ? { ...was, behind: then.from }
      : was.kind === 'saved' && was.after.id === then.from
        ? { ...was, say: 'savedNext', callId: then.from } // confirmed while the page came: Undo is for that call
        : moved.status;
  return [{ ...moved, current: saveId, status }, effects];
}
