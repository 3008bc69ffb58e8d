import type { CloseErrorKind } from './errors';

// When a save that failed is tried again. Close's own client retries 429 after the wait Close
// names and 502/503/504 with backoff; we do the same, plus dropped connections. Other errors
// (400, 401, 403, 404, 500 …) are answers, not accidents: trying again cannot help. 429s are not
// counted: they are waited out as Close asks until the save's deadline (rate-limit-wait.ts).

/** Attempts in one go (the first try included) before a save is held (5xx, network) in the outbox. */
export const MAX_ATTEMPTS: Partial<Record<CloseErrorKind, number>> = {
  server: 4,
  offline: 3,
};

const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 30_000;
/** Close's reset is when the window ends; a little margin avoids landing just before it. */
const RATE_LIMIT_MARGIN_MS = 50;

export const RETRYABLE_STATUSES = new Set([502, 503, 504]);

export function isRetryable(kind: CloseErrorKind, status?: number): boolean {
  if (kind === 'rate-limited' || kind === 'offline') return true;
  return kind === 'server' && status !== undefined && RETRYABLE_STATUSES.has(status);
}

/**
 * Milliseconds to wait before attempt `attempt + 1` (attempt counts from 1).
 * 429: exactly what Close asked (fractional seconds kept), plus a margin.
 * 5xx and dropped connections: exponential backoff with jitter in [50 %, 100 %], capped.
 */
export function retryDelayMs(
  kind: CloseErrorKind,
  attempt: number,
  retryAfterSeconds?: number,
  random: () => number = Math.random,
): number {
  if (kind === 'rate-limited' && retryAfterSeconds !== undefined)
    return Math.ceil(retryAfterSeconds * 1000) + RATE_LIMIT_MARGIN_MS;
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}

/** Whether another attempt is allowed after `attempt` attempts failed this way (429s: see rate-limit-wait.ts). */
export const canRetry = (kind: CloseErrorKind, status: number | undefined, attempt: number): boolean =>
  isRetryable(kind, status) && (kind === 'rate-limited' || attempt < (MAX_ATTEMPTS[kind] ?? 1));
