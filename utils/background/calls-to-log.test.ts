// @vitest-environment node
// Calls to log (issue 17): the background's queue against the stand-in for Close, through a real
// HTTP server: which calls count, paging, the badge, refresh limits, saves first, failures.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, createCloseStandIn, seedDemoData, startStandInServer } from '../../test/close-stand-in/index.mjs';
import { CLOSE_API, createCloseClient } from '../close/client';
import type { Connection } from '../connection';
import type { CallsToLogPeriod } from '../settings-schema';
import { createCallsToLog, REFRESH_EVERY_MS } from './calls-to-log';

const NOW = Date.parse('2026-12-02T15:00:00Z');
const standIn = createCloseStandIn({ data: seedDemoData({ callsToLog: true, now: NOW }) });
let server: Awaited<ReturnType<typeof startStandInServer>>;
beforeAll(async () => {
  server = await startStandInServer({ standIn, tls: false });
});
afterAll(() => server.close());
beforeEach(() => standIn.reset(seedDemoData({ callsToLog: true, now: NOW })));

// The client's requests go to the stand-in instead of api.close.com.
const toStandIn: typeof fetch = (input, init) => {
  const url = new URL(String(input));
  return fetch(`${server.url}/api/v1${url.pathname.slice(new URL(CLOSE_API).pathname.length)}${url.search}`, {
    ...init,
    headers: { ...(init?.headers as Record<string, string>), 'x-stand-in-host': 'api.close.com' },
  });
};

const connection: Connection = {
  apiKey: DEMO.apiKey,
  account: { userId: DEMO.me.id, organizationId: DEMO.organization.id, email: DEMO.me.email, name: 'Riley Parker', organization: 'Acme' },
};

function queue({ period = 'last7', noNote = false, pending = false, connected = true } = {} as {
  period?: CallsToLogPeriod; noNote?: boolean; pending?: boolean; connected?: boolean;
}) {
  const badges: string[] = [];
  const timers: (() => void)[] = [];
  let now = NOW;
  const state = { pending };
  const q = createCallsToLog({
    connection: { get: async () => (connected ? connection : undefined) },
    client: (apiKey) => createCloseClient({ apiKey, fetch: toStandIn, rateLimitRetries: 0 }),
    settings: { period: async () => period, noNote: async () => noNote },
    setBadge: async (text) => void badges.push(text),
    savesPending: async () => state.pending,
    now: () => now,
    setTimeout: (run) => void timers.push(run),
  });
  return { q, badges, timers, state, advance: (ms: number) => (now += ms) };
}
const listings = () => standIn.requests.filter((r) => r.path === '/api/v1/activity/call/');
const ids = (state: ReturnType<ReturnType<typeof queue>['q']['get']>) =>
  state.state === 'ready' ? state.calls.map((entry) => entry.call.id) : state.state;

describe('which calls are to log', () => {
  it('the rep’s ended calls without an outcome in the last 7 days, oldest first, named by lead and contact', async () => {
    const { q, badges } = queue();
    const state = await q.refresh();
    expect(ids(state)).toEqual([...DEMO.callsToLog.toLog]);
    expect(badges.at(-1)).toBe('5');
    // Asked by user and period, not the whole organisation.
    const asked = listings()[0]!.query;
    expect(asked.user_id).toBe(DEMO.me.id);
    expect(Date.parse(asked.date_created__gte!)).toBeLessThan(NOW - 6 * 86_400_000);
    expect(Date.parse(asked.date_created__gte!)).toBeGreaterThan(NOW - 8 * 86_400_000);
    if (state.state !== 'ready') throw new Error('expected a queue');
    expect(state.calls[0]).toMatchObject({ leadName: 'Globex Corporation', contactName: 'Hank Scorpio' });
    // The call without a contact is named by its phone (no contactName).
    expect(state.calls[3]!.contactName).toBeUndefined();
  });

  it('today only, or also calls with an outcome but no note, by the settings', async () => {
    const today = await queue({ period: 'today' }).q.refresh();
    const expectedToday = DEMO.callsToLog.toLog.filter((id) => {
      const call = standIn.state.calls.get(id)!;
      return new Date(call.date_created).toDateString() === new Date(NOW).toDateString();
    });
    expect(ids(today)).toEqual(expectedToday);
    standIn.state.calls.get(DEMO.callsToLog.withOutcome)!.note = '';
    const noNote = await queue({ noNote: true }).q.refresh();
    expect(ids(noNote)).toContain(DEMO.callsToLog.withOutcome);
  });

  it('pages to the end with _skip', async () => {
    for (let i = 0; i < 230; i++) {
      const id = `acti_${String(i).padStart(4, '0')}PagedCallOfTheRepXXXXXXXXXXXXXXXXXXXXXX`;
      const base = standIn.state.calls.get(DEMO.callsToLog.toLog[0]!)!;
      standIn.state.calls.set(id, { ...base, id, outcome_id: DEMO.outcomes.interested.id });
    }
    const { q } = queue();
    expect(ids(await q.refresh())).toEqual([...DEMO.callsToLog.toLog]);
    expect(listings().map((r) => r.query._skip)).toEqual(['0', '100', '200']);
    expect(q.lastRequests).toBe(3 + 3); // three pages and three leads' names
  });

  it('thousands of calls: no count rather than a wrong one', async () => {
    const base = standIn.state.calls.get(DEMO.callsToLog.toLog[0]!)!;
    for (let i = 0; i < 2_050; i++) {
      const id = `acti_${String(i).padStart(5, '0')}ManyCallsOfTheRepXXXXXXXXXXXXXXXXXXXXXX`;
      standIn.state.calls.set(id, { ...base, id });
    }
    const { q, badges } = queue();
    expect((await q.refresh()).state).toBe('too-many');
    expect(badges.at(-1)).toBe('');
  });
});

