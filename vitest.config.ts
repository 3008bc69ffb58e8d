import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: WXT's fake browser, a DOM from happy-dom. End-to-end tests have their own config.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['utils/**/*.test.ts', 'components/**/*.test.tsx', 'test/unit/**/*.test.ts', 'test/close-stand-in/**/*.test.ts', 'test/security/**/*.test.ts'],
    restoreMocks: true,
    setupFiles: ['test/unit/i18n-setup.ts'],
  },
});
