import { describe, expect, it } from 'vitest';
import { CONFIRM_BATCH, createCloseClient } from './client';
import type { CallId } from './ids';
import { callId, jsonResponse, leadId, makeCall, recordingFetch, recordingSleep, type RecordedRequest } from '../../test/unit/helpers';

// Issue 14: every call of a lead, ids confirmed by Close, the event log, header-only 429s.

function client(respond: (request: RecordedRequest) => Response | Promise<Response>, rateLimitRetries?: number) {
  const fetch = recordingFetch(respond);
  const sleep = recordingSleep();
  const closeClient = createCloseClient({
    apiKey: 'api_3dBmN5kqXw9TzLr2.c0ffee',
    fetch: fetch.fetch,
    sleep: sleep.sleep,
    ...(rateLimitRetries !== undefined && { rateLimitRetries }),
  });
  return { closeClient, requests: fetch.requests, waits: sleep.waits };
}
const param = (r: RecordedRequest, name: string) => r.url.searchParams.get(name);

describe('leadCallPages: has_more, lazily', () => {
  const TOTAL = 250;
  const all = Array.from({ length: TOTAL }, (_, i) =>
    makeCall({ id: callId(i + 1), activity_at: new Date(Date.UTC(2026, 0, 1) - i * 60_000).toISOString() }),
  );
  const lists = (r: RecordedRequest) => {
    const skip = Number(param(r, '_skip') ?? 0);
    const limit = Number(param(r, '_limit') ?? 100);
    return jsonResponse(200, { data: all.slice(skip, skip + limit), has_more: skip + limit < TOTAL });
  };

  it('asks for the first page only, until next() is called', async () => {
    const { closeClient, requests } = client(lists);
    const first = await closeClient.leadCallPages(leadId(1));
    if (!first.ok) throw new Error('expected a page');
    expect(requests).toHaveLength(1);
    expect(first.value.calls).toHaveLength(100);
    expect(param(requests[0]!, '_skip')).toBe('0');
    expect(first.value.next).toBeTypeOf('function');
  });

  it('follows has_more with _skip to the last page, every call once', async () => {
    const { closeClient, requests } = client(lists);
    const seen: CallId[] = [];
    let page = await closeClient.leadCallPages(leadId(1));
    for (;;) {
      if (!page.ok) throw new Error('expected a page');
      seen.push(...page.value.calls.map((c) => c.id));
      if (!page.value.next) break;
      page = await page.value.next();
    }
    expect(requests.map((r) => param(r, '_skip'))).toEqual(['0', '100', '200']);
    expect(new Set(seen).size).toBe(TOTAL);
    expect(seen).toEqual(all.map((c) => c.id));
  });

  it('stops at an empty page even if it claims more (never pages for ever)', async () => {
    const { closeClient } = client(() => jsonResponse(200, { data: [], has_more: true }));
    const page = await closeClient.leadCallPages(leadId(1));
    expect(page.ok && page.value.next).toBeFalsy();
  });

  it('leadCallsFrom: one page from a _skip, with where the next starts only while has_more (for calls.more)', async () => {
    const { closeClient, requests } = client(lists);
    const second = await closeClient.leadCallsFrom(leadId(1), 100);
    expect(second.ok && second.value.nextSkip).toBe(200);
    expect(second.ok && second.value.calls[0]!.id).toBe(all[100]!.id);
    const last = await closeClient.leadCallsFrom(leadId(1), 200);
    expect(last.ok && last.value.calls).toHaveLength(50);
    expect(last.ok && last.value.nextSkip).toBeUndefined();
    expect(requests.map((r) => [param(r, '_skip'), param(r, '_limit')])).toEqual([['100', '100'], ['200', '100']]);
    await expect(closeClient.leadCallsFrom('lead_x/../me' as never, 100)).rejects.toThrow(TypeError);
  });

  it('listLeadCalls keeps giving the first page', async () => {
    const { closeClient, requests } = client(lists);
    const result = await closeClient.listLeadCalls(leadId(1));
    expect(result.ok && result.value.length).toBe(100);
    expect(requests).toHaveLength(1);
  });
});

