import { describe, expect, it } from 'vitest';
import { panelKey } from './keys';

const press = (init: KeyboardEventInit, target?: EventTarget) => {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  if (target) Object.defineProperty(event, 'target', { value: target });
  return event;
};

describe('panelKey', () => {
  it('saves on Ctrl+Enter and Cmd+Enter, save & next with Shift', () => {
    expect(panelKey(press({ key: 'Enter', ctrlKey: true }))).toBe('save');
    expect(panelKey(press({ key: 'Enter', metaKey: true }))).toBe('save');
    expect(panelKey(press({ key: 'Enter', ctrlKey: true, shiftKey: true }))).toBe('save-next');
    expect(panelKey(press({ key: 'Enter', metaKey: true, shiftKey: true }))).toBe('save-next');
    expect(panelKey(press({ key: 'Enter' }))).toBeUndefined();
  });

  it('moves between calls with Alt+Up/Down unless the control used the key', () => {
    expect(panelKey(press({ key: 'ArrowUp', altKey: true }))).toBe('previous-call');
    expect(panelKey(press({ key: 'ArrowDown', altKey: true }))).toBe('next-call');
    expect(panelKey(press({ key: 'ArrowDown' }))).toBeUndefined();
    const used = press({ key: 'ArrowDown', altKey: true });
    used.preventDefault();
    expect(panelKey(used)).toBeUndefined();
  });

  it('closes on Esc unless a list inside the panel took it', () => {
    expect(panelKey(press({ key: 'Escape' }))).toBe('close');
    const used = press({ key: 'Escape' });
    used.preventDefault();
    expect(panelKey(used)).toBeUndefined();
  });

  it('opens help on ? outside text boxes only', () => {
    const button = document.createElement('button');
    const textarea = document.createElement('textarea');
    const input = document.createElement('input');
    expect(panelKey(press({ key: '?' }, button))).toBe('help');
    expect(panelKey(press({ key: '?' }, textarea))).toBeUndefined();
    expect(panelKey(press({ key: '?' }, input))).toBeUndefined();
  });

  it('collapses and expands on Alt+M, by the physical key, and on nothing near it', () => {
    expect(panelKey(press({ key: 'm', code: 'KeyM', altKey: true }))).toBe('collapse');
    // macOS: Option+M makes the key µ.
    expect(panelKey(press({ key: 'µ', code: 'KeyM', altKey: true }))).toBe('collapse');
    expect(panelKey(press({ key: 'M', code: 'KeyM', altKey: true, shiftKey: true }))).toBeUndefined();
    expect(panelKey(press({ key: 'm', code: 'KeyM', altKey: true, ctrlKey: true }))).toBeUndefined();
    expect(panelKey(press({ key: 'm', code: 'KeyM' }))).toBeUndefined();
  });
});
