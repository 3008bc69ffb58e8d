// @ts-check
// Scripted failures, so tests can show how the extension copes with a flaky or throttling Close: each rule answers
// the next matching request(s) in its own way instead of the normal behaviour.

import { tooManyRequests } from './rate-limit.mjs';

/**
 * 'drop-after-apply' is the nastiest case for a client: the request takes effect, the answer never arrives.
 * @typedef {'400' | '403' | '429' | '429-nested' | '429-headers' | '500' | '502' | '503' | '504' | 'drop' | 'drop-after-apply'
 *   | 'latency' | 'non-json-500'} FaultKind
 * @typedef {{
 *   method?: string, path?: string | RegExp, host?: string, times?: number, kind: FaultKind,
 *   ms?: number, rateReset?: number, rateLimitHeader?: boolean, retryAfter?: boolean,
 * }} FaultRule
 *   `path` is compared with the pathname (a string must match exactly); `host` defaults to api.close.com;
 *   `times` defaults to 1 (Infinity allowed); `ms` is the delay for 'latency' (default 1000);
 *   `rateReset` the seconds a 429 asks to wait (default 1); '429-headers' has no body, and sends `RateLimit` and
 *   `Retry-After` unless `rateLimitHeader: false` / `retryAfter: false`. '400': `{"errors":["Bad request."],…}`. '403': `{"error":"…permission…"}` (an event log the key may not read,
 *   issue 14).
 * @typedef {{ kind: 'drop' } | { kind: 'drop-after-apply' } | { kind: 'delay', ms: number }
 *   | { kind: 'reply', reply: import('./types.mjs').Reply }} FaultAction
 */

const KINDS = new Set(['400', '403', '429', '429-nested', '429-headers', '500', '502', '503', '504', 'drop', 'drop-after-apply', 'latency', 'non-json-500']);

/** @type {Record<string, string>} */
const SERVER_ERRORS = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function createFaults() {
  /** @type {(FaultRule & { remaining: number })[]} */
  const rules = [];
  return {
    /**
     * Adds a rule; the function returned removes it again ("until told": `times: Infinity`, then stop()),
     * leaving the other rules in place.
     * @param {FaultRule} rule
     * @returns {() => void}
     */
    add(rule) {
      if (!KINDS.has(rule.kind)) throw new Error(`Unknown fault kind: ${rule.kind}`);
      const times = rule.times ?? 1;
      if (!(times > 0)) throw new Error('A fault must apply at least once');
      const entry = { ...rule, remaining: times };
      rules.push(entry);
      return () => {
        const index = rules.indexOf(entry);
        if (index >= 0) rules.splice(index, 1);
      };
    },
    clear() {
      rules.length = 0;
    },
    /** Rules not used up yet (for assertions and debugging). */
    get pending() {
      return rules.map(({ remaining, ...rule }) => ({ ...rule, times: remaining }));
    },
    /**
     * The first rule matching the request, counted as used.
     * @param {{ method: string, host: string, path: string }} request
     * @returns {FaultRule | undefined}
     */
    take({ method, host, path }) {
      const index = rules.findIndex((r) => matches(r, method, host, path));
      const rule = rules[index];
      if (!rule) return undefined;
      rule.remaining -= 1;
      if (rule.remaining <= 0) rules.splice(index, 1);
      return rule;
    },
  };
}

/**
 * @param {FaultRule} rule @param {string} method @param {string} host @param {string} path
 */
function matches(rule, method, host, path) {
  if ((rule.host ?? 'api.close.com') !== host) return false;
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.path instanceof RegExp) {
    rule.path.lastIndex = 0; // a /g regex would otherwise match every other request only
    return rule.path.test(path);
  }
  return rule.path === undefined || rule.path === path;
}

/**
 * What the stand-in does instead of (or, for latency, before) answering normally.
 * @param {FaultRule} rule
 * @param {{ limit: number, windowSeconds: number, group: string }} rateLimit the limiter's settings, quoted by 429s
 * @returns {FaultAction}
 */
export function faultAction(rule, rateLimit) {
  switch (rule.kind) {
    case 'drop':
      return { kind: 'drop' };
    case 'drop-after-apply':
      return { kind: 'drop-after-apply' };
    case 'latency':
      return { kind: 'delay', ms: rule.ms ?? 1000 };
    case '400':
      return { kind: 'reply', reply: { status: 400, json: { errors: ['Bad request.'], 'field-errors': {} } } };
    case '403':
      return { kind: 'reply', reply: { status: 403, json: { error: 'You do not have permission to perform this action.' } } };
    case '429-headers':
      return {
        kind: 'reply',
        reply: tooManyRequests({ ...rateLimit, resetSeconds: rule.rateReset ?? 1 }, 'headers-only', {
          ...(rule.rateLimitHeader === false && { rateLimit: false }),
          ...(rule.retryAfter === false && { retryAfter: false }),
        }),
      };
    case '429':
    case '429-nested':
      return {
        kind: 'reply',
        reply: tooManyRequests({ ...rateLimit, resetSeconds: rule.rateReset ?? 1 }, rule.kind === '429' ? 'flat' : 'nested'),
      };
    case 'non-json-500':
      return {
        kind: 'reply',
        reply: { status: 500, headers: { 'content-type': 'text/html' }, text: '<html>Internal Server Error</html>' },
      };
    default: {
      const status = Number(rule.kind);
      return { kind: 'reply', reply: { status, json: { error: SERVER_ERRORS[status] ?? 'Server Error' } } };
    }
  }
}
