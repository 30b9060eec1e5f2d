import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['**/*.e2e.ts'],
    globalSetup: ['./support/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // The journeys run beside the unit tests (npm test starts both), so the page may take longer than a second to
    // catch up with what a poll waits for.
    expect: { poll: { timeout: 10_000 } },
  },
});
