import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLocale } from '@/test/unit/i18n-setup';
import { makeCall } from '@/test/unit/helpers';
import type { CallsToLogState } from '@/utils/calls-to-log';
import { PopupCallsToLog } from './PopupCallsToLog';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('main');
  document.body.replaceChildren(root);
});
afterEach(() => render(null, root));

async function show(state: CallsToLogState | undefined) {
  const send = vi.fn(async (message: { type: string }) =>
    message.type === 'calls.count' ? (state ? { ok: true, value: state } : undefined) : { ok: true, value: null },
  );
  const opened = vi.fn();
  render(null, root);
  await act(() => render(<PopupCallsToLog send={send} onOpened={opened} />, root));
  for (let i = 0; i < 3; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return { send, opened };
}
const ready = (n: number): CallsToLogState => ({ state: 'ready', at: 0, calls: Array.from({ length: n }, () => ({ call: makeCall() })) });
const button = () => root.querySelector('button');

describe('the popup’s Calls to log', () => {
  it('says how many, and Log calls asks the background to open the queue', async () => {
    const { send, opened } = await show(ready(4));
    expect(send).toHaveBeenCalledWith({ type: 'calls.count' });
    expect(root.querySelector('[role=status]')!.textContent).toBe('4 calls to log');
    expect(button()!.textContent).toBe('Log calls');
    await act(() => button()!.click());
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(send).toHaveBeenLastCalledWith({ type: 'calls.open' });
    expect(opened).toHaveBeenCalledOnce();
  });

  it('one call, none, and a count that could not be had', async () => {
    await show(ready(1));
    expect(root.textContent).toContain('1 call to log');
    await show(ready(0));
    expect(root.textContent).toBe('All calls logged');
    expect(button()).toBeNull();
    await show({ state: 'failed', error: { kind: 'rate-limited', message: 'x', nextStep: 'retry' } });
    expect(root.querySelector('[role=status]')!.textContent).toMatch(/could not be counted/);
    expect(root.textContent).not.toMatch(/\d/);
  });

  it('nothing when not connected or when the background did not answer', async () => {
    await show({ state: 'disconnected' });
    expect(root.textContent).toBe('');
    await show(undefined);
    expect(root.textContent).toBe('');
  });

  it('in German', async () => {
    useLocale('de');
    await show(ready(3));
    expect(root.textContent).toContain('3 Anrufe zu erfassen');
    expect(button()!.textContent).toBe('Anrufe erfassen');
  });
});
