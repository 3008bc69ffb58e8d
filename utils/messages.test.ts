import { describe, expect, it } from 'vitest';
import { ContentMessageSchema, PageMessageSchema } from './messages';
import { callId, leadId, outcomeId } from '../test/unit/helpers';

const JOB = '6f1c2a4e-8b1d-4c2e-9f3a-1b2c3d4e5f60';

const valid = (schema: typeof ContentMessageSchema | typeof PageMessageSchema, message: unknown) =>
  schema.safeParse(message).success;

describe('ContentMessageSchema', () => {
  it.each([
    [{ type: 'panel.load', leadId: leadId(1) }],
    [{ type: 'panel.load', callId: callId(1) }],
    [{ type: 'panel.load', leadId: leadId(1), callId: callId(1) }],
    [{ type: 'call.save', saveId: JOB, base: null, callId: callId(1), changes: { note: 'hi' } }],
    [{ type: 'call.save', saveId: JOB, base: null, callId: callId(1), changes: { outcome_id: null } }],
    [{ type: 'call.save', saveId: JOB, base: null, callId: callId(1), changes: { outcome_id: outcomeId(1), note_html: '<body></body>' } }],
    [{ type: 'settings.open' }],
    [{ type: 'calls.more', leadId: leadId(1), skip: 100 }],
  ])('accepts %j', (message) => {
    expect(ContentMessageSchema.parse(message)).toEqual(message);
  });

  it.each([
    ['an unknown type', { type: 'call.delete', callId: callId(1) }],
    ['no type', { callId: callId(1) }],
    ['an extra key on panel.load', { type: 'panel.load', leadId: leadId(1), apiKey: 'x' }],
    ['calls.more without a lead', { type: 'calls.more', skip: 100 }],
    ['calls.more with a path for a lead', { type: 'calls.more', leadId: 'lead_x/../../me', skip: 100 }],
    ['calls.more from the first page (that is panel.load)', { type: 'calls.more', leadId: leadId(1), skip: 0 }],
    ['calls.more with a fractional skip', { type: 'calls.more', leadId: leadId(1), skip: 100.5 }],
    ['calls.more past the last page we ask for', { type: 'calls.more', leadId: leadId(1), skip: 10_001 }],
    ['calls.more with an extra key', { type: 'calls.more', leadId: leadId(1), skip: 100, _limit: 1000 }],
    ['an extra key on settings.open', { type: 'settings.open', url: 'https://evil.example' }],
    ['an extra key on call.save', { type: 'call.save', saveId: JOB, base: null, callId: callId(1), changes: { note: 'a' }, force: true }],
    ['an extra key inside changes', { type: 'call.save', saveId: JOB, base: null, callId: callId(1), changes: { note: 'a', recording_url: '' } }],
    ['empty changes', { type: 'call.save', saveId: JOB, base: null, callId: callId(1), changes: {} }],
    ['both notes', { type: 'call.save', saveId: JOB, base: null, callId: callId(1), changes: { note: 'a', note_html: '<p>a</p>' } }],
    ['no changes', { type: 'call.save', saveId: JOB, base: null, callId: callId(1) }],
    ['no call id on update', { type: 'call.save', saveId: JOB, base: null, changes: { note: 'a' } }],
    ['a traversal call id', { type: 'call.save', saveId: JOB, base: null, callId: 'acti_x/../../me', changes: { note: 'a' } }],
    ['an encoded traversal', { type: 'panel.load', callId: 'acti_abc%2F..' }],
    ['a lead id as call id', { type: 'panel.load', callId: leadId(1) }],
    ['a call id as lead id', { type: 'panel.load', leadId: callId(1) }],
    ['a bad outcome id', { type: 'call.save', saveId: JOB, base: null, callId: callId(1), changes: { outcome_id: 'outcome_x' } }],
    ['a number as lead id', { type: 'panel.load', leadId: 42 }],
    ['a huge lead id', { type: 'panel.load', leadId: `lead_${'a'.repeat(1_000_000)}` }],
    ['a huge note', { type: 'call.save', saveId: JOB, base: null, callId: callId(1), changes: { note: 'x'.repeat(1_000_000) } }],
    ['a key message', { type: 'key.set', apiKey: 'api_0123456789abcdef' }],
    ['key.status', { type: 'key.status' }],
    ['key.clear', { type: 'key.clear' }],
  ])('rejects %s', (_name, message) => {
    expect(valid(ContentMessageSchema, message)).toBe(false);
  });

  it('rejects non-objects', () => {
    for (const value of [null, undefined, 'panel.load', 42, [], [{ type: 'settings.open' }]])
      expect(valid(ContentMessageSchema, value)).toBe(false);
  });
});

describe('PageMessageSchema', () => {
  it('accepts key.set, key.status and key.clear', () => {
    expect(PageMessageSchema.parse({ type: 'key.set', apiKey: 'api_3dBmN5.kqXw9' })).toEqual({
      type: 'key.set',
      apiKey: 'api_3dBmN5.kqXw9',
    });
    expect(valid(PageMessageSchema, { type: 'key.status' })).toBe(true);
    expect(valid(PageMessageSchema, { type: 'key.clear' })).toBe(true);
  });

  it('trims the pasted key', () => {
    expect(PageMessageSchema.parse({ type: 'key.set', apiKey: '  api_3dBmN5kqXw9\n' })).toEqual({
      type: 'key.set',
      apiKey: 'api_3dBmN5kqXw9',
    });
  });

  it.each([
    ['a short key', { type: 'key.set', apiKey: 'abc' }],
    ['an empty key', { type: 'key.set', apiKey: '' }],
    ['a key with a space inside', { type: 'key.set', apiKey: 'api_3dBm N5kqXw9' }],
    ['a key with a newline inside', { type: 'key.set', apiKey: 'api_3dBm\nN5kqXw9' }],
    ['a non-ASCII key', { type: 'key.set', apiKey: 'api_3dBmN5kqXw9\u0430' }],
    ['a huge key', { type: 'key.set', apiKey: 'a'.repeat(201) }],
    ['a non-string key', { type: 'key.set', apiKey: 12345678 }],
    ['no key', { type: 'key.set' }],
    ['an extra key', { type: 'key.status', apiKey: 'api_3dBmN5kqXw9' }],
    ['an extra key on clear', { type: 'key.clear', all: true }],
    ['a content message', { type: 'panel.load', leadId: leadId(1) }],
    ['settings.open', { type: 'settings.open' }],
  ])('rejects %s', (_name, message) => {
    expect(valid(PageMessageSchema, message)).toBe(false);
  });

  it('rejects non-objects', () => {
    for (const value of [null, undefined, 'key.status', 0, []]) expect(valid(PageMessageSchema, value)).toBe(false);
  });
});
