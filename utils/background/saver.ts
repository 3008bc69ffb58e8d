import { i18n } from '#i18n';
import type { CloseClient } from '../close/client';
import type { CloseError } from '../close/errors';
import { canRetry, retryDelayMs } from '../close/retry';
import { callBase } from '../close/call-base';
import type { Call } from '../close/schemas';
import type { QueuedSave, SaveResult, TabMessage } from '../messages';
import { alreadyApplied, isConflict } from './conflict';
import type { Outbox, SaveJob } from './outbox';

// Saves, one call at a time and in the order the rep made them. Each job is in the outbox
// before its first request and leaves it only when Close answered for good, so a stopped
// worker, a closed browser or a lost connection delays a save but never loses it.

export interface SaverDeps {
  outbox: Outbox;
  /** A client that does not retry by itself (we retry here, and tell the panel). */
  client: () => Promise<CloseClient | undefined>;
  notify: (tabId: number, message: TabMessage) => Promise<void>;
  /** Called with whatever a confirmed save makes obsolete (the rep's draft). */
  confirmed?: (job: SaveJob, call: Call) => Promise<void>;
  /** Asks to be woken to try offline saves again (the worker may sleep meanwhile). */
  wakeLater?: () => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

type Step = { ok: true; value: Call } | { ok: false; error: CloseError };
type Outcome = SaveResult | { state: 'retry'; error: CloseError };

const INTERRUPTED_GRACE_MS = 2_000;

const NOT_CONNECTED: CloseError = {
  kind: 'auth',
  message: i18n.t('errors.notConnected'),
  nextStep: 'open-settings',
};

export function createSaver(deps: SaverDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const waiting = new Map<string, ((result: SaveResult) => void)[]>();
  const finished = new Map<string, SaveResult>();
  const busyCalls = new Set<string>();
  const inFlight = new Set<string>();

  function settle(job: SaveJob, result: SaveResult) {
    if (result.state !== 'queued') {
      finished.set(job.id, result);
      if (finished.size > 200) finished.delete(finished.keys().next().value!);
    }
    const waiters = waiting.get(job.id) ?? [];
    waiting.delete(job.id);
    waiters.forEach((resolve) => resolve(result));
    if (job.tabId !== undefined)
      void deps.notify(job.tabId, { type: 'save.result', jobId: job.id, callId: job.callId, result }).catch(() => undefined);
  }

  const waitFor = (jobId: string) =>
    new Promise<SaveResult>((resolve) => waiting.set(jobId, [...(waiting.get(jobId) ?? []), resolve]));

  /** One attempt: read the call, then write it unless that would overwrite someone else. */
  async function attempt(client: CloseClient, job: SaveJob): Promise<Outcome> {
    const current: Step = await client.getCall(job.callId);
    if (!current.ok) return outcomeOf(current.error);
    if (alreadyApplied(current.value, job.changes)) return { state: 'saved', call: current.value };
    if (job.base && isConflict(job.base, current.value, job.changes))
      return { state: 'conflict', theirs: callBase(current.value) };
    const put: Step = await client.updateCall(job.callId, job.changes);
    return put.ok ? { state: 'saved', call: put.value } : outcomeOf(put.error);
  }

  const outcomeOf = (error: CloseError): Outcome =>
    error.kind === 'rate-limited' || error.kind === 'offline' || error.kind === 'server'
      ? { state: 'retry', error }
      : { state: 'failed', error };

  async function run(job: SaveJob): Promise<'done' | 'offline'> {
    const client = await deps.client();
    if (!client) {
      await deps.outbox.remove(job.id);
      settle(job, { state: 'failed', error: NOT_CONNECTED });
      return 'done';
    }
    // Attempts left over from an earlier worker mean its request was cut off on the wire, and
    // may still reach Close: give it time to land, so the check below sees it and no older
    // text overtakes a newer one.
    if (job.attempts > 0) await sleep(INTERRUPTED_GRACE_MS);
    for (let attempts = job.attempts + 1; ; attempts++) {
      await deps.outbox.update(job.id, { attempts });
      inFlight.add(job.id);
      const outcome = await attempt(client, job).finally(() => inFlight.delete(job.id));
      if (outcome.state !== 'retry') {
        await deps.outbox.remove(job.id);
        if (outcome.state === 'saved') {
          await deps.outbox.rebase(job.callId, callBase(outcome.call));
          await deps.confirmed?.(job, outcome.call);
        }
        settle(job, outcome);
        return 'done';
      }
      const { error } = outcome;
      // Attempts count per session of trying: a save that waited offline starts afresh.
      const tries = attempts - job.attempts;
      if (!canRetry(error.kind, error.status, tries)) {
        if (error.kind === 'rate-limited' || (error.kind === 'server' && error.status === 500)) {
          await deps.outbox.remove(job.id);
          settle(job, { state: 'failed', error });
          return 'done';
        }
        await deps.outbox.update(job.id, { offline: true, attempts: 0 });
        settle(job, { state: 'queued' });
        deps.wakeLater?.();
        return 'offline';
      }
      const wait = retryDelayMs(error.kind, tries, error.retryAfterSeconds, deps.random);
      if (job.tabId !== undefined) {
        const reason = error.kind === 'rate-limited' ? 'rate-limited' : error.kind === 'server' ? 'server' : 'offline';
        void deps
          .notify(job.tabId, { type: 'save.progress', jobId: job.id, callId: job.callId, reason, seconds: Math.ceil(wait / 1000) })
          .catch(() => undefined);
      }
      await sleep(wait);
      // The rep may have cancelled it, or a newer worker may have finished it, meanwhile.
      if (!(await deps.outbox.list()).some((j) => j.id === job.id)) return 'done';
    }
  }

  /** Works through one call's saves in order; a save waiting offline holds back the later ones. */
  async function drain(callId: string, includeOffline: boolean) {
    if (busyCalls.has(callId)) return;
    busyCalls.add(callId);
    try {
      for (;;) {
        const job = (await deps.outbox.list()).find((j) => j.callId === callId);
        if (!job || (job.offline && !includeOffline)) return;
        if (job.offline) await deps.outbox.update(job.id, { offline: false });
        if ((await run({ ...job, offline: false })) === 'offline') {
          // Later saves of this call wait behind it, in order: they are queued too.
          for (const later of (await deps.outbox.list()).filter((j) => j.callId === callId && j.id !== job.id)) {
            await deps.outbox.update(later.id, { offline: true });
            settle(later, { state: 'queued' });
          }
          return;
        }
      }
    } finally {
      busyCalls.delete(callId);
    }
  }

  async function drainAll(includeOffline: boolean) {
    const calls = new Set((await deps.outbox.list()).map((j) => j.callId));
    await Promise.all([...calls].map((callId) => drain(callId, includeOffline)));
  }

  return {
    /** Queues a save and answers when Close confirmed it, refused it, or cannot be reached. */
    async save(job: Omit<SaveJob, 'attempts' | 'offline' | 'createdAt'>): Promise<SaveResult> {
      const done = finished.get(job.id);
      if (done) return done;
      const result = waitFor(job.id);
      await deps.outbox.add({ ...job, attempts: 0, offline: false, createdAt: Date.now() });
      void drain(job.callId, true);
      return result;
    },

    /** Where a save stands; waits for it if it is still being tried. */
    async status(jobId: string): Promise<SaveResult> {
      const done = finished.get(jobId);
      if (done) return done;
      const job = (await deps.outbox.list()).find((j) => j.id === jobId);
      if (!job) return { state: 'unknown' };
      if (job.offline) return { state: 'queued' };
      const result = waitFor(jobId);
      void drain(job.callId, false);
      return result;
    },

    async list(): Promise<QueuedSave[]> {
      return (await deps.outbox.list()).map(({ id, callId, changes, createdAt, offline }) => ({
        jobId: id,
        callId,
        changes,
        createdAt,
        offline,
      }));
    },

    /** Cancels a save that is waiting; one whose request is on the wire cannot be called back. */
    async cancel(jobId: string): Promise<SaveResult> {
      const job = (await deps.outbox.list()).find((j) => j.id === jobId);
      if (!job) return finished.get(jobId) ?? { state: 'unknown' };
      if (inFlight.has(jobId)) return { state: 'unknown' };
      await deps.outbox.remove(jobId);
      settle(job, { state: 'cancelled' });
      return { state: 'cancelled' };
    },

    /** After a worker start, an alarm or the connection coming back: try everything again. */
    resume: () => drainAll(true),
  };
}

export type Saver = ReturnType<typeof createSaver>;
