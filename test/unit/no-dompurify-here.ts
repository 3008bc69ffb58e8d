import { vi } from 'vitest';

// Under happy-dom DOMPurify sanitises nothing (its maintainers call the pair unsupported), so a
// test that reaches it there would pass while testing a sanitiser production never runs. Every
// use of it throws instead, naming the fix; in jsdom (vitest.config.ts's "dom" project, or a
// file's own `// @vitest-environment jsdom`) and in node the real DOMPurify is used.
vi.mock('dompurify', async (importOriginal) => {
  const real = (await importOriginal<{ default: object }>()).default;
  if (!('happyDOM' in globalThis)) return { default: real };
  const refuse = (): never => {
    throw new Error(
      'DOMPurify does not sanitise under happy-dom: name this test *.dom.test.ts(x) or *.sanitize.test.ts so it runs in jsdom (vitest.config.ts).',
    );
  };
  return { default: new Proxy(real, { get: refuse, apply: refuse }) };
});
