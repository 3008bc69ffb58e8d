import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: WXT's fake browser, a DOM from happy-dom; end-to-end tests have their own configs.
// DOMPurify does not sanitise under happy-dom (scripts and event handlers pass through), so
// every test of sanitising, paste clean-up or note conversion runs in jsdom, where it does. The
// rule is enforced, not remembered: under happy-dom DOMPurify throws (test/unit/no-dompurify-here.ts),
// so a new test that reaches it fails until it is named *.dom.test.ts(x) or *.sanitize.test.ts.
const DOM_TESTS = [
  '**/*.dom.test.{ts,tsx}',
  '**/*.sanitize.test.ts',
  // Today's note, paste and change tests, by name until they are renamed to the pattern.
  'utils/note-html.test.ts',
  'utils/call-changes.test.ts',
  'utils/rich-text/*.test.ts',
];
const ALL = ['utils/**/*.test.ts', 'components/**/*.test.tsx', 'test/unit/**/*.test.ts', 'test/close-stand-in/**/*.test.ts', 'test/security/**/*.test.ts'];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // One worker per core: vitest's default leaves one core to its main process, which here
    // mostly waits; on 2 cores that ran the files one by one, behind the 2-minute property tests.
    maxWorkers: availableParallelism(),
    restoreMocks: true,
    setupFiles: ['test/unit/i18n-setup.ts', 'test/unit/no-dompurify-here.ts'],
    projects: [
      { extends: true, test: { name: 'unit', environment: 'happy-dom', include: ALL, exclude: ['**/node_modules/**', ...DOM_TESTS] } },
      { extends: true, test: { name: 'dom', environment: 'jsdom', include: DOM_TESTS, exclude: ['**/node_modules/**'] } },
    ],
  },
});
