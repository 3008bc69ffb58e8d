// @ts-check
// Close's rate limiting as a client sees it: a fixed window per API key, the `RateLimit` header on every answer, and
// 429 bodies in the two shapes seen in the wild (flat with `rate_reset` as a string, and nested under `error`).

/**
 * @typedef {{ limit?: number, windowSeconds?: number, byEndpointGroup?: boolean, now?: () => number,
 *   headersOnly?: boolean }} RateLimitOptions
 *   `byEndpointGroup`: count each endpoint group (`me`, `outcome`, `activity`, …) separately, as Close does;
 *   off by default so that "L requests with one key" is the whole rule.
 *   `headersOnly`: 429s carry only the headers, no body fields (Close deprecated them on 2024-04-24).
 * @typedef {{ allowed: boolean, limit: number, remaining: number, resetSeconds: number, windowSeconds: number,
 *   group: string }} RateLimitVerdict
 */

/**
 * Close names groups of endpoints; ours are the first path segment after /api/v1.
 * @param {string} path
 */
export function endpointGroup(path) {
  return /^\/api\/v1\/([^/]+)/.exec(path)?.[1] ?? 'default';
}

/** @param {RateLimitOptions} [options] */
export function createRateLimiter({ limit = 100, windowSeconds = 10, byEndpointGroup = false, now = Date.now, headersOnly = false } = {}) {
  /** @type {Map<string, { start: number, count: number }>} */
  const windows = new Map();
  return {
    limit,
    windowSeconds,
    /** @type {'flat' | 'headers-only'} */
    shape: headersOnly ? 'headers-only' : 'flat',
    /**
     * Counts one request; a refused one does not use up the next window.
     * @param {string} key the credential (or anything identifying an anonymous caller)
     * @param {string} path
     * @returns {RateLimitVerdict}
     */
    hit(key, path) {
      const group = endpointGroup(path);
      const bucket = byEndpointGroup ? `${key}\n${group}` : key;
      const t = now();
      let w = windows.get(bucket);
      if (!w || t - w.start >= windowSeconds * 1000) {
        w = { start: t, count: 0 };
        windows.set(bucket, w);
      }
      const allowed = w.count < limit;
      if (allowed) w.count += 1;
      const resetSeconds = Math.max(0.001, (w.start + windowSeconds * 1000 - t) / 1000);
      return { allowed, limit, remaining: limit - w.count, resetSeconds, windowSeconds, group };
    },
    reset() {
      windows.clear();
    },
  };
}

/**
 * Seconds with at most 3 decimals, no trailing zeros ("5", "0.875").
 * @param {number} seconds
 */
export function formatSeconds(seconds) {
  return String(Math.round(seconds * 1000) / 1000);
}

/** @param {{ limit: number, remaining: number, resetSeconds: number }} v */
export function rateLimitHeader(v) {
  return `limit=${v.limit}, remaining=${Math.max(0, v.remaining)}, reset=${formatSeconds(v.resetSeconds)}`;
}

const EXCEEDED = 'API call count exceeded for this period';

/**
 * A complete 429 reply. 'headers-only': no body fields at all, and only the headers asked for (default both).
 * @param {{ limit: number, resetSeconds: number, windowSeconds: number, group: string }} v
 * @param {'flat' | 'nested' | 'headers-only'} shape
 * @param {{ rateLimit?: boolean, retryAfter?: boolean }} [headers]
 * @returns {import('./types.mjs').Reply}
 */
export function tooManyRequests(v, shape, headers = {}) {
  if (shape === 'headers-only') {
    /** @type {Record<string, string>} */
    const only = {};
    if (headers.rateLimit !== false) only.RateLimit = rateLimitHeader({ limit: v.limit, remaining: 0, resetSeconds: v.resetSeconds });
    if (headers.retryAfter !== false) only['Retry-After'] = String(Math.max(1, Math.ceil(v.resetSeconds)));
    return { status: 429, headers: only, text: '' };
  }
  const details = {
    message: EXCEEDED,
    rate_limit: v.limit,
    rate_window: v.windowSeconds,
    rate_limit_type: 'key',
    rate_endpoint_group: v.group,
  };
  const json = shape === 'flat'
    // Close sends the flat shape's reset as a string with microsecond precision, e.g. "0.595956".
    ? { ...details, rate_reset: v.resetSeconds.toFixed(6) }
    : { error: { ...details, rate_reset: v.resetSeconds } };
  return {
    status: 429,
    headers: {
      RateLimit: rateLimitHeader({ limit: v.limit, remaining: 0, resetSeconds: v.resetSeconds }),
      'Retry-After': String(Math.max(1, Math.ceil(v.resetSeconds))),
    },
    json,
  };
}
