import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { name: 'e2e', include: ['**/*.e2e.ts'], testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false } });
