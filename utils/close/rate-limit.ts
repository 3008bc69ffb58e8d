// How long Close asks us to wait before calling again. Close deprecated the 429 body's rate-limit
// fields on 2024-04-24 ("All rate limit information should be in the headers", FACTS.md), so the
// headers come first, in the order of Close's own Python client: the `RateLimit` header's reset,
// then `Retry-After`, then `RateLimit-Reset` (and the older `X-Rate-Limit-Reset`); the body's
// `rate_reset` (flat, a string with fractional seconds, or nested under `error`) only after them.
// Read the other way round, an old body value of 0.3 s beside `Retry-After: 2` had us retry
// every ~360 ms until we gave up (issue 14).

const DEFAULT_WAIT_SECONDS = 2;

/** `RateLimit: limit=100, remaining=50, reset=5` -> { limit: 100, remaining: 50, reset: 5 } */
export function parseRateLimitHeader(value: string | null | undefined): Record<string, number> {
  const fields: Record<string, number> = {};
  for (const part of (value ?? '').split(/[,;]/)) {
    const [name, raw] = part.split('=').map((s) => s.trim());
    const number = Number(raw);
    if (name && raw && Number.isFinite(number)) fields[name.toLowerCase()] = number;
  }
  return fields;
}

const seconds = (value: unknown): number | undefined => {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? number : undefined;
};

/** An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) or RFC 850 date. `Date.parse` alone reads
 * garbage such as "-1" or "abc 1" as a date in 2001, which would mean "retry now". */
const HTTP_DATE = /^[A-Za-z]{3,9}, \d{2}[ -][A-Za-z]{3}[ -]\d{2}(?:\d{2})? \d{2}:\d{2}:\d{2} GMT$/;

/** `Retry-After` is either delta-seconds or an HTTP date. */
function retryAfterSeconds(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const delta = seconds(value);
  if (delta !== undefined) return delta;
  if (!HTTP_DATE.test(value.trim())) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

function bodyRateReset(body: unknown): number | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const flat = seconds((body as { rate_reset?: unknown }).rate_reset);
  if (flat !== undefined) return flat;
  const nested = (body as { error?: unknown }).error;
  return nested && typeof nested === 'object' ? seconds((nested as { rate_reset?: unknown }).rate_reset) : undefined;
}

/** Seconds to wait after a 429, from whatever Close gave us. */
export function rateLimitWaitSeconds(headers: Headers, body: unknown, now = Date.now()): number {
  return (
    seconds(parseRateLimitHeader(headers.get('RateLimit')).reset) ??
    retryAfterSeconds(headers.get('Retry-After'), now) ??
    seconds(headers.get('RateLimit-Reset')) ??
    seconds(headers.get('X-Rate-Limit-Reset')) ??
    bodyRateReset(body) ??
    DEFAULT_WAIT_SECONDS
  );
}
