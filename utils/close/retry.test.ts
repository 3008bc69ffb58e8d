import { describe, expect, it } from 'vitest';
import { canRetry, isRetryable, retryDelayMs } from './retry';
import { rateLimitWaitSeconds } from './rate-limit';

describe('retryDelayMs', () => {
  it('waits exactly what Close asked after a 429, fractional seconds kept, plus a small margin', () => {
    expect(retryDelayMs('rate-limited', 1, 0.595956)).toBe(596 + 50);
    expect(retryDelayMs('rate-limited', 3, 5)).toBe(5050);
  });

  it('reads both 429 body shapes and the header forms into the same wait', () => {
    const none = new Headers();
    const flat = rateLimitWaitSeconds(none, { message: 'API call count exceeded', rate_reset: '0.595956' });
    const nested = rateLimitWaitSeconds(none, { error: { message: 'x', rate_reset: 0.87 } });
    const header = rateLimitWaitSeconds(new Headers({ RateLimit: 'limit=100, remaining=0, reset=1.5' }), {});
    const retryAfter = rateLimitWaitSeconds(new Headers({ 'Retry-After': '3' }), {});
    expect([flat, nested, header, retryAfter].map((s) => retryDelayMs('rate-limited', 1, s))).toEqual([
      646, 920, 1550, 3050,
    ]);
  });

  it('backs off exponentially for 5xx and dropped connections, with jitter between half and all of it', () => {
    const low = () => 0;
    const high = () => 0.999999;
    expect([1, 2, 3, 4].map((n) => retryDelayMs('server', n, undefined, low))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs('offline', n, undefined, high))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never waits more than 30 s between tries', () => {
    expect(retryDelayMs('server', 20, undefined, () => 0.999999)).toBe(30_000);
  });
});

describe('which failures are retried', () => {
  it('retries 429, 502/503/504 and dropped connections; not 500 or other answers', () => {
    expect(isRetryable('rate-limited')).toBe(true);
    expect(isRetryable('offline')).toBe(true);
    expect([502, 503, 504].map((status) => isRetryable('server', status))).toEqual([true, true, true]);
    expect(isRetryable('server', 500)).toBe(false);
    for (const kind of ['auth', 'forbidden', 'not-found', 'validation', 'plan-limit', 'bad-response'] as const)
      expect(isRetryable(kind, 400)).toBe(false);
  });

  it('stops 5xx and dropped connections after a bounded number of attempts; 429s are not counted (their deadline is)', () => {
    expect(canRetry('rate-limited', 429, 5)).toBe(true);
    expect(canRetry('rate-limited', 429, 50)).toBe(true);
    expect(canRetry('server', 503, 3)).toBe(true);
    expect(canRetry('server', 503, 4)).toBe(false);
    expect(canRetry('offline', undefined, 3)).toBe(false);
  });
});
