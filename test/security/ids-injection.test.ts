// Only ids in Close's formats reach a URL, always encoded (issue 5): checked on the way in
// (the page's URL), at the boundary (the handler) and at the last step (the client).
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createCloseClient } from '../../utils/close/client';
import { isCallId, isLeadId, type CallId, type LeadId } from '../../utils/close/ids';
import { getPageTarget } from '../../utils/page';
import { base62, jsonResponse, makeCall, recordingFetch } from '../unit/helpers';
import { JOB, SENDERS, connect, createHandlerFixture } from './handler-fixture';

const BODY = base62(43, 7);
const GOOD_CALL = `acti_${BODY}`;

/** Traversal, encoding, injection and look-alike attempts, as a page's URL or a message could carry them. */
const ATTACKS = [
  'acti_x/../../me',
  `acti_${BODY}/../../me`,
  `acti_${BODY}/..%2F..%2Fme`,
  `acti_${BODY}%2F..%2F..%2Fme`,
  `acti_${BODY}%2e%2e`,
  `acti_${BODY}?_fields=recording_url`,
  `acti_${BODY}#`,
  `acti_${BODY}\\..\\me`,
  `acti_${BODY};x`,
  `acti_${BODY}@evil.example`,
  `//evil.example/acti_${BODY}`,
  `https://evil.example/acti_${BODY}`,
  `acti_${BODY}\r\nX-Injected: 1`,
  `acti_${BODY}\u0000`,
  `acti_${BODY}\u2215me`, // division slash
  `acti_${BODY}\uFF0F..\uFF0Fme`, // full-width solidus
  `\u0430cti_${BODY}`, // Cyrillic а
  `acti_${BODY.slice(0, 10)}\u0441${BODY.slice(11)}`, // Cyrillic с
  `acti_${BODY.slice(0, 10)}\uFF41${BODY.slice(11)}`, // full-width a
  `acti_${BODY.slice(0, 10)}\u200B${BODY.slice(10)}`, // zero-width space
  `ACTI_${BODY}`,
  `acti_${BODY} `,
  'acti_',
  `acti_${'a'.repeat(65)}`,
];

describe('the attack strings', () => {
  it.each(ATTACKS)('%j is neither a call id nor a lead id', (attack) => {
    expect(isCallId(attack)).toBe(false);
    expect(isLeadId(attack.replace('acti_', 'lead_'))).toBe(false);
  });
});

describe('from a page\'s URL', () => {
  it.each(ATTACKS)('a URL carrying %j yields no id, or a clean one', (attack) => {
    for (const url of [
      `https://app.close.com/call/${attack}/`,
      `https://app.close.com/lead/${attack.replace('acti_', 'lead_')}/`,
      `https://app.close.com/inbox/#activityId=${encodeURIComponent(attack)}`,
    ]) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        continue; // not a URL a page could have
      }
      const target = getPageTarget(parsed);
      for (const id of [target?.callId, target?.leadId]) if (id !== undefined) expect(id).toMatch(/^(?:acti|lead)_[A-Za-z0-9]{16,64}$/);
    }
  });
});

describe('at the message boundary', () => {
  let fixture: ReturnType<typeof createHandlerFixture>;
  beforeEach(async () => {
    fakeBrowser.reset();
    fixture = createHandlerFixture();
    await connect();
  });

  it.each(ATTACKS)('%j is refused in every id field, with no request', async (attack) => {
    const messages = [
      { type: 'panel.load', callId: attack },
      { type: 'panel.load', leadId: attack.replace('acti_', 'lead_') },
      { type: 'call.save', saveId: JOB, callId: attack, changes: { note: 'x' }, base: null },
      { type: 'call.save', saveId: JOB, callId: GOOD_CALL, changes: { outcome_id: attack.replace('acti_', 'outcome_') }, base: null },
    ];
    for (const message of messages)
      expect(await fixture.handle(message, SENDERS.closePage)).toMatchObject({ ok: false, error: { kind: 'rejected' } });
    expect(fixture.requests).toEqual([]);
  });
});

describe('at the client, the last step before a URL exists', () => {
  const client = () => {
    const fetch = recordingFetch((request) =>
      request.url.pathname === '/api/v1/activity/call/'
        ? jsonResponse(200, { data: [], has_more: false })
        : jsonResponse(200, makeCall({ id: GOOD_CALL as CallId })),
    );
    return { closeClient: createCloseClient({ apiKey: 'api_0123456789abcdef', fetch: fetch.fetch }), requests: fetch.requests };
  };

  it.each(ATTACKS)('%j throws before any request', async (attack) => {
    const { closeClient, requests } = client();
    expect(() => closeClient.getCall(attack as CallId)).toThrow(TypeError);
    expect(() => closeClient.updateCall(attack as CallId, { note: 'x' })).toThrow(TypeError);
    await expect(closeClient.listLeadCalls(attack.replace('acti_', 'lead_') as LeadId)).rejects.toThrow(TypeError);
    expect(requests).toEqual([]);
  });

  it('for any string: either it throws with no request, or one request to exactly /activity/call/<id>/', async () => {
    const idLike = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 80 }).map((s) => `acti_${s}`),
      fc.tuple(fc.nat({ max: 43 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 })).map(
        ([at, inserted]) => `acti_${BODY.slice(0, at)}${inserted}${BODY.slice(at)}`,
      ),
      fc.constantFrom(...ATTACKS, GOOD_CALL),
    );
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(idLike, async (id) => {
        const { closeClient, requests } = client();
        let threw = false;
        try {
          await closeClient.getCall(id as CallId);
        } catch {
          threw = true;
        }
        if (threw) return requests.length === 0 && !isCallId(id);
        accepted++;
        const [request] = requests;
        return (
          requests.length === 1 &&
          isCallId(id) &&
          request!.url.origin === 'https://api.close.com' &&
          request!.url.pathname === `/api/v1/activity/call/${id}/` &&
          encodeURIComponent(id) === id
        );
      }),
      { numRuns: 1_000 },
    );
    expect(accepted).toBeGreaterThan(0);
  }, 30_000);

  it('a lead id goes into the query, encoded, and nowhere else', async () => {
    const { closeClient, requests } = client();
    const lead = `lead_${BODY}` as LeadId;
    await closeClient.listLeadCalls(lead);
    expect(requests[0]!.url.pathname).toBe('/api/v1/activity/call/');
    expect(requests[0]!.url.searchParams.getAll('lead_id')).toEqual([lead]);
  });
});
