import { defineConfig } from 'vitest/config';

// End-to-end tests: the production build in real Chromium against the Close stand-in.
// One file at a time: each starts its own browser, and the machines have two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Waiting for the UI is not a speed test: the machines are noisy.
    expect: { poll: { timeout: 10_000 } },
  },
});
