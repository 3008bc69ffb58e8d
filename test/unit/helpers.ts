// Shared fixtures for the unit tests beside the code in utils/: realistic Close ids, calls,
// and a fetch stand-in that records every request.
import type { CallId, LeadId, OutcomeId } from '../../utils/close/ids';
import type { Call, Outcome } from '../../utils/close/schemas';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A deterministic base62 string, different per seed. */
export function base62(length: number, seed = 1): string {
  let x = seed * 7919 + 17;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += BASE62[x % 62];
  }
  return out;
}

/** Close's ids: 43 base62 characters after the prefix (outcomes: 22). */
export const callId = (seed = 1) => `acti_${base62(43, seed)}` as CallId;
export const leadId = (seed = 1) => `lead_${base62(43, seed + 1000)}` as LeadId;
export const outcomeId = (seed = 1) => `outcome_${base62(22, seed + 2000)}` as OutcomeId;

export function makeCall(overrides: Partial<Call> = {}): Call {
  return {
    id: callId(),
    lead_id: leadId(),
    direction: 'outbound',
    phone: '+15551230000',
    duration: 65,
    note: '',
    note_html: '<body><p></p></body>',
    outcome_id: null,
    activity_at: '2026-03-15T12:00:00.000Z',
    date_created: '2026-03-15T12:00:00.000Z',
    date_updated: '2026-03-15T12:01:00.000Z',
    ...overrides,
  };
}

export function makeOutcome(seed: number, overrides: Partial<Outcome> = {}): Outcome {
  return { id: outcomeId(seed), name: `Outcome ${seed}`, type: 'custom', applies_to: ['calls'], ...overrides };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export interface RecordedRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A fetch that records each request and answers with `respond`. */
export function recordingFetch(respond: (request: RecordedRequest) => Response | Promise<Response>) {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name.toLowerCase()] = value));
    const request: RecordedRequest = {
      url: new URL(String(input instanceof Request ? input.url : input)),
      method: (init.method ?? 'GET').toUpperCase(),
      headers,
      body: typeof init.body === 'string' ? init.body : undefined,
    };
    requests.push(request);
    return respond(request);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/** A sleep that records each wait and resolves at once. */
export function recordingSleep() {
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  return { sleep, waits };
}
