import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { createBackground } from './create-background';
import { createCloseClient } from '../close/client';
import { connectionStore } from '../connection';
import type { MemoryIndexedDb } from '../../test/unit/memory-indexeddb';
import type { Call } from '../close/schemas';
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

const JOB = '6f1c2a4e-8b1d-4c2e-9f3a-1b2c3d4e5f60';

type Sender = Browser.runtime.MessageSender;

const OWN_ID = fakeBrowser.runtime.id;
const OWN_ORIGIN = `chrome-extension://${OWN_ID}`;
const GOOD_KEY = 'api_7Hq2LmN4pRsT8vWx.y1z2A3b4C5d6';
const BAD_KEY = 'api_revokedKey0000000000';
const LEAD = leadId(1);
const OTHER_LEAD = leadId(2);

const POPUP: Sender = { id: OWN_ID, url: `${OWN_ORIGIN}/popup.html`, origin: OWN_ORIGIN } as Sender;
const CLOSE_PAGE: Sender = {
  id: OWN_ID,
  url: `https://app.close.com/lead/${LEAD}/`,
  origin: 'https://app.close.com',
  tab: { id: 3, index: 0, windowId: 1, highlighted: true, active: true, pinned: false, incognito: false },
  frameId: 0,
} as Sender;
const EVIL_PAGE: Sender = { ...CLOSE_PAGE, url: 'https://evil.example/', origin: 'https://evil.example' } as Sender;

const ME = {
  id: 'user_0123456789abcdefghij',
  email: 'ann@acme.example',
  first_name: 'Ann',
  last_name: 'Rep',
  organizations: [{ id: 'orga_0123456789abcdefghij', name: 'Acme Corp' }],
};
const ACCOUNT = { userId: 'user_0123456789abcdefghij', organizationId: 'orga_0123456789abcdefghij', email: 'ann@acme.example', name: 'Ann Rep', organization: 'Acme Corp' };

const OLD = makeCall({ id: callId(1), lead_id: LEAD, activity_at: '2026-03-01T10:00:00Z' });
const NEWEST = makeCall({ id: callId(2), lead_id: LEAD, activity_at: '2026-03-12T10:00:00Z' });
const MIDDLE = makeCall({ id: callId(3), lead_id: LEAD, activity_at: '2026-03-05T10:00:00Z' });
const ELSEWHERE = makeCall({ id: callId(4), lead_id: OTHER_LEAD, activity_at: '2026-03-20T10:00:00Z' });
const NOT_A_CALL = callId(99); // an email's acti_ id: Close answers 404 on /activity/call/

/** A small stand-in for Close: one key is good, everything else gets a 401. */
function fakeClose() {
  const calls = new Map<string, Call>([OLD, MIDDLE, NEWEST, ELSEWHERE].map((call) => [call.id, { ...call }]));
  const outcomes = [makeOutcome(1), makeOutcome(2, { applies_to: ['meetings'] }), makeOutcome(3)];
  const respond = (request: RecordedRequest): Response => {
    if (request.headers.authorization !== `Basic ${btoa(`${GOOD_KEY}:`)}`)
      return jsonResponse(401, { error: 'The server could not verify that you are authorized to access the URL requested.' });
    const path = request.url.pathname;
    if (path === '/api/v1/me/') return jsonResponse(200, ME);
    if (path === '/api/v1/outcome/') return jsonResponse(200, { data: outcomes, has_more: false });
    if (path === `/api/v1/lead/${LEAD}/`) return jsonResponse(200, { contacts: [{ id: 'cont_1', name: 'Wile E. Coyote' }] });
    if (path === '/api/v1/activity/call/') {
      const lead = request.url.searchParams.get('lead_id');
      return jsonResponse(200, { data: [...calls.values()].filter((c) => c.lead_id === lead), has_more: false });
    }
    const match = /^\/api\/v1\/activity\/call\/([^/]+)\/$/.exec(path);
    const call = match && calls.get(match[1]!);
    if (!call) return jsonResponse(404, { error: 'Empty query: Activity matching query does not exist.' });
    if (request.method === 'PUT') Object.assign(call, JSON.parse(request.body!));
    return jsonResponse(200, { ...call, recording_url: 'https://recordings.example/secret.mp3' });
  };
  return { respond, calls };
}

