import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { senderRole } from './sender';

type Sender = Browser.runtime.MessageSender;

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}`;
const LEAD_URL = 'https://app.close.com/lead/lead_Ln2B6zRnlrDrm2vqV7c6xUs0CE09j4Gu8k7JcjaMBBy/';
const tab = { id: 7, index: 0, windowId: 1, highlighted: true, active: true, pinned: false, incognito: false } as Browser.tabs.Tab;

const role = (sender: Sender, ownOrigin = OWN_ORIGIN) => senderRole(sender, OWN_ID, ownOrigin);
const contentScript = (overrides: Partial<Sender> & { origin?: string } = {}): Sender => ({
  id: OWN_ID,
  url: LEAD_URL,
  origin: 'https://app.close.com',
  tab,
  frameId: 0,
  ...overrides,
});

describe('our own extension pages', () => {
  it('the popup (no tab) is an extension page', () => {
    expect(role({ id: OWN_ID, url: `${OWN_ORIGIN}/popup.html`, origin: OWN_ORIGIN } as Sender)).toBe('extension-page');
  });

  it('the options page open in a tab is an extension page', () => {
    expect(role({ id: OWN_ID, url: `${OWN_ORIGIN}/options.html#key`, tab, frameId: 0, origin: OWN_ORIGIN } as Sender)).toBe(
      'extension-page',
    );
  });

  it('Firefox (moz-extension:, no `origin` field) is recognised too', () => {
    const origin = 'moz-extension://0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
    expect(role({ id: OWN_ID, url: `${origin}/popup.html` }, origin)).toBe('extension-page');
  });

  it('another extension\'s page is not ours, even if it claimed our id', () => {
    const other = 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba';
    expect(role({ id: OWN_ID, url: `${other}/popup.html`, origin: other } as Sender)).toBeUndefined();
    expect(role({ id: OWN_ID, url: `${other}/popup.html` })).toBeUndefined();
  });

  it('a page with an opaque origin is never an extension page', () => {
    for (const url of ['about:blank', 'data:text/html,<script>1</script>', 'blob:null/1234', 'javascript:void 0'])
      expect(role({ id: OWN_ID, url }, 'null')).toBeUndefined();
  });
});

describe('content scripts', () => {
  it('from the top frame of app.close.com is a content script', () => {
    expect(role(contentScript())).toBe('content-script');
    expect(role(contentScript({ url: 'https://app.close.com/inbox/' }))).toBe('content-script');
  });

  it('Firefox gives no `origin` field: the URL decides', () => {
    const { origin: _o, ...firefox } = contentScript() as Sender & { origin?: string };
    expect(role(firefox)).toBe('content-script');
  });

  it('an iframe is not trusted', () => {
    expect(role(contentScript({ frameId: 2 }))).toBeUndefined();
    expect(role(contentScript({ frameId: undefined }))).toBeUndefined();
  });

  it('a sender without a tab is not a content script', () => {
    expect(role(contentScript({ tab: undefined }))).toBeUndefined();
  });

  it('a tab without a usable id is not one either', () => {
    expect(role(contentScript({ tab: { ...tab, id: undefined } }))).toBeUndefined();
    expect(role(contentScript({ tab: { ...tab, id: -1 } }))).toBeUndefined(); // TAB_ID_NONE
  });

  it('only a document the rep is looking at: not prerendered, not in the back-forward cache', () => {
    const withLifecycle = (documentLifecycle: string) => ({ ...contentScript(), documentLifecycle }) as Sender;
    expect(role(withLifecycle('active'))).toBe('content-script');
    for (const state of ['prerender', 'cached', 'pending_deletion']) expect(role(withLifecycle(state))).toBeUndefined();
  });

  it.each([
    'http://app.close.com/lead/x/',
    'https://app.close.com.evil.example/lead/x/',
    'https://app-close.com/lead/x/',
    'https://app.close.co/lead/x/',
    'https://app.close.com:8443/lead/x/',
    'https://evil.example/?https://app.close.com/',
    'https://close.com/',
    'https://api.close.com/api/v1/me/',
    'https://xn--pp-8kc.close.com/', // "аpp" with a Cyrillic 'а', as the browser reports it
    'not a url',
    '',
  ])('%s is not a content script we trust', (url) => {
    expect(role(contentScript({ url, origin: undefined }))).toBeUndefined();
    expect(role(contentScript({ url, origin: url ? safeOrigin(url) : undefined }))).toBeUndefined();
  });

  it('a mismatch between `origin` and `url` is refused', () => {
    expect(role(contentScript({ origin: 'https://evil.example' }))).toBeUndefined();
    expect(role(contentScript({ url: 'https://evil.example/', origin: 'https://app.close.com' }))).toBeUndefined();
    expect(role(contentScript({ origin: 'null' }))).toBeUndefined();
  });
});

describe('who sent it', () => {
  it('another extension\'s id is refused', () => {
    expect(role(contentScript({ id: 'ponmlkjihgfedcbaponmlkjihgfedcba' }))).toBeUndefined();
    expect(
      role({ id: 'ponmlkjihgfedcbaponmlkjihgfedcba', url: `${OWN_ORIGIN}/popup.html`, origin: OWN_ORIGIN } as Sender),
    ).toBeUndefined();
  });

  it('a missing id is refused', () => {
    expect(role(contentScript({ id: undefined }))).toBeUndefined();
    expect(role({ url: `${OWN_ORIGIN}/popup.html` })).toBeUndefined();
    expect(role({})).toBeUndefined();
  });
});

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
