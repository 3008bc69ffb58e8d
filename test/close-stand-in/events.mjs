// @ts-check
// Close's event log (`GET /event/`, FACTS.md "Who changed what"): one event per change of a call, newest first,
// cursor paging (`_cursor` in, `cursor_next` out), at most 50 a page, 30 days of history. The stand-in logs its own
// PUTs (with the key's `api_key_id`), Close's own writes (close-writes.mjs: no user, no key) and the web app's
// (a user, no key).

import { fieldError, pickFields } from './listing.mjs';
import { toMicros } from './timestamps.mjs';

/** @typedef {import('./types.mjs').Reply} Reply */
/** @typedef {import('./types.mjs').Call} Call */
/** @typedef {import('./types.mjs').CloseEvent} CloseEvent */
/** @typedef {import('./types.mjs').StandInState} StandInState */

export const EVENT_PAGE_MAX = 50;
export const EVENT_HISTORY_DAYS = 30;

/**
 * Close keys look like `api_<id>.<secret>`; the log names a key by its id (our reading, FACTS.md has no example).
 * @param {string} apiKey
 */
export const apiKeyIdOf = (apiKey) => apiKey.split('.')[0] ?? apiKey;

/** The stand-in's own state may predate the event log (a test's hand-made state): it gets one on first use. */
/** @param {StandInState} state */
export function eventsOf(state) {
  state.events ??= [];
  return state.events;
}

let sequence = 0;
/** Deterministic-looking, unique ids (`ev_` + 22 base62 characters). */
function eventId() {
  sequence += 1;
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let n = sequence * 2654435761 + Date.now();
  let id = '';
  for (let i = 0; i < 22; i += 1) {
    id += alphabet[n % 62];
    n = Math.floor(n / 62) + i * 7919 + sequence;
  }
  return `ev_${id}`;
}

/**
 * Records the change from `before` to the call as it is now; nothing when nothing changed.
 * @param {StandInState} state
 * @param {Call} call the call after the change
 * @param {Record<string, unknown>} before the call's fields before the change
 * @param {{ userId: string | null, apiKeyId: string | null, requestPath?: string | null, method?: string | null,
 *   at: string }} who
 */
export function recordCallChange(state, call, before, who) {
  /** @type {Record<string, unknown>} */
  const data = {};
  /** @type {Record<string, unknown>} */
  const previous = {};
  for (const [key, value] of Object.entries(call)) {
    if (key === 'recording_deleted') continue;
    if (JSON.stringify(before[key]) === JSON.stringify(value)) continue;
    data[key] = value;
    previous[key] = before[key];
  }
  const changed = Object.keys(data);
  if (changed.length === 0) return undefined;
  /** @type {CloseEvent} */
  const event = {
    id: eventId(), date_created: who.at, date_updated: who.at, action: 'updated',
    object_type: 'activity.call', object_id: call.id, lead_id: call.lead_id, organization_id: call.organization_id,
    user_id: who.userId, api_key_id: who.apiKeyId, oauth_client_id: null, oauth_scope: null,
    request_id: who.requestPath ? `req_${eventId().slice(3)}` : null,
    changed_fields: changed.sort(), data, previous_data: previous,
    meta: who.requestPath ? { request_method: who.method ?? 'PUT', request_path: who.requestPath } : {},
  };
  eventsOf(state).push(event);
  return event;
}

const FILTERS = /** @type {const} */ (['object_type', 'object_id', 'user_id', 'lead_id', 'action']);
const DATE_FILTER = /^date_updated__(gt|lt)$/;

/**
 * `GET /event/`. Events of the caller's organisation, newest first, younger than 30 days.
 * @param {{ state: StandInState, query: Record<string, string>, organizationId: string, now: number }} r
 * @returns {Reply}
 */
export function listEvents({ state, query, organizationId, now }) {
  let limit = EVENT_PAGE_MAX;
  if (query._limit !== undefined && query._limit !== '') {
    if (!/^\d+$/.test(query._limit)) return fieldError('_limit', 'Not a valid integer.');
    limit = Math.min(Math.max(1, Number(query._limit)), EVENT_PAGE_MAX);
  }
  const oldest = (now - EVENT_HISTORY_DAYS * 86_400_000) * 1000;
  /** @type {((e: CloseEvent) => boolean)[]} */
  const tests = [(e) => e.organization_id === organizationId, (e) => toMicros(e.date_created) >= oldest];
  for (const name of FILTERS) {
    const wanted = query[name];
    if (wanted !== undefined) tests.push((e) => String(e[name]) === wanted);
  }
  for (const [name, raw] of Object.entries(query)) {
    const m = DATE_FILTER.exec(name);
    if (!m) continue;
    const bound = toMicros(raw);
    if (Number.isNaN(bound)) return fieldError(name, 'Not a valid datetime.');
    tests.push((e) => (m[1] === 'gt' ? toMicros(e.date_updated) > bound : toMicros(e.date_updated) < bound));
  }
  // Newest first; events written in one microsecond keep their order of arrival, newest first too.
  const all = eventsOf(state).map((e, i) => ({ e, i })).filter(({ e }) => tests.every((t) => t(e)))
    .sort((a, b) => toMicros(b.e.date_created) - toMicros(a.e.date_created) || b.i - a.i).map(({ e }) => e);
  // The cursor is opaque to clients: here, the id of the first event of the next page.
  let start = 0;
  if (query._cursor) {
    start = all.findIndex((e) => e.id === query._cursor);
    if (start < 0) return fieldError('_cursor', 'Invalid cursor.');
  }
  const page = all.slice(start, start + limit);
  const next = all[start + limit];
  return {
    status: 200,
    json: { data: page.map((e) => pickFields(e, query._fields)), cursor_next: next ? next.id : null },
  };
}
