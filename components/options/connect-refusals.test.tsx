import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLocale } from '@/test/unit/i18n-setup';
import { ask } from '@/components/ask';
import { Settings } from '@/components/Settings';
import { connectionNotice } from '@/utils/connection-notice';

// The settings page's refusals (issue 13): a malformed key, a key Close rejected, Close not
// reachable and the extension restarting are each said in their own words, in the browser's
// language, and none of them stores anything.

type AskReply = Awaited<ReturnType<typeof ask>>;
let replies: Record<string, AskReply>;
vi.mock('@/components/ask', () => ({
  ask: vi.fn(async (message: { type: string }) => replies[message.type] ?? { ok: true, value: null }),
}));
const asked = () => vi.mocked(ask).mock.calls.map(([message]) => message.type);

const KEY = 'api_0123456789abcdef.0123456789abcdef';
const ACCOUNT = { userId: 'user_a', organizationId: 'orga_a', email: 'rep@example.com', name: 'Rep', organization: 'Acme' };
const closeError = (kind: string, message: string) => ({ ok: false, error: { kind, message, nextStep: 'retry' } }) as AskReply;

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(ask).mockClear();
  replies = { 'key.status': { ok: true, value: { connected: false } }, 'outbox.list': { ok: true, value: [] } };
  root = document.createElement('main');
  document.body.replaceChildren(root);
});
afterEach(() => render(null, root));

const settle = async () => {
  for (let i = 0; i < 4; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
};
async function show() {
  await act(() => render(<Settings />, root));
  await settle();
}
async function submit(key: string) {
  const input = root.querySelector('input') as HTMLInputElement;
  input.value = key;
  await act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
  await act(() => void root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
  await settle();
}
const alertText = () => root.querySelector('[role="alert"]')?.textContent;

describe('why a key was not stored', () => {
  it('a malformed key is named as one and never leaves the page', async () => {
    await show();
    for (const key of ['short', 'api_key with spaces inside', `api_${'x'.repeat(300)}`, 'api_ümlaut_0123456']) {
      await submit(key);
      expect(alertText()).toBe('That does not look like a Close API key. Paste the whole key.');
    }
    expect(asked()).not.toContain('key.set');
  });

  it.each([
    ['a key Close rejected', closeError('auth', 'Close rejected your API key.'), /^Close rejected this API key\./],
    ['Close not reachable', closeError('offline', 'Could not reach Close.'), /^Could not reach Close to check this key, so it was not saved\./],
    ['the extension restarting', { ok: false, error: { kind: 'restarting', message: 'x' } } as AskReply, /^The extension is restarting, so the key was not saved\./],
    ['the background refusing the message', { ok: false, error: { kind: 'rejected', message: 'Malformed message.' } } as AskReply, /^Something went wrong inside the extension/],
    ['Close failing', closeError('server', 'Close had a problem on its side.'), /^Close had a problem on its side\. The key was not saved\./],
  ])('%s has its own words', async (_what, reply, words) => {
    replies['key.set'] = reply;
    await show();
    await submit(KEY);
    expect(asked()).toContain('key.set');
    expect(alertText()).toMatch(words);
    expect(alertText()).not.toContain('does not look like');
    expect(alertText()).not.toContain('Malformed message');
    expect(root.querySelector('[data-testid="account-email"]')).toBeNull();
  });

  it('the five refusals are five different sentences', async () => {
    const texts = new Set<string>();
    await show();
    await submit('short');
    texts.add(alertText()!);
    for (const reply of [
      closeError('auth', 'a'),
      closeError('offline', 'b'),
      { ok: false, error: { kind: 'restarting', message: 'c' } } as AskReply,
      { ok: false, error: { kind: 'rejected', message: 'd' } } as AskReply,
    ]) {
      replies['key.set'] = reply;
      await submit(KEY);
      texts.add(alertText()!);
    }
    expect(texts.size).toBe(5);
  });

  it('in German, every refusal is German', async () => {
    const english = new Set<string>();
    const german: string[] = [];
    const cases: (AskReply | undefined)[] = [
      undefined,
      closeError('auth', 'x'),
      closeError('offline', 'x'),
      { ok: false, error: { kind: 'restarting', message: 'x' } } as AskReply,
      { ok: false, error: { kind: 'rejected', message: 'Malformed message.' } } as AskReply,
    ];
    for (const locale of ['en', 'de'] as const) {
      useLocale(locale);
      render(null, root);
      await show();
      for (const reply of cases) {
        if (reply) replies['key.set'] = reply;
        await submit(reply ? KEY : 'short');
        if (locale === 'en') english.add(alertText()!);
        else german.push(alertText()!);
      }
    }
    expect(german).toHaveLength(5);
    for (const text of german) {
      expect(english.has(text)).toBe(false);
      expect(text).toMatch(/Schlüssel|Erweiterung/);
      expect(text).not.toMatch(/\b(the|key|not|saved|again|extension)\b/i);
    }
  });
});

describe('a connection an older version stored, and could not be carried over', () => {
  it.each([
    ['damaged', /could not be read, so it was removed/],
    ['rejected', /Close no longer accepted your saved API key/],
    ['unfinished', /could not reach Close yet/],
  ] as const)('%s: the rep is told, next to the key field', async (notice, words) => {
    await connectionNotice.set(notice);
    await show();
    expect(root.querySelector('[data-testid="connection-notice"]')!.textContent).toMatch(words);
    expect(root.querySelector('input[type="password"]')).not.toBeNull();
  });

  it('no notice when there is none, or once connected', async () => {
    await show();
    expect(root.querySelector('[data-testid="connection-notice"]')).toBeNull();
    await connectionNotice.set('damaged');
    replies['key.status'] = { ok: true, value: { connected: true, account: ACCOUNT } };
    render(null, root);
    await show();
    expect(root.querySelector('[data-testid="connection-notice"]')).toBeNull();
  });
});

describe('the status', () => {
  it('that the background could not give is said, not shown as "not connected" alone', async () => {
    replies['key.status'] = { ok: false, error: { kind: 'restarting', message: 'x' } };
    await show();
    expect(alertText()).toBe('The extension is restarting. Try again in a moment.');
  });
});

describe('Disconnect', () => {
  it('that the background did not confirm leaves the account shown and says so', async () => {
    replies['key.status'] = { ok: true, value: { connected: true, account: ACCOUNT } };
    replies['key.clear'] = { ok: false, error: { kind: 'restarting', message: 'x' } };
    await show();
    const disconnect = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Disconnect')!;
    await act(() => disconnect.click());
    await settle();
    expect(alertText()).toMatch(/still connected/);
    expect(root.querySelector('[data-testid="account-email"]')!.textContent).toBe('rep@example.com');

    replies['key.clear'] = { ok: true, value: null };
    await act(() => disconnect.click());
    await settle();
    expect(root.querySelector('[data-testid="account-email"]')).toBeNull();
  });
});
