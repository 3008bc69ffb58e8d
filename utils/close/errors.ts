// Every failure talking to Close becomes one CloseError value: what happened in words a
// sales rep understands, and the next step. Close's error bodies have no schema (FACTS.md),
// so they are read defensively.

import { i18n } from '#i18n';
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

const fieldName = (field: string) =>
  field === 'note' || field === 'note_html' ? i18n.t('editor.label') : field === 'outcome_id' ? i18n.t('outcome.label') : field;

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
      .map(([field, text]) => `${fieldName(field)}: ${text}`)
      .join('; ');
    return {
      ...base,
      kind: 'validation',
      message: fields || detail ? i18n.t('errors.validationWith', [fields || detail!]) : i18n.t('errors.validation'),
      nextStep: 'fix-and-save',
    };
  }
  if (status === 401)
    return { ...base, kind: 'auth', message: i18n.t('errors.auth'), nextStep: 'open-settings' };
  if (status === 402)
    return { ...base, kind: 'plan-limit', message: i18n.t('errors.planLimit'), nextStep: 'ask-admin' };
  if (status === 403)
    return {
      ...base,
      kind: 'forbidden',
      message: i18n.t('errors.forbidden'),
      nextStep: 'ask-admin',
    };
  if (status === 404)
    return { ...base, kind: 'not-found', message: i18n.t('errors.notFound'), nextStep: 'reload' };
  if (status === 429)
    return {
      ...base,
      kind: 'rate-limited',
      message: i18n.t('errors.rateLimited'),
      nextStep: 'retry',
      ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
    };
  if (status >= 500)
    return { ...base, kind: 'server', message: i18n.t('errors.server'), nextStep: 'retry' };
  return { ...base, kind: 'bad-response', message: i18n.t('errors.unexpected', [String(status)]), nextStep: 'retry' };
}

export const offlineError = (): CloseError => ({
  kind: 'offline',
  message: i18n.t('errors.offline'),
  nextStep: 'retry',
});

export const badResponseError = (status: number): CloseError => ({
  kind: 'bad-response',
  status,
  message: i18n.t('errors.badResponse'),
  nextStep: 'retry',
});

/** The sentence shown under an error, per next step (in the UI language). */
export function nextStepText(step: NextStep): string {
  switch (step) {
    case 'open-settings':
      return i18n.t('errors.next.openSettings');
    case 'retry':
      return i18n.t('errors.next.retry');
    case 'fix-and-save':
      return i18n.t('errors.next.fixAndSave');
    case 'reload':
      return i18n.t('errors.next.reload');
    case 'ask-admin':
      return i18n.t('errors.next.askAdmin');
  }
}

export const NEXT_STEPS: readonly NextStep[] = ['open-settings', 'retry', 'fix-and-save', 'reload', 'ask-admin'];
