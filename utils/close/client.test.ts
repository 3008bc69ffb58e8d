import { describe, expect, it } from 'vitest';
import { authorizationHeader, createCloseClient } from './client';
import type { CallId, LeadId } from './ids';
import {
  callId,
  jsonResponse,
  leadId,
  makeCall,
  makeOutcome,
  recordingFetch,
  recordingSleep,
  type RecordedRequest,
} from '../../test/unit/helpers';

const KEY = 'api_3dBmN5kqXw9TzLr2.c0ffee';
const CALL = callId(1);

function client(respond: (request: RecordedRequest) => Response | Promise<Response>, rateLimitRetries?: number) {
  const fetch = recordingFetch(respond);
  const sleep = recordingSleep();
  const closeClient = createCloseClient({
    apiKey: KEY,
    fetch: fetch.fetch,
    sleep: sleep.sleep,
    ...(rateLimitRetries !== undefined && { rateLimitRetries }),
  });
  return { closeClient, requests: fetch.requests, waits: sleep.waits };
}

describe('requests', () => {
  it('authorises with Basic base64("key:")', () => {
    expect(authorizationHeader(KEY)).toBe(`Basic ${Buffer.from(`${KEY}:`).toString('base64')}`);
    expect(atob(authorizationHeader('abc').slice('Basic '.length))).toBe('abc:');
  });

  it('PUTs exactly the changes to the call\'s URL', async () => {
    const changes = { outcome_id: null, note: 'Follow up Tuesday' };
    const { closeClient, requests } = client(() => jsonResponse(200, makeCall({ id: CALL, note: 'Follow up Tuesday' })));
    const result = await closeClient.updateCall(CALL, changes);
    expect(result.ok).toBe(true);
    expect(requests).toHaveLength(1);
    const [put] = requests;
    expect(put!.url.href).toBe(`https://api.close.com/api/v1/activity/call/${CALL}/`);
    expect(put!.method).toBe('PUT');
    expect(put!.headers.authorization).toBe(`Basic ${btoa(`${KEY}:`)}`);
    expect(put!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(put!.body!)).toEqual(changes);
    expect(Object.keys(JSON.parse(put!.body!))).toEqual(['outcome_id', 'note']);
  });

  it('GETs without a body or Content-Type, with the key only in the Authorization header', async () => {
    const { closeClient, requests } = client(() => jsonResponse(200, makeCall({ id: CALL })));
    await closeClient.getCall(CALL);
    const [get] = requests;
    expect(get!.method).toBe('GET');
    expect(`${get!.url.origin}${get!.url.pathname}`).toBe(`https://api.close.com/api/v1/activity/call/${CALL}/`);
    expect(get!.url.searchParams.get('_fields')?.split(',')).toContain('note_html');
    expect(get!.headers).not.toHaveProperty('content-type');
    expect(get!.body).toBeUndefined();
    expect(get!.url.href).not.toContain(KEY);
    expect(get!.headers.authorization).toBe(`Basic ${btoa(`${KEY}:`)}`);
  });

  it('checks a key with GET /me/', async () => {
    const me = { id: 'user_x', email: 'rep@example.com', first_name: 'Ann', organizations: [{ id: 'orga_x', name: 'Acme' }] };
    const { closeClient, requests } = client(() => jsonResponse(200, me));
    const result = await closeClient.me();
    expect(result).toEqual({ ok: true, value: me });
    expect(requests[0]!.url.pathname).toBe('/api/v1/me/');
  });

  it.each([
    'acti_x/../../me',
    'acti_abc%2F..',
    `${CALL}/../me`,
    `${CALL}?x=1`,
    leadId(1),
  ])('throws before any fetch for the call id %j', async (bad) => {
    const { closeClient, requests } = client(() => jsonResponse(200, {}));
    expect(() => closeClient.getCall(bad as CallId)).toThrow(TypeError);
    expect(() => closeClient.updateCall(bad as CallId, { note: 'x' })).toThrow(TypeError);
    expect(requests).toHaveLength(0);
  });

  it('throws before any fetch for a bad lead id', async () => {
    const { closeClient, requests } = client(() => jsonResponse(200, { data: [], has_more: false }));
    await expect(closeClient.listLeadCalls('lead_x/../../me' as LeadId)).rejects.toThrow(TypeError);
    expect(requests).toHaveLength(0);
  });
});

