// The background's message handler wired to a small stand-in for Close that records every
// request, and the senders the browser can report: what the security tests throw messages at.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { createBackground } from '../../utils/background/create-background';
import { createCloseClient } from '../../utils/close/client';
import type { Call } from '../../utils/close/schemas';
import { connectionStore } from '../../utils/connection';
import {
  callId,
  jsonResponse,
  leadId,
  makeCall,
  makeOutcome,
  recordingFetch,
  recordingSleep,
  type RecordedRequest,
} from '../unit/helpers';

export type Sender = Browser.runtime.MessageSender;

export const OWN_ID = fakeBrowser.runtime.id;
export const OWN_ORIGIN = `chrome-extension://${OWN_ID}`;
export const GOOD_KEY = 'api_7Hq2LmN4pRsT8vWx.y1z2A3b4C5d6';
export const LEAD = leadId(1);
export const CALL = callId(1);
export const JOB = '6f1c2a4e-8b1d-4c2e-9f3a-1b2c3d4e5f60';
export const ACCOUNT = { userId: 'user_x', organizationId: 'orga_x', email: 'ann@acme.example', name: 'Ann Rep', organization: 'Acme Corp' };

/** Every form in which the key could leak. */
export const KEY_FORMS = [GOOD_KEY, btoa(`${GOOD_KEY}:`), btoa(GOOD_KEY)];

const tab = { id: 3, index: 0, windowId: 1, highlighted: true, active: true, pinned: false, incognito: false } as Browser.tabs.Tab;

export const SENDERS = {
  popup: { id: OWN_ID, url: `${OWN_ORIGIN}/popup.html`, origin: OWN_ORIGIN },
  optionsTab: { id: OWN_ID, url: `${OWN_ORIGIN}/options.html`, origin: OWN_ORIGIN, tab, frameId: 0 },
  closePage: { id: OWN_ID, url: `https://app.close.com/lead/${LEAD}/`, origin: 'https://app.close.com', tab, frameId: 0 },
} satisfies Record<string, Sender>;

/** Senders that must be refused whatever they send. */
export const UNTRUSTED_SENDERS: Record<string, Sender> = {
  'another extension': { ...SENDERS.popup, id: 'ponmlkjihgfedcbaponmlkjihgfedcba' },
  'another extension\'s page claiming our id': {
    id: OWN_ID,
    url: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/popup.html',
    origin: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba',
  },
  'no id at all': { url: SENDERS.closePage.url, origin: SENDERS.closePage.origin, tab, frameId: 0 },
  'an iframe on app.close.com': { ...SENDERS.closePage, frameId: 4 },
  'app.close.com without a tab': { ...SENDERS.closePage, tab: undefined },
  'app.close.com over http': { ...SENDERS.closePage, url: 'http://app.close.com/lead/x/', origin: 'http://app.close.com' },
  'a look-alike host': { ...SENDERS.closePage, url: 'https://app.close.com.evil.example/', origin: 'https://app.close.com.evil.example' },
  'a punycode look-alike': { ...SENDERS.closePage, url: 'https://xn--pp-8kc.close.com/', origin: 'https://xn--pp-8kc.close.com' },
  'another port': { ...SENDERS.closePage, url: 'https://app.close.com:8443/', origin: 'https://app.close.com:8443' },
  'api.close.com': { ...SENDERS.closePage, url: 'https://api.close.com/api/v1/me/', origin: 'https://api.close.com' },
  'a page whose url and origin disagree': { ...SENDERS.closePage, origin: 'https://evil.example' },
  'an opaque origin': { ...SENDERS.closePage, url: 'about:blank', origin: 'null' },
  'a data: URL': { ...SENDERS.closePage, url: 'data:text/html,x', origin: 'null' },
  'nothing at all': {},
};

