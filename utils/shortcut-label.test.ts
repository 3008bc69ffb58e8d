import { expect, it } from 'vitest';
import { OPEN_PANEL_COMMAND } from './command';
import { boundShortcut, shortcutLabel } from './shortcut-label';
import { currentShortcut } from './background/shortcut';

const words = { notSet: 'not set', howToChange: 'Change it at chrome://extensions/shortcuts.' };

it('reads our command\'s shortcut as the browser reports it, rebound or not', () => {
  expect(boundShortcut([{ name: '_execute_action', shortcut: 'Alt+P' }, { name: OPEN_PANEL_COMMAND, shortcut: 'Ctrl+Shift+Y' }])).toBe('Ctrl+Shift+Y');
});

it('"not set" when the browser left it unset (Chrome: an empty string; Firefox: no shortcut at all)', () => {
  expect(boundShortcut([{ name: OPEN_PANEL_COMMAND, shortcut: '' }])).toBe('');
  expect(boundShortcut([{ name: OPEN_PANEL_COMMAND }])).toBe('');
  expect(boundShortcut([])).toBe('');
  expect(boundShortcut(undefined)).toBe('');
  expect(shortcutLabel('', words)).toEqual({ keys: 'not set', isSet: false, howToChange: words.howToChange });
  expect(shortcutLabel('Alt+Shift+K', words)).toEqual({ keys: 'Alt+Shift+K', isSet: true, howToChange: words.howToChange });
});

it('the background answers from browser.commands, and "not set" where there is no commands API', async () => {
  expect(await currentShortcut(async () => [{ name: OPEN_PANEL_COMMAND, shortcut: 'Alt+Q' }])).toEqual({ shortcut: 'Alt+Q' });
  expect(await currentShortcut(async () => Promise.reject(new Error('no commands')))).toEqual({ shortcut: '' });
});

it('says where to change it in each browser', async () => {
  const { howToChangeKey } = await import('./shortcut-label');
  expect(howToChangeKey('firefox')).toBe('shortcut.changeFirefox');
  expect(howToChangeKey('chrome')).toBe('shortcut.changeChrome');
});
