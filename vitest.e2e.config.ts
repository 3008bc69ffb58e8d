import { defineConfig } from 'vitest/config';

// End-to-end tests: the production build in real Chromium against the Close stand-in.
// One file at a time: each starts its own browser, and the machines have two cores.
export default defineConfig({
  test: {
    include: ['test/scenarios/**/*.scenario.ts', 'test/e2e/**/*.e2e.test.ts'],
    // The scenarios (test/scenarios/) are shared with Firefox: this picks their driver.
    env: { E2E_BROWSER: 'chromium' },
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Waiting for the UI is not a speed test: the machines are noisy.
    expect: { poll: { timeout: 10_000 } },
  },
});
