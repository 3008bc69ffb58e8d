import { describe, expect, it } from 'vitest';
import { NEXT_STEPS, nextStepText, badResponseError, closeMessages, errorFromResponse, offlineError } from './errors';

const VALIDATION = { errors: ['Invalid request'], 'field-errors': { outcome_id: 'Object does not exist.' } };
const PLAIN = { error: 'Empty query: Lead matching query does not exist.' };
const NESTED = { error: { message: 'You do not have permission.' } };
const FLAT_429 = {
  message: 'API call count exceeded for this period',
  rate_reset: '0.595956',
  rate_limit: 320,
  rate_window: 8,
  rate_limit_type: 'key',
  rate_endpoint_group: 'activity',
};
const NESTED_429 = { error: { message: 'API call count exceeded for this period', rate_reset: 0.87 } };

describe('closeMessages reads every body shape', () => {
  it('{"errors", "field-errors"}', () => {
    expect(closeMessages(VALIDATION)).toEqual({
      detail: 'Invalid request',
      fieldErrors: { outcome_id: 'Object does not exist.' },
    });
  });

  it('{"error": "…"}', () => {
    expect(closeMessages(PLAIN)).toEqual({ detail: PLAIN.error });
  });

  it('{"error": {"message": "…"}}', () => {
    expect(closeMessages(NESTED)).toEqual({ detail: 'You do not have permission.' });
  });

  it('flat and nested 429 bodies', () => {
    expect(closeMessages(FLAT_429)).toEqual({ detail: 'API call count exceeded for this period' });
    expect(closeMessages(NESTED_429)).toEqual({ detail: 'API call count exceeded for this period' });
  });

  it('field errors given as lists, and junk inside them', () => {
    expect(
      closeMessages({ 'field-errors': { note: ['Too long.', 'Bad.'], outcome_id: 42, phone: '', x: [1, 'ok'] } }),
    ).toEqual({ fieldErrors: { note: 'Too long. Bad.', x: 'ok' } });
  });

  it.each([undefined, null, '', 'Internal Server Error', 42, [], ['error'], { error: 42 }, { errors: 'x' }])(
    'nothing from %j',
    (body) => {
      expect(closeMessages(body)).toEqual({});
    },
  );
});

describe('errorFromResponse', () => {
  it('400 with field errors names the field in the rep\'s words', () => {
    const error = errorFromResponse(400, VALIDATION);
    expect(error).toMatchObject({ kind: 'validation', status: 400, nextStep: 'fix-and-save' });
    expect(error.message).toBe('Close did not accept this change (Outcome: Object does not exist.).');
    expect(error.fieldErrors).toEqual({ outcome_id: 'Object does not exist.' });
    expect(error.detail).toBe('Invalid request');
  });

  it('400 maps note_html errors to "Note"', () => {
    expect(errorFromResponse(400, { 'field-errors': { note_html: 'Invalid HTML.' } }).message).toBe(
      'Close did not accept this change (Note: Invalid HTML.).',
    );
  });

  it('400 without field errors quotes Close, and says nothing extra without a body', () => {
    expect(errorFromResponse(400, { error: 'Unknown field recording_urll' }).message).toBe(
      'Close did not accept this change (Unknown field recording_urll).',
    );
    expect(errorFromResponse(400, undefined).message).toBe('Close did not accept this change.');
  });

  it('401 says the key was rejected and sends the rep to the settings', () => {
    const error = errorFromResponse(401, {
      error: 'The server could not verify that you are authorized to access the URL requested.',
    });
    expect(error).toMatchObject({ kind: 'auth', status: 401, nextStep: 'open-settings' });
    expect(error.message).toBe('Close rejected your API key.');
  });

  it('402 is a plan limit', () => {
    expect(errorFromResponse(402, PLAIN)).toMatchObject({
      kind: 'plan-limit',
      nextStep: 'ask-admin',
      message: 'Your Close plan does not allow this change.',
    });
  });

  it('403 is forbidden, with nested error messages as detail', () => {
    expect(errorFromResponse(403, NESTED)).toMatchObject({
      kind: 'forbidden',
      nextStep: 'ask-admin',
      message: 'Your Close user is not allowed to change this call.',
      detail: 'You do not have permission.',
    });
  });

  it('404 says the call no longer exists', () => {
    const error = errorFromResponse(404, PLAIN);
    expect(error).toMatchObject({ kind: 'not-found', status: 404, nextStep: 'reload', detail: PLAIN.error });
    expect(error.message).toBe('This call no longer exists in Close.');
  });

  it('429 is rate-limited, carries the wait, and reads flat and nested bodies', () => {
    expect(errorFromResponse(429, FLAT_429, 0.595956)).toMatchObject({
      kind: 'rate-limited',
      nextStep: 'retry',
      retryAfterSeconds: 0.595956,
      detail: 'API call count exceeded for this period',
    });
    const nested = errorFromResponse(429, NESTED_429);
    expect(nested.kind).toBe('rate-limited');
    expect(nested).not.toHaveProperty('retryAfterSeconds');
    expect(nested.detail).toBe('API call count exceeded for this period');
  });

  it.each([500, 502, 503])('%i is a server problem, also with a non-JSON body', (status) => {
    const error = errorFromResponse(status, undefined);
    expect(error).toEqual({ kind: 'server', status, message: 'Close had a problem on its side.', nextStep: 'retry' });
  });

  it.each([405, 415, 418])('%i is an unexpected answer', (status) => {
    expect(errorFromResponse(status, undefined)).toMatchObject({
      kind: 'bad-response',
      message: `Close answered with an unexpected error (${status}).`,
    });
  });

  it('fieldErrors and detail are absent when the body has none', () => {
    const error = errorFromResponse(404, undefined);
    expect(error).not.toHaveProperty('detail');
    expect(error).not.toHaveProperty('fieldErrors');
  });
});

describe('errors without a response', () => {
  it('offline and bad-response errors ask for a retry', () => {
    expect(offlineError()).toMatchObject({ kind: 'offline', nextStep: 'retry' });
    expect(offlineError().message).toMatch(/could not reach close/i);
    expect(badResponseError(200)).toMatchObject({ kind: 'bad-response', status: 200, nextStep: 'retry' });
  });

  it('every next step has a sentence that says the note is kept', () => {
    for (const step of NEXT_STEPS) expect(nextStepText(step)).toMatch(/your note is kept/i);
  });
});
