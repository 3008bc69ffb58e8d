import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLocale } from '@/test/unit/i18n-setup';
import { ShortcutHelp } from './ShortcutHelp';
import { PopupShortcut } from './options/PopupShortcut';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('main');
  document.body.replaceChildren(root);
});
afterEach(() => render(null, root));

const settle = async () => {
  for (let i = 0; i < 3; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
};
const openRow = () => [...root.querySelectorAll('.help-list > div')].find((row) => row.textContent?.includes('Open this panel'));

describe('the panel\'s help names the open-panel shortcut as the browser has it bound', () => {
  it('a rebound shortcut, as keys, with where Chrome changes it; Alt+Shift+K nowhere', async () => {
    const read = vi.fn(async () => 'Ctrl+Shift+Y');
    await act(() => render(<ShortcutHelp onClose={vi.fn()} readShortcut={read} />, root));
    await settle();
    expect(read).toHaveBeenCalledOnce();
    expect(openRow()!.querySelector('dt kbd')!.textContent).toBe('Ctrl+Shift+Y');
    expect(openRow()!.textContent).toContain('Change it at chrome://extensions/shortcuts.');
    expect(root.textContent).not.toContain('Alt+Shift+K');
  });

  it('"not set" (not as keys) when the browser left it unset, in German too', async () => {
    useLocale('de');
    await act(() => render(<ShortcutHelp onClose={vi.fn()} readShortcut={async () => ''} />, root));
    await settle();
    const row = [...root.querySelectorAll('.help-list > div')][0]!;
    expect(row.querySelector('kbd')).toBeNull();
    expect(row.querySelector('dt')!.textContent).toBe('nicht festgelegt');
    expect(row.textContent).toContain('Ändern unter chrome://extensions/shortcuts.');
  });

  it('shows no open-panel shortcut at all until the background answered (no guessed default)', async () => {
    await act(() => render(<ShortcutHelp onClose={vi.fn()} readShortcut={async () => undefined} />, root));
    await settle();
    expect(openRow()).toBeUndefined();
    expect(root.textContent).not.toContain('Alt+Shift+K');
    expect(root.querySelectorAll('.help-list > div').length).toBeGreaterThan(5); // the panel's own keys still listed
  });
});

describe('the popup names it too', () => {
  it('bound: the keys and where to change them', async () => {
    await act(() => render(<PopupShortcut read={async () => 'Alt+Shift+K'} />, root));
    await settle();
    const section = root.querySelector('section[aria-label="Keyboard shortcut"]')!;
    expect(section.querySelector('kbd')!.textContent).toBe('Alt+Shift+K');
    expect(section.textContent).toBe('Opens the quick edit panel on a Close page: Alt+Shift+KChange it at chrome://extensions/shortcuts.');
  });

  it('not set: says so, in the rep\'s language', async () => {
    useLocale('de');
    await act(() => render(<PopupShortcut read={async () => ''} />, root));
    await settle();
    const section = root.querySelector('section[aria-label="Tastenkürzel"]')!;
    expect(section.querySelector('kbd')).toBeNull();
    expect(section.textContent).toContain('nicht festgelegt');
    expect(section.textContent).toContain('Ändern unter chrome://extensions/shortcuts.');
  });
});
