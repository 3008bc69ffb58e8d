import { describe, expect, it } from 'vitest';
import { parseRateLimitHeader, rateLimitWaitSeconds } from './rate-limit';

const NOW = Date.parse('2026-03-15T12:00:00.000Z');
const wait = (headers: Record<string, string>, body?: unknown) => rateLimitWaitSeconds(new Headers(headers), body, NOW);

describe('parseRateLimitHeader', () => {
  it('reads Close\'s format, with and without spaces', () => {
    expect(parseRateLimitHeader('limit=100, remaining=50, reset=5')).toEqual({ limit: 100, remaining: 50, reset: 5 });
    expect(parseRateLimitHeader('limit=100,remaining=50,reset=5')).toEqual({ limit: 100, remaining: 50, reset: 5 });
    expect(parseRateLimitHeader('  limit = 100 ;  reset = 2 ')).toEqual({ limit: 100, reset: 2 });
  });

  it('keeps fractional seconds and lower-cases names', () => {
    expect(parseRateLimitHeader('Limit=10, RESET=0.595956')).toEqual({ limit: 10, reset: 0.595956 });
  });

  it('drops parts that are not name=number', () => {
    expect(parseRateLimitHeader('limit=abc, remaining=, =5, reset=Infinity, junk, window=8')).toEqual({ window: 8 });
    expect(parseRateLimitHeader(null)).toEqual({});
    expect(parseRateLimitHeader(undefined)).toEqual({});
    expect(parseRateLimitHeader('')).toEqual({});
  });
});

describe('rateLimitWaitSeconds', () => {
  const all = {
    RateLimit: 'limit=100, remaining=0, reset=7',
    'Retry-After': '11',
    'RateLimit-Reset': '13',
    'X-Rate-Limit-Reset': '17',
  };
  const body = { message: 'API call count exceeded for this period', rate_reset: '3.5' };

  it('prefers the RateLimit header reset over everything', () => {
    expect(wait(all, body)).toBe(7);
  });

  it('then Retry-After, before the deprecated body fields (issue 14)', () => {
    const { RateLimit: _r, ...rest } = all;
    expect(wait(rest, body)).toBe(11);
    // The case that made us retry every ~360 ms: an old body value beside a real Retry-After.
    expect(wait({ 'Retry-After': '2' }, { rate_reset: '0.3' })).toBe(2);
  });

  it('then RateLimit-Reset', () => {
    expect(wait({ 'RateLimit-Reset': '13', 'X-Rate-Limit-Reset': '17' }, body)).toBe(13);
  });

  it('then X-Rate-Limit-Reset, with fractional seconds', () => {
    expect(wait({ 'X-Rate-Limit-Reset': '1.25' }, body)).toBe(1.25);
  });

  it('then the body\'s rate_reset, when no header says anything', () => {
    expect(wait({}, body)).toBe(3.5);
  });

  it('then 2 seconds', () => {
    expect(wait({})).toBe(2);
    expect(wait({}, undefined)).toBe(2);
    expect(wait({}, 'Too Many Requests')).toBe(2);
  });

  it('reads a RateLimit header without a reset as absent', () => {
    expect(wait({ RateLimit: 'limit=100, remaining=0' }, body)).toBe(3.5);
    expect(wait({ RateLimit: 'limit=100, remaining=0', 'Retry-After': '4' }, body)).toBe(4);
  });

  it('reads the flat rate_reset (a string) and the nested one (a number)', () => {
    expect(wait({}, { message: 'x', rate_reset: '0.595956', rate_limit: 320, rate_window: 8 })).toBe(0.595956);
    expect(wait({}, { error: { message: 'x', rate_reset: 0.87 } })).toBe(0.87);
    expect(wait({}, { error: { message: 'x', rate_reset: '1.5' } })).toBe(1.5);
  });

  it('reads Retry-After as an HTTP date relative to now', () => {
    expect(wait({ 'Retry-After': 'Sun, 15 Mar 2026 12:00:30 GMT' })).toBe(30);
    expect(wait({ 'Retry-After': 'Sunday, 15-Mar-26 12:00:45 GMT' })).toBe(45);
    // a date in the past means "now", not a negative wait
    expect(wait({ 'Retry-After': 'Sun, 15 Mar 2026 11:59:00 GMT' })).toBe(0);
  });

  it('ignores garbage and falls through to the next source', () => {
    expect(wait({ RateLimit: 'reset=soon', 'Retry-After': '4' })).toBe(4);
    expect(wait({ RateLimit: 'reset=-3', 'Retry-After': '4' })).toBe(4);
    expect(wait({ 'Retry-After': 'soon', 'RateLimit-Reset': '6' })).toBe(6);
    expect(wait({ 'Retry-After': '-1', 'RateLimit-Reset': '6' })).toBe(6);
    // strings that Date.parse would read as a date in 2001 ("retry now")
    expect(wait({ 'Retry-After': 'abc 1', 'RateLimit-Reset': '6' })).toBe(6);
    expect(wait({ 'Retry-After': 'later 2020' })).toBe(2);
    expect(wait({ 'Retry-After': 'Infinity', 'RateLimit-Reset': '6' })).toBe(6);
    expect(wait({ 'RateLimit-Reset': 'NaN', 'X-Rate-Limit-Reset': '9' })).toBe(9);
    expect(wait({ 'X-Rate-Limit-Reset': 'abc' })).toBe(2);
    expect(wait({ 'Retry-After': '4' }, { rate_reset: 'later' })).toBe(4);
    expect(wait({ 'Retry-After': '4' }, { rate_reset: '' })).toBe(4);
    expect(wait({ 'Retry-After': '4' }, { rate_reset: -1 })).toBe(4);
    expect(wait({ 'Retry-After': '4' }, { rate_reset: null, error: 'x' })).toBe(4);
    expect(wait({ 'Retry-After': '4' }, { error: { rate_reset: true } })).toBe(4);
  });

  it('accepts a zero wait', () => {
    expect(wait({ RateLimit: 'limit=100, remaining=0, reset=0', 'Retry-After': '9' })).toBe(0);
  });
});
