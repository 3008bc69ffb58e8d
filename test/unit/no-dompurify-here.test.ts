import DOMPurify from 'dompurify';
import { expect, it } from 'vitest';

// The guard of test/unit/no-dompurify-here.ts: a sanitiser test that lands in happy-dom fails
// instead of passing on a DOMPurify that lets scripts through.
it('DOMPurify refuses to run under happy-dom, and names the fix', () => {
  expect('happyDOM' in globalThis).toBe(true);
  expect(() => DOMPurify.sanitize('<img src=x onerror=alert(1)>')).toThrow(/\.dom\.test\.ts/);
});
