import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'db',
    include: ['src/**/*.test.ts', 'seeds/**/*.test.ts', 'scripts/**/*.test.ts'],
    // One module graph per worker, not per file: importing the app anew for every file cost more than its tests.
    // Each file still gets a fresh database of its own, and no test mocks modules or changes the environment.
    isolate: false,
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
