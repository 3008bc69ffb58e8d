// Every failure talking to Close becomes one CloseError value: what happened in words a
// sales rep understands, and the next step. Close's error bodies have no schema (FACTS.md),
// so they are read defensively.

import { redactAuthHeaders } from '../redact';

export type CloseErrorKind =
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'validation'
  | 'plan-limit'
  | 'rate-limited'
  | 'server'
  | 'offline'
  | 'bad-response';

/** What the UI offers next; each maps to a button or a sentence. */
export type NextStep = 'open-settings' | 'retry' | 'fix-and-save' | 'reload' | 'ask-admin';

export interface CloseError {
  kind: CloseErrorKind;
  status?: number;
  /** For the rep: what happened. */
  message: string;
  /** For the rep: what to do now. */
  nextStep: NextStep;
  /** Close's own words, for a details line; never contains the key. */
  detail?: string;
  fieldErrors?: Record<string, string>;
  retryAfterSeconds?: number;
}

const FIELD_NAMES: Record<string, string> = { note: 'Note', note_html: 'Note', outcome_id: 'Outcome' };

// Close's words reach the panel and tabs: an echoed Authorization header must not (issue 5),
// and a runaway error page is cut to a details line.
const MAX_DETAIL = 1_000;
const fromClose = (text: string) => redactAuthHeaders(text).slice(0, MAX_DETAIL);

/** The message strings Close puts in its bodies, in every shape we know. */
export function closeMessages(body: unknown): { detail?: string; fieldErrors?: Record<string, string> } {
  if (!body || typeof body !== 'object') return {};
  const b = body as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof b.error === 'string') parts.push(b.error);
  else if (b.error && typeof b.error === 'object' && typeof (b.error as { message?: unknown }).message === 'string')
    parts.push((b.error as { message: string }).message);
  if (typeof b.message === 'string') parts.push(b.message);
  if (Array.isArray(b.errors)) parts.push(...b.errors.filter((e): e is string => typeof e === 'string'));
  let fieldErrors: Record<string, string> | undefined;
  const rawFields = b['field-errors'];
  if (rawFields && typeof rawFields === 'object' && !Array.isArray(rawFields)) {
    for (const [field, value] of Object.entries(rawFields)) {
      const text = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(' ') : value;
      if (typeof text === 'string' && text) (fieldErrors ??= {})[field] = fromClose(text);
    }
  }
  return { ...(parts.length && { detail: fromClose(parts.join(' ')) }), ...(fieldErrors && { fieldErrors }) };
}

export function errorFromResponse(status: number, body: unknown, retryAfterSeconds?: number): CloseError {
  const { detail, fieldErrors } = closeMessages(body);
  const base = { status, ...(detail && { detail }), ...(fieldErrors && { fieldErrors }) };
  if (status === 400 || status === 422) {
    const fields = Object.entries(fieldErrors ?? {})
      .map(([field, text]) => `${FIELD_NAMES[field] ?? field}: ${text}`)
      .join('; ');
    return {
      ...base,
      kind: 'validation',
      message: `Close did not accept this change${fields ? ` (${fields})` : detail ? ` (${detail})` : ''}.`,
      nextStep: 'fix-and-save',
    };
  }
  if (status === 401)
    return { ...base, kind: 'auth', message: 'Close rejected your API key.', nextStep: 'open-settings' };
  if (status === 402)
    return { ...base, kind: 'plan-limit', message: 'Your Close plan does not allow this change.', nextStep: 'ask-admin' };
  if (status === 403)
    return {
      ...base,
      kind: 'forbidden',
      message: 'Your Close user is not allowed to change this call.',
      nextStep: 'ask-admin',
    };
  if (status === 404)
    return { ...base, kind: 'not-found', message: 'This call no longer exists in Close.', nextStep: 'reload' };
  if (status === 429)
    return {
      ...base,
      kind: 'rate-limited',
      message: 'Close is busy right now.',
      nextStep: 'retry',
      ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
    };
  if (status >= 500)
    return { ...base, kind: 'server', message: 'Close had a problem on its side.', nextStep: 'retry' };
  return { ...base, kind: 'bad-response', message: `Close answered with an unexpected error (${status}).`, nextStep: 'retry' };
}

export const offlineError = (): CloseError => ({
  kind: 'offline',
  message: 'Could not reach Close. Check your internet connection.',
  nextStep: 'retry',
});

export const badResponseError = (status: number): CloseError => ({
  kind: 'bad-response',
  status,
  message: 'Close sent an answer we could not read.',
  nextStep: 'retry',
});

/** The sentence shown under an error, per next step. */
export const NEXT_STEP_TEXT: Record<NextStep, string> = {
  'open-settings': 'Open the settings and connect a valid API key. Your note is kept.',
  retry: 'Your note is kept. Try again in a moment.',
  'fix-and-save': 'Fix it and press Save again. Your note is kept.',
  reload: 'Reload the page to see the current calls. Your note is kept.',
  'ask-admin': 'Ask your Close admin for access. Your note is kept.',
};