describe('confirmCalls: which ids are calls, asked of Close', () => {
  it('asks id__in with _fields=id and returns only the ids Close answered with', async () => {
    const { closeClient, requests } = client(() => jsonResponse(200, { data: [{ id: callId(2) }], has_more: false }));
    const result = await closeClient.confirmCalls([callId(1), callId(2), callId(1)]);
    expect(result).toEqual({ ok: true, value: [callId(2)] });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url.pathname).toBe('/api/v1/activity/call/');
    expect(param(requests[0]!, 'id__in')).toBe(`${callId(1)},${callId(2)}`);
    expect(param(requests[0]!, '_fields')).toBe('id');
  });

  it('never confirms an id it did not ask about', async () => {
    const { closeClient } = client(() => jsonResponse(200, { data: [{ id: callId(9) }], has_more: false }));
    expect(await closeClient.confirmCalls([callId(1)])).toEqual({ ok: true, value: [] });
  });

  it('one request per batch', async () => {
    const ids = Array.from({ length: CONFIRM_BATCH + 3 }, (_, i) => callId(i + 1));
    const { closeClient, requests } = client((r) =>
      jsonResponse(200, { data: param(r, 'id__in')!.split(',').map((id) => ({ id })), has_more: false }),
    );
    const result = await closeClient.confirmCalls(ids);
    expect(requests.map((r) => param(r, 'id__in')!.split(',').length)).toEqual([CONFIRM_BATCH, 3]);
    expect(result.ok && result.value).toEqual(ids);
  });

  it('a 400 is a failure, not "none of them are calls"', async () => {
    const { closeClient } = client(() => jsonResponse(400, { errors: [], 'field-errors': { id__in: 'Invalid.' } }));
    expect(await closeClient.confirmCalls([callId(1)])).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('refuses anything that is not a call id before any request', async () => {
    const { closeClient, requests } = client(() => jsonResponse(200, { data: [], has_more: false }));
    await expect(closeClient.confirmCalls(['acti_x,lead_y' as CallId])).rejects.toThrow(TypeError);
    expect(requests).toHaveLength(0);
  });
});

describe('listEvents: the event log', () => {
  const event = (n: number) => ({
    id: `ev_${n}`,
    date_created: '2026-11-23T15:42:00.000000+00:00',
    action: 'updated',
    object_type: 'activity.call',
    object_id: callId(1),
    changed_fields: ['note'],
    user_id: 'user_x',
  });

  it('asks for the call\'s events, 50 a page, and follows cursor_next only when asked', async () => {
    const { closeClient, requests } = client((r) =>
      param(r, '_cursor') ? jsonResponse(200, { data: [event(2)], cursor_next: null }) : jsonResponse(200, { data: [event(1)], cursor_next: 'c2' }),
    );
    const first = await closeClient.listEvents(callId(1));
    if (!first.ok) throw new Error('expected events');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url.pathname).toBe('/api/v1/event/');
    expect(param(requests[0]!, 'object_type')).toBe('activity.call');
    expect(param(requests[0]!, 'object_id')).toBe(callId(1));
    expect(param(requests[0]!, '_limit')).toBe('50');
    expect(first.value.events.map((e) => e.id)).toEqual(['ev_1']);
    const second = await first.value.next!();
    expect(param(requests[1]!, '_cursor')).toBe('c2');
    expect(second.ok && second.value.events.map((e) => e.id)).toEqual(['ev_2']);
    expect(second.ok && second.value.next).toBeFalsy();
  });

  it('a 403 (a log the key may not read) is an error the caller can fall back on', async () => {
    const { closeClient } = client(() => jsonResponse(403, { error: 'Forbidden' }));
    expect(await closeClient.listEvents(callId(1))).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});

describe('header-only 429s are waited out exactly', () => {
  const emptyThenOk = (headers: Record<string, string>) => {
    let count = 0;
    return () => (++count === 1 ? new Response(null, { status: 429, headers }) : jsonResponse(200, makeCall({ id: callId(1) })));
  };

  it('RateLimit reset with no body', async () => {
    const { closeClient, waits } = client(emptyThenOk({ RateLimit: 'limit=100, remaining=0, reset=1.234' }));
    expect((await closeClient.getCall(callId(1))).ok).toBe(true);
    expect(waits).toEqual([1234]);
  });

  it('Retry-After with no body', async () => {
    const { closeClient, waits } = client(emptyThenOk({ 'Retry-After': '4' }));
    expect((await closeClient.getCall(callId(1))).ok).toBe(true);
    expect(waits).toEqual([4000]);
  });

  it('Retry-After over an old body value (the ~360 ms retry loop of issue 14)', async () => {
    let count = 0;
    const { closeClient, waits } = client(() =>
      ++count === 1
        ? jsonResponse(429, { message: 'API call count exceeded for this period', rate_reset: '0.3' }, { 'Retry-After': '2' })
        : jsonResponse(200, makeCall({ id: callId(1) })),
    );
    expect((await closeClient.getCall(callId(1))).ok).toBe(true);
    expect(waits).toEqual([2000]);
  });

  it('without retries (the saver\'s client), it reports the exact wait', async () => {
    const { closeClient, waits } = client(() => new Response(null, { status: 429, headers: { RateLimit: 'limit=5, remaining=0, reset=7.5' } }), 0);
    expect(await closeClient.getCall(callId(1))).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryAfterSeconds: 7.5 } });
    expect(waits).toEqual([]);
  });
});
