// @vitest-environment jsdom
// The Note box's wiring (jsdom: DOMPurify sanitises the notes). Typing, selection, IME and
// paste are tested in real browsers (test/e2e/note-formatting.e2e.test.ts and Firefox's).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { noteOfCall, notePlainText, type NoteContent } from '@/utils/note-content';
import { NoteEditor } from './NoteEditor';

const rich = { note: '', note_html: '<body><p>Great call with <strong>Wile E.</strong></p><ul><li><p>Send pricing</p></li></ul></body>' };
const plain = { note: 'Call *me* back\n- not a list', note_html: null };

function mount(value: NoteContent, onChange = vi.fn()) {
  const host = document.createElement('div');
  document.body.append(host);
  act(() => render(<NoteEditor value={value} onChange={onChange} />, host));
  const box = host.querySelector<HTMLElement>('[role=textbox]')!;
  return { host, box, onChange, rerender: (next: NoteContent, error?: string) => act(() => render(<NoteEditor value={next} onChange={onChange} error={error} />, host)) };
}

describe('NoteEditor', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    document.body.replaceChildren();
  });

  it('a multi-line textbox labelled Note, showing formatting as formatting and a plain note as its text', () => {
    const { host, box, rerender } = mount(noteOfCall(rich));
    expect(box.getAttribute('aria-multiline')).toBe('true');
    expect(document.getElementById(box.getAttribute('aria-labelledby')!)?.textContent).toBe('Note');
    expect(box.id).toBe('quick-edit-note');
    expect(box.querySelector('strong')?.textContent).toBe('Wile E.');
    expect(box.querySelector('ul li')?.textContent).toBe('Send pricing');
    expect(box.textContent).not.toMatch(/\*\*|•|</);
    expect([...host.querySelectorAll('[role=toolbar] button')].map((b) => b.getAttribute('aria-label'))).toEqual(['Bold', 'Italic', 'Bulleted list', 'Numbered list']);
    // A new value from outside (another call) is shown.
    rerender(noteOfCall(plain));
    expect([...box.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['Call *me* back', '- not a list']);
    expect(box.querySelector('ul, em')).toBeNull();
  });

  it('an error is said under the box and marks it invalid', () => {
    const { host, box, rerender } = mount(noteOfCall(plain));
    rerender(noteOfCall(plain), 'Too long');
    expect(host.querySelector('#quick-edit-note-hint')?.textContent).toBe('Too long');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toContain('quick-edit-note-hint');
  });

  it('a script’s click on Bold or its synthetic key does nothing; a trusted-looking button call is refused', () => {
    const { host, box, onChange } = mount(noteOfCall(plain));
    (host.querySelector('button[aria-label="Bold"]') as HTMLButtonElement).click();
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'b', ctrlKey: true, bubbles: true }));
    expect(onChange).not.toHaveBeenCalled();
    expect(box.querySelector('strong')).toBeNull();
  });

  it('a script editing the box’s DOM directly changes nothing (no real key press or input came first)', async () => {
    const { box, onChange } = mount(noteOfCall(plain));
    box.querySelector('p')!.textContent = 'forged';
    // ProseMirror reads DOM mutations asynchronously.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onChange).not.toHaveBeenCalled();
    expect(box.querySelector('p')!.textContent).toBe('Call *me* back');
    expect(notePlainText(noteOfCall(plain))).toBe(plain.note);
  });
});
