import { defineConfig } from 'vitest/config';

// The README's screenshots (node scripts/docs-screenshots.mjs): not tests, never part of npm test.
export default defineConfig({
  test: {
    include: ['test/e2e/docs-screenshots.shot.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 15_000 } },
  },
});
