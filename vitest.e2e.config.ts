import { defineConfig } from 'vitest/config';

// End-to-end tests: the production build in real Chromium against the Close stand-in.
// Each file starts its own browser (its own stand-in, profile and display); E2E_WORKERS files
// run at once (1 unless set).
const workers = Number(process.env.E2E_WORKERS ?? 1);
export default defineConfig({
  test: {
    include: ['test/scenarios/**/*.scenario.ts', 'test/e2e/**/*.e2e.test.ts'],
    // The scenarios (test/scenarios/) are shared with Firefox: this picks their driver.
    env: { E2E_BROWSER: 'chromium' },
    environment: 'node',
    fileParallelism: workers > 1,
    maxWorkers: workers,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Waiting for the UI is not a speed test: the machines are noisy.
    expect: { poll: { timeout: 10_000 } },
  },
});
