import { i18n } from '#i18n';
import type { CloseClient } from '../close/client';
import type { CloseError } from '../close/errors';
import { nextTry } from '../close/rate-limit-wait';
import { callBase } from '../close/call-base';
import type { Call, CallChanges } from '../close/schemas';
import type { Account, PendingSave, SaveOwner, SaveProgress, SaveResult, TabMessage, WaitReason } from '../messages';
import { nextCallEndLook } from './call-end-wait';
import { attempt } from './save-attempt';
import { createEarlyWake } from './early-wake';
import type { Outbox, Save } from './outbox';

// Saves, one call at a time and in the order the rep made them. Each save is in the outbox
// before its first request and leaves it only when Close answered for good, so a stopped
// worker, a closed browser or a lost connection delays a save but never loses it. The outbox
// is read again right before every request and after every wait: a cancelled save is never sent.

export interface SaverDeps {
  outbox: Outbox;
  /** The connected key and its account, if any. */
  connection: () => Promise<{ apiKey: string; account: Account } | undefined>;
  /** A client that does not retry by itself (we retry here, and tell the panel). */
  createClient: (apiKey: string) => CloseClient;
  notify: (tabId: number, message: TabMessage) => Promise<void>;
  /** Called with whatever a confirmed save makes obsolete (the rep's draft). */
  confirmed?: (save: Save, call: Call) => Promise<void>;
  /** Asks to be woken at `when` (ms since epoch): the worker may be stopped meanwhile. */
  wakeAt?: (when: number) => void;
  /** How long a new save is held before its first request (the outcome hold, hold.ts); 0: not held. */
  holdMs?: (changes: CallChanges) => Promise<number>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

type Run = 'done' | 'held';

const INTERRUPTED_GRACE_MS = 2_000;
/** Longer waits are alarms, not timers: a stopped worker would forget a timer. */
export const LONG_WAIT_MS = 20_000;
/** Offline saves are tried again this often (Chrome's shortest alarm is 30 s). */
const OFFLINE_RETRY_MS = 30_000;
/** The alarm behind a timer's wait: Chrome's shortest, and later than any timer (<= LONG_WAIT_MS). */
const TIMER_BACKSTOP_MS = 30_000;

const sameOwner = (account: Account, owner: SaveOwner) =>
  account.userId === owner.userId && account.organizationId === owner.organizationId;

export const ownerOf = (account: Account): SaveOwner => ({
  userId: account.userId,
  organizationId: account.organizationId,
  email: account.email,
});

/** How a stored save stands, for lists and status answers. */
const progressOf = (save: Save): SaveProgress =>
  save.wait
    ? { state: 'waiting', reason: save.wait.reason, ...(save.wait.until !== undefined && { until: save.wait.until }) }
    : { state: 'sending' };

export function createSaver(deps: SaverDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = deps.now ?? Date.now;
  const timers = createEarlyWake(sleep);
  const waiting = new Map<string, ((result: SaveResult) => void)[]>();
  const finished = new Map<string, SaveResult>();
  const busyCalls = new Set<string>();
  const inFlight = new Set<string>();
  /** Saves stored by this worker whose first attempt has not started yet. */
  const fresh = new Set<string>();

  const isFinal = (result: SaveResult) => result.state !== 'sending' && result.state !== 'waiting' && result.state !== 'accepted';

  /**
   * Tells the tab that made the save; final results, and saves parked in the outbox (`held`),
   * also answer whoever waits in status(). Final results are remembered a while.
   */
  function report(save: Save, result: SaveResult, held = false) {
    if (isFinal(result)) {
      finished.set(save.id, result);
      if (finished.size > 200) finished.delete(finished.keys().next().value!);
    }
    if (isFinal(result) || held) {
      const waiters = waiting.get(save.id) ?? [];
      waiting.delete(save.id);
      waiters.forEach((resolve) => resolve(result));
    }
    if (save.tabId !== undefined)
      void deps.notify(save.tabId, { type: 'save.result', saveId: save.id, callId: save.callId, result }).catch(() => undefined);
  }

  const waitFor = (saveId: string) =>
    new Promise<SaveResult>((resolve) => waiting.set(saveId, [...(waiting.get(saveId) ?? []), resolve]));

  /**
   * A request, only if the save is still in the outbox at this very moment (Cancel is final).
   * A write on the wire can no longer be called back; a read can (the write is not sent then).
   */
  async function request<T>(save: Save, send: () => Promise<T>, write: boolean): Promise<T | 'gone'> {
    // Wrapped, so the outbox's turn ends when the request starts, not when it is answered.
    const started = await deps.outbox.holding(save.id, () => {
      if (write) inFlight.add(save.id);
      return { answer: send() };
    });
    if (!started) return 'gone';
    try {
      return await started.answer;
    } finally {
      if (write) inFlight.delete(save.id);
    }
  }

  /** Parks a save in the outbox with its reason; an alarm wakes a worker to try it again. */
  async function hold(save: Save, reason: WaitReason, until?: number): Promise<Run> {
    const wait = { reason, ...(until !== undefined && { until }) };
    await deps.outbox.update(save.id, { wait, attempts: 0 });
    report(save, progressOf({ ...save, wait }), true);
    if (until !== undefined) deps.wakeAt?.(until);
    return 'held';
  }

  async function run(save: Save): Promise<Run> {
    // A save this worker just stored was stored with its first attempt counted (one write less
    // before the first request); any other count is attempts of an earlier worker.
    const isFresh = fresh.delete(save.id);
    // Never sent blind: a save of an older version waits for the rep; a save of another account
    // waits for that account's key.
    if (!save.owner) return save.wait?.reason === 'unclaimed' ? 'held' : hold(save, 'unclaimed');
    const connection = await deps.connection();
    if (!connection || !sameOwner(connection.account, save.owner))
      return save.wait?.reason === 'account' ? 'held' : hold(save, 'account');
    const client = deps.createClient(connection.apiKey);
    if (save.wait) await deps.outbox.update(save.id, { wait: undefined });
    report(save, { state: 'sending' });
    // Attempts left over from an earlier worker mean its request was cut off on the wire, and
    // may still reach Close: give it time to land, so the check below sees it and no older
    // text overtakes a newer one.
    const before = isFresh ? 0 : save.attempts;
    if (before > 0) await sleep(INTERRUPTED_GRACE_MS);
    // When this save's 429s in a row began: its deadline runs from there (rate-limit-wait.ts).
    let limitedSince = save.limitedSince;
    // Looks at a call still going on (call-end-wait.ts): not attempts at Close's trouble.
    let looks = 0;
    for (let attempts = before + 1; ; attempts++) {
      if (!isFresh || attempts > 1) await deps.outbox.update(save.id, { attempts });
      const result = await attempt(client, save, connection.apiKey, request);
      if (result === 'gone') return 'done'; // cancelled, or finished by another worker
      if (result.state === 'live') {
        // Since when, kept in the outbox: a stopped worker does not start the 2 minutes afresh.
        const since = save.liveSince ?? now();
        if (save.liveSince === undefined) {
          save = { ...save, liveSince: since };
          await deps.outbox.update(save.id, { liveSince: since });
        }
        const next = nextCallEndLook(since, now(), looks++);
        if ('ask' in next) return hold(save, 'call-ask');
        deps.wakeAt?.(now() + TIMER_BACKSTOP_MS);
        report(save, { state: 'waiting', reason: 'call-live', until: now() + next.wait });
        await timers.wait(save.id, next.wait);
        continue;
      }
      if (result.state !== 'retry') {
        await deps.outbox.remove(save.id);
        // Said first (Saved is what the rep waits for); the rest is done before this call's next save runs.
        report(save, result);
        if (result.state === 'saved') {
          await deps.outbox.rebase(save.callId, callBase(result.call));
          await deps.confirmed?.(save, result.call).catch(() => undefined);
        }
        return 'done';
      }
      const { error } = result;
      const since = error.kind === 'rate-limited' ? (limitedSince ?? now()) : undefined;
      if (since !== limitedSince) await deps.outbox.update(save.id, { limitedSince: (limitedSince = since) });
      // Attempts count per session of trying: a save that waited starts afresh.
      const next = nextTry(error, attempts - before - looks, since ?? now(), now(), deps.random);
      if ('fail' in next) {
        await deps.outbox.remove(save.id);
        report(save, { state: 'failed', error });
        return 'done';
      }
      if ('hold' in next) return hold(save, next.hold, now() + OFFLINE_RETRY_MS);
      const { wait, reason } = next;
      if (wait > LONG_WAIT_MS) return hold(save, reason, now() + wait);
      // The timer does the work; the alarm, due after it, is there in case the worker is stopped
      // meanwhile, so a save the rep is told is waiting always has something that wakes it.
      deps.wakeAt?.(now() + TIMER_BACKSTOP_MS);
      report(save, { state: 'waiting', reason, until: now() + wait });
      await timers.wait(save.id, wait); // or less: Retry now
      // Re-read after the wait: the next request checks the outbox again before it goes.
      report(save, { state: 'sending' });
    }
  }

  /** Whether a held save may be tried now: its time has come, or (`includeHeld`) we were told to. */
  const due = (save: Save, includeHeld: boolean) =>
    !save.wait ||
    (save.wait.until !== undefined ? save.wait.until <= now() || (includeHeld && save.wait.reason === 'offline') : includeHeld);

  /** Works through one call's saves in order; a held save holds back the later ones. */
  async function drain(callId: string, includeHeld: boolean) {
    if (busyCalls.has(callId)) return;
    busyCalls.add(callId);
    try {
      for (;;) {
        const saves = (await deps.outbox.list()).filter((s) => s.callId === callId);
        const save = saves[0];
        if (!save) return;
        if (!due(save, includeHeld)) {
          if (save.wait?.until !== undefined) deps.wakeAt?.(save.wait.until);
          return;
        }
        if ((await run(save)) === 'held') {
          // Later saves of this call wait behind it, in order, for the same reason.
          const wait = (await deps.outbox.list()).find((s) => s.id === save.id)?.wait;
          for (const later of saves.slice(1)) if (wait) report(later, progressOf({ ...later, wait }), true);
          return;
        }
      }
    } finally {
      busyCalls.delete(callId);
    }
  }

  async function drainAll(includeHeld: boolean) {
    const calls = new Set((await deps.outbox.list()).map((s) => s.callId));
    await Promise.all([...calls].map((callId) => drain(callId, includeHeld)));
  }

  const find = async (saveId: string) => (await deps.outbox.list()).find((s) => s.id === saveId);

  /** A timer for a short wait (with an alarm behind it, in case the worker stops), an alarm for a long one. */
  function wakeWhenDue(callId: string, ms: number) {
    if (ms > LONG_WAIT_MS) return deps.wakeAt?.(now() + ms);
    deps.wakeAt?.(now() + TIMER_BACKSTOP_MS);
    void sleep(ms).then(() => drain(callId, false));
  }

  return {
    /**
     * Puts a save in the outbox and answers `accepted` once it is stored there (safe from here
     * on); how it goes is pushed to its tab and answered by `status`. A storage failure throws.
     */
    async save(save: Omit<Save, 'attempts' | 'createdAt' | 'owner' | 'wait' | 'offline'>): Promise<SaveResult> {
      const done = finished.get(save.id);
      if (done) return done;
      const connection = await deps.connection();
      // With no key connected there is no account to tie it to: nothing is stored or sent.
      if (!connection) return { state: 'failed', error: NOT_CONNECTED() };
      const holdMs = (await deps.holdMs?.(save.changes)) ?? 0;
      // Held (hold.ts): not before its time, the outbox's `wait`, and no attempt counted yet.
      const held = holdMs > 0 && { attempts: 0, wait: { reason: 'hold' as const, until: now() + holdMs } };
      await deps.outbox.add({ ...save, owner: ownerOf(connection.account), attempts: 1, createdAt: now(), ...held });
      if (held) wakeWhenDue(save.callId, holdMs);
      else {
        fresh.add(save.id);
        void drain(save.callId, true);
      }
      return { state: 'accepted' };
    },

    /** Where a save stands: a final result, or (`wait`) waits for one while it is being sent. */
    async status(saveId: string, wait = true): Promise<SaveResult> {
      const done = finished.get(saveId);
      if (done) return done;
      const save = await find(saveId);
      if (!save) return { state: 'unknown' };
      if (save.wait || !wait) return progressOf(save);
      const result = waitFor(saveId);
      void drain(save.callId, false);
      return result;
    },

    async list(): Promise<PendingSave[]> {
      return (await deps.outbox.list()).map((save) => ({
        saveId: save.id,
        callId: save.callId,
        changes: save.changes,
        createdAt: save.createdAt,
        progress: inFlight.has(save.id) ? { state: 'sending' } : progressOf(save),
        owner: save.owner ?? null,
        ...(save.label && { label: save.label }),
      }));
    },

    /** Cancels a save that is not on the wire; one whose request is on its way cannot be called back. */
    async cancel(saveId: string): Promise<SaveResult> {
      // One outbox turn: no request can start between the check and the removal.
      const removed = await deps.outbox.removeUnless(saveId, () => inFlight.has(saveId));
      if (removed === 'busy') return { state: 'sending' };
      if (removed === 'absent') return finished.get(saveId) ?? { state: 'unknown' };
      report(removed, { state: 'cancelled' });
      return { state: 'cancelled' };
    },

    /**
     * Retry now (a trusted click, issue 15): the call's first save waiting for Close (429, 5xx) is
     * tried at once instead of after its wait. Cancel still wins: every request re-reads the outbox.
     */
    async retryNow(saveId: string): Promise<SaveResult> {
      const saves = await deps.outbox.list();
      const save = saves.find((s) => s.id === saveId);
      if (!save) return finished.get(saveId) ?? { state: 'unknown' };
      const first = saves.find((s) => s.callId === save.callId)!;
      if (timers.wake(first.id)) return { state: 'sending' };
      if (first.wait?.reason !== 'rate-limited' && first.wait?.reason !== 'server') return progressOf(save);
      await deps.outbox.update(first.id, { wait: undefined });
      void drain(first.callId, true);
      return { state: 'sending' };
    },

    /**
     * The rep's answer to a note save that waited 2 minutes for its call to end (issue 14):
     * `anyway` sends it now; `wait` waits another 2 minutes.
     */
    async callEnd(saveId: string, choice: 'anyway' | 'wait'): Promise<SaveResult> {
      const save = await find(saveId);
      if (!save) return finished.get(saveId) ?? { state: 'unknown' };
      if (save.wait?.reason !== 'call-ask') return progressOf(save);
      await deps.outbox.update(saveId, choice === 'anyway' ? { anyway: true, wait: undefined } : { liveSince: now(), wait: undefined });
      void drain(save.callId, true);
      return { state: 'sending' };
    },

    /** The rep sends a save an older version left without an account, as the account connected now. */
    async claim(saveId: string): Promise<SaveResult> {
      const save = await find(saveId);
      if (!save) return finished.get(saveId) ?? { state: 'unknown' };
      if (save.owner) return progressOf(save);
      const connection = await deps.connection();
      if (!connection) return { state: 'failed', error: NOT_CONNECTED() };
      await deps.outbox.update(saveId, { owner: ownerOf(connection.account), wait: undefined });
      void drain(save.callId, true);
      return { state: 'accepted' };
    },

    /** After a worker start, an alarm, a key set or the connection coming back: try everything due. */
    resume: () => drainAll(true),
  };
}

const NOT_CONNECTED = (): CloseError => ({ kind: 'auth', message: i18n.t('errors.notConnected'), nextStep: 'open-settings' });

export type Saver = ReturnType<typeof createSaver>;
