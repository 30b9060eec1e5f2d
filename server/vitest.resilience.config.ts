import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'resilience',
    include: ['test/resilience/**/*.resilience.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 1_200_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
