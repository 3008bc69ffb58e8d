// @vitest-environment node
// Close as it really is (issue 14): the stand-in's id__in, event log, Close's own writes, calls in progress,
// header-only 429s, a lead with 250 calls and a German feed. Through a real HTTP server, as stand-in.test.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { DEMO, createCloseStandIn, seedDemoData, startStandInServer } from './index.mjs';
import { apiKeyIdOf } from './events.mjs';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- bodies are asserted field by field

let now = Date.parse('2026-11-24T10:00:00Z');
const standIn = createCloseStandIn({ data: seedDemoData({ closeAsItIs: true }), now: () => now });
let server: Awaited<ReturnType<typeof startStandInServer>>;
beforeAll(async () => {
  server = await startStandInServer({ standIn, tls: false });
});
afterAll(() => server.close());
beforeEach(() => {
  now = Date.parse('2026-11-24T10:00:00Z');
  standIn.reset(seedDemoData({ closeAsItIs: true }));
});

const REAL = DEMO.closeAsItIs;
const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
async function request(path: string, { method = 'GET', key = DEMO.apiKey, body, host = 'api.close.com' }: {
  method?: string; key?: string; body?: unknown; host?: string;
} = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      'x-stand-in-host': host,
      authorization: basic(key),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
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
const api = (path: string, options?: Parameters<typeof request>[1]) => request(`/api/v1${path}`, options);
const eventsOf = (callId: string, extra = '') => api(`/event/?object_type=activity.call&object_id=${callId}${extra}`);

describe('id__in: which ids are calls', () => {
  const ids = [REAL.germanEmail.id, REAL.germanCalls.outbound.id, DEMO.otherCall.id, 'acti_nope'];

  it('/activity/call/ answers with the calls among the ids, of the key\'s organisation only', async () => {
    const res = await api(`/activity/call/?id__in=${ids.join(',')}&_fields=id`);
    expect(res.json).toEqual({ data: [{ id: REAL.germanCalls.outbound.id }], has_more: false });
  });

  it('/activity/ answers with every activity among them, emails as Email', async () => {
    const res = await api(`/activity/?id__in=${ids.join(',')}&_fields=id,_type`);
    expect(res.json.data).toEqual([
      { id: REAL.germanCalls.outbound.id, _type: 'Call' },
      { id: REAL.germanEmail.id, _type: 'Email' },
    ]);
    const callsOnly = await api(`/activity/?id__in=${ids.join(',')}&_type__in=Call&_fields=id`);
    expect(callsOnly.json.data).toEqual([{ id: REAL.germanCalls.outbound.id }]);
  });
});

describe('a lead with 250 calls', () => {
  it('pages with _skip/_limit and has_more, newest first, every call once', async () => {
    const seen: string[] = [];
    for (let skip = 0; ; skip += 100) {
      const page = await api(`/activity/call/?lead_id=${REAL.busyLead.id}&_skip=${skip}&_limit=100&_fields=id`);
      seen.push(...page.json.data.map((c: Json) => c.id));
      if (!page.json.has_more) break;
    }
    expect(seen).toHaveLength(250);
    expect(seen).toEqual(REAL.busyLead.callIds);
  });
});

describe('calls in progress', () => {
  it('reads in-progress and created', async () => {
    expect((await api(`/activity/call/${REAL.liveCalls.inProgress.id}/?_fields=status`)).json).toEqual({ status: 'in-progress' });
    expect((await api(`/activity/call/${REAL.liveCalls.created.id}/?_fields=status`)).json).toEqual({ status: 'created' });
  });
});

describe('the event log', () => {
  it('records our PUT with our key\'s id, the changed fields and what they were', async () => {
    const callId = DEMO.calls.globexPlainNote.id;
    await api(`/activity/call/${callId}/`, { method: 'PUT', body: { outcome_id: DEMO.outcomes.interested.id } });
    const res = await eventsOf(callId);
    expect(res.status).toBe(200);
    expect(res.json.cursor_next).toBeNull();
    const [event] = res.json.data;
    expect(event).toMatchObject({
      action: 'updated', object_type: 'activity.call', object_id: callId, user_id: DEMO.me.id,
      api_key_id: apiKeyIdOf(DEMO.apiKey), data: { outcome_id: DEMO.outcomes.interested.id }, previous_data: { outcome_id: null },
      meta: { request_method: 'PUT', request_path: `/api/v1/activity/call/${callId}/` },
    });
    expect(event.changed_fields).toEqual(expect.arrayContaining(['outcome_id', 'date_updated']));
    expect(event.changed_fields).not.toContain('note');
    expect(event.request_id).toMatch(/^req_/);
    // The key itself is never in the log.
    expect(JSON.stringify(res.json)).not.toContain(DEMO.apiKey);
  });

  it('is newest first with cursor paging, at most 50 a page', async () => {
    const callId = DEMO.calls.globexPlainNote.id;
    for (let i = 0; i < 53; i++) {
      now += 1000;
      await api(`/activity/call/${callId}/`, { method: 'PUT', body: { note: `edit ${i}` } });
    }
    const first = await eventsOf(callId, '&_limit=500');
    expect(first.json.data).toHaveLength(50);
    expect(first.json.data[0].data.note).toBe('edit 52');
    const second = await eventsOf(callId, `&_cursor=${first.json.cursor_next}`);
    expect(second.json.data.map((e: Json) => e.data.note)).toEqual(['edit 2', 'edit 1', 'edit 0']);
    expect(second.json.cursor_next).toBeNull();
    expect((await eventsOf(callId, '&_cursor=bogus')).status).toBe(400);
  });

  it('keeps 30 days, and shows another organisation nothing', async () => {
    const callId = DEMO.calls.globexPlainNote.id;
    await api(`/activity/call/${callId}/`, { method: 'PUT', body: { note: 'old' } });
    expect((await eventsOf(callId, '')).json.data).toHaveLength(1);
    expect((await api(`/event/?object_id=${callId}`, { key: DEMO.otherApiKey })).json.data).toEqual([]);
    now += 31 * 86_400_000;
    expect((await eventsOf(callId)).json.data).toEqual([]);
  });

  it('names a colleague\'s key as another key', async () => {
    const callId = DEMO.calls.globexPlainNote.id;
    await api(`/activity/call/${callId}/`, { method: 'PUT', body: { note: 'Sam' }, key: DEMO.colleagueApiKey });
    const [event] = (await eventsOf(callId)).json.data;
    expect(event).toMatchObject({ user_id: DEMO.colleague.id, api_key_id: apiKeyIdOf(DEMO.colleagueApiKey) });
    expect(event.api_key_id).not.toBe(apiKeyIdOf(DEMO.apiKey));
  });
});

describe('Close\'s own writes after hang-up', () => {
  const callId = REAL.liveCalls.inProgress.id;
  const call = () => standIn.state.calls.get(callId)!;

  it('status, then the template note at +N, then the AI outcome at +M, each a logged event without user or key', async () => {
    standIn.closeWrites.hangUp(callId, { templateNoteHtml: REAL.hangUp.templateNoteHtml, templateAfterMs: 40, aiOutcomeId: DEMO.outcomes.interested.id, aiOutcomeAfterMs: 80 });
    expect(call().status).toBe('completed');
    expect(call().note_html).toBe('<body><p></p></body>');
    const afterHangUp = call().date_updated;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(call().note_html).toBe(REAL.hangUp.templateNoteHtml);
    expect(call().note).toContain('Pain points:');
    expect(call().outcome_id).toBeNull();
    expect(call().date_updated > afterHangUp).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(call().outcome_id).toBe(DEMO.outcomes.interested.id);
    const events = (await eventsOf(callId)).json.data;
    expect(events.map((e: Json) => e.changed_fields.filter((f: string) => f !== 'date_updated'))).toEqual([
      ['outcome_id'], ['note', 'note_html'], ['status'],
    ]);
    for (const event of events) expect(event).toMatchObject({ user_id: null, api_key_id: null, meta: {} });
  });

  it('keeps reading in-progress for a while after hang-up, if asked', async () => {
    standIn.closeWrites.hangUp(callId, { stillInProgressMs: 10_000 });
    expect(call().status).toBe('in-progress');
    expect(standIn.closeWrites.pending).toBe(1);
    standIn.closeWrites.flush();
    expect(call().status).toBe('completed');
  });

  it('appends the template below a note the rep already has, and autosave is the rep\'s own write', async () => {
    standIn.closeWrites.autosave(callId, 'Gavin wants a demo');
    const [autosave] = (await eventsOf(callId)).json.data;
    expect(autosave).toMatchObject({ user_id: DEMO.me.id, api_key_id: null });
    standIn.closeWrites.hangUp(callId, { templateNoteHtml: REAL.hangUp.templateNoteHtml });
    standIn.closeWrites.flush();
    expect(call().note_html).toBe('<body><p>Gavin wants a demo</p><h1>Call summary</h1><p>Pain points:</p><p>Next steps:</p></body>');
  });

  it('reset() drops writes still scheduled', async () => {
    standIn.closeWrites.hangUp(callId, { aiOutcomeId: DEMO.outcomes.interested.id, aiOutcomeAfterMs: 20 });
    standIn.reset(seedDemoData({ closeAsItIs: true }));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(call().outcome_id).toBeNull();
  });
});

describe('header-only 429s', () => {
  it('a fault with RateLimit and Retry-After, and no body', async () => {
    standIn.faults.add({ kind: '429-headers', rateReset: 2.5 });
    const res = await api('/me/');
    expect(res.status).toBe(429);
    expect(res.text).toBe('');
    expect(res.headers.get('ratelimit')).toBe('limit=100, remaining=0, reset=2.5');
    expect(res.headers.get('retry-after')).toBe('3');
  });

  it('a fault with Retry-After only, or RateLimit only', async () => {
    standIn.faults.add({ kind: '429-headers', rateReset: 4, rateLimitHeader: false });
    standIn.faults.add({ kind: '429-headers', rateReset: 4, retryAfter: false });
    const a = await api('/me/');
    expect([a.headers.get('ratelimit'), a.headers.get('retry-after')]).toEqual([null, '4']);
    const b = await api('/me/');
    expect([b.headers.get('ratelimit'), b.headers.get('retry-after')]).toEqual(['limit=100, remaining=0, reset=4', null]);
  });

  it('the limiter itself, with headersOnly', async () => {
    const limited = createCloseStandIn({ rateLimit: { limit: 1, windowSeconds: 8, headersOnly: true }, now: () => now });
    const other = await startStandInServer({ standIn: limited, tls: false });
    try {
      const get = () => fetch(`${other.url}/api/v1/me/`, { headers: { 'x-stand-in-host': 'api.close.com', authorization: basic(DEMO.apiKey) } });
      expect((await get()).status).toBe(200);
      const res = await get();
      expect(res.status).toBe(429);
      expect(await res.text()).toBe('');
      expect(res.headers.get('ratelimit')).toBe('limit=1, remaining=0, reset=8');
    } finally {
      await other.close();
    }
  });

  it('a 400 fault', async () => {
    standIn.faults.add({ kind: '400', path: '/api/v1/activity/call/' });
    expect((await api('/activity/call/?id__in=acti_x')).status).toBe(400);
  });
});

describe('pages', () => {
  const parse = (html: string) => {
    const window = new Window();
    window.document.write(html);
    return window.document;
  };

  it('a German feed: no English word "call", an email whose subject says "Call", ids in links', async () => {
    const res = await request(`/lead/${REAL.germanLead.id}/`, { host: 'app.close.com' });
    const doc = parse(res.text);
    const items = [...doc.querySelectorAll('li.ActivityFeed_item__x7Gh2')];
    expect(items.map((li) => li.querySelector('a[href*="acti_"]')!.getAttribute('href')!.split('=')[1])).toEqual([
      REAL.germanCalls.outbound.id, REAL.germanEmail.id, REAL.germanCalls.inbound.id,
    ]);
    expect(items[0]!.textContent).toContain('Ausgehender Anruf');
    expect(items[2]!.textContent).toContain('Eingehender Anruf');
    for (const call of [items[0]!, items[2]!]) expect(call.textContent).not.toMatch(/\bcall\b/i);
    expect(items[1]!.textContent).toMatch(/\bCall\b/);
  });

  it('the inbox links an email first, then a call', async () => {
    const doc = parse((await request('/inbox/', { host: 'app.close.com' })).text);
    const hrefs = [...doc.querySelectorAll('main a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      `/lead/${REAL.germanLead.id}/#activityId=${REAL.germanEmail.id}`,
      `/lead/${REAL.germanLead.id}/#activityId=${REAL.germanCalls.outbound.id}`,
    ]);
  });

  it('the default seed keeps its inbox without links and its leads', async () => {
    standIn.reset();
    const doc = parse((await request('/inbox/', { host: 'app.close.com' })).text);
    expect(doc.querySelectorAll('main a')).toHaveLength(0);
    expect(standIn.state.calls.size).toBe(Object.keys(DEMO.calls).length + 1);
  });
});
