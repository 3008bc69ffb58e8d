// @ts-check
// The query conventions shared by Close's GET endpoints: `_fields`, `_skip`/`_limit` paging, and the call filters.

import { toMicros } from './timestamps.mjs';

/** @typedef {import('./types.mjs').Reply} Reply */
/** @typedef {import('./types.mjs').Call} Call */

const MAX_LIMIT = 100;

/** @param {string} field @param {string} message @returns {Reply} */
export function fieldError(field, message) {
  return { status: 400, json: { errors: [], 'field-errors': { [field]: message } } };
}

/**
 * @param {Record<string, string>} query
 * @returns {{ skip: number, limit: number } | { error: Reply }}
 */
export function parsePaging(query) {
  /** @type {Record<string, number>} */
  const values = { _skip: 0, _limit: MAX_LIMIT };
  for (const name of ['_skip', '_limit']) {
    const raw = query[name];
    if (raw === undefined || raw === '') continue;
    if (!/^\d+$/.test(raw)) return { error: fieldError(name, 'Not a valid integer.') };
    values[name] = Number(raw);
  }
  // Close silently caps large pages rather than refusing them.
  return { skip: values._skip ?? 0, limit: Math.min(values._limit ?? MAX_LIMIT, MAX_LIMIT) };
}

/**
 * @template T
 * @param {T[]} items @param {{ skip: number, limit: number }} paging
 */
export function paginate(items, { skip, limit }) {
  return { data: items.slice(skip, skip + limit), has_more: items.length > skip + limit };
}

/**
 * Keeps only the comma-separated top-level fields named in `_fields` (all when absent).
 * @param {Record<string, unknown>} object @param {string | undefined} fields
 */
export function pickFields(object, fields) {
  if (!fields) return object;
  const wanted = fields.split(',').map((f) => f.trim()).filter(Boolean);
  return Object.fromEntries(wanted.filter((f) => f in object).map((f) => [f, object[f]]));
}

const LIST_FILTERS = /** @type {const} */ (['lead_id', 'contact_id', 'user_id', 'id__in']);
const DATE_FILTER = /^(date_created|activity_at)__(gt|gte|lt|lte)$/;

/**
 * A predicate for the call filters in `query` (unknown parameters are ignored, as Close ignores them).
 * @param {Record<string, string>} query
 * @returns {{ test: (call: Call) => boolean } | { error: Reply }}
 */
export function callFilter(query) {
  /** @type {((call: Call) => boolean)[]} */
  const tests = [];
  for (const name of LIST_FILTERS) {
    const raw = query[name];
    if (raw === undefined) continue;
    const allowed = new Set(raw.split(',').map((v) => v.trim()).filter(Boolean));
    const field = name === 'id__in' ? 'id' : name;
    tests.push((c) => allowed.has(String(c[field])));
  }
  for (const [name, raw] of Object.entries(query)) {
    const m = DATE_FILTER.exec(name);
    if (!m) continue;
    const bound = toMicros(raw);
    if (Number.isNaN(bound)) return { error: fieldError(name, 'Not a valid datetime.') };
    const field = /** @type {'date_created' | 'activity_at'} */ (m[1]);
    const op = m[2];
    tests.push((c) => {
      const v = toMicros(String(c[field] ?? ''));
      if (Number.isNaN(v)) return false;
      return op === 'gt' ? v > bound : op === 'gte' ? v >= bound : op === 'lt' ? v < bound : v <= bound;
    });
  }
  return { test: (c) => tests.every((t) => t(c)) };
}

/** Newest first, by `activity_at` then `date_created`. @param {Call} a @param {Call} b */
export function newestFirst(a, b) {
  const at = (/** @type {string | null} */ v) => (v ? toMicros(v) : 0) || 0;
  return at(b.activity_at) - at(a.activity_at) || at(b.date_created) - at(a.date_created);
}
