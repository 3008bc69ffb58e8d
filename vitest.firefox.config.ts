import { defineConfig } from 'vitest/config';

// End-to-end tests in real Firefox (ESR) over WebDriver BiDi, against the same Close stand-in
// as the Chromium tests. Each file starts its own Firefox (its own stand-in, proxy, profile and
// display); E2E_WORKERS files run at once (1 unless set).
const workers = Number(process.env.E2E_WORKERS ?? 1);
export default defineConfig({
  test: {
    // STORE_SCREENSHOTS=1 runs only the store screenshot script instead (docs/store/README.md).
    include: process.env.STORE_SCREENSHOTS
      ? ['test/e2e-firefox/store-screenshots.shot.ts']
      : ['test/scenarios/**/*.scenario.ts', 'test/e2e-firefox/**/*.test.ts'],
    // The scenarios (test/scenarios/) are shared with Chromium: this picks their driver.
    env: { E2E_BROWSER: 'firefox' },
    environment: 'node',
    fileParallelism: workers > 1,
    maxWorkers: workers,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // Waiting for the UI is not a speed test: the machines are noisy.
    expect: { poll: { timeout: 10_000 } },
  },
});
