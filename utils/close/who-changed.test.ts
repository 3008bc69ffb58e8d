import { describe, expect, it } from 'vitest';
import type { CloseEvent } from './schemas';
import { apiKeyIdOf, whoChanged, type WhoChangedInput } from './who-changed';

const REP = 'user_rep000000000000000000';
const SAM = 'user_sam000000000000000000';
const OUR_KEY = 'api_KDpsWOrsB8y2BZtn5Lkgss.l627VapuSYuYsqdHscoVMW';
const SINCE = '2026-11-23T15:40:00.000000+00:00';
const at = (minute: number, micros = 0) => `2026-11-23T15:${String(minute).padStart(2, '0')}:00.000${String(micros).padStart(3, '0')}+00:00`;

let n = 0;
const event = (overrides: Partial<CloseEvent>): CloseEvent => ({
  id: `ev_${++n}`,
  date_created: at(41),
  action: 'updated',
  object_type: 'activity.call',
  object_id: 'acti_x',
  changed_fields: ['note', 'note_html'],
  user_id: null,
  api_key_id: null,
  request_id: null,
  meta: { request_method: 'PUT', request_path: '/api/v1/activity/call/acti_x/' },
  ...overrides,
});

const input = (events: CloseEvent[] | undefined, more: Partial<WhoChangedInput> = {}): WhoChangedInput => ({
  events,
  since: SINCE,
  fields: ['note', 'outcome'],
  ours: { apiKeyIds: [apiKeyIdOf(OUR_KEY)], requestIds: ['req_ours'] },
  callUserId: REP,
  names: new Map([
    [REP, 'Riley Parker'],
    [SAM, 'Sam Okafor'],
  ]),
  ...more,
});

describe('whoChanged', () => {
  it('names a person who changed the note in Close\'s app', () => {
    const result = whoChanged(input([event({ user_id: SAM, date_created: at(42) })]));
    expect(result).toEqual({
      known: true,
      changes: [{ field: 'note', by: { kind: 'person', userId: SAM, name: 'Sam Okafor' }, at: at(42) }],
    });
  });

  it('note and note_html are one change of the note; outcome_id is the outcome', () => {
    const result = whoChanged(input([event({ user_id: SAM, changed_fields: ['note', 'note_html', 'outcome_id'] })]));
    expect(result.known && result.changes.map((c) => c.field)).toEqual(['note', 'outcome']);
  });

  it('"Close" for a change without a user or key: a note template, Close AI\'s outcome', () => {
    const template = event({ date_created: at(43), meta: null });
    const ai = event({ date_created: at(44), changed_fields: ['outcome_id'], meta: null });
    const result = whoChanged(input([ai, template]));
    expect(result.known && result.changes).toEqual([
      { field: 'outcome', by: { kind: 'close' }, at: at(44) },
      { field: 'note', by: { kind: 'close' }, at: at(43) },
    ]);
  });

  it('"Close" for the dialer\'s autosave: the call\'s own user, note only, before the call ended', () => {
    const autosave = event({ user_id: REP, date_created: at(41) });
    const ended = event({ user_id: null, date_created: at(42), changed_fields: ['status'], data: { status: 'completed' } });
    const later = event({ user_id: REP, date_created: at(45) });
    const result = whoChanged(input([later, ended, autosave]));
    expect(result.known && result.changes.map((c) => [c.at, c.by.kind])).toEqual([
      [at(45), 'person'],
      [at(41), 'close'],
    ]);
  });

  it('without an event that ends the call, a note change by its user is that person\'s', () => {
    const result = whoChanged(input([event({ user_id: REP })]));
    expect(result.known && result.changes[0]!.by).toEqual({ kind: 'person', userId: REP, name: 'Riley Parker' });
  });

  it('"another app" for a change made with a key other than ours', () => {
    const result = whoChanged(input([event({ user_id: SAM, api_key_id: 'api_Zapier00000000000000' })]));
    expect(result.known && result.changes[0]!.by).toEqual({ kind: 'another-app' });
  });

  it('never reports our own saves, by key id or by request id', () => {
    expect(whoChanged(input([event({ user_id: REP, api_key_id: apiKeyIdOf(OUR_KEY) })]))).toEqual({ known: false });
    expect(whoChanged(input([event({ user_id: REP, request_id: 'req_ours' })]))).toEqual({ known: false });
  });

  it('only fields the rep changes, only after the version the rep saw', () => {
    const other = event({ user_id: SAM, changed_fields: ['duration', 'contact_id'] });
    const before = event({ user_id: SAM, date_created: at(39) });
    const same = event({ user_id: SAM, date_created: SINCE });
    expect(whoChanged(input([other, same, before]))).toEqual({ known: false });
    expect(whoChanged(input([event({ user_id: SAM, changed_fields: ['outcome_id'] })], { fields: ['note'] }))).toEqual({
      known: false,
    });
  });

  it('compares microseconds: a change 1 µs after the version the rep saw counts', () => {
    const result = whoChanged(input([event({ user_id: SAM, date_created: at(40, 1) })]));
    expect(result.known).toBe(true);
  });

  it('a person whose name we do not know is still a person, without a name', () => {
    const result = whoChanged(input([event({ user_id: 'user_stranger00000000000' })]));
    expect(result.known && result.changes[0]!.by).toEqual({ kind: 'person', userId: 'user_stranger00000000000' });
  });

  it('reads the changed fields from previous_data when changed_fields is missing', () => {
    const result = whoChanged(input([event({ user_id: SAM, changed_fields: null, previous_data: { outcome_id: null } })]));
    expect(result.known && result.changes.map((c) => c.field)).toEqual(['outcome']);
  });

  it('an empty, forbidden (undefined) or too old log: "changed in Close" without a name', () => {
    expect(whoChanged(input([]))).toEqual({ known: false });
    expect(whoChanged(input(undefined))).toEqual({ known: false });
    // Close keeps 30 days: the change we look for is not in it.
    expect(whoChanged(input([event({ user_id: SAM, date_created: '2026-10-01T10:00:00.000000+00:00' })]))).toEqual({
      known: false,
    });
  });
});

describe('apiKeyIdOf', () => {
  it('is the key\'s part before the dot', () => {
    expect(apiKeyIdOf(OUR_KEY)).toBe('api_KDpsWOrsB8y2BZtn5Lkgss');
    expect(apiKeyIdOf('nodot')).toBe('nodot');
  });
});
