import { defineConfig } from 'vitest/config';

// The load tests keep both cores busy; the fault tests mostly wait for clusters, servers and timers to stop and
// start. `npm run test:resilience` runs the two side by side, each group one file at a time, so the waiting fills
// with work and no load test meets another.
const LOAD = ['test/resilience/hostile-load.resilience.test.ts', 'test/resilience/fuzz.resilience.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 1_200_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    projects: [
      { extends: true, test: { name: 'load', include: LOAD } },
      // Only the fault tests copy the test template, so only they prepare it: two preparations at once would race.
      { extends: true, test: { name: 'faults', include: ['test/resilience/**/*.resilience.test.ts'], exclude: LOAD, globalSetup: ['./test/global-setup.ts'] } },
    ],
  },
});
