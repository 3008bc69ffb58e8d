import type { CloseClient, Result } from '../../utils/close/client';
import type { CloseError } from '../../utils/close/errors';
import type { Call, CallChanges } from '../../utils/close/schemas';
import type { Account, TabMessage } from '../../utils/messages';
import { createOutbox } from '../../utils/background/outbox';
import { createSaver } from '../../utils/background/saver';
import { makeCall } from './helpers';

// The saver over an in-memory outbox and a fake Close holding one call (utils/background/saver*.test.ts).

export const job = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** An in-memory storage item, as WXT's would be. */
export function memoryItem() {
  let value: unknown = [];
  return { getValue: async () => value, setValue: async (v: unknown) => void (value = v) } as never;
}

export const offline: CloseError = { kind: 'offline', message: 'x', nextStep: 'retry' };
export const busy = (seconds: number): CloseError => ({ kind: 'rate-limited', status: 429, message: 'x', nextStep: 'retry', retryAfterSeconds: seconds });
export const unavailable: CloseError = { kind: 'server', status: 503, message: 'x', nextStep: 'retry' };

/** A fake Close holding one call; `failures` are answered first, one per request, in order. */
export function fakeClose(initial: Call) {
  let call = { ...initial };
  let stamp = 0;
  const failures: CloseError[] = [];
  const puts: CallChanges[] = [];
  /** Every request, in order: what reached Close at all. */
  const requests: ('GET' | 'PUT')[] = [];
  const next = <T>(value: () => T): Result<T> => {
    const error = failures.shift();
    return error ? { ok: false, error } : { ok: true, value: value() };
  };
  const client = {
    getCall: async () => (requests.push('GET'), next(() => ({ ...call }))),
    updateCall: async (_id: string, changes: CallChanges) => {
      requests.push('PUT');
      const result = next(() => {
        puts.push(changes);
        call = { ...call, ...changes, date_updated: `2026-11-24T10:00:${String(++stamp).padStart(2, '0')}Z` } as Call;
        return { ...call };
      });
      return result;
    },
  } as unknown as CloseClient;
  return {
    client,
    failures,
    puts,
    requests,
    get call() {
      return call;
    },
    set call(value: Call) {
      call = value;
    },
  };
}

/** Lets the saver's loop run to its end (all in-process; nothing waits on a clock). */
export const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

export const ANN: Account = { userId: 'user_ann', organizationId: 'orga_acme', email: 'ann@acme.example', name: 'Ann', organization: 'Acme' };
export const BOB: Account = { userId: 'user_bob', organizationId: 'orga_acme', email: 'bob@acme.example', name: 'Bob', organization: 'Acme' };

export function setUp(initial = makeCall({ note: 'start' }), options: {
  outbox?: ReturnType<typeof createOutbox>;
  sleep?: (ms: number) => Promise<void>;
  /** Timer waits move the clock on by their length (deadlines, holds). */
  clockSleeps?: boolean;
  holdMs?: (changes: CallChanges) => Promise<number>;
} = {}) {
  const close = fakeClose(initial);
  const outbox = options.outbox ?? createOutbox(memoryItem());
  const waits: number[] = [];
  const notes: TabMessage[] = [];
  const alarms: number[] = [];
  const keys: string[] = [];
  let clock = 1_000_000;
  const connection: { current: { apiKey: string; account: Account } | undefined } = { current: { apiKey: 'key-ann', account: ANN } };
  const saver = createSaver({
    outbox,
    connection: async () => connection.current,
    createClient: (apiKey) => {
      keys.push(apiKey);
      return close.client;
    },
    notify: async (_tab, message) => void notes.push(message),
    sleep: options.sleep ?? (async (ms) => void (waits.push(ms), options.clockSleeps && (clock += ms))),
    ...(options.holdMs && { holdMs: options.holdMs }),
    random: () => 0.5,
    now: () => clock,
    wakeAt: (when) => void alarms.push(when),
  });
  /** A save, followed to its end as the panel does (call.save, then save.status). */
  const save = async (n: number, changes: CallChanges, base: Call | null = initial) => {
    const accepted = await saver.save({ id: job(n), callId: initial.id, changes, base: base && { ...base }, tabId: 7 });
    return accepted.state === 'accepted' ? saver.status(job(n)) : accepted;
  };
  return {
    close, outbox, saver, save, waits, notes, alarms, keys, initial, connection,
    advance: (ms: number) => void (clock += ms),
  };
}

