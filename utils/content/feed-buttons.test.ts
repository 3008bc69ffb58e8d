import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BUTTONS_PER_LOOK, FEED_BUTTON_TAG, LOOK_INTERVAL_MS, findCallItems, watchFeed } from './feed-buttons';
import { createCallConfirmations, type CallConfirmations } from './call-confirmations';
import type { CallId } from '../close/ids';

// Close's feed as the stand-in renders it: generated class names, the call id only in a link.
const CALL_A = 'acti_K2Nm8Dq2zQ3kYv0Z3K1ab7dn0QcN1pP5r3ZcYtL0aWk';
const CALL_B = 'acti_Zz9Nm8Dq2zQ3kYv0Z3K1ab7dn0QcN1pP5r3ZcYtL0a';
const EMAIL = 'acti_Em4iLq7bX2dR9sK1vT6wY3zA8cF5gH0jN2mP4rU7';

const callItem = (id: string, kind = 'Outbound call') =>
  `<li class="x_item__a1"><div class="x_head__b2"><span>${kind}</span>` +
  `<time datetime="2026-11-20T10:05:00.000Z">Nov 20, 2026 10:05 AM UTC</time>` +
  `<a class="x_copy__c3" href="/lead/lead_abcdefghijklmnopqrstu/#activityId=${id}">Copy Link</a></div></li>`;

/** Close's answers, already in: A and B are calls, the email is not. */
const known = (calls: string[] = [CALL_A, CALL_B]): CallConfirmations & { asked: CallId[][] } => {
  const asked: CallId[][] = [];
  return { asked, isCall: (id) => calls.includes(id), request: (ids) => void asked.push([...ids]), subscribe: () => () => true };
};

let ctx: ContentScriptContext;
/** After the mutation records are delivered and the look they scheduled (at most LOOK_INTERVAL_MS away). */
const settle = async () => {
  await Promise.resolve();
  await new Promise<void>((resolve) => setTimeout(resolve, LOOK_INTERVAL_MS + 20));
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
};
/** Watching a lead page's feed. */
const watch = (openCall = vi.fn(), intent = vi.fn(), calls: CallConfirmations = known()) => {
  const feed = watchFeed(ctx, openCall, intent, calls);
  feed.setActive(true);
  return feed;
};
const hosts = () => [...document.querySelectorAll(FEED_BUTTON_TAG)];
const buttonsPerItem = () =>
  [...document.querySelectorAll('li')].map((li) => [...li.querySelectorAll(FEED_BUTTON_TAG)].map((h) => h.getAttribute('data-call-id')));

beforeEach(() => {
  document.body.innerHTML = `<main><ul>${callItem(CALL_A)}${callItem(EMAIL, 'Email')}</ul></main>`;
  ctx = new ContentScriptContext('feed-buttons-test');
});
afterEach(() => ctx.abort());

it('finds call items by their links, one per item, and skips activities that are not calls', () => {
  document.querySelector('ul')!.insertAdjacentHTML(
    'beforeend',
    `<li role="listitem"><span>Inbound call</span><a href="/x/${CALL_B}/">Copy Link</a><a href="#activityId=${CALL_B}">at 3 PM</a></li>` +
      `<article><span>Call</span><button data-activity-id="${CALL_A}">More</button></article>`,
  );
  const calls = known();
  expect([...findCallItems(document.body, calls).values()]).toEqual([CALL_A, CALL_B, CALL_A]);
  // The email's id is asked about, and it is no call.
  expect(calls.asked).toEqual([[EMAIL]]);
  // From a changed link: its own item.
  const link = document.querySelector(`a[href*="${CALL_B}"]`)!;
  expect([...findCallItems(link, calls)]).toEqual([[link.closest('li'), CALL_B]]);
  expect([...findCallItems(document.querySelector('ul')!.children[1]!, calls).values()]).toEqual([]);
});

it('ids, not words: a German call item gets its button, an email that says "call" none (issue 14)', () => {
  document.querySelector('ul')!.innerHTML =
    callItem(CALL_A, 'Ausgehender Anruf') + callItem(EMAIL, 'E-Mail: Re: our call on Monday') + callItem(CALL_B, 'Eingehender Anruf');
  watch();
  expect(buttonsPerItem()).toEqual([[CALL_A], [], [CALL_B]]);
});

it('an item carrying two different ids (an email linking a call) gets no button: a button opens only its own call', () => {
  document.querySelector('ul')!.innerHTML =
    `<li><span>Email</span><time datetime="2026-11-20T10:05:00.000Z">Nov 20</time>` +
    `<a href="/lead/x/#activityId=${EMAIL}">Copy Link</a> see <a href="/lead/x/#activityId=${CALL_B}">the call</a></li>` +
    callItem(CALL_A);
  watch();
  expect(buttonsPerItem()).toEqual([[], [CALL_A]]);
});

it('buttons come when Close confirms the ids, one request for the feed; no answer, no button, and it asks again', async () => {
  const asked: CallId[][] = [];
  let answer: (ids: CallId[]) => CallId[] | undefined = () => undefined; // 429 / 400 / no key yet
  const calls = createCallConfirmations(async (ids) => {
    asked.push(ids);
    return answer(ids);
  });
  document.querySelector('ul')!.insertAdjacentHTML('beforeend', callItem(CALL_B));
  watch(vi.fn(), vi.fn(), calls);
  expect(hosts()).toHaveLength(0);
  await settle();
  expect(asked).toEqual([[CALL_A, EMAIL, CALL_B]]);
  expect(hosts()).toHaveLength(0);
  // Close answers the retry (a second later): only its calls get buttons.
  answer = (ids) => ids.filter((id) => id !== EMAIL);
  await vi.waitFor(() => expect(buttonsPerItem()).toEqual([[CALL_A], [], [CALL_B]]), { timeout: 3_000 });
  expect(asked).toHaveLength(2);
});