let close: ReturnType<typeof fakeClose>;
let requests: RecordedRequest[];
let openSettings: ReturnType<typeof vi.fn<() => Promise<void>>>;
let replies: unknown[];
let clock: number;
let handle: (message: unknown, sender: Sender) => Promise<unknown>;

beforeEach(() => {
  fakeBrowser.reset();
  close = fakeClose();
  const fetch = recordingFetch(close.respond);
  requests = fetch.requests;
  openSettings = vi.fn(async () => {});
  replies = [];
  clock = Date.parse('2026-03-15T12:00:00Z');
  const handler = createBackground({
    ownId: OWN_ID,
    ownOrigin: OWN_ORIGIN,
    connection: connectionStore,
    openSettings,
    sendToTab: async () => undefined,
    alarms: { get: async () => undefined, create: () => undefined },
    createClient: (apiKey, options) => createCloseClient({ apiKey, fetch: fetch.fetch, sleep: recordingSleep().sleep, ...options }),
    now: () => clock,
  }).handleMessage;
  handle = async (message, sender) => {
    const reply = await handler(message, sender);
    replies.push(reply);
    return reply;
  };
});

const connect = async () => {
  await connectionStore.set({ apiKey: GOOD_KEY, account: ACCOUNT });
};
// The key store's IndexedDB (test/unit/memory-indexeddb.ts); storage.local never holds the key.
const stored = async () => {
  expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(GOOD_KEY);
  return (globalThis.indexedDB as unknown as MemoryIndexedDb).rows('quick-edit-key-store', 'connection')?.get('connection');
};
const rejected = { ok: false, error: { kind: 'rejected' } };

describe('the API key', () => {
  it('a content script cannot set, read or clear it', async () => {
    await connect();
    for (const message of [{ type: 'key.set', apiKey: GOOD_KEY }, { type: 'key.status' }, { type: 'key.clear' }]) {
      expect(await handle(message, CLOSE_PAGE)).toMatchObject(rejected);
    }
    expect(requests).toHaveLength(0);
    expect(await connectionStore.get()).toEqual({ apiKey: GOOD_KEY, account: ACCOUNT });
  });

  it('an extension page can check, store, read and clear it', async () => {
    expect(await handle({ type: 'key.status' }, POPUP)).toEqual({ ok: true, value: { connected: false } });

    expect(await handle({ type: 'key.set', apiKey: `  ${GOOD_KEY}\n` }, POPUP)).toEqual({ ok: true, value: ACCOUNT });
    expect(requests.map((r) => r.url.pathname)).toEqual(['/api/v1/me/']);
    expect(await connectionStore.get()).toEqual({ apiKey: GOOD_KEY, account: ACCOUNT });
    expect(await stored()).toEqual({ apiKey: GOOD_KEY, account: ACCOUNT });

    expect(await handle({ type: 'key.status' }, POPUP)).toEqual({ ok: true, value: { connected: true, account: ACCOUNT } });

    expect(await handle({ type: 'key.clear' }, POPUP)).toEqual({ ok: true, value: null });
    expect(await connectionStore.get()).toBeUndefined();
    expect(await stored()).toBeUndefined();
    expect(await handle({ type: 'key.status' }, POPUP)).toEqual({ ok: true, value: { connected: false } });
  });

  it('a key Close rejects is not stored, and the reply is an auth error', async () => {
    const reply = await handle({ type: 'key.set', apiKey: BAD_KEY }, POPUP);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'auth', status: 401, message: 'Close rejected your API key.' } });
    expect(await stored()).toBeUndefined();
    expect(requests).toHaveLength(1);
  });

  it('a rejected new key leaves the working one in place', async () => {
    await connect();
    await handle({ type: 'key.set', apiKey: BAD_KEY }, POPUP);
    expect(await connectionStore.get()).toEqual({ apiKey: GOOD_KEY, account: ACCOUNT });
  });

  it('never appears in any reply', async () => {
    await handle({ type: 'key.set', apiKey: BAD_KEY }, POPUP);
    await handle({ type: 'key.set', apiKey: GOOD_KEY }, POPUP);
    await handle({ type: 'key.status' }, POPUP);
    await handle({ type: 'key.set', apiKey: GOOD_KEY }, CLOSE_PAGE);
    await handle({ type: 'key.status' }, CLOSE_PAGE);
    await handle({ type: 'panel.load', leadId: LEAD }, CLOSE_PAGE);
    await handle({ type: 'panel.load', callId: NOT_A_CALL }, CLOSE_PAGE);
    await handle({ type: 'call.save', saveId: JOB, base: null, callId: NEWEST.id, changes: { note: 'x' } }, CLOSE_PAGE);
    await handle({ type: 'call.save', saveId: JOB, base: null, callId: NOT_A_CALL, changes: { note: 'x' } }, CLOSE_PAGE);
    await handle({ type: 'panel.load', leadId: LEAD, extra: GOOD_KEY }, CLOSE_PAGE);
    await handle({ type: 'key.clear' }, POPUP);
    expect(replies).toHaveLength(11);
    for (const reply of replies) {
      const text = JSON.stringify(reply);
      for (const secret of [GOOD_KEY, BAD_KEY, btoa(`${GOOD_KEY}:`), btoa(`${BAD_KEY}:`)]) expect(text).not.toContain(secret);
    }
  });
});