describe('outcomes', () => {
  it('pages with _skip and keeps only outcomes for calls', async () => {
    const page1 = Array.from({ length: 100 }, (_, i) => makeOutcome(i + 1));
    const page2 = Array.from({ length: 100 }, (_, i) =>
      makeOutcome(i + 101, i === 0 ? { applies_to: ['meetings'] } : i === 1 ? { applies_to: undefined } : {}),
    );
    const page3 = [
      makeOutcome(201, { applies_to: ['calls', 'meetings'] }),
      makeOutcome(202, { applies_to: ['meetings'] }),
      makeOutcome(203, { applies_to: null }),
    ];
    const pages = [page1, page2, page3];
    const { closeClient, requests } = client((request) => {
      const skip = Number(request.url.searchParams.get('_skip'));
      const index = skip / 100;
      return jsonResponse(200, { data: pages[index], has_more: index < 2 });
    });

    const result = await closeClient.listCallOutcomes();
    expect(requests.map((r) => r.url.searchParams.get('_skip'))).toEqual(['0', '100', '200']);
    expect(requests.every((r) => r.url.pathname === '/api/v1/outcome/' && r.method === 'GET')).toBe(true);
    expect(requests[0]!.url.searchParams.get('_limit')).toBe('100');
    if (!result.ok) throw new Error('expected outcomes');
    const ids = result.value.map((o) => o.id);
    expect(ids).toHaveLength(100 + 99 + 2);
    expect(ids).not.toContain(makeOutcome(101).id);
    expect(ids).not.toContain(makeOutcome(202).id);
    expect(ids).toContain(makeOutcome(102).id); // applies_to missing: an old call outcome
    expect(ids).toContain(makeOutcome(201).id);
    expect(ids).toContain(makeOutcome(203).id);
    expect(ids[0]).toBe(makeOutcome(1).id);
  });

  it('stops on a failed page and returns its error', async () => {
    const { closeClient, requests } = client((request) =>
      request.url.searchParams.get('_skip') === '0'
        ? jsonResponse(200, { data: [makeOutcome(1)], has_more: true })
        : jsonResponse(500, undefined),
    );
    const result = await closeClient.listCallOutcomes();
    expect(result).toMatchObject({ ok: false, error: { kind: 'server' } });
    expect(requests).toHaveLength(2);
  });
});

describe('listLeadCalls', () => {
  it('asks for the lead\'s calls and sorts them newest first', async () => {
    const calls = [
      makeCall({ id: callId(1), activity_at: '2026-03-01T10:00:00Z' }),
      makeCall({ id: callId(2), activity_at: '2026-03-10T10:00:00Z' }),
      makeCall({ id: callId(3), activity_at: null, date_created: '2026-03-05T10:00:00Z' }),
      makeCall({ id: callId(4), activity_at: '2026-03-12T09:00:00Z' }),
    ];
    const { closeClient, requests } = client(() => jsonResponse(200, { data: calls, has_more: false }));
    const result = await closeClient.listLeadCalls(leadId(1));
    expect(requests[0]!.url.pathname).toBe('/api/v1/activity/call/');
    expect(requests[0]!.url.searchParams.get('lead_id')).toBe(leadId(1));
    if (!result.ok) throw new Error('expected calls');
    expect(result.value.map((c) => c.id)).toEqual([callId(4), callId(2), callId(3), callId(1)]);
  });
});

