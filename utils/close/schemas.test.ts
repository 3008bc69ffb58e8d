import { describe, expect, it } from 'vitest';
import { CALL_FIELDS, CallChangesSchema, CallSchema, MeSchema, OutcomeSchema, listOf } from './schemas';
import { base62, callId, leadId, outcomeId } from '../../test/unit/helpers';

// A call as Close returns it when `_fields` is ignored: with everything we must never send back.
const fullCall = {
  id: callId(1),
  lead_id: leadId(1),
  contact_id: `cont_${base62(43, 5)}`,
  user_id: `user_${base62(43, 6)}`,
  direction: 'outbound',
  status: 'completed',
  disposition: 'answered',
  duration: 184,
  phone: '+15551230000',
  remote_phone: '+15551230000',
  note: 'Talked about pricing',
  note_html: '<body><p>Talked about pricing</p></body>',
  outcome_id: outcomeId(1),
  activity_at: '2026-03-15T12:00:00.000Z',
  date_created: '2026-03-15T12:00:00.000Z',
  date_updated: '2026-03-15T12:05:00.000Z',
  source: 'Close.io',
  user_name: 'Rep One',
  recording_url: 'https://closeio-recordings.example/rec.mp3',
  voicemail_url: null,
  recording_transcript: { summary_text: 'x' },
  quality_info: { jitter: 1 },
  _type: 'Call',
};

describe('CallSchema', () => {
  it('keeps the fields we read and strips every other key', () => {
    const call = CallSchema.parse(fullCall);
    expect(call.id).toBe(fullCall.id);
    expect(call.note_html).toBe(fullCall.note_html);
    expect(call.outcome_id).toBe(fullCall.outcome_id);
    // user_id is read since issue 14 (who-changed.ts: the dialer's autosave writes as the call's user); never sent back.
    expect(call.user_id).toBe(fullCall.user_id);
    for (const key of ['recording_url', 'voicemail_url', 'recording_transcript', 'quality_info', '_type'])
      expect(call).not.toHaveProperty(key);
    expect(JSON.stringify(call)).not.toContain('recording');
  });

  it('asks Close only for the fields it keeps', () => {
    expect(CALL_FIELDS.split(',')).toContain('note_html');
    expect(CALL_FIELDS).not.toContain('recording_url');
    expect(CALL_FIELDS).not.toContain('voicemail_url');
  });

  it('accepts null note, note_html, outcome and duration', () => {
    const call = CallSchema.parse({ ...fullCall, note: null, note_html: null, outcome_id: null, duration: null });
    expect(call.note).toBeNull();
    expect(call.outcome_id).toBeNull();
  });

  it.each([
    ['a lead id', leadId(1)],
    ['a traversal', `${callId(1)}/../../me`],
    ['an empty string', ''],
    ['a number', 42],
  ])('rejects %s as the call id', (_name, id) => {
    expect(CallSchema.safeParse({ ...fullCall, id }).success).toBe(false);
  });

  it('rejects a call without its dates', () => {
    const { date_updated: _omit, ...withoutUpdated } = fullCall;
    expect(CallSchema.safeParse(withoutUpdated).success).toBe(false);
  });
});

describe('OutcomeSchema, MeSchema and lists', () => {
  it('parses a list page and strips unknown keys', () => {
    const page = listOf(OutcomeSchema).parse({
      data: [{ id: outcomeId(1), name: 'Interested', applies_to: ['calls'], organization_id: 'orga_x' }],
      has_more: false,
    });
    expect(page.data[0]).toEqual({ id: outcomeId(1), name: 'Interested', applies_to: ['calls'] });
  });

  it('rejects an outcome with a bad id and a list without has_more', () => {
    expect(OutcomeSchema.safeParse({ id: 'outcome_x/../', name: 'x' }).success).toBe(false);
    expect(listOf(OutcomeSchema).safeParse({ data: [] }).success).toBe(false);
  });

  it('requires email and organisations on /me/', () => {
    expect(MeSchema.safeParse({ id: 'user_x', email: 'a@b.c', organizations: [] }).success).toBe(true);
    expect(MeSchema.safeParse({ id: 'user_x', organizations: [] }).success).toBe(false);
  });
});

describe('CallChangesSchema', () => {
  it.each([
    [{ outcome_id: outcomeId(1) }],
    [{ outcome_id: null }],
    [{ note: 'hello' }],
    [{ note: '' }],
    [{ note_html: '<body><p>hello</p></body>' }],
    [{ outcome_id: outcomeId(1), note: 'hello' }],
    [{ outcome_id: null, note_html: '<body><p>x</p></body>' }],
  ])('accepts %j unchanged', (changes) => {
    expect(CallChangesSchema.parse(changes)).toEqual(changes);
  });

  it.each([
    ['both note and note_html', { note: 'a', note_html: '<body><p>a</p></body>' }],
    ['nothing', {}],
    ['recording_url', { recording_url: '' }],
    ['recording_url beside a note', { note: 'a', recording_url: null }],
    ['voicemail_url', { outcome_id: null, voicemail_url: null }],
    ['status', { status: 'completed' }],
    ['a bad outcome id', { outcome_id: 'outcome_x' }],
    ['a call id as outcome', { outcome_id: callId(1) }],
    ['an outcome traversal', { outcome_id: `${outcomeId(1)}/../../me` }],
    ['a non-string note', { note: 42 }],
    ['an over-long note', { note: 'x'.repeat(100_001) }],
  ])('rejects %s', (_name, changes) => {
    expect(CallChangesSchema.safeParse(changes).success).toBe(false);
  });

  it('rejects non-objects', () => {
    for (const value of [null, undefined, 'note', 42, []]) expect(CallChangesSchema.safeParse(value).success).toBe(false);
  });
});