describe('refused messages', () => {
  const malformedFromPage = [
    null,
    undefined,
    'panel.load',
    42,
    [],
    [{ type: 'panel.load', leadId: LEAD }],
    {},
    { type: 'panel.load', leadId: 42 },
    { type: 'panel.load', leadId: LEAD, extra: 1 },
    { type: 'panel.load', callId: 'acti_x/../../me' },
    { type: 'panel.load', callId: 'acti_abc%2F..' },
    { type: 'panel.load', callId: `${NEWEST.id}/../../me` },
    { type: 'panel.load', leadId: `lead_${'a'.repeat(1_000_000)}` },
    { type: 'call.save', saveId: JOB, base: null, callId: NEWEST.id },
    { type: 'call.save', saveId: JOB, base: null, callId: NEWEST.id, changes: {} },
    { type: 'call.save', saveId: JOB, base: null, callId: NEWEST.id, changes: { recording_url: null } },
    { type: 'call.save', saveId: JOB, base: null, callId: NEWEST.id, changes: { note: 'a', voicemail_url: null } },
    { type: 'call.save', saveId: JOB, base: null, callId: NEWEST.id, changes: { note: 'a', note_html: '<p>a</p>' } },
    { type: 'call.save', saveId: JOB, base: null, callId: NEWEST.id, changes: { outcome_id: 'outcome_x' } },
    { type: 'call.save', saveId: JOB, base: null, callId: NEWEST.id, changes: { note: 'x'.repeat(1_000_000) } },
    { type: 'call.save', saveId: JOB, base: null, callId: LEAD, changes: { note: 'a' } },
    { type: 'settings.open', url: 'https://evil.example' },
    { type: 'nope' },
  ];

  it.each(malformedFromPage.map((m) => [m]))('from a Close page: %j', async (message) => {
    await connect();
    expect(await handle(message, CLOSE_PAGE)).toMatchObject(rejected);
    expect(requests).toHaveLength(0);
    expect(openSettings).not.toHaveBeenCalled();
  });

  it.each([
    [null],
    [{ type: 'key.set' }],
    [{ type: 'key.set', apiKey: 42 }],
    [{ type: 'key.set', apiKey: 'short' }],
    [{ type: 'key.set', apiKey: 'a'.repeat(100_000) }],
    [{ type: 'key.set', apiKey: GOOD_KEY, extra: true }],
    [{ type: 'key.clear', all: true }],
    [{ type: 'panel.load', leadId: LEAD }],
  ])('from an extension page: %j', async (message) => {
    await connect();
    expect(await handle(message, POPUP)).toMatchObject(rejected);
    expect(requests).toHaveLength(0);
    expect(await connectionStore.get()).toBeDefined();
  });

  it('from an unknown sender, even a well-formed message', async () => {
    await connect();
    for (const sender of [EVIL_PAGE, { ...CLOSE_PAGE, frameId: 2 }, { ...POPUP, id: 'another-extension' }, {}]) {
      expect(await handle({ type: 'panel.load', leadId: LEAD }, sender as Sender)).toMatchObject(rejected);
      expect(await handle({ type: 'key.clear' }, sender as Sender)).toMatchObject(rejected);
    }
    expect(requests).toHaveLength(0);
    expect(await connectionStore.get()).toBeDefined();
  });
});

