import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'client',
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    // One jsdom and module graph per worker instead of per file, a fifth of the time: the setup file unmounts what a
    // test rendered, and every test makes its own query client.
    isolate: false,
    testTimeout: 30_000,
    setupFiles: ['src/test/setup.ts'],
  },
});
