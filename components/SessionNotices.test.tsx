import { render } from 'preact';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { useLocale } from '@/test/unit/i18n-setup';
import type { Call } from '@/utils/close/schemas';
import { initialSession, type Session, type Status } from '@/utils/panel/save-session';
import { WhereNotice } from './SessionNotices';

// Issue 15: Save & next said the same sentence on every step. The panel says where the rep is,
// and once none is left, says that once (not while the save status already says it).

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.replaceChildren(root);
});
afterEach(() => render(null, root));

const contacts = [{ id: 'cont_m', name: 'Marvin Acme' }];
const call = (id: string, at: string, outcome_id: string | null = null) =>
  ({ id, outcome_id, contact_id: 'cont_m', activity_at: at, date_created: at, phone: '+1415' }) as unknown as Call;
const loaded = [call('acti_1', '2026-11-23T15:42:00Z'), call('acti_2', '2026-11-20T10:05:00Z'), call('acti_3', '2026-11-12T16:30:00Z')];

function session(callId: string, calls: Call[], status: Status = { kind: 'idle' }): Session {
  const [s] = initialSession();
  return {
    ...s,
    load: { state: 'ready', data: { connected: true, account: {} as never, calls: loaded, selectedCallId: 'acti_1' as never, outcomes: [], pending: [] } },
    calls,
    callId: callId as never,
    status,
  };
}
const words = (s: Session) => {
  render(<WhereNotice session={s} contacts={contacts} />, root);
  const line = root.querySelector('.where')!;
  expect(line.getAttribute('aria-live')).toBe('polite');
  return line.textContent;
};
const given = (calls: Call[], ...ids: string[]) => calls.map((c) => (ids.includes(c.id) ? { ...c, outcome_id: 'o' } : c));

it('says which of the calls without an outcome is shown, whom with and on which day', () => {
  expect(words(session('acti_1', loaded))).toBe('1 of 3 without an outcome · Marvin Acme · Nov 23');
  expect(words(session('acti_2', given(loaded, 'acti_1')))).toBe('2 of 3 without an outcome · Marvin Acme · Nov 20');
  expect(words(session('acti_3', given(loaded, 'acti_1', 'acti_2')))).toBe('3 of 3 without an outcome · Marvin Acme · Nov 12');
});

it('says once that none is left: not while the save status says so', () => {
  const done = given(loaded, 'acti_1', 'acti_2', 'acti_3');
  expect(words(session('acti_3', done))).toBe('All calls on this lead have an outcome now.');
  const saidByStatus: Status = { kind: 'saved', undo: {}, after: done[2]!, undoUntil: 0, say: 'allDone' };
  expect(words(session('acti_3', done, saidByStatus))).toBe('');
  expect(words(session('acti_3', done, { kind: 'info', say: 'noOtherCall' }))).toBe('');
  // Calls to log has its own "All calls logged".
  expect(words({ ...session('acti_3', done), view: 'calls-to-log' })).toBe('');
});

it('in German', () => {
  useLocale('de');
  expect(words(session('acti_2', given(loaded, 'acti_1')))).toBe('2 von 3 ohne Ergebnis · Marvin Acme · 20. Nov.');
  expect(words(session('acti_3', given(loaded, 'acti_1', 'acti_2', 'acti_3')))).toBe('Alle Anrufe dieses Leads haben jetzt ein Ergebnis.');
});
