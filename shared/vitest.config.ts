import { defineConfig } from 'vitest/config';

// Pure functions only: the files can share one module graph per worker.
export default defineConfig({ test: { name: 'shared', include: ['src/**/*.test.ts'], isolate: false } });
