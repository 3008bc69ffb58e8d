// @ts-check
// The stand-in for Close: one object holding the state, a request log and scripted faults, with a Node request
// handler that answers as api.close.com (the API) or app.close.com (fake web app pages), chosen by the Host header.

import { handleApi, rateLimitKey } from './api.mjs';
import { handleApp } from './app-pages.mjs';
import { createCloseWriter } from './close-writes.mjs';
import { seedDemoData } from './demo-data.mjs';
import { createFaults, faultAction } from './faults.mjs';
import { loggedBody, readBody, requestHost, send } from './http.mjs';
import { createRateLimiter, endpointGroup, rateLimitHeader, tooManyRequests } from './rate-limit.mjs';
import { createStampClock } from './timestamps.mjs';

export { DEMO, seedDemoData } from './demo-data.mjs';
export { startStandInServer } from './server.mjs';

export const API_HOST = 'api.close.com';
export const APP_HOST = 'app.close.com';

/**
 * @typedef {import('./types.mjs').StandInState} StandInState
 * @typedef {import('./types.mjs').Reply} Reply
 * @typedef {import('./faults.mjs').FaultRule} FaultRule
 * @typedef {{
 *   method: string, host: string, path: string, query: Record<string, string>,
 *   headers: Record<string, string | string[] | undefined>, body: unknown,
 *   status: number | null, time: number,
 * }} LoggedRequest
 *   `status` is null while the request is in flight and 0 when a 'drop' fault cut it; `time` is Date.now() on arrival.
 * @typedef {{
 *   data?: StandInState,
 *   rateLimit?: import('./rate-limit.mjs').RateLimitOptions,
 *   now?: () => number,
 * }} StandInOptions
 */

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {StandInOptions} [options] */
export function createCloseStandIn(options = {}) {
  let state = options.data ?? seedDemoData();
  /** @type {LoggedRequest[]} */
  const requests = [];
  const faults = createFaults();
  const limiter = createRateLimiter({ now: options.now, ...options.rateLimit });
  const stamps = createStampClock(options.now);
  const closeWrites = createCloseWriter({ state: () => state, stamps });

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function handle(req, res) {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://stand-in.invalid');
    const host = requestHost(req);
    const rawBody = await readBody(req);
    /** @type {LoggedRequest | undefined} */
    let entry;
    if (host === API_HOST) {
      entry = {
        method, host, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: { ...req.headers },
        body: loggedBody(rawBody), status: null, time: Date.now(),
      };
      requests.push(entry);
    }
    /** @param {Reply} reply */
    const answer = (reply) => {
      if (entry) entry.status = reply.status;
      send(res, reply, method);
    };

    if (host !== API_HOST && host !== APP_HOST) {
      return answer({ status: 404, text: `Not found: the stand-in serves ${API_HOST} and ${APP_HOST}, not "${host}".` });
    }
    const hangUp = () => {
      if (entry) entry.status = 0;
      res.socket?.destroy();
    };
    const rule = faults.take({ method, host, path: url.pathname });
    const action = rule
      && faultAction(rule, { limit: limiter.limit, windowSeconds: limiter.windowSeconds, group: endpointGroup(url.pathname) });
    if (action?.kind === 'drop') return hangUp();
    if (action?.kind === 'reply') return answer(action.reply);
    if (action?.kind === 'delay') await sleep(action.ms);

    /** @type {Reply} */
    let reply;
    if (host === APP_HOST) {
      reply = handleApp({ state, method, path: url.pathname });
    } else {
      const verdict = limiter.hit(rateLimitKey(req.headers), url.pathname);
      const outcome = verdict.allowed
        ? handleApi({ state, method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, rawBody, stamps, now: options.now })
        : tooManyRequests(verdict, limiter.shape);
      // A header-only 429 that leaves out RateLimit (a fault) must not get it back here.
      const headers = outcome.status === 429 ? outcome.headers : { RateLimit: rateLimitHeader(verdict), ...outcome.headers };
      reply = { ...outcome, headers };
    }
    if (action?.kind === 'drop-after-apply') return hangUp();
    return answer(reply);
  }

  return {
    /** The live state; replaced (not mutated) by reset(). */
    get state() {
      return state;
    },
    /** Every request to the API host, in order of arrival; the same array across reset(). */
    requests,
    /** Scripted failures: `add(rule)`, `clear()`, `pending`. */
    faults,
    /**
     * What Close writes by itself (close-writes.mjs): `hangUp(callId, plan)` (status, then a template note at
     * +templateAfterMs and an AI outcome at +aiOutcomeAfterMs), `autosave(callId, note)`, `flush()`, `pending`.
     */
    closeWrites,
    /**
     * A request of another client of Close (another app's key, a colleague's script; issue 14), answered by the same
     * API handler as the HTTP server's but without a socket, the request log, faults or rate limits. Its changes are
     * logged in the event log with that key's `api_key_id`.
     * @param {{ apiKey: string, method?: string, path: string, body?: unknown }} r `path` under /api/v1, with a query
     * @returns {Reply}
     */
    asClient({ apiKey, method = 'GET', path, body }) {
      const url = new URL(`/api/v1${path}`, 'http://stand-in.invalid');
      const headers = { authorization: `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`, 'content-type': 'application/json' };
      return handleApi({
        state, method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers,
        rawBody: body === undefined ? '' : JSON.stringify(body), stamps, now: options.now,
      });
    },
    /**
     * Node request handler, for http.createServer / https.createServer.
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     */
    handle(req, res) {
      handle(req, res).catch((error) => {
        // A bug in the stand-in must show up as a loud 500, not a hung test.
        console.error('close stand-in crashed:', error);
        if (!res.headersSent) send(res, { status: 500, json: { error: `Stand-in crashed: ${String(error)}` } }, 'GET');
        else res.destroy();
      });
    },
    /**
     * Fresh state (a new demo seed unless given), empty request log, no faults, fresh rate-limit windows.
     * @param {StandInState} [data]
     */
    reset(data) {
      state = data ?? seedDemoData();
      requests.length = 0;
      faults.clear();
      closeWrites.clear();
      limiter.reset();
    },
  };
}

/** @typedef {ReturnType<typeof createCloseStandIn>} CloseStandIn */
