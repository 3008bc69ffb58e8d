import type { CloseClient } from '../close/client';
import type { CloseError } from '../close/errors';
import { callBase } from '../close/call-base';
import type { Call } from '../close/schemas';
import type { SaveResult } from '../messages';
import { mustWaitForCallEnd } from './call-end-wait';
import { alreadyApplied, conflictFields } from './conflict';
import type { Save } from './outbox';
import { whoChangedCall } from './who-changed-call';

// One attempt at a save (saver.ts): read the call as Close has it now, then write the rep's
// changes only if nobody else changed those fields since the panel loaded them.

/** What one attempt came to; `retry` and `live` are the saver's to act on. */
export type Attempt = SaveResult | { state: 'retry'; error: CloseError } | { state: 'live' };
type Step = { ok: true; value: Call } | { ok: false; error: CloseError };
/**
 * The saver's gate for every request: it goes only if the save is still in the outbox at that
 * moment ('gone' otherwise); `write` marks a request Cancel can no longer call back.
 */
export type Request = <T>(save: Save, send: () => Promise<T>, write: boolean) => Promise<T | 'gone'>;

/** One attempt: read the call, then write it unless that would overwrite someone else. */
export async function attempt(client: CloseClient, save: Save, apiKey: string, request: Request): Promise<Attempt | 'gone'> {
  const current: Step | 'gone' = await request(save, () => client.getCall(save.callId), false);
  if (current === 'gone') return 'gone';
  if (!current.ok) return attemptOf(current.error);
  if (alreadyApplied(current.value, save.changes)) return { state: 'saved', call: current.value };
  // Close's dialer autosaves the note while the call goes on: the rep's note waits (call-end-wait.ts).
  if (mustWaitForCallEnd(current.value.status, save.changes, save.anyway)) return { state: 'live' };
  const fields = save.base ? conflictFields(save.base, current.value, save.changes) : [];
  if (save.base && fields.length > 0) {
    // Who changed it, from the event log; any trouble there is "changed in Close", never a failed save.
    const who = await request(save, () => whoChangedCall(client, current.value, save.base!.date_updated, fields, apiKey), false);
    if (who === 'gone') return 'gone';
    return { state: 'conflict', theirs: callBase(current.value), who, fields };
  }
  const put: Step | 'gone' = await request(save, () => client.updateCall(save.callId, save.changes), true);
  if (put === 'gone') return 'gone';
  return put.ok ? { state: 'saved', call: put.value } : attemptOf(put.error);
}

const attemptOf = (error: CloseError): Attempt =>
  error.kind === 'rate-limited' || error.kind === 'offline' || error.kind === 'server'
    ? { state: 'retry', error }
    : { state: 'failed', error };