describe('panel.load', () => {
  it('without a key: not connected, and nothing sent', async () => {
    expect(await handle({ type: 'panel.load', leadId: LEAD }, CLOSE_PAGE)).toEqual({
      ok: true,
      value: { connected: false },
    });
    expect(requests).toHaveLength(0);
  });

  it('with a key: the lead\'s calls newest first, the most recent selected, outcomes for calls', async () => {
    await connect();
    const reply = (await handle({ type: 'panel.load', leadId: LEAD }, CLOSE_PAGE)) as {
      ok: true;
      value: { connected: true; calls: Call[]; selectedCallId: string; outcomes: { id: string }[]; account: unknown };
    };
    expect(reply.ok).toBe(true);
    expect(reply.value.connected).toBe(true);
    expect(reply.value.account).toEqual(ACCOUNT);
    expect(reply.value.calls.map((c) => c.id)).toEqual([NEWEST.id, MIDDLE.id, OLD.id]);
    expect(reply.value.selectedCallId).toBe(NEWEST.id);
    expect(reply.value.outcomes.map((o) => o.id)).toEqual([makeOutcome(1).id, makeOutcome(3).id]);
    expect(JSON.stringify(reply)).not.toContain('recording');
  });

  it('selects the call named in the URL when it exists', async () => {
    await connect();
    const reply = await handle({ type: 'panel.load', leadId: LEAD, callId: OLD.id }, CLOSE_PAGE);
    expect(reply).toMatchObject({ ok: true, value: { selectedCallId: OLD.id } });
  });

  it('a call named without a lead brings its own lead\'s calls', async () => {
    await connect();
    const reply = await handle({ type: 'panel.load', callId: MIDDLE.id }, CLOSE_PAGE);
    expect(reply).toMatchObject({ ok: true, value: { selectedCallId: MIDDLE.id } });
    expect((reply as { value: { calls: Call[] } }).value.calls.map((c) => c.id)).toEqual([NEWEST.id, MIDDLE.id, OLD.id]);
  });

  it('an acti_ id that is not a call (404) falls back to the lead\'s latest call', async () => {
    await connect();
    const reply = await handle({ type: 'panel.load', leadId: LEAD, callId: NOT_A_CALL }, CLOSE_PAGE);
    expect(reply).toMatchObject({ ok: true, value: { connected: true, selectedCallId: NEWEST.id } });
    expect(requests.some((r) => r.url.pathname.includes(NOT_A_CALL))).toBe(true);
  });

  it('caches outcomes: a second load asks Close less', async () => {
    await connect();
    await handle({ type: 'panel.load', leadId: LEAD }, CLOSE_PAGE);
    const first = requests.length;
    const outcomeRequests = requests.filter((r) => r.url.pathname === '/api/v1/outcome/').length;
    expect(outcomeRequests).toBe(1);
    requests.length = 0;
    expect(await handle({ type: 'panel.load', leadId: LEAD }, CLOSE_PAGE)).toMatchObject({ ok: true });
    expect(requests.length).toBeLessThan(first);
    expect(requests.filter((r) => r.url.pathname === '/api/v1/outcome/')).toHaveLength(0);

    // after five minutes, asked again
    clock += 5 * 60_000 + 1;
    requests.length = 0;
    await handle({ type: 'panel.load', leadId: LEAD }, CLOSE_PAGE);
    expect(requests.filter((r) => r.url.pathname === '/api/v1/outcome/')).toHaveLength(1);
  });

  it('caches a lead\'s contacts too: reopening its panel asks Close for its calls only', async () => {
    await connect();
    await handle({ type: 'panel.load', leadId: LEAD }, CLOSE_PAGE);
    const contactRequests = () => requests.filter((r) => r.url.pathname === `/api/v1/lead/${LEAD}/`);
    expect(contactRequests()).toHaveLength(1);
    requests.length = 0;
    expect(await handle({ type: 'panel.load', leadId: LEAD }, CLOSE_PAGE)).toMatchObject({ ok: true });
    expect(contactRequests()).toHaveLength(0);
    expect(requests).toHaveLength(1);
    clock += 5 * 60_000 + 1;
    await handle({ type: 'panel.load', leadId: LEAD }, CLOSE_PAGE);
    expect(contactRequests()).toHaveLength(1);
  });

  it('Disconnect forgets every cache of the key: a reconnect asks Close for the contacts again', async () => {
    await connect();
    await handle({ type: 'panel.load', leadId: LEAD }, CLOSE_PAGE);
    await handle({ type: 'key.clear' }, POPUP);
    await connect();
    requests.length = 0;
    await handle({ type: 'panel.load', leadId: LEAD }, CLOSE_PAGE);
    expect(requests.filter((r) => r.url.pathname === `/api/v1/lead/${LEAD}/`)).toHaveLength(1);
    expect(requests.filter((r) => r.url.pathname === '/api/v1/outcome/')).toHaveLength(1);
  });

  it('a new key empties the outcome cache', async () => {
    await connect();
    await handle({ type: 'panel.load', leadId: LEAD }, CLOSE_PAGE);
    await handle({ type: 'key.set', apiKey: GOOD_KEY }, POPUP);
    requests.length = 0;
    await handle({ type: 'panel.load', leadId: LEAD }, CLOSE_PAGE);
    expect(requests.filter((r) => r.url.pathname === '/api/v1/outcome/')).toHaveLength(1);
  });

  it('a key Close no longer accepts gives an auth error', async () => {
    await connectionStore.set({ apiKey: BAD_KEY, account: ACCOUNT });
    expect(await handle({ type: 'panel.load', leadId: LEAD }, CLOSE_PAGE)).toMatchObject({
      ok: false,
      error: { kind: 'auth', nextStep: 'open-settings' },
    });
  });
});

