// @vitest-environment node
// The stand-in is what our end-to-end tests trust in place of Close, so its own behaviour is pinned here, through a
// real HTTP server (Node's fetch cannot set Host, hence the x-stand-in-host header).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { DEMO, createCloseStandIn, seedDemoData, startStandInServer } from './index.mjs';
import { noteHtmlToPlainText } from './notes.mjs';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- bodies are asserted field by field

const standIn = createCloseStandIn();
let server: Awaited<ReturnType<typeof startStandInServer>>;

beforeAll(async () => {
  server = await startStandInServer({ standIn, tls: false });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  standIn.reset();
});

const basic = (key: string, password = '') => `Basic ${Buffer.from(`${key}:${password}`).toString('base64')}`;

interface CallOptions {
  method?: string;
  key?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
  host?: string;
  at?: typeof server;
}

async function request(path: string, options: CallOptions = {}) {
  const { method = 'GET', key = DEMO.apiKey, body, headers = {}, host = 'api.close.com', at = server } = options;
  const res = await fetch(`${at.url}${path}`, {
    method,
    headers: {
      'x-stand-in-host': host,
      ...(key ? { authorization: basic(key) } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: Json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

const api = (path: string, options?: CallOptions) => request(`/api/v1${path}`, options);
const put = (id: string, body: unknown, options?: CallOptions) => api(`/activity/call/${id}/`, { method: 'PUT', body, ...options });
const stored = (id: string) => {
  const call = standIn.state.calls.get(id);
  if (!call) throw new Error(`no call ${id}`);
  return call;
};

const { acmeRichNote, acmeRecorded, acmeDeletedOutcome, globexPlainNote } = DEMO.calls;
const UNAUTHORIZED = /^The server could not verify that you are authorized/;

describe('host dispatch', () => {
  it('answers 404 text for hosts other than api/app.close.com', async () => {
    const res = await request('/api/v1/me/', { host: 'example.com' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('uses the Host header when there is no override', async () => {
    const res = await fetch(`${server.url}/api/v1/me/`); // Host: 127.0.0.1:port
    expect(res.status).toBe(404);
  });
});

describe('authentication', () => {
  it.each([
    ['no Authorization header', {}],
    ['an unknown key', { authorization: basic('api_unknown.key') }],
    ['a Bearer token', { authorization: `Bearer ${DEMO.apiKey}` }],
    ['a non-empty password', { authorization: basic(DEMO.apiKey, 'secret') }],
  ])('refuses %s with 401', async (_name, headers) => {
    const res = await api('/me/', { key: null, headers });
    expect(res.status).toBe(401);
    expect(res.json.error).toMatch(UNAUTHORIZED);
  });

  it('accepts Basic base64("key:")', async () => {
    const res = await api('/me/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
  });
});

describe('GET /me/', () => {
  it('describes the key owner and honours _fields', async () => {
    const full = await api('/me/');
    expect(full.json).toMatchObject({
      id: DEMO.me.id, email: 'rep@acme-demo.example', first_name: DEMO.me.first_name, last_name: DEMO.me.last_name,
      organizations: [{ id: DEMO.organization.id, name: 'Acme Demo Inc' }],
    });
    expect(full.json.memberships).toHaveLength(1);
    const some = await api('/me/?_fields=id,email');
    expect(some.json).toEqual({ id: DEMO.me.id, email: DEMO.me.email });
  });

  it('knows the other organisation\'s user', async () => {
    const res = await api('/me/?_fields=id,organizations', { key: DEMO.otherApiKey });
    expect(res.json.id).toBe(DEMO.otherUser.id);
    expect(res.json.organizations[0].id).toBe(DEMO.otherOrganization.id);
  });
});

describe('unknown routes and methods', () => {
  it('404s unknown API paths and paths without the trailing slash', async () => {
    expect((await api('/nothing/')).json).toEqual({ error: 'Not found' });
    expect((await api('/me')).status).toBe(404);
  });

  it('405s a wrong method', async () => {
    const res = await api('/me/', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });
});

describe('GET /outcome/', () => {
  it('lists the organisation\'s outcomes only, in the documented shape', async () => {
    const res = await api('/outcome/');
    expect(res.json.has_more).toBe(false);
    const ids = res.json.data.map((o: Json) => o.id);
    expect(ids).toHaveLength(Object.keys(DEMO.outcomes).length);
    expect(ids).not.toContain(DEMO.otherOrgOutcome.id);
    expect(ids).not.toContain(DEMO.deletedOutcomeId);
    for (const o of res.json.data) {
      expect(o.id).toMatch(/^outcome_[A-Za-z0-9]{22}$/);
      expect(Object.keys(o).sort()).toEqual(['applies_to', 'created_by', 'date_created', 'date_updated', 'description',
        'id', 'name', 'organization_id', 'type', 'updated_by']);
    }
    expect(res.json.data.find((o: Json) => o.id === DEMO.outcomes.meetingHeld.id).applies_to).toEqual(['meetings']);
    expect(res.json.data.find((o: Json) => o.id === DEMO.outcomes.voicemailDropped.id).type).toBe('vm-dropped');
  });

  it('pages with _skip/_limit, default and maximum 100', async () => {
    standIn.reset(seedDemoData({ extraOutcomes: 150 }));
    const total = Object.keys(DEMO.outcomes).length + 150;
    const first = await api('/outcome/');
    expect(first.json.data).toHaveLength(100);
    expect(first.json.has_more).toBe(true);
    const second = await api('/outcome/?_skip=100&_limit=100');
    expect(second.json.data).toHaveLength(total - 100);
    expect(second.json.has_more).toBe(false);
    const ids = new Set([...first.json.data, ...second.json.data].map((o: Json) => o.id));
    expect(ids.size).toBe(total);
    expect((await api('/outcome/?_limit=500')).json.data).toHaveLength(100);
    expect((await api('/outcome/?_limit=3&_skip=2')).json).toMatchObject({ has_more: true, data: { length: 3 } });
    expect((await api('/outcome/?_limit=abc')).status).toBe(400);
  });

  it('honours _fields on every item', async () => {
    const res = await api('/outcome/?_fields=id,name');
    for (const o of res.json.data) expect(Object.keys(o)).toEqual(['id', 'name']);
  });

  it('offers DEMO.manyOutcomes(n) with stable, distinct, well-formed ids', () => {
    const a = DEMO.manyOutcomes(120);
    expect(new Set(a.map((o) => o.id)).size).toBe(120);
    expect(a.map((o) => o.id)).toEqual(DEMO.manyOutcomes(120).map((o) => o.id));
    for (const o of a) expect(o.id).toMatch(/^outcome_[A-Za-z0-9]{22}$/);
  });
});

describe('GET calls', () => {
  it('lists a lead\'s calls newest first', async () => {
    const res = await api(`/activity/call/?lead_id=${DEMO.leads.acme.id}`);
    const ids = res.json.data.map((c: Json) => c.id);
    expect(ids).toEqual(DEMO.leads.acme.callIds);
    expect(ids[0]).toBe(DEMO.leads.acme.latestCallId);
    expect(DEMO.leads.acme.latestCallId).toBe(acmeRichNote.id);
    expect(res.json.has_more).toBe(false);
  });

  it('returns an empty list for an unknown lead or another organisation\'s key', async () => {
    expect((await api('/activity/call/?lead_id=lead_nope')).json).toEqual({ data: [], has_more: false });
    const other = await api(`/activity/call/?lead_id=${DEMO.leads.acme.id}`, { key: DEMO.otherApiKey });
    expect(other.json).toEqual({ data: [], has_more: false });
  });

  it('lists all calls of the organisation without lead_id, with paging and _fields', async () => {
    const all = await api('/activity/call/');
    expect(all.json.data).toHaveLength(Object.keys(DEMO.calls).length);
    const page = await api('/activity/call/?_limit=2&_fields=id,note');
    expect(page.json.has_more).toBe(true);
    expect(Object.keys(page.json.data[0])).toEqual(['id', 'note']);
  });

  it('also lists calls through /activity/?_type__in=Call', async () => {
    const res = await api(`/activity/?lead_id=${DEMO.leads.globex.id}&_type__in=Call`);
    expect(res.json.data.map((c: Json) => c.id)).toEqual(DEMO.leads.globex.callIds);
    expect((await api(`/activity/?lead_id=${DEMO.leads.globex.id}&_type__in=Email`)).json.data).toEqual([]);
  });

  it('gets one call with realistic fields, and 404s an unknown or foreign one', async () => {
    const res = await api(`/activity/call/${acmeRecorded.id}/`);
    expect(res.json).toMatchObject({
      _type: 'Call', id: acmeRecorded.id, lead_id: DEMO.leads.acme.id, source: 'Close.io',
      recording_url: acmeRecorded.recording_url, direction: 'outbound', organization_id: DEMO.organization.id,
    });
    expect(res.json).not.toHaveProperty('recording_deleted');
    const missing = await api('/activity/call/acti_doesnotexist/');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ error: 'Empty query: Activity matching query does not exist.' });
    expect((await api(`/activity/call/${acmeRecorded.id}/`, { key: DEMO.otherApiKey })).status).toBe(404);
  });

  it('has ids of the documented lengths', () => {
    for (const call of Object.values(DEMO.calls)) expect(call.id).toMatch(/^acti_[A-Za-z0-9]{43}$/);
    for (const lead of Object.values(DEMO.leads)) expect(lead.id).toMatch(/^lead_[A-Za-z0-9]{43}$/);
    expect(DEMO.apiKey).toMatch(/^api_[A-Za-z0-9]{22}\.[A-Za-z0-9]{22}$/);
  });
});

describe('PUT /activity/call/{id}/ validation', () => {
  it('404s an unknown call and refuses a non-JSON content type', async () => {
    expect((await put('acti_doesnotexist', { note: 'x' })).status).toBe(404);
    const res = await put(acmeRichNote.id, '{"note":"x"}', { headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(415);
    expect(res.json).toEqual({ error: 'Unsupported media type' });
  });

  it.each([['{"note":'], ['[1,2]'], ['null'], ['"text"']])('refuses body %s as invalid JSON', async (body) => {
    const res = await put(acmeRichNote.id, body);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ errors: ['Invalid JSON body.'], 'field-errors': {} });
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['unknown key', { id: acmeRichNote.id }, { id: 'Unknown field.' }],
    ['note not a string', { note: 5 }, { note: 'Not a valid string.' }],
    ['note_html not a string', { note_html: ['x'] }, { note_html: 'Not a valid string.' }],
    ['duration as string', { duration: '10' }, { duration: 'Not a valid integer.' }],
    ['fractional duration', { duration: 1.5 }, { duration: 'Not a valid integer.' }],
    ['duration too long', { duration: 604801 }, { duration: 'Must be less than or equal to 604800.' }],
    ['unknown status', { status: 'done' }, { status: 'Must be one of: created, in-progress, completed, cancel, no-answer, busy, failed, timeout.' }],
    ['null status', { status: null }, { status: 'Field may not be null.' }],
    ['phone not E.164', { phone: '415-555-0101' }, { phone: 'Not a valid phone number.' }],
    ['activity_at not a date-time', { activity_at: 'yesterday' }, { activity_at: 'Not a valid datetime.' }],
    ['recording_url not a URL', { recording_url: 'not a url' }, { recording_url: 'Not a valid URL.' }],
    ['custom_fields not a map', { custom_fields: [1] }, { custom_fields: 'Not a valid mapping type.' }],
    ['direction (not writable)', { direction: 'inbound' }, { direction: 'Unknown field.' }],
    ['unknown outcome', { outcome_id: 'outcome_0000000000000000000000' }, { outcome_id: 'Outcome not found.' }],
    ['deleted outcome', { outcome_id: DEMO.deletedOutcomeId }, { outcome_id: 'Outcome not found.' }],
    ['other organisation\'s outcome', { outcome_id: DEMO.otherOrgOutcome.id }, { outcome_id: 'Outcome not found.' }],
    ['meetings-only outcome', { outcome_id: DEMO.outcomes.meetingHeld.id }, { outcome_id: 'Outcome not found.' }],
    ['outcome_id a number', { outcome_id: 3 }, { outcome_id: 'Not a valid string.' }],
  ])('refuses %s', async (_name, body, fieldErrors) => {
    const before = structuredClone(stored(globexPlainNote.id));
    const res = await put(globexPlainNote.id, body);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ errors: [], 'field-errors': fieldErrors });
    expect(stored(globexPlainNote.id)).toEqual(before);
  });

  it('reports every bad field at once', async () => {
    const res = await put(globexPlainNote.id, { foo: 1, duration: 'x', outcome_id: 'outcome_nope' });
    expect(Object.keys(res.json['field-errors']).sort()).toEqual(['duration', 'foo', 'outcome_id']);
  });

  it('accepts every writable field with valid values', async () => {
    const body = {
      activity_at: '2026-11-20T10:00:00+00:00', contact_id: null, conversation_type_id: null, custom_fields: { cf_x: 1 },
      duration: 604800, lead_id: DEMO.leads.globex.id, note: 'n', outcome_id: DEMO.outcomes.meetingBooked.id,
      phone: '+14155550199', playbook_id: null, quality_info: null, recording_url: 'https://example.com/r.mp3',
      status: 'busy', user_id: DEMO.colleague.id, voicemail_url: null, 'custom.cf_abc123': 'x',
    };
    const res = await put(globexPlainNote.id, body);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      duration: 604800, outcome_id: DEMO.outcomes.meetingBooked.id, status: 'busy', user_name: 'Sam Okafor',
      recording_url: 'https://example.com/r.mp3', 'custom.cf_abc123': 'x', 'custom.cf_x': 1,
    });
  });

  it('sets and clears outcome_id', async () => {
    const set = await put(acmeDeletedOutcome.id, { outcome_id: DEMO.outcomes.interested.id });
    expect(set.json.outcome_id).toBe(DEMO.outcomes.interested.id);
    const cleared = await put(acmeDeletedOutcome.id, { outcome_id: null });
    expect(cleared.json.outcome_id).toBeNull();
  });

  it('refuses status, duration and direction on calls made through Close', async () => {
    const res = await put(acmeRecorded.id, { status: 'completed', duration: 185, direction: 'outbound' });
    expect(res.status).toBe(400);
    expect(res.json['field-errors']).toEqual({
      status: 'Cannot be changed for calls made through Close.',
      duration: 'Cannot be changed for calls made through Close.',
      direction: 'Cannot be changed for calls made through Close.',
    });
  });
});

describe('note and note_html', () => {
  it('seeds rich notes whose note is the plain rendering of note_html', () => {
    for (const call of Object.values(DEMO.calls)) {
      if (call.note_html) expect(noteHtmlToPlainText(call.note_html)).toBe(call.note);
    }
    expect(acmeRichNote.note_html).toMatch(/<ul><li>/);
    expect(acmeDeletedOutcome).toMatchObject({ note: '', note_html: '<body><p></p></body>' });
  });

  it('note overwrites note_html with escaped text, newlines as <br />', async () => {
    const res = await put(acmeRichNote.id, { note: 'a < b & c\nsecond "line"' });
    expect(res.json.note).toBe('a < b & c\nsecond "line"');
    expect(res.json.note_html).toBe('<body><p>a &lt; b &amp; c<br />second &quot;line&quot;</p></body>');
    expect(res.json.note_html).not.toContain('<strong>'); // the rich text is gone, as on Close
  });

  it('note_html overwrites note with its plain rendering and is wrapped in <body>', async () => {
    const res = await put(globexPlainNote.id, { note_html: '<p>Hi <strong>there</strong> &amp; welcome</p><ul><li>one</li><li>two</li></ul><p>x<br>y</p>' });
    expect(res.json.note_html).toBe('<body><p>Hi <strong>there</strong> &amp; welcome</p><ul><li>one</li><li>two</li></ul><p>x<br>y</p></body>');
    expect(res.json.note).toBe('Hi there & welcome\none\ntwo\nx\ny');
  });

  it('does not wrap note_html that already has <body>', async () => {
    const res = await put(globexPlainNote.id, { note_html: '<body><p>ok</p></body>' });
    expect(res.json.note_html).toBe('<body><p>ok</p></body>');
  });

  it('lets note_html win when both are sent', async () => {
    const res = await put(globexPlainNote.id, { note: 'plain loses', note_html: '<p>rich <em>wins</em></p>' });
    expect(res.json).toMatchObject({ note: 'rich wins', note_html: '<body><p>rich <em>wins</em></p></body>' });
  });

  it('treats null as an empty note', async () => {
    const res = await put(acmeRichNote.id, { note: null });
    expect(res.json).toMatchObject({ note: '', note_html: '<body><p></p></body>' });
  });
});

describe('updates', () => {
  it('bumps date_updated strictly and records who updated', async () => {
    const before = stored(acmeRichNote.id).date_updated;
    const stamps = [before];
    for (let i = 0; i < 5; i += 1) {
      const res = await put(acmeRichNote.id, { note: `edit ${i}` }, { key: DEMO.colleagueApiKey });
      stamps.push(res.json.date_updated);
      expect(res.json).toMatchObject({ updated_by: DEMO.colleague.id, updated_by_name: 'Sam Okafor' });
    }
    for (let i = 1; i < stamps.length; i += 1) expect(stamps[i]! > stamps[i - 1]!).toBe(true);
    expect(stamps[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/);
  });

  it('returns the full call and GET shows the change', async () => {
    const res = await put(acmeRichNote.id, { outcome_id: DEMO.outcomes.noAnswer.id });
    expect(res.json).toMatchObject({ _type: 'Call', id: acmeRichNote.id, note_html: acmeRichNote.note_html });
    expect((await api(`/activity/call/${acmeRichNote.id}/`)).json.outcome_id).toBe(DEMO.outcomes.noAnswer.id);
  });

  it('cannot update another organisation\'s call', async () => {
    expect((await put(acmeRichNote.id, { note: 'x' }, { key: DEMO.otherApiKey })).status).toBe(404);
  });
});

describe('recordings of calls made through Close', () => {
  it('survive updates that do not send recording_url or voicemail_url', async () => {
    await put(acmeRecorded.id, { note: 'new', outcome_id: DEMO.outcomes.interested.id });
    await put(acmeRecorded.id, { note_html: '<p>newer</p>', activity_at: '2026-11-20T10:05:00Z' });
    expect(stored(acmeRecorded.id)).toMatchObject({ recording_deleted: false, recording_url: acmeRecorded.recording_url });
  });

  it('are deleted when recording_url is sent, even unchanged', async () => {
    const res = await put(acmeRecorded.id, { recording_url: acmeRecorded.recording_url });
    expect(res.status).toBe(200);
    expect(res.json.recording_url).toBeNull();
    expect(stored(acmeRecorded.id).recording_deleted).toBe(true);
  });

  it('are deleted when voicemail_url is cleared', async () => {
    await put(acmeRecorded.id, { voicemail_url: null });
    expect(stored(acmeRecorded.id).recording_deleted).toBe(true);
  });

  it('is not a concern for external calls, whose recording_url is just data', async () => {
    const res = await put(globexPlainNote.id, { recording_url: 'https://example.com/a.mp3' });
    expect(res.json.recording_url).toBe('https://example.com/a.mp3');
    expect(stored(globexPlainNote.id).recording_deleted).toBe(false);
  });
});

describe('rate limits', () => {
  const HEADER = /^limit=(\d+), remaining=(\d+), reset=(\d+(?:\.\d{1,3})?)$/;

  it('puts a RateLimit header on every API answer, errors included', async () => {
    for (const res of [await api('/me/'), await api('/me/', { key: null }), await api('/activity/call/acti_x/')]) {
      const m = HEADER.exec(res.headers.get('ratelimit') ?? '');
      expect(m).not.toBeNull();
      expect(Number(m![1])).toBe(100);
      expect(Number(m![3])).toBeLessThanOrEqual(10);
    }
  });

  it('answers 429 in the flat shape once a key exceeds the limit, until the window ends', async () => {
    let now = 1_000_000;
    const limited = createCloseStandIn({ rateLimit: { limit: 2, windowSeconds: 8 }, now: () => now });
    const srv = await startStandInServer({ standIn: limited, tls: false });
    try {
      const first = await api('/me/', { at: srv });
      expect(first.headers.get('ratelimit')).toBe('limit=2, remaining=1, reset=8');
      now += 1500;
      expect((await api('/me/', { at: srv })).headers.get('ratelimit')).toBe('limit=2, remaining=0, reset=6.5');
      now += 250;
      const refused = await api('/outcome/', { at: srv });
      expect(refused.status).toBe(429);
      expect(refused.json).toEqual({
        message: 'API call count exceeded for this period', rate_reset: '6.250000', rate_limit: 2, rate_window: 8,
        rate_limit_type: 'key', rate_endpoint_group: 'outcome',
      });
      expect(refused.headers.get('ratelimit')).toBe('limit=2, remaining=0, reset=6.25');
      expect(refused.headers.get('retry-after')).toBe('7');
      expect((await api('/me/', { at: srv, key: DEMO.colleagueApiKey })).status).toBe(200); // per key
      now += 6250;
      expect((await api('/me/', { at: srv })).status).toBe(200);
      expect(limited.requests.map((r) => r.status)).toEqual([200, 200, 429, 200, 200]);
    } finally {
      await srv.close();
    }
  });
});

describe('faults', () => {
  it('429: flat body with rate_reset as a string, RateLimit and Retry-After headers', async () => {
    standIn.faults.add({ kind: '429', path: '/api/v1/me/', rateReset: 0.6 });
    const res = await api('/me/');
    expect(res.status).toBe(429);
    expect(res.json).toMatchObject({ message: 'API call count exceeded for this period', rate_reset: '0.600000', rate_limit_type: 'key' });
    expect(res.headers.get('ratelimit')).toBe('limit=100, remaining=0, reset=0.6');
    expect(res.headers.get('retry-after')).toBe('1');
    expect((await api('/me/')).status).toBe(200); // times defaults to 1
  });

  it('429-nested: the error object with a numeric rate_reset', async () => {
    standIn.faults.add({ kind: '429-nested', rateReset: 0.87 });
    const res = await api('/outcome/');
    expect(res.status).toBe(429);
    expect(res.json.error).toMatchObject({ message: 'API call count exceeded for this period', rate_reset: 0.87 });
  });

  it.each(['500', '502', '503', '504'] as const)('%s answers that status', async (kind) => {
    standIn.faults.add({ kind });
    const res = await api('/me/');
    expect(res.status).toBe(Number(kind));
    expect(res.json.error).toEqual(expect.any(String));
  });

  it('non-json-500 answers HTML', async () => {
    standIn.faults.add({ kind: 'non-json-500' });
    const res = await api('/me/');
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(res.text).toBe('<html>Internal Server Error</html>');
  });

  it('drop closes the connection without an answer and logs status 0', async () => {
    standIn.faults.add({ kind: 'drop', method: 'PUT' });
    await expect(put(acmeRichNote.id, { note: 'lost' })).rejects.toThrow();
    expect(standIn.requests.at(-1)).toMatchObject({ method: 'PUT', status: 0, body: { note: 'lost' } });
    expect(stored(acmeRichNote.id).note).toBe(acmeRichNote.note);
  });

  it('drop-after-apply applies the update but never answers', async () => {
    standIn.faults.add({ kind: 'drop-after-apply', method: 'PUT' });
    await expect(put(acmeRichNote.id, { note: 'applied' })).rejects.toThrow();
    expect(standIn.requests.at(-1)?.status).toBe(0);
    expect(stored(acmeRichNote.id).note).toBe('applied');
  });

  it('latency delays, then answers normally', async () => {
    standIn.faults.add({ kind: 'latency', ms: 300 });
    const started = Date.now();
    const res = await api('/me/');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(res.status).toBe(200);
  });

  it('matches method and path (string or RegExp), and counts times', async () => {
    standIn.faults.add({ kind: '503', method: 'PUT', path: /^\/api\/v1\/activity\/call\//, times: 2 });
    expect((await api(`/activity/call/${acmeRichNote.id}/`)).status).toBe(200);
    expect((await put(acmeRichNote.id, { note: 'a' })).status).toBe(503);
    expect((await put(acmeRichNote.id, { note: 'b' })).status).toBe(503);
    expect((await put(acmeRichNote.id, { note: 'c' })).status).toBe(200);
    standIn.faults.add({ kind: '500', path: '/api/v1/outcome/', times: Infinity });
    for (let i = 0; i < 3; i += 1) expect((await api('/outcome/')).status).toBe(500);
    expect((await api('/me/')).status).toBe(200);
    standIn.faults.clear();
    expect((await api('/outcome/')).status).toBe(200);
  });

  it('5xx until told: a rule for every request, removed by itself, the others left in place', async () => {
    const stop = standIn.faults.add({ kind: '503', method: 'PUT', times: Infinity });
    standIn.faults.add({ kind: '500', path: '/api/v1/me/' });
    for (let i = 0; i < 5; i += 1) expect((await put(acmeRichNote.id, { note: `try ${i}` })).status).toBe(503);
    stop();
    stop(); // twice is harmless
    expect((await put(acmeRichNote.id, { note: 'through' })).status).toBe(200);
    expect((await api('/me/')).status).toBe(500);
  });

  it('429 N times with Retry-After only, then answered', async () => {
    standIn.faults.add({ kind: '429-headers', method: 'PUT', times: 3, rateReset: 1.5, rateLimitHeader: false });
    for (let i = 0; i < 3; i += 1) {
      const res = await put(acmeRichNote.id, { note: 'busy' });
      expect([res.status, res.headers.get('retry-after'), res.headers.get('ratelimit')]).toEqual([429, '2', null]);
    }
    expect((await put(acmeRichNote.id, { note: 'busy' })).status).toBe(200);
  });
});

describe('request log', () => {
  it('records method, host, path, query, headers (with the real Authorization), body and status', async () => {
    await api('/outcome/?_limit=5');
    await put(acmeRichNote.id, { note: 'logged' });
    expect(standIn.requests).toHaveLength(2);
    expect(standIn.requests[0]).toMatchObject({
      method: 'GET', host: 'api.close.com', path: '/api/v1/outcome/', query: { _limit: '5' }, status: 200, body: undefined,
    });
    expect(standIn.requests[0]!.headers.authorization).toBe(basic(DEMO.apiKey));
    expect(standIn.requests[1]).toMatchObject({ method: 'PUT', body: { note: 'logged' }, status: 200 });
    expect(typeof standIn.requests[1]!.time).toBe('number');
  });

  it('is emptied by reset()', async () => {
    await api('/me/');
    standIn.reset();
    expect(standIn.requests).toHaveLength(0);
  });
});

describe('app.close.com pages', () => {
  const app = (path: string) => request(path, { host: 'app.close.com', key: null });

  it('renders a lead page with its calls, Copy Links, times and the other leads in the nav', async () => {
    const res = await app(`/lead/${DEMO.leads.acme.id}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<h1 class="LeadHeader_name__Qm2dX">Acme Anvils &amp; Co.</h1>');
    for (const id of DEMO.leads.acme.callIds) {
      expect(res.text).toContain(`href="/lead/${DEMO.leads.acme.id}/#activityId=${id}">Copy Link</a>`);
    }
    expect(res.text).toContain('<time class="ActivityFeed_time__Hw3Ke" datetime="2026-11-23T15:42:00.000Z">');
    expect(res.text).toContain(`href="/lead/${DEMO.leads.globex.id}/"`);
    expect(res.text).toContain(`href="/lead/${DEMO.leads.initech.id}/"`);
    expect(res.text).not.toContain(DEMO.otherLead.id);
    expect(res.text).toContain('&lt;ops lead&gt; &amp; confirm budget'); // notes are escaped text
    expect(res.text).not.toMatch(/(src|href)="https?:/); // no external resources
  });

  it('serves the inbox at / and /inbox/, 404s unknown and foreign leads', async () => {
    for (const path of ['/', '/inbox/']) {
      const res = await app(path);
      expect(res.status).toBe(200);
      expect(res.text).toContain('>Inbox</h1>');
    }
    expect((await app('/lead/lead_nope/')).status).toBe(404);
    expect((await app(`/lead/${DEMO.otherLead.id}/`)).status).toBe(404);
    expect((await app(`/__stand-in/lead/${DEMO.otherLead.id}.json`)).status).toBe(404);
  });

  it('reflects updates in the JSON endpoint and the page', async () => {
    await put(acmeRichNote.id, { note: 'Updated via the API <b>' });
    const json = await app(`/__stand-in/lead/${DEMO.leads.acme.id}.json`);
    expect(json.json.lead.id).toBe(DEMO.leads.acme.id);
    expect(json.json.calls[0]).toMatchObject({ id: acmeRichNote.id, note: 'Updated via the API <b>' });
    expect(json.json.calls[0]).not.toHaveProperty('recording_deleted');
    const page = await app(`/lead/${DEMO.leads.acme.id}/`);
    expect(page.text).toContain('Updated via the API &lt;b&gt;');
  });

  it('switches leads without a page load, from the JSON endpoint', async () => {
    const page = await app(`/lead/${DEMO.leads.acme.id}/`);
    // Only our own page's script runs here, so happy-dom's warning about untrusted code does not apply.
    const window = new Window({
      url: `https://app.close.com/lead/${DEMO.leads.acme.id}/`,
      settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
    });
    // The page's script fetches relative URLs: send them to our server with the app host.
    const pageFetch = (input: string) => fetch(`${server.url}${input}`, { headers: { 'x-stand-in-host': 'app.close.com' } });
    Object.assign(window, { fetch: pageFetch });
    try {
      window.document.write(page.text);
      const doc = window.document;
      expect(doc.querySelector('h1')?.textContent).toBe('Acme Anvils & Co.');
      const startHistory = window.history.length;
      await put(globexPlainNote.id, { note: 'fresh from the API' });
      (doc.querySelector(`nav a[href="/lead/${DEMO.leads.globex.id}/"]`) as unknown as { click(): void }).click();
      await expect.poll(() => doc.querySelector('h1')?.textContent).toBe('Globex Corporation');
      expect(window.location.pathname).toBe(`/lead/${DEMO.leads.globex.id}/`);
      expect(window.history.length).toBe(startHistory + 1);
      expect(doc.querySelector('main')?.textContent).toContain('fresh from the API');
      const links = [...doc.querySelectorAll('main a')].map((a) => a.getAttribute('href'));
      expect(links).toEqual(DEMO.leads.globex.callIds.map((id) => `/lead/${DEMO.leads.globex.id}/#activityId=${id}`));
      (doc.querySelector('nav a[href="/inbox/"]') as unknown as { click(): void }).click();
      await expect.poll(() => doc.querySelector('h1')?.textContent).toBe('Inbox');
    } finally {
      await window.happyDOM.close();
    }
  });
});
