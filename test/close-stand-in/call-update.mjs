// @ts-check
// `PUT /activity/call/{id}/`: what Close accepts (UpdateCallActivity in openapi.yml, plus FACTS.md) and what an
// accepted update does to the call, including the destructive parts a careless client would trigger.

import { resolveNoteUpdate } from './notes.mjs';
import { isDateTime } from './timestamps.mjs';

/** @typedef {import('./types.mjs').Call} Call */
/** @typedef {import('./types.mjs').StandInState} StandInState */
/** @typedef {import('./types.mjs').User} User */

const NULLABLE_STRINGS = new Set([
  'contact_id', 'conversation_type_id', 'lead_id', 'note', 'note_html', 'outcome_id', 'playbook_id', 'quality_info', 'user_id',
]);
const NULLABLE_URLS = new Set(['recording_url', 'voicemail_url']);
const OTHER_ALLOWED = new Set(['activity_at', 'custom_fields', 'duration', 'phone', 'status']);
const CUSTOM_FIELD_KEY = /^custom\.cf_[A-Za-z0-9]+$/;

export const CALL_STATUSES = ['created', 'in-progress', 'completed', 'cancel', 'no-answer', 'busy', 'failed', 'timeout'];
const MAX_DURATION = 604800;
const E164 = /^\+[1-9]\d{1,14}$/;

/** Fields Close refuses to change on calls made through its own phone system. */
const FIXED_ON_CLOSE_CALLS = new Set(['status', 'duration', 'direction']);
const FIXED_MESSAGE = 'Cannot be changed for calls made through Close.';

/** @param {unknown} v */
const isPlainObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** @param {string} value */
function isUrl(value) {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Field errors for an update body (empty when it is acceptable).
 * @param {Record<string, unknown>} body
 * @param {Call} call
 * @param {StandInState} state
 * @returns {Record<string, string>}
 */
export function validateCallUpdate(body, call, state) {
  /** @type {Record<string, string>} */
  const errors = {};
  const throughClose = call.source === 'Close.io';
  for (const [key, value] of Object.entries(body)) {
    const problem = throughClose && FIXED_ON_CLOSE_CALLS.has(key)
      ? FIXED_MESSAGE
      : checkField(key, value, call, state);
    if (problem) errors[key] = problem;
  }
  return errors;
}

/**
 * @param {string} key @param {unknown} value @param {Call} call @param {StandInState} state
 * @returns {string | undefined}
 */
function checkField(key, value, call, state) {
  if (CUSTOM_FIELD_KEY.test(key)) return undefined;
  if (NULLABLE_STRINGS.has(key)) {
    if (value !== null && typeof value !== 'string') return 'Not a valid string.';
    if (key === 'outcome_id' && typeof value === 'string') return outcomeProblem(value, call, state);
    return undefined;
  }
  if (NULLABLE_URLS.has(key)) {
    if (value === null) return undefined;
    if (typeof value !== 'string') return 'Not a valid string.';
    return isUrl(value) ? undefined : 'Not a valid URL.';
  }
  if (!OTHER_ALLOWED.has(key)) return 'Unknown field.';
  switch (key) {
    case 'activity_at':
      if (value === null) return undefined;
      if (typeof value !== 'string') return 'Not a valid string.';
      return isDateTime(value) ? undefined : 'Not a valid datetime.';
    case 'custom_fields':
      return value === null || isPlainObject(value) ? undefined : 'Not a valid mapping type.';
    case 'duration':
      if (value === null) return undefined;
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'Not a valid integer.';
      return value <= MAX_DURATION ? undefined : `Must be less than or equal to ${MAX_DURATION}.`;
    case 'phone':
      if (value === null) return undefined;
      if (typeof value !== 'string') return 'Not a valid string.';
      return E164.test(value) ? undefined : 'Not a valid phone number.';
    case 'status':
      if (value === null) return 'Field may not be null.';
      return typeof value === 'string' && CALL_STATUSES.includes(value)
        ? undefined
        : `Must be one of: ${CALL_STATUSES.join(', ')}.`;
    default:
      return 'Unknown field.';
  }
}

/**
 * An outcome must exist in the call's organisation and apply to calls (a meetings-only one is "not found" too).
 * @param {string} id @param {Call} call @param {StandInState} state
 */
function outcomeProblem(id, call, state) {
  const outcome = state.outcomes.get(id);
  const usable = outcome && outcome.organization_id === call.organization_id && outcome.applies_to.includes('calls');
  return usable ? undefined : 'Outcome not found.';
}

/**
 * Applies a validated body to the stored call (in place).
 * @param {Call} call
 * @param {Record<string, unknown>} body
 * @param {{ user: User, stamp: string, state: StandInState }} context
 */
export function applyCallUpdate(call, body, { user, stamp, state }) {
  const throughClose = call.source === 'Close.io';
  for (const [key, value] of Object.entries(body)) {
    if (key === 'note' || key === 'note_html') continue;
    if (NULLABLE_URLS.has(key) && throughClose) {
      // On Close, touching these on a Close-made call permanently deletes the media: the stand-in remembers it so
      // tests can assert that our extension never does this.
      call.recording_deleted = true;
      call[key] = null;
      call[key === 'recording_url' ? 'recording_duration' : 'voicemail_duration'] = null;
      continue;
    }
    if (key === 'custom_fields') {
      for (const [cf, v] of Object.entries(isPlainObject(value) ? /** @type {object} */ (value) : {})) call[`custom.${cf}`] = v;
      continue;
    }
    call[key] = value;
    if (key === 'user_id') {
      const assignee = typeof value === 'string' ? state.users.get(value) : undefined;
      call.user_name = assignee ? `${assignee.first_name} ${assignee.last_name}` : null;
    }
  }
  const notes = resolveNoteUpdate(/** @type {{ note?: string | null, note_html?: string | null }} */ (body));
  if (notes) Object.assign(call, notes);
  call.date_updated = stamp;
  call.updated_by = user.id;
  call.updated_by_name = `${user.first_name} ${user.last_name}`;
}
