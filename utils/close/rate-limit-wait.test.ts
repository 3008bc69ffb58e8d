import { describe, expect, it } from 'vitest';
import type { CloseError } from './errors';
import { nextTry, RATE_LIMIT_DEADLINE_MS } from './rate-limit-wait';
import { rateLimitWaitSeconds } from './rate-limit';

const busy = (seconds?: number): CloseError => ({
  kind: 'rate-limited', status: 429, message: 'x', nextStep: 'retry', ...(seconds !== undefined && { retryAfterSeconds: seconds }),
});
const server = (status: number): CloseError => ({ kind: 'server', status, message: 'x', nextStep: 'retry' });
const offline: CloseError = { kind: 'offline', message: 'x', nextStep: 'retry' };
const half = () => 0.5;

describe('nextTry after a 429', () => {
  it('waits exactly what Close asked, however many 429s came before', () => {
    for (const tries of [1, 5, 6, 50]) expect(nextTry(busy(1.5), tries, 0, 0)).toEqual({ wait: 1550, reason: 'rate-limited' });
  });

  it('reads a header-only 429 exactly: RateLimit reset first, then Retry-After', () => {
    const headersOnly = new Headers({ RateLimit: 'limit=100, remaining=0, reset=1.5', 'Retry-After': '2' });
    expect(nextTry(busy(rateLimitWaitSeconds(headersOnly, undefined)), 6, 0, 0)).toEqual({ wait: 1550, reason: 'rate-limited' });
    const retryAfterOnly = new Headers({ 'Retry-After': '2' });
    expect(nextTry(busy(rateLimitWaitSeconds(retryAfterOnly, undefined)), 6, 0, 0)).toEqual({ wait: 2050, reason: 'rate-limited' });
  });

  it('keeps waiting until the save’s deadline, counted from its first 429 in a row; a wait past it is told to the rep', () => {
    const since = 1_000_000;
    const lastChance = since + RATE_LIMIT_DEADLINE_MS - 1050;
    expect(nextTry(busy(1), 40, since, lastChance)).toEqual({ wait: 1050, reason: 'rate-limited' });
    expect(nextTry(busy(1), 40, since, lastChance + 1)).toEqual({ fail: true });
    // Close asking for more than the deadline at once: said now, not after a pointless wait.
    expect(nextTry(busy(RATE_LIMIT_DEADLINE_MS / 1000), 1, since, since)).toEqual({ fail: true });
  });

  it('without a wait from Close, backs off as for 5xx', () => {
    expect(nextTry(busy(), 1, 0, 0, half)).toEqual({ wait: 750, reason: 'rate-limited' });
  });
});

describe('nextTry after 5xx and dropped connections', () => {
  it('backs off a few times, then holds the save in the outbox: Close’s trouble as server, the network as offline', () => {
    expect(nextTry(server(503), 1, 0, 0, half)).toEqual({ wait: 750, reason: 'server' });
    expect(nextTry(server(503), 4, 0, 0, half)).toEqual({ hold: 'server' });
    expect(nextTry(offline, 2, 0, 0, half)).toEqual({ wait: 1500, reason: 'offline' });
    expect(nextTry(offline, 3, 0, 0, half)).toEqual({ hold: 'offline' });
  });

  it('a 500 is an answer: the rep is told at once', () => {
    expect(nextTry(server(500), 1, 0, 0)).toEqual({ fail: true });
  });
});
