import { describe, expect, it } from 'vitest';
import { loadPanel } from './load-panel';
import { createCloseClient } from '../close/client';
import type { Call } from '../close/schemas';
import type { PanelData } from '../messages';
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

const LEAD = leadId(1);
const ACCOUNT = { userId: 'user_ann', organizationId: 'orga_acme', email: 'ann@acme.example', name: 'Ann Rep', organization: 'Acme Corp' };
const WILE = { id: 'cont_wile0000000000000000000000000000000000000', name: 'Wile E. Coyote' };
const MARVIN = { id: 'cont_marvin00000000000000000000000000000000000', name: 'Marvin Acme' };
const NEWEST = makeCall({ id: callId(2), lead_id: LEAD, contact_id: WILE.id, activity_at: '2026-03-12T10:00:00Z' });
const OLD = makeCall({ id: callId(1), lead_id: LEAD, contact_id: MARVIN.id, activity_at: '2026-03-01T10:00:00Z' });
const OUTCOMES = [makeOutcome(1)];

const LEAD_PATH = `/api/v1/lead/${LEAD}/`;

/** Close for one lead; `lead` answers the lead request (contacts). */
function close(lead: (request: RecordedRequest) => Response | Promise<Response>) {
  return recordingFetch((request) => {
    const path = request.url.pathname;
    if (path === LEAD_PATH) return lead(request);
    if (path === '/api/v1/activity/call/') return jsonResponse(200, { data: [OLD, NEWEST], has_more: false });
    if (path === `/api/v1/activity/call/${OLD.id}/`) return jsonResponse(200, OLD);
    return jsonResponse(404, { error: 'Empty query: Activity matching query does not exist.' });
  });
}

async function load(fetch: typeof globalThis.fetch, target: Parameters<typeof loadPanel>[2]) {
  const client = createCloseClient({ apiKey: 'api_test0000000000', fetch, sleep: recordingSleep().sleep });
  return loadPanel(client, ACCOUNT, target, async () => ({ ok: true, value: OUTCOMES }));
}

const connected = (reply: Awaited<ReturnType<typeof load>>) => {
  if (!reply.ok || !reply.value.connected) throw new Error(`not loaded: ${JSON.stringify(reply)}`);
  return reply.value as Extract<PanelData, { connected: true }>;
};

describe('loadPanel: the lead’s contacts', () => {
  it('are asked for with the lead’s name only, and returned by id and name (nameless ones left out)', async () => {
    const { fetch, requests } = close(() =>
      jsonResponse(200, {
        display_name: ' Acme Anvils & Co. ',
        contacts: [
          { ...WILE, title: 'Head of Operations', phones: [{ phone: '+14155550101' }] },
          { id: 'cont_nameless000000000000000000000000000000000', name: '' },
          MARVIN,
        ],
      }),
    );
    const data = connected(await load(fetch, { leadId: LEAD }));
    expect(data.contacts).toEqual([WILE, MARVIN]);
    // The lead's name, for a save waiting in the outbox (issue 15): the same request.
    expect(data.leadName).toBe('Acme Anvils & Co.');
    expect(data.calls.map((c: Call) => c.id)).toEqual([NEWEST.id, OLD.id]);
    expect(data.selectedCallId).toBe(NEWEST.id);
    const lead = requests.filter((r) => r.url.pathname === LEAD_PATH);
    expect(lead).toHaveLength(1);
    expect(lead[0]!.method).toBe('GET');
    expect(lead[0]!.url.searchParams.get('_fields')).toBe('display_name,contacts');
  });

  it('are asked for alongside the calls, not after them', async () => {
    let answerCalls!: () => void;
    const callsHeld = new Promise<void>((resolve) => (answerCalls = resolve));
    const { fetch, requests } = recordingFetch(async (request) => {
      if (request.url.pathname === LEAD_PATH) return jsonResponse(200, { contacts: [WILE] });
      await callsHeld;
      return jsonResponse(200, { data: [NEWEST], has_more: false });
    });
    const loading = load(fetch, { leadId: LEAD });
    // Both requests are out while Close has not answered the calls yet.
    await Promise.resolve();
    await Promise.resolve();
    expect(requests.map((r) => r.url.pathname).sort()).toEqual(['/api/v1/activity/call/', LEAD_PATH]);
    answerCalls();
    expect(connected(await loading).contacts).toEqual([WILE]);
  });

  it.each([
    ['a server error', () => jsonResponse(500, { error: 'boom' })],
    ['a 404', () => jsonResponse(404, { error: 'Empty query: Lead matching query does not exist.' })],
    ['a 403', () => jsonResponse(403, { error: 'Forbidden' })],
    ['an answer of the wrong shape', () => jsonResponse(200, { contacts: 'nope' })],
    ['a dropped connection', () => Promise.reject(new TypeError('Failed to fetch'))],
  ])('that cannot be had (%s) do not fail the load: the calls come without contacts', async (_, answer) => {
    const { fetch } = close(answer);
    const data = connected(await load(fetch, { leadId: LEAD }));
    expect(data).not.toHaveProperty('contacts');
    expect(data.calls.map((c: Call) => c.id)).toEqual([NEWEST.id, OLD.id]);
    expect(data.selectedCallId).toBe(NEWEST.id);
  });

  it('of a call named without a lead come from that call’s lead, and the named call stays selected', async () => {
    const { fetch, requests } = close(() => jsonResponse(200, { contacts: [WILE, MARVIN] }));
    const data = connected(await load(fetch, { callId: OLD.id }));
    expect(data.selectedCallId).toBe(OLD.id);
    expect(data.contacts).toEqual([WILE, MARVIN]);
    expect(requests.filter((r) => r.url.pathname === LEAD_PATH)).toHaveLength(1);
  });

  it('the call named in the URL stays preselected when contacts fail', async () => {
    const { fetch } = close(() => jsonResponse(500, {}));
    const data = connected(await load(fetch, { leadId: LEAD, callId: OLD.id }));
    expect(data.selectedCallId).toBe(OLD.id);
    expect(data).not.toHaveProperty('contacts');
  });
});
