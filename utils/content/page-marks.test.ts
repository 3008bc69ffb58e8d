import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { draftItem } from '../draft-store';
import type { CallId } from '../close/ids';
import { FEED_BUTTON_TAG, LOOK_INTERVAL_MS, watchFeed } from './feed-buttons';
import { createPageMarks } from './page-marks';

const CALL_A = 'acti_K2Nm8Dq2zQ3kYv0Z3K1ab7dn0QcN1pP5r3ZcYtL0aWk' as CallId;
const CALL_B = 'acti_Zz9Nm8Dq2zQ3kYv0Z3K1ab7dn0QcN1pP5r3ZcYtL0a' as CallId;
const callItem = (id: string) =>
  `<li><span>Outbound call</span><time datetime="2026-11-20T10:05:00.000Z">Nov 20</time>` +
  `<a href="/lead/lead_abcdefghijklmnopqrstu/#activityId=${id}">Copy Link</a></li>`;

const settle = async () => {
  await new Promise<void>((resolve) => setTimeout(resolve, LOOK_INTERVAL_MS + 20));
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
};
const button = (id: CallId) =>
  [...document.querySelectorAll(FEED_BUTTON_TAG)].find((h) => h.getAttribute('data-call-id') === id)!.shadowRoot!.querySelector('button')!;
/** The words a marked element is described by (in its own tree). */
const description = (el: Element) =>
  (el.getRootNode() as ShadowRoot).getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent;

let ctx: ContentScriptContext;
let layer: HTMLElement;
let launcher: HTMLButtonElement;
let launcherCall: CallId | undefined;
const marks = () => {
  const made = createPageMarks(ctx, layer, launcher, () => launcherCall);
  const feed = watchFeed(ctx, vi.fn(), vi.fn(), { isCall: () => true, request: vi.fn(), subscribe: () => () => true }, made.refresh);
  feed.setActive(true);
  return made;
};

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = `<main><ul>${callItem(CALL_A)}${callItem(CALL_B)}</ul></main>`;
  ctx = new ContentScriptContext('page-marks-test');
  const host = document.createElement('close-quick-edit');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  layer = document.createElement('div');
  launcher = document.createElement('button');
  shadow.append(layer);
  layer.append(launcher);
  launcherCall = undefined;
});
afterEach(() => ctx.abort());

it('outlines the feed item of the call being edited, scrolls it into view, and removes the outline on close', async () => {
  const page = marks();
  const item = document.querySelectorAll('li')[1]!;
  vi.spyOn(item, 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 300, 500, 80));
  const scrolled = vi.fn();
  item.scrollIntoView = scrolled;

  page.setCurrent(CALL_B);
  const outline = layer.querySelector('.call-outline') as HTMLElement;
  expect([outline.style.left, outline.style.top, outline.style.width, outline.style.height]).toEqual(['97px', '297px', '506px', '86px']);
  expect(outline.getAttribute('aria-hidden')).toBe('true');
  expect(scrolled).toHaveBeenCalledOnce();
  expect(button(CALL_B).getAttribute('aria-current')).toBe('true');
  expect(button(CALL_A).hasAttribute('aria-current')).toBe(false);

  // Close moved the item (a re-render above it): the outline follows.
  vi.spyOn(item, 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 360, 500, 80));
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  expect(outline.style.top).toBe('357px');

  page.setCurrent(undefined);
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  expect(layer.querySelector('.call-outline')).toBeNull();
  expect(button(CALL_B).hasAttribute('aria-current')).toBe(false);
});

it('keeps following the panel while the launcher is out of the page (the panel is open)', async () => {
  const page = marks();
  page.watch();
  launcher.remove();
  const item = document.querySelectorAll('li')[0]!;
  vi.spyOn(item, 'getBoundingClientRect').mockReturnValue(new DOMRect(10, 20, 30, 40));
  item.scrollIntoView = vi.fn();
  page.setCurrent(CALL_B);
  page.setCurrent(undefined);
  page.setCurrent(CALL_A);
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  expect(layer.querySelector('.call-outline')).not.toBeNull();
  expect(button(CALL_A).getAttribute('aria-current')).toBe('true');
});

it('draws no outline for a call without a feed item', () => {
  const page = marks();
  page.setCurrent('acti_NotOnThisPage0000000000000000000000000000' as CallId);
  expect(layer.querySelector('.call-outline')).toBeNull();
});

it('marks a call with a draft on its feed button and on the launcher, in words too', async () => {
  const page = marks();
  page.watch();
  await settle();
  expect(button(CALL_A).hasAttribute('data-draft')).toBe(false);
  expect(launcher.hasAttribute('data-draft')).toBe(false);

  await draftItem(CALL_A).setValue({ note: { text: 'Call back Monday' }, savedAt: Date.now() });
  await settle();
  expect(button(CALL_A).hasAttribute('data-draft')).toBe(true);
  expect(description(button(CALL_A))).toBe('This call has a draft');
  expect(button(CALL_B).hasAttribute('data-draft')).toBe(false);
  // On a lead page the launcher opens one of the page's calls: it says a draft is waiting.
  expect(launcher.hasAttribute('data-draft')).toBe(true);
  expect(description(launcher)).toBe('This call has a draft');
  // A launcher for call B: B has none.
  launcherCall = CALL_B;
  page.refresh();
  expect(launcher.hasAttribute('data-draft')).toBe(false);
  expect(description(launcher)).toBeUndefined();

  // Handed to a save: on its way to Close, no longer the rep's to save.
  await draftItem(CALL_A).setValue({ note: { text: 'Call back Monday' }, saveId: 'save-1', savedAt: Date.now() });
  await settle();
  expect(button(CALL_A).hasAttribute('data-draft')).toBe(false);
  await draftItem(CALL_A).setValue({ note: { text: 'Call back Tuesday' }, savedAt: Date.now() });
  await settle();
  expect(button(CALL_A).hasAttribute('data-draft')).toBe(true);
  await draftItem(CALL_A).removeValue();
  await settle();
  expect(button(CALL_A).hasAttribute('data-draft')).toBe(false);
});

it('reads drafts stored before the page opened, and reads none until asked to watch', async () => {
  await draftItem(CALL_B).setValue({ outcome_id: null, savedAt: Date.now() });
  const get = vi.spyOn(fakeBrowser.storage.local, 'get');
  const page = marks();
  await settle();
  expect(get).not.toHaveBeenCalled();
  page.watch();
  await settle();
  expect(button(CALL_B).hasAttribute('data-draft')).toBe(true);
});