describe('rate limits', () => {
  it('waits as long as Close asked, then retries by itself', async () => {
    let count = 0;
    const { closeClient, requests, waits } = client(() =>
      ++count === 1
        ? jsonResponse(429, { message: 'API call count exceeded for this period', rate_reset: '0.595956' })
        : jsonResponse(200, makeCall({ id: CALL })),
    );
    const result = await closeClient.updateCall(CALL, { note: 'x' });
    expect(result.ok).toBe(true);
    expect(waits).toEqual([596]);
    expect(requests).toHaveLength(2);
    expect(requests[1]!.body).toBe(requests[0]!.body);
  });

  it('uses the RateLimit header\'s reset when present', async () => {
    let count = 0;
    const { closeClient, waits } = client(() =>
      ++count === 1
        ? jsonResponse(429, { error: { message: 'slow down', rate_reset: 0.87 } }, { RateLimit: 'limit=100, remaining=0, reset=3' })
        : jsonResponse(200, makeCall({ id: CALL })),
    );
    expect((await closeClient.getCall(CALL)).ok).toBe(true);
    expect(waits).toEqual([3000]);
  });

  it('gives up after rateLimitRetries with a rate-limited error', async () => {
    const { closeClient, requests, waits } = client(
      () => jsonResponse(429, { error: { message: 'API call count exceeded', rate_reset: 1.5 } }),
      2,
    );
    const result = await closeClient.updateCall(CALL, { note: 'x' });
    expect(requests).toHaveLength(3);
    expect(waits).toEqual([1500, 1500]);
    expect(result).toMatchObject({ ok: false, error: { kind: 'rate-limited', status: 429, retryAfterSeconds: 1.5 } });
  });

  it('does not wait longer than allowed: tells the rep instead', async () => {
    const { closeClient, requests, waits } = client(() => jsonResponse(429, {}, { 'Retry-After': '3600' }));
    const result = await closeClient.getCall(CALL);
    expect(waits).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryAfterSeconds: 3600 } });
  });
});

describe('failures', () => {
  it('a fetch that throws is offline', async () => {
    const { closeClient } = client(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(await closeClient.updateCall(CALL, { note: 'x' })).toMatchObject({ ok: false, error: { kind: 'offline' } });
  });

  it.each([
    ['HTML', '<html>oops</html>'],
    ['empty', ''],
    ['JSON of the wrong shape', JSON.stringify({ id: 'not-a-call' })],
  ])('a 200 with an unreadable body (%s) is bad-response', async (_name, body) => {
    const { closeClient } = client(() => new Response(body, { status: 200 }));
    expect(await closeClient.getCall(CALL)).toMatchObject({ ok: false, error: { kind: 'bad-response', status: 200 } });
  });

  it('a 5xx with an HTML body is a server error', async () => {
    const { closeClient, waits } = client(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(await closeClient.getCall(CALL)).toMatchObject({ ok: false, error: { kind: 'server', status: 502 } });
    expect(waits).toEqual([]);
  });

  it('a 401 is an auth error and a 404 is not-found', async () => {
    const auth = client(() => jsonResponse(401, { error: 'The server could not verify that you are authorized' }));
    expect(await auth.closeClient.me()).toMatchObject({ ok: false, error: { kind: 'auth' } });
    const gone = client(() => jsonResponse(404, { error: 'Empty query: Activity matching query does not exist.' }));
    expect(await gone.closeClient.getCall(CALL)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('a response is stripped to the fields we read', async () => {
    const { closeClient } = client(() =>
      jsonResponse(200, { ...makeCall({ id: CALL }), recording_url: 'https://rec.example/x.mp3', voicemail_url: null }),
    );
    const result = await closeClient.getCall(CALL);
    if (!result.ok) throw new Error('expected a call');
    expect(result.value).not.toHaveProperty('recording_url');
    expect(result.value).not.toHaveProperty('voicemail_url');
  });
});
