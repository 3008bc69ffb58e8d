import { expect, it } from 'vitest';
import { confirmCalls } from './confirm-calls';
import { createCloseClient } from '../close/client';
import type { ConnectionStore } from '../connection';
import { callId, jsonResponse, recordingFetch, recordingSleep, type RecordedRequest } from '../../test/unit/helpers';

const KEY = 'api_7Hq2LmN4pRsT8vWx.y1z2A3b4C5d6';
const store = (apiKey?: string) =>
  ({ get: async () => (apiKey ? { apiKey, account: {} } : undefined) }) as unknown as ConnectionStore;
const setup = (respond: (r: RecordedRequest) => Response) => {
  const fetch = recordingFetch(respond);
  const sleep = recordingSleep();
  const client = (apiKey: string) => createCloseClient({ apiKey, fetch: fetch.fetch, sleep: sleep.sleep, rateLimitRetries: 0 });
  return { client, requests: fetch.requests };
};

it('asks Close with the stored key and answers with the calls among the ids', async () => {
  const { client, requests } = setup(() => jsonResponse(200, { data: [{ id: callId(2) }], has_more: false }));
  expect(await confirmCalls(store(KEY), client, [callId(1), callId(2)])).toEqual({
    ok: true,
    value: { connected: true, calls: [callId(2)] },
  });
  expect(requests[0]!.url.searchParams.get('id__in')).toBe(`${callId(1)},${callId(2)}`);
});

it('without a key: nothing is asked, and the answer says so (the page asks again later)', async () => {
  const { client, requests } = setup(() => jsonResponse(200, { data: [], has_more: false }));
  expect(await confirmCalls(store(), client, [callId(1)])).toEqual({ ok: true, value: { connected: false } });
  expect(requests).toHaveLength(0);
});

it('a 429 or a 400 is a failure the page retries, never "no calls"', async () => {
  const limited = setup(() => new Response(null, { status: 429, headers: { 'Retry-After': '2' } }));
  expect(await confirmCalls(store(KEY), limited.client, [callId(1)])).toMatchObject({
    ok: false,
    error: { kind: 'rate-limited', retryAfterSeconds: 2 },
  });
  const refused = setup(() => jsonResponse(400, { errors: ['Bad request.'], 'field-errors': {} }));
  expect(await confirmCalls(store(KEY), refused.client, [callId(1)])).toMatchObject({ ok: false });
});
