// @ts-check
// Close's REST API (api.close.com/api/v1) as far as the extension uses it: routing, authentication and the
// endpoints. Pure request -> Reply, so index.mjs alone deals with sockets, logging, faults and rate limits.

import { applyCallUpdate, validateCallUpdate } from './call-update.mjs';
import { apiKeyIdOf, listEvents, recordCallChange } from './events.mjs';
import { callFilter, newestFirst, paginate, parsePaging, pickFields } from './listing.mjs';

/** @typedef {import('./types.mjs').Reply} Reply */
/** @typedef {import('./types.mjs').Call} Call */
/** @typedef {import('./types.mjs').User} User */
/** @typedef {import('./types.mjs').StandInState} StandInState */

/**
 * @typedef {{
 *   state: StandInState, method: string, path: string, query: Record<string, string>,
 *   headers: Record<string, string | string[] | undefined>, rawBody: string, stamps: { next(after?: string): string },
 *   now?: () => number,
 * }} ApiRequest
 * @typedef {ApiRequest & { user: User, apiKey: string, params: string[] }} AuthedRequest
 * @typedef {(r: AuthedRequest) => Reply} Handler
 */

const UNAUTHORIZED = 'The server could not verify that you are authorized to access the URL requested. You either '
  + "supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the "
  + 'credentials required.';

/** @param {unknown} json @returns {Reply} */
const ok = (json) => ({ status: 200, json });
/** @param {string} what @returns {Reply} */
const emptyQuery = (what) => ({ status: 404, json: { error: `Empty query: ${what} matching query does not exist.` } });

/**
 * The API key in a Basic header, if it is one (`Basic base64("key:")`).
 * @param {string | string[] | undefined} header
 * @returns {{ key: string, password: string } | undefined}
 */
