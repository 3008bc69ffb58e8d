import type { CallId } from '../close/ids';

// Which `acti_…` ids on the page are calls is asked of Close, not guessed from words or class
// names (issue 14): an id can be an email's or a note's, and Close's UI speaks many languages.
// The background asks `GET /activity/call/?id__in=…&_fields=id`; this module batches the page's
// ids, remembers the answers for the page's life, and retries (with backoff) whatever could not
// be answered (a 400, a 429, no key yet, offline): an id nobody answered for is never a call.

/** The calls among `ids`, or undefined when Close could not be asked or did not answer. */
export type ConfirmCalls = (ids: CallId[]) => Promise<CallId[] | undefined>;

export interface CallConfirmations {
  /** Whether Close confirmed this id as a call. */
  isCall(id: CallId): boolean;
  /** Ask about these ids (those already answered or on their way are skipped). */
  request(ids: Iterable<CallId>): void;
  /** Called after new answers arrived. */
  subscribe(listener: () => void): () => void;
}

export const CONFIRM_BATCH = 50;
/**
 * Ids asked about in one page's life, at most: a script on Close's page can add links with made-up
 * ids, and must not spend the rep's rate limit on them (20 requests at most). A real feed or inbox
 * shows far fewer calls before the rep moves on.
 */
export const MAX_IDS_PER_PAGE = 1_000;
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

export function createCallConfirmations(
  confirm: ConfirmCalls,
  timers: { setTimeout: (run: () => void, ms: number) => unknown } = { setTimeout: (run, ms) => setTimeout(run, ms) },
): CallConfirmations {
  const calls = new Set<CallId>();
  const answered = new Set<CallId>();
  const waiting = new Set<CallId>();
  const inFlight = new Set<CallId>();
  const listeners = new Set<() => void>();
  let queued = 0;
  let asking = false;
  let retryMs = 0;
  let retryScheduled = false;

  async function ask() {
    if (asking || retryScheduled || waiting.size === 0) return;
    asking = true;
    const batch = [...waiting].slice(0, CONFIRM_BATCH);
    batch.forEach((id) => (waiting.delete(id), inFlight.add(id)));
    let confirmed: CallId[] | undefined;
    try {
      confirmed = await confirm(batch);
    } catch {
      confirmed = undefined;
    }
    asking = false;
    batch.forEach((id) => inFlight.delete(id));
    if (!confirmed) {
      // Not answered: ask again later, never guess.
      batch.forEach((id) => waiting.add(id));
      retryMs = Math.min(MAX_RETRY_MS, retryMs ? retryMs * 2 : FIRST_RETRY_MS);
      retryScheduled = true;
      timers.setTimeout(() => {
        retryScheduled = false;
        void ask();
      }, retryMs);
      return;
    }
    retryMs = 0;
    const asked = new Set(batch);
    batch.forEach((id) => answered.add(id));
    confirmed.forEach((id) => asked.has(id) && calls.add(id));
    listeners.forEach((listener) => listener());
    void ask();
  }

  return {
    isCall: (id) => calls.has(id),
    request(ids) {
      for (const id of ids) {
        if (answered.has(id) || inFlight.has(id) || waiting.has(id) || queued >= MAX_IDS_PER_PAGE) continue;
        queued++;
        waiting.add(id);
      }
      // After the current task: everything asked for in it goes in one batch.
      queueMicrotask(() => void ask());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