describe('the badge and the refreshes', () => {
  it('no badge when not connected, or when all are logged', async () => {
    const off = queue({ connected: false });
    expect((await off.q.refresh()).state).toBe('disconnected');
    expect(off.badges).toEqual(['']);
    for (const id of DEMO.callsToLog.toLog) standIn.state.calls.get(id)!.outcome_id = DEMO.outcomes.interested.id;
    const done = queue();
    expect(ids(await done.q.refresh())).toEqual([]);
    expect(done.badges.at(-1)).toBe('');
  });

  it('at most once a minute from Close tabs, at once when asked (popup)', async () => {
    const { q, advance } = queue();
    await q.tick();
    await q.tick();
    advance(REFRESH_EVERY_MS - 1);
    await q.tick();
    expect(listings()).toHaveLength(1);
    advance(1);
    await q.tick();
    expect(listings()).toHaveLength(2);
    await q.refresh();
    expect(listings()).toHaveLength(3);
  });

  it('a saved call leaves the queue at once, and a refresh follows a moment later', async () => {
    const { q, badges, timers } = queue();
    await q.refresh();
    const first = standIn.state.calls.get(DEMO.callsToLog.toLog[0]!)!;
    await q.saved({ ...first, outcome_id: DEMO.outcomes.interested.id, date_updated: first.date_updated } as never);
    expect(ids(q.get())).toEqual(DEMO.callsToLog.toLog.slice(1));
    expect(badges.at(-1)).toBe('4');
    expect(timers).toHaveLength(1);
    timers[0]!();
    await new Promise((r) => setTimeout(r, 300));
    expect(listings()).toHaveLength(2);
  });

  it('yields to saves: no listing while one is on its way, then one', async () => {
    const { q, timers, state } = queue({ pending: true });
    await q.refresh();
    expect(listings()).toHaveLength(0);
    state.pending = false;
    timers.shift()!();
    await new Promise((r) => setTimeout(r, 300));
    expect(listings()).toHaveLength(1);
  });

  it('a failed or rate-limited listing blanks the badge, and waits as long as Close says', async () => {
    const { q, badges, advance } = queue();
    await q.refresh();
    expect(badges.at(-1)).toBe('5');
    standIn.faults.add({ kind: '429', path: '/api/v1/activity/call/', rateReset: 30 });
    const limited = await q.refresh();
    expect(limited.state).toBe('failed');
    expect(badges.at(-1)).toBe('');
    advance(10_000);
    await q.refresh();
    expect(listings()).toHaveLength(2); // not asked again inside Close's window
    advance(21_000);
    expect(ids(await q.refresh())).toHaveLength(5);
    standIn.faults.add({ kind: '503', path: '/api/v1/activity/call/' });
    expect((await q.refresh()).state).toBe('failed');
    expect(badges.at(-1)).toBe('');
  });
});