export function parseBasicAuth(header) {
  const m = typeof header === 'string' ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { key: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Whom the rate limiter counts a request against: the API key, else the raw header, else everybody anonymous.
 * @param {Record<string, string | string[] | undefined>} headers
 */
export function rateLimitKey(headers) {
  const auth = headers.authorization;
  return parseBasicAuth(auth)?.key ?? (typeof auth === 'string' ? auth : 'anonymous');
}

/**
 * Only our own API keys with an empty password pass; Bearer tokens are never issued here, so they fail too.
 * @param {ApiRequest} r
 * @returns {{ user: User, apiKey: string } | undefined}
 */
function authenticate(r) {
  const credentials = parseBasicAuth(r.headers.authorization);
  if (!credentials || credentials.password !== '') return undefined;
  const userId = r.state.apiKeys.get(credentials.key);
  const user = userId ? r.state.users.get(userId) : undefined;
  return user && { user, apiKey: credentials.key };
}

/** Drops what is ours and not Close's. @param {Call} call */
function publicCall(call) {
  const { recording_deleted: _ours, ...rest } = call;
  return rest;
}

/** @param {AuthedRequest} r @param {string} id */
function findCall(r, id) {
  const call = r.state.calls.get(id);
  return call && call.organization_id === r.user.organization_id ? call : undefined;
}

/** @type {Handler} */
function getMe(r) {
  const { organization_id: _internal, ...me } = r.user;
  return ok(pickFields(me, r.query._fields));
}

/** @type {Handler} */
function listOutcomes(r) {
  const paging = parsePaging(r.query);
  if ('error' in paging) return paging.error;
  const all = [...r.state.outcomes.values()].filter((o) => o.organization_id === r.user.organization_id);
  const page = paginate(all, paging);
  return ok({ ...page, data: page.data.map((o) => pickFields(o, r.query._fields)) });
}

/** @type {Handler} */
function getOutcome(r) {
  const outcome = r.state.outcomes.get(r.params[0] ?? '');
  if (!outcome || outcome.organization_id !== r.user.organization_id) return emptyQuery('Outcome');
  return ok(pickFields(outcome, r.query._fields));
}

/** @type {Handler} */
function listCalls(r) {
  const paging = parsePaging(r.query);
  if ('error' in paging) return paging.error;
  const filter = callFilter(r.query);
  if ('error' in filter) return filter.error;
  const calls = [...r.state.calls.values()]
    .filter((c) => c.organization_id === r.user.organization_id && filter.test(c))
    .sort(newestFirst);
  const page = paginate(calls, paging);
  return ok({ ...page, data: page.data.map((c) => pickFields(publicCall(c), r.query._fields)) });
}

/**
 * `/activity/` lists calls and the few emails the stand-in knows (`state.emails`, seeded with `closeAsItIs`), newest
 * first, filtered by `_type__in` / `_type`, `lead_id` and `id__in` like the call list.
 * @type {Handler}
 */
function listActivities(r) {
  const types = (r.query._type__in ?? r.query._type)?.split(',');
  const paging = parsePaging(r.query);
  if ('error' in paging) return paging.error;
  const filter = callFilter(r.query);
  if ('error' in filter) return filter.error;
  const mine = (/** @type {Call} */ a) => a.organization_id === r.user.organization_id && filter.test(a);
  /** @type {Call[]} */
  const activities = [];
  if (!types || types.includes('Call')) activities.push(...[...r.state.calls.values()].filter(mine));
  if (!types || types.includes('Email')) {
    // Emails share the fields the filters and the sort read (id, lead_id, organization_id, dates).
    activities.push(.../** @type {Call[]} */ (/** @type {unknown} */ ([...(r.state.emails?.values() ?? [])])).filter(mine));
  }
  const page = paginate(activities.sort(newestFirst), paging);
  return ok({ ...page, data: page.data.map((a) => pickFields(publicCall(a), r.query._fields)) });
}

/** @type {Handler} */
function getEvents(r) {
  return listEvents({ state: r.state, query: r.query, organizationId: r.user.organization_id, now: (r.now ?? Date.now)() });
}

/** @type {Handler} */
function getCall(r) {
  const call = findCall(r, r.params[0] ?? '');
  return call ? ok(pickFields(publicCall(call), r.query._fields)) : emptyQuery('Activity');
}

/** @type {Handler} */
function updateCall(r) {
  const call = findCall(r, r.params[0] ?? '');
  if (!call) return emptyQuery('Activity');
  const contentType = String(r.headers['content-type'] ?? '');
  if (!/^application\/json\s*(;|$)/i.test(contentType)) return { status: 415, json: { error: 'Unsupported media type' } };
  /** @type {unknown} */
  let body;
  try {
    body = JSON.parse(r.rawBody);
  } catch {
    body = undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { status: 400, json: { errors: ['Invalid JSON body.'], 'field-errors': {} } };
  }
  const fields = /** @type {Record<string, unknown>} */ (body);
  const fieldErrors = validateCallUpdate(fields, call, r.state);
  if (Object.keys(fieldErrors).length > 0) return { status: 400, json: { errors: [], 'field-errors': fieldErrors } };
  const before = { ...call };
  applyCallUpdate(call, fields, { user: r.user, stamp: r.stamps.next(call.date_updated), state: r.state });
  recordCallChange(r.state, call, before, {
    userId: r.user.id, apiKeyId: apiKeyIdOf(r.apiKey), requestPath: r.path, method: 'PUT', at: call.date_updated,
  });
  return ok(pickFields(publicCall(call), r.query._fields));
}

/** @type {Handler} */
function getLead(r) {
  const lead = r.state.leads.get(r.params[0] ?? '');
  if (!lead || lead.organization_id !== r.user.organization_id) return emptyQuery('Lead');
  return ok(pickFields(lead, r.query._fields));
}

/** A malformed escape is just an id that matches nothing. @param {string} part */
function safeDecode(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** @type {{ pattern: RegExp, methods: Record<string, Handler> }[]} */
const ROUTES = [
  { pattern: /^\/api\/v1\/me\/$/, methods: { GET: getMe } },
  { pattern: /^\/api\/v1\/outcome\/$/, methods: { GET: listOutcomes } },
  { pattern: /^\/api\/v1\/outcome\/([^/]+)\/$/, methods: { GET: getOutcome } },
  { pattern: /^\/api\/v1\/activity\/$/, methods: { GET: listActivities } },
  { pattern: /^\/api\/v1\/activity\/call\/$/, methods: { GET: listCalls } },
  { pattern: /^\/api\/v1\/activity\/call\/([^/]+)\/$/, methods: { GET: getCall, PUT: updateCall } },
  { pattern: /^\/api\/v1\/lead\/([^/]+)\/$/, methods: { GET: getLead } },
  { pattern: /^\/api\/v1\/event\/$/, methods: { GET: getEvents } },
];

/**
 * Route, then method, then credentials: an unknown path is 404 and a wrong method 405 whoever asks.
 * @param {ApiRequest} r
 * @returns {Reply}
 */
export function handleApi(r) {
  for (const route of ROUTES) {
    const m = route.pattern.exec(r.path);
    if (!m) continue;
    const handler = route.methods[r.method];
    if (!handler) {
      return { status: 405, headers: { Allow: Object.keys(route.methods).join(', ') }, json: { error: 'Method Not Allowed' } };
    }
    const who = authenticate(r);
    if (!who) return { status: 401, json: { error: UNAUTHORIZED } };
    return handler({ ...r, ...who, params: m.slice(1).map(safeDecode) });
  }
  return { status: 404, json: { error: 'Not found' } };
}
