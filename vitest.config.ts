import { defineConfig } from 'vitest/config';

// A repeat of the run on another database (TEST_REPEAT=database, see db/src/testing.ts) leaves out the projects that
// never touch one.
export default defineConfig({
  test: {
    projects: process.env.TEST_REPEAT === 'database' ? ['db', 'server'] : ['shared', 'db', 'server', 'client'],
  },
});
