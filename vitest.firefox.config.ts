import { defineConfig } from 'vitest/config';

// End-to-end tests in real Firefox (ESR) over WebDriver BiDi, against the same Close stand-in
// as the Chromium tests. One file at a time: each starts its own Firefox; npm test runs this
// suite beside Chromium's, and two Firefoxes on top of that overloaded 2 cores (the run took
// longer, and a timer-bound test failed).
export default defineConfig({
  test: {
    // STORE_SCREENSHOTS=1 runs only the store screenshot script instead (docs/store/README.md).
    include: process.env.STORE_SCREENSHOTS
      ? ['test/e2e-firefox/store-screenshots.shot.ts']
      : ['test/scenarios/**/*.scenario.ts', 'test/e2e-firefox/**/*.test.ts'],
    // The scenarios (test/scenarios/) are shared with Chromium: this picks their driver.
    env: { E2E_BROWSER: 'firefox' },
    environment: 'node',
    fileParallelism: false,
    // Each file's Firefox starts from a copy of one profile started once (half the start-up).
    globalSetup: ['test/e2e-firefox/profile-template.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // Waiting for the UI is not a speed test: the machines are noisy.
    expect: { poll: { timeout: 10_000 } },
  },
});
