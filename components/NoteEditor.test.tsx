import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteEditor, commandForKey } from './NoteEditor';

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);

describe('commandForKey', () => {
  it('Ctrl or Cmd with B, I, Shift+8', () => {
    expect(commandForKey(key({ key: 'b', ctrlKey: true }))).toBe('bold');
    expect(commandForKey(key({ key: 'B', metaKey: true }))).toBe('bold');
    expect(commandForKey(key({ key: 'i', ctrlKey: true }))).toBe('italic');
    expect(commandForKey(key({ key: '*', code: 'Digit8', ctrlKey: true, shiftKey: true }))).toBe('list');
    expect(commandForKey(key({ key: '(', code: 'Digit8', metaKey: true, shiftKey: true }))).toBe('list'); // another layout
  });

  it('nothing without the modifier, with Alt, or for other keys', () => {
    expect(commandForKey(key({ key: 'b' }))).toBeUndefined();
    expect(commandForKey(key({ key: 'b', ctrlKey: true, altKey: true }))).toBeUndefined();
    expect(commandForKey(key({ key: 'B', ctrlKey: true, shiftKey: true }))).toBeUndefined();
    expect(commandForKey(key({ key: 'Enter', ctrlKey: true }))).toBeUndefined();
  });
});

describe('NoteEditor', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    document.body.replaceChildren();
  });

  it('works with the props the panel has always passed: label, value, typing goes out through onInput', () => {
    const onInput = vi.fn();
    const host = document.createElement('div');
    document.body.append(host);
    render(<NoteEditor value="Hello" onInput={onInput} rich={false} />, host);
    const box = host.querySelector('textarea')!;
    expect(host.querySelector('label[for="quick-edit-note"]')?.textContent).toBe('Note');
    expect(box.id).toBe('quick-edit-note');
    expect(box.value).toBe('Hello');
    box.value = 'Hello!';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    expect(onInput).toHaveBeenCalledWith('Hello!');
    expect([...host.querySelectorAll('[role=toolbar] button')].map((b) => b.getAttribute('aria-label'))).toEqual(['Bold', 'Italic', 'Bulleted list']);
    expect(host.querySelector('[role=listbox]')).toBeNull();
    render(null, host);
  });

  it('shows the hint for a rich note, or the error', () => {
    const host = document.createElement('div');
    render(<NoteEditor value="" onInput={() => {}} rich />, host);
    expect(host.querySelector('#quick-edit-note-hint')?.textContent).toMatch(/formatting in Close/);
    render(<NoteEditor value="" onInput={() => {}} rich error="Too long" />, host);
    expect(host.querySelector('#quick-edit-note-hint')?.textContent).toBe('Too long');
    expect(host.querySelector('textarea')?.getAttribute('aria-invalid')).toBe('true');
    render(null, host);
  });
});
