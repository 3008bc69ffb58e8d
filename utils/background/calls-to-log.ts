import { i18n } from '#i18n';
import type { CloseClient } from '../close/client';
import { isLeadId, type LeadId } from '../close/ids';
import type { Call, LeadSummary } from '../close/schemas';
import {
  badgeText,
  isToLog,
  oldestFirst,
  periodStart,
  type CallToLog,
  type CallsToLogState,
  type CallsToLogPeriod,
  type ToLogRule,
} from '../calls-to-log';
import type { Connection } from '../connection';
import { MAX_USER_CALL_PAGES, CALL_PAGE } from '../close/client';

// Calls to log (issue 17): the background keeps the rep's queue, the toolbar badge that counts
// it, and refreshes it: at most once a minute while a Close tab asks, at once after a save and
// when the popup opens. A listing that failed or was cut leaves the badge blank, never a
// number that is wrong. Saves come first: a refresh waits while one is on its way.

export const REFRESH_EVERY_MS = 60_000;
/** After a save, the refresh waits this long for the next save the rep makes (Save & next). */
export const AFTER_SAVE_MS = 1_500;
const LEAD_CACHE_MS = 10 * 60_000;
const LEAD_CACHE_SIZE = 200;

export interface CallsToLogDeps {
  connection: { get(): Promise<Connection | undefined> };
  /** A client that does not retry a 429 by itself: a refresh waits for the next turn instead. */
  client: (apiKey: string) => CloseClient;
  settings: { period(): Promise<CallsToLogPeriod>; noNote(): Promise<boolean> };
  setBadge: (text: string) => Promise<void>;
  /** Whether a save is on its way (or waiting to be sent): a refresh then waits. */
  savesPending: () => Promise<boolean>;
  now?: () => number;
  setTimeout?: (run: () => void, ms: number) => unknown;
}

export function createCallsToLog(deps: CallsToLogDeps) {
  const now = deps.now ?? Date.now;
  const later = deps.setTimeout ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  let current: CallsToLogState = { state: 'loading' };
  let lastRefresh = -Infinity;
  let limitedUntil = -Infinity;
  let running: Promise<CallsToLogState> | undefined;
  let again = false;
  let afterSave: unknown;
  /** How many requests the last refresh made (BENCHMARKS.md). */
  let lastRequests = 0;
  const leads = new Map<string, { at: number; apiKey: string; summary: LeadSummary | undefined }>();

  async function publish(state: CallsToLogState) {
    current = state;
    await deps.setBadge(badgeText(state)).catch(() => undefined);
    return state;
  }

  async function leadSummary(client: CloseClient, apiKey: string, leadId: LeadId): Promise<LeadSummary | undefined> {
    const hit = leads.get(leadId);
    if (hit && hit.apiKey === apiKey && now() - hit.at < LEAD_CACHE_MS) return hit.summary;
    const result = await client.leadSummary(leadId);
    lastRequests++;
    // A lead Close did not name is shown by its call's phone; the queue itself stays right.
    const summary = result.ok ? result.value : undefined;
    if (result.ok) {
      leads.delete(leadId);
      leads.set(leadId, { at: now(), apiKey, summary });
      if (leads.size > LEAD_CACHE_SIZE) leads.delete(leads.keys().next().value!);
    }
    return summary;
  }

  async function named(client: CloseClient, apiKey: string, calls: Call[]): Promise<CallToLog[]> {
    const ids = [...new Set(calls.map((call) => call.lead_id).filter((id): id is LeadId => !!id && isLeadId(id)))];
    const summaries = new Map<string, LeadSummary | undefined>();
    for (const id of ids) summaries.set(id, await leadSummary(client, apiKey, id));
    return calls.map((call) => {
      const summary = call.lead_id ? summaries.get(call.lead_id) : undefined;
      const contact = call.contact_id ? summary?.contacts?.find((c) => c.id === call.contact_id) : undefined;
      return {
        call,
        ...(summary?.display_name && { leadName: summary.display_name }),
        ...(contact?.name?.trim() && { contactName: contact.name.trim() }),
      };
    });
  }

  async function load(): Promise<CallsToLogState> {
    const connection = await deps.connection.get();
    if (!connection) return publish({ state: 'disconnected' });
    if (now() < limitedUntil) return current; // Close asked us to wait: the last word stands
    const [period, noNote] = await Promise.all([deps.settings.period(), deps.settings.noNote()]);
    const rule: ToLogRule = { noNote };
    const client = deps.client(connection.apiKey);
    lastRefresh = now();
    lastRequests = 0;
    const listed = await client.userCalls(connection.account.userId, periodStart(period, now()));
    if (!listed.ok) {
      lastRequests++;
      if (listed.error.retryAfterSeconds !== undefined) limitedUntil = now() + listed.error.retryAfterSeconds * 1000;
      return publish({ state: 'failed', error: listed.error });
    }
    lastRequests += listed.value.requests;
    if (!listed.value.complete) return publish({ state: 'too-many', limit: MAX_USER_CALL_PAGES * CALL_PAGE });
    const toLog = listed.value.calls.filter((call) => isToLog(call, rule));
    const calls = (await named(client, connection.apiKey, toLog)).sort(oldestFirst);
    return publish({ state: 'ready', calls, at: now() });
  }

  /** One refresh at a time; asked for during one, one more runs after it. */
  function refresh(): Promise<CallsToLogState> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        // Saves first: the listing waits while one is sending or waiting for Close's turn.
        if (await deps.savesPending()) {
          again = true;
          return current;
        }
        return await load();
      } catch {
        return publish({ state: 'failed', error: { kind: 'bad-response', message: i18n.t('errors.internal'), nextStep: 'retry' } });
      } finally {
        running = undefined;
        if (again) {
          again = false;
          schedule(AFTER_SAVE_MS);
        }
      }
    })();
    return running;
  }

  function schedule(ms: number) {
    if (afterSave) return;
    afterSave = later(() => {
      afterSave = undefined;
      void refresh();
    }, ms);
  }

  return {
    get: () => current,
    get lastRequests() {
      return lastRequests;
    },
    /** A Close tab is open and asks: refreshed if the last refresh is a minute old. */
    tick(): Promise<CallsToLogState> {
      if (current.state !== 'loading' && now() - lastRefresh < REFRESH_EVERY_MS) return Promise.resolve(current);
      return refresh();
    },
    /** The popup opened, or the panel opened the queue: now (unless Close asked us to wait). */
    refresh,
    /**
     * A save was confirmed: the call leaves the queue at once if it is logged now (the badge
     * follows), and the queue is read again a moment later, after the rep's next save.
     */
    async saved(call: Call) {
      if (current.state === 'ready' && current.calls.some((entry) => entry.call.id === call.id)) {
        const rule = { noNote: await deps.settings.noNote() };
        const calls = current.calls.flatMap((entry) =>
          entry.call.id !== call.id ? [entry] : isToLog(call, rule) ? [{ ...entry, call }] : [],
        );
        await publish({ ...current, calls });
      }
      schedule(AFTER_SAVE_MS);
    },
    /** The key was removed or replaced: nothing of the old queue stays. */
    async reset() {
      leads.clear();
      limitedUntil = -Infinity;
      lastRefresh = -Infinity;
      await publish({ state: 'loading' });
      return refresh();
    },
  };
}

export type CallsToLog = ReturnType<typeof createCallsToLog>;