it('puts one button beside each call’s time, named after it, and opens that call on a real click only', async () => {
  const openCall = vi.fn();
  const intent = vi.fn();
  watch(openCall, intent);
  expect(buttonsPerItem()).toEqual([[CALL_A], []]);
  const host = hosts()[0]!;
  expect(host.previousElementSibling?.localName).toBe('time');
  const button = host.shadowRoot!.querySelector('button')!;
  expect(button.textContent).toBe('Quick edit');
  expect(button.getAttribute('aria-label')).toBe('Quick edit: call on Nov 20, 2026 10:05 AM UTC');

  // A page script's click is not trusted; it does not reach the item's own handlers either.
  const itemClicks = vi.fn();
  document.querySelector('li')!.addEventListener('click', itemClicks);
  button.click();
  expect(openCall).not.toHaveBeenCalled();
  expect(itemClicks).not.toHaveBeenCalled();
  const trusted = new MouseEvent('click', { bubbles: true, composed: true });
  Object.defineProperty(trusted, 'isTrusted', { value: true });
  button.dispatchEvent(trusted);
  expect(openCall).toHaveBeenCalledWith(CALL_A);
  expect(itemClicks).not.toHaveBeenCalled();

  button.dispatchEvent(new Event('pointerenter'));
  expect(intent).toHaveBeenCalled();
});

it('follows the feed: added items, a re-rendered feed, a changed link, a removed button', async () => {
  watch();
  const list = document.querySelector('ul')!;
  list.insertAdjacentHTML('beforeend', callItem(CALL_B));
  await settle();
  expect(buttonsPerItem()).toEqual([[CALL_A], [], [CALL_B]]);

  // Rendered again from scratch, twice in one frame: still one button per item.
  list.innerHTML = callItem(CALL_B) + callItem(CALL_A);
  list.innerHTML = callItem(CALL_B) + callItem(CALL_A);
  await settle();
  expect(buttonsPerItem()).toEqual([[CALL_B], [CALL_A]]);

  // A framework reusing an item for another call changes its link: the button follows.
  document.querySelector(`a[href*="${CALL_B}"]`)!.setAttribute('href', `/lead/x/#activityId=${CALL_A}`);
  await settle();
  expect(buttonsPerItem()).toEqual([[CALL_A], [CALL_A]]);

  // Our button taken out of an item that stays: put back.
  hosts()[0]!.remove();
  await settle();
  expect(buttonsPerItem()).toEqual([[CALL_A], [CALL_A]]);

  // Items gone: their buttons with them; a page without calls has none.
  list.innerHTML = callItem(EMAIL, 'Email');
  await settle();
  expect(hosts()).toEqual([]);
});

it('on a busy page, looks at most once per interval, however many changes come', async () => {
  watch();
  const list = document.querySelector('ul')!;
  const looks = vi.spyOn(Element.prototype, 'querySelectorAll');
  const bodyLooks = () => looks.mock.contexts.filter((el) => el === document.body).length;
  // 300 separate batches of changes (each its own task), faster than the interval.
  const started = performance.now();
  for (let i = 0; i < 300; i++) {
    list.insertAdjacentHTML('beforeend', callItem(i % 2 ? CALL_A : CALL_B));
    await Promise.resolve();
  }
  const elapsed = performance.now() - started;
  // Each look places at most BUTTONS_PER_LOOK (no long task), the top first. Counted per look, not
  // per stretch of wall-clock time: on a busy machine the timer behind settle() fires late, and
  // more looks have run by then (a full run saw three).
  await settle();
  const afterOne = buttonsPerItem().filter((ids) => ids.length === 1).length;
  expect(afterOne).toBeLessThanOrEqual(1 + bodyLooks() * BUTTONS_PER_LOOK);
  expect(buttonsPerItem()[0]).toEqual([CALL_A]);
  // Then the rest, over a few more looks.
  await vi.waitFor(() => expect(buttonsPerItem().filter((ids) => ids.length === 1)).toHaveLength(301), { timeout: 5_000 });
  expect(buttonsPerItem().slice(-3)).toEqual([[CALL_A], [CALL_B], [CALL_A]]);
  const needed = Math.ceil(300 / BUTTONS_PER_LOOK) + Math.ceil((elapsed + LOOK_INTERVAL_MS) / LOOK_INTERVAL_MS);
  expect(bodyLooks()).toBeLessThanOrEqual(needed + 1);
});

it('adds nothing and watches nothing off a lead page, and takes its buttons away when the page stops being one', async () => {
  const feed = watchFeed(ctx, vi.fn(), vi.fn(), known());
  expect(hosts()).toHaveLength(0);
  document.querySelector('ul')!.insertAdjacentHTML('beforeend', callItem(CALL_B));
  await settle();
  expect(hosts()).toHaveLength(0);
  feed.setActive(true);
  expect(buttonsPerItem()).toEqual([[CALL_A], [], [CALL_B]]);
  feed.setActive(false);
  expect(hosts()).toHaveLength(0);
  document.querySelector('ul')!.insertAdjacentHTML('beforeend', callItem(CALL_A));
  await settle();
  expect(hosts()).toHaveLength(0);
});

it('stops watching and takes its buttons away when the extension context goes', async () => {
  watch();
  expect(hosts()).toHaveLength(1);
  ctx.abort();
  expect(hosts()).toHaveLength(0);
  document.querySelector('ul')!.insertAdjacentHTML('beforeend', callItem(CALL_B));
  await settle();
  expect(hosts()).toHaveLength(0);
});
