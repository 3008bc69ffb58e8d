import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLocale } from '@/test/unit/i18n-setup';
import { App } from '@/entrypoints/popup/App';

const replies: Record<string, unknown> = {};
vi.mock('@/components/ask', () => ({
  ask: vi.fn(async (message: { type: string }) => ({ ok: true, value: replies[message.type] ?? null })),
}));

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  replies['key.status'] = { connected: false };
  replies['outbox.list'] = [];
  root = document.createElement('main');
  document.body.replaceChildren(root);
});
afterEach(() => render(null, root));

async function show() {
  await act(() => render(<App />, root));
  for (let i = 0; i < 3; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}
const buttons = () => [...root.querySelectorAll('button')].map((b) => b.textContent?.trim());

describe('the popup', () => {
  it('keeps the contract names and opens the settings page', async () => {
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    await show();
    const input = root.querySelector('label input') as HTMLInputElement;
    expect(input.type).toBe('password');
    expect(input.closest('label')!.textContent).toBe('API key');
    expect(buttons()).toEqual(['Save', 'Settings']);
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Settings')!.click();
    expect(open).toHaveBeenCalledOnce();
  });

  it('focuses the key field and links to Close’s API keys page (issue 15)', async () => {
    await show();
    const input = root.querySelector('label input') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    const link = root.querySelector('a') as HTMLAnchorElement;
    expect(link.href).toBe('https://app.close.com/settings/developer/api-keys/');
    expect(link.textContent).toBe('Open Close’s API keys page');
    // A new tab, never this popup (which would close) nor the opener's page.
    expect([link.target, link.rel]).toEqual(['_blank', 'noopener noreferrer']);
  });

  it('puts focus back on the key field after Disconnect', async () => {
    replies['key.status'] = { connected: true, account: { email: 'rep@example.com', organization: 'Acme' } };
    await show();
    const disconnect = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Disconnect')!;
    disconnect.focus();
    await act(() => disconnect.click());
    for (let i = 0; i < 3; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(document.activeElement).toBe(root.querySelector('label input'));
  });

  it('shows the account and Disconnect when connected', async () => {
    replies['key.status'] = { connected: true, account: { email: 'rep@example.com', organization: 'Acme' } };
    await show();
    expect(root.querySelector('[data-testid="account-email"]')!.textContent).toBe('rep@example.com');
    expect(buttons()).toEqual(['Disconnect', 'Settings']);
  });

  it('speaks German when the browser does', async () => {
    useLocale('de');
    await show();
    expect(root.querySelector('h1')!.textContent).toBe('Quick Edit für Close');
    expect(root.querySelector('label')!.textContent).toBe('API-Schlüssel');
    expect(buttons()).toEqual(['Speichern', 'Einstellungen']);
  });
});
