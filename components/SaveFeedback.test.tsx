import { render } from 'preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { useLocale } from '@/test/unit/i18n-setup';
import type { Status } from '@/utils/panel/save-session';
import { SaveFeedback } from './SaveFeedback';

// Issue 15: words at the right weight. Close busy or failing (429, 5xx) and retried by itself is
// a status with the countdown; offline is said only for the network; an alert only where the rep
// has something to do.

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.replaceChildren(root);
});
afterEach(() => render(null, root));

const NOW = 1_000_000;
const on = { cancel: vi.fn(), retryNow: vi.fn() };
const show = (status: Status) => {
  const noop = vi.fn();
  render(
    <SaveFeedback status={status} now={NOW} noteSize={0} onUndo={noop} onRetry={noop} onCancel={on.cancel} onRetryNow={on.retryNow} onOpenSettings={noop} nameOf={(id) => `call ${id}`} />,
    root,
  );
  return {
    status: root.querySelector('[role="status"]')?.textContent,
    alert: root.querySelector('[role="alert"]')?.textContent,
    buttons: [...root.querySelectorAll('button')].map((b) => b.textContent),
  };
};

it('a 5xx or 429 being retried is said with its countdown in an alert (UI-CONTRACT), calmly, not as an error', () => {
  for (const reason of ['server', 'rate-limited'] as const) {
    const shown = show({ kind: 'waiting', saveId: 's1', reason, until: NOW + 4_200 });
    expect(shown.alert).toBe('Close is having trouble — retrying in 5 s. Your text is kept; nothing to do.');
    expect(shown.status).toBe('');
    expect(root.querySelector('[role="alert"]')?.classList.contains('error')).toBe(false);
    expect(shown.buttons).toEqual(['Retry now', 'Cancel queued save']);
    // Close's trouble is never said as the rep's connection.
    expect(`${shown.alert} ${shown.status}`).not.toMatch(/online|connection|reach/i);
  }
});

const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;

it('Retry now asks for the save now; also for the call before, after Save & next', () => {
  on.retryNow.mockClear();
  show({ kind: 'waiting', saveId: 's1', reason: 'server', until: NOW + 30_000 });
  button('Retry now').click();
  expect(on.retryNow).toHaveBeenCalledTimes(1);
  expect(show({ kind: 'waiting', saveId: 's1', reason: 'rate-limited', until: NOW + 2_000, behind: 'acti_A' as never }).buttons).toEqual(['Retry now']);
});

it('the outcome hold is a status, “Sending in N s”, counting down, with Undo; not an alert', () => {
  on.cancel.mockClear();
  const shown = show({ kind: 'waiting', saveId: 's1', reason: 'hold', until: NOW + 4_200 });
  expect(shown).toEqual({ status: 'Sending in 5 s', alert: undefined, buttons: ['Undo'] });
  button('Undo').click();
  expect(on.cancel).toHaveBeenCalledTimes(1);
  expect(show({ kind: 'waiting', saveId: 's1', reason: 'hold', until: NOW + 900 }).status).toBe('Sending in 1 s');
  expect(show({ kind: 'waiting', saveId: 's1', reason: 'hold', until: NOW + 9_000, behind: 'acti_A' as never }).status).toBe('Sending the previous call’s save in 9 s');
  expect(show({ kind: 'info', say: 'holdUndone' }).status).toMatch(/^Undone: nothing was sent to Close\./);
});

it('offline is said as offline, and a save waiting for another account is an alert', () => {
  expect(show({ kind: 'waiting', saveId: 's1', reason: 'offline', until: NOW + 30_000 }).alert).toMatch(/Will save when back online/);
  expect(show({ kind: 'waiting', saveId: 's1', reason: 'account' }).alert).toBeDefined();
});

it('says it in German too', () => {
  useLocale('de');
  expect(show({ kind: 'waiting', saveId: 's1', reason: 'server', until: NOW + 1_000 }).alert).toMatch(/^Close hat gerade Probleme – neuer Versuch in 1 s\./);
  expect(show({ kind: 'waiting', saveId: 's1', reason: 'server', until: NOW + 1_000 }).buttons[0]).toBe('Jetzt erneut versuchen');
  expect(show({ kind: 'waiting', saveId: 's1', reason: 'hold', until: NOW + 3_000 })).toEqual({ status: 'Wird in 3 s gesendet', alert: undefined, buttons: ['Rückgängig'] });
});

it('Undo after Save & next names the call it undoes', () => {
  const after = { id: 'acti_A' } as unknown as Extract<Status, { kind: 'saved' }>['after'];
  show({ kind: 'saved', undo: { note: 'before' }, after, undoUntil: NOW + 15_000, say: 'savedNext', callId: 'acti_A' as never });
  const undo = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Undo')!;
  expect(root.querySelector(`#${undo.getAttribute('aria-describedby')}`)?.textContent).toBe('call acti_A');
  // Undo of the shown call needs no name.
  show({ kind: 'saved', undo: { note: 'before' }, after, undoUntil: NOW + 15_000 });
  expect([...root.querySelectorAll('button')].find((b) => b.textContent === 'Undo')!.hasAttribute('aria-describedby')).toBe(false);
});