/** A stand-in for Close: one key works, every other gets a 401; also answers paths we never call. */
export function fakeClose(options: { echoKeyInErrors?: boolean } = {}) {
  const calls = new Map<string, Call>([[CALL, makeCall({ id: CALL, lead_id: LEAD })]]);
  const outcomes = [makeOutcome(1), makeOutcome(2)];
  const me = { id: 'user_x', email: ACCOUNT.email, first_name: 'Ann', last_name: 'Rep', organizations: [{ id: 'orga_x', name: ACCOUNT.organization }] };
  return (request: RecordedRequest): Response => {
    // A hostile or broken Close may echo what it was sent; nothing of it may reach a reply.
    const echo = options.echoKeyInErrors ? ` (you sent ${request.headers.authorization} for ${GOOD_KEY})` : '';
    if (request.headers.authorization !== `Basic ${btoa(`${GOOD_KEY}:`)}`)
      return jsonResponse(401, { error: `The server could not verify that you are authorized.${echo}` });
    const path = request.url.pathname;
    if (path === '/api/v1/me/') return jsonResponse(200, me);
    if (path === '/api/v1/outcome/') return jsonResponse(200, { data: outcomes, has_more: false });
    if (path === '/api/v1/activity/call/') return jsonResponse(200, { data: [...calls.values()], has_more: false });
    const match = /^\/api\/v1\/activity\/call\/([^/]+)\/$/.exec(path);
    const call = match && calls.get(match[1]!);
    if (!call) return jsonResponse(404, { error: `Empty query: Activity matching query does not exist.${echo}` });
    if (request.method === 'PUT') {
      const changes = JSON.parse(request.body!) as Partial<Call>;
      if (echo) return jsonResponse(400, { errors: [`Invalid.${echo}`], 'field-errors': { note: `Bad note.${echo}` } });
      Object.assign(call, changes, { date_updated: new Date(Date.parse(call.date_updated) + 1000).toISOString() });
    }
    return jsonResponse(200, call);
  };
}

/** The handler with the stand-in behind it. `requests` is the one list of everything sent. */
export function createHandlerFixture(options: { echoKeyInErrors?: boolean } = {}) {
  const fetch = recordingFetch(fakeClose(options));
  const openSettings = vi.fn(async () => {});
  // The background as the worker builds it (one factory), with the stand-in behind its client.
  const pushes: { tabId: number; message: unknown }[] = [];
  const { handleMessage: handle } = createBackground({
    ownId: OWN_ID,
    ownOrigin: OWN_ORIGIN,
    connection: connectionStore,
    openSettings,
    sendToTab: async (tabId, message) => void pushes.push({ tabId, message }),
    alarms: { get: async () => undefined, create: () => undefined },
    createClient: (apiKey, clientOptions) =>
      createCloseClient({ apiKey, fetch: fetch.fetch, sleep: recordingSleep().sleep, ...clientOptions }),
  });
  return { handle, requests: fetch.requests, openSettings, pushes };
}

export const connect = () => connectionStore.set({ apiKey: GOOD_KEY, account: ACCOUNT });

/** Close endpoints the extension may call at all; anything else would be a "fetch this URL". */
export const KNOWN_ENDPOINTS = [
  /^\/api\/v1\/me\/$/,
  /^\/api\/v1\/outcome\/$/,
  /^\/api\/v1\/activity\/call\/$/,
  /^\/api\/v1\/activity\/call\/acti_[A-Za-z0-9]{16,64}\/$/,
  /^\/api\/v1\/lead\/lead_[A-Za-z0-9]{16,64}\/$/, // the lead's contacts, for the Call picker
];

export const isKnownRequest = (request: RecordedRequest) =>
  request.url.origin === 'https://api.close.com' && KNOWN_ENDPOINTS.some((pattern) => pattern.test(request.url.pathname));

/** Valid messages of today's protocol, per sender kind. */
export const VALID_FROM_CONTENT = [
  { type: 'panel.load', leadId: LEAD },
  { type: 'panel.load', callId: CALL },
  { type: 'call.save', saveId: JOB, callId: CALL, changes: { note: 'Called back' }, base: null },
  { type: 'save.status', saveId: JOB },
  { type: 'save.retryNow', saveId: JOB },
  { type: 'outbox.cancel', saveId: JOB },
  { type: 'settings.open' },
  { type: 'calls.more', leadId: LEAD, skip: 100 },
];
export const VALID_FROM_PAGE = [
  { type: 'key.set', apiKey: GOOD_KEY },
  { type: 'key.status' },
  { type: 'key.clear' },
  { type: 'outbox.list' },
  { type: 'outbox.cancel', saveId: JOB },
  { type: 'outbox.claim', saveId: JOB },
];
