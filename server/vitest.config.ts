import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Its own run (npm run test:resilience), with its own time limits.
    exclude: ['test/resilience/**'],
    // One module graph per worker, not per file: importing the app anew for every file cost more than its tests.
    // Each file still gets a fresh database of its own, and no test mocks modules or changes the environment.
    isolate: false,
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
