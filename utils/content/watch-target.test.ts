import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchTarget } from './watch-target';
import { createCallConfirmations } from './call-confirmations';
import type { CallId } from '../close/ids';

// Pages whose URL names no call: the target comes from the first call linked on the page, found
// by a rescan after DOM changes. Close's feeds change the DOM all the time (issue 6).

const CALL = 'acti_K2Nm8Dq2zQ3kYv0Z3K1ab7dn0QcN1pP5r3ZcYtL0aWk';
const LATER_CALL = 'acti_Zz9Nm8Dq2zQ3kYv0Z3K1ab7dn0QcN1pP5r3ZcYtL0a';
const EMAIL = 'acti_Em4iLq7bX2dR9sK1vT6wY3zA8cF5gH0jN2mP4rU7';
/** Close, as asked through the background: these are calls. */
const closeSays = (calls: string[] = [CALL, LATER_CALL]) => {
  const asked: CallId[][] = [];
  const confirmations = createCallConfirmations(async (ids) => {
    asked.push(ids);
    return ids.filter((id) => calls.includes(id));
  });
  return { confirmations, asked };
};

let ctx: ContentScriptContext;
const flush = () => new Promise<void>((resolve) => queueMicrotask(resolve));
const link = (href: string) => Object.assign(document.createElement('a'), { href });

beforeEach(() => {
  vi.useFakeTimers();
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://app.close.com/inbox/');
  document.body.replaceChildren();
  ctx = new ContentScriptContext('watch-target-test');
});
afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
});

it('rescans once per burst of changes, and keeps watching after a rescan', async () => {
  const seen = vi.fn();
  const observe = vi.spyOn(MutationObserver.prototype, 'observe');
  expect(watchTarget(ctx, seen, closeSays().confirmations)).toBeUndefined();
  for (let i = 0; i < 100; i++) {
    document.body.append(document.createElement('p'));
    await flush();
  }
  document.body.append(link(`/call/${CALL}/voicemail/`));
  await flush();
  expect(seen).not.toHaveBeenCalled();
  const observedBefore = observe.mock.calls.length;
  await vi.advanceTimersByTimeAsync(150);
  expect(seen.mock.calls).toEqual([[{ callId: CALL }]]);
  // One rescan for the whole burst: the observer was set up again once, after it.
  expect(observe.mock.calls.length - observedBefore).toBe(1);

  // Watching goes on: a call link that comes first later is followed.
  document.body.prepend(link(`/lead/x/#activityId=${LATER_CALL}`));
  await flush();
  await vi.advanceTimersByTimeAsync(150);
  expect(seen.mock.calls.at(-1)).toEqual([{ callId: LATER_CALL }]);
});

it('a page without a lead: the first linked call Close confirmed, never an email linked before it (issue 14)', async () => {
  document.body.append(link(`/lead/x/#activityId=${EMAIL}`), link(`/lead/x/#activityId=${CALL}`));
  const seen = vi.fn();
  const { confirmations, asked } = closeSays();
  // Nothing before Close answered: the launcher does not guess.
  expect(watchTarget(ctx, seen, confirmations)).toBeUndefined();
  await vi.advanceTimersByTimeAsync(0);
  expect(asked).toEqual([[EMAIL, CALL]]);
  expect(seen.mock.calls).toEqual([[{ callId: CALL }]]);
});

it('a page that links only emails has no target, and a failed answer is asked again, not guessed', async () => {
  document.body.append(link(`/lead/x/#activityId=${EMAIL}`));
  const seen = vi.fn();
  let fail = true;
  const asked: CallId[][] = [];
  const confirmations = createCallConfirmations(async (ids) => {
    asked.push(ids);
    return fail ? undefined : [];
  });
  expect(watchTarget(ctx, seen, confirmations)).toBeUndefined();
  await vi.advanceTimersByTimeAsync(0);
  expect(asked).toHaveLength(1);
  fail = false;
  await vi.advanceTimersByTimeAsync(1_000);
  expect(asked).toHaveLength(2);
  expect(seen).not.toHaveBeenCalled();
});

it('the call route is about its call at once, even one Close does not confirm with this key (issue 5)', async () => {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`https://app.close.com/call/${CALL}/voicemail/`);
  document.body.append(link(`/lead/x/#activityId=${LATER_CALL}`));
  const { confirmations, asked } = closeSays([]);
  expect(watchTarget(ctx, vi.fn(), confirmations)).toEqual({ callId: CALL });
  await vi.advanceTimersByTimeAsync(0);
  expect(asked).toEqual([]);
});

it('an id in the query or hash of a page without a lead still waits for Close', async () => {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`https://app.close.com/inbox/#activityId=${EMAIL}`);
  const { confirmations, asked } = closeSays();
  expect(watchTarget(ctx, vi.fn(), confirmations)).toBeUndefined();
  await vi.advanceTimersByTimeAsync(0);
  expect(asked).toEqual([[EMAIL]]);
});
