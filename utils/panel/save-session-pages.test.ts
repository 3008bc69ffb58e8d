import { describe, expect, it } from 'vitest';
import { callId, leadId, makeCall, outcomeId } from '../../test/unit/helpers';
import type { Call } from '../close/schemas';
import type { CallsPage, PanelData, Reply } from '../messages';
import { noteFromLegacyDraft } from '../note-content';
import { initialSession, reduce, type Effect, type Event, type Session } from './save-session';

// A lead's calls page by page in the save session (issue 14 point 1): the first page at open,
// the next when the rep asks (More calls), goes past the last (Alt+Down), or Save & next needs it.

const LEAD = leadId(1);
const DONE = outcomeId(1);
const SAVE = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ACCOUNT = { userId: 'user_x', organizationId: 'orga_x', email: 'rep@example.com', name: 'Rep', organization: 'Org' };
const c = (n: number, outcome: string | null = DONE) => makeCall({ id: callId(n), lead_id: LEAD, note: `Note ${n}`, note_html: null, outcome_id: outcome });

const firstPage = [c(1, null), c(2), c(3)];
const secondPage = [c(4), c(5, null)];
const more = (skip: number) => ({ leadId: LEAD, skip });
const data = (calls: Call[], withMore = true): PanelData => ({
  connected: true, account: ACCOUNT, calls, selectedCallId: calls[0]!.id, outcomes: [], pending: [], ...(withMore && { moreCalls: more(3) }),
});

function play(events: Event[], start?: Session) {
  let s = start ?? initialSession()[0];
  const effects: Effect[] = [];
  for (const event of events) {
    const [next, out] = reduce(s, event, 1_000);
    s = next;
    effects.push(...out);
  }
  return { s, effects };
}
const open = (withMore = true) => play([{ type: 'loaded', token: 1, reply: { ok: true, value: data(firstPage, withMore) } }]).s;
const page = (calls: Call[], next?: number): Event => ({
  type: 'more-loaded', token: 1, skip: 3, reply: { ok: true, value: { calls, ...(next !== undefined && { more: more(next) }) } } satisfies Reply<CallsPage>,
});
const loadMore: Effect = { type: 'load-more', token: 1, more: more(3) };
const ids = (s: Session) => s.calls.map((call) => call.id);

describe('More calls', () => {
  it('asks for the next page once, adds it after the first, and keeps the shown call', () => {
    const { s, effects } = play([{ type: 'more-calls' }, { type: 'more-calls' }], open());
    expect(effects.filter((e) => e.type === 'load-more')).toEqual([loadMore]);
    const after = play([page(secondPage)], s).s;
    expect(ids(after)).toEqual([...firstPage, ...secondPage].map((call) => call.id));
    expect(after.callId).toBe(firstPage[0]!.id);
    expect(after.more).toBeUndefined(); // has_more false: no More calls any more
    expect(after.moreLoading).toBeUndefined();
  });

  it('without has_more there is nothing to ask for', () => {
    expect(play([{ type: 'more-calls' }], open(false)).effects).toEqual([]);
  });

  it('a failed page is said, and asking again sends again; a late answer for another load changes nothing', () => {
    const failed = play([{ type: 'more-calls' }, { type: 'more-loaded', token: 1, skip: 3, reply: { ok: false, error: { kind: 'offline', message: 'Could not reach Close.', nextStep: 'retry' } } }], open()).s;
    expect(failed.moreError?.kind).toBe('offline');
    expect(failed.more).toEqual(more(3));
    expect(play([{ type: 'more-calls' }], failed).effects).toEqual([loadMore]);
    const stale = play([{ type: 'more-calls' }, { ...page(secondPage), token: 0 } as Event], open()).s;
    expect(ids(stale)).toEqual(firstPage.map((call) => call.id));
  });
});

describe('Alt+Down past the last loaded call', () => {
  it('loads the next page, then shows its first call', () => {
    const { s, effects } = play([{ type: 'show', callId: c(3).id }, { type: 'step-call', step: 1 }], open());
    expect(effects).toContainEqual(loadMore);
    expect(s.callId).toBe(c(3).id);
    expect(play([page(secondPage)], s).s.callId).toBe(c(4).id);
  });

  it('the rep moved elsewhere meanwhile: the page is in, nothing moves', () => {
    const { s } = play([{ type: 'show', callId: c(3).id }, { type: 'step-call', step: 1 }, { type: 'show', callId: c(2).id }, page(secondPage)], open());
    expect(s.callId).toBe(c(2).id);
    expect(ids(s)).toHaveLength(5);
  });
});

describe('Save & next when no call without an outcome is left in the loaded pages', () => {
  it('with nothing to save: the next page first, then its call without an outcome (not a wrap to the top)', () => {
    const { s, effects } = play([{ type: 'save', saveId: SAVE(1), then: 'next' }], open());
    expect(effects).toEqual([loadMore]);
    expect(s.status.kind).toBe('idle'); // not "every other call has an outcome" yet
    expect(play([page(secondPage)], s).s.callId).toBe(c(5).id);
  });

  it('with a save: it goes on behind while the page comes, then the rep is on the page-2 call', () => {
    const { s, effects } = play(
      [{ type: 'edit', content: noteFromLegacyDraft('Done') }, { type: 'save', saveId: SAVE(1), then: 'next' }, { type: 'result', saveId: SAVE(1), result: { state: 'accepted' } }],
      open(),
    );
    expect(effects).toContainEqual(loadMore);
    expect(s.callId).toBe(c(1).id);
    const moved = play([page(secondPage)], s).s;
    expect(moved.callId).toBe(c(5).id);
    expect(moved.status).toEqual({ kind: 'sending', saveId: SAVE(1), behind: c(1).id });
  });

  it('pages on until one has such a call; "all have an outcome" only once Close has no more', () => {
    let { s } = play([{ type: 'save', saveId: SAVE(1), then: 'next' }], open());
    const step = play([page([c(4)], 4)], s);
    s = step.s;
    expect(step.effects).toEqual([{ type: 'load-more', token: 1, more: more(4) }]);
    expect(s.status.kind).toBe('idle');
    s = play([{ type: 'more-loaded', token: 1, skip: 4, reply: { ok: true, value: { calls: [c(6)] } } }], s).s;
    expect(s.callId).toBe(c(1).id);
    expect(s.status).toEqual({ kind: 'info', say: 'noOtherCall' });
  });

  it('a save confirmed before the last page said there are none left is not "all done" while Close has more', () => {
    const { s } = play(
      [
        { type: 'edit', content: noteFromLegacyDraft('Done') },
        { type: 'save', saveId: SAVE(1), then: 'next' },
        { type: 'result', saveId: SAVE(1), result: { state: 'accepted' } },
        { type: 'result', saveId: SAVE(1), result: { state: 'saved', call: { ...c(1, null), note: 'Done' } } },
      ],
      open(),
    );
    expect(s.status).toMatchObject({ kind: 'saved' });
    expect(s.status.kind === 'saved' && s.status.say).toBeFalsy();
  });
});
