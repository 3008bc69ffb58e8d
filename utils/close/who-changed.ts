import type { CloseEvent } from './schemas';

// Who changed a call's note or outcome since the rep saw it, read from Close's event log
// (FACTS.md "Who changed what"). Close itself writes calls right when reps edit them (a note
// template, Close AI's outcome, the dialer's autosave), so "someone changed it" is not enough:
// the conflict alert says who. Pure: the background fetches the log, the panel words the answer.
//
// How an event's author is recognised (none of it is documented by Close; our reading):
// - ours: its `api_key_id` is our key's id, or its `request_id` is one of our own requests'.
//   Never reported: a save of ours is not a conflict.
// - "another app": any other `api_key_id` (an integration, a script, Zapier …).
// - "Close": no `user_id` and no `api_key_id` (Close's own jobs: a Playbook's note template,
//   Close AI picking the outcome), and the dialer's autosave: a note-only change by the call's
//   own user *while the call was still going*, i.e. no later than the event that ended it
//   (its `status` moving to an end state). Without such an event, a person's note change is
//   the person's.
// - a person: a `user_id` without an API key (Close's web app), named if we know the name.

export type CallField = 'note' | 'outcome';

export type Changer = { kind: 'person'; userId: string; name?: string } | { kind: 'close' } | { kind: 'another-app' };

export interface FieldChange {
  field: CallField;
  by: Changer;
  /** When Close logged it (the event's `date_created`). */
  at: string;
}

/** `known: false`: the log is empty, forbidden or older than what we look for: "changed in Close". */
export type WhoChanged = { known: true; changes: FieldChange[] } | { known: false };

export interface Ours {
  /** Our key's `api_key_id` (see apiKeyIdOf). */
  apiKeyIds?: readonly string[];
  /** `request_id`s of our own requests, where Close told us them. */
  requestIds?: readonly string[];
}

export interface WhoChangedInput {
  /** The call's events, newest first (as Close pages them); undefined when they could not be had. */
  events: readonly CloseEvent[] | undefined;
  /** The `date_updated` of the version the rep edited: only later changes count. */
  since: string;
  /** The fields the rep's save changes; other fields changed by others are no conflict. */
  fields: readonly CallField[];
  ours: Ours;
  /** The call's own user (for recognising the dialer's autosave). */
  callUserId?: string | null;
  /** Names of the organisation's users, by id. */
  names?: ReadonlyMap<string, string>;
}

/** Close stamps carry microseconds; two changes within one millisecond must still compare. */
function toMicros(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return NaN;
  const fraction = /\.(\d+)/.exec(iso)?.[1] ?? '';
  return ms * 1000 + Number(fraction.padEnd(6, '0').slice(3, 6));
}

const FIELD_OF: Record<string, CallField> = { note: 'note', note_html: 'note', outcome_id: 'outcome' };
const ENDED = new Set(['completed', 'cancel', 'no-answer', 'busy', 'failed', 'timeout']);

/**
 * Close keys look like `api_<id>.<secret>` (FACTS.md's examples, and the stand-in's); the event
 * log names the key by the part before the dot (our assumption, modelled so in the stand-in).
 * Only ever used in the background.
 */
export const apiKeyIdOf = (apiKey: string): string => apiKey.split('.')[0]!;

/** The fields of a call an event changed, however Close listed them. */
function changedFields(event: CloseEvent): Set<CallField> {
  const names = event.changed_fields?.length ? event.changed_fields : Object.keys(event.previous_data ?? event.data ?? {});
  return new Set(names.flatMap((name) => (FIELD_OF[name] ? [FIELD_OF[name]] : [])));
}

const isOurs = (event: CloseEvent, ours: Ours) =>
  (!!event.api_key_id && !!ours.apiKeyIds?.includes(event.api_key_id)) ||
  (!!event.request_id && !!ours.requestIds?.includes(event.request_id));

/** When the call ended, from the event that moved its status to an end state (newest such). */
function endedAt(events: readonly CloseEvent[]): number | undefined {
  for (const event of events) {
    const status = event.data?.status;
    if (typeof status === 'string' && ENDED.has(status) && (event.changed_fields ?? ['status']).includes('status'))
      return toMicros(event.date_created);
  }
  return undefined;
}

function changerOf(event: CloseEvent, fields: Set<CallField>, input: WhoChangedInput, ended: number | undefined): Changer {
  if (event.api_key_id) return { kind: 'another-app' };
  if (!event.user_id) return { kind: 'close' };
  const autosave =
    event.user_id === input.callUserId &&
    [...fields].every((field) => field === 'note') &&
    ended !== undefined &&
    toMicros(event.date_created) <= ended;
  if (autosave) return { kind: 'close' };
  const name = input.names?.get(event.user_id);
  return { kind: 'person', userId: event.user_id, ...(name && { name }) };
}

/** Who changed the rep's fields after `since`, newest first; `known: false` when the log cannot say. */
export function whoChanged(input: WhoChangedInput): WhoChanged {
  if (!input.events) return { known: false };
  const since = toMicros(input.since);
  const wanted = new Set(input.fields);
  const ended = endedAt(input.events);
  const changes: FieldChange[] = [];
  for (const event of input.events) {
    const at = toMicros(event.date_created);
    // Equal stamps count: our base and Close's event may share the second they were written in.
    if (Number.isNaN(at) || (!Number.isNaN(since) && at <= since) || isOurs(event, input.ours)) continue;
    const fields = changedFields(event);
    const by = changerOf(event, fields, input, ended);
    for (const field of fields) if (wanted.has(field)) changes.push({ field, by, at: event.date_created });
  }
  return changes.length > 0 ? { known: true, changes } : { known: false };
}