describe('call.save', () => {
  /** call.save answers once the save is in the outbox; save.status then waits for its end. */
  const saveAs = async (saveId: string, changes: object, callId: string = NEWEST.id, base: object | null = null) => {
    const accepted = (await handle({ type: 'call.save', saveId, base, callId, changes }, CLOSE_PAGE)) as { ok: boolean; value?: { state: string } };
    if (!accepted.ok || accepted.value?.state !== 'accepted') return accepted;
    return handle({ type: 'save.status', saveId }, CLOSE_PAGE);
  };
  const save = (changes: object, callId: string = NEWEST.id, base: object | null = null) => saveAs(JOB, changes, callId, base);

  it('reads the call, then PUTs exactly the changes, and answers with the saved call', async () => {
    await connect();
    const changes = { outcome_id: makeOutcome(3).id, note: 'Call back Tuesday' };
    const reply = await save(changes);
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PUT']);
    const put = requests[1]!;
    expect(put.url.href).toBe(`https://api.close.com/api/v1/activity/call/${NEWEST.id}/`);
    expect(JSON.parse(put.body!)).toEqual(changes);
    expect(reply).toMatchObject({ ok: true, value: { state: 'saved', call: { id: NEWEST.id, note: 'Call back Tuesday' } } });
    expect(JSON.stringify(reply)).not.toContain('recording');
  });

  it('clearing an outcome sends null; a change Close already holds sends nothing', async () => {
    await connect();
    await save({ outcome_id: makeOutcome(1).id });
    requests.length = 0;
    await saveAs(JOB.replace('6f', '7f'), { outcome_id: null });
    expect(requests.find((r) => r.method === 'PUT')!.body).toBe('{"outcome_id":null}');
    requests.length = 0;
    const again = await saveAs(JOB.replace('6f', '8f'), { outcome_id: null });
    expect(again).toMatchObject({ ok: true, value: { state: 'saved' } });
    expect(requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('a save is in the outbox, tied to the account, before call.save answers', async () => {
    await connect();
    const reply = await handle({ type: 'call.save', saveId: JOB, base: null, callId: NEWEST.id, changes: { note: 'x' } }, CLOSE_PAGE);
    expect(reply).toEqual({ ok: true, value: { state: 'accepted' } });
    expect((await fakeBrowser.storage.local.get('outbox')).outbox).toMatchObject([
      { id: JOB, owner: { userId: ACCOUNT.userId, organizationId: ACCOUNT.organizationId, email: ACCOUNT.email } },
    ]);
  });

  it('an outbox that cannot be written: refused in words, with nothing sent', async () => {
    await connect();
    const full = { getValue: async () => [], setValue: async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) } as never;
    const fetch = recordingFetch(close.respond);
    const { handleMessage } = createBackground({
      ownId: OWN_ID,
      ownOrigin: OWN_ORIGIN,
      connection: connectionStore,
      openSettings,
      sendToTab: async () => undefined,
      alarms: { get: async () => undefined, create: () => undefined },
      createClient: (apiKey, options) => createCloseClient({ apiKey, fetch: fetch.fetch, ...options }),
      outboxItem: full,
    });
    const reply = await handleMessage({ type: 'call.save', saveId: JOB, base: null, callId: NEWEST.id, changes: { note: 'x' } }, CLOSE_PAGE);
    expect(reply).toEqual({ ok: false, error: { kind: 'rejected', notStored: true, message: expect.stringMatching(/could not be stored/) } });
    expect(fetch.requests).toHaveLength(0);
  });

  it('a refused message is answered in the rep’s words, not the code’s', async () => {
    expect(await handle({ type: 'call.save', saveId: JOB, base: null, callId: NEWEST.id, changes: {} }, CLOSE_PAGE)).toEqual({
      ok: false,
      error: { kind: 'rejected', message: expect.stringMatching(/could not accept this change/) },
    });
  });

  it('without a key: an auth error and nothing sent', async () => {
    const reply = await save({ note: 'x' });
    expect(reply).toMatchObject({ ok: true, value: { state: 'failed', error: { kind: 'auth', nextStep: 'open-settings' } } });
    expect(requests).toHaveLength(0);
  });

  it('a call that is gone: not-found, and no PUT', async () => {
    await connect();
    expect(await save({ note: 'x' }, NOT_A_CALL)).toMatchObject({
      ok: true,
      value: { state: 'failed', error: { kind: 'not-found' } },
    });
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });
});

describe('settings.open', () => {
  it('opens the settings for a Close page, without touching Close', async () => {
    expect(await handle({ type: 'settings.open' }, CLOSE_PAGE)).toEqual({ ok: true, value: null });
    expect(openSettings).toHaveBeenCalledTimes(1);
    expect(requests).toHaveLength(0);
  });
});
