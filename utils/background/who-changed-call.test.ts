import { describe, expect, it } from 'vitest';
import type { CloseClient, EventPage, Result } from '../close/client';
import type { CloseEvent } from '../close/schemas';
import { makeCall } from '../../test/unit/helpers';
import { whoChangedCall } from './who-changed-call';

const KEY = 'api_OURS0000000000000000.secret';
const SINCE = '2026-11-24T10:00:00.000000+00:00';
const event = (over: Partial<CloseEvent>): CloseEvent => ({
  id: 'ev_1', date_created: '2026-11-24T10:05:00.000000+00:00', action: 'updated', changed_fields: ['note', 'note_html'], ...over,
});
const current = makeCall({ user_id: 'user_rep', updated_by: 'user_sam', updated_by_name: 'Sam Okafor' });

/** A client whose event log answers these pages in turn; counts the pages read. */
function clientOf(pages: (Result<EventPage> | 'throw')[]) {
  let read = 0;
  const page = async (): Promise<Result<EventPage>> => {
    const answer = pages[read++]!;
    if (answer === 'throw') throw new TypeError('Failed to fetch');
    return answer.ok && read < pages.length ? { ok: true, value: { ...answer.value, next: page } } : answer;
  };
  return { client: { listEvents: page } as unknown as CloseClient, read: () => read };
}
const ok = (events: CloseEvent[]): Result<EventPage> => ({ ok: true, value: { events } });

describe('whoChangedCall', () => {
  it('names the call’s last changer from the call itself; our own key is never reported', async () => {
    const { client } = clientOf([
      ok([event({ user_id: 'user_sam' }), event({ id: 'ev_0', user_id: 'user_rep', api_key_id: 'api_OURS0000000000000000' })]),
    ]);
    expect(await whoChangedCall(client, current, SINCE, ['note'], KEY)).toEqual({
      known: true,
      changes: [{ field: 'note', by: { kind: 'person', userId: 'user_sam', name: 'Sam Okafor' }, at: '2026-11-24T10:05:00.000000+00:00' }],
    });
  });

  it('reads further pages only while they can hold newer changes', async () => {
    const old = event({ id: 'ev_old', date_created: '2026-11-24T09:00:00Z', user_id: 'user_sam' });
    const paged = clientOf([ok([event({ api_key_id: 'api_zapier' })]), ok([old]), ok([old])]);
    expect(await whoChangedCall(paged.client, current, SINCE, ['note'], KEY)).toMatchObject({ known: true, changes: [{ by: { kind: 'another-app' } }] });
    expect(paged.read()).toBe(2);
  });

  it('a forbidden, failing or empty log is "changed in Close" (known: false), never an error', async () => {
    const forbidden: Result<EventPage> = { ok: false, error: { kind: 'forbidden', status: 403, message: 'x' } as never };
    for (const pages of [[forbidden], ['throw' as const], [ok([])]])
      expect(await whoChangedCall(clientOf(pages).client, current, SINCE, ['note'], KEY)).toEqual({ known: false });
  });
});
