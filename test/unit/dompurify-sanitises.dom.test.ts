import DOMPurify from 'dompurify';
import { describe, expect, it } from 'vitest';
import { sanitizeNoteHtml, sanitizePastedHtml } from '../../utils/note-html';

// The proof that the "dom" project's environment sanitises: if these tests ran where DOMPurify
// lets handlers through (happy-dom), every sanitiser test beside them would be testing nothing.

const htmlOf = (fragment: DocumentFragment) => {
  const box = document.createElement('div');
  box.append(fragment);
  return box.innerHTML;
};

describe('DOMPurify in this environment', () => {
  it('takes the handler off <img src=x onerror=…>', () => {
    expect(DOMPurify.isSupported).toBe(true);
    expect(DOMPurify.sanitize('<img src=x onerror="alert(1)">')).toBe('<img src="x">');
  });

  it('does so through the sanitiser production uses, for Close’s notes and for pasted HTML', () => {
    const note = htmlOf(sanitizeNoteHtml('<p>Hi<img src="https://x.example/a.png" onerror="alert(1)"><script>alert(2)</script></p>'));
    expect(note).toBe('<p>Hi<img src="https://x.example/a.png"></p>');
    const pasted = htmlOf(sanitizePastedHtml('<p onclick="alert(1)">Hi</p><script>alert(2)</script>'));
    expect(pasted).toContain('Hi');
    expect(pasted).not.toMatch(/onclick|script/);
  });
});
